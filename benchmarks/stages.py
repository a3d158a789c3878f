"""The benchmark's inputs and one timed function per stage (run by ``benchmarks/run.py``).

Inputs are made, never stored in the repo:

- ``real_pages(n)``: the real news pages of ``../shared/eval/extraction/html`` repeated to
  ``n``. Every repeat after the first is made distinct, so near-duplicate detection keeps it:
  outside ``<script>``/``<style>``, one in ``PERTURB_EVERY`` lower-case words of four or more
  letters (title and paragraphs alike), picked by a hash of (copy, position), is replaced by a
  common English word picked the same way. That changes about half of each text's word
  5-grams, so copies stay under the dedup thresholds (Jaccard 0.5, containment 0.8) against
  the original and each other (a few short pages still come out as duplicates), while the
  page keeps its structure.
- ``synth_articles(n)``: invented multi-outlet stories from ``tests/synth.py`` (for the
  stages after extraction at sizes where real pages would only be repeated).

Each stage function takes its input and returns the number of documents it handled; the
runner times it in its own subprocess.
"""

from __future__ import annotations

import gzip
import re
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
HTML_DIR = SHARED / "eval" / "extraction" / "html"
PERTURB_EVERY = 4
"""Replace about one in this many eligible words of each copy."""
_SKIP = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", re.S | re.I)
_WORD = re.compile(r"\b[a-z]{4,}\b")

for _path in (REPO / "src", REPO / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))


def source_pages(html_dir: Path = HTML_DIR) -> list[tuple[str, str]]:
    """(name, decoded HTML) of every page under ``html_dir``, sorted by name."""
    if not html_dir.is_dir():
        raise SystemExit(f"{html_dir} is absent: the real-page benchmarks need ../shared")
    pages = []
    for path in sorted(html_dir.glob("*.html*")):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        pages.append((path.name.split(".", 1)[0][:16], data.decode("utf-8", "replace")))
    return pages


