"""Portuguese page furniture (see ``lang/en/boilerplate.py`` for what each table holds)."""

from __future__ import annotations

LINKS = ("leia também", "veja também")
TEASER_PREFIXES = ("tempo de leitura", "leia (?:também|mais)")
