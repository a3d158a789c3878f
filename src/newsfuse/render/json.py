"""Briefings as JSON-ready dicts, following ``briefing.schema.json`` (shipped beside this file).

The shared contract's keys are all present with their types; newsfuse's extensions are
documented in the schema. Unsourced statements are left out (see ``view.clean_briefing``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from jsonschema import Draft202012Validator

from newsfuse.render.view import (
    clean_briefing,
    independent_outlets,
    order_briefings,
    outlet_label,
    published_range,
    story_outlets,
)
from newsfuse.types import (
    Article,
    Briefing,
    Conflict,
    Entity,
    Fact,
    Quote,
    Repair,
    Sourced,
    TimelineEvent,
)

SCHEMA_FILE = "briefing.schema.json"
INDENT = 2
"""The indentation of every JSON output (``json_text`` and the streamed writer agree)."""


def document_dict(article: Article) -> dict[str, Any]:
    """The schema's ``document``: one input document and what was made of it."""
    return {
        "id": article.id,
        "source": article.source,
        "status": article.status,
        "reason": article.reason,
        "duplicate_of": article.duplicate_of,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "author": article.author,
        "language": article.language,
        "text": article.text,
        "word_count": article.word_count,
        "published_signal": article.published_signal,
        "url": article.url,
        "transcript": article.transcript,
        "repairs": [_repair_dict(repair) for repair in article.repairs],
        "headings": list(article.headings),
        "crawl_date": article.crawl_date,
        "agency": article.agency,
    }


def briefing_dict(briefing: Briefing, articles: Mapping[str, Article]) -> dict[str, Any]:
    """The schema's ``story``. ``articles`` (by id) fill in outlets and dates the briefing
    leaves empty, and name the outlets on each side of a conflict."""
    story = clean_briefing(briefing)
    first, last = published_range(story, articles)
    return {
        "id": story.story_id,
        "headline": story.headline,
        "documents": list(story.documents),
        "first_published": first,
        "last_published": last,
        "outlets": list(story_outlets(story, articles)),
        "independent_outlets": independent_outlets(story, articles),
        "summary": [_sourced_dict(item) for item in story.summary],
        "facts": [_fact_dict(fact) for fact in story.facts],
        "conflicts": [_conflict_dict(conflict, articles) for conflict in story.conflicts],
        "quotes": [_quote_dict(quote) for quote in story.quotes],
        "timeline": [_event_dict(event) for event in story.timeline],
        "entities": [_entity_dict(entity) for entity in story.entities],
    }


def output_dict(
    articles: Sequence[Article],
    briefings: Sequence[Briefing],
    *,
    version: str,
    generated_at: str,
) -> dict[str, Any]:
    """The whole output of ``brief``: every document, then the stories, most outlets first."""
    by_id = {article.id: article for article in articles}
    output = extract_output_dict(articles, version=version, generated_at=generated_at)
    output["stories"] = [
        briefing_dict(briefing, by_id) for briefing in order_briefings(briefings, by_id)
    ]
    return output


def extract_output_dict(
    articles: Sequence[Article], *, version: str, generated_at: str
) -> dict[str, Any]:
    """The output of ``extract``: every document, no stories."""
    return {
        "newsfuse_version": version,
        "generated_at": generated_at,
        "documents": [document_dict(article) for article in articles],
    }


def write_output(
    out: TextIO,
    documents: Iterable[str],
    *,
    version: str,
    generated_at: str,
    articles: Sequence[Article] = (),
    briefings: Sequence[Briefing] | None = None,
) -> None:
    """Write ``output_dict`` (without ``briefings``: ``extract_output_dict``) as ``json_text``
    would, the documents given one at a time, each rendered by ``list_item(document_dict(...))``
    (``articles`` are needed only for the stories: slim records without text are enough)."""
    head = {"newsfuse_version": version, "generated_at": generated_at}
    lists: dict[str, Iterable[str]] = {"documents": documents}
    if briefings is not None:
        by_id = {article.id: article for article in articles}
        lists["stories"] = (
            list_item(briefing_dict(briefing, by_id))
            for briefing in order_briefings(briefings, by_id)
        )
    write_streamed(out, head, lists)


