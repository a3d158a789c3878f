"""English for reporting conflicts (``brief/conflicts.py``): the cues of an updated report,
and the words a conflict's heading is written with ("Where Kim and Putin meet: Vladivostok vs
the spaceport", "Death toll: 5 -> 24")."""

from __future__ import annotations

import re

from newsfuse.lang.en.calendar import MONTHS

FRAGMENT = re.compile(r"(?:Who|Whom|Whose|Which)\b")
"""A sentence that opens on a relative pronoun: it hangs on the sentence before."""
UPDATE = re.compile(
    r"\b(?:rose|risen|rises|climbed|increased|jumped|grew|now|updated|revised|latest|"
    r"has reached|reached|moved|moving|transferred|relocated|has left)\b",
    re.I,
)
"""A later report changing a figure or a place ("the toll rose to 20")."""
BACKGROUND = re.compile(
    r"\b(?:since|previous|earlier|former|last\s+(?:year|month)|(?:19|20)\d\d|"
    + "|".join(MONTHS)
    + r"|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\b\.?",
    re.I,
)
"""A count said with a past month, a year or "since": perhaps of another, earlier event (the
toll of a 2003 quake in a story of a 2005 one), never compared with the story's own."""
SCOPE = re.compile(
    r"\b(?:overall|altogether|combined|cumulative|total|including|planned|proposed|"
    r"possible|potential|could|would|may|might|threaten\w*|if)\b",
    re.I,
)
"""A count of another scope (a total, a plan, a possibility): not comparable with a plain
count of the same thing."""
TALLY_LABELS = {
    "dead": "Death toll", "injured": "Number injured", "missing": "Number missing",
    "aboard": "People aboard",
}  # fmt: skip
"""A tally (a code of ``slots``) as a heading names it."""
COUNT_LABEL = "Number of {noun}"
AGE_LABEL = "Age of {who}"
EVENT_VERBS = {"meet": "meet", "visit": "visit", "arriv": "arrive", "depar": "leave"}
"""A kind of event (a code of ``slots``) as a verb: "Where Kim and Putin meet"."""
EVENT_NOUNS = {"meet": "meeting", "visit": "visit", "arriv": "arrival", "depar": "departure"}
"""A kind of event as a noun: "Day of Putin's arrival"."""
WHERE_LABEL = "Where {who} {verb}"
WHEN_LABEL = "When {who} {verb}"
DAY_LABEL = "Day of {whose} {noun}"
POSSESSIVE = "{who}'s"
THEY = "they"
THE = "the {noun}"
DAY_FORMAT = "{day} {month}"
"""A date as a side's value: "12 September"."""
MONTH_NAMES = tuple(month.title() for month in MONTHS)
RELATIONS = {"at": "at", "before": "before", "after": "after"}
"""A venue relation (a code of ``slots``) as the heading writes it."""
TIMING = "{relation} the {venue}"
"""One side of a timing conflict: "after the forum"."""
VERSUS = " vs "
ARROW = " -> "
AND = " and "
IS = "is"
"""The verb after a noun subject: "Where Kim's meeting is"."""
WHO_LABEL = "Who {what}"
"""An actor's attribute: "Who steered the ferry"."""
WHERE_LABEL_WHAT = "Where {what}"
"""A place's attribute, from the words before it: "Where the Marisol overturned"."""
ORDINAL_LABEL = "Which {noun}"
"""An ordinal's attribute: "Which ferry accident" (second vs third)."""
PLACE_WORDS = frozenset({
    "on", "in", "at", "near", "off", "into", "to", "toward", "towards", "the", "of", "about",
    "north", "south", "east", "west", "kilometres", "kilometers", "km", "miles", "just",
})  # fmt: skip
"""Words between an event and its place ("capsized near", "stopped 20 km north of"), left
out of the attribute."""
CLOCK_LABEL = "Time of day"
"""A time of day's attribute: "Time of day: 1:30 a.m. vs 1:00 a.m."."""
SAID = re.compile(
    r"^Who\s+(?:\w+\s+)?(?:said|says|told|stated|added|announced|claimed|confirmed|denied|"
    r"warned|reported|wrote)\b",
    re.I,
)
"""An actor attribute that is a speaker ("Who said"): the persons are sources, not actors."""
MEASURE_SCOPE = re.compile(
    r"\b(?:planned|proposed|possible|potential|can|could|would|may|might|if|average|record)\b",
    re.I,
)
"""A measure of another scope than what happened: a plan, a possibility, an average."""
MEASURE_LABELS = {
    "magnitude": "Magnitude", "yard": "Yards", "pound": "Weight", "inch": "Inches",
    "mile": "Distance", "km": "Distance", "foot": "Feet", "metre": "Metres", "acre": "Area",
}  # fmt: skip
"""A unit (a code of ``slots``) as the attribute a heading names."""
MEASURE_OF = "{label} of {what}"
"""A measure's attribute with what it is of: "Yards of the touchdown", "Weight of Orozco"."""
MEASURE_IN = "in {what}"
"""A measure said of a place: "Inches in Madison"."""
IN = "in "
MEASURE_AT = "{label} {what}"
