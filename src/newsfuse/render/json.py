"""Briefings as JSON-ready dicts, following ``briefing.schema.json`` (shipped beside this file).

The shared contract's keys are all present with their types; newsfuse's extensions are
documented in the schema. Unsourced statements are left out (see ``view.clean_briefing``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO, TypeVar, get_args, get_origin, get_type_hints

from jsonschema import Draft202012Validator

from newsfuse.render.view import (
    UNATTRIBUTED,
    clean_briefing,
    independent_outlets,
    order_briefings,
    outlet_label,
    published_range,
    story_outlets,
)
from newsfuse.types import Article, Briefing, Conflict, Fact, Quote, Repair

SCHEMA_FILE = "briefing.schema.json"
INDENT = 2
"""The indentation of every JSON output (``json_text`` and the streamed writer agree)."""
_R = TypeVar("_R")

OPTIONAL_SECTIONS = frozenset({"copies"})
"""Sections a story writes only when they have items (the schema does not require them), so
that a story without any reads exactly as it did before the section existed."""


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
    leaves empty, and name the outlets on each side of a conflict. Each section is a list of
    its records as :func:`item_dict` writes them; :func:`briefing_from_dict` reads it back."""
    story = clean_briefing(briefing)
    first, last = published_range(story, articles)
    head = {
        "id": story.story_id,
        "headline": story.headline,
        "documents": list(story.documents),
        "first_published": first,
        "last_published": last,
        "outlets": list(story_outlets(story, articles)),
        "independent_outlets": independent_outlets(story, articles),
    }
    sections = {
        name: [item_dict(item, articles) for item in getattr(story, name)]
        for name, _ in story.sections()
        if getattr(story, name) or name not in OPTIONAL_SECTIONS
    }
    return {**head, **sections}


def briefing_from_dict(data: Mapping[str, Any], kind: type[Briefing] = Briefing) -> Briefing:
    """The Briefing a story dict (:func:`briefing_dict`) was made from, as far as it says.

    What the dict derives is not undone: ``Briefing.outlets`` holds one key per independent
    outlet, which the dict only counts (``independent_outlets``), so placeholder keys keep
    that count; statements that cited nothing were left out; a conflict side's ``outlets``
    is dropped (it is read again from the articles). A section the dict lacks (stored before
    the section existed) is empty. ``kind`` may be a subclass of :class:`Briefing` with more
    sections.
    """
    count = int(data.get("independent_outlets") or 0)
    sections = {
        name: tuple(record_from_dict(record, item) for item in data.get(name, ()))
        for name, record in kind.sections()
    }
    if "quotes" in sections:  # the speaker of an unattributed quote is None again
        sections["quotes"] = tuple(
            replace(q, speaker=None) if q.speaker == UNATTRIBUTED else q
            for q in sections["quotes"]
        )
    return kind(
        story_id=data["id"],
        headline=data["headline"],
        documents=tuple(data["documents"]),
        first_published=data.get("first_published"),
        last_published=data.get("last_published"),
        outlets=tuple(f"outlet-{n}" for n in range(count)),
        **sections,
    )


def item_dict(item: Any, articles: Mapping[str, Article]) -> dict[str, Any]:
    """One item of a briefing section as the schema's story writes it: its fields in order
    (:func:`record_dict`), unless ``_ITEM_DICTS`` gives its type its own shape."""
    shape = _ITEM_DICTS.get(type(item))
    return shape(item, articles) if shape else record_dict(item)


def record_dict(record: Any) -> dict[str, Any]:
    """A record's fields in their order: tuples as lists, nested records as dicts, mappings
    as string to string (an entity's ``place``)."""
    return {field.name: _json_value(getattr(record, field.name)) for field in fields(record)}


def record_from_dict(kind: type[_R], data: Mapping[str, Any]) -> _R:
    """The record of type ``kind`` that :func:`record_dict` wrote as ``data``: keys that are
    not fields of ``kind`` are ignored, missing ones take the field's default."""
    hints = _field_types(kind)
    values = {name: _from_json(hints[name], data[name]) for name in hints if name in data}
    record: _R = kind(**values)
    return record


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


def _fact_dict(fact: Fact, articles: Mapping[str, Article]) -> dict[str, Any]:
    return {**record_dict(fact), "support": max(1, fact.support)}


def _conflict_dict(conflict: Conflict, articles: Mapping[str, Article]) -> dict[str, Any]:
    """The heading, the kind, what is disputed and the values (an update's latest first),
    then each side with its outlets and publication dates (and its value, when known)."""
    values = list(conflict.values) + [None] * (len(conflict.claims) - len(conflict.values))
    head: dict[str, Any] = {"topic": conflict.topic, "kind": conflict.kind}
    if conflict.attribute:
        head |= {"attribute": conflict.attribute, "values": list(conflict.values)}
    if conflict.latest is not None:
        head["latest"] = conflict.latest
    return {
        **head,
        "claims": [
            {
                **record_dict(claim),
                "outlets": _outlets(claim.sources, articles),
                "dates": _dates(claim.sources, articles),
                **({"value": value} if value is not None else {}),
            }
            for claim, value in zip(conflict.claims, values, strict=False)
        ],
    }


def _quote_dict(quote: Quote, articles: Mapping[str, Article]) -> dict[str, Any]:
    """A quote's fields; a quote without a speaker has the speaker "unattributed" (the
    shared contract's speaker is a string)."""
    speaker = UNATTRIBUTED if quote.speaker is None else quote.speaker
    return {**record_dict(quote), "speaker": speaker}


def _dates(ids: Sequence[str], articles: Mapping[str, Article]) -> list[str]:
    """The publication days of ``ids`` that have one, each once, earliest first."""
    days = {
        published[:10]
        for doc in ids
        if doc in articles and (published := articles[doc].published)
    }
    return sorted(days)


_ITEM_DICTS: dict[type[Any], Callable[[Any, Mapping[str, Article]], dict[str, Any]]] = {
    Fact: _fact_dict,
    Conflict: _conflict_dict,
    Quote: _quote_dict,
}
"""Items whose JSON is not just their fields: a fact's support is at least one, a conflict's
kind comes before its claims and each claim names its outlets, a quote always names a
speaker."""


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    if is_dataclass(value):
        return record_dict(value)
    if isinstance(value, Mapping):
        return {str(key): str(item) for key, item in value.items()}
    return value


def _from_json(hint: Any, value: Any) -> Any:
    if get_origin(hint) is not tuple or value is None:
        return value
    kind = get_args(hint)[0]
    if is_dataclass(kind):
        return tuple(record_from_dict(kind, item) for item in value)  # type: ignore[arg-type]
    return tuple(value)


def _field_types(kind: type[Any]) -> dict[str, Any]:
    if kind not in _FIELD_TYPES:
        hints = get_type_hints(kind)
        _FIELD_TYPES[kind] = {field.name: hints[field.name] for field in fields(kind)}
    return _FIELD_TYPES[kind]


_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def _outlets(ids: Sequence[str], articles: Mapping[str, Article]) -> list[str]:
    names = (outlet_label(articles[doc_id]) for doc_id in ids if doc_id in articles)
    return list(dict.fromkeys(name for name in names if name))
