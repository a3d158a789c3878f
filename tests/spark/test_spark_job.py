"""The Spark job in local mode equals the single-machine run, and resumes after a kill."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import synth  # noqa: E402

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'newsfuse[spark]'")
pytestmark = pytest.mark.slow


def _inputs(folder: Path, events: int = 50) -> list[Path]:
    articles = synth.generate(events, 4, seed=11)
    paths = []
    for part in range(4):
        path = folder / f"crawl-{part}.warc.gz"
        synth.write_warc(path, articles[part::4], junk_every=9)
        paths.append(path)
    return paths


def _without_time(output: dict) -> dict:
    return {key: value for key, value in output.items() if key != "generated_at"}


def _newsfuse(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsfuse", *args], capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, Path, list[Path]]:
    folder = tmp_path_factory.mktemp("warc")
    inputs = _inputs(folder)
    single = _newsfuse("brief", "--format", "json", "-q", *map(str, inputs))
    assert single.returncode == 0, single.stderr
    output = folder / "out"
    spark = _newsfuse("spark", "brief", *map(str, inputs), "--output", str(output))
    assert spark.returncode == 0, spark.stderr
    return (
        json.loads(single.stdout),
        json.loads((output / "briefing.json").read_text()),
        output,
        inputs,
    )


def test_same_documents_as_the_single_machine_run(runs) -> None:
    single, spark, _, _ = runs
    assert len(single["documents"]) > 200
    assert single["documents"] == spark["documents"]
    statuses = {d["status"] for d in single["documents"]}
    assert statuses == {"ok", "duplicate", "rejected"}


def test_same_stories_and_briefings_as_the_single_machine_run(runs) -> None:
    single, spark, _, _ = runs
    # 50 same-template events (one lost to junk pages): one story each, none swallowing another
    assert len(single["stories"]) >= 45
    assert max(len(story["documents"]) for story in single["stories"]) <= 8
    assert [sorted(s["documents"]) for s in single["stories"]] == [
        sorted(s["documents"]) for s in spark["stories"]
    ]
    assert _without_time(single) == _without_time(spark)


def test_parquet_outputs_hold_documents_and_stories(runs) -> None:
    from pyspark.sql import SparkSession

    _, spark_json, output, _ = runs
    session = (
        SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    )
    try:
        documents = session.read.parquet(str(output / "documents.parquet"))
        stories = session.read.parquet(str(output / "stories.parquet"))
        assert documents.count() == len(spark_json["documents"])
        assert stories.count() == len(spark_json["stories"])
        assert documents.filter("status = 'ok' AND story IS NULL").count() == 0
    finally:
        session.stop()


def test_killed_job_resumes_without_redoing_finished_inputs(runs, tmp_path: Path) -> None:
    _, spark_json, _, inputs = runs
    output = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "newsfuse",
        "spark",
        "brief",
        *map(str, inputs),
        "--output",
        str(output),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    done = output / "_work" / "extract"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and len(list(done.glob("*.pkl"))) < 1:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = len(list(done.glob("*.pkl")))
    assert 1 <= finished
    again = _newsfuse("spark", "brief", *map(str, inputs), "--output", str(output))
    assert again.returncode == 0, again.stderr
    skipped = re.search(r"\((\d+) already done, skipped\)", again.stderr)
    assert skipped is not None and int(skipped.group(1)) >= finished
    assert _without_time(json.loads((output / "briefing.json").read_text())) == _without_time(
        spark_json
    )


def test_inputs_named_by_url_give_the_same_stories_and_briefings(runs, tmp_path: Path) -> None:
    single, _, _, inputs = runs
    folder = inputs[0].parent
    output = tmp_path / "out"
    # A glob URL through Hadoop's filesystem: the job lists and reads it as Spark reads input.
    url = f"file://{folder}/crawl-*.warc.gz"
    done = _newsfuse("spark", "brief", url, "--output", str(output))
    assert done.returncode == 0, done.stderr
    spark = json.loads((output / "briefing.json").read_text())
    assert spark["stories"] == single["stories"]
    assert [d["id"] for d in spark["documents"]] == [d["id"] for d in single["documents"]]
    assert all(d["source"].startswith("file:") for d in spark["documents"])
    local = {d["id"]: d["source"].rsplit("/", 1)[-1] for d in single["documents"]}
    assert {d["id"]: d["source"].rsplit("/", 1)[-1] for d in spark["documents"]} == local


def test_a_url_naming_nothing_is_a_one_line_error(tmp_path: Path) -> None:
    done = _newsfuse(
        "spark", "extract", f"file://{tmp_path}/absent-*.warc", "--output", str(tmp_path / "o")
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("newsfuse") and "no such file or folder" in lines[-1]
    assert "Traceback" not in done.stderr
