"""``--help`` reads well in a terminal: every command's description is wrapped."""

from __future__ import annotations

import pytest

from newsfuse.cli import build_parser

COMMANDS = ("extract", "brief", "ingest", "serve", "watch")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_lines_fit_a_terminal(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    text = capsys.readouterr().out
    long = [line for line in text.splitlines() if len(line) > 100]
    assert not long, f"`newsfuse {command} --help` has unwrapped lines: {long[:2]}"
    assert len(text.splitlines()) > 8
