"""``--help`` reads well in a terminal: every command's description is wrapped, and each
evaluation says what it measures with an example."""

from __future__ import annotations

import pytest

from newsfuse.cli import build_parser

COMMANDS = ("extract", "brief", "ingest", "serve", "watch")
EVALS = ("extraction", "clustering", "summary", "cleaner", "briefing")


def _help(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        build_parser().parse_args([*args, "--help"])
    return capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_lines_fit_a_terminal(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _help([command], monkeypatch, capsys)
    long = [line for line in text.splitlines() if len(line) > 100]
    assert not long, f"`newsfuse {command} --help` has unwrapped lines: {long[:2]}"
    assert len(text.splitlines()) > 8


@pytest.mark.parametrize("stage", EVALS)
def test_eval_help_explains_and_gives_an_example(
    stage: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _help(["eval", stage], monkeypatch, capsys)
    assert f"newsfuse eval {stage} " in text.split("example:")[1]
    long = [line for line in text.splitlines() if len(line) > 80]
    assert not long, f"`newsfuse eval {stage} --help` has lines over 80: {long[:2]}"
