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

from newsfuse.types import AnalyzedArticle

MAX_WORDS = 16
_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|•|·)\s+")
_BREADCRUMB = re.compile(r"^.*[»›]\s*")
_LABEL = re.compile(
    r"^(?:breaking(?: news)?|watch|video|live|update[d]?|exclusive|opinion|analysis|photos?)"
    r"\s*[:|-]\s*",
    re.I,
)
_ATTRIBUTION = re.compile(
    r",?\s+(?:(?:police|officials|authorities|sources|reports?|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})"
    r" (?:said|says|reported|reports|confirmed|told \w+))\.?$"
)
_CLAUSE = re.compile(r",|;| —| -| when | after | as | amid | while | because | but | which ")
_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of in on at to for and or but is are was were be by with from as its it this "
    "that after over into about says say said will has have had new".split()
)
_SMALL = frozenset("a an the of in on at to for and or but by with from as vs via".split())


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower().replace("-", " ")) if w not in _STOP}


def _is_site_name(part: str, outlets: set[str]) -> bool:
    words = part.split()
    if part.lower().strip() in outlets:
        return True
    return len(words) <= 4 and not any(w[:1].islower() for w in words if w.lower() not in _SMALL)


def clean_title(title: str, outlets: Sequence[str] = ()) -> str:
    """``title`` without breadcrumbs, labels, site-name parts or shouting."""
    names = {outlet.lower().strip() for outlet in outlets if outlet}
    text = _DATE_PREFIX.sub("", " ".join(title.split()))
    text = _BREADCRUMB.sub("", text)
    parts = [part for part in _SEPARATORS.split(text) if part.strip()]
    if len(parts) > 1:
        kept = [part for part in parts if not _is_site_name(part, names)]
        text = max(kept or parts, key=lambda part: len(part.split()))
    text = _LABEL.sub("", text).strip(" .:;|-")
    return _unshout(text)


def _unshout(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = text.lower().split()
    return " ".join(
        word if i and word in _SMALL else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def _usable(title: str, outlets: set[str]) -> bool:
    words = title.split()
    return 3 <= len(words) <= 25 and not _is_site_name(title, outlets) and "?" not in title[-1:]


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


def _shorten(sentence: str) -> str:
    """The sentence cut at a clause boundary to at most MAX_WORDS words, attribution dropped."""
    text = _ATTRIBUTION.sub("", sentence.strip()).rstrip(".!\"”’ ")
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    head = " ".join(words[:MAX_WORDS])
    cuts = [match.start() for match in _CLAUSE.finditer(head) if match.start() > len(head) // 3]
    if cuts:
        return _unquoted(head[: cuts[-1]].rstrip(" ,;"))
    kept = words[:MAX_WORDS]
    while kept and kept[-1].lower().strip(",;") in _SMALL | _STOP:
        kept.pop()
    return _unquoted(" ".join(kept).rstrip(",;"))


def _lead_sentence(articles: Sequence[AnalyzedArticle], texts: list[set[str]]) -> str:
    """The opening sentence that shares most with the other articles."""
    from newsfuse.brief.summary import clean_sentence

    best, best_score = "", -1.0
    for number, article in enumerate(articles):
        others = texts[:number] + texts[number + 1 :] or [texts[number]]
        for sentence in article.sentences[:3]:
            text = clean_sentence(sentence.text)
            if text is None or text[0] in "\"“'‘":
                continue
            words = _content_words(text)
            shared = sum(len(words & other) for other in others) / len(others)
            length = len(text.split())
            score = (
                shared / max(1.0, len(words)) ** 0.5
                * (1.5 if sentence.index == 0 else 1.0)
                / (1.0 + max(0, length - MAX_WORDS) / MAX_WORDS)
            )
            if score > best_score:
                best, best_score = text, score
    return _shorten(best) if best else ""


def make_headline(articles: Sequence[AnalyzedArticle]) -> str:
    """A neutral headline for the story the articles tell ("" when they carry no text)."""
    outlets = {a.article.outlet.lower() for a in articles if a.article.outlet}
    texts = [_content_words(" ".join(s.text for s in a.sentences)) for a in articles]
    best, best_score = "", -1.0
    written = any(a.article.title and not a.article.transcript for a in articles)
    for number, article in enumerate(articles):
        if not article.article.title or (written and article.article.transcript):
            continue  # a video's title is a teaser: used only when no written article has one
        title = clean_title(article.article.title, tuple(outlets))
        if not _usable(title, outlets):
            continue
        others = texts[:number] + texts[number + 1 :]
        score = _centrality(_content_words(title), others or texts)
        if score > best_score:
            best, best_score = title, score
    return best or _lead_sentence(articles, texts)
