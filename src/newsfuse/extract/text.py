"""The scraped-text cleaner: plain text of a news page -> an Article.

A page is read line by line. Each line is first judged on its own (navigation, an inline
"read also" link, a comment or subscription form, a cookie notice, a footer line, a date, an
agency code), then by its shape and place: the body runs from the first prose paragraph to the
last prose paragraph that still belongs to it (a comment form or a footer ends it; after a list
of short headline lines only a substantial paragraph on the article's topic continues it).
Short lines inside the body are section headings when they share the article's topic and lead
into a paragraph; runs of three or more short lines are headline lists (teasers: off topic, cut
with "...", or under a list header) or bullet points (on topic, or after a colon). Lines before
the body give the title, byline, outlet, agency and dateline, and a standfirst. Sentences cut
by a removed line are joined again; unpunctuated transcripts are split into sentences and their
run-together words repaired.

The page's language is known only once it is clean, so lines are judged with every language's
words at once (``lang/<code>/boilerplate.py``, ``scraped.py``, ``bylines.py``); a transcript is
split into sentences with the cue words of its detected language.

Lines the rules leave open are also judged by a small learned model of their shape and
context (``text_lines``: length, punctuation, capitals, link- and credit-like marks, place,
neighbours, repetition, share of the article's words); a line it finds to be page furniture
is dropped like a rule's. It is fitted on labelled real scrapes (``eval/gold/cleaner/``) by
``tools/train_lines.py``; ``newsfuse eval cleaner`` reports it in and out of fold.

``clean`` returns every removed line with its role, for inspection and for tests;
``extract_text`` turns the result into an ``Article``, or rejects the page with a coded reason
(``judge``: too little body text; page furniture only, R308; a teaser listing, R305).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from newsfuse import lang
from newsfuse.extract import meta, text_lines, transcript
from newsfuse.extract.language import detect_language
from newsfuse.extract.text_lines import LineModel
from newsfuse.reasons import reason, too_short, word_count
from newsfuse.types import Article, Block, DateSignal, RawDocument, Repair

_TERMINAL = re.compile(r"[.!?](?:\s?[\"”’'»)\]])*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"”’')\]]*$")
_CONTINUE_WORDS = frozenset(lang.entries("scraped", "CONTINUE_WORDS"))
_STOPWORDS = frozenset(lang.entries("scraped", "TOPIC_STOP_WORDS"))
_BYLINE = re.compile(r"^" + lang.alternatives("bylines", "LINE_PREFIXES", words=True) + r"\s+\S",
                     re.IGNORECASE)
_BARE_BYLINE_PREFIXES = frozenset(lang.entries("bylines", "BARE_PREFIXES"))
_REPORTING = re.compile(
    r"\b" + lang.alternatives("scraped", "REPORTING_WORDS", words=True) + r"\b", re.IGNORECASE
)
_phrases = partial(lang.alternatives, "boilerplate")
"""Every language's phrases of a ``boilerplate`` table, as one pattern group."""


