"""A neutral headline for a story: the article title most central to the others, cleaned.

Titles lose breadcrumbs ("Home » World »"), site-name suffixes ("| Reuters", "- BBC News"),
leading labels ("WATCH:", "BREAKING:") and shouting (ALL CAPS). A title is central when its
content words occur in the other articles. When no title is usable the story's most central
lead sentence, shortened at a clause boundary, stands in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from types import ModuleType

from newsfuse import lang
from newsfuse.types import AnalyzedArticle

MAX_WORDS = 16
_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|•|·)\s+")
_BREADCRUMB = re.compile(r"^.*[»›]\s*")
_WORD = re.compile(r"[a-z0-9]+")

def _content_words(text: str, words: ModuleType) -> set[str]:
    return {w for w in _WORD.findall(text.lower().replace("-", " ")) if w not in words.STOP}


def _is_site_name(part: str, outlets: set[str], small: frozenset[str]) -> bool:
    words = part.split()
    if part.lower().strip() in outlets:
        return True
    return len(words) <= 4 and not any(w[:1].islower() for w in words if w.lower() not in small)


def clean_title(title: str, outlets: Sequence[str] = (), language: str | None = None) -> str:
    """``title`` without breadcrumbs, labels, site-name parts or shouting."""
    words = lang.part(language, "headline")
    names = {outlet.lower().strip() for outlet in outlets if outlet}
    text = words.DATE_PREFIX.sub("", " ".join(title.split()))
    text = _BREADCRUMB.sub("", text)
    parts = [part for part in _SEPARATORS.split(text) if part.strip()]
    if len(parts) > 1:
        kept = [part for part in parts if not _is_site_name(part, names, words.SMALL)]
        text = max(kept or parts, key=lambda part: len(part.split()))
    text = words.LABEL.sub("", text).strip(" .:;|-")
    return _unshout(text, words.SMALL)


def _unshout(text: str, small: frozenset[str]) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = text.lower().split()
    return " ".join(
        word if i and word in small else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def _usable(title: str, outlets: set[str], small: frozenset[str]) -> bool:
    words = title.split()
    usable = 3 <= len(words) <= 25 and not _is_site_name(title, outlets, small)
    return usable and "?" not in title[-1:]


def _centrality(words: set[str], others: list[set[str]]) -> float:
    """How much of the story a title names: the mean share of its words the other articles
    use, times the square root of its length, so that a short title is not preferred for
    being short."""
    if not words or not others:
        return 0.0
    share = sum(len(words & other) / len(words) for other in others) / len(others)
    return share * math.sqrt(len(words))


def _unquoted(text: str) -> str:
    """Drop a quotation the cut left open."""
    for mark, close in (("“", "”"), ('"', None)):
        opened = text.count(mark) > text.count(close) if close else text.count(mark) % 2 == 1
        if opened:
            text = text[: text.rfind(mark)].rstrip(" ,;:")
    return text


def _shorten(sentence: str, cues: ModuleType) -> str:
    """The sentence cut at a clause boundary to at most MAX_WORDS words, attribution dropped."""
    text = cues.ATTRIBUTION.sub("", sentence.strip()).rstrip(".!\"”’ ")
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    head = " ".join(words[:MAX_WORDS])
    cuts = [match.start() for match in cues.CLAUSE.finditer(head) if match.start() > len(head) // 3]
    if cuts:
        return _unquoted(head[: cuts[-1]].rstrip(" ,;"))
    kept = words[:MAX_WORDS]
    while kept and kept[-1].lower().strip(",;") in cues.SMALL | cues.STOP:
        kept.pop()
    return _unquoted(" ".join(kept).rstrip(",;"))


def _lead_sentence(
    articles: Sequence[AnalyzedArticle], texts: list[set[str]], words: ModuleType
) -> str:
    """The opening sentence that shares most with the other articles."""
    from newsfuse.brief.summary import clean_sentence

    best, best_score = "", -1.0
    for number, article in enumerate(articles):
        others = texts[:number] + texts[number + 1 :] or [texts[number]]
        for sentence in article.sentences[:3]:
            text = clean_sentence(sentence.text, article.article.language)
            if text is None or text[0] in "\"“'‘":
                continue
            content = _content_words(text, words)
            shared = sum(len(content & other) for other in others) / len(others)
            length = len(text.split())
            score = (
                shared / max(1.0, len(content)) ** 0.5
                * (1.5 if sentence.index == 0 else 1.0)
                / (1.0 + max(0, length - MAX_WORDS) / MAX_WORDS)
            )
            if score > best_score:
                best, best_score = text, score
    return _shorten(best, words) if best else ""


def make_headline(articles: Sequence[AnalyzedArticle]) -> str:
    """A neutral headline for the story the articles tell ("" when they carry no text), read
    in the language of its first article."""
    language = articles[0].article.language if articles else None
    words = lang.part(language, "headline")
    outlets = {a.article.outlet.lower() for a in articles if a.article.outlet}
    texts = [_content_words(" ".join(s.text for s in a.sentences), words) for a in articles]
    best, best_score = "", -1.0
    written = any(a.article.title and not a.article.transcript for a in articles)
    for number, article in enumerate(articles):
        if not article.article.title or (written and article.article.transcript):
            continue  # a video's title is a teaser: used only when no written article has one
        title = clean_title(article.article.title, tuple(outlets), language)
        if not _usable(title, outlets, words.SMALL):
            continue
        others = texts[:number] + texts[number + 1 :]
        score = _centrality(_content_words(title, words), others or texts)
        if score > best_score:
            best, best_score = title, score
    return best or _lead_sentence(articles, texts, words)
