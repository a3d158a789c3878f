"""A neutral headline for a story: the article title most central to the others, cleaned.

Titles lose breadcrumbs ("Home » World »"), site-name prefixes and suffixes ("| Reuters",
"- BBC News"), leading labels ("WATCH:", "BREAKING:") and shouting (ALL CAPS). A title is
central when its content words occur in the other articles; one that shares less than
:data:`MIN_SHARE` of them is about the page, not the story (a date stamp, a site name, a
warning about a video). Text shaped like page furniture is never a headline, whatever it
shares: a call to action, a credit or a player/share bar (the language's boilerplate
vocabulary), a media time code ("4:34"), a word said twice running ("autoplay autoplay"),
symbols no headline uses ("{* widget *}", "Getty Images / Name / Contributor"), or a fragment
starting in lower case. When no title is usable the story's most central lead sentence,
shortened at a clause boundary, stands in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from types import ModuleType

from newsfuse import lang
from newsfuse.types import AnalyzedArticle

MAX_WORDS = 16
MIN_SHARE = 0.15
"""A title's mean share of content words the other articles use, below which it is about the
page (on the gold tune half, date stamps, a site name and a video warning score 0.06-0.12,
the lowest real headline 0.18)."""
_SEPARATORS = re.compile(r"(\s+(?:\||–|—|-|::|•|·|/)\s+)")
_TIME_CODE = re.compile(r"\b\d{1,2}:\d{2}\b(?!\s*[a-zA-Z]\.)")  # "4:34", not "3:30 a.m."
_REPEATED = re.compile(r"\b(\w{3,})\s+\1\b", re.I)
_ODD = re.compile(r"[^\w\s.,;:'\"!?()&$%€£’‘“”–—-]")
_LEADING_SYMBOLS = re.compile(r"^[^\w\"'“‘$€£]+")
_BREADCRUMB = re.compile(r"^.*[»›]\s*")
_WORD = re.compile(r"[a-z0-9]+")

def _content_words(text: str, words: ModuleType) -> set[str]:
    return {w for w in _WORD.findall(text.lower().replace("-", " ")) if w not in words.STOP}


def _is_site_name(part: str, outlets: set[str], small: frozenset[str]) -> bool:
    words = part.split()
    if part.lower().strip() in outlets:
        return True
    short = "," not in part and len(words) <= 4
    return short and not any(w[:1].islower() for w in words if w.lower() not in small)


def clean_title(title: str, outlets: Sequence[str] = (), language: str | None = None) -> str:
    """``title`` without breadcrumbs, labels, site-name parts or shouting."""
    words = lang.part(language, "headline")
    names = {outlet.lower().strip() for outlet in outlets if outlet}
    text = words.DATE_PREFIX.sub("", " ".join(title.split()))
    text = _BREADCRUMB.sub("", text)
    text = _without_site_names(text, names, words.SMALL)
    text = words.LABEL.sub("", _LEADING_SYMBOLS.sub("", text)).strip(" .:;|-")
    return _unshout(text, words.SMALL)


def _without_site_names(text: str, names: set[str], small: frozenset[str]) -> str:
    """``text`` without the site names it begins or ends with ("Reuters | ...", "... - BBC
    News"); a separator inside the title ("Hit - and - Run") stays."""
    pieces = _SEPARATORS.split(text)  # part, separator, part, ...
    parts = pieces[::2]
    start, end = 0, len(parts)
    while end - start > 1 and parts[end - 1].lower().strip() in names:
        end -= 1
    if end == len(parts) and end - start > 1 and _is_site_name(parts[end - 1], names, small):
        end -= 1  # one part shaped like a site name, when no known outlet ends the title
    while end - start > 1 and parts[start].lower().strip() in names:
        start += 1
    if start == 0 and end - start > 1 and _is_site_name(parts[start], names, small):
        start += 1
    return "".join(pieces[2 * start : 2 * end - 1])


def is_page_furniture(text: str, language: str | None = None) -> bool:
    """True when ``text`` is shaped like page furniture rather than a headline or a lead: a
    call to action, credit or player/share-bar words, a media time code, a word said twice
    running, or symbols no headline uses (a slash only between two words)."""
    cues = lang.part(language, "summary")
    bare = re.sub(r"(?<=\w)/(?=\w)", "", text)
    return bool(
        cues.CALL_TO_ACTION.match(text)
        or cues.BOILERPLATE.search(text)
        or _TIME_CODE.search(text)
        or _REPEATED.search(text)
        or _ODD.search(bare)
    )


def _unshout(text: str, small: frozenset[str]) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = text.lower().split()
    return " ".join(
        word if i and word in small else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )


def _usable(title: str, outlets: set[str], small: frozenset[str], language: str | None) -> bool:
    words = title.split()
    usable = 3 <= len(words) <= 25 and not _is_site_name(title, outlets, small)
    starts = title[:1].isupper() or title[:1].isdigit() or title[:1] in "\"“'‘"
    return usable and starts and "?" not in title[-1:] and not is_page_furniture(title, language)


def _share(words: set[str], others: list[set[str]]) -> float:
    """The mean share of ``words`` the other articles use."""
    if not words or not others:
        return 0.0
    return sum(len(words & other) / len(words) for other in others) / len(others)


def _centrality(words: set[str], others: list[set[str]]) -> float:
    """How much of the story a title names: its share of words the other articles use, times
    the square root of its length, so that a short title is not preferred for being short;
    0 below :data:`MIN_SHARE`."""
    share = _share(words, others)
    return share * math.sqrt(len(words)) if share >= MIN_SHARE else 0.0


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
            if text is not None:
                text = words.LABEL.sub("", _LEADING_SYMBOLS.sub("", text))
            if not text or text[0] in "\"“'‘" or is_page_furniture(text, article.article.language):
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
        if not _usable(title, outlets, words.SMALL, language):
            continue
        others = texts[:number] + texts[number + 1 :]
        score = _centrality(_content_words(title, words), others or texts)
        if score > max(best_score, 0.0):
            best, best_score = title, score
    return best or _lead_sentence(articles, texts, words)
