"""Which URLs newsfuse may fetch: http(s) only, and never a private address unless allowed.

A URL's host is resolved first and *every* address it resolves to is checked: loopback,
private (RFC 1918, unique-local), link-local (cloud metadata at 169.254.169.254 among them),
carrier-grade NAT, multicast, reserved and unspecified addresses are refused. The fetcher then
connects to the checked address itself (no second lookup an attacker's DNS could answer
differently), and checks again on every redirect.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from newsfuse.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_SCHEMES = ("http", "https")
_METADATA = (ipaddress.ip_network("100.100.100.200/32"), ipaddress.ip_network("fd00:ec2::/32"))
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: its parts and the address to connect to."""

    url: str
    parts: SplitResult
    host: str
    port: int
    address: IPAddress


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """``allow_private`` lifts the address check (tests on loopback, an intranet crawl);
    ``allowed_networks`` lifts it for the given networks only (``"127.0.0.1/32"``)."""

    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()

    def check(self, url: str) -> Target:
        """Resolve and check ``url``; raise FetchError saying why it is refused."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in _SCHEMES:
            raise FetchError(f"{url}: only http and https URLs are fetched, not {parts.scheme!r}")
        host = parts.hostname
        if not host:
            raise FetchError(f"{url}: no host in the URL")
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as error:
            raise FetchError(f"{url}: bad port ({error})") from None
        addresses = resolve(host, port)
        for address in addresses:
            self._check_address(url, address)
        return Target(url, parts, host, port, addresses[0])

    def _check_address(self, url: str, address: IPAddress) -> None:
        if self.allow_private or any(
            address in ipaddress.ip_network(network, strict=False)
            for network in self.allowed_networks
        ):
            return
        why = refusal(address)
        if why:
            raise FetchError(
                f"{url}: refused: {address} is a {why} address (newsfuse fetches only public "
                "addresses; pass --allow-private to fetch from this machine or a private "
                "network)"
            )


def refusal(address: IPAddress) -> str | None:
    """Why ``address`` is not a public address, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return refusal(address.ipv4_mapped)
    checks = (
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local (cloud metadata)"),
        (any(address in network for network in _METADATA), "cloud metadata"),
        (address.version == 4 and address in _CGNAT, "shared (carrier NAT)"),
        (address.is_private, "private"),
        (address.is_multicast, "multicast"),
        (address.is_unspecified, "unspecified"),
        (address.is_reserved, "reserved"),
        (not address.is_global, "non-public"),
    )
    return next((name for flag, name in checks if flag), None)


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (a literal address resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"{host}: cannot resolve the host name ({error})") from None
    hosts = (str(info[4][0]).split("%")[0] for info in infos)
    found = list(dict.fromkeys(ipaddress.ip_address(address) for address in hosts))
    if not found:
        raise FetchError(f"{host}: the host name resolves to no address")
    return found
