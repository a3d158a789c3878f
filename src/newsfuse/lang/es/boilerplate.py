"""Spanish page furniture (see ``lang/en/boilerplate.py`` for what each table holds)."""

from __future__ import annotations

LINKS = ("lee también", "lea también", "leer más", "te puede interesar", "ver también")
FORMS = ("^comentarios?$", "deja un comentario")
NOTICES = ("utilizamos cookies", "suscríbete", "^publicidad$")
FOOTERS = ("todos los derechos reservados",)
HOME_WORDS = ("inicio",)
LIST_HEADERS = ("lo último", "últimas noticias")
TEASER_PREFIXES = ("leer más", "lee también")
