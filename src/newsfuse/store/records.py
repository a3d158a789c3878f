"""What the store returns, and how stage records are written to and read from its columns.

Articles, analyses and clustering profiles are stored as JSON (embeddings as float32 bytes),
so a stored article comes back as the same frozen dataclass the pipeline made.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

import numpy as np

from newsfuse.cluster_features import Profile
from newsfuse.fetch.cache import CacheEntry
from newsfuse.types import (
    AnalyzedArticle,
    Article,
    Block,
    Mention,
    RawDocument,
    Repair,
    Sentence,
    Token,
)

__all__ = ["CacheEntry", "SearchHit", "StoreStats", "StoredStory", "content_hash"]


@dataclass(frozen=True, slots=True)
class StoredStory:
    """A story as stored: its ok members (publication order) and its briefing's state.

    ``revision`` counts how many times the briefing was computed; ``stale`` is true while new
    members wait for the briefing to be recomputed.
    """

    id: str
    headline: str | None
    article_ids: tuple[str, ...]
    documents: int
    outlets: int
    first_published: str | None
    last_published: str | None
    revision: int
    stale: bool
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match: an original article (its copies folded in) or a story, with a
    snippet (matches in [brackets]), its relevance (bm25 or ts_rank: higher is better) and,
    for an article, how many copies of it are stored."""

    kind: Literal["article", "story"]
    id: str
    title: str | None
    snippet: str
    score: float
    copies: int = 0


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts of what the store holds."""

    backend: str
    schema_version: int
    documents: int
    ok: int
    duplicate: int
    rejected: int
    pending: int
    stories: int
    stale_stories: int


def content_hash(raw: RawDocument) -> str:
    """What makes a document the same document: where it says it is from, and its content.

    The file name (not its folder), the JSONL line or WARC offset, the stated metadata and the
    text; the same file ingested again from another folder hashes the same.
    """
    name, _, fragment = raw.source.partition("#")
    if "://" not in name:
        name = name.replace("\\", "/").rsplit("/", 1)[-1]
    given = json.dumps(raw.given, sort_keys=True, ensure_ascii=False)
    parts = (name, fragment, raw.kind, given, raw.rejected or "", raw.content)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def unpack_text(data: bytes | memoryview | None) -> str:
    return zlib.decompress(bytes(data)).decode("utf-8") if data else ""


def article_json(article: Article) -> str:
    return json.dumps(asdict(article), ensure_ascii=False, separators=(",", ":"))


def article_from_json(text: str) -> Article:
    data: dict[str, Any] = json.loads(text)
    data["blocks"] = tuple(Block(**block) for block in data.get("blocks", ()))
    data["repairs"] = tuple(Repair(**repair) for repair in data.get("repairs", ()))
    return Article(**data)


def analysis_json(analyzed: AnalyzedArticle) -> str:
    sentences = [
        [s.index, s.paragraph, s.text, [[m.text, m.label, m.start, m.end] for m in s.mentions],
         list(s.lemmas), None if s.tokens is None else [list(t) for t in s.tokens]]
        for s in analyzed.sentences
    ]
    return json.dumps(sentences, ensure_ascii=False, separators=(",", ":"))


def analysis_from_json(article: Article, text: str) -> AnalyzedArticle:
    """The analysis stored by ``analysis_json`` (rows written before parses were kept have
    five fields: their sentences are parsed when a stage asks)."""
    sentences = tuple(
        Sentence(
            article.id, index, paragraph, body,
            tuple(Mention(m[0], m[1], m[2], m[3]) for m in mentions), tuple(lemmas),
            None if not tokens or tokens[0] is None else tuple(Token(*t) for t in tokens[0]),
        )
        for index, paragraph, body, mentions, lemmas, *tokens in json.loads(text)
    )
    return AnalyzedArticle(article, sentences)


def profile_columns(item: Profile) -> tuple[str, bytes]:
    """The profile as (JSON of every field but id and embedding; float32 embedding bytes).

    Every field is kept, whatever fields ``Profile`` has, so that a clusterer restored from
    the store decides exactly as the one that placed the articles did.
    """
    data: dict[str, Any] = {}
    for spec in fields(item):
        if spec.name in ("id", "embedding"):
            continue
        value = getattr(item, spec.name)
        if isinstance(value, set | frozenset):
            value = {_SET: sorted(value)}
        elif isinstance(value, Mapping):
            value = dict(value)
        data[spec.name] = value
    vector = np.asarray(item.embedding, np.float32).tobytes()
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False), vector


def profile_from_columns(article_id: str, text: str, embedding: bytes | memoryview) -> Profile:
    known = {spec.name for spec in fields(Profile)}
    data: dict[str, Any] = {
        key: frozenset(value[_SET]) if isinstance(value, dict) and _SET in value else value
        for key, value in json.loads(text).items()
        if key in known
    }
    vector = np.frombuffer(bytes(embedding), dtype=np.float32).copy()
    return Profile(id=article_id, embedding=vector, **data)


_SET = "__set__"
