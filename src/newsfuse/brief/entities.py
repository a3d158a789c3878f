"""Entities of a story: every variant of a name under one canonical name.

Mentions come from spaCy (``Sentence.mentions``), from a pattern for named events ("the 8th
Eastern Economic Forum") and, for names spaCy misses (lower-case transcript text), from a search
for the aliases already known. Variants are merged by rules, in this order:

0. a bare surname (or first name) is the person named with it in its own article — the most
   recent before it, else the first after; where the article names several people with it,
   the one the story names most; with none there, the story's clear one — whatever the tagger
   called it ("Lohan" tagged ORG). People who share a surname stay apart, and a name two of
   them bear is shown as an alias of neither (and is not canonical for either);
1. the same key (case, accents, hyphens and dots folded): "Kim Jong-un" = "Kim Jong Un";
2. the same country in the gazetteer: "U.S." = "US" = "the United States";
3. transliterations, token by token (consonant skeletons): "Dmitry" = "Dimitri";
4. a surname alone to the one full name it ends or begins: "Peskov", "Kim";
5. a misspelt part of a full name ("King Jong"), flagged;
6. events with the same head whose qualifier is a place ("Vladivostok Economic Forum"), flagged;
7. a misheard place in a transcript, by Metaphone, guarded by type, context word and an
   attestation in a punctuated document ("Carson station" = "Khasan station"), flagged.

Not names: possessives and titles alone ("Surgeon General"; a title before a name is cut:
"Police Sergeant Jane Roe" -> "Jane Roe"), one-word names the story also writes in lower case
("Court"), lower-case phrases, times, credits and reporters' credit lines, and works and
products (the tagger's PRODUCT, WORK_OF_ART, LAW). Types come from context as well as the
tagger: a title, kinship, role noun or age beside a name, a pronoun after its speech verb, a
family name a person of the story bears, and the head of a name ("Valley Dairy", "Neptune Ave").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from types import ModuleType

import jellyfish

from newsfuse import lang
from newsfuse.nlp.gazetteer import Gazetteer, Place, load_gazetteer, name_key
from newsfuse.nlp.timex import find_expressions
from newsfuse.types import AnalyzedArticle, Entity, EntityType, Sentence

_LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON", "ORG": "ORG", "NORP": "ORG", "GPE": "PLACE", "LOC": "PLACE",
    "FAC": "PLACE", "EVENT": "EVENT", "PRODUCT": "OTHER", "WORK_OF_ART": "OTHER", "LAW": "OTHER",
}
_COMMON = 4.0  # zipf frequency above which a lone transcript word is a word, not a name
_RARE = 2.8  # zipf frequency below which a lower-case transcript word may be a name


def _words(language: str | None) -> ModuleType:
    """The words around names in ``language`` (``lang/<language>/entities.py``)."""
    return lang.part(language, "entities")


def _frequency(word: str, language: str | None) -> float:
    """How common ``word`` is in ``language`` (Zipf scale)."""
    frequency: float = lang.part(language, "core").frequency(word)
    return frequency


def _story_language(articles: Sequence[AnalyzedArticle]) -> str | None:
    """The language a story's names are read in: its first article's."""
    return articles[0].article.language if articles else None


@dataclass(slots=True)
class _Surface:
    """One occurrence of a name in a sentence."""

    form: str
    kind: EntityType
    doc_id: str
    transcript: bool
    after: str = ""
    strong: bool = False
    owner: str = ""
    """For a bare surname: the full name it stands for in its article ("Lohan" -> "Lindsay
    Lohan"), the person most recently named with it there."""

    @property
    def key(self) -> str:
        return name_key(self.owner or self.form)


@dataclass(slots=True)
class _Group:
    forms: Counter[str] = field(default_factory=Counter)
    punctuated: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    flagged: set[str] = field(default_factory=set)
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of a story and a map from any alias to its entity's canonical name."""

    entities: list[Entity]
    by_key: dict[str, str]
    language: str | None = None

    def canonical(self, name: str) -> str:
        """The canonical name ``name`` is an alias of, else ``name`` itself (cleaned)."""
        cleaned = _clean(name, self.language)
        return self.by_key.get(name_key(cleaned), cleaned)

    def get(self, name: str) -> Entity | None:
        canonical = self.by_key.get(name_key(_clean(name, self.language)))
        return next((entity for entity in self.entities if entity.name == canonical), None)

    def of_type(self, kind: EntityType) -> list[Entity]:
        return [entity for entity in self.entities if entity.type == kind]


def resolve_entities(
    articles: Sequence[AnalyzedArticle], *, gazetteer: Gazetteer | None = None
) -> EntityIndex:
    """Find the story's entities and merge the variants of each name."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    language = _story_language(articles)
    words = _words(language)
    surfaces = [surface for article in articles for surface in _surfaces(article)]
    known = Counter(name_key(surface.form) for surface in surfaces)
    surfaces = [surface for surface in surfaces if _keep(surface, known, language)]
    lower = _lower_words(articles)
    surfaces = _family_names(surfaces, words.NAME_SUFFIXES)
    surfaces = _own_surnames(surfaces, gazetteer, words.NAME_SUFFIXES)
    surfaces = [surface for surface in surfaces if not _common_word(surface, lower)]
    groups = _Merger(surfaces, gazetteer, words.PLACE_AFTER).groups()
    shared = _shared_names(groups, words.NAME_SUFFIXES)
    _count_text_mentions(groups, articles, language, shared)
    countries = _story_countries(groups, gazetteer)
    entities = [_entity(group, gazetteer, countries, language, shared) for group in groups]
    # works and products (the tagger's PRODUCT, WORK_OF_ART, LAW) are not the story's entities
    kept = [n for n, entity in enumerate(entities) if entity.type != "OTHER"]
    groups, entities = [groups[n] for n in kept], [entities[n] for n in kept]
    owners: dict[str, set[str]] = defaultdict(set)
    for group, entity in zip(groups, entities, strict=True):
        for alias in (entity.name, *group.forms):
            owners[name_key(alias)].add(entity.name)
    # a name two entities answer to ("Singh" for two nephews) names neither of them
    by_key = {key: names.pop() for key, names in owners.items() if len(names) == 1}
    entities.sort(key=lambda entity: (-entity.mentions, entity.name))
    return EntityIndex(entities, by_key, language)


def _lower_words(articles: Sequence[AnalyzedArticle]) -> set[str]:
    """The words the story's punctuated articles write in lower case."""
    return {
        word
        for article in articles
        if not article.article.transcript
        for sentence in article.sentences
        for word in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z](?![\w'’-])", sentence.text)
    }


def _common_word(surface: _Surface, lower: set[str]) -> bool:
    """A one-word "name" the story also writes in lower case is a word ("Gulf", "Court",
    "Games"), unless it stands for a person named in full."""
    if surface.owner or surface.transcript or " " in surface.form:
        return False
    return surface.form.lower() in lower


def _shared_names(groups: Sequence[_Group], suffixes: frozenset[str]) -> set[str]:
    """One-word names that two people of the story bear (as a surname or a first name): not
    shown as an alias of either ("Singh" for two nephews, each resolved in his article)."""
    bearers: dict[str, set[int]] = defaultdict(set)
    for number, group in enumerate(groups):
        if group.kinds.most_common(1)[0][0] != "PERSON":
            continue
        for form in group.forms:
            for key in _name_parts(form, suffixes):
                bearers[key].add(number)
    return {key for key, numbers in bearers.items() if len(numbers) > 1}


# --------------------------------------------------------------------------- surfaces


def _clean(text: str, language: str | None) -> str:
    words = _words(language)
    text = " ".join(text.replace("’", "'").split())
    text = words.POSSESSIVE.sub("", words.POSSESSIVE_LEFT.sub("", text))
    text = words.ARTICLE.sub("", words.OPEN_BRACKET.sub("", text)).strip(" .,;:!?\"'()[]")
    if words.DOTTED.fullmatch(text):
        text += "."
    return text


def _is_headline(sentence: Sentence) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence.text)
    long_words = [word for word in words if len(word) > 3]
    capitalised = sum(word[0].isupper() for word in long_words)
    text = sentence.text.rstrip()
    ends = text.endswith((".", "!", "?", "\"", "”")) and not text.endswith(("..", "…"))
    return not ends and len(words) >= 4 and capitalised >= 0.8 * len(long_words)


def _surfaces(article: AnalyzedArticle) -> list[_Surface]:
    transcript = article.article.transcript
    language = article.article.language
    words = _words(language)
    found: list[_Surface] = []
    for sentence in article.sentences:
        if _is_headline(sentence) or words.CREDIT_LINE.search(sentence.text):
            continue  # a credit line's names are the reporters', not the story's
        taken: list[tuple[int, int]] = []
        pattern = words.EVENT_PATTERN_LOOSE if transcript else words.EVENT_PATTERN
        for match in pattern.finditer(sentence.text):
            form = _event_form(match.group(0), words.STOP)
            if form:
                taken.append(match.span())
                found.append(_Surface(form, "EVENT", article.id, transcript, strong=True))
                if match.group(1):
                    acronym = _Surface(match.group(1), "EVENT", article.id, transcript, "", True)
                    found.append(acronym)
        for mention in sentence.mentions:
            if any(mention.start < end and start < mention.end for start, end in taken):
                continue
            surface = _mention_surface(sentence, mention.text, mention.label, mention.end, article)
            if surface is not None:
                found.append(surface)
    return found


def _event_form(text: str, stop: frozenset[str]) -> str:
    words = text.split()
    while words and (words[0].lower() in stop or not words[0][0].isalpha()):
        words = words[1:]
    words = [word for word in words if not word.startswith("(")]
    return " ".join(word if word[0].isupper() else word.capitalize() for word in words)


def _mention_surface(
    sentence: Sentence, text: str, label: str, end: int, article: AnalyzedArticle
) -> _Surface | None:
    kind = _LABELS.get(label)
    if kind is None:
        return None
    transcript = article.article.transcript
    language = article.article.language
    words = _words(language)
    form = _clean(text, language)
    if not transcript:
        form = words.LEADING_LOWER.sub("", form)  # "west Damascus"; "red zone": no name
        if not form[:1].isupper() and not form[:1].isdigit():
            return None
    rest = sentence.text[end:].split()
    if transcript and kind == "PERSON" and rest and _is_lowercase_name(rest[0], language):
        form, rest = f"{form} {rest[0].capitalize()}", rest[1:]
    if not _names_entity(form, label, rest, words):
        return None
    after = re.sub(r"\W", "", rest[0]).lower() if rest else ""
    before = sentence.text[: max(0, end - len(text))]
    form = words.TITLES.sub("", form)
    form, titled = _after_title(form, words.ROLE_WORDS, person=kind == "PERSON")
    if not form:
        return None  # a title alone ("Philadelphia Homicide Capt")
    kind, strong = _kind(form, kind, before, after, words)
    if titled or (
        kind != "EVENT" and not strong and _person_context(before, sentence.text[end:], words)
    ):
        kind, strong = "PERSON", True
    if transcript:
        form = " ".join(word if word[0].isupper() else word.capitalize() for word in form.split())
    return _Surface(form, kind, article.id, transcript, after, strong)


def _after_title(form: str, roles: frozenset[str], *, person: bool) -> tuple[str, bool]:
    """A name without the title before it ("Palmer Police Sergeant Shayne La Croix" ->
    "Shayne La Croix"), and whether it names a person for sure (the tagger said a person, or
    two or more names follow the title); "" for a title alone."""
    words = form.split()
    keys = [name_key(word) for word in words]
    cut = max((n + 1 for n, key in enumerate(keys) if key in roles), default=0)
    if not cut:
        return form, False
    rest = words[cut:]
    if not rest:
        return "", False
    if len(rest) > 3 or not all(word[:1].isupper() and word.isalpha() for word in rest):
        return form, False
    if not person and len(rest) < 2:
        return form, False
    return " ".join(rest), True


def _names_entity(form: str, label: str, rest: Sequence[str], words: ModuleType) -> bool:
    """Whether a mention names an entity: a nationality only as part of an organisation's
    name ("Workers' Party"), an organisation not as part of a title."""
    if label == "NORP" and not any(word in form.lower() for word in words.ORG_WORDS):
        return False
    # "US National Security [Adviser Jake Sullivan]": part of a title
    return not (label == "ORG" and rest and rest[0] in words.TITLE_AFTER)


def _person_context(before: str, after: str, words: ModuleType) -> bool:
    """Whether the words around a name say it names a person: a title or a kinship before it
    ("Mrs", "her son"), an age or "who" after it ("Pasztor, 34,"), a pronoun after its verb
    ("Pasztor said she")."""
    return (
        words.PERSON_BEFORE.search(before) is not None
        or words.PERSON_AFTER.match(after) is not None
    )


def _kind(
    form: str, kind: EntityType, before: str, after: str, words: ModuleType
) -> tuple[EntityType, bool]:
    """What a name names, read from the words around it, and whether they say so for sure."""
    strong = after in words.PLACE_AFTER or words.PLACE_BEFORE.search(before) is not None
    head = name_key(form).split()[-1:] if " " in form else []
    if head and head[0] in words.ORG_HEADS:
        return "ORG", True
    if head and head[0] in words.PLACE_HEADS:
        return "PLACE", True
    if words.ORG_BEFORE.search(before) and kind != "EVENT":
        kind, strong = "ORG", True
    elif strong:
        kind = "PLACE"
    elif kind in ("PERSON", "ORG") and " " not in form and words.PLACE_PREPOSITION.search(before):
        kind = "PLACE"
    if any(form.lower().endswith(head) for head in words.EVENT_HEADS):
        kind, strong = "EVENT", True
    return kind, strong


def _is_lowercase_name(word: str, language: str | None) -> bool:
    return word.isalpha() and word.islower() and _frequency(word, language) < _RARE


def _keep(surface: _Surface, known: Counter[str], language: str | None) -> bool:
    """Drop junk: one letter, "Today", common words in transcripts, "Putin-Kim"."""
    form = surface.form
    letters = re.sub(r"[^A-Za-z]", "", form)
    words = _words(language)
    if len(letters) < 2 or name_key(form) in words.SKIP_FORMS or words.NOT_NAME.search(form):
        return False  # a picture credit ("AP Photo/Jane Doe"), a handle, a time ("8.30am")
    if find_expressions(form, language):
        return False  # a date ("3:30 a.m. Tuesday")
    if all(word in words.ROLE_WORDS for word in name_key(form).split()):
        return False  # a title alone ("Surgeon General", "Rear Admiral") names nobody
    if surface.transcript and " " not in form and _frequency(form.lower(), language) >= _COMMON:
        return False
    parts = [part for part in form.split("-") if part]
    if len(parts) > 1 and surface.kind == "PERSON" and all(part[:1].isupper() for part in parts):
        return not all(known[name_key(part)] > 0 for part in parts)
    return True


def _name_parts(form: str, suffixes: frozenset[str]) -> tuple[str, ...]:
    """The keys a full name may be referred to by alone: its surname (before "Jr.") and its
    first name."""
    words = [word for word in name_key(form).split() if word not in suffixes]
    return (words[-1], words[0]) if len(words) > 1 else ()


def _family_names(surfaces: list[_Surface], suffixes: frozenset[str]) -> list[_Surface]:
    """A two- or three-word name the tagger took for an organisation or a place is a person
    when a person of the story bears its last word as a surname ("Amber Pasztor", the mother
    of "Rene Pasztor")."""
    surnames = {
        _name_parts(surface.form, suffixes)[0]
        for surface in surfaces
        if surface.kind == "PERSON" and _name_parts(surface.form, suffixes)
    }
    found = []
    for surface in surfaces:
        words = surface.form.split()
        if (
            surface.kind in ("ORG", "PLACE")
            and not surface.strong
            and 2 <= len(words) <= 3
            and all(word[:1].isupper() and word.isalpha() for word in words)
            and bool(set(_name_parts(surface.form, suffixes)[:1]) & surnames)
        ):
            surface = replace(surface, kind="PERSON")
        found.append(surface)
    return found


def _own_surnames(
    surfaces: list[_Surface], gazetteer: Gazetteer, suffixes: frozenset[str]
) -> list[_Surface]:
    """Give each bare surname the person it stands for in its own article: the one named with
    it there (the most recent before it, else the first after it); where the article names
    several people with it, the one the story names most ("Dunn" is the accused, not his
    mother). People who share a surname stay apart. A one-word name the tagger took for an
    organisation or a place is a surname too when a person of the article bears it."""
    people = [
        surface for surface in surfaces
        if surface.kind == "PERSON" and _name_parts(surface.form, suffixes)
    ]
    named = Counter(name_key(surface.form) for surface in people)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for index, surface in enumerate(surfaces):
        by_doc[surface.doc_id].append(index)
    everywhere = [n for n, surface in enumerate(surfaces) if surface in people]
    resolved = list(surfaces)
    for indices in by_doc.values():
        for index in indices:
            surface = surfaces[index]
            if not _may_be_surname(surface, gazetteer, indices, surfaces, suffixes):
                continue
            owner = _owner(surfaces, indices, index, suffixes, named)
            owner = owner or _owner(surfaces, everywhere, index, suffixes, named, clear=True)
            if owner:
                resolved[index] = replace(surface, owner=owner, kind="PERSON")
    return resolved


def _owner(
    surfaces: list[_Surface],
    indices: list[int],
    index: int,
    suffixes: frozenset[str],
    named: Counter[str],
    *,
    clear: bool = False,
) -> str:
    """The full name the bare name ``surfaces[index]`` stands for among ``indices`` (its
    article's surfaces), or "". ``clear``: among several people, only one the story names
    at least twice as often as any other."""
    key = name_key(surfaces[index].form)
    first_names = surfaces[index].kind == "PERSON" or not clear  # in its article: any
    candidates = []
    for at in indices:
        parts = _name_parts(surfaces[at].form, suffixes) if surfaces[at].kind == "PERSON" else ()
        if parts and key in (parts if first_names else parts[:1]):
            candidates.append((at, surfaces[at].form))
    if not candidates:
        return ""
    before = [form for at, form in candidates if at < index]
    recent = before[-1] if before else candidates[0][1]
    if len({name_key(form) for _, form in candidates}) == 1:
        return recent
    ranked = sorted(
        {form for _, form in candidates},
        key=lambda form: (named[name_key(form)], form == recent),
        reverse=True,
    )
    if clear and named[name_key(ranked[0])] < 2 * named[name_key(ranked[1])]:
        return ""
    return ranked[0]


def _may_be_surname(
    surface: _Surface,
    gazetteer: Gazetteer,
    indices: list[int],
    surfaces: list[_Surface],
    suffixes: frozenset[str],
) -> bool:
    """Whether a one-word name may stand for a person: not a sure place or event, nor an
    acronym; a country's name only in an article that names a person so ("Jordan" for Jordan
    Belliveau)."""
    if " " in surface.form or surface.strong or surface.kind not in ("PERSON", "ORG", "PLACE"):
        return False
    if surface.form.isupper():
        return False  # an acronym ("UN"), not the end of "Kim Jong Un"
    if surface.kind == "PERSON" or gazetteer.country(surface.form) is None:
        return True
    key = name_key(surface.form)
    return any(
        key in _name_parts(surfaces[at].form, suffixes)
        for at in indices
        if surfaces[at].kind == "PERSON"
    )


# --------------------------------------------------------------------------- name matching


def _skeleton(token: str) -> str:
    """A consonant skeleton that folds common transliteration variants."""
    text = token.lower().replace("kh", "h").replace("ph", "f").replace("ck", "k")
    text = text.replace("w", "v").replace("j", "y") if len(text) > 3 else text
    head, tail = text[:1], re.sub(r"[aeiouy]", "", text[1:])
    return re.sub(r"(.)\1+", r"\1", head + tail)


def _same_token(left: str, right: str) -> bool:
    if left == right:
        return True
    return min(len(left), len(right)) >= 4 and _skeleton(left) == _skeleton(right)


def _similar_token(left: str, right: str) -> bool:
    return _same_token(left, right) or jellyfish.jaro_winkler_similarity(left, right) >= 0.77


class _Merger:
    """Union-find over name keys, with the merge rules of the module docstring."""

    def __init__(
        self, surfaces: list[_Surface], gazetteer: Gazetteer, place_after: frozenset[str]
    ) -> None:
        self.surfaces = surfaces
        self.gazetteer = gazetteer
        self.parent: dict[str, str] = {}
        self.flagged: set[str] = set()
        self.ambiguous: set[str] = set()
        self.kind: dict[str, Counter[str]] = defaultdict(Counter)
        self.contexts: dict[str, set[str]] = defaultdict(set)
        for surface in surfaces:
            key = surface.key
            self.parent.setdefault(key, key)
            self.kind[key][surface.kind] += 3 if surface.strong else 1
            if surface.after in place_after:
                self.contexts[key].add(surface.after)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, left: str, right: str, *, flag: str | None = None) -> None:
        self.parent[self.find(left)] = self.find(right)
        if flag is not None:
            self.flagged.add(flag)

    def type_of(self, key: str) -> str:
        return self.kind[key].most_common(1)[0][0]

    def groups(self) -> list[_Group]:
        self._countries()
        self._persons()
        self._places()
        self._suffixes()
        self._events()
        self._misheard()
        return self._collect()

    def _keys(self, kind: str) -> list[str]:
        return sorted(key for key in self.parent if self.type_of(key) == kind)

    def _countries(self) -> None:
        by_country: dict[str, str] = {}
        for key in self._keys("PLACE"):
            place = self.gazetteer.country(key)
            if place is not None:
                self.union(key, by_country.setdefault(place.country, key))

    def _persons(self) -> None:
        keys = self._keys("PERSON")
        full = [key for key in keys if " " in key]
        for index, left in enumerate(full):
            for right in full[index + 1 :]:
                self._match_full(left, right)
        for key in keys:
            if " " not in key:
                self._match_single(key, full)

    def _match_full(self, left: str, right: str) -> None:
        short, long = sorted((left.split(), right.split()), key=len)
        for offset in {0, len(long) - len(short)}:
            part = long[offset : offset + len(short)]
            if not all(_similar_token(a, b) for a, b in zip(short, part, strict=True)):
                continue
            exact = all(_same_token(a, b) for a, b in zip(short, part, strict=True))
            if len(short) == len(long) and exact:
                self.union(left, right)
            elif len(short) > 1 and sum(a == b for a, b in zip(short, part, strict=True)) >= 1:
                shorter = left if len(left.split()) <= len(right.split()) else right
                self.union(left, right, flag=None if exact else shorter)
            return

    def _match_single(self, key: str, full: list[str]) -> None:
        owners = {
            self.find(candidate)
            for candidate in full
            if _same_token(key, candidate.split()[-1]) or _same_token(key, candidate.split()[0])
        }
        if len(owners) == 1:
            self.union(key, owners.pop())
        elif len(owners) > 1 and len({self.find(owner) for owner in owners}) > 1:
            self.ambiguous.add(key)  # "Singh" alone, in an article naming no Singh

    def _places(self) -> None:
        keys = self._keys("PLACE")
        for index, left in enumerate(keys):
            for right in keys[index + 1 :]:
                if " " not in left and " " not in right and _same_token(left, right):
                    self.union(left, right)
        for key in self._keys("PERSON") + self._keys("ORG"):
            if " " in key:
                continue
            targets = [place for place in keys if " " not in place and _same_token(key, place)]
            if targets and self._context(key) & self._context(targets[0]):
                self.union(key, targets[0])

    def _suffixes(self) -> None:
        for kind in ("ORG", "PLACE"):
            keys = self._keys(kind)
            for short in keys:
                owners = {
                    self.find(long)
                    for long in keys
                    if long != short and " " in short and long.endswith(" " + short)
                }
                if len(owners) == 1:
                    self.union(short, owners.pop())

    def _events(self) -> None:
        keys = self._keys("EVENT")
        for key in keys:
            words = key.split()
            if words and re.fullmatch(r"\d+(?:st|nd|rd|th)", words[0]):
                if " ".join(words[1:]) in self.parent:
                    self.union(key, " ".join(words[1:]))
        acronyms = {key for key in keys if " " not in key}
        for acronym in acronyms:
            for key in keys:
                initials = "".join(word[0] for word in key.split() if not word[0].isdigit())
                if key != acronym and initials == acronym:
                    self.union(acronym, key)
        for index, left in enumerate(keys):
            for right in keys[index + 1 :]:
                self._match_event_qualifier(left, right)

    def _match_event_qualifier(self, left: str, right: str) -> None:
        a, b = left.split(), right.split()
        if len(a) < 3 or len(b) < 3 or a[-2:] != b[-2:] or self.find(left) == self.find(right):
            return
        for mine, theirs, name in ((a, b, left), (b, a, right)):
            if self.gazetteer.cities(" ".join(mine[:-2])) and not self.gazetteer.cities(
                " ".join(theirs[:-2])
            ):
                self.union(name, right if name == left else left, flag=name)
                return

    def _misheard(self) -> None:
        attested = {
            surface.key for surface in self.surfaces if not surface.transcript
        }
        for surface in self.surfaces:
            key = surface.key
            if not surface.transcript or key in attested or not surface.after:
                continue
            for target in sorted(attested):
                if self._sounds_like(key, target, surface.after):
                    self.union(key, target, flag=key)
                    break

    def _sounds_like(self, key: str, target: str, after: str) -> bool:
        if " " in key or " " in target or self.find(key) == self.find(target):
            return False
        if after not in self._context(target) or self.type_of(target) != "PLACE":
            return False
        distance = jellyfish.levenshtein_distance(
            jellyfish.metaphone(key), jellyfish.metaphone(target)
        )
        return distance <= 1 and len(jellyfish.metaphone(target)) >= 3

    def _context(self, key: str) -> set[str]:
        return self.contexts.get(key, set())

    def _collect(self) -> list[_Group]:
        groups: dict[str, _Group] = defaultdict(_Group)
        for surface in self.surfaces:
            key = surface.key
            if key in self.ambiguous:
                continue
            group = groups[self.find(key)]
            group.forms[surface.form] += 1
            if not surface.transcript:
                group.punctuated[surface.form] += 1
            group.kinds[surface.kind] += 3 if surface.strong else 1
            group.sources.add(surface.doc_id)
            if key in self.flagged:
                group.flagged.add(surface.form)
        return list(groups.values())


