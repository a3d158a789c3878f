"""Quotes with their speakers, merged across the documents that carry them.

A quotation is the text between double quotation marks, followed across the sentences of a
paragraph (and into the next paragraph when it opens with a quotation mark again), cut into
one quote per sentence. Its speaker comes from the sentence structure around it
(:mod:`newsfuse.brief.speakers`): the frame of its own sentence ("X said", "said X",
"according to X" ...), else of another sentence the same quotation runs through, else the
speaker of the paragraph's previous quotation, else (a paragraph that is all quotation, right
after a quotation) the previous paragraph's speaker. A frame's reported clause is a reported
quote ("police said the road was closed"); a partial quote of a few words keeps its frame
(it is shown inside its reported clause). A frame that denies its clause ("X denied that
...", "X did not say ...") makes a negated quote. A speaker that cannot be resolved leaves
the quote unattributed (speaker None); a quotation without any frame is not shown.
The words are the article's language's (``lang.part(language, "quotes")``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType

from rapidfuzz import fuzz

from newsfuse.brief.entities import EntityIndex
from newsfuse.brief.speakers import Frame, Names, frames
from newsfuse.nlp.parsed import parses
from newsfuse.types import AnalyzedArticle, Quote, Sentence

_MAX_REPORTED_WORDS = 60
_MAX_TRANSCRIPT_WORDS = 30
_MIN_REPORTED_WORDS = 3
_MERGE_SCORE = 88
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'


_Said = tuple[str | None, bool]
"""A quotation's speaker (None: unattributed) and whether its frame denies it."""


@dataclass(slots=True)
class _Found:
    text: str
    speaker: str | None
    kind: str
    doc_id: str
    negated: bool = False


@dataclass(slots=True)
class _Piece:
    """The part of one quotation inside one sentence."""

    sentence: int
    span: tuple[int, int]
    quotation: int


@dataclass(slots=True)
class _Paragraph:
    """What a paragraph's sentences hold: quotation pieces, frames per sentence."""

    sentences: list[Sentence] = field(default_factory=list)
    pieces: list[_Piece] = field(default_factory=list)
    frames: list[list[Frame]] = field(default_factory=list)


def extract_quotes(articles: Sequence[AnalyzedArticle], entities: EntityIndex) -> list[Quote]:
    """Direct and reported quotes of a story, merged across documents."""
    found: list[_Found] = []
    for article in articles:
        found.extend(_article_quotes(article, entities))
    return _merge(found)


def _article_quotes(article: AnalyzedArticle, entities: EntityIndex) -> list[_Found]:
    language = article.article.language
    names = Names(entities, language)
    words = names.words
    docs = parses((s for s in article.sentences if _wanted(s.text, words)), language)
    found: list[_Found] = []
    previous: _Said | None = None  # the last quotation's attribution, for a continuation
    open_quote = False
    for paragraph in _paragraphs(article.sentences):
        block = _Paragraph()
        opens = bool(paragraph) and paragraph[0].text.lstrip()[:1] in (_OPEN, _STRAIGHT)
        carried = open_quote and opens
        quotation = 0
        inside = carried
        for sentence in paragraph:
            pieces, inside, quotation = _pieces(sentence.text, inside, quotation)
            index = len(block.sentences)
            block.sentences.append(sentence)
            block.pieces += [_Piece(index, span, q) for span, q in pieces]
            names.read(sentence)
            doc = docs.get(sentence.text)
            sentence_frames = (
                frames(doc, sentence, names, [span for span, _ in pieces]) if doc else []
            )
            block.frames.append(sentence_frames)
            for frame in sentence_frames:
                names.spoke(frame.speaker)
        open_quote = inside
        quotes, previous = _paragraph_quotes(block, article, previous if opens else None, words)
        found.extend(quotes)
    return found


def _wanted(text: str, words: ModuleType) -> bool:
    """Whether a sentence may hold a frame or a quotation mark (then it is parsed)."""
    return bool(
        words.SPEECH_CUE.search(text) or words.FRAME_CUE.search(text)
        or any(mark in text for mark in (_OPEN, _CLOSE, _STRAIGHT))
    )


