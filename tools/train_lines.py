"""Make the scraped-text cleaner's gold and fit its line model.

    PYTHONPATH=src python tools/train_lines.py sample  > /tmp/sample.txt   # pages to label
    PYTHONPATH=src python tools/train_lines.py gold-multinews eval/gold/cleaner/multinews-hand.txt
    PYTHONPATH=src python tools/train_lines.py gold-wcxb
    PYTHONPATH=src python tools/train_lines.py fit       # writes extract/text_lines_model.json

``sample`` picks the Multi-News sources to label by hand (the first 105 in a fixed hash order,
then the first 35 from position 150 on
that have a line of five words or less) and prints their lines, numbered; the labels
written from it (``multinews-hand.txt``: one line per page with any line that is not article
text, ``ID b=1,4-6 m=0 x=3 doc=na``) become ``multinews.jsonl``. ``gold-wcxb`` labels the
WCXB pages' scraped lines from the benchmark's gold. ``fit`` fits the model on all of the gold
(its out-of-fold figures: ``newsfuse eval cleaner``). Paths are relative to the project root;
the data is read from ``../shared/eval``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from newsfuse.evaluate import cleaner
from newsfuse.evaluate.extraction import decode_html
from newsfuse.extract import text, text_lines

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold" / "cleaner"
SHARED = ROOT.parent / "shared" / "eval"


def _multinews() -> list[tuple[str, str, str]]:
    """(page id, story id, text) of every Multi-News validation source."""
    pages = []
    with (SHARED / "summarization" / "multinews-val.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            for j, article in enumerate(story["articles"]):
                pages.append((f"{story['cluster_id']}/{j}", story["cluster_id"], article["text"]))
    return pages


def sampled() -> list[tuple[str, str, str]]:
    def order(page: tuple[str, str, str]) -> str:
        return hashlib.sha1(("s" + page[0]).encode()).hexdigest()

    pages = sorted(_multinews(), key=order)
    rest = [p for p in pages[150:] if any(len(x.split()) <= 5 for x in text.raw_lines(p[2]))]
    return sorted(pages[:105] + rest[:35])


def sample() -> None:
    for page_id, _, content in sampled():
        lines = text.raw_lines(content)
        print("##", page_id, len(lines))
        for i, line in enumerate(lines):
            count = len(line.split())
            limit = 45 if count > 25 and re.search(r'[.!?"”]$', line) else 100
            print(f"{i}|{line[:limit]}{'…' if len(line) > limit else ''}|{count}")


def _indices(spec: str) -> list[int]:
    found: list[int] = []
    for part in spec.split(","):
        low, _, high = part.partition("-")
        found.extend(range(int(low), int(high or low) + 1))
    return found


def gold_multinews(hand: Path) -> None:
    notes: dict[str, dict[str, str]] = {}
    for line in hand.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page_id, *fields = line.split()
            notes[page_id] = dict(f.split("=", 1) for f in fields)
    out = []
    for page_id, story, content in sampled():
        lines = text.raw_lines(content)
        labels = ["a"] * len(lines)
        note = notes.pop(page_id, {})
        for kind in ("b", "m", "x"):
            for i in _indices(note[kind]) if kind in note else []:
                labels[i] = kind
        out.append({
            "id": page_id, "story": story, "fold": cleaner.fold_of(story),
            "page": "non-article" if note.get("doc") == "na" else "article",
            "labels": "".join(labels), "digest": cleaner.digest(lines),
        })  # fmt: skip
    if notes:
        sys.exit(f"labels for pages not in the sample: {sorted(notes)}")
    _write(GOLD / "multinews.jsonl", out)


def gold_wcxb() -> None:
    truth = json.loads((SHARED / "extraction-wcxb" / "ground-truth.json").read_text("utf-8"))
    out = []
    for page_id in sorted(truth):
        gold = truth[page_id]
        path = SHARED / "extraction-wcxb" / "html" / f"{page_id}.html.gz"
        content = cleaner.page_text(decode_html(gzip.decompress(path.read_bytes())))
        lines = text.raw_lines(content)
        site = urlsplit(gold.get("url") or "").hostname or page_id
        site = site.removeprefix("www.")
        out.append({
            "id": page_id, "site": site, "fold": cleaner.fold_of(site),
            "labels": cleaner.wcxb_labels(lines, gold.get("articleBody") or "",
                                          gold.get("without") or []),
            "digest": cleaner.digest(lines),
        })  # fmt: skip
    _write(GOLD / "wcxb.jsonl", out)


def _write(path: Path, records: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
    print(f"{path}: {len(records)} pages")


def fit() -> None:
    pages = cleaner.load_gold(GOLD, SHARED)
    model = cleaner.fit_model(pages)
    compact = json.dumps(model.to_json(), separators=(",", ":"))
    text_lines.MODEL_PATH.write_text(compact + "\n", encoding="utf-8")
    print(f"{text_lines.MODEL_PATH}: threshold {model.threshold:.3f}, {len(pages)} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("sample", "gold-multinews", "gold-wcxb", "fit"))
    parser.add_argument("hand", nargs="?", type=Path)
    args = parser.parse_args()
    if args.step == "sample":
        sample()
    elif args.step == "gold-multinews":
        gold_multinews(args.hand or GOLD / "multinews-hand.txt")
    elif args.step == "gold-wcxb":
        gold_wcxb()
    else:
        fit()


if __name__ == "__main__":
    main()
