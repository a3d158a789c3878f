"""English cue words for splitting unpunctuated speech-to-text transcripts into sentences.

A sentence is cut before a word that usually opens one (a pronoun, a capitalised function word,
a discourse word) once the clause is long enough, unless the previous word asks for more.
"""

from __future__ import annotations

from newsfuse.lang.en.calendar import MONTHS, WEEKDAYS
from newsfuse.lang.en.core import (
    POSSESSIVE_ENDINGS as POSSESSIVE_ENDINGS,  # no sentence ends on one
)

# Words after which a sentence cannot end: prepositions, articles, conjunctions, auxiliaries.
CONTINUERS = frozenset(
    """a an the of in on at to for from by with without about into onto over under after
    before between through during against among toward towards near via and or but nor
    above below since until across around behind beyond inside outside upon within along
    amid despite per like off past
    that which who whom whose whether where when what why how if as than then so because
    while although though
    is are was were be been being am has have had do does did will would shall should can
    could may might must not no its his her their our my your this these those such
    mr mrs ms dr president minister leader spokesman spokesperson general state prime
    chief manager director secretary officer commander governor mayor senator captain
    said says told according very more most less least also even only just both either""".split()
)
DETERMINERS = frozenset("a an the his her their its our my your this that these those".split())
# Lower-case words that open a sentence in speech.
LOWER_OPENERS = frozenset(
    "however meanwhile moreover furthermore nevertheless nonetheless therefore".split()
)
PRONOUNS = frozenset("this they he she we it there i you".split())
SUBJECTS = frozenset("nobody everyone everybody somebody someone police".split())
VERBS = frozenset(
    """is are was were has have had will would can could said says told added
    stood pledged met called gave showed denied claimed reported stated announced confirmed
    warned include includes began made took came went saw found left got held led put ran
    sent set spoke won wrote became brought built felt kept knew lost meant paid thought
    urged say expect expects""".split()
)
CLAUSE_WORDS = frozenset(
    "that which who whom whose but if when where while because".split()
)
QUANTIFIERS = frozenset(
    "first second third last next other many few several some all most".split()
)
ING_NOUNS = frozenset(
    """morning evening thing something nothing anything everything building meeting spring
    king ring wing ceiling briefing wedding hearing funding beijing""".split()
)
NUMBERS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion dozen dozens hundreds thousands""".split()
)
TIME_WORDS = frozenset((*WEEKDAYS, *MONTHS))
"""Weekday and month names: a capitalised one does not start a name."""
# Capitalised function words that open a sentence.
CAPITAL_OPENERS = frozenset(
    """the this that these those he she it they we i there in on at after before but and
    however meanwhile moreover according a an his her their its our some many most""".split()
)
CONJUNCTIONS = frozenset({"and", "or"})
"""Before a capitalised word, these join two names into one subject."""
DEFINITE_ARTICLES = frozenset({"the"})
"""A lower-case sentence may open with one when its verb follows within six words."""
GERUND_ENDING = "ing"
"""A word ending so ("citing") asks for more, unless it is a noun (``ING_NOUNS``)."""
PAST_ENDING = "ed"
"""A long word ending so is a finite verb ("investigated")."""
PLURAL_ENDING = "s"
"""A long lower-case word ending so may be a plural subject ("investigators have")."""