_LINK = re.compile(r"^" + _phrases("LINKS") + r"(?=\W|$)", re.IGNORECASE)
_CAPS_LINK = re.compile(r"^" + _phrases("CAPS_LINKS") + r"\b\s*[:|]?\s+[A-Z\"“‘'(]")
_CREDIT = _phrases("CREDIT_WORDS")
_CAPTION = re.compile(
    r"\((?:[^()]*\b)?" + _CREDIT + r"s?\b[^()]*\)\s*$|" + _phrases("CAPTIONS"), re.IGNORECASE
)
_CREDIT_ASIDE = re.compile(
    r"\s*\((?:[^()]*\b" + _CREDIT + r"s?\b|" + _phrases("CREDIT_ASIDES") + r")[^()]*\)\s*$",
    re.IGNORECASE,
)
_FORM = re.compile(_phrases("FORMS"), re.IGNORECASE)
_NOTICE = re.compile(_phrases("NOTICES"), re.IGNORECASE)
_FOOTER = re.compile(
    r"©|\(c\) (?:19|20)\d\d|^#+$|^" + _phrases("COPYRIGHT_WORDS") + r"\b|" + _phrases("FOOTERS"),
    re.IGNORECASE,
)
_NAV = re.compile(
    r"^" + _phrases("HOME_WORDS")
    + r"\s*[»>›/|]|[»›]|\s>\s.*\s>\s|^[^|]{1,25}(?:\|[^|]{1,25}){2,}$",
    re.IGNORECASE,
)
_LIST_HEADER = re.compile(
    _phrases("LIST_HEADER_LINES") + r"|^" + _phrases("LIST_HEADERS") + r"\b.{0,20}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """One input line and what the cleaner made of it (``role``)."""

    text: str
    role: str


@dataclass(slots=True)
class Cleaned:
    """The result of cleaning one page: body blocks, metadata and every removed line."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_signal: DateSignal | None = None
    outlet: str | None = None
    agency: str | None = None
    transcript: bool = False
    repairs: list[Repair] = field(default_factory=list)
    removed: list[Verdict] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    sources: list[list[int]] = field(default_factory=list)
    kept: set[int] = field(default_factory=set)
    scores: list[float] = field(default_factory=list)


def normalise(content: str) -> str:
    """Unify line breaks and odd spaces; drop zero-width characters."""
    content = re.sub(r"\r\n?|[\u2028\u2029\x0b\x0c\x85\x1c\x1d\x1e]", "\n", content)
    content = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", content)
    return re.sub(r"[^\S\n]+", " ", content)


def split_lines(content: str) -> list[str]:
    """Non-empty lines, with hard-wrapped lines of one paragraph joined back (also when the
    wrapping left blank lines between them)."""
    return [line for line, _ in split_lines_with_sources(content)]


def raw_lines(content: str) -> list[str]:
    """The page's non-empty lines as they are (the unit the cleaner's gold is labelled in)."""
    return [line.strip() for line in normalise(content).split("\n") if line.strip()]


def split_lines_with_sources(content: str) -> list[tuple[str, list[int]]]:
    """``split_lines`` with, for each line, the indices of the ``raw_lines`` it joins."""
    lines: list[tuple[str, list[int]]] = []
    gap = False
    index = 0
    for raw in normalise(content).split("\n"):
        line = raw.strip()
        if not line:
            gap = True
            continue
        line = _without_credit(line)
        if lines and _wrapped(lines[-1][0], line, gap):
            lines[-1] = (f"{lines[-1][0]} {line}", [*lines[-1][1], index])
        else:
            lines.append((line, [index]))
        gap = False
        index += 1
    return lines


def _without_credit(line: str) -> str:
    """A paragraph of two or more sentences without a trailing "(Photo: ...)" credit or
    "(Click here ...)" aside; any other line as it is."""
    match = _CREDIT_ASIDE.search(line)
    if match is None:
        return line
    head = line[: match.start()]
    sentences = len(re.findall(r"[.!?](?:\s?[\"”’'])?(?:\s|$)", head))
    return head if sentences >= 2 and _TERMINAL.search(head) else line


def _wrapped(prev: str, line: str, gap: bool) -> bool:
    """True when ``line`` continues ``prev``, a hard-wrapped line of the same paragraph: it
    starts in lower case or ``prev`` ends on a word that needs more (across a blank line,
    only the latter)."""
    if len(prev.split()) < 5 or _TERMINAL.search(prev) or _TRUNCATED.search(prev):
        return False
    if prev.endswith(":") or line_role(prev) is not None:
        return False
    if (_BYLINE.match(line) and len(line.split()) <= 5) or line_role(line) is not None:
        return False
    needs_more = prev.endswith((",", ";")) or prev.split()[-1].lower() in _CONTINUE_WORDS
    return needs_more or (line[:1].islower() and not gap)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def stems(text: str) -> set[str]:
    """Content-word stems (first five letters) of a text, for topic overlap."""
    found = {w.lower().removesuffix("s") for w in re.findall(r"[^\W\d_]{3,}", text)}
    return {w[:5] for w in found if w not in _STOPWORDS and w + "s" not in _STOPWORDS}


def overlap(text: str, vocabulary: set[str]) -> float:
    """Share of a line's content stems that the article's vocabulary also has."""
    own = stems(text)
    return len(own & vocabulary) / len(own) if own else 0.0


def is_prose(line: str) -> bool:
    """A sentence-shaped line: ends like a sentence (>= 3 words), or leads into a quote or the
    next line (>= 8 words ending with ":" or ","), or is long (>= 20 words)."""
    count = len(line.split())
    if _TRUNCATED.search(line):
        return count >= 20
    if count >= 8 and line.endswith((":", ",")):
        return True
    return (count >= 3 and bool(_TERMINAL.search(line))) or count >= 20


def _is_byline(line: str) -> bool:
    """A byline: a bare prefix ("By admin") with anything, other prefixes ("Par Claire
    Dubois") only with a person's name (see ``lang/en/bylines.py``)."""
    if not _BYLINE.match(line) or _TERMINAL.search(line):
        return False
    prefix, rest = line.split(None, 1)
    return prefix.lower() in _BARE_BYLINE_PREFIXES or meta.is_person_name(rest)


def line_role(line: str) -> str | None:
    """What a line is on its own, or None when only its shape and place can tell."""
    count = len(line.split())
    if _LINK.search(line) or (count <= 25 and _CAPS_LINK.match(line)):
        return "link"
    if count > 40:
        return None
    if _CAPTION.search(line):
        return "caption"
    if meta.explicit_date(line) or (_NAV.search(line) and count <= 30):
        return "nav"
    if count <= 6 and _is_byline(line):
        return "byline"
    for role, pattern in (("form", _FORM), ("notice", _NOTICE), ("footer", _FOOTER)):
        if pattern.search(line):
            return role
    if meta.parse_dateline(line):
        return "date"
    if meta.agency_name(line):
        return "agency"
    if not re.search(r"[^\W\d_]", line):
        return "junk"
    return None


class Topic:
    """The article's vocabulary: content stems of its prose lines, counted per line."""

    def __init__(self, lines: list[str]) -> None:
        self._counts: dict[str, int] = {}
        for line in lines:
            for stem in stems(line):
                self._counts[stem] = self._counts.get(stem, 0) + 1

    def shared(self, line: str, *, inside: bool = False) -> int:
        """How many of ``line``'s stems the article also has (in other lines when ``inside``)."""
        least = 2 if inside else 1
        return sum(1 for s in stems(line) if self._counts.get(s, 0) >= least)

    def share(self, line: str, *, inside: bool = False) -> float:
        """Share of ``line``'s stems found in the article (in other lines when ``inside``)."""
        own = len(stems(line))
        return self.shared(line, inside=inside) / own if own else 0.0


def _is_list_start(line: str, role: str | None) -> bool:
    """A bare "You may also like" / "READ ALSO:" / "Latest news" line opening a headline list."""
    bare_link = role == "link" and len(line.split()) <= 5
    return bare_link or (role is None and bool(_LIST_HEADER.search(line)))


def _substantial(line: str, topic: Topic) -> bool:
    """A paragraph of 25+ words or 2+ sentences that shares the article's words."""
    sentences = len(re.findall(r"[.!?](?:\s|$)", line))
    if len(line.split()) < 25 and sentences < 2:
        return False
    return topic.share(line, inside=True) >= 0.2 or topic.shared(line, inside=True) >= 3


def body_end(lines: list[str], roles: list[str | None], start: int, topic: Topic) -> int:
    """Index of the body's last paragraph: a form or footer ends the body; after a headline
    list only a substantial paragraph on the article's topic continues it."""
    end, short_run, after_list = start, 0, False
    for i in range(start + 1, len(lines)):
        line, role = lines[i], roles[i]
        if role in ("form", "footer"):
            break
        if _is_list_start(line, role):
            after_list = True
        if role is not None:
            continue
        body_like = is_prose(line) or _is_unfinished_paragraph(line, topic)
        if body_like and (not after_list or _substantial(line, topic)):
            end, short_run, after_list = i, 0, False
        else:
            short_run += 1
            after_list = after_list or short_run >= 3
    return end


def _is_heading(line: str, following: str | None, topic: Topic) -> bool:
    """A short line that opens a section: on topic (or a few capitalised words), not a
    truncated headline, and followed by a paragraph."""
    count = len(line.split())
    if following is None or not is_prose(following) or count > 15 or _TRUNCATED.search(line):
        return False
    if line.endswith((",", ";")) or _LIST_HEADER.search(line):
        return False
    if meta.is_person_name(line) and topic.share(line) == 0:
        return False  # a byline printed inside the body
    return (count <= 4 and line[:1].isupper()) or topic.share(line) >= 0.34


def _is_unfinished_paragraph(line: str, topic: Topic) -> bool:
    """A sentence on the article's topic that lost its final period or was cut short with
    "..." (too long for a heading, longer than a teaser headline)."""
    count = len(line.split())
    if count < 10 or (count < 12 and _TRUNCATED.search(line)):
        return False
    return topic.share(line) >= 0.34 or topic.shared(line) >= 2


def _short_runs(lines: list[str], roles: list[str | None], start: int, end: int,
                topic: Topic) -> tuple[set[int], set[int]]:
    """Short lines inside the body in runs: headline lists (3+ lines, or a list header first)
    and bullet points (3+ complete lines on the article's topic, no list header)."""
    listed: set[int] = set()
    bullets: set[int] = set()
    run: list[int] = []
    for i in range(start, end + 2):
        if i <= end and not (roles[i] is None and is_prose(lines[i])):
            run.append(i)
            continue
        shorts = [j for j in run if roles[j] is None]
        headed = any(_is_list_start(lines[j], roles[j]) for j in run)
        introduced = bool(run) and run[0] > start and lines[run[0] - 1].endswith(":")
        items = [lines[j] for j in shorts]
        if len(run) >= 3 and not headed and _on_topic_items(items, topic, introduced):
            bullets.update(shorts)
        elif len(run) >= 3 or headed:
            listed.update(shorts)
        run = []
    return listed, bullets


def _on_topic_items(items: list[str], topic: Topic, introduced: bool) -> bool:
    """True for list items that read as the article's own points, not teaser headlines:
    none cut short with "...", and introduced by a colon or sharing the article's words."""
    if not items or any(_TRUNCATED.search(item) for item in items):
        return False
    return introduced or sum(topic.share(item) for item in items) / len(items) >= 0.34


def _crumb(line: str) -> str:
    """The last element of a breadcrumb line (often the page's own headline)."""
    return re.split(r"\s*[»›|]\s*|\s>\s", line)[-1].strip()


def _title_candidates(
    header: list[str], roles: list[str | None], topic: Topic
) -> list[tuple[str, float]]:
    """Header lines that could be the headline, with their share of the article's topic."""
    found: list[tuple[str, float]] = []
    for line, role in zip(header, roles[: len(header)], strict=True):
        text = _crumb(line) if role == "nav" else line
        if role not in (None, "nav") or not 3 <= len(text.split()) <= 30:
            continue
        share = topic.share(text)
        if meta.is_person_name(text) or _LINK.search(text) or share == 0:
            continue
        found.append((text, share))
    return found


def _first_title_index(header: list[str], title: str | None) -> int | None:
    if title is None:
        return None
    key = " ".join(words(title.lower()))
    for i, line in enumerate(header):
        other = " ".join(words(line.lower()))
        if other and (other in key or key in other):
            return i
    return None


def _first_body_line(lines: list[str], roles: list[str | None], after: int = -1) -> int | None:
    return next(
        (i for i, line in enumerate(lines)
         if i > after and roles[i] is None and is_prose(line)),
        None,
    )


def _is_headline_sentence(line: str) -> bool:
    """A one-sentence line short enough to be a headline printed with a final period."""
    sentences = len(re.findall(r"[.!?](?:\s|$)", line))
    return len(line.split()) <= 25 and sentences <= 1 and not _REPORTING.search(line)


def _deck_lines(header: list[str], roles: list[str | None], title_at: int | None,
                title: str | None, topic: Topic) -> list[int]:
    """Sentences between the headline and the body (a standfirst): on topic, 8+ words."""
    if title_at is None:
        return []
    return [
        i for i in range(title_at + 1, len(header))
        if roles[i] is None and len(header[i].split()) >= 8 and topic.share(header[i]) >= 0.34
        and not _same_text(header[i], title) and not _BYLINE.match(header[i])
        and not meta.is_person_name(header[i])
        and " ".join(words(header[i].lower())) not in " ".join(words((title or "").lower()))
    ]


def _transcript_after(lines: list[str], start: int) -> bool:
    """True when the lines after ``start`` read as an unpunctuated transcript."""
    return transcript.is_transcript(" ".join(lines[start + 1 :]))


def _same_text(a: str, b: str | None) -> bool:
    return meta.same_words(a, b)


def _body_blocks(lines: list[str], roles: list[str | None], start: int, end: int,
                 title: str | None, topic: Topic, out: Cleaned) -> list[Block]:
    unjudged = [None if role == "furniture" else role for role in roles]
    listed, bullets = _short_runs(lines, unjudged, start, end, topic)
    blocks: list[Block] = []
    for i in range(start, end + 1):
        line = lines[i]
        kind = _body_kind(i, lines, roles, title, topic, blocks, listed, bullets, end)
        if kind in ("paragraph", "heading"):
            blocks.append(Block("paragraph" if kind == "paragraph" else "heading", line))
            out.kept.add(i)
        else:
            out.removed.append(Verdict(line, kind))
    return join_broken(blocks)


def _body_kind(i: int, lines: list[str], roles: list[str | None], title: str | None,
               topic: Topic, blocks: list[Block], listed: set[int], bullets: set[int],
               end: int) -> str:
    """What body line ``i`` becomes: a paragraph or heading, or the role it is removed with."""
    line, role = lines[i], roles[i]
    following = lines[i + 1] if i < end and roles[i + 1] is None else None
    if role == "furniture" and (
        i in bullets or (i not in listed and _is_heading(line, following, topic))
    ):
        role = None  # the line model leaves headings and bullets to the rules (its gold has few)
    if role is not None:
        return role
    if _same_text(line, title):
        return "title"
    if is_prose(line) or _continues_paragraph(line, blocks):
        return "paragraph"
    if i in bullets and len(line.split()) >= 4:
        return "paragraph"
    if i not in listed and _is_heading(line, following, topic):
        return "heading"
    if i not in listed and _is_unfinished_paragraph(line, topic):
        return "paragraph"
    return "headline-list" if i in listed else "headline"


def _continues_paragraph(line: str, blocks: list[Block]) -> bool:
    """A lower-case fragment after a paragraph that stopped mid-sentence."""
    prev = blocks[-1] if blocks else None
    unfinished = prev is not None and prev.kind == "paragraph" and not _TERMINAL.search(prev.text)
    return unfinished and line[:1].islower()


def join_broken(blocks: list[Block]) -> list[Block]:
    """Paragraphs that end mid-sentence joined with the paragraph that continues them."""
    joined: list[Block] = []
    for block in blocks:
        prev = joined[-1] if joined else None
        if prev and prev.kind == block.kind == "paragraph" and _continues(prev.text, block.text):
            joined[-1] = Block("paragraph", f"{prev.text} {block.text}")
        else:
            joined.append(block)
    return joined


def _continues(prev: str, text: str) -> bool:
    if _TERMINAL.search(prev) or prev.endswith((":", "”", '"')):
        return False
    last = prev.split()[-1].lower() if prev.split() else ""
    return text[:1].islower() or last in _CONTINUE_WORDS


def _as_transcript(blocks: list[Block], out: Cleaned) -> list[Block]:
    """An unpunctuated body re-read as sentences in paragraphs, with its words repaired."""
    text = " ".join(block.text for block in blocks)
    language = detect_language(text)
    repaired, spans = transcript.repair_spans(text, language or "")
    paragraphs = transcript.paragraphs_of(transcript.split_transcript(repaired, language))
    out.transcript = True
    for original, replacement, start in spans:
        earlier = " ".join(repaired[:start].split()).lower().count(replacement.lower())
        place = _nth_paragraph(paragraphs, replacement, earlier)
        out.repairs.append(Repair(original, replacement, place))
    return [Block("paragraph", p) for p in paragraphs]


def _nth_paragraph(paragraphs: list[str], phrase: str, earlier: int) -> int:
    """Index of the paragraph holding the occurrence of ``phrase`` after ``earlier`` others."""
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        seen += paragraph.lower().count(phrase.lower())
        if seen > earlier:
            return index
    return len(paragraphs) - 1


_SHIPPED = object()


def clean(content: str, *, url: str | None = None, crawl_date: str | None = None,
          model: LineModel | None | object = _SHIPPED) -> Cleaned:
    """Clean one scraped page: body blocks, metadata and the lines removed (with their role).

    ``model`` judges each line the rules leave open (``text_lines``; the shipped one unless
    given, none with ``None``): a line it finds to be page furniture gets the role
    ``furniture``. The headline, the header's metadata and where the body ends are read with
    the rules' roles only (the model is fitted on body and furniture lines, not on headlines
    and bylines, and a furniture line must not hide a teaser list that ends the body)."""
    out = Cleaned()
    split = split_lines_with_sources(content)
    lines = [line for line, _ in split]
    out.lines, out.sources = lines, [sources for _, sources in split]
    rules = [line_role(line) for line in lines]
    chosen = text_lines.shipped() if model is _SHIPPED else model
    roles = _judged(out, lines, rules, chosen if isinstance(chosen, LineModel) else None)
    start = _first_body_line(lines, roles)
    if start is None:
        out.removed.extend(Verdict(line, roles[i] or "short") for i, line in enumerate(lines))
        return out
    topic = Topic([line for i, line in enumerate(lines) if roles[i] is None and is_prose(line)])
    out.title, start = _title_and_start(lines, rules, start, topic)
    end = body_end(lines, rules, start, topic)
    _read_metadata(out, lines, rules, start, end, topic, url, crawl_date)
    out.blocks = _read_body(out, lines, roles, start, end, topic)
    return out


def _judged(out: Cleaned, lines: list[str], rules: list[str | None],
            model: LineModel | None) -> list[str | None]:
    """The rules' roles with ``furniture`` for each open line the model drops. A sentence-
    shaped line (``is_prose``) is left to the rules, a paragraph lost costing more than a
    furniture line kept; so is an unpunctuated transcript (the model reads punctuation)."""
    if model is None or not lines or transcript.is_transcript(" ".join(lines)):
        return rules
    out.scores = model.scores(
        text_lines.line_features(lines, rules, [stems(line) for line in lines])
    ).tolist()
    return [
        "furniture" if role is None and score >= model.threshold and not is_prose(line)
        else role
        for line, role, score in zip(lines, rules, out.scores, strict=True)
    ]


def _title_and_start(lines: list[str], roles: list[str | None], start: int,
                     topic: Topic) -> tuple[str | None, int]:
    """The headline among the lines before the body, and the body's first line: when no line
    there is a headline, a transcript's short first sentence is."""
    title = meta.choose_title(_title_candidates(lines[:start], roles, topic))
    if title is None and _is_headline_sentence(lines[start]) and _transcript_after(lines, start):
        following = _first_body_line(lines, roles, after=start)
        if following is not None:
            return lines[start].removesuffix("."), following
    return title, start


def _read_body(out: Cleaned, lines: list[str], roles: list[str | None], start: int, end: int,
               topic: Topic) -> list[Block]:
    """The body's blocks (a standfirst first), every other line noted as removed; an
    unpunctuated transcript re-read as sentences."""
    header = lines[:start]
    decks = _deck_lines(header, roles, _first_title_index(header, out.title), out.title, topic)
    out.removed.extend(
        Verdict(line, roles[i] or "header") for i, line in enumerate(header) if i not in decks
    )
    blocks = [Block("paragraph", header[i]) for i in decks]
    out.kept.update(decks)
    blocks += _body_blocks(lines, roles, start, end, out.title, topic, out)
    out.removed.extend(Verdict(line, roles[end + 1 + i] or "trailer")
                       for i, line in enumerate(lines[end + 1 :]))
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    if paragraphs and transcript.is_transcript(" ".join(b.text for b in paragraphs)):
        return _as_transcript(blocks, out)
    return blocks


def _read_metadata(out: Cleaned, lines: list[str], roles: list[str | None], start: int,
                   end: int, topic: Topic, url: str | None, crawl_date: str | None) -> None:
    header = meta.PageHeader(
        lines[:start], roles[:start], out.title, _first_title_index(lines[:start], out.title)
    )
    out.author = meta.header_author(header, topic.share)
    out.agency = meta.header_agency(header, lines[start])
    footer = [line for i, line in enumerate(lines) if i > end or roles[i] == "footer"]
    out.outlet = meta.header_outlet(header, footer, topic.share, out.agency)
    body_years = meta.years_mentioned(" ".join(lines[start : end + 1]))
    out.published, out.published_signal = meta.header_date(
        header, url=url, crawl_date=crawl_date, body_years=body_years, outlet=out.outlet
    )


def extract_text(raw: RawDocument, *, doc_id: str, min_words: int = 40) -> Article:
    """Read a plain-text document (``raw.kind == "text"``) into an Article, or reject it."""
    if not raw.content.strip():
        return _rejected(raw, doc_id, reason("R102"))
    cleaned = clean(raw.content, url=raw.url, crawl_date=raw.crawl_date)
    why = judge(cleaned, min_words=min_words, read=len(raw.content.split()))
    if why is not None:
        return _rejected(raw, doc_id, why)
    body = "\n\n".join(block.text for block in cleaned.blocks)
    return Article(
        id=doc_id,
        source=raw.source,
        status="ok",
        title=cleaned.title,
        published=cleaned.published,
        published_signal=cleaned.published_signal,
        outlet=cleaned.outlet,
        agency=cleaned.agency,
        author=cleaned.author,
        language=detect_language(body),
        blocks=tuple(cleaned.blocks),
        url=raw.url,
        transcript=cleaned.transcript,
        repairs=tuple(cleaned.repairs),
        crawl_date=raw.crawl_date,
    )


_FURNITURE = frozenset(
    ("link", "caption", "nav", "form", "notice", "footer", "junk", "furniture", "headline")
)
"""Roles of removed lines that are page furniture (not the page's own title or byline)."""


def judge(cleaned: Cleaned, *, min_words: int = 40, read: int | None = None) -> str | None:
    """Why a cleaned page is no article (a coded reason), or None for an article: too few
    words of body text; said as page furniture (R308) when boilerplate lines make at least
    half of the page's words, as a listing (R305) when teaser lists do."""
    count = sum(len(b.text.split()) for b in cleaned.blocks if b.kind == "paragraph")
    if count >= min_words:
        return None
    if read is None:
        read = sum(len(line.split()) for line in cleaned.lines)
    listed = sum(len(v.text.split()) for v in cleaned.removed if v.role == "headline-list")
    furniture = sum(len(v.text.split()) for v in cleaned.removed if v.role in _FURNITURE)
    if read and listed * 2 >= read:
        return reason("R305")
    if read and (furniture + listed) * 2 >= read:
        return reason("R308", words=word_count(read), body=word_count(count))
    return too_short(count, read, min_words)


def _rejected(raw: RawDocument, doc_id: str, reason: str) -> Article:
    return Article(id=doc_id, source=raw.source, status="rejected", reason=reason,
                   url=raw.url, crawl_date=raw.crawl_date)
