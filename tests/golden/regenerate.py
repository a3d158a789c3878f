"""Rewrite the golden outputs after an intended change: ``python tests/golden/regenerate.py``.

With arguments, only the cases whose id (``extract:tests/fixtures/html/x.html``,
``brief:examples``) contains one of them. Goldens whose fixture is gone are removed. Review the
result with ``git diff tests/golden`` before committing it: every difference should be one you
meant. The code run is this checkout's ``src/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1] / "src"), str(HERE)]

from goldens import REPO, cases, dumps, run, stale_goldens  # noqa: E402


def main(argv: list[str]) -> int:
    chosen = [case for case in cases() if not argv or any(part in case.id for part in argv)]
    changed = 0
    for case in chosen:
        text = dumps(run(case))
        before = case.golden.read_text(encoding="utf-8") if case.golden.is_file() else None
        if text != before:
            case.golden.parent.mkdir(parents=True, exist_ok=True)
            case.golden.write_text(text, encoding="utf-8")
            changed += 1
            print(f"{'new' if before is None else 'changed'}: {case.golden.relative_to(REPO)}")
    for path in stale_goldens() if not argv else []:
        path.unlink()
        print(f"removed: {path.relative_to(REPO)}")
    print(f"{len(chosen)} goldens checked, {changed} written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
