"""Unpunctuated speech-to-text transcripts: detection, sentence splitting and word repair.

A transcript has almost no sentence-final punctuation. Sentences are cut before words that
usually open one (capitalised names and pronouns, discourse words) once the running clause is
long enough and the previous word does not ask for a continuation ("of", "would", "the").
Run-together words ("weremactively": a dropped space became a letter) are split with
wordfreq's word frequencies; words the dictionary knows, names and numbers are left alone.
"""

from __future__ import annotations

import re

from wordfreq import available_languages, zipf_frequency

#: Fewest words a text needs before it can be judged a transcript.
MIN_WORDS = 60
#: A transcript has more words than this per sentence-final punctuation mark.
WORDS_PER_STOP = 45
#: Fewest words in a sentence before a cue may end it.
MIN_CLAUSE = 6
#: Both halves of a repaired word must be at least this common (Zipf scale).
MIN_PART_ZIPF = 3.0
#: Parts of three letters or fewer must be function-word common.
SHORT_PART_ZIPF = 5.0

# Languages whose words are not split by spaces (or by syllable): no repair there.
_UNSPACED = frozenset({"ja", "zh", "ko", "vi", "th"})
_STOP = re.compile(r"[.!?…][\"”’')\]]*$")
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")

# Words after which a sentence cannot end: prepositions, articles, conjunctions, auxiliaries.
_CONTINUERS = frozenset(
    """a an the of in on at to for from by with without about into onto over under after
    before between through during against among toward towards near via and or but nor
    above below since until across around behind beyond inside outside upon within along
    amid despite per like off past
    that which who whom whose whether where when what why how if as than then so because
    while although though
    is are was were be been being am has have had do does did will would shall should can
    could may might must not no its his her their our my your this these those such
    mr mrs ms dr president minister leader spokesman spokesperson general state prime
    chief manager director secretary officer commander governor mayor senator captain
    said says told according very more most less least also even only just both either""".split()
)
_DETERMINERS = frozenset("a an the his her their its our my your this that these those".split())
# Lower-case words that open a sentence in speech.
_LOWER_OPENERS = frozenset(
    "however meanwhile moreover furthermore nevertheless nonetheless therefore".split()
)
_PRONOUNS = frozenset("this they he she we it there i you".split())
_SUBJECTS = frozenset("nobody everyone everybody somebody someone police".split())
_VERBS = frozenset(
    """is are was were has have had will would can could said says told added
    stood pledged met called gave showed denied claimed reported stated announced confirmed
    warned include includes began made took came went saw found left got held led put ran
    sent set spoke won wrote became brought built felt kept knew lost meant paid thought
    urged say expect expects""".split()
)
_CLAUSE_WORDS = frozenset(
    "that which who whom whose but if when where while because".split()
)
_QUANTIFIERS = frozenset(
    "first second third last next other many few several some all most".split()
)
_ING_NOUNS = frozenset(
    """morning evening thing something nothing anything everything building meeting spring
    king ring wing ceiling briefing wedding hearing funding beijing""".split()
)
_NUMBERS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion dozen dozens hundreds thousands""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
# Capitalised function words that open a sentence.
_CAPITAL_OPENERS = frozenset(
    """the this that these those he she it they we i there in on at after before but and
    however meanwhile moreover according a an his her their its our some many most""".split()
)


def _is_stop(token: str) -> bool:
    return bool(_STOP.search(token)) and not re.fullmatch(r"(?:[A-Z]\.)+", token)


def is_transcript(text: str) -> bool:
    """True for long text with almost no sentence-final punctuation (speech-to-text output)."""
    words = text.split()
    if len(words) < MIN_WORDS:
        return False
    stops = sum(1 for word in words if _is_stop(word))
    return len(words) / (stops + 1) > WORDS_PER_STOP


def _is_cue(prev: str, word: str, clause: list[str], following: list[str]) -> bool:
    """True when ``word`` may open a new sentence after ``clause`` (which ends with ``prev``);
    ``following`` are the words after ``word``."""
    if len(clause) < MIN_CLAUSE or _needs_more(prev):
        return False
    bare = word.strip("\"“”'’(")
    lowered = bare.lower()
    if lowered in _LOWER_OPENERS:
        return True
    if not bare[:1].isupper():
        return _lower_subject(lowered, following, clause)
    if clause[-2].lower() in _DETERMINERS and not _verb_ahead(following[:4]):
        return False  # "a planned Way": a capitalised noun inside a phrase
    bare_prev = prev.lower().strip(",;:\"“”'’")
    if prev[:1].isupper() and bare_prev not in _TIME_WORDS:
        # Inside a run of capitalised words: one name, unless a one-word object ("in Ukraine")
        # ends before a new subject of two words or more ("Pyongyang and Moscow have").
        if not _object_name(clause) or _verb_ahead(following[:1]):
            return False
    return lowered in _CAPITAL_OPENERS or _verb_ahead(following[:4])


def _needs_more(prev: str) -> bool:
    """True when a sentence cannot end on ``prev`` ("of", "would", "citing", "eleven")."""
    bare = prev.lower().strip(",;:\"“”'’")
    return (
        bare in _CONTINUERS
        or bare in _NUMBERS
        or bare.isdigit()
        or bare.endswith(("'s", "’s"))
        or (bare.endswith("ing") and bare not in _ING_NOUNS)
        or prev.endswith(",")
    )


