"""Polite, bounded HTTP fetching.

One :class:`Fetcher` owns its HTTP client, its robots.txt rules and its per-host rate limit.
Each request: the URL is checked by the :class:`~newsfuse.fetch.policy.AddressPolicy` and
connected to at the checked address; robots.txt is obeyed; the host is not asked more often
than ``min_interval``; redirects are followed by hand (at most ``max_redirects``, each hop
checked again); the body is cut off past ``max_bytes`` and the whole fetch past ``deadline``
seconds; timeouts, 429 and 5xx answers are retried with exponential backoff (``Retry-After``
honoured up to ``max_backoff``); ETag and Last-Modified make conditional GETs (304).
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from newsfuse import __version__
from newsfuse.errors import FetchError
from newsfuse.fetch.policy import AddressPolicy, Target
from newsfuse.fetch.ratelimit import HostThrottle
from newsfuse.fetch.robots import RobotsRules

USER_AGENT = f"newsfuse/{__version__} (news briefing; polite crawler)"
_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY = (429, 500, 502, 503, 504)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits and manners of a fetcher (the defaults suit the open web)."""

    timeout: float = 10.0
    deadline: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0
    max_backoff: float = 30.0
    min_interval: float = 1.0
    obey_robots: bool = True
    user_agent: str = USER_AGENT
    verify: bool | ssl.SSLContext = True
    """Verify TLS certificates (an SSLContext trusts its own CAs, e.g. a test server's)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched URL. ``url`` is the final one (after redirects); a 304 has no content."""

    url: str
    status: int
    content: bytes
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """Fetches URLs within a policy and limits; use as a context manager to close its client."""

    def __init__(
        self, options: FetchOptions | None = None, policy: AddressPolicy | None = None
    ) -> None:
        self.options = options or FetchOptions()
        self.policy = policy or AddressPolicy()
        self.throttle = HostThrottle(self.options.min_interval)
        self.robots = RobotsRules(self.options.user_agent)
        timeout = httpx.Timeout(self.options.timeout)
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=False, trust_env=False, verify=self.options.verify
        )
        self.requests = 0
        self._robots_errors: dict[str, str] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET ``url`` politely; raise FetchError when it cannot be fetched."""
        started = time.monotonic()
        current = url
        for _ in range(self.options.max_redirects + 1):
            target = self.policy.check(current)
            if self.options.obey_robots and not self._robots_allow(target):
                origin = f"{target.parts.scheme}://{target.parts.netloc}"
                why = self._robots_errors.get(origin)
                if why:
                    raise FetchError(f"{current}: the site's robots.txt cannot be read ({why})")
                raise FetchError(f"{current}: refused by the site's robots.txt")
            response = self._with_retries(target, etag, last_modified, started)
            if response.status not in _REDIRECTS:
                return response
            location = response.content.decode("utf-8", "replace")
            if not location:
                raise FetchError(f"{current}: redirect ({response.status}) without a Location")
            current = urljoin(current, location)
        raise FetchError(f"{url}: more than {self.options.max_redirects} redirects")

    def _robots_allow(self, target: Target) -> bool:
        origin = f"{target.parts.scheme}://{target.parts.netloc}"
        if not self.robots.known(origin):
            self.robots.learn(origin, self._robots_file(origin))
            delay = self.robots.crawl_delay(origin)
            if delay:
                self.throttle.set_interval(target.host, delay)
        return self.robots.allowed(target.url)

    def _robots_file(self, origin: str) -> tuple[int, bytes]:
        """``(status, body)`` of the origin's robots.txt (status 0 when it cannot be read)."""
        try:
            target = self.policy.check(origin + "/robots.txt")
            response = self._with_retries(target, None, None, time.monotonic(), check=False)
        except FetchError as error:
            self._robots_errors[origin] = str(error).split(": ", 1)[-1]
            return 0, b""
        if response.status >= 500:
            self._robots_errors[origin] = f"HTTP {response.status}"
        return response.status, response.content

    def _with_retries(
        self,
        target: Target,
        etag: str | None,
        last_modified: str | None,
        started: float,
        *,
        check: bool = True,
    ) -> Fetched:
        attempt = 0
        while True:
            try:
                response = self._once(target, etag, last_modified, started)
            except (httpx.TimeoutException, httpx.NetworkError) as error:
                if attempt >= self.options.retries:
                    raise FetchError(f"{target.url}: {_describe(error)}") from None
                delay = self.options.backoff * 2**attempt
            else:
                if response.status not in _RETRY or attempt >= self.options.retries:
                    return _checked(target.url, response) if check else response
                delay = response.retry_after or self.options.backoff * 2**attempt
            if delay > self.options.max_backoff or self._late(started, delay):
                raise FetchError(f"{target.url}: the server keeps failing; giving up")
            time.sleep(delay)
            attempt += 1

    def _late(self, started: float, delay: float) -> bool:
        return time.monotonic() + delay - started > self.options.deadline

    def _once(
        self, target: Target, etag: str | None, last_modified: str | None, started: float
    ) -> Fetched:
        self.throttle.wait(target.host)
        headers = {"User-Agent": self.options.user_agent, "Host": _host_header(target)}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = self._client.build_request(
            "GET", _pinned_url(target), headers=headers,
            extensions={"sni_hostname": target.host},
        )
        self.requests += 1
        response = self._client.send(request, stream=True)
        try:
            return self._read(target, response, started)
        finally:
            response.close()

    def _read(self, target: Target, response: httpx.Response, started: float) -> Fetched:
        if response.status_code in _REDIRECTS:
            location = response.headers.get("location", "")
            return Fetched(target.url, response.status_code, location.encode())
        declared = int(response.headers.get("content-length") or 0)
        if declared > self.options.max_bytes:
            raise FetchError(f"{target.url}: too large ({declared:,} bytes declared)")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.options.max_bytes:
                raise FetchError(f"{target.url}: too large (over {self.options.max_bytes:,} bytes)")
            if time.monotonic() - started > self.options.deadline:
                raise FetchError(f"{target.url}: took longer than {self.options.deadline:g} s")
            chunks.append(chunk)
        content_type = response.headers.get("content-type", "")
        media = content_type.split(";")[0].strip().lower() or None
        return Fetched(
            target.url, response.status_code, b"".join(chunks), media,
            response.charset_encoding, response.headers.get("etag"),
            response.headers.get("last-modified"),
            _retry_after(response.headers.get("retry-after")),
        )


def _checked(url: str, response: Fetched) -> Fetched:
    if response.status in _REDIRECTS or response.status in (200, 203, 304):
        return response
    raise FetchError(f"{url}: the server answered HTTP {response.status}")


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header given in seconds (HTTP dates are ignored)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _describe(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    return f"network error ({type(error).__name__}: {error})"


def _host_header(target: Target) -> str:
    default = 443 if target.parts.scheme.lower() == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


def _pinned_url(target: Target) -> str:
    """The URL with its host replaced by the checked address (no second DNS lookup)."""
    address = f"[{target.address}]" if target.address.version == 6 else str(target.address)
    netloc = f"{address}:{target.port}"
    return target.parts._replace(netloc=netloc, fragment="").geturl()
