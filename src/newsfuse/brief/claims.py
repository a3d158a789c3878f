"""Claims: sentences, or clauses of long run-on sentences, that facts and conflicts compare.

A transcript or an unpunctuated scrape can hold a whole paragraph in one "sentence"; such
sentences are cut where the dependency parser finds a new main clause (a subject whose verb
is not reported by another), at clause cues ("however", "although" ...) and, failing that,
into windows of about ``WINDOW`` words, so that one claim says roughly one thing.

Layers: this module sits above ``brief/slots/`` (the slots of a claim: who, when, where, how
many) and below ``brief/align.py``, ``brief/facts.py`` and ``brief/conflicts.py``. It does not
read slots itself; ``event_days``, ``event_stem`` and ``reference_points`` are the slots
package's, named here for the modules that read them through this one. The cue words are
the article's language's part ``claims`` (``lang/en/claims.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newsfuse import lang
from newsfuse.brief.slots import event_days, event_stem, reference_points
from newsfuse.nlp.parsed import parser_for
from newsfuse.types import AnalyzedArticle, Mention, Sentence

__all__ = [
    "Claim",
    "all_claims",
    "article_claims",
    "content_terms",
    "event_days",
    "event_stem",
    "is_headline",
    "reference_points",
]

LONG = 40
WINDOW = 28
MAX_CLAIMS = 80  # per article: a story's claims are compared pairwise (memory is n^2)


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of one document: a sentence or a clause of it.

    ``position`` is the sentence's rank in its article (0 = lead); ``transcript`` is true
    when the article is an unpunctuated transcript (its wording is shown last); ``language``
    is the article's (None: the default language).
    """

    doc_id: str
    sentence_id: str
    text: str
    mentions: tuple[Mention, ...]
    terms: frozenset[str]
    position: int
    published: str | None = None
    transcript: bool = False
    language: str | None = None

    @property
    def key(self) -> str:
        return f"{self.sentence_id}@{self.text[:24]}"


def article_claims(article: AnalyzedArticle, parser: Any | None = None) -> list[Claim]:
    """The claims of an article, in reading order, boilerplate lines left out.

    ``parser`` is a spaCy pipeline with a dependency parser, used on long sentences only.
    """
    claims: list[Claim] = []
    boilerplate = lang.part(article.article.language, "claims").BOILERPLATE
    for position, sentence in enumerate(article.sentences):
        if (
            boilerplate.match(sentence.text)
            or len(sentence.text.split()) < 5
            or is_headline(sentence.text)
            or _is_heading_like(sentence.text, article)
        ):
            continue
        for start, end in _clause_spans(sentence.text, parser, article.article.language):
            claims.append(_claim(article, sentence, position, start, end))
    return claims[:MAX_CLAIMS]


def all_claims(articles: Sequence[AnalyzedArticle], parser: Any | None = None) -> list[Claim]:
    """Every article's claims; reads the analysis's parses when some sentence is long and no
    parser is given."""
    long = any(len(s.text.split()) > LONG for a in articles for s in a.sentences)
    if parser is None and long:
        parser = parser_for(articles)
    return [claim for article in articles for claim in article_claims(article, parser)]


def _claim(
    article: AnalyzedArticle, sentence: Sentence, position: int, start: int, end: int
) -> Claim:
    text = sentence.text[start:end].strip()
    mentions = tuple(
        Mention(m.text, m.label, m.start - start, m.end - start)
        for m in sentence.mentions
        if m.start >= start and m.end <= end
    )
    return Claim(
        doc_id=article.id,
        sentence_id=sentence.id,
        text=text,
        mentions=mentions,
        terms=content_terms(text, article.article.language),
        position=position,
        published=article.article.published,
        transcript=article.article.transcript,
        language=article.article.language,
    )


def is_headline(text: str) -> bool:
    """Title Case without final punctuation: a headline or a menu line, not a statement."""
    words = [word for word in re.findall(r"[A-Za-z][\w'’-]*", text) if len(word) > 3]
    capitals = sum(word[0].isupper() for word in words)
    return len(words) >= 4 and capitals / len(words) > 0.7 and text.rstrip()[-1:] not in ".!?"


def _is_heading_like(text: str, article: AnalyzedArticle) -> bool:
    """The title repeated in the body, or a short unpunctuated line of punctuated prose."""
    title = (article.article.title or "").strip().lower()
    if title and text.strip().lower().startswith(title):
        return True
    unpunctuated = text.rstrip()[-1:] not in ".!?\"”’)"
    return unpunctuated and not article.article.transcript and len(text.split()) < 15


def content_terms(text: str, language: str | None = None) -> frozenset[str]:
    """Lower-cased content words cut to their first five letters (a cheap stem)."""
    stop_words = lang.part(language, "core").STOP_WORDS
    return frozenset(
        word[:5]
        for word in re.findall(r"[a-z0-9]+", text.lower())
        if word not in stop_words and len(word) > 2
    )


def _clause_spans(
    text: str, parser: Any | None, language: str | None = None
) -> list[tuple[int, int]]:
    """Cut a long sentence at main clauses and cues, then into word windows."""
    if len(text.split()) <= LONG:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    cues = lang.part(language, "claims")
    starts = {match.start() + 1 for match in cues.CLAUSE_CUES.finditer(text)}
    starts |= {match.end() for match in cues.INNER_STOP.finditer(text)}
    if parser is not None:
        starts |= _main_clause_starts(parser(text), language)
    cuts = [0, *sorted(start for start in starts if 0 < start < len(text)), len(text)]
    for start, end in zip(cuts, cuts[1:], strict=False):
        if end > start:
            spans.extend(_windows(text, start, end))
    return _merge_short(spans, text)


def _main_clause_starts(doc: Any, language: str | None = None) -> set[int]:
    """Character offsets where a subject of a main (not reported, not relative) verb begins."""
    cues = lang.part(language, "claims")
    starts: set[int] = set()
    for token in doc:
        if token.dep_ not in cues.SUBJECT_DEPS or token.head.dep_ not in cues.MAIN_VERB_DEPS:
            continue
        edge = token.left_edge
        if edge.i > 0 and doc[edge.i - 1].lower_ in cues.SUBORDINATORS:
            continue
        starts.add(edge.idx)
    return starts


def _windows(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if len(words) <= LONG:
        yield start, end
        return
    for begin in range(0, len(words), WINDOW):
        chunk = words[begin : begin + WINDOW]
        if len(words) - begin - WINDOW < 8:
            chunk = words[begin:]
            yield chunk[0][0], chunk[-1][1]
            return
        yield chunk[0][0], chunk[-1][1]


def _merge_short(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and len(text[start:end].split()) < 6:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
