"""The stored analysis keeps the sentences' parses, and reads rows stored without them."""

from __future__ import annotations

import json

from newsfuse.store.records import analysis_from_json, analysis_json
from newsfuse.types import AnalyzedArticle, Article, Block, Mention, Sentence, Token

ARTICLE = Article("s1", "s1.txt", "ok", blocks=(Block("paragraph", "Orla Venn said it rained."),))
WORDS = (
    Token("Orla", 0, "Orla", "PROPN", "compound", 1, 0, 1, False, False),
    Token("Venn", 5, "Venn", "PROPN", "nsubj", 2, 0, 1, False, False),
    Token("said", 10, "say", "VERB", "ROOT", 2, 0, 6, False, False),
)
ANALYZED = AnalyzedArticle(
    ARTICLE,
    (
        Sentence("s1", 0, 0, "Orla Venn said it rained.", (Mention("Orla Venn", "PERSON", 0, 9),),
                 ("orla", "venn", "say", "rain"), WORDS),
        Sentence("s1", 1, 0, "No parse here.", (), ("parse",)),
    ),
)


def test_parses_survive_the_store() -> None:
    assert analysis_from_json(ARTICLE, analysis_json(ANALYZED)) == ANALYZED


def test_rows_stored_before_parses_were_kept_read_without_them() -> None:
    rows = [row[:5] for row in json.loads(analysis_json(ANALYZED))]
    again = analysis_from_json(ARTICLE, json.dumps(rows))
    assert [s.tokens for s in again.sentences] == [None, None]
    assert [s.text for s in again.sentences] == [s.text for s in ANALYZED.sentences]
