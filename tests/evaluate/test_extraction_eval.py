"""The extraction benchmark's metric, page loading and the pinned quality floor."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.evaluate.extraction import (
    decode_html,
    format_extraction_report,
    run_extraction_eval,
    score_bodies,
)

REPO = Path(__file__).resolve().parents[2]
EXTRACTION = REPO / ".." / "shared" / "eval" / "extraction"
# Measured on the 91 dev pages: newsfuse F1 0.9868 (trafilatura favor_precision 0.9751).
F1_FLOOR = 0.982

BODY = "the council voted on Tuesday to rebuild the old harbour wall before winter storms"


def test_identical_bodies_score_one() -> None:
    scores = score_bodies({"a": BODY}, {"a": BODY})
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_empty_prediction_counts_for_recall_only() -> None:
    scores = score_bodies({"a": "", "b": BODY}, {"a": BODY, "b": BODY})
    assert scores.precision == 1.0  # page a has no predicted 4-grams: skipped for precision
    assert scores.recall == 0.5
    assert scores.pages == 2


def test_extra_text_lowers_precision_not_recall() -> None:
    extra = BODY + " subscribe to our newsletter for the latest news every morning"
    scores = score_bodies({"a": extra}, {"a": BODY})
    assert scores.recall == 1.0
    assert 0.5 < scores.precision < 1.0


def test_repeated_text_is_counted_as_a_multiset() -> None:
    scores = score_bodies({"a": BODY + " " + BODY}, {"a": BODY})
    assert scores.precision < 0.6
    assert scores.recall == 1.0


def test_tokens_ignore_punctuation_and_layout() -> None:
    spaced = BODY.replace(" ", " \n\n, ")
    assert score_bodies({"a": spaced}, {"a": BODY}).f1 == 1.0


def test_decode_honours_meta_charset_and_guesses_without_it() -> None:
    latin = '<meta charset="iso-8859-1"><p>Caf\xe9 cr\xe8me au march\xe9</p>'.encode("latin-1")
    assert "Café crème au marché" in decode_html(latin)
    cyrillic = ("<p>" + "Новый мост через реку открыли в субботу утром. " * 5 + "</p>").encode(
        "cp1251"
    )
    assert "Новый мост через реку" in decode_html(cyrillic)
    assert decode_html("\ufeff<p>ok</p>".encode()) == "<p>ok</p>"
    mislabelled = '<meta charset="windows-1252"><p>Crème brûlée</p>'.encode()
    assert "Crème brûlée" in decode_html(mislabelled)


def _write_pages(tmp_path: Path) -> tuple[Path, Path]:
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    fixture = REPO / "tests" / "fixtures" / "html" / "harbour_gazette_ferry.html"
    (html_dir / "p1.html.gz").write_bytes(gzip.compress(fixture.read_bytes()))
    gold = {
        "p1": {
            "articleBody": "The ferry service between Port Ardlen and Skerrow Island "
            "resumed on Thursday morning",
            "url": "https://harbour.example/ferry",
        }
    }
    gold_path = tmp_path / "ground-truth.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    return html_dir, gold_path


def test_run_and_report_on_a_small_set(tmp_path: Path) -> None:
    html_dir, gold_path = _write_pages(tmp_path)
    results = run_extraction_eval(html_dir, gold_path, ("newsfuse", "trafilatura"))
    assert set(results) == {"newsfuse", "trafilatura"}
    assert results["newsfuse"].recall == 1.0 and results["newsfuse"].pages == 1
    report = format_extraction_report(results)
    assert report.splitlines()[1].startswith("newsfuse")
    assert "trafilatura" in report


def test_unknown_system_and_missing_paths_are_input_errors(tmp_path: Path) -> None:
    html_dir, gold_path = _write_pages(tmp_path)
    with pytest.raises(InputError, match="unknown system"):
        run_extraction_eval(html_dir, gold_path, ("goose",))
    with pytest.raises(InputError, match="not found"):
        run_extraction_eval(tmp_path / "nope", gold_path)


@pytest.mark.slow
@pytest.mark.shared
def test_newsfuse_extraction_f1_floor_on_shared_pages() -> None:
    if not (EXTRACTION / "ground-truth.json").exists():
        pytest.skip("../shared/eval/extraction is absent: cannot run the extraction benchmark")
    results = run_extraction_eval(
        EXTRACTION / "html", EXTRACTION / "ground-truth.json", ("newsfuse", "trafilatura")
    )
    ours, theirs = results["newsfuse"], results["trafilatura"]
    assert ours.pages == 91
    assert ours.f1 >= F1_FLOOR, format_extraction_report(results)
    assert ours.f1 >= theirs.f1, format_extraction_report(results)
