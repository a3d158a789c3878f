"""One analysis pass: quotes and claims read the parses the analysis kept, and parse nothing."""

from __future__ import annotations

import pytest

from newsfuse.brief.claims import LONG, all_claims
from newsfuse.brief.entities import resolve_entities
from newsfuse.brief.quotes import extract_quotes
from newsfuse.nlp import parsed
from newsfuse.nlp.analyze import Analyzer
from newsfuse.types import AnalyzedArticle, Article, Block

# Invented: a ferry strike in a made-up port.
PARAGRAPHS = (
    "Mara Lind leads the ferry crews of Kessvik. “We will not sail until the contract is "
    "signed,” Mara Lind told reporters on Monday.",
    "The crews stopped work at dawn and the first ferry of the morning never left the quay, "
    "while passengers waited in the terminal for news and the company, which runs eleven "
    "routes along the coast, offered refunds to anyone who had booked a crossing this week.",
)


@pytest.fixture(scope="module")
def story() -> list[AnalyzedArticle]:
    blocks = tuple(Block("paragraph", text) for text in PARAGRAPHS)
    article = Article("k1", "k1.txt", "ok", title="Ferry crews strike", blocks=blocks)
    return Analyzer(workers=1).analyze_all([article])


def test_no_parse_after_the_analysis(
    story: list[AnalyzedArticle], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(texts: object, language: object = None) -> list[parsed.Parse]:
        raise AssertionError(f"parsed again: {texts!r}")

    monkeypatch.setattr(parsed, "parse_texts", refuse)
    quotes = extract_quotes(story, resolve_entities(story))
    assert [(q.speaker, q.kind) for q in quotes] == [("Mara Lind", "direct")]
    long = [s for s in story[0].sentences if len(s.text.split()) > LONG]
    assert long and all(s.tokens is not None for s in long)
    claims = [claim for claim in all_claims(story) if claim.sentence_id == long[0].id]
    assert len(claims) > 1  # cut at its main clauses and cues
