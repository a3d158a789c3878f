"""Hand-built Articles and Briefings for the render tests, read from tests/fixtures/render/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsfuse.types import (
    Article,
    Block,
    Briefing,
    Conflict,
    Entity,
    Fact,
    Quote,
    Repair,
    Sourced,
    TimelineEvent,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "render"

Loaded = tuple[list[Article], list[Briefing]]


def _article(data: dict[str, Any]) -> Article:
    fields = dict(data)
    fields["blocks"] = tuple(Block(kind, text) for kind, text in data.get("blocks", []))
    fields["repairs"] = tuple(Repair(**repair) for repair in data.get("repairs", []))
    return Article(**fields)


def _sourced(data: dict[str, Any]) -> Sourced:
    return Sourced(text=data["text"], sources=tuple(data["sources"]))


def _fact(data: dict[str, Any]) -> Fact:
    return Fact(
        text=data["text"],
        sources=tuple(data["sources"]),
        support=data["support"],
        attributed_to=tuple(data.get("attributed_to", [])),
        variants=tuple(_sourced(variant) for variant in data.get("variants", [])),
    )


def _briefing(data: dict[str, Any]) -> Briefing:
    return Briefing(
        story_id=data["story_id"],
        headline=data["headline"],
        documents=tuple(data["documents"]),
        summary=tuple(_sourced(item) for item in data["summary"]),
        facts=tuple(_fact(item) for item in data["facts"]),
        conflicts=tuple(
            Conflict(
                topic=item["topic"],
                claims=tuple(_sourced(claim) for claim in item["claims"]),
                kind=item.get("kind", "conflict"),
            )
            for item in data["conflicts"]
        ),
        quotes=tuple(
            Quote(item["text"], tuple(item["sources"]), item["speaker"], item.get("kind", "direct"))
            for item in data["quotes"]
        ),
        timeline=tuple(
            TimelineEvent(
                date=item["date"],
                text=item["text"],
                sources=tuple(item["sources"]),
                precision=item.get("precision", "day"),
                expression=item.get("expression"),
            )
            for item in data["timeline"]
        ),
        entities=tuple(
            Entity(
                name=item["name"],
                type=item["type"],
                aliases=tuple(item["aliases"]),
                sources=tuple(item["sources"]),
                mentions=item.get("mentions", 0),
                flagged=tuple(item.get("flagged", [])),
                place=item.get("place"),
            )
            for item in data["entities"]
        ),
        first_published=data.get("first_published"),
        last_published=data.get("last_published"),
        outlets=tuple(data.get("outlets", [])),
    )


def load_fixture(name: str) -> Loaded:
    data = json.loads((FIXTURES / name).read_text("utf-8"))
    articles = [_article(item) for item in data["articles"]]
    return articles, [_briefing(item) for item in data["briefings"]]


@pytest.fixture()
def flood() -> Loaded:
    """Two invented stories (a storm flooding a port town; a postponed chess open)."""
    return load_fixture("flood.json")


@pytest.fixture()
def hostile() -> Loaded:
    """One story whose every document-controlled string is an injection attempt."""
    return load_fixture("xss.json")
