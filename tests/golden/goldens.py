"""Golden pairs: every fixture document beside the output newsfuse gives for it.

A *case* is a command over a fixture path, run exactly as a user would run it:

- ``extract PATH --format json`` for each fixture document (one HTML, text or JSONL file under
  ``examples/`` or ``tests/fixtures/``): the JSON record(s) of that document;
- ``extract FILE --format json`` for the whole documents a test file writes itself (a string
  constant such as ``ARTICLE`` in ``tests/cli/test_cli_errors.py``, read without importing the
  test module, written to ``<module>.<NAME>.txt`` in an empty folder);
- ``brief FOLDER --format json`` for ``examples/`` and the invented multi-document stories
  (``tests/fixtures/facts/``: three stories; ``tests/fixtures/entities/``: one).

Its expected output lives under ``tests/golden/expected/``, named after the fixture
(``tests/fixtures/html/x.html`` -> ``expected/extract/fixtures/html/x.html.json``), with the
fields that change from run to run removed (:data:`VOLATILE`). ``test_golden.py`` checks every
pair; ``regenerate.py`` (or ``make golden``) rewrites them after an intended change.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"
EXPECTED = TESTS / "golden" / "expected"
REGENERATE = "`python tests/golden/regenerate.py` (or `make golden`)"

VOLATILE = ("generated_at", "newsfuse_version")
"""Top-level output fields that differ between runs or releases, not between behaviours."""

DOCUMENT_SUFFIXES = (".html", ".txt", ".jsonl")
"""What the fixture folders hold that is a document (JSON files there are test inputs in
other shapes or hand-written expectations)."""

NOT_DOCUMENTS = (
    "tests/fixtures/feeds/",  # feed and page templates, and the fields the fetch tests fill in
    "tests/fixtures/summary/",  # evaluation records, not exports
    "tests/fixtures/pool/",  # a misbehaving reader, not a document
)
"""Fixture folders whose files are not documents a user would give ``newsfuse extract``."""

STORY_FOLDERS = ("examples", "tests/fixtures/facts", "tests/fixtures/entities")
"""Folders briefed as a whole: the demo and invented multi-document stories."""

INLINE_DOCUMENTS = (
    "tests/cli/test_cli_errors.py::ARTICLE",
    "tests/cli/test_cli_summary_line.py::STORY",
    "tests/extract/test_transcript.py::SPEECH",
)
"""Whole documents written as string constants in test files (the shorter snippets there probe
one rule each and are checked by their own asserts)."""


@dataclass(frozen=True)
class Case:
    """One golden pair: ``newsfuse COMMAND SOURCE --format json`` and where its output lives."""

    command: str
    source: str  # relative to the repository root, as the command is given it

    @property
    def id(self) -> str:
        return f"{self.command}:{self.source}"

    @property
    def golden(self) -> Path:
        relative = self.source.removeprefix("tests/").replace("::", ".")
        return EXPECTED / self.command / f"{relative}.json"

    @property
    def inline(self) -> bool:
        return "::" in self.source


def _is_document(path: Path) -> bool:
    relative = path.relative_to(REPO).as_posix()
    if path.suffix not in DOCUMENT_SUFFIXES or path.name.startswith("."):
        return False
    return not relative.startswith(NOT_DOCUMENTS) and ".template." not in path.name


def document_paths() -> list[Path]:
    """Every fixture document, in a stable order."""
    roots = (REPO / "examples", TESTS / "fixtures")
    found = (path for root in roots for path in root.rglob("*") if path.is_file())
    return sorted(path for path in found if _is_document(path))


def cases() -> list[Case]:
    extract = [Case("extract", path.relative_to(REPO).as_posix()) for path in document_paths()]
    inline = [Case("extract", source) for source in INLINE_DOCUMENTS]
    return extract + inline + [Case("brief", folder) for folder in STORY_FOLDERS]


def inline_text(source: str) -> str:
    """The string constant ``NAME`` of ``tests/x.py::NAME``, read from the module's syntax tree."""
    module, name = source.split("::")
    tree = ast.parse((REPO / module).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise LookupError(f"{module} has no string constant {name} (see INLINE_DOCUMENTS)")


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """Sources are given relative to ``folder``, so the output names them so."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _source(case: Case, scratch: Path) -> tuple[Path, str]:
    """Where to run the case's command from, and the path to give it."""
    if not case.inline:
        return REPO, case.source
    module, name = case.source.split("::")
    document = scratch / "inline" / f"{Path(module).stem}.{name}.txt"
    document.parent.mkdir()
    document.write_text(inline_text(case.source), encoding="utf-8")
    return document.parent, document.name


def run(case: Case) -> dict[str, Any]:
    """Run the case's command in this process (models load once) and return its JSON output
    without the volatile fields."""
    from newsfuse.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        folder, source = _source(case, Path(tmp))
        out = Path(tmp) / "out.json"
        argv = [case.command, source, "--format", "json", "-q", "--workers", "1"]
        with _inside(folder), contextlib.redirect_stderr(io.StringIO()) as err:
            code = main([*argv, "-o", str(out)])
        if code != 0:
            raise RuntimeError(f"newsfuse {' '.join(argv)} exited {code}: {err.getvalue()}")
        data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if key not in VOLATILE}


def dumps(data: dict[str, Any]) -> str:
    """The golden file's text: stable key order as newsfuse wrote it, readable diffs."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def stale_goldens() -> list[Path]:
    """Golden files whose fixture is gone."""
    wanted = {case.golden for case in cases()}
    return sorted(path for path in EXPECTED.rglob("*.json") if path not in wanted)
