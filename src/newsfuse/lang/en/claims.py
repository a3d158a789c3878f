"""English for cutting articles into claims (``brief/claims.py``): where a long sentence
may be cut, and which lines are page furniture rather than statements."""

from __future__ import annotations

import re

CLAUSE_CUES = re.compile(
    r"\s(?=(?:however|meanwhile|moreover|although|whereas|while|but|as for|this is|based on|"
    r"after that|reports said|[A-Z][\w.]* (?:officials|spokesman|spokesperson) \w+ said|"
    r"(?:[A-Z][\w.]*\s){1,3}(?:news agency|media) reported)\b)"
)
"""Where a new clause begins inside a long sentence (the cut is after the space)."""
INNER_STOP = re.compile(r"[.!?;]\s+(?=[A-Z])")
"""A sentence end inside a run-on "sentence" (the cut is after the space)."""
BOILERPLATE = re.compile(
    r"^(?:also read|read also|read more|see also|related|advertisement|sign up|subscribe)\b",
    re.IGNORECASE,
)
"""Lines of page furniture, not statements."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
"""The parser's labels of a clause's subject."""
MAIN_VERB_DEPS = frozenset({"ROOT", "conj", "parataxis", "dep"})
"""The parser's labels of a verb that heads a main clause."""
SUBORDINATORS = frozenset({"that", "who", "which", "whether"})
"""Words before a subject that make its clause reported or relative, not a new claim."""
