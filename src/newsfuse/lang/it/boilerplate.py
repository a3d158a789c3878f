"""Italian page furniture (see ``lang/en/boilerplate.py`` for what each table holds)."""

from __future__ import annotations

LINKS = ("leggi anche", "leggi pure", "potrebbe interessarti")
FORMS = ("^commenti$", "lascia un commento")
NOTICES = ("utilizza(?:mo)? (?:i )?cookie", "iscriviti", "^pubblicità$")
FOOTERS = ("tutti i diritti riservati",)
LIST_HEADERS = ("ultime notizie",)
