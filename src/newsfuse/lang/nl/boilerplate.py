"""Dutch page furniture: links to other articles ("read also")."""

from __future__ import annotations

LINKS = ("lees ook",)