def _paragraphs(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if groups and groups[-1][0].paragraph == sentence.paragraph:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def _pieces(text: str, inside: bool, quotation: int
            ) -> tuple[list[tuple[tuple[int, int], int]], bool, int]:
    """The quoted spans of a sentence (each with its quotation's number), whether a quotation
    is still open at its end, and the number of the next quotation."""
    pieces: list[tuple[tuple[int, int], int]] = []
    start = 0 if inside else -1
    for at, char in enumerate(text):
        closes = char == _CLOSE or (char == _STRAIGHT and inside)
        opens = char == _OPEN or (char == _STRAIGHT and not inside)
        if closes and inside:
            pieces.append(((start, at), quotation))
            quotation += 1
            inside = False
        elif opens and not inside:
            start, inside = at + 1, True
    if inside:
        pieces.append(((start, len(text)), quotation))
    return [(span, q) for span, q in pieces if text[span[0]:span[1]].strip()], inside, quotation


def _paragraph_quotes(
    block: _Paragraph, article: AnalyzedArticle, previous: _Said | None, words: ModuleType
) -> tuple[list[_Found], _Said | None]:
    """The paragraph's quotes and the attribution of its last quotation (for a paragraph
    that continues it). ``previous``: the attribution a quotation without a frame continues."""
    found: list[_Found] = []
    said: dict[int, tuple[Frame | None, _Said | None]] = {}
    shown: set[int] = set()  # ids of frames whose clause is shown as a direct quote
    last = previous
    min_words = words.MIN_QUOTE_WORDS
    for piece in block.pieces:
        if piece.quotation not in said:
            frame = _frame_of(block, piece.quotation)
            said[piece.quotation] = (frame, (frame.speaker, frame.negated) if frame else last)
            if frame is not None and frame.unresolved:
                said[piece.quotation] = (frame, None)
        frame, attribution = said[piece.quotation]
        last = attribution
        if attribution is None:
            continue  # no frame (a title, a slogan, a scare quote) or an unresolved one
        sentence = block.sentences[piece.sentence]
        text = sentence.text[piece.span[0] : piece.span[1]].strip(" ,.")
        if len(text.split()) < min_words or _partial(frame, piece, sentence.text, words):
            continue  # a partial quote: shown inside its frame's reported clause
        if frame is not None and frame.clause is not None and _covers(frame.clause, piece.span):
            shown.add(id(frame))
        found.append(_Found(text, attribution[0], "direct", article.id, attribution[1]))
    found += _reported(block, article, shown, words)
    return found, last if block.pieces else None


def _partial(frame: Frame | None, piece: _Piece, text: str, words: ModuleType) -> bool:
    """Whether the quoted piece is part of its frame's reported clause, which says more."""
    if frame is None or frame.clause is None or not _covers(frame.clause, piece.span):
        return False
    start, end = frame.clause
    before = words.CLAUSE_OPENER.sub("", text[start : max(start, piece.span[0])].strip())
    outside = before + " " + text[min(end, piece.span[1]) : end]
    return len(re.findall(r"\w+", outside)) >= words.MIN_QUOTE_WORDS


def _frame_of(block: _Paragraph, quotation: int) -> Frame | None:
    """The frame of a quotation: in a sentence it runs through, nearest to it."""
    best: tuple[int, Frame] | None = None
    for piece in block.pieces:
        if piece.quotation != quotation:
            continue
        for frame in block.frames[piece.sentence]:
            distance = min(abs(frame.at - piece.span[0]), abs(frame.at - piece.span[1]))
            if best is None or distance < best[0]:
                best = (distance, frame)
    return best[1] if best else None


def _covers(clause: tuple[int, int], span: tuple[int, int]) -> bool:
    return clause[0] <= span[1] and span[0] <= clause[1]


def _reported(
    block: _Paragraph, article: AnalyzedArticle, used: set[int], words: ModuleType
) -> list[_Found]:
    """The reported clauses of the paragraph's frames (with any partial quote inside)."""
    found: list[_Found] = []
    limit = _MAX_TRANSCRIPT_WORDS if article.article.transcript else _MAX_REPORTED_WORDS
    for index, sentence_frames in enumerate(block.frames):
        text = block.sentences[index].text
        for frame in sentence_frames:
            if frame.clause is None or id(frame) in used or frame.unresolved:
                continue
            start, end = frame.clause
            if any(start <= other.at < end for other in sentence_frames):
                continue  # it reports another frame: that one says who said what
            clause = _tidy(text[start:end], words)
            count = len(clause.split())
            if count < _MIN_REPORTED_WORDS:
                continue
            if count > limit:
                if not article.article.transcript:
                    continue
                clause = " ".join(clause.split()[:limit]) + " …"
            found.append(_Found(clause, frame.speaker, "reported", article.id, frame.negated))
    return found


def _tidy(text: str, words: ModuleType) -> str:
    text = words.CLAUSE_OPENER.sub("", text.strip())
    return text.strip(" ,;:").rstrip(".") + "."


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _merge(found: list[_Found]) -> list[Quote]:
    merged: list[tuple[_Found, list[str]]] = []
    for quote in found:
        for head, sources in merged:
            same_speaker = (head.speaker, head.negated) == (quote.speaker, quote.negated)
            score = fuzz.token_set_ratio(_normal(head.text), _normal(quote.text))
            if same_speaker and score >= _MERGE_SCORE:
                if quote.doc_id not in sources:
                    sources.append(quote.doc_id)
                if head.kind == "reported" and quote.kind == "direct":
                    head.text, head.kind = quote.text, "direct"
                break
        else:
            merged.append((quote, [quote.doc_id]))
    return [
        Quote(head.text, tuple(sources), head.speaker, head.kind,  # type: ignore[arg-type]
              head.negated)
        for head, sources in merged
    ]
