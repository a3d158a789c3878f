"""One pass of language analysis per article, shared by every later stage.

Paragraphs are split into sentences with nupunkt, then run through the spaCy model of the
article's language (tagger, lemmatizer and entity recogniser; no parser) in batches. Each
sentence keeps its entity mentions (offsets into the sentence) and the lemmas of its content
words. The sentences a later stage reads a parse of (that can hold a quote, or long ones:
:func:`newsfuse.nlp.parsed.wants_parse`) are then parsed each on its own, and keep their
words' records (``Sentence.tokens``), so no later stage runs spaCy again.

Large inputs are analysed in worker processes (one per core, at most ``MAX_WORKERS``; see
:mod:`newsfuse.workers`), in chunks of whole articles, each worker loading the model once; the
result is the same, in the same order, as in one process. A chunk whose worker fails is
analysed in this process. Token attributes are read as one array per paragraph, not token by token.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from newsfuse.nlp.models import load_spacy, without
from newsfuse.nlp.parsed import records, wants_parse
from newsfuse.nlp.sentences import sentence_spans
from newsfuse.types import AnalyzedArticle, Article, Mention, Sentence
from newsfuse.workers import chunked, default_workers, run_in_workers

__all__ = ["Analyzer", "analyze_chunk", "load_spacy", "paragraph_sentences"]

MAX_WORKERS = 4
PARALLEL_MIN_WORDS = 40_000
"""Below this many words of paragraphs, starting workers costs more than it saves."""
CHUNK_WORDS = 8_000
"""Words of paragraphs sent to a worker at a time (whole articles)."""


class Analyzer:
    """Splits and annotates articles. Owns the spaCy pipeline it is given, else loads the one
    of each article's language (``lang.part(language, "core").SPACY_MODEL``).

    ``workers``: processes for inputs of ``parallel_words`` words or more (None: the cores, at
    most ``MAX_WORKERS``, and only for the shipped model; 1: always in this process), sent
    ``chunk_words`` words at a time. ``parse``: parse the sentences the briefing reads a parse
    of (False for callers that never brief, such as the clustering evaluation).
    """

    def __init__(
        self,
        nlp: Any | None = None,
        batch_size: int = 64,
        *,
        workers: int | None = None,
        parallel_words: int = PARALLEL_MIN_WORDS,
        chunk_words: int = CHUNK_WORDS,
        parse: bool = True,
    ) -> None:
        self._nlp = nlp
        self.parse = parse
        self.batch_size = batch_size
        self.parallel_words = parallel_words
        self.chunk_words = chunk_words
        if workers is None:
            workers = 1 if nlp is not None else default_workers(MAX_WORKERS)
        self.workers = max(1, workers)

    def nlp(self, language: str | None = None) -> Any:
        """The pipeline that analyses ``language``: the one given, else its language's."""
        return self._nlp if self._nlp is not None else load_spacy(language)

    def analyze(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        """Yield one AnalyzedArticle per article, in order (in this process)."""
        for article in articles:
            yield AnalyzedArticle(article, tuple(self._sentences(article)))

    def analyze_all(self, articles: Sequence[Article]) -> list[AnalyzedArticle]:
        """Analyse every article, in worker processes when the input is large."""
        if self.workers == 1 or _words(articles) < self.parallel_words:
            return list(self.analyze(articles))
        jobs = [
            (chunk, self.batch_size, self.parse)
            for chunk in chunked(articles, lambda a: _words([a]), self.chunk_words)
        ]
        results = run_in_workers("newsfuse.nlp.analyze:analyze_chunk", jobs, self.workers)
        sentences = [
            item
            for job, result in zip(jobs, results, strict=True)
            for item in (result if result is not None else analyze_chunk(job))
        ]
        return [
            AnalyzedArticle(article, found)
            for article, found in zip(articles, sentences, strict=True)
        ]

    def _sentences(self, article: Article) -> list[Sentence]:
        nlp = self.nlp(article.language)
        paragraphs = [
            (index, block.text)
            for index, block in enumerate(article.blocks)
            if block.kind == "paragraph"
        ]
        docs = nlp.pipe(
            (text for _, text in paragraphs),
            batch_size=self.batch_size,
            disable=without(nlp, "parser"),
        )
        found: list[Sentence] = []
        for (index, text), doc in zip(paragraphs, docs, strict=True):
            found.extend(
                paragraph_sentences(
                    article.id, len(found), index, doc, sentence_spans(text, article.language)
                )
            )
        return self._parsed(found, article.language) if self.parse else found

    def _parsed(self, sentences: list[Sentence], language: str | None) -> list[Sentence]:
        """The sentences, those a later stage parses with their parse (each on its own)."""
        wanted = [i for i, sentence in enumerate(sentences) if wants_parse(sentence.text, language)]
        if not wanted:
            return sentences
        nlp = self.nlp(language)
        if "parser" not in nlp.pipe_names:  # a pipeline given without a parser
            nlp = load_spacy(language)
        texts = [sentences[i].text for i in wanted]
        docs = nlp.pipe(texts, batch_size=self.batch_size, disable=without(nlp, "ner"))
        for i, doc in zip(wanted, docs, strict=True):
            sentences[i] = replace(sentences[i], tokens=records(doc))
        return sentences


def _words(articles: Sequence[Article]) -> int:
    return sum(
        len(block.text.split()) for a in articles for block in a.blocks if block.kind == "paragraph"
    )


Result = list[tuple[Sentence, ...]]


def analyze_chunk(job: tuple[list[Article], int, bool]) -> Result:
    """The sentences of each article of ``(articles, batch_size, parse)`` (what a worker sends
    back)."""
    articles, batch_size, parse = job
    analyzer = Analyzer(None, batch_size, workers=1, parse=parse)
    return [item.sentences for item in analyzer.analyze(articles)]


def paragraph_sentences(
    doc_id: str, first: int, paragraph: int, doc: Any, spans: Sequence[tuple[int, int]]
) -> list[Sentence]:
    """The Sentences of one analysed paragraph, numbered from ``first``."""
    from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LENGTH

    table = doc.to_array([IDX, LENGTH, IS_ALPHA, IS_STOP, IS_PUNCT, IS_SPACE, LEMMA]).tolist()
    starts = [row[0] for row in table]
    ends = [row[0] + row[1] for row in table]
    strings = doc.vocab.strings
    ents = [(ent.text, ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]
    found = []
    for number, (start, end) in enumerate(spans, first):
        mentions = tuple(
            Mention(text, label, begin - start, finish - start)
            for text, label, begin, finish in ents
            if begin >= start and finish <= end
        )
        # The tokens overlapping [start, end) (spaCy's char_span with alignment "expand").
        rows = table[bisect_right(ends, start) : bisect_left(starts, end)]
        lemmas = tuple(
            strings[row[6]].lower() for row in rows if row[2] and not (row[3] or row[4] or row[5])
        )
        found.append(Sentence(doc_id, number, paragraph, doc.text[start:end], mentions, lemmas))
    return found
