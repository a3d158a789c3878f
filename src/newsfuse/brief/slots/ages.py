"""How old: the ages a text gives the people it names ("Frank Macomber, 65,", "a 66-year-old
neighbour, Frank Macomber", "Kroll was 34.", and "He was 35." after a sentence naming him).

An age is read only where it is written right beside the name (or in a sentence of its own
right after one naming a single person), and not in a sentence that may speak of another
time ("In 2010, Smith, 20, ..."): two ages of one person at one moment disagree, and a doubtful
reading would make a false conflict. Text and tagged names only: this module knows no claims
(see ``brief/slots/__init__.py`` for the layers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

from newsfuse import lang
from newsfuse.types import Mention

OLDEST = 110


@dataclass(frozen=True, slots=True)
class Age:
    """A person's name as written, and the age the text gives them."""

    person: str
    age: int


def read_ages(
    text: str,
    mentions: Sequence[Mention],
    previous: Sequence[Mention] = (),
    language: str | None = None,
) -> list[Age]:
    """The ages ``text`` gives the persons it names; ``previous`` are the names of the
    sentence before, for a sentence that is only "He was 35."."""
    words = lang.part(language, "slots")
    if words.AGE_OTHER_TIME.search(text):
        return []
    people = [m for m in mentions if m.label == "PERSON"]
    found = [Age(m.text, age) for m in people if (age := _beside(text, m, words)) is not None]
    pronoun = words.AGE_PRONOUN.match(text.strip())
    named = {m.text for m in previous if m.label == "PERSON"}
    if pronoun and not people and len(named) == 1:
        found.append(Age(named.pop(), int(pronoun.group(1))))
    return [age for age in found if 0 < age.age <= OLDEST]


def _beside(text: str, mention: Mention, words: ModuleType) -> int | None:
    """The age written right after or right before the name, if any."""
    after = text[mention.end :]
    for pattern in (words.AGE_AFTER_NAME, words.AGE_PREDICATE):
        match = pattern.match(after)
        if match:
            return int(next(group for group in match.groups() if group))
    before = words.AGE_BEFORE_NAME.search(text[: mention.start])
    return int(before.group(1)) if before else None
