"""The records that flow between newsfuse's stages.

Data flows one way::

    RawDocument -> Article -> AnalyzedArticle -> Story -> Briefing

Every record is a frozen dataclass with no logic beyond derived views. Stages are plain
functions over these records; only ``ingest/`` and ``store/`` do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, is_dataclass, replace
from typing import Any, Literal, NamedTuple, Protocol, get_args, get_origin, get_type_hints

Status = Literal["ok", "duplicate", "rejected"]
BlockKind = Literal["paragraph", "heading"]
EntityType = Literal["PERSON", "ORG", "PLACE", "EVENT", "OTHER"]
DateSignal = Literal["given", "meta", "dateline", "url", "text", "story"]


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from a file, a JSONL line, a WARC record or a URL.

    ``source`` says where it came from: a path, ``PATH#N`` (JSONL line N, from 1),
    ``PATH#OFFSET`` (WARC record at that byte offset) or a URL. ``kind`` is sniffed from the
    content: ``"html"`` or ``"text"``. ``given`` holds metadata the input states explicitly
    (a JSONL export's ``id``, ``title``, ``url``, ``date``, ``outlet``, ``author``): it is
    trusted as given. ``crawl_date`` is when the page was fetched (a WARC-Date): it is never a
    publication date. ``rejected`` is set when ingest already knows the document is unreadable.
    """

    source: str
    content: str
    kind: Literal["html", "text"]
    url: str | None = None
    crawl_date: str | None = None
    given: dict[str, str] = field(default_factory=dict)
    rejected: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a section heading of an article body."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Repair:
    """A change made to transcript text: ``original`` became ``replacement``.

    ``paragraph`` is the index of the block it is in (in ``Article.blocks``).
    """

    original: str
    replacement: str
    paragraph: int
    kind: str = "word-split"


@dataclass(frozen=True, slots=True)
class Article:
    """A document after reading: clean body, metadata and status.

    ``outlet`` is the publisher (or the news agency when no publisher is named); ``agency`` is
    the wire agency the document credits ("ANI", "Reuters"), when it names one.

    Rejected documents are Articles too (``status="rejected"``, ``reason`` set, no blocks), so
    that one stream carries every input and nothing is silently lost.
    """

    id: str
    source: str
    status: Status
    title: str | None = None
    published: str | None = None
    published_signal: DateSignal | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    blocks: tuple[Block, ...] = ()
    agency: str | None = None
    url: str | None = None
    reason: str | None = None
    duplicate_of: str | None = None
    transcript: bool = False
    repairs: tuple[Repair, ...] = ()
    crawl_date: str | None = None

    @property
    def text(self) -> str:
        """The body as paragraphs separated by a blank line (headings included, as lines)."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's paragraphs, without section headings."""
        return tuple(block.text for block in self.blocks if block.kind == "paragraph")

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.blocks if block.kind == "heading")

    @property
    def word_count(self) -> int:
        return sum(len(text.split()) for text in self.paragraphs)


