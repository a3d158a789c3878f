"""English summary sentences: what cannot stand alone in a summary, and reporting words."""

from __future__ import annotations

import re

from newsfuse.lang.en.slots import WORD_NUMBERS

BOILERPLATE = re.compile(
    r"\b(read more:|^read more\b|read also|also read|see also|advertisement|click here|sign up"
    r"|subscribe|newsletter|follow us|all rights reserved|image copyright|copyright \d|©"
    r"|getty images|ap photo|photo by|photograph:|image caption|pictured|post a comment"
    r"|leave a comment|share this|cookies|terms of (use|service)|privacy policy"
    r"|contributed to this report|reporting by|editing by|https?://|www\.|\S+@\S+\.\w+"
    r"|file photo|caption|watch:|listen:|just watched"
    r"|lisez aussi|lire aussi|voir aussi|lesen sie auch|mehr zum thema|lea también|leer también"
    r"|ver también|leia também|veja também|leggi anche|czytaj (też|także)|lees ook"
    r"|читайте также|смотрите также)",
    re.I,
)
"""Page furniture, credits and links (and "read also" in the languages seen in English pages)."""
CALL_TO_ACTION = re.compile(
    r"^(click|sign|subscribe|follow|share|watch|read|listen|download|join|get|like|check out"
    r"|see|don'?t miss|find out|learn more|tap|visit|send|email|call|contact|support|donate"
    r"|register|log in|please)\b",
    re.I,
)
"""A sentence that asks the reader to do something ("Click here", "Sign up")."""
BYLINE = re.compile(
    r"^(?:(?i:by|written by|posted by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"\s*(?:,|\||$|and\b)|(?i:updated|published|last updated)\b)"
)
"""A byline or a time stamp ("By Jane Doe", "Updated 10:00")."""
CAPTION = re.compile(
    r"^(photo|picture|image|video|file|caption|graphic|gallery)s?\s*[:|]|\((?:photo|image|file)\b"
    r"|\([A-Z][\w .&-]{1,40}\)$",
    re.I,
)
"""A picture's caption or credit."""
PARTICIPLE = re.compile(
    r"^(adding|saying|noting|stating|explaining|claiming|insisting|citing|warning)\b", re.I
)
"""A sentence that starts mid-thought ("Adding that ...")."""
DANGLING = re.compile(
    r"^(he|she|they|it|this|these|those|that|his|her|their|its|him|them|such|there"
    r"|the (?:former|latter)|both|another|other|except|which|whose|you|your|we|our|i|my)\b",
    re.I,
)
"""A first word that points to something said before ("He", "This", "Both")."""
CONNECTIVE = re.compile(
    r"^(however|but|and|also|meanwhile|moreover|still|yet|so|thus|instead|then|furthermore"
    r"|in addition|additionally|nonetheless|nevertheless|besides|similarly|likewise|otherwise"
    r"|therefore|as a result|in fact|indeed|even so|at the same time|on the other hand"
    r"|in other words|for example|for instance|that said|of course)\b,?\s*",
    re.I,
)
"""A leading connective, dropped from a summary sentence ("However, ")."""
REPORTING = frozenset(
    "say tell report accord state confirm cite add claim medium news agency source official "
    "spokesman spokesperson announce reportedly".split()
)
"""Lemmas of reporting, not claim words ("say", "report", "official")."""
SPELLED_NUMBERS = {
    **{word: value for word, value in WORD_NUMBERS.items() if value > 1},
    "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
"""Number words a summary sentence's figures are read from ("Fourteen people" states 14): the
slots' words (but "a", "one", which are rarely counts) and the teens and tens they lack."""
