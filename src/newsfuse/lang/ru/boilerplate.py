"""Russian page furniture: links to other articles ("read also")."""

from __future__ import annotations

LINKS = ("читайте также",)
