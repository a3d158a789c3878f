"""Metadata read from the lines of a scraped page: dates, bylines, outlets and news agencies.

Every function here works on plain strings, so the HTML extractor can reuse them.
Unknown values are ``None``: nothing is guessed. Metadata is read before the page's language is
known, so month and weekday names, dateline and byline words are every language's
(``lang/<code>/calendar.py``, ``datelines.py``, ``bylines.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsfuse import lang

MONTHS: dict[str, int] = {
    name: number for part in lang.parts("calendar") for name, number in part.MONTH_NUMBERS.items()
}
"""Month names and abbreviations of every language to month numbers, lower-case."""
MONTH_NAMES = lang.alternatives("calendar", "MONTH_NUMBERS", words=True)
"""A month name of any language, as a pattern group (longest names first)."""
ORDINAL = lang.alternatives("calendar", "ORDINAL_SUFFIXES", words=True)
"""What may follow a day's number in any language: ``st``, ``er``, ``.``."""

_MONTH = r"(?P<mon>" + MONTH_NAMES + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)" + ORDINAL + "?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_JOINER = r"(?:" + lang.alternatives("calendar", "DATE_JOINERS", words=True) + r"\s+)?"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b" + _YEAR + r"-(?P<num>[01]?\d)-" + r"(?P<day>[0-3]?\d)\b",
        r"\b" + _YEAR + r"\s+" + _MONTH + r"\s+" + _DAY + r"\b",
        r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b",
        r"\b" + _DAY + r"\s+" + _JOINER + _MONTH + r",?\s+" + _JOINER + _YEAR + r"\b",
        r"\b(?P<day>[0-3]?\d)\.(?P<num>[01]?\d)\." + _YEAR + r"\b",
    )
)
_DATE_LINE_FILLER = re.compile(
    r"\b(?:" + lang.alternatives("datelines", "FILLER_WORDS", words=True)
    + "|" + lang.alternatives("calendar", "WEEKDAYS", words=True)
    + "|" + lang.alternatives("calendar", "WEEKDAY_ABBREVIATIONS", words=True)
    + r")\b|\d{1,2}\s?[" + re.escape("".join(lang.entries("datelines", "TIME_SEPARATORS")))
    + r"]\s?\d{2}(?::\d{2})?" + lang.alternatives("datelines", "TIME_SUFFIXES", words=True)
    + r"?|[^\w\s]",
    re.IGNORECASE,
)
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<num>[01]?\d)[/-](?P<day>[0-3]?\d)(?:/|-|\b)"
    r"|/(?P<compact>(?:19|20)\d\d[01]\d[0-3]\d)/"
)
_EXPLICIT_DATE = re.compile(
    r"\b" + lang.alternatives("datelines", "DATE_LABELS", words=True)
    + r"[:\s]+((?:19|20)\d\d-[01]\d-[0-3]\d)\b",
    re.IGNORECASE,
)

AGENCIES: dict[str, str] = {
    "ani": "ANI", "pti": "PTI", "ians": "IANS", "uni": "UNI", "afp": "AFP",
    "agence france-presse": "AFP", "ap": "AP", "associated press": "AP", "reuters": "Reuters",
    "tass": "TASS", "ria": "RIA Novosti", "ria novosti": "RIA Novosti", "interfax": "Interfax",
    "xinhua": "Xinhua", "yonhap": "Yonhap", "kyodo": "Kyodo", "kcna": "KCNA", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "bernama": "Bernama", "anadolu": "Anadolu", "rss": "RSS",
    "upi": "UPI", "apa": "APA", "ntb": "NTB", "tt": "TT", "ctk": "CTK", "pap": "PAP",
}  # fmt: skip
_NOT_AUTHORS = frozenset(lang.entries("bylines", "NOT_AUTHORS"))
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|[A-Z][a-z]?[A-Z][a-zà-ÿ'’-]+)$")
_BYLINE_PREFIX = re.compile(
    r"^" + lang.alternatives("bylines", "AUTHOR_PREFIXES", words=True) + r"\s*[:\-]?\s+",
    re.IGNORECASE,
)
_COMPANY_SUFFIX = re.compile(
    r"(?:[\s,]+" + lang.alternatives("bylines", "COMPANY_SUFFIXES") + r")+\s*$", re.IGNORECASE
)
_COMPANY_ABBREVIATION = re.compile(
    r"\s*\b" + lang.alternatives("bylines", "COMPANY_ABBREVIATIONS", words=True), re.IGNORECASE
)
_PUBLISHER_LINES = tuple(
    re.compile(line, re.IGNORECASE) for line in lang.entries("bylines", "PUBLISHER_LINES")
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|" + lang.alternatives("boilerplate", "COPYRIGHT_WORDS", words=True) + r")"
    r"\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?\s*)?"
    r"(?P<name>[^.|,©]+?)\s*(?:[.,|]|\s[-–—]\s|(?:19|20)\d\d|"
    + lang.alternatives("bylines", "RIGHTS_RESERVED", words=True) + r"|$)",
    re.IGNORECASE,
)


