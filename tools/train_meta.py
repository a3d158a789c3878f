"""Fit the metadata ranking (``src/newsfuse/extract/meta_model.json``) on WCXB's gold pages.

    PYTHONPATH=src python tools/train_meta.py [../shared/eval/extraction-wcxb] [--write]
        [--folds 5] [--failures 0,1,2] [--logistic]

Pages are split by site into ``--folds`` folds (``blocks_train.site_folds``) before anything is
looked at; the report gives in-fold and out-of-fold accuracy of the chosen title, author and
date (author against the gold with site names and accounts counted as no author, as
``evaluate.extraction_sets.fair_gold_author`` does, and against the gold as given), by fold.
``--failures`` prints the out-of-fold failures of the given (tuning) folds only. ``--write``
ships the model fitted on every page. This ranks the markup candidates only; the date's
fallback (a body dateline, htmldate) and the full pipeline are measured by
``newsfuse eval extraction ../shared/eval/extraction-wcxb --folds 5``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from newsfuse.evaluate.extraction import decode_html
from newsfuse.evaluate.extraction_sets import fair_gold_author, meta_right
from newsfuse.extract.html_meta import page_meta
from newsfuse.extract.meta_candidates import page_candidates
from newsfuse.extract.meta_model import FIELDS, MODEL_PATH, model_to_json
from newsfuse.extract.meta_train import TrainingPage, fit, out_of_fold


def read_pages(directory: Path) -> tuple[list[str], list[TrainingPage]]:
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    ids: list[str] = []
    pages: list[TrainingPage] = []
    for page_id in sorted(gold):
        path = directory / "html" / f"{page_id}.html.gz"
        entry = gold[page_id]
        if not path.is_file() or "publish_date" not in entry:
            continue
        tree = LexborHTMLParser(decode_html(gzip.decompress(path.read_bytes())))
        url = entry.get("url")
        host = urlsplit(url or "").hostname or ""
        outlet = page_meta(tree).outlet
        values = {"title": entry.get("title"),
                  "author": fair_gold_author(entry.get("author"), outlet, host),
                  "date": entry.get("publish_date"), "author as given": entry.get("author")}
        ids.append(page_id)
        pages.append(TrainingPage(host or page_id, page_candidates(tree, url), outlet, host,
                                  values))
    return ids, pages


def _accuracy(pages: Sequence[TrainingPage], chosen: Sequence[dict[str, str | None]]
              ) -> str:
    def share(name: str, gold: str) -> float:
        right = sum(meta_right(name, c[name], p.gold[gold])
                    for p, c in zip(pages, chosen, strict=True))
        return right / max(1, len(pages))

    shares = [share(f, f) for f in FIELDS] + [share("author", "author as given")]
    return "  ".join(f"{a:.3f}" for a in shares)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("directory", nargs="?", default="../shared/eval/extraction-wcxb")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--failures", default="")
    parser.add_argument("--logistic", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    trees = not args.logistic
    ids, pages = read_pages(Path(args.directory))
    full = fit(pages, meta_right, trees=trees)
    in_fold = [{f: c.value for f, c in p.choose(full).items()} for p in pages]
    fold_of, models = out_of_fold(pages, args.folds, meta_right, trees=trees)
    oof = [{f: c.value for f, c in p.choose(models[fold]).items()}
           for p, fold in zip(pages, fold_of, strict=True)]
    print(f"{len(pages)} pages, {args.folds} folds by site   title  author   date"
          "  author (gold as given)")
    print(f"in-fold (all pages)            {_accuracy(pages, in_fold)}")
    print(f"out-of-fold (all pages)        {_accuracy(pages, oof)}")
    for fold in range(args.folds):
        idx = [i for i, f in enumerate(fold_of) if f == fold]
        acc = _accuracy([pages[i] for i in idx], [oof[i] for i in idx])
        print(f"  fold {fold} ({len(idx):>3} pages) oof      {acc}")
    shown = {int(f) for f in args.failures.split(",") if f.strip()}
    for i, page in enumerate(pages):
        for name in FIELDS if fold_of[i] in shown else ():
            if not meta_right(name, oof[i][name], page.gold[name]):
                cands = [(s.candidate.signal, s.value) for s in page.scored[name]][:8]
                print(f"f{fold_of[i]} {ids[i]} {name}: got {oof[i][name]!r}"
                      f" gold {page.gold[name]!r} | {cands}")
    if args.write:
        MODEL_PATH.write_text(json.dumps(model_to_json(full)) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
