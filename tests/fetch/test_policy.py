"""Which addresses the fetcher refuses, checked after name resolution."""

from __future__ import annotations

import pytest

from newsfuse.errors import FetchError
from newsfuse.fetch import AddressPolicy

REFUSED = [
    "http://127.0.0.1/",
    "http://127.9.9.9:8080/x",
    "http://[::1]/",
    "http://10.1.2.3/",
    "http://172.16.5.4/",
    "http://192.168.1.1/admin",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://100.100.100.200/",
    "http://0.0.0.0/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fd00:ec2::254]/",
    "http://[fe80::1]/",
    "http://224.0.0.1/",
    "http://localhost/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_private_loopback_link_local_and_metadata_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        AddressPolicy().check(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/",
                                 "javascript:alert(1)", "//example.org/x"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        AddressPolicy().check(url)


def test_a_public_address_is_allowed_and_pinned() -> None:
    target = AddressPolicy().check("https://93.184.216.34:8443/news?id=1")
    assert str(target.address) == "93.184.216.34"
    assert target.port == 8443 and target.host == "93.184.216.34"


def test_allowing_private_addresses_is_explicit_and_can_be_narrow() -> None:
    assert AddressPolicy(allow_private=True).check("http://10.0.0.7/").port == 80
    narrow = AddressPolicy(allowed_networks=("127.0.0.1/32",))
    assert str(narrow.check("http://127.0.0.1:9/").address) == "127.0.0.1"
    with pytest.raises(FetchError, match="loopback"):
        narrow.check("http://127.0.0.2:9/")
    with pytest.raises(FetchError, match="metadata"):
        narrow.check("http://169.254.169.254/")
