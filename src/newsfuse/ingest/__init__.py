"""Ingest: files, folders, JSONL exports, WARC/WET archives -> RawDocument."""
