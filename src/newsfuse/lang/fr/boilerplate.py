"""French page furniture (see ``lang/en/boilerplate.py`` for what each table holds)."""

from __future__ import annotations

LINKS = ("lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "lire la suite")
FORMS = ("^commentaires?$", "laisser un commentaire")
NOTICES = ("des cookies", "abonnez-vous", "^publicité$")
FOOTERS = ("tous droits réservés", "^mentions légales$")
HOME_WORDS = ("accueil",)
LIST_HEADERS = ("dernières nouvelles", "à la une")
TEASER_PREFIXES = ("[àa] lire aussi", "lire aussi")
