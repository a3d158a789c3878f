"""Story -> Briefing: the cross-source briefing of one story.

Each part lives in its own module (entities, facts, conflicts, quotes, timeline, summary,
headline); this module only composes them and settles which documents are independent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from newsfuse.types import AnalyzedArticle, Article, Briefing, Copy, Story

__all__ = ["build_briefing", "independence_keys"]


def independence_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Map each document id to the key of its independent source.

    Copies share the key of the document they copy; documents of the same outlet share one key;
    every other document is its own source.
    """
    by_id = {article.id: article for article in articles}
    keys: dict[str, str] = {}
    for article in articles:
        root = article
        seen = {root.id}
        while root.duplicate_of and root.duplicate_of in by_id and root.duplicate_of not in seen:
            root = by_id[root.duplicate_of]
            seen.add(root.id)
        keys[article.id] = _outlet_key(root.outlet) or f"doc:{root.id}"
    return keys


def _outlet_key(outlet: str | None) -> str | None:
    if not outlet:
        return None
    key = "".join(ch for ch in outlet.lower() if ch.isalnum())
    return f"outlet:{key}" if key else None


def build_briefing(
    story: Story,
    analyzed: Sequence[AnalyzedArticle],
    *,
    all_articles: Sequence[Article],
    independence: Mapping[str, str],
    embedder: Any,
    words: int = 120,
) -> Briefing:
    """Everything newsfuse says about one story."""
    from newsfuse.brief.align import align_claims
    from newsfuse.brief.conflicts import find_conflicts
    from newsfuse.brief.entities import resolve_entities
    from newsfuse.brief.facts import key_facts
    from newsfuse.brief.headline import make_headline
    from newsfuse.brief.newsrooms import newsrooms
    from newsfuse.brief.quotes import extract_quotes
    from newsfuse.brief.summary import summarize
    from newsfuse.brief.timeline import build_timeline

    dates = sorted(a.article.published for a in analyzed if a.article.published)
    story_date = Counter(dates).most_common(1)[0][0] if dates else None
    entities = resolve_entities(analyzed)
    groups = align_claims(analyzed, embedder=embedder)
    facts = key_facts(
        groups,
        independence=independence,
        newsrooms=newsrooms(analyzed, independence),
        embedder=embedder,
    )
    conflicts = find_conflicts(
        groups, analyzed, independence=independence, canonical=entities.canonical
    )
    copies = _copies_of(story, all_articles)
    documents = tuple(story.article_ids) + tuple(c for ids in copies.values() for c in ids)
    outlets = outlet_names(documents, all_articles, independence)
    briefing = Briefing(
        story_id=story.id,
        headline=make_headline(analyzed),
        documents=documents,
        summary=tuple(summarize(analyzed, words=words, embedder=embedder, facts=facts)),
        facts=tuple(facts),
        conflicts=tuple(conflicts),
        quotes=tuple(extract_quotes(analyzed, entities)),
        timeline=tuple(build_timeline(analyzed, story_date=story_date)),
        entities=tuple(entities.entities),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        outlets=outlets,
        copies=tuple(Copy(original, ids) for original, ids in copies.items()),
    )
    return _cite_copies(briefing, copies)


def outlet_names(
    documents: Sequence[str], articles: Sequence[Article], independence: Mapping[str, str]
) -> tuple[str, ...]:
    """One readable name per independent source among ``documents``.

    The outlet when the document names it, else the web host, else the file name.
    """
    by_id = {article.id: article for article in articles}
    names: dict[str, str] = {}
    for doc in documents:
        key = independence.get(doc, doc)
        article = by_id.get(doc)
        if key in names or article is None:
            continue
        names[key] = article.outlet or _host(article.url) or _file_name(article.source)
    return tuple(names.values())


def _host(url: str | None) -> str | None:
    if not url or "//" not in url:
        return None
    host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    return host.removeprefix("www.") or None


def _file_name(source: str) -> str:
    return source.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def _copies_of(story: Story, articles: Sequence[Article]) -> dict[str, tuple[str, ...]]:
    members = set(story.article_ids)
    copies: dict[str, list[str]] = {}
    for article in articles:
        if article.status == "duplicate" and article.duplicate_of in members:
            copies.setdefault(article.duplicate_of, []).append(article.id)
    return {original: tuple(ids) for original, ids in copies.items()}


def _cite_copies(briefing: Briefing, copies: Mapping[str, tuple[str, ...]]) -> Briefing:
    """A copy states what its original states: add it to every citation of the original.

    Fact variants keep their own sources, as before ``Briefing.map_sources`` (widening them
    too would add a copy to two variants of the examples' ferry story: a change of output
    left to a decision of its own)."""
    if not copies:
        return briefing
    widened = briefing.map_sources(
        lambda sources: tuple(
            dict.fromkeys(s for doc in sources for s in (doc, *copies.get(doc, ())))
        )
    )
    facts = tuple(
        replace(fact, variants=before.variants)
        for fact, before in zip(widened.facts, briefing.facts, strict=True)
    )
    return replace(widened, facts=facts)
