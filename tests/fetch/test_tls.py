"""HTTPS through the pinned address: the certificate is checked against the URL's host name
(sent as SNI) although the connection goes to the address checked by the policy."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsfuse.errors import FetchError
from newsfuse.fetch import AddressPolicy, Fetcher, FetchOptions


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = b"<p>secure hello</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client refusing the certificate is what some tests expect


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: cannot make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True, timeout=60,
    )
    server = _Server(("127.0.0.1", 0), _Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield int(server.server_address[1]), cert
    finally:
        server.shutdown()
        server.server_close()


def _fetcher(cert: Path) -> Fetcher:
    options = FetchOptions(min_interval=0, retries=0, obey_robots=False,
                           verify=ssl.create_default_context(cafile=str(cert)))
    return Fetcher(options, AddressPolicy(allow_private=True))


def test_https_is_verified_against_the_host_name(tls_server: tuple[int, Path]) -> None:
    port, cert = tls_server
    with _fetcher(cert) as fetcher:
        assert fetcher.get(f"https://localhost:{port}/").content == b"<p>secure hello</p>"
        with pytest.raises(FetchError, match="(?i)certificate|ssl|network error"):
            fetcher.get(f"https://127.0.0.1:{port}/")  # the certificate names localhost only


def test_an_untrusted_certificate_is_refused(tls_server: tuple[int, Path]) -> None:
    port, _ = tls_server
    options = FetchOptions(min_interval=0, retries=0, obey_robots=False)
    with Fetcher(options, AddressPolicy(allow_private=True)) as fetcher:
        with pytest.raises(FetchError):
            fetcher.get(f"https://localhost:{port}/")