def perturb(html: str, copy: int, vocabulary: Sequence[str]) -> str:
    """``html`` with about one in ``PERTURB_EVERY`` eligible words of its text replaced (copy
    0: unchanged)."""
    if copy == 0:
        return html
    counter = 0

    def word(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        code = zlib.crc32(f"{copy}:{counter}".encode())
        if code % PERTURB_EVERY:
            return match.group(0)
        return vocabulary[(code // PERTURB_EVERY) % len(vocabulary)]

    parts = _SKIP.split(html)
    # Odd parts are tags, scripts and styles (the split's captured groups): kept as they are.
    return "".join(
        part if index % 2 else _WORD.sub(word, part) for index, part in enumerate(parts)
    )


def vocabulary() -> list[str]:
    """Common English words of four or more letters (the replacements)."""
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", 3000) if len(w) >= 4 and w.isalpha() and w.islower()]


def write_real_pages(folder: Path, count: int, html_dir: Path = HTML_DIR) -> list[Path]:
    """Write ``count`` pages (the real pages, then perturbed copies) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    pages, words = source_pages(html_dir), vocabulary()
    paths = []
    for number in range(count):
        name, html = pages[number % len(pages)]
        copy = number // len(pages)
        path = folder / f"{copy:04d}-{name}.html"
        if not path.exists():
            path.write_text(perturb(html, copy, words), encoding="utf-8")
        paths.append(path)
    return paths


# --- inputs -------------------------------------------------------------------------------


def raw_pages(count: int) -> list[Any]:
    """``count`` RawDocuments cycling over the real pages (unchanged: extraction has no dedup)."""
    from newsfuse.types import RawDocument

    pages = source_pages()
    return [
        RawDocument(f"{name}.html", html, "html", url=None)
        for name, html in (pages[i % len(pages)] for i in range(count))
    ]


def real_articles(count: int) -> list[Any]:
    """``count`` distinct Articles: the real pages read once, then perturbed copies of them."""
    from dataclasses import replace

    from newsfuse.extract.html import extract_html

    base = [extract_html(raw, doc_id=f"p{n}") for n, raw in enumerate(_one())]
    base = [article for article in base if article.status == "ok"]
    words, out = vocabulary(), []
    for number in range(count):
        article, copy = base[number % len(base)], number // len(base)
        blocks = tuple(replace(b, text=perturb(b.text, copy, words)) for b in article.blocks)
        title = perturb(article.title or "", copy, words) or None
        out.append(replace(article, id=f"{article.id}c{copy}", title=title, blocks=blocks))
    return out


def _one() -> list[Any]:
    return raw_pages(len(source_pages()))


def plain_texts(count: int) -> list[Any]:
    """``count`` scraped-text documents: each real article's title and body between a
    navigation line, a "read also" link, a share prompt and a footer."""
    from newsfuse.types import RawDocument

    base = real_articles(len(source_pages()))
    texts = [
        "\n".join(
            ["Home | World | Business | Sport", article.title or "", ""]
            + [f"{b.text}\n" for b in article.blocks]
            + ["Read also: Markets close higher", "Share this article", "© 2024 All rights"]
        )
        for article in base
    ]
    return [RawDocument(f"t{i}.txt", texts[i % len(texts)], "text") for i in range(count)]


def synth_articles(count: int) -> list[Any]:
    """``count`` invented Articles from ``tests/synth.py``: events told by four outlets each."""
    from newsfuse.types import Article, Block
    from synth import generate

    events = generate(count // 4 + 1, per_event=4)[:count]
    return [
        Article(
            id=f"s{n}",
            source=item.url,
            status="ok",
            title=item.title,
            published=item.published,
            outlet=item.outlet,
            blocks=tuple(Block("paragraph", text) for text in item.text.split("\n\n")),
            url=item.url,
        )
        for n, item in enumerate(events)
    ]


def quick_analysis(articles: Sequence[Any]) -> list[Any]:
    """A stand-in for spaCy, for clustering at sizes spaCy cannot reach here: nupunkt
    sentences, capitalised words not starting a sentence as mentions, lower-cased words of
    four or more letters as lemmas."""
    from newsfuse.nlp.sentences import split_sentences
    from newsfuse.types import AnalyzedArticle, Mention, Sentence

    out = []
    for article in articles:
        sentences, number = [], 0
        for index, text in enumerate(article.paragraphs):
            for sentence in split_sentences(text):
                mentions = tuple(
                    Mention(m.group(0), "GPE", m.start(), m.end())
                    for m in _NAME.finditer(sentence)
                    if m.start() > 0
                )
                lemmas = tuple(w.lower() for w in re.findall(r"[A-Za-z]{4,}", sentence))
                sentences.append(Sentence(article.id, number, index, sentence, mentions, lemmas))
                number += 1
        out.append(AnalyzedArticle(article, tuple(sentences)))
    return out


_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


# --- stages: each returns the number of documents handled --------------------------------


def run_extract(pages: Sequence[Any]) -> int:
    from newsfuse.extract.html import extract_html

    return sum(1 for n, raw in enumerate(pages) if extract_html(raw, doc_id=str(n)))


def run_trafilatura(pages: Sequence[Any]) -> int:
    import trafilatura

    for raw in pages:
        trafilatura.extract(raw.content, include_comments=False, favor_precision=True)
    return len(pages)


def run_clean(texts: Sequence[Any]) -> int:
    from newsfuse.extract.text import extract_text

    return sum(1 for n, raw in enumerate(texts) if extract_text(raw, doc_id=str(n)))


def run_nlp(articles: Sequence[Any]) -> int:
    from newsfuse.nlp.analyze import Analyzer

    return len(Analyzer().analyze_all(articles))


def run_dedup(articles: Sequence[Any]) -> int:
    from newsfuse.dedup import find_duplicates

    find_duplicates(articles)
    return len(articles)


def run_datasketch(articles: Sequence[Any]) -> int:
    """The anchor: datasketch alone, MinHash of word 5-grams plus an LSH insert and query."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for article in articles:
        words = article.text.lower().split()
        signature = MinHash(num_perm=128)
        signature.update_batch(
            [" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))]
        )
        lsh.query(signature)
        lsh.insert(article.id, signature)
    return len(articles)


def run_cluster(analyzed: Sequence[Any]) -> int:
    from newsfuse.cluster import cluster_articles
    from newsfuse.nlp.embed import load_embedder

    cluster_articles(analyzed, embedder=load_embedder())
    return len(analyzed)


def run_brief(articles: Sequence[Any]) -> int:
    from newsfuse.pipeline import brief_articles

    brief_articles(articles)
    return len(articles)


def run_read_brief(folder: Path) -> int:
    """``newsfuse brief FOLDER`` without the output formatting: read, dedup, brief, holding
    what the command holds (slim records; texts and analyses in a temporary spill)."""
    from newsfuse.pipeline import StreamingBrief, read_articles
    from newsfuse.spill import Spill

    with Spill() as spill:
        brief = StreamingBrief(spill)
        for article in read_articles([folder]):
            brief.add(article)
        brief.briefings()
        return len(brief.articles)


def run_cli_json(folder: Path) -> int:
    """``newsfuse brief FOLDER -f json -o FILE``, the command itself, output included."""
    import tempfile

    from newsfuse.cli import main

    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "brief.json"
        if main(["brief", str(folder), "-q", "-f", "json", "-o", str(output)]):
            raise SystemExit("newsfuse brief failed")
    return sum(1 for _ in folder.iterdir())


def page_folder(count: int) -> Path:
    """A folder of ``count`` distinct real pages (see ``write_real_pages``), made once."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"newsfuse-bench-pages-{PERTURB_EVERY}-{count}"
    write_real_pages(folder, count)
    return folder


def repeat_folder(count: int) -> Path:
    """A folder of ``count`` real pages repeated unchanged (as a crawl refetches a page), made
    once: every page is read, the repeats are found as duplicates and analysed no further."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"newsfuse-bench-repeats-{count}"
    folder.mkdir(parents=True, exist_ok=True)
    pages = source_pages()
    for number in range(count):
        name, html = pages[number % len(pages)]
        path = folder / f"{number // len(pages):05d}-{name}.html"
        if not path.exists():
            path.write_text(html, encoding="utf-8")
    return folder
