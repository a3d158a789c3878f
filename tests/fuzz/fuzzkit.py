"""What every fuzz test shares: the example budget and a time bound per call."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

#: Examples per parser; ``FUZZ_EXAMPLES=5000 pytest tests/fuzz`` fuzzes harder.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
#: Seconds one call may take before it counts as a hang (generous: the machine is shared).
CALL_SECONDS = float(os.environ.get("FUZZ_CALL_SECONDS", "20"))


def budget(scale: float = 1.0) -> settings:
    """Hypothesis settings: EXAMPLES (times ``scale``), no per-example deadline (load varies)."""
    return settings(
        max_examples=max(10, int(EXAMPLES * scale)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=False,
    )


class Hang(AssertionError):
    """A call ran past the bound."""


@contextmanager
def bounded(seconds: float = CALL_SECONDS) -> Iterator[None]:
    """Fail with Hang when the block runs longer than ``seconds`` (SIGALRM, main thread)."""

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
