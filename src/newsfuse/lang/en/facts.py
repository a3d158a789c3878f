"""English for choosing and wording key facts (``brief/facts.py``): event verbs, hedges, the
words of reporting, the stems of days, and the cheap stem facts compare words by."""

from __future__ import annotations

import re

from newsfuse.lang.en.calendar import MONTHS, WEEKDAYS

EVENT_WORDS = re.compile(
    r"\b(?:arriv\w*|depart\w*|left|leav\w*|met|meet\w*|talks?|summit|visit\w*|kill\w*|"
    r"died|dead|death|injur\w*|announc\w*|sign\w*|attack\w*|launch\w*|elect\w*|"
    r"warn\w*|deal|plan\w*|entered|reach\w*|collaps\w*|evacuat\w*|arrest\w*|toll)\b",
    re.IGNORECASE,
)
"""Words of something happening: a fact that has one is more central."""
HEDGE = re.compile(r"\b(?:reportedly|also|moreover|meanwhile|however|further)\b,?\s*", re.I)
"""An opening word dropped from a fact's wording ("Also, ...")."""
APPROXIMATE = re.compile(
    r"\b(?:at least|more than|over|about|around|nearly|almost|some|up to|roughly)\s+$", re.I
)
"""Just before a figure: the figure is a bound ("more than 200"), not a particular."""
REPORTING = frozenset({
    "spoke", "agenc", "media", "news", "repor", "offic", "sourc", "state", "presi", "leade",
    "peopl", "thing", "way", "time", "day", "year",
})  # fmt: skip
"""Stems of the words of reporting and of titles: not particulars of a fact."""
DAY_STEMS = frozenset({
    *(name[:5] for name in (*WEEKDAYS, *MONTHS)),
    "today", "yeste", "tomor", "morni", "eveni", "night", "after",
})  # fmt: skip
"""Stems (``stem``) of the words that name a day or a time of day."""
_BRITISH = re.compile(r"(?<=\w\w)our")


def stem(word: str) -> str:
    """A cheap stem: lower-case, British spellings as American ("honour", "armoured"), a
    plural "s" dropped, cut to five letters."""
    word = _BRITISH.sub("or", word.lower().strip("'’"))
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:5]


FIRST_PERSON = frozenset({
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
})  # fmt: skip
"""Lemmas of first-person pronouns: a line in the first person without its speaker (outside
quotation marks it is the writer's or an unnamed speaker's) is not a key fact."""
SPECULATIVE = frozenset({"may", "might", "could", "would", "should"})
"""Lemmas of the modal verbs of speculation and opinion: "the leaders may talk alone" is not
a statement of what happened."""
def non_finite(word: str, lemma: str) -> bool:
    """A participle in "-ing" ("adding", "citing"): with no subject before it, it cannot head a
    statement ("Thus adding that ...")."""
    word = word.lower()
    return word.endswith("ing") and word != lemma.lower()


QUOTE_MARKS = "\"“”«»"
"""Marks of a direct quotation: a quoted line is a quote, not a key fact."""
