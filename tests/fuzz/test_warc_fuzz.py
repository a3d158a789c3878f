"""Fuzzing WARC reading: real archives written with warcio, then cut, corrupted or lied about."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from fuzzkit import bounded, budget
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.config import Settings
from newsfuse.ingest.files import read_file
from newsfuse.types import RawDocument

TEXT = ("text/html", "text/plain", "application/xhtml")
SMALL = Settings(max_file_bytes=200_000, max_document_bytes=20_000)
PAGE = (
    "<html><head><title>Lock gates repaired</title></head><body><article>"
    "<p>Engineers reopened the canal lock at Varn on Friday after a week of repairs.</p>"
    "</article></body></html>"
)

records = st.lists(
    st.tuples(
        st.sampled_from(["response", "request", "resource", "conversion", "metadata"]),
        st.sampled_from(["text/html; charset=utf-8", "text/plain", "image/png",
                         "text/html; charset=undefined", "application/xhtml+xml", ""]),
        st.one_of(st.just(PAGE), st.text(max_size=400)),
    ),
    min_size=1,
    max_size=5,
)


def _archive(items: list[tuple[str, str, str]], gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for n, (kind, content_type, body) in enumerate(items):
        payload = body.encode("utf-8")
        if kind == "request":
            payload = f"GET /news/{n} HTTP/1.1\r\nHost: varn.example\r\n\r\n".encode()
        url = f"https://varn.example/news/{n}"
        if kind == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                               http_headers=http)
        else:
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                               warc_content_type=content_type or None)
        writer.write_record(record)
    return buffer.getvalue()


def _read(data: bytes) -> list[RawDocument]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc"
        path.write_bytes(data)
        with bounded():
            return list(read_file(path, SMALL))


def _check(documents: list[RawDocument]) -> None:
    for document in documents:
        assert isinstance(document, RawDocument)
        assert document.rejected or document.content  # (Unicode-only spaces pass ingest)
        assert len(document.content) <= SMALL.max_document_bytes


@budget()
@given(records, st.booleans())
def test_a_whole_archive_reads(items: list[tuple[str, str, str]], gzipped: bool) -> None:
    documents = _read(_archive(items, gzipped))
    _check(documents)
    pages = [i for i in items if i[0] in ("response", "resource") and i[1].startswith(TEXT)]
    pages += [i for i in items if i[0] == "conversion"]
    assert len(documents) == len(pages)


@budget()
@given(records, st.booleans(), st.floats(min_value=0.0, max_value=1.0))
def test_a_cut_archive_reads_or_is_rejected(
    items: list[tuple[str, str, str]], gzipped: bool, keep: float
) -> None:
    data = _archive(items, gzipped)
    _check(_read(data[: max(6, int(len(data) * keep))]))


@budget()
@given(records, st.booleans(), st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1,
                                                                            max_size=8)),
                                        min_size=1, max_size=6))
def test_a_corrupted_archive_reads_or_is_rejected(
    items: list[tuple[str, str, str]], gzipped: bool, edits: list[tuple[float, bytes]]
) -> None:
    data = bytearray(_archive(items, gzipped))
    for where, junk in edits:
        at = int(where * (len(data) - 1))
        data[at : at + len(junk)] = junk
    _check(_read(bytes(data)))


LENGTHS = ["99999999999999999999", "-5", "abc", "", "1e9", "0x10", "2147483648", " 12 "]


@budget(0.5)
@given(records, st.sampled_from(LENGTHS), st.sampled_from(["WARC/1.0", "WARC/9.9", "WARC/",
                                                           "WARC/1.1"]))
def test_bogus_headers_are_rejected_not_raised(
    items: list[tuple[str, str, str]], length: str, version: str
) -> None:
    data = _archive(items, gzipped=False).decode("latin-1")
    head, _, rest = data.partition("Content-Length: ")
    _, _, rest = rest.partition("\r\n")
    bogus = f"{head}Content-Length: {length}\r\n{rest}".replace("WARC/1.1", version, 1)
    _check(_read(bogus.encode("latin-1")))


def test_a_huge_content_length_reads_no_more_than_the_limit() -> None:
    big = "<html><body><p>" + "Ferry news. " * 5000 + "</p></body></html>"
    data = _archive([("response", "text/html", big)], gzipped=False).decode("latin-1")
    data = data.replace("Content-Length: ", "Content-Length: 9", 1)
    documents = _read(data.encode("latin-1"))
    assert documents and all(doc.rejected for doc in documents)
    assert any("too large" in (doc.rejected or "") or "cut short" in (doc.rejected or "")
               for doc in documents)


@budget()
@given(st.binary(max_size=2000))
def test_random_bytes_after_a_warc_magic_read_or_are_rejected(tail: bytes) -> None:
    _check(_read(b"WARC/1.0\r\n" + tail))
