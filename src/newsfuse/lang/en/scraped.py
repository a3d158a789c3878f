"""English words the scraped-text cleaner reads a page's lines with."""

from __future__ import annotations

CONTINUE_WORDS = frozenset(
    "a an the of in on at to for from by with and or but that which who as than is are was were "
    "about into over under through after before between during without within across where "
    "when while if because whether would will could should can has have had".split()
)
"""A line ending on one of these words goes on in the next line (hard-wrapped text)."""
TOPIC_STOP_WORDS = frozenset(
    """the a an and or but of in on at to for from by with without about into over under after
    before between through during against is are was were be been being has have had do does did
    will would shall should can could may might must not no this that these those it its he she
    they them their his her him we our you your i me my who whom which what when where why how
    there here than then so also very more most such only just said says say new one two all
    """.split()
)
"""Words left out when lines are compared by topic."""
REPORTING_WORDS = ("said", "says", "told", "according to")
"""A line with one of these reports speech: a sentence, not a headline."""
