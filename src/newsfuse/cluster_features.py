"""What story clustering compares: one profile per analysed article.

A profile holds three unit vectors and a date:

- ``terms``: content-word lemmas weighted by sublinear term frequency times an inverse
  document frequency taken from the general word frequencies of the article's language
  (``lang.part(language, "core").frequency``), so weights do not depend on which other
  articles happen to be in the batch or stream;
- ``entities``: the words of named-entity mentions (people, organisations, places, events),
  weighted the same way;
- ``embedding``: a sentence embedding of the title and the first sentences;
- ``day``: the publication date as a day number, when known;
- ``numbers``: the specific numbers of the lead (counts, sums, scores: above ten or with a
  decimal point, years left out): two reports of one event tend to repeat them;
- ``years``: the years the text names: two similar events years apart name different ones.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Protocol

import numpy as np

from newsfuse import lang
from newsfuse.types import AnalyzedArticle

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
LEAD_SENTENCES = 3
"""Sentences after the title that go into the embedding text."""
LEAD_ENTITY_SENTENCES = 5
"""Sentences whose entity words an article's own story should know."""
LEAD_WEIGHT = 2.0
"""Terms of the lead sentences count this many times."""
TITLE_ZIPF = 5.0
"""Title words rarer than this (wordfreq Zipf scale) count as terms too."""
_MAX_ZIPF = 8.0
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_NUMBER = re.compile(r"(?<![\w.])(\d[\d,.]*\d|\d)(?!\w)")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
LEAD_NUMBER_SENTENCES = 6
"""Sentences whose specific numbers stand for the article."""

Vector = Mapping[str, float]


class Embedder(Protocol):
    """Anything with ``embed(texts) -> (n, d)`` unit vectors (``newsfuse.nlp.embed``)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class Profile:
    """The comparable parts of one article (see the module docstring)."""

    id: str
    terms: Vector
    entities: Vector
    embedding: np.ndarray
    day: int | None
    lead_entities: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()


def idf(word: str, language: str | None = None) -> float:
    """A corpus-free inverse document frequency: how rare ``word`` is in ``language`` (ISO
    639-1; the default language when unknown)."""
    return max(0.5, _MAX_ZIPF - lang.part(language, "core").frequency(word))


def unit(counts: Mapping[str, float], language: str | None = None) -> dict[str, float]:
    """Sublinear tf times idf (in ``language``), scaled to length one (empty in, empty out)."""
    weights = {
        key: (1.0 + math.log(count)) * idf(key, language) for key, count in counts.items() if count
    }
    norm = math.sqrt(sum(value * value for value in weights.values()))
    return {key: value / norm for key, value in weights.items()} if norm else {}


def term_counts(article: AnalyzedArticle) -> dict[str, float]:
    """Lemma counts, lead sentences (and title words) counted ``LEAD_WEIGHT`` times."""
    counts: defaultdict[str, float] = defaultdict(float)
    for sentence in article.sentences:
        weight = LEAD_WEIGHT if sentence.index < LEAD_SENTENCES else 1.0
        for lemma in sentence.lemmas:
            counts[lemma] += weight
    frequency = lang.part(article.article.language, "core").frequency
    for word in _WORD.findall((article.article.title or "").lower()):
        if word in counts or frequency(word) < TITLE_ZIPF:
            counts[word] += LEAD_WEIGHT
    return counts


def entity_counts(article: AnalyzedArticle, sentences: int | None = None) -> Counter[str]:
    """Counts of the lower-cased words inside named-entity mentions (of the first
    ``sentences`` sentences, or all)."""
    counts: Counter[str] = Counter()
    core = lang.part(article.article.language, "core")
    for sentence in article.sentences[:sentences]:
        for mention in sentence.mentions:
            if mention.label in ENTITY_LABELS:
                counts.update(_entity_words(mention.text, core))
    return counts


def _entity_words(text: str, core: ModuleType) -> Iterable[str]:
    """The words of a name, without possessive endings and the words that link a name's
    words (``core`` is the language's ``core`` part)."""
    for word in _WORD.findall(text.lower()):
        ending = next((end for end in core.POSSESSIVE_ENDINGS if word.endswith(end)), "")
        word = word.removesuffix(ending)
        if len(word) > 1 and word not in core.NAME_LINKS:
            yield word


def lead_text(article: AnalyzedArticle, sentences: int = LEAD_SENTENCES) -> str:
    """The title and the first sentences: what the embedding sees."""
    parts = [article.article.title or ""]
    parts.extend(sentence.text for sentence in article.sentences[:sentences])
    return " ".join(part for part in parts if part).strip()


def lead_numbers(
    article: AnalyzedArticle, sentences: int = LEAD_NUMBER_SENTENCES
) -> frozenset[str]:
    """The specific numbers of the first sentences: above ten or with a decimal part, no years."""
    found: set[str] = set()
    for sentence in article.sentences[:sentences]:
        for raw in _NUMBER.findall(sentence.text):
            value = raw.replace(",", "").rstrip(".")
            if not value or _YEAR.fullmatch(value):
                continue
            try:
                number = float(value)
            except ValueError:
                continue
            if number > 10 or "." in value:
                found.add(value)
    return frozenset(found)


def named_years(article: AnalyzedArticle) -> frozenset[str]:
    """The years the article's title and text name."""
    text = " ".join([article.article.title or "", *(s.text for s in article.sentences)])
    return frozenset(_YEAR.findall(text))


def day_number(published: str | None) -> int | None:
    """``YYYY-MM-DD`` as a day ordinal, or None."""
    match = _DATE.match(published or "")
    if not match:
        return None
    try:
        return date(*(int(group) for group in match.groups())).toordinal()
    except ValueError:
        return None


def profile(article: AnalyzedArticle, embedding: np.ndarray) -> Profile:
    """Build the profile of ``article`` from its analysis and its lead embedding."""
    return Profile(
        id=article.id,
        terms=unit(term_counts(article), article.article.language),
        entities=unit(entity_counts(article), article.article.language),
        embedding=np.asarray(embedding, dtype=np.float32),
        day=day_number(article.article.published),
        lead_entities=frozenset(entity_counts(article, LEAD_ENTITY_SENTENCES)),
        numbers=lead_numbers(article),
        years=named_years(article),
    )


def profiles(articles: Sequence[AnalyzedArticle], embedder: Embedder) -> list[Profile]:
    """Profiles of many articles, embedding their lead texts in one batch."""
    vectors = embedder.embed([lead_text(article) for article in articles])
    return [profile(article, vector) for article, vector in zip(articles, vectors, strict=True)]
