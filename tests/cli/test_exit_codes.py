"""One table of exit codes (``newsfuse.errors.EXIT_CODES``): README and ``--help`` agree with it,
and the package's Python API is the one the README shows."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import newsfuse
from newsfuse import errors
from newsfuse.errors import EXIT_CODES, ExitCode, NewsfuseError

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_table() -> dict[int, str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {
        int(code): meaning.strip()
        for code, meaning in re.findall(r"^\| `(\d+)` \| (.+?) \|$", section, re.MULTILINE)
    }


def test_readme_lists_exactly_the_table() -> None:
    assert _readme_table() == {int(code): meaning for code, meaning in EXIT_CODES.items()}


def test_every_error_class_has_a_code_in_the_table() -> None:
    classes = [cls for cls in vars(errors).values()
               if isinstance(cls, type) and issubclass(cls, NewsfuseError)]
    assert len(classes) >= 8
    for cls in classes:
        assert cls.exit_code in EXIT_CODES, cls.__name__
    assert set(EXIT_CODES) == set(ExitCode)


@pytest.mark.parametrize("command", [(), ("brief",), ("ingest",), ("serve",), ("watch",)])
def test_help_prints_the_table(cli, command: tuple[str, ...]) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    epilog = result.out.split("exit codes:\n", 1)[1]
    rows = dict(re.findall(r"^  (\d+) +(.+)$", epilog, re.MULTILINE))
    assert {int(code): meaning for code, meaning in rows.items()} == {
        int(code): meaning for code, meaning in EXIT_CODES.items()
    }


def test_the_package_api_is_what_the_readme_shows(tmp_path: Path) -> None:
    assert sorted(newsfuse.__all__) == ["__version__", "brief", "extract"]
    assert all(hasattr(newsfuse, name) for name in newsfuse.__all__)
    importlib.import_module("newsfuse.extract.html")  # a stage module loads; the name stays

    assert callable(newsfuse.extract) and callable(newsfuse.brief)
    page = tmp_path / "note.txt"
    page.write_text("A note of five words.", encoding="utf-8")
    articles = list(newsfuse.extract(page))
    assert [a.status for a in articles] == ["rejected"]
    assert list(newsfuse.extract([tmp_path])) == articles
    result = newsfuse.brief([tmp_path])
    assert list(result.articles) == articles and not result.briefings
    assert "newsfuse.extract(" in README.read_text(encoding="utf-8")
