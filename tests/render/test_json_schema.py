"""The JSON output follows the shared contract and newsfuse's own extended schema."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from render_helpers import Loaded

from newsfuse.render.json import (
    OPTIONAL_SECTIONS,
    briefing_dict,
    document_dict,
    extract_output_dict,
    load_schema,
    output_dict,
    schema_errors,
)
from newsfuse.types import Briefing, Conflict, Sourced

SHARED_SCHEMA = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "schema" / "briefing.schema.json"
)
STAMP = {"version": "0.1.0", "generated_at": "2026-11-22T15:00:00Z"}


def _shared_schema() -> dict[str, Any]:
    if not SHARED_SCHEMA.exists():
        pytest.skip(f"../shared/schema/briefing.schema.json is absent: {SHARED_SCHEMA}")
    schema: dict[str, Any] = json.loads(SHARED_SCHEMA.read_text("utf-8"))
    return schema


def _errors(schema: dict[str, Any], output: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(output)]


@pytest.mark.parametrize("name", ["flood", "hostile"])
def test_output_is_valid_under_the_project_schema(
    name: str, request: pytest.FixtureRequest
) -> None:
    articles, briefings = request.getfixturevalue(name)
    output = output_dict(articles, briefings, **STAMP)
    Draft202012Validator.check_schema(load_schema())
    assert _errors(load_schema(), output) == []
    assert schema_errors(output) == []


@pytest.mark.shared
@pytest.mark.parametrize("name", ["flood", "hostile"])
def test_output_is_valid_under_the_shared_contract(
    name: str, request: pytest.FixtureRequest
) -> None:
    articles, briefings = request.getfixturevalue(name)
    output = json.loads(json.dumps(output_dict(articles, briefings, **STAMP)))
    assert _errors(_shared_schema(), output) == []


def _required_and_types(schema: Any, path: str = "") -> dict[str, Any]:
    """Every ``required`` list and every ``type``/``enum``/``pattern`` by its JSON path."""
    found: dict[str, Any] = {}
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("required", "type", "enum", "pattern", "minItems", "minimum", "$ref"):
                found[f"{path}/{key}"] = value
            found.update(_required_and_types(value, f"{path}/{key}"))
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            found.update(_required_and_types(value, f"{path}/{index}"))
    return found


@pytest.mark.shared
def test_project_schema_keeps_every_rule_of_the_shared_contract() -> None:
    shared = _required_and_types(_shared_schema())
    ours = _required_and_types(load_schema())
    for path, rule in shared.items():
        assert path in ours, f"the project schema lost {path}"
        if path.endswith("/required"):
            assert set(rule) <= set(ours[path]), f"{path}: {set(rule) - set(ours[path])} dropped"
        elif path.endswith("/enum"):
            assert set(ours[path]) <= set(rule) | {None}, f"{path} widened"
        else:
            assert ours[path] == rule, f"{path}: {ours[path]!r} != shared {rule!r}"


def test_validation_has_teeth(flood: Loaded) -> None:
    articles, briefings = flood
    output = output_dict(articles, briefings, **STAMP)
    output["stories"][0]["facts"][0]["support"] = 0
    del output["documents"][0]["word_count"]
    output["stories"][0]["timeline"][0]["date"] = "in 1987"
    errors = " ".join(schema_errors(output))
    assert "support" in errors and "word_count" in errors and "in 1987" in errors


def test_extract_output_has_documents_and_no_stories(flood: Loaded) -> None:
    articles, _ = flood
    output = extract_output_dict(articles, **STAMP)
    assert "stories" not in output
    assert [doc["id"] for doc in output["documents"]] == [a.id for a in articles]
    assert schema_errors(output, extract=True) == []
    assert schema_errors({"documents": []}, extract=True) != []


def test_document_dict_carries_the_extensions(flood: Loaded) -> None:
    articles, _ = flood
    radio = document_dict(next(a for a in articles if a.id == "cr-tx-5"))
    assert radio["transcript"] is True and radio["published_signal"] == "text"
    assert radio["repairs"][0] == {
        "original": "sol berg",
        "replacement": "Solberg",
        "paragraph": 0,
        "kind": "word-split",
    }
    wire = document_dict(articles[0])
    assert wire["headings"] == ["Dam held"]
    assert wire["text"].count("\n\n") == 3 and "Dam held" in wire["text"]
    assert wire["url"].startswith("https://nordicwire.example/")
    junk = document_dict(next(a for a in articles if a.status == "rejected"))
    assert junk["text"] == "" and junk["word_count"] == 0 and junk["reason"]
    assert junk["crawl_date"] == "2024-03-11T06:12:09Z" and junk["published"] is None


def test_briefing_dict_extensions_and_derived_coverage(flood: Loaded) -> None:
    articles, briefings = flood
    by_id = {a.id: a for a in articles}
    storm = briefing_dict(briefings[1], by_id)
    assert [c["kind"] for c in storm["conflicts"]] == ["update", "conflict"]
    assert storm["conflicts"][0]["claims"][1]["outlets"] == [
        "Coastal Radio",
        "Baltic Business Daily",
    ]
    assert storm["facts"][0]["variants"][0]["sources"] == ["vt-88"]
    assert storm["facts"][3]["attributed_to"] == ["Norwegian Meteorological Institute"]
    assert storm["timeline"][0]["precision"] == "year" and storm["timeline"][0]["expression"]
    assert storm["quotes"][1]["kind"] == "reported"
    solberg = storm["entities"][0]
    assert solberg["flagged"] == ["Ingrid Sollberg"] and solberg["mentions"] == 4
    # the chess briefing states no outlets and no last date: both come from its article
    chess = briefing_dict(briefings[0], by_id)
    assert chess["outlets"] == ["Varnholm Events"] and chess["last_published"] == "2024-03-11"


def test_stories_come_most_outlets_first(flood: Loaded) -> None:
    articles, briefings = flood
    assert [b.story_id for b in briefings] == ["s-chess", "s-hilde"]
    output = output_dict(articles, briefings, **STAMP)
    assert [story["id"] for story in output["stories"]] == ["s-hilde", "s-chess"]


def test_unsourced_statements_are_left_out_and_output_stays_valid(flood: Loaded) -> None:
    articles, briefings = flood
    storm = briefings[1]
    lonely = Conflict(
        topic="one-sided",
        claims=(Sourced("sourced side", ("vt-88",)), Sourced("unsourced side", ())),
    )
    broken = replace(
        storm,
        summary=(*storm.summary, Sourced("Nobody said this.", ())),
        conflicts=(*storm.conflicts, lonely),
    )
    output = output_dict(articles, [broken], **STAMP)
    story = output["stories"][0]
    assert "Nobody said this." not in [s["text"] for s in story["summary"]]
    assert len(story["summary"]) == len(storm.summary)
    assert "one-sided" not in [c["topic"] for c in story["conflicts"]]
    assert schema_errors(output) == []


def test_the_schema_describes_every_section_of_the_briefing() -> None:
    story = load_schema()["$defs"]["story"]
    for name, _ in Briefing.sections():
        assert name in story["properties"], f"briefing.schema.json: story has no {name!r}"
        assert name in story["required"] or name in OPTIONAL_SECTIONS
