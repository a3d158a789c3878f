"""All of newsfuse's settings, in one typed object with documented defaults.

Components take the few values they need as explicit arguments; the CLI, the web app and the
Spark job build one ``Settings`` and pass its fields down.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    #: Largest input file read, in bytes; a larger one is rejected unread.
    max_file_bytes: int = 50 * 1024 * 1024
    #: Largest decompressed size of one gzip member or document, in bytes.
    max_document_bytes: int = 20 * 1024 * 1024
    #: Most documents read from one WARC or JSONL file; the rest is reported, not read.
    max_records: int = 1_000_000
    #: Fewest words a body must keep to count as an article (else rejected as "not an article").
    min_article_words: int = 40
    #: MinHash permutations and shingle size (words) for near-duplicate detection.
    minhash_permutations: int = 128
    shingle_words: int = 5
    #: Jaccard threshold of the LSH index; containment threshold for reprinted wire copies.
    duplicate_jaccard: float = 0.5
    duplicate_containment: float = 0.8
    #: Summary length in words.
    summary_words: int = 120
    #: Seconds one document may take to read before it is rejected (0: no limit).
    document_timeout: float = 30.0
    #: Processes that read documents: None for the number of cores (at most 4); 1 reads in
    #: this process, without the time limit.
    read_workers: int | None = None


DEFAULT_SETTINGS = Settings()
