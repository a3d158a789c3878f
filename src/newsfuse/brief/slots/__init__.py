"""Slots: the checkable particulars of a claim — who, what kind of event, how many, when,
where, and whether it is denied — read once per claim, and where two claims' slots disagree.

The layers of the claims knot, from the bottom up (each imports only from below):

1. ``brief/slots/`` (this package): reads slots from a claim's text and tagged names, and
   compares two claims' slots. It knows no claim groups, facts or conflicts; a claim is
   anything shaped like one (``Statement``). Inside it, ``days`` (and times of day),
   ``places``, ``numbers`` and ``ages`` read one slot each from text; ``read`` builds the
   ``Slots`` of a claim and the per-story ``SlotReader``; ``compare`` says where two claims
   disagree.
2. ``brief/claims.py``: cuts articles into claims (``Claim``); ``brief/align.py`` groups them.
3. ``brief/facts.py`` and ``brief/conflicts.py``, side by side: both read slots through a
   ``SlotReader`` and ask ``disagreements``; neither imports the other.

The words and patterns are the claim's language's part ``slots`` (``lang/en/slots.py``).
"""

from newsfuse.brief.slots.ages import Age, read_ages
from newsfuse.brief.slots.compare import (
    FRAME_OVERLAP,
    TALLIES,
    disagreements,
    negated,
    numbers_differ,
    same_place,
    term_overlap,
)
from newsfuse.brief.slots.days import clock_times, event_days, event_stem
from newsfuse.brief.slots.numbers import ORDINAL_MARK
from newsfuse.brief.slots.places import nested_places, reference_points
from newsfuse.brief.slots.read import SlotReader, Slots, Statement, claim_slots

__all__ = [
    "FRAME_OVERLAP",
    "ORDINAL_MARK",
    "TALLIES",
    "Age",
    "SlotReader",
    "Slots",
    "Statement",
    "claim_slots",
    "clock_times",
    "disagreements",
    "event_days",
    "event_stem",
    "negated",
    "nested_places",
    "numbers_differ",
    "read_ages",
    "reference_points",
    "same_place",
    "term_overlap",
]