# --------------------------------------------------------------------------- entities


def _count_text_mentions(
    groups: list[_Group],
    articles: Sequence[AnalyzedArticle],
    language: str | None,
    shared: set[str] = frozenset(),  # type: ignore[assignment]
) -> None:
    """Count each group's aliases in the sentence text (spaCy misses lower-case names); a
    name two people share is counted for neither."""
    patterns = [
        (group, _alias_pattern(
            [form for form in _search_forms(group) if name_key(form) not in shared], language
        ))
        for group in groups
    ]
    for article in articles:
        for sentence in article.sentences:
            for group, (exact, loose) in patterns:
                hits = len(exact.findall(sentence.text))
                if article.article.transcript and loose is not None:
                    hits = max(hits, len(loose.findall(sentence.text)))
                if hits:
                    group.mentions += hits
                    group.sources.add(article.id)


def _search_forms(group: _Group) -> list[str]:
    forms = list(group.forms)
    if group.kinds.most_common(1)[0][0] == "PERSON":
        forms += [form.split()[-1] for form in group.forms if " " in form]
    return forms


def _alias_pattern(
    forms: Iterable[str], language: str | None
) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    aliases = sorted({form for form in forms if len(form) > 1}, key=len, reverse=True)
    if not aliases:
        return re.compile(r"(?!)"), None  # nothing to look for: matches nowhere
    body = "|".join(re.escape(alias).replace(r"\ ", r"[\s-]+") for alias in aliases)
    exact = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    rare = [alias for alias in aliases if _frequency(alias.lower(), language) < _RARE]
    if not rare:
        return exact, None
    loose_body = "|".join(re.escape(alias).replace(r"\ ", r"[\s-]+") for alias in rare)
    return exact, re.compile(rf"(?<![\w-])(?:{loose_body})(?![\w-])", re.IGNORECASE)