def json_text(data: Any) -> str:
    """``data`` as the JSON outputs write it: indented, non-ASCII kept, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=INDENT) + "\n"


def list_item(item: Any) -> str:
    """``item`` as ``json_text`` writes it inside a list that is a value of the top-level
    object (a document of ``documents``, a story of ``stories``), for ``write_streamed``."""
    return _nested(item, 2)


def write_streamed(
    out: TextIO, head: Mapping[str, Any], lists: Mapping[str, Iterable[str]]
) -> None:
    """Write the object ``{**head, **lists}`` to ``out`` exactly as ``json_text`` would, with
    each list given as its items already rendered by ``list_item`` (read one at a time)."""
    fields = [(key, _nested(value, 1).lstrip(" ")) for key, value in head.items()]
    out.write("{")
    for number, (key, value) in enumerate([*fields, *lists.items()]):
        name = json.dumps(key, ensure_ascii=False)
        out.write(("," if number else "") + "\n" + " " * INDENT + name + ": ")
        if isinstance(value, str):
            out.write(value)
        else:
            _write_list(out, value)
    out.write("\n}\n" if head or lists else "}\n")


def _write_list(out: TextIO, items: Iterable[str]) -> None:
    empty = True
    for item in items:
        out.write(("[\n" if empty else ",\n") + item)
        empty = False
    out.write("[]" if empty else "\n" + " " * INDENT + "]")


def _nested(data: Any, level: int) -> str:
    pad = " " * (INDENT * level)
    return pad + json.dumps(data, ensure_ascii=False, indent=INDENT).replace("\n", "\n" + pad)


def schema_errors(output: Mapping[str, Any], *, extract: bool = False) -> list[str]:
    """Where ``output`` breaks newsfuse's schema (empty when it is valid), one line each."""
    validator = _validator("extract_output" if extract else None)
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(output), key=lambda e: list(e.absolute_path))
    ]


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """newsfuse's briefing schema (the shared contract plus its documented extensions)."""
    text = resources.files("newsfuse.render").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _validator(definition: str | None) -> Draft202012Validator:
    schema = load_schema()
    if definition is not None:
        schema = {
            "$schema": schema["$schema"],
            "$defs": schema["$defs"],
            "$ref": f"#/$defs/{definition}",
        }
    return Draft202012Validator(schema)


def _repair_dict(repair: Repair) -> dict[str, Any]:
    return {
        "original": repair.original,
        "replacement": repair.replacement,
        "paragraph": repair.paragraph,
        "kind": repair.kind,
    }


def _sourced_dict(item: Sourced | Fact | Quote | TimelineEvent) -> dict[str, Any]:
    return {"text": item.text, "sources": list(item.sources)}


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {
        **_sourced_dict(fact),
        "support": max(1, fact.support),
        "attributed_to": list(fact.attributed_to),
        "variants": [_sourced_dict(variant) for variant in fact.variants if variant.sources],
    }


def _conflict_dict(conflict: Conflict, articles: Mapping[str, Article]) -> dict[str, Any]:
    return {
        "topic": conflict.topic,
        "kind": conflict.kind,
        "claims": [
            {**_sourced_dict(claim), "outlets": _outlets(claim.sources, articles)}
            for claim in conflict.claims
        ],
    }


def _quote_dict(quote: Quote) -> dict[str, Any]:
    return {**_sourced_dict(quote), "speaker": quote.speaker, "kind": quote.kind}


def _event_dict(event: TimelineEvent) -> dict[str, Any]:
    return {
        "date": event.date,
        **_sourced_dict(event),
        "precision": event.precision,
        "expression": event.expression,
    }


def _entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "sources": list(entity.sources),
        "mentions": entity.mentions,
        "flagged": list(entity.flagged),
        "place": _place(entity.place),
    }


def _outlets(ids: Sequence[str], articles: Mapping[str, Article]) -> list[str]:
    names = (outlet_label(articles[doc_id]) for doc_id in ids if doc_id in articles)
    return list(dict.fromkeys(name for name in names if name))


def _place(place: Mapping[str, object] | None) -> dict[str, str] | None:
    if place is None:
        return None
    return {str(key): str(value) for key, value in place.items()}
