"""German page furniture (see ``lang/en/boilerplate.py`` for what each table holds)."""

from __future__ import annotations

LINKS = ("lesen sie auch", "auch interessant", "mehr zum thema")
FORMS = ("^kommentare?$", "schreibe einen kommentar")
NOTICES = ("verwendet cookies", "abonnieren", "^anzeige$")
FOOTERS = ("alle rechte vorbehalten", "^impressum$")
HOME_WORDS = ("startseite",)
LIST_HEADERS = ("neueste",)
TEASER_PREFIXES = ("lesen sie auch",)
