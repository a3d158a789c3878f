"""How many: the figures a statement gives, keyed by what they count.

A figure counts the noun after it ("12 ferries" -> ``"ferri"``), or, for people, the tally
the words around it name: the dead, the injured, the missing, or those aboard. Ordinals are
keyed ``"#"`` + noun ("his second trip" -> ``"#trip"``). Text only: this module knows no
claims (see ``brief/slots/__init__.py`` for the layers).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from types import ModuleType

from newsfuse import lang
from newsfuse.brief.slots.places import Located

ORDINAL_MARK = "#"
"""The key of an ordinal begins with it: ``"#trip"``."""


@dataclass(frozen=True, slots=True)
class Counts:
    """``numbers`` map a counted noun to a value; ``approximate`` are the nouns hedged ("at
    least 12"); ``located`` say where each count is written (``"number:<noun>"`` and
    ``"number-verb:<noun>"`` slots)."""

    numbers: tuple[tuple[str, float], ...] = ()
    approximate: frozenset[str] = frozenset()
    located: list[Located] = field(default_factory=list)


def read_counts(text: str, language: str | None = None) -> Counts:
    """The counts and ordinals of a statement."""
    words = lang.part(language, "slots")
    numbers: list[tuple[str, float]] = []
    approximate: set[str] = set()
    located: list[Located] = []
    for key, value, start in _cardinals(text, words):
        numbers.append((key, value))
        located.append((f"number:{key}", str(value), start))
        located.append((f"number-verb:{key}", str(value), start))
        if words.APPROXIMATE.search(text[:start]):
            approximate.add(key)
    numbers.extend(_ordinals(text, words, lang.part(language, "core").STOP_WORDS))
    return Counts(tuple(numbers), frozenset(approximate), located)


def _cardinals(text: str, words: ModuleType) -> Iterator[tuple[str, float, int]]:
    """``(what is counted, value, position)`` of each figure that counts something; years
    and figures in brackets (conversions, asides) are left out."""
    for match in words.NUMBER.finditer(text):
        raw, noun = match.group(1).lower(), match.group(2).lower().split()[0]
        if words.YEAR.fullmatch(raw) or _in_brackets(text, match.start()):
            continue
        after = text[match.end(1) : match.end(1) + 30]
        key = _counted(noun, after, text[: match.start()][-80:], words)
        if key is not None:
            value = float(words.WORD_NUMBERS.get(raw, 0) or raw.replace(words.THOUSANDS, ""))
            yield key, value, match.start()


def _ordinals(
    text: str, words: ModuleType, stop_words: frozenset[str]
) -> Iterator[tuple[str, float]]:
    """``("#" + noun, rank)``: "his first foreign trip" -> ``("#trip", 1.0)``."""
    for match in words.ORDINAL.finditer(text):
        first, second = (match.group(2) or "").lower(), match.group(3).lower()
        noun = second if first in words.ADJECTIVES else first or second
        if noun and noun not in stop_words and noun not in words.GENERIC_ORDINAL:
            rank = words.ORDINALS.index(match.group(1).lower()) + 1
            yield ORDINAL_MARK + noun[:5], float(rank)


def _in_brackets(text: str, index: int) -> bool:
    """Inside "( ... )": a conversion or an aside ("$1 million ($1.52 million)")."""
    return text.rfind("(", 0, index) > text.rfind(")", 0, index)


def _counted(noun: str, after: str, before: str, words: ModuleType) -> str | None:
    """What a number counts: the noun after it, the dead/injured/missing it tallies, or
    "aboard" for the passengers or people on board."""
    people = noun[:5] in words.PEOPLE
    if noun.startswith(words.PASSENGERS) or (people and words.ABOARD.match(after)):
        return "aboard"
    if noun in words.STOP_NOUNS or people:
        tally = _tally(after, before, words)
        if tally is not None:
            return tally
    return None if noun in words.STOP_NOUNS else noun[:5]


def _tally(after: str, before: str, words: ModuleType) -> str | None:
    """The casualty word nearest after the figure, else the nearest before it."""
    casualty = words.CASUALTY
    following = [(m.start(), kind) for pattern, kind in casualty for m in pattern.finditer(after)]
    if following:
        return str(min(following)[1])
    preceding = [(m.end(), kind) for pattern, kind in casualty for m in pattern.finditer(before)]
    return str(max(preceding)[1]) if preceding else None