def _story_countries(groups: list[_Group], gazetteer: Gazetteer) -> set[str]:
    codes = set()
    for group in groups:
        for form in group.forms:
            place = gazetteer.country(form)
            if place is not None:
                codes.add(place.country)
    return codes


def _entity(
    group: _Group,
    gazetteer: Gazetteer,
    countries: set[str],
    language: str | None,
    shared: set[str] = frozenset(),  # type: ignore[assignment]
) -> Entity:
    kind: EntityType = group.kinds.most_common(1)[0][0]  # type: ignore[assignment]
    name = _canonical_form(group, kind)
    place = _place(group, kind, gazetteer, countries, language)
    if place is not None and place.kind == "country":
        name = place.name
    if kind == "ORG" and place is not None:
        kind = "PLACE"
    aliases = tuple(
        sorted(form for form in group.forms if form != name and name_key(form) not in shared)
    )
    flagged = tuple(sorted(form for form in group.flagged if form != name))
    facts = place.facts() if place is not None and kind == "PLACE" else None
    mentions = max(group.mentions, sum(group.forms.values()))
    return Entity(name, kind, aliases, tuple(sorted(group.sources)), mentions, flagged, facts)


def _canonical_form(group: _Group, kind: str) -> str:
    pool = {form: n for form, n in group.forms.items() if form not in group.flagged}
    pool = pool or dict(group.forms)
    punctuated = {form: group.punctuated.get(form, 0) for form in pool}
    if kind == "PERSON" and any(" " in form for form in pool):
        punctuated = {form: n for form, n in punctuated.items() if " " in form}
    if kind == "EVENT":
        punctuated = {
            form: n for form, n in punctuated.items() if not re.match(r"\d", form) and " " in form
        } or punctuated
    return max(punctuated, key=lambda form: (punctuated[form], pool[form], len(form), form))


def _place(
    group: _Group, kind: str, gazetteer: Gazetteer, countries: set[str], language: str | None
) -> Place | None:
    if kind not in ("PLACE", "ORG"):
        return None
    for form, _ in group.forms.most_common():
        if form in group.flagged:
            continue
        if kind == "ORG" and _frequency(form.lower(), language) >= _RARE:
            continue
        place = gazetteer.lookup(form, countries=countries)
        if place is not None:
            return place
    return None