def _make_date(year: str, month: int, day: str) -> str | None:
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first full date (day, month and year) in ``text``, as ``YYYY-MM-DD``, and its match."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["num"]) if parts.get("num") else MONTHS[parts["mon"].lower()]
            iso = _make_date(parts["year"], month, parts["day"])
            if iso:
                found.append((match.start(), iso, match))
                break
    if not found:
        return None
    _, iso, match = min(found, key=lambda item: item[0])
    return iso, match


def parse_dateline(line: str) -> str | None:
    """The date of a line that is only a date (with weekday, time, "Published" ...), else None.

    ``"2023 Sep 12, 10:57,"`` -> ``"2023-09-12"``; a sentence that mentions a date -> None.
    """
    hit = find_date(line)
    if hit is None:
        return None
    iso, rest = hit[0], line
    while hit is not None:  # "Published ... | Updated ...": every date goes
        rest = rest[: hit[1].start()] + " " + rest[hit[1].end() :]
        hit = find_date(rest)
    rest = _DATE_LINE_FILLER.sub(" ", rest)
    return iso if len(rest.split()) <= 1 else None


def explicit_date(line: str) -> str | None:
    """A labelled ISO date inside a line: ``"date 2023-09-12 Home » ..."`` -> ``"2023-09-12"``."""
    match = _EXPLICIT_DATE.search(line)
    if not match:
        return None
    year, month, day = match.group(1).split("-")
    return _make_date(year, int(month), day)


def date_from_url(url: str | None) -> str | None:
    """A ``/2023/09/12/`` or ``/20230912/`` date in a URL's path."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    if match.group("compact"):
        compact = match.group("compact")
        return _make_date(compact[:4], int(compact[4:6]), compact[6:])
    return _make_date(match.group("year"), int(match.group("num")), match.group("day"))


def years_mentioned(text: str) -> list[int]:
    """Four-digit years (1900-2099) that a text talks about."""
    return [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)]


def agency_name(line: str) -> str | None:
    """The canonical agency name when the whole line names a news agency (``"ANI"``)."""
    key = re.sub(r"[()\[\]:|/\-–—]+", " ", line).strip().lower()
    return AGENCIES.get(key)


def agency_in_text(text: str) -> str | None:
    """An agency credited in a paragraph's dateline: ``"(ANI)"``, ``"(Reuters) -"``."""
    match = re.search(r"\((?P<name>[A-Za-z][A-Za-z .-]{1,25})\)\s*[-–—:]", text[:200])
    return agency_name(match.group("name")) if match else None


def is_person_name(line: str) -> bool:
    """True for a line shaped like a person's name: 2-4 capitalised tokens, no digits."""
    tokens = line.replace(",", " ").split()
    if not 2 <= len(tokens) <= 4:
        return False
    if agency_name(line) or any(t.lower().strip(".") in _NOT_AUTHORS for t in tokens):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens) and parse_dateline(line) is None