# --------------------------------------------------------------------------- language


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention inside a sentence: character offsets into ``Sentence.text``.

    ``label`` is spaCy's label (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, TIME, CARDINAL,
    QUANTITY, MONEY, PERCENT, ORDINAL ...).
    """

    text: str
    label: str
    start: int
    end: int


class Token(NamedTuple):
    """One word of a sentence parsed on its own (a tuple: small in memory and in a pickle).

    ``idx`` is the character offset into ``Sentence.text``; ``head``, ``left`` and ``right``
    index the sentence's tokens: the word this one depends on (itself for the root) and the
    first and last word of its subtree. ``pos`` is the coarse part of speech as the parse
    leaves it (it refines a few the tagger gives: "which" DET -> PRON); ``lemma`` as spaCy
    gives it (not lower-cased).
    """

    text: str
    idx: int
    lemma: str
    pos: str
    dep: str
    head: int
    left: int
    right: int
    like_num: bool
    is_punct: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article body, with its annotations.

    ``id`` is ``"{doc_id}:{index}"``; ``paragraph`` indexes ``Article.blocks``.
    ``lemmas`` are the lower-cased lemmas of content words (no stop words, no punctuation).
    ``tokens`` is the sentence parsed on its own, for the sentences a later stage parses (that
    can hold a quote, or a long claim to cut at its clauses: ``newsfuse.nlp.parsed``); None
    when the analysis did not parse it (read it with ``newsfuse.nlp.parsed.parse``).
    """

    doc_id: str
    index: int
    paragraph: int
    text: str
    mentions: tuple[Mention, ...] = ()
    lemmas: tuple[str, ...] = ()
    tokens: tuple[Token, ...] | None = None

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.index}"


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An ``ok`` article with its sentences analysed once, for every later stage."""

    article: Article
    sentences: tuple[Sentence, ...]

    @property
    def id(self) -> str:
        return self.article.id


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one event. ``article_ids`` in order of publication."""

    id: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sourced:
    """A statement with the ids of the documents that say it."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """A key fact. ``support`` counts independent newsrooms (copies of one dispatch, and
    one site's articles, count once).

    ``attributed_to`` names the primary sources the articles attribute it to ("TASS",
    "KCNA", "Japanese media"). ``variants`` are the other documents' wordings. ``agencies``
    names the news agencies whose dispatches (carried by the fact's sources) it rests on.
    """

    text: str
    sources: tuple[str, ...]
    support: int
    attributed_to: tuple[str, ...] = ()
    variants: tuple[Sourced, ...] = ()
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """A point on which sources disagree; ``kind`` is ``"conflict"`` or ``"update"``
    (a later report superseding an earlier one: its sides are the latest first).

    ``topic`` is the heading ("Death toll: 5 -> 24"); ``attribute`` what is disputed ("Death
    toll") and ``values`` each side's value, in the order of ``claims`` (empty when unknown).
    """

    topic: str
    claims: tuple[Sourced, ...]
    kind: Literal["conflict", "update"] = "conflict"
    attribute: str = ""
    values: tuple[str, ...] = ()

    @property
    def latest(self) -> str | None:
        """The value an update ends on (what the summary and the key facts should show)."""
        return self.values[0] if self.kind == "update" and self.values else None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or reported quote with its canonical speaker (None: the text does not say
    who, or not clearly: shown unattributed). ``negated``: the words are under a denial
    ("X denied that ..."), not asserted by the speaker."""

    text: str
    sources: tuple[str, ...]
    speaker: str | None
    kind: Literal["direct", "reported"] = "direct"
    negated: bool = False


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event. ``date`` is ``YYYY-MM-DD``; ``precision`` says how much of it is known
    (``"day"``, ``"month"`` or ``"year"``; for month and year the rest is ``-01``).
    ``expression`` is the phrase it was resolved from ("on Sunday"); ``basis`` says whether
    the text states the date ("12 September 2023", "in 2019") or it was inferred from the
    article's publication date and tense ("on Sunday", "in July", "September 12")."""

    date: str
    text: str
    sources: tuple[str, ...]
    precision: Literal["day", "month", "year"] = "day"
    expression: str | None = None
    basis: Literal["stated", "inferred"] = "stated"


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place or event under one canonical name.

    ``flagged`` lists aliases matched by a guess (a phonetic match in a transcript) rather
    than by spelling. ``place`` holds gazetteer facts for places (``geonameid``, ``country``,
    ``latitude``, ``longitude``) where found.
    """

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: int = 0
    flagged: tuple[str, ...] = ()
    place: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Copy:
    """Documents set aside as near-copies of one of the story's articles.

    ``original`` is the article (an ok member of the story); ``copies`` are the ids of the
    documents marked ``duplicate`` of it, in the order they were read. A copy is listed in
    the briefing's ``documents`` and cited wherever its original is, but it is never counted
    as an article of its own (nor as another outlet).
    """

    original: str
    copies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything newsfuse says about one story."""

    story_id: str
    headline: str
    documents: tuple[str, ...]
    summary: tuple[Sourced, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[TimelineEvent, ...]
    entities: tuple[Entity, ...]
    first_published: str | None = None
    last_published: str | None = None
    outlets: tuple[str, ...] = ()
    copies: tuple[Copy, ...] = ()

    @classmethod
    def sections(cls) -> tuple[tuple[str, type[Any]], ...]:
        """Each section's field name and record type, in field order: every field that holds
        a tuple of records (``summary`` of :class:`Sourced` ... ``entities`` of
        :class:`Entity`). A new section is a new field of that kind, nothing else here."""
        return _sections(cls)

    def sourced(self) -> tuple[Cites, ...]:
        """Every item that cites documents, section by section: a section's items, then the
        records nested in them (all facts, then all their ``variants``; each conflict's
        ``claims``). This order numbers the sources of every output."""
        return tuple(item for name, _ in self.sections() for item in _cites(getattr(self, name)))

    def cited_ids(self) -> tuple[str, ...]:
        """Every document id the briefing names, each once: its ``documents``, then the ids
        its items cite (in :meth:`sourced` order)."""
        cited = (doc_id for item in self.sourced() for doc_id in item.sources)
        return tuple(dict.fromkeys((*self.documents, *cited)))

    def map_sources(self, change: Callable[[tuple[str, ...]], tuple[str, ...]]) -> Briefing:
        """The briefing with ``change(item.sources)`` as the sources of every item of
        :meth:`sourced` (the story's ``documents`` are left as they are)."""
        return _map_sources(self, change)

    def keep_sourced(self) -> Briefing:
        """The briefing without the items (at any depth) that cite no document."""
        return _keep_sourced(self)


class Cites(Protocol):
    """A record that cites documents by id."""

    @property
    def sources(self) -> tuple[str, ...]: ...


def _sections(cls: type[Any]) -> tuple[tuple[str, type[Any]], ...]:
    """The fields of record type ``cls`` that hold tuples of records, with that record type
    (a briefing's sections, a fact's variants, a conflict's claims); none for other types."""
    if cls not in _SECTIONS:
        hints = get_type_hints(cls) if is_dataclass(cls) else {}
        _SECTIONS[cls] = tuple(
            (name, get_args(hint)[0])
            for name, hint in hints.items()
            if get_origin(hint) is tuple and is_dataclass(get_args(hint)[0])
        )
    return _SECTIONS[cls]


_SECTIONS: dict[type[Any], tuple[tuple[str, type[Any]], ...]] = {}


def _cites(records: Iterable[object]) -> Iterator[Cites]:
    """``records`` that cite, then (breadth first) the cited records nested in them."""
    records = tuple(records)
    yield from (record for record in records if hasattr(record, "sources"))
    nested = [child for record in records for child in _children(record)]
    if nested:
        yield from _cites(nested)


def _children(record: object) -> Iterator[object]:
    for name, _ in _sections(type(record)):
        yield from getattr(record, name)


def _map_sources(record: Any, change: Callable[[tuple[str, ...]], tuple[str, ...]]) -> Any:
    updates: dict[str, object] = {
        name: tuple(_map_sources(child, change) for child in getattr(record, name))
        for name, _ in _sections(type(record))
    }
    if hasattr(record, "sources"):
        updates["sources"] = change(record.sources)
    return replace(record, **updates)


def _keep_sourced(record: Any) -> Any:
    updates = {
        name: tuple(
            _keep_sourced(child)
            for child in getattr(record, name)
            if getattr(child, "sources", True)
        )
        for name, _ in _sections(type(record))
    }
    return replace(record, **updates)