def _lower_subject(lowered: str, following: list[str], clause: list[str]) -> bool:
    """A lower-case word opening a sentence: a pronoun or a plural noun before its verb
    ("he said", "investigators have"), or "the ..." whose verb follows within six words."""
    if lowered in _PRONOUNS:
        return _verb_ahead(following[:2])
    if lowered == "the":
        return len(clause) >= 10 and _verb_ahead(following[:6])
    plural = len(lowered) > 4 and lowered.endswith("s") and lowered not in _CONTINUERS
    after_modifier = clause[-1].lower() in _DETERMINERS | _QUANTIFIERS
    return (plural or lowered in _SUBJECTS) and not after_modifier and _verb_ahead(following[:1])


def _object_name(clause: list[str]) -> bool:
    """True when the clause ends with a one-word name after a preposition ("in Ukraine")."""
    previous = clause[-2].lower() if len(clause) > 2 else ""
    return previous in _CONTINUERS and previous not in _DETERMINERS | {"and", "or"}


def _verb_ahead(words: list[str]) -> bool:
    """True when a finite verb comes among ``words`` before a new clause starts."""
    for word in words:
        bare = word.lower().strip(",;:\"“”'’")
        if bare in _VERBS or (len(bare) > 5 and bare.endswith("ed")):
            return True
        if bare in _CLAUSE_WORDS or bare in _PRONOUNS:
            return False
    return False


def split_transcript(text: str) -> list[str]:
    """Sentences of an unpunctuated transcript, each ending with its own or an added period."""
    words = text.split()
    sentences: list[list[str]] = []
    clause: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1 : i + 7]
        if clause and (_is_stop(clause[-1]) or _is_cue(clause[-1], word, clause, following)):
            sentences.append(clause)
            clause = []
        clause.append(word)
    if clause:
        sentences.append(clause)
    return [_finish(words) for words in sentences if any(c.isalnum() for c in "".join(words))]


def _finish(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r"\s+([.!?,;:])", r"\1", text)
    if not _STOP.search(text):
        text += "."
    return text[0].upper() + text[1:] if text[0].islower() else text


def paragraphs_of(sentences: list[str], target_words: int = 60) -> list[str]:
    """Sentences grouped into paragraphs of about ``target_words`` words."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    count = 0
    for sentence in sentences:
        current.append(sentence)
        count += len(sentence.split())
        if count >= target_words:
            paragraphs.append(current)
            current, count = [], 0
    if current:
        if paragraphs and count < target_words // 3:
            paragraphs[-1].extend(current)
        else:
            paragraphs.append(current)
    return [" ".join(p) for p in paragraphs]


def _zipf(word: str, language: str) -> float:
    return zipf_frequency(word.lower(), language)


def _part_ok(part: str, language: str) -> bool:
    """A common word: short parts must be very common ("the", "war"), others common enough."""
    if len(part) < 2 or (part[:1].isupper() and not part[1:].islower()):
        return False
    return _zipf(part, language) >= (SHORT_PART_ZIPF if len(part) <= 3 else MIN_PART_ZIPF)


def _best_split(word: str, dropped: int, language: str) -> tuple[float, str] | None:
    """The best split of ``word`` into two common words around ``dropped`` letters (0 or 1)."""
    best: tuple[float, str] | None = None
    for i in range(2, len(word) - 1 - dropped):
        left, right = word[:i], word[i + dropped :]
        if _part_ok(left, language) and _part_ok(right, language):
            score = min(_zipf(left, language), _zipf(right, language))
            if best is None or score > best[0]:
                best = (score, f"{left} {right}")
    return best


def _split_word(word: str, language: str) -> str | None:
    """``"weremactively"`` -> ``"were actively"``: an unknown word split into two common ones,
    preferably around one letter that took the place of a space."""
    if len(word) < 6 or _zipf(word, language) > 0 or not word[:1].islower():
        return None
    best = _best_split(word, 1, language) or _best_split(word, 0, language)
    return best[1] if best else None


def repair_words(text: str, language: str = "en") -> tuple[str, list[tuple[str, str]]]:
    """Run-together words split again, with the (original, replacement) pairs in text order.

    ``language`` (ISO 639-1) picks wordfreq's word list; without one nothing is repaired."""
    repaired, spans = repair_spans(text, language)
    return repaired, [(original, replacement) for original, replacement, _ in spans]


def repair_spans(text: str, language: str = "en") -> tuple[str, list[tuple[str, str, int]]]:
    """Like ``repair_words``, with where each replacement starts in the repaired text."""
    spans: list[tuple[str, str, int]] = []
    if language not in available_languages() or language in _UNSPACED:
        return text, spans
    parts: list[str] = []
    done = 0
    length = 0
    for match in _WORD.finditer(text):
        replacement = _split_word(match.group(0), language)
        if replacement is None:
            continue
        before = text[done : match.start()]
        parts.extend((before, replacement))
        spans.append((match.group(0), replacement, length + len(before)))
        length += len(before) + len(replacement)
        done = match.end()
    parts.append(text[done:])
    return "".join(parts), spans