def clean_author(candidate: str | None) -> str | None:
    """A person's name from a byline, or None for "admin", sites, agencies, dates and the like."""
    if not candidate:
        return None
    name = _BYLINE_PREFIX.sub("", " ".join(candidate.split()))
    name = re.split(r"\s+[|•·–—-]\s+|\s*\|\s*|,\s*(?=(?:19|20)\d\d|\w+ \d)", name)[0]
    name = name.strip(" .,:;-")
    lowered = name.lower()
    if not name or find_date(name) or re.search(r"\d|@|\.(?:com|org|net|in|co)\b", lowered):
        return None
    if agency_name(name) or lowered in _NOT_AUTHORS or len(name.split()) > 5:
        return None
    if any(word in _NOT_AUTHORS for word in lowered.split()):
        return None
    if name.isupper() and len(name.split()) == 1:
        return None
    return name


def publisher_name(line: str) -> str | None:
    """The publisher named by a footer line: ``"Published by X Pvt Ltd"``, ``"© X. 2021 ..."``."""
    line = _COMPANY_ABBREVIATION.sub("", line)
    match = next((m for pattern in _PUBLISHER_LINES if (m := pattern.match(line.strip()))), None)
    if match:
        name = _COMPANY_SUFFIX.sub("", match.group("name")).strip(" .,")
        return name or None
    match = _COPYRIGHT.search(line)
    if match:
        name = _COMPANY_SUFFIX.sub("", match.group("name")).strip(" .,")
        if name and len(name.split()) <= 5 and not re.search(r"\d", name):
            return name
    return None


def same_name(a: str, b: str) -> bool:
    """True when two names spell the same letters (``"Nepalnews"`` and ``"NepalNews"``)."""
    def key(s: str) -> str:
        return re.sub(r"\W+", "", s).lower()

    return bool(key(a)) and key(a) == key(b)


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def choose_title(candidates: list[tuple[str, float]]) -> str | None:
    """The headline among candidate lines: the most repeated one, in its fullest wording.

    Each candidate comes with a score (its share of the article's topic) that breaks ties.

    Lines that contain one another count as the same headline (``"Kim's visit to Russia"``
    printed twice and ``"Kim's visit to Russia for talks with Putin"`` once -> the longer).
    """
    scores = dict(candidates)
    groups: list[list[str]] = []
    for line, _score in candidates:
        key = _title_key(line)
        for group in groups:
            keys = [_title_key(member) for member in group]
            if any(key in other or other in key for other in keys):
                group.append(line)
                break
        else:
            groups.append([line])
    if not groups:
        return None
    best = max(
        groups, key=lambda g: (len(g), max(scores[m] for m in g) >= 0.34, -groups.index(g))
    )
    full = max(best, key=lambda line: len(_title_key(line)))
    head, _site = split_site_name(full)
    if any(_title_key(member) == _title_key(head) for member in best):
        return head
    return full.removesuffix(".") if not full.endswith("..") else full


_SITE_SEPARATOR = re.compile(r"\s+(?:[|–—-]|::)\s+(?P<site>[^|–—]{2,40})$")


def split_site_name(title: str) -> tuple[str, str | None]:
    """``"Headline - Site Name"`` -> ``("Headline", "Site Name")``; the site is 1-4 words."""
    match = _SITE_SEPARATOR.search(title)
    if match and len(match.group("site").split()) <= 4:
        return title[: match.start()].strip(), match.group("site").strip()
    return title, None


def is_print_date(iso: str, body_years: list[int], crawl_date: str | None) -> bool:
    """True for a page-header date that cannot be the article's: after the crawl, or a
    year and more after every year the text itself talks about."""
    if crawl_date and iso > crawl_date[:10]:
        return True
    return bool(body_years) and int(iso[:4]) > max(body_years) + 1



# --------------------------------------------------------------------------- page headers


@dataclass(frozen=True, slots=True)
class PageHeader:
    """The lines above an article's body, with the role the cleaner gave each line (None,
    "date", "agency", "byline", "nav" ...), the headline and the index of its first line."""

    lines: list[str]
    roles: list[str | None]
    title: str | None
    title_at: int | None

    def beside(self, i: int, role: str) -> bool:
        """True when a line next to line ``i`` has ``role``."""
        return any(self.roles[j] == role for j in (i - 1, i + 1) if 0 <= j < len(self.lines))


