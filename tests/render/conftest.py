"""Fixtures for the render tests: hand-built Articles and Briefings (not from a pipeline)."""

from __future__ import annotations

import pytest
from render_helpers import Loaded, load_fixture


@pytest.fixture()
def flood() -> Loaded:
    """Two invented stories (a storm flooding a port town; a postponed chess open)."""
    return load_fixture("flood.json")


@pytest.fixture()
def hostile() -> Loaded:
    """One story whose every document-controlled string is an injection attempt."""
    return load_fixture("xss.json")
