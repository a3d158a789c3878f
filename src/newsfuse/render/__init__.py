"""Briefings as JSON, terminal text, Markdown and one standalone HTML page.

Every format shows the same stories in the same order (most outlets first) with the same
numbered sources; ``view`` decides that once. ``sections`` holds the one table of the
briefing's sections that the text, Markdown and HTML renderers draw; ``json`` writes a
briefing as the schema's story and reads it back. Document text is untrusted: the HTML
escapes it, the Markdown escapes it, the terminal never reads it as markup.
"""

from __future__ import annotations

from newsfuse.render.html import render_html
from newsfuse.render.json import (
    briefing_dict,
    briefing_from_dict,
    document_dict,
    extract_output_dict,
    load_schema,
    output_dict,
    schema_errors,
)
from newsfuse.render.markdown import render_markdown
from newsfuse.render.text import render_extract_text, render_text

__all__ = [
    "briefing_dict",
    "briefing_from_dict",
    "document_dict",
    "extract_output_dict",
    "load_schema",
    "output_dict",
    "render_extract_text",
    "render_html",
    "render_markdown",
    "render_text",
    "schema_errors",
]
