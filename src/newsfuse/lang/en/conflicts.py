"""English for reporting conflicts (``brief/conflicts.py``): the cues of an updated report,
and the words a conflict's topic line is written with ("where: Vladivostok or spaceport")."""

from __future__ import annotations

import re

FRAGMENT = re.compile(r"(?:Who|Whom|Whose|Which)\b")
"""A sentence that opens on a relative pronoun: it hangs on the sentence before."""
UPDATE = re.compile(
    r"\b(?:rose|risen|rises|climbed|increased|jumped|grew|now|updated|revised|latest|"
    r"has reached|reached|moved|moving|transferred|relocated|has left)\b",
    re.I,
)
"""A later report changing a figure or a place ("the toll rose to 20")."""
TOPIC_STOP = frozenset({
    "that", "this", "with", "from", "have", "will", "would", "said", "were", "been",
    "expected", "their", "which", "they", "there", "about", "after", "into", "reports",
    "reported", "according", "also", "when", "where", "take", "the",
})  # fmt: skip
"""Words never shown as what a conflict is about."""
LABELS = {
    "actor": "who", "place": "where", "day": "when", "timing": "when", "number": "how many",
    "years": "which years", "negation": "whether",
}  # fmt: skip
"""Each kind of disagreement as the topic line names it."""
RELATIONS = {"at": "at", "before": "before", "after": "after"}
"""A venue relation (a code of ``slots``) as the topic line writes it."""
TIMING = "{relation} the {venue}"
"""One side of a timing conflict: "after the forum"."""
OR = " or "
AND = " and "
