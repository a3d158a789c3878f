"""Where the web tests' documents are: the repo's examples and tests/fixtures/web."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
FIXTURES = REPO / "tests" / "fixtures" / "web"
STORY_FIXTURES = FIXTURES / "story"
XSS_DOCUMENTS = FIXTURES / "xss_documents.json"
CORPUS = (EXAMPLES, STORY_FIXTURES)


def xss_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(XSS_DOCUMENTS.read_text("utf-8"))
    return records
