"""Shared test helpers: where ../shared is, and running the real command line."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
KIM = SHARED / "corpus" / "kim-russia-2023-09"
EXAMPLES = REPO / "examples"


def need_shared(path: Path) -> Path:
    """Skip the calling test with a clear message when a ../shared path is absent."""
    if not path.exists():
        pytest.skip(
            f"{path} is absent: this test reads the shared corpus or eval data beside the checkout"
        )
    return path


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300) -> Run:
    """Run ``python -m newsfuse ARGS`` as a user would, and capture what it prints."""
    done = subprocess.run(
        [sys.executable, "-m", "newsfuse", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=timeout,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": str(Path.home()),
             "PYTHONPATH": str(REPO / "src")},  # this checkout's code, not an installed one
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli():
    return run_cli
