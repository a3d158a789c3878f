"""Reading files and folders: kinds sniffed from content, limits, and bad input rejected."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.errors import DocumentError, InputError
from newsfuse.ingest.files import gunzip_limited, list_files, read_file

PAGE = (
    "<!DOCTYPE html><html><head><meta charset='{charset}'><title>Dam gates opened</title></head>"
    "<body><article><p>{body}</p></article></body></html>"
)


def _one(path: Path, settings: Settings | None = None):
    documents = list(read_file(path, settings or Settings()))
    assert len(documents) == 1
    return documents[0]


def test_html_is_sniffed_from_content_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "page.dat"
    path.write_text(PAGE.format(charset="utf-8", body="The gates were opened."), encoding="utf-8")
    document = _one(path)
    assert document.kind == "html" and document.rejected is None
    assert "The gates were opened." in document.content


def test_plain_text_named_html_is_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text("Just a line of prose about the weather in the valley.\n", encoding="utf-8")
    assert _one(path).kind == "text"


def test_gzip_html_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.format(charset="utf-8", body="Über die Brücke").encode()))
    document = _one(path)
    assert document.kind == "html" and "Über die Brücke" in document.content


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes(
        PAGE.format(charset="windows-1252", body="Café “quoted” – naïve").encode("cp1252")
    )
    assert "Café “quoted” – naïve" in _one(path).content


def test_undeclared_invalid_utf8_is_detected_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        ("Le président a déclaré que la réunion aurait lieu à Genève. " * 5).encode("latin-1")
    )
    document = _one(path)
    assert document.rejected is None
    assert "président" in document.content and "Genève" in document.content


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \n\n\t ", "empty document"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not text"),
        ("broken.html.gz", gzip.compress(b"<html><body>" + b"x" * 5000)[:40], "broken gzip"),
        ("garbage.gz", b"\x1f\x8b\x08\x00garbage-not-deflate", "broken gzip"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    document = _one(path)
    assert document.rejected is not None and document.rejected.startswith(reason)
    assert "\n" not in document.rejected


def test_a_200_mb_file_is_rejected_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Word " * 100)
        handle.truncate(200 * 1024 * 1024)
    document = _one(path)
    assert document.rejected is not None and document.rejected.startswith("too large")


def test_decompression_bomb_is_refused() -> None:
    bomb = gzip.compress(b"\0" * (5 * 1024 * 1024))
    with pytest.raises(DocumentError, match="too large"):
        gunzip_limited(bomb, 1024 * 1024)


def test_folders_are_walked_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("two")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [p.name for p in list_files([tmp_path])] == ["a.txt", "two.txt"]


def test_folder_without_readable_file_is_one_rejected_entry(tmp_path: Path) -> None:
    (tmp_path / "empty" / "deeper").mkdir(parents=True)
    paths = list_files([tmp_path / "empty"])
    assert paths == [tmp_path / "empty"]
    document = _one(paths[0])
    assert document.rejected == "no readable file in this folder"


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        list_files([tmp_path / "nope"])


def test_jsonl_records_carry_given_metadata_and_line_sources(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "Given title",
                "date": "2025-05-04",
                "outlet": "Gazette",
                "text": "Paragraph one.\n\nParagraph two.",
            }
        ),
        "",
        "{not json",
        json.dumps({"id": "a3", "html": "<html><body><p>Hello there</p></body></html>"}),
        json.dumps({"id": "a4", "title": "no body"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents = list(read_file(path))
    assert [d.source for d in documents] == [f"{path}#1", f"{path}#3", f"{path}#4", f"{path}#5"]
    first, bad, html, nobody = documents
    assert first.kind == "text" and first.given == {
        "id": "a1",
        "title": "Given title",
        "date": "2025-05-04",
        "outlet": "Gazette",
    }
    assert bad.rejected is not None and bad.rejected.startswith("not JSON")
    assert html.kind == "html" and html.rejected is None
    assert nobody.rejected == "no `text` or `html` field in the record"


def test_gzip_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "one"}\n{"text": "two"}\n'))
    assert [d.content for d in read_file(path)] == ["one", "two"]


def _warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        html = PAGE.format(charset="utf-8", body="Harbour reopened after the storm.").encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/news/2025/06/01/harbour",
                "response",
                payload=io.BytesIO(html),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-06-03T10:00:00Z"},
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/news/2025/06/01/harbour",
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
            )
        )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG...."),
                http_headers=image,
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/other",
                "conversion",
                payload=io.BytesIO(b"Plain text of another page, as in a WET file."),
                warc_headers_dict={"Content-Type": "text/plain"},
            )
        )


@pytest.mark.parametrize("gz", [True, False])
def test_warc_response_and_conversion_records(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz)
    documents = list(read_file(path))
    assert [d.kind for d in documents] == ["html", "text"]
    html, text = documents
    assert html.source.startswith(f"{path}#") and html.source != text.source
    assert html.url == "https://example.org/news/2025/06/01/harbour"
    assert html.crawl_date == "2025-06-03"
    assert "Harbour reopened" in html.content and "another page" in text.content
    offset = int(html.source.rsplit("#", 1)[1])
    with path.open("rb") as handle:  # the offset points at the record
        handle.seek(offset)
        start = handle.read(4)
    assert start == (b"\x1f\x8b\x08\x00" if gz else b"WARC")


def test_truncated_warc_gives_records_before_the_break_then_a_rejection(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    _warc(path, True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 30])
    documents = list(read_file(path))
    assert documents[0].kind == "html" and documents[0].rejected is None
    assert documents[-1].rejected is not None


def test_records_beyond_the_cap_are_reported_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text("".join(f'{{"text": "record {n}"}}\n' for n in range(10)), encoding="utf-8")
    documents = list(read_file(path, Settings(max_records=4)))
    assert [d.content for d in documents[:4]] == [f"record {n}" for n in range(4)]
    assert len(documents) == 5 and documents[4].rejected is not None
    assert documents[4].rejected.startswith("too many records: more than 4")
