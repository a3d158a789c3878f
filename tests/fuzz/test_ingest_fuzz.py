"""Fuzzing ingest: sniffing, decoding, gzip, JSONL and whole files never crash or hang.

Every parser must return its result or a typed rejection (a rejected RawDocument or a
DocumentError) for any input, within a time bound, reading no more than the size limits allow.
"""

from __future__ import annotations

import codecs
import encodings.aliases
import gzip
import json
import time
import zlib
from pathlib import Path

from fuzzkit import EXAMPLES, bounded, budget
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.config import Settings
from newsfuse.errors import DocumentError
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.files import gunzip_limited, read_file
from newsfuse.ingest.jsonl import read_jsonl, record_document
from newsfuse.ingest.sniff import sniff
from newsfuse.types import RawDocument

SMALL = Settings(max_file_bytes=200_000, max_document_bytes=50_000)
CODECS = sorted(
    {*encodings.aliases.aliases.values(), *encodings.aliases.aliases}
    | {"idna", "undefined", "punycode", "rot13", "base64", "zlib", "hex", "uu", "utf-7",
       "utf-16", "utf-32", "mbcs", "palmos", "unicode_escape", "raw_unicode_escape", "latin-1"}
)
PREFIXES = [b"", b"<!--x-->" * 40, b"<!DOCTYPE html><html>", b"<?xml version='1.0'?><rss>",
            b"{\"text\": 1}\n", b"WARC/1.0\r\n", b"\xef\xbb\xbf", codecs.BOM_UTF16_LE,
            b"\x1f\x8b\x08\x00", b"<meta charset=\"undefined\">"]
chunks = st.one_of(st.binary(max_size=3000), st.text(max_size=800).map(str.encode))
documents = st.builds(lambda prefix, body: prefix + body, st.sampled_from(PREFIXES), chunks)


@budget()
@given(documents)
def test_sniff_names_a_kind_for_any_bytes(data: bytes) -> None:
    with bounded():
        assert sniff(data) in {"warc", "jsonl", "html", "text", "feed"}


def test_sniff_is_linear_in_runs_of_comments() -> None:
    # Found by fuzzing: a run of comments not followed by a tag backtracked exponentially.
    started = time.process_time()
    with bounded(10):
        assert sniff(b"<!---->" * 580 + b"plain words") == "text"
        assert sniff(b"<!-- a -->" * 400 + b"<p>para</p>") == "html"
    assert time.process_time() - started < 2.0


@budget()
@given(documents, st.one_of(st.none(), st.sampled_from(CODECS), st.text(max_size=20)))
def test_decode_gives_text_or_a_document_error(data: bytes, charset: str | None) -> None:
    with bounded():
        for payload in (data, f'<meta charset="{charset}">'.encode() + data):
            try:
                assert isinstance(decode_bytes(payload, header_charset=charset), str)
            except DocumentError as error:
                assert str(error).startswith("unreadable")


@budget()
@given(st.binary(max_size=2000), st.integers(min_value=0, max_value=3000))
def test_gunzip_gives_bytes_within_the_limit_or_a_document_error(data: bytes, cut: int) -> None:
    for blob in (data, gzip.compress(data)[:cut], b"\x1f\x8b" + data):
        with bounded():
            try:
                assert len(gunzip_limited(blob, 1000)) <= 1000
            except DocumentError as error:
                assert str(error).startswith(("broken gzip", "too large"))


@budget(0.5)
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=5))
def test_every_gzip_member_is_read(parts: list[bytes]) -> None:
    # Found by fuzzing: only the first member of a concatenated gzip file was read.
    blob = b"".join(gzip.compress(part) for part in parts)
    assert gunzip_limited(blob, 10_000) == b"".join(parts)


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9) * 4
    started = time.process_time()
    try:
        gunzip_limited(bomb, 1_000_000)
    except DocumentError as error:
        assert "too large" in str(error)
    else:
        raise AssertionError("a 200 MB bomb was inflated")
    assert time.process_time() - started < 2.0


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=60),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "title", "url", "date", "outlet", "author",
                                       "text", "html", "x"]) | st.text(max_size=5),
                      children, max_size=6),
    max_leaves=30,
)


def _record_lines() -> st.SearchStrategy[str]:
    structured = json_values.map(lambda value: json.dumps(value, allow_nan=True))
    nested = st.integers(min_value=1, max_value=200_000).map(lambda n: "[" * n + "]" * n)
    numbers = st.integers(min_value=1, max_value=100_000).map(lambda n: '{"id": ' + "9" * n + "}")
    return st.one_of(structured, nested, numbers, st.text(max_size=500))


@budget()
@given(_record_lines())
def test_a_jsonl_line_is_a_document_or_rejected(line: str) -> None:
    with bounded():
        document = record_document("export.jsonl#1", line, SMALL)
    assert isinstance(document, RawDocument)
    assert document.rejected or document.content.strip()
    assert all(isinstance(value, str) for value in document.given.values())


def test_deeply_nested_json_is_rejected_not_raised() -> None:
    # Found by fuzzing: json.loads raised RecursionError past the ingest's except clause.
    document = record_document("x.jsonl#1", "[" * 500_000 + "]" * 500_000, Settings())
    assert document.rejected == "not JSON: nested too deeply"


def test_a_jsonl_line_longer_than_the_limit_is_not_read_whole(tmp_path: Path) -> None:
    # Found while checking limits: a line was read whole before its length was checked.
    path = tmp_path / "export.jsonl"
    good = json.dumps({"id": "after", "text": "The ferry sailed at dawn. " * 20})
    path.write_text(json.dumps({"text": "x" * 300_000}) + "\n" + good + "\n", encoding="utf-8")
    documents = list(read_jsonl(path, SMALL))
    assert documents[0].rejected and documents[0].rejected.startswith("too large")
    assert documents[1].given["id"] == "after" and documents[1].rejected is None
    assert documents[1].source.endswith("#2")


@budget(0.5)
@given(st.lists(_record_lines(), max_size=6), st.integers(min_value=0, max_value=5000))
def test_a_broken_gzip_jsonl_file_ends_in_a_rejection(lines: list[str], cut: int) -> None:
    import tempfile

    data = gzip.compress(("\n".join(['{"text": "a b c"}', *lines]) + "\n").encode())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.jsonl.gz"
        path.write_bytes(data[: max(cut, 12)] + bytes([cut % 256]) * (cut % 7))
        with bounded():
            documents = list(read_file(path, SMALL))
    assert documents and all(isinstance(doc, RawDocument) for doc in documents)


@budget()
@given(documents, st.booleans())
def test_any_file_reads_into_documents_or_rejections(data: bytes, compress: bool) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.bin"
        path.write_bytes(gzip.compress(data) if compress else data)
        with bounded():
            documents = list(read_file(path, SMALL))
    if not data.lstrip().startswith(b"WARC/"):  # a WARC may hold no page at all
        assert documents, "every file gives at least one document or rejection"
    for document in documents:
        assert isinstance(document, RawDocument)
        assert document.rejected or len(document.content.encode("utf-8", "replace")) <= 4 * 50_000


def test_fuzz_budget_is_configurable() -> None:
    assert EXAMPLES >= 1 and zlib.MAX_WBITS == 15
