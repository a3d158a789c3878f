"""Measures: a figure in a unit said of one thing — a quake's magnitude ("a 6.1-magnitude
quake", "put the magnitude at 5.9"), a run's length ("an 86-yard touchdown run"), a
weight ("weighing 130 pounds"), a depth of snow ("19 inches").

A compound ("86-yard run") measures the noun after it; a plain figure ("226 yards") is a
total or an amount and is kept apart from compounds (``Measure.key``). Figures in brackets
(conversions) and figures joined to a word before them ("5-foot-8, 135 pounds", read as
"8,135") are left out. Text only: this module knows no claims (see
``brief/slots/__init__.py`` for the layers).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from newsfuse import lang


@dataclass(frozen=True, slots=True)
class Measure:
    """``unit`` as the language's code ("yard"); ``compound`` for "86-yard ..."; ``thing``
    the words after a compound ("touchdown run"); ``bound`` "lower" for "more than 19",
    "about" for another hedge, "" for an exact figure; ``written`` the figure and unit as
    the text has them."""

    unit: str
    value: float
    written: str
    compound: bool = False
    thing: str = ""
    bound: str = ""
    start: int = 0
    named: bool = False  # the unit named before the figure ("magnitude of 5.9")

    @property
    def key(self) -> str:
        """What two measures must share to be compared: the unit, and the form."""
        return f"{self.unit}-" if self.compound and self.unit != "magnitude" else self.unit


def read_measures(text: str, language: str | None = None) -> list[Measure]:
    """The measures a text gives, in order of appearance (each figure once)."""
    words = lang.part(language, "slots")
    found: dict[int, Measure] = {}
    for match in words.MEASURE_COMPOUND.finditer(text):
        thing = (match.group(3) or "").lower()
        found[match.start(1)] = _measure(
            text[: match.start()], match.group(1), match.group(2), words,
            compound=True, thing="" if thing in words.MEASURE_THINGS_SKIP else thing,
        )
    for pattern, figure, unit in ((words.MEASURE_PLAIN, 1, 2), (words.MEASURE_NAMED, 2, 1)):
        for match in pattern.finditer(text):
            if match.start(figure) not in found:
                found[match.start(figure)] = _measure(
                    text[: match.start()], match.group(figure), match.group(unit), words,
                    named=pattern is words.MEASURE_NAMED,
                )
    return [
        measure for start, measure in sorted(found.items())
        if not _in_brackets(text, start)
        and (measure.named or not words.MEASURE_JOINED.search(text[:start]))
    ]


def _measure(
    before: str, figure: str, unit: str, words: ModuleType, *,
    compound: bool = False, thing: str = "", named: bool = False,
) -> Measure:
    """One measure; ``before`` is the text before it, where its hedge is."""
    code = words.MEASURE_UNITS[unit.lower()]
    hedge = words.LOWER_BOUND.search(before) or words.APPROXIMATE.search(before)
    bound = "" if hedge is None else "lower" if words.LOWER_BOUND.search(before) else "about"
    value = float(figure.replace(words.THOUSANDS, ""))
    written = f"{value:,g} {words.MEASURE_NAMES[code]}".strip()
    if hedge is not None:  # "more than 19 inches", as the text hedges it
        written = f"{hedge.group(0).strip().lower()} {written}"
    return Measure(code, value, written, compound, thing, bound, len(before), named)


def _in_brackets(text: str, index: int) -> bool:
    return text.rfind("(", 0, index) > text.rfind(")", 0, index)


MEASURE_SLACK = 0.1
"""A hedged figure ("about 6.0") agrees with another within this share of it."""


def measures_differ(a: Measure, b: Measure) -> bool:
    """Two measures of one key that cannot both be right: exact figures that differ, a lower
    bound above the other's exact figure ("more than 19" / "15.2"), hedged figures more than
    ``MEASURE_SLACK`` apart. Two bounds never disagree."""
    if a.key != b.key or a.value == b.value:
        return False
    if a.bound == "lower" or b.bound == "lower":
        if a.bound and b.bound:
            return False
        low, exact = (a, b) if a.bound == "lower" else (b, a)
        return exact.value < low.value
    if a.bound or b.bound:
        return abs(a.value - b.value) > MEASURE_SLACK * max(a.value, b.value)
    return True
