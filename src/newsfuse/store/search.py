"""Full-text search that ranks: one hit per original article, its copies folded in.

A syndicated story reprinted by four outlets is one article and three copies (status
``duplicate``, ``duplicate_of`` the original): search finds it once, under the original's id
and title, with the snippet of whichever of the five documents matches best, its best score,
and how many copies it has. Stories are searched by headline and summary, one hit each.

SQLite ranks with FTS5's ``bm25`` (the title weighs twice the body), PostgreSQL with
``ts_rank`` (the title is weight A); either way the score is reported with higher meaning
better. Matches in the snippet are marked ``[like this]``.
"""

from __future__ import annotations

from typing import Any

SearchRow = tuple[str, str | None, str, float, int]
"""``(id, title, snippet, score, copies)`` of one hit, best first."""

TITLE_WEIGHT = 2.0
"""How much more a word in an article's title (or a story's headline) counts than one in its
body (or summary), in SQLite's bm25."""

_SQLITE_ARTICLES = f"""
SELECT hit.root, original.title, hit.snip, min(hit.rank),
       (SELECT count(*) FROM articles c WHERE c.duplicate_of = hit.root)
FROM (
    SELECT coalesce(a.duplicate_of, a.id) AS root,
           snippet(articles_fts, 2, '[', ']', ' … ', 16) AS snip,
           bm25(articles_fts, 0.0, {TITLE_WEIGHT}, 1.0) AS rank
    FROM articles_fts JOIN articles a ON a.id = articles_fts.id
    WHERE articles_fts MATCH ? LIMIT -1
) hit JOIN articles original ON original.id = hit.root
GROUP BY hit.root ORDER BY min(hit.rank), hit.root LIMIT ? OFFSET ?
"""
"""One row per original: SQLite takes the bare columns (the snippet) of a ``min()`` group
from the row that holds the minimum, so the snippet is the best-ranked document's."""

_SQLITE_STORIES = f"""
SELECT id, headline, snippet(stories_fts, 2, '[', ']', ' … ', 16),
       bm25(stories_fts, 0.0, {TITLE_WEIGHT}, 1.0) AS rank, 0
FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rank, id LIMIT ? OFFSET ?
"""

_POSTGRES_ARTICLES = """
SELECT best.root, original.title,
       ts_headline('simple', best.body, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6'),
       best.rank, (SELECT count(*) FROM articles c WHERE c.duplicate_of = best.root)
FROM (
    SELECT DISTINCT ON (coalesce(a.duplicate_of, f.id))
           coalesce(a.duplicate_of, f.id) AS root, f.body, ts_rank(f.tsv, q) AS rank
    FROM articles_fts f JOIN articles a ON a.id = f.id, plainto_tsquery('simple', %s) AS q
    WHERE f.tsv @@ q
    ORDER BY coalesce(a.duplicate_of, f.id), ts_rank(f.tsv, q) DESC, f.id
) best JOIN articles original ON original.id = best.root, plainto_tsquery('simple', %s) AS q
ORDER BY best.rank DESC, best.root LIMIT %s OFFSET %s
"""

_POSTGRES_STORIES = """
SELECT id, headline, ts_headline('simple', summary, q,
       'StartSel=[, StopSel=], MaxWords=16, MinWords=6'), ts_rank(tsv, q) AS rank, 0
FROM stories_fts, plainto_tsquery('simple', %s) AS q WHERE tsv @@ q
ORDER BY rank DESC, id LIMIT %s OFFSET %s
"""


def sqlite_search(
    connection: Any, table: str, words: list[str], limit: int, offset: int
) -> list[SearchRow]:
    """Hits of every word (each a quoted FTS5 term, so no operator gets through)."""
    match = " ".join('"' + word.replace('"', "") + '"' for word in words)
    sql = _SQLITE_ARTICLES if table == "articles_fts" else _SQLITE_STORIES
    rows = connection.execute(sql, (match, limit, offset)).fetchall()
    return [(row[0], row[1], row[2], -float(row[3]), int(row[4])) for row in rows]


def postgres_search(
    connection: Any, table: str, words: list[str], limit: int, offset: int
) -> list[SearchRow]:
    """Hits of every word (``plainto_tsquery`` ands them)."""
    query = " ".join(words)
    if table == "articles_fts":
        params: tuple[Any, ...] = (query, query, limit, offset)
        rows = connection.execute(_POSTGRES_ARTICLES, params).fetchall()
    else:
        rows = connection.execute(_POSTGRES_STORIES, (query, limit, offset)).fetchall()
    return [(row[0], row[1], row[2], float(row[3]), int(row[4])) for row in rows]