def same_words(a: str, b: str | None) -> bool:
    """True when two texts have the same words (case and punctuation aside)."""
    return b is not None and _title_key(a) == _title_key(b)


def header_author(header: PageHeader, share: Callable[[str], float]) -> str | None:
    """The byline's author, or a name-shaped line after the headline that is not about the
    article (``share`` of its words in the body is 0) and not beside an agency line."""
    for i, line in enumerate(header.lines):
        if header.roles[i] == "byline":
            return clean_author(line)
    for i, line in enumerate(header.lines):
        after_title = header.title_at is None or i > header.title_at
        if header.roles[i] is None and after_title and is_person_name(line):
            if share(line) == 0 and not header.beside(i, "agency"):
                return clean_author(line)
    return None


def header_agency(header: PageHeader, first_paragraph: str) -> str | None:
    """The news agency: an agency line ("ANI"), a byline naming one, or "(Reuters) -"."""
    for line, role in zip(header.lines, header.roles, strict=True):
        if role == "agency":
            return agency_name(line)
        if role == "byline" and agency_name(line.split(None, 1)[1]):
            return agency_name(line.split(None, 1)[1])
    return agency_in_text(first_paragraph)


def header_outlet(header: PageHeader, footer: list[str], share: Callable[[str], float],
                  agency: str | None) -> str | None:
    """The publisher: named in the footer or after the headline ("Headline - Site"), spelt as
    the masthead spells it; else a masthead beside the agency line; else the agency."""
    names = [name for line in footer if (name := publisher_name(line))]
    for line in header.lines:
        head, site = split_site_name(line)
        if site and same_words(head, header.title):
            names.append(site)
    mastheads = [
        i for i, line in enumerate(header.lines)
        if header.roles[i] is None and len(line.split()) <= 4 and share(line) <= 0.5
    ]
    for i in mastheads:
        if any(same_name(header.lines[i], name) for name in names):
            return header.lines[i]
    if names:
        return names[0]
    for i in mastheads:
        # a name-shaped line counts as the masthead only beside the agency, not a date
        beside = header.beside(i, "agency") or (
            header.beside(i, "date") and not is_person_name(header.lines[i])
        )
        if beside and share(header.lines[i]) == 0:
            return header.lines[i]
    return agency


def header_date(
    header: PageHeader, *, url: str | None, crawl_date: str | None, body_years: list[int],
    outlet: str | None,
) -> tuple[str | None, Literal["meta", "dateline", "url"] | None]:
    """The article's date: a labelled date; a dateline beside the agency line, or after the
    headline beside the outlet, or after the headline; the URL's date; then a date above the
    headline unless it is a print or crawl date. Dates after the crawl are never taken."""
    for line in header.lines:
        if iso := explicit_date(line):
            return iso, "meta"
    dated = _dated_lines(header, crawl_date)
    if iso := _placed_dateline(header, dated, outlet):
        return iso, "dateline"
    if iso := date_from_url(url):
        return iso, "url"
    title_at = header.title_at
    for i, iso in dated:
        if title_at is not None and i < title_at and not is_print_date(iso, body_years, crawl_date):
            return iso, "dateline"
    return None, None


def _dated_lines(header: PageHeader, crawl_date: str | None) -> list[tuple[int, str]]:
    """The header's datelines as (line index, date), none dated after the crawl."""
    dated = [(i, iso) for i, line in enumerate(header.lines)
             if header.roles[i] == "date" and (iso := parse_dateline(line))]
    return [(i, iso) for i, iso in dated if not (crawl_date and iso > crawl_date[:10])]


def _placed_dateline(header: PageHeader, dated: list[tuple[int, str]],
                     outlet: str | None) -> str | None:
    """The first dateline beside the agency line, else after the headline beside the outlet's
    line, else after the headline."""
    after = [(i, iso) for i, iso in dated if header.title_at is None or i > header.title_at]

    def beside_outlet(i: int) -> bool:
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(header.lines)]
        return any(same_words(header.lines[j], outlet) for j in near)

    for group in ([d for d in dated if header.beside(d[0], "agency")],
                  [d for d in after if beside_outlet(d[0])], after):
        if group:
            return group[0][1]
    return None
