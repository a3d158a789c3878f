"""The README cannot drift: every code block and every command in it is run or checked.

- ``python`` blocks run as written, from the checkout (slow: they load the models);
- ``newsfuse`` commands parse with the real argument parser, placeholders (``PATH...``,
  ``DIR``, ``FILE``, ``DATA.jsonl``) filled in; those that read local files and finish
  (``extract``, ``brief``, ``ingest``) also run for real on ``examples/``;
- ``make`` targets exist (``make -n``), extras named in ``pip install`` lines exist in
  pyproject.toml, and the scripts named to ``spark-submit`` exist.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newsfuse.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
RUNS = {"extract", "brief", "ingest"}
"""Commands run for real on examples/ (the others would serve, watch or need a cluster)."""


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == language]


def commands(program: str) -> list[list[str]]:
    """The ``program`` command lines of the README's shell blocks, comments and optional
    brackets removed."""
    found = []
    for body in blocks("sh"):
        for line in body.splitlines():
            line = line.split("  #", 1)[0].split(" # ", 1)[0].strip()
            for part in line.split("&&"):
                words = shlex.split(re.sub(r"\[(--[^\]]*)\]", r"\1", part))
                if words and words[0] == program:
                    found.append(words[1:])
    return found


def filled(args: list[str], tmp: Path) -> list[str]:
    """``args`` with the README's placeholders replaced by real paths."""
    data = tmp / "data.jsonl"
    data.write_text('{"id": "a", "cluster_id": "1", "text": "Rain fell."}\n', encoding="utf-8")
    values = {"PATH...": "examples/", "DIR": str(tmp), "FILE": str(tmp / "gold.json"),
              "DATA.jsonl": str(data), "OUT.jsonl": str(tmp / "out.jsonl"),
              "briefing.html": str(tmp / "briefing.html"), "newsfuse.db": str(tmp / "n.db")}
    return [values.get(word, word) for word in args]


def test_the_readme_has_blocks_and_commands() -> None:
    assert blocks("python") and len(commands("newsfuse")) >= 8 and commands("make")


@pytest.mark.parametrize("args", commands("newsfuse"), ids=" ".join)
def test_every_newsfuse_command_parses(args: list[str], tmp_path: Path) -> None:
    parsed = build_parser().parse_args(filled(args, tmp_path))
    assert callable(parsed.handler)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [a for a in commands("newsfuse") if a[0] in RUNS], ids=" ".join
)
def test_local_commands_run(args: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsfuse", *filled(args, tmp_path), "-q"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src"), "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout or list(tmp_path.iterdir())


@pytest.mark.parametrize("args", commands("make"), ids=" ".join)
def test_make_targets_exist(args: list[str]) -> None:
    done = subprocess.run(["make", "-n", *args], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_pip_extras_and_spark_scripts_exist() -> None:
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    for args in commands("pip"):
        for word in args:
            for named in re.findall(r"\.\[([\w,]+)\]", word):
                assert set(named.split(",")) <= set(extras), word
    scripts = [args[0] for args in commands("spark-submit")]
    assert scripts and all((REPO / script).is_file() for script in scripts)


@pytest.mark.slow
@pytest.mark.parametrize("code", blocks("python"))
def test_python_blocks_run(code: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src")},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
