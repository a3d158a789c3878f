"""Unpunctuated speech-to-text transcripts: detection, sentence splitting and word repair.

A transcript has almost no sentence-final punctuation. Sentences are cut before words that
usually open one (capitalised names and pronouns, discourse words) once the running clause is
long enough and the previous word does not ask for a continuation ("of", "would", "the").
Run-together words ("weremactively": a dropped space became a letter) are split with
wordfreq's word frequencies; words the dictionary knows, names and numbers are left alone.
"""

from __future__ import annotations

import re
from types import ModuleType

from wordfreq import available_languages, zipf_frequency

from newsfuse import lang

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


def _is_stop(token: str) -> bool:
    return bool(_STOP.search(token)) and not re.fullmatch(r"(?:[A-Z]\.)+", token)


def is_transcript(text: str) -> bool:
    """True for long text with almost no sentence-final punctuation (speech-to-text output)."""
    words = text.split()
    if len(words) < MIN_WORDS:
        return False
    stops = sum(1 for word in words if _is_stop(word))
    return len(words) / (stops + 1) > WORDS_PER_STOP


def _is_cue(prev: str, word: str, clause: list[str], following: list[str],
            cues: ModuleType) -> bool:
    """True when ``word`` may open a new sentence after ``clause`` (which ends with ``prev``);
    ``following`` are the words after ``word``, ``cues`` the language's ``transcript`` part."""
    if len(clause) < MIN_CLAUSE or _needs_more(prev, cues):
        return False
    bare = word.strip("\"“”'’(")
    lowered = bare.lower()
    if lowered in cues.LOWER_OPENERS:
        return True
    if not bare[:1].isupper():
        return _lower_subject(lowered, following, clause, cues)
    if clause[-2].lower() in cues.DETERMINERS and not _verb_ahead(following[:4], cues):
        return False  # "a planned Way": a capitalised noun inside a phrase
    bare_prev = prev.lower().strip(",;:\"“”'’")
    if prev[:1].isupper() and bare_prev not in cues.TIME_WORDS:
        # Inside a run of capitalised words: one name, unless a one-word object ("in Ukraine")
        # ends before a new subject of two words or more ("Pyongyang and Moscow have").
        if not _object_name(clause, cues) or _verb_ahead(following[:1], cues):
            return False
    return lowered in cues.CAPITAL_OPENERS or _verb_ahead(following[:4], cues)


def _needs_more(prev: str, cues: ModuleType) -> bool:
    """True when a sentence cannot end on ``prev`` ("of", "would", "citing", "eleven")."""
    bare = prev.lower().strip(",;:\"“”'’")
    return (
        bare in cues.CONTINUERS
        or bare in cues.NUMBERS
        or bare.isdigit()
        or bare.endswith(cues.POSSESSIVE_ENDINGS)
        or (bare.endswith(cues.GERUND_ENDING) and bare not in cues.ING_NOUNS)
        or prev.endswith(",")
    )


def _lower_subject(lowered: str, following: list[str], clause: list[str],
                   cues: ModuleType) -> bool:
    """A lower-case word opening a sentence: a pronoun or a plural noun before its verb
    ("he said", "investigators have"), or "the ..." whose verb follows within six words."""
    if lowered in cues.PRONOUNS:
        return _verb_ahead(following[:2], cues)
    if lowered in cues.DEFINITE_ARTICLES:
        return len(clause) >= 10 and _verb_ahead(following[:6], cues)
    plural = len(lowered) > 4 and lowered.endswith(cues.PLURAL_ENDING)
    plural = plural and lowered not in cues.CONTINUERS
    after_modifier = clause[-1].lower() in cues.DETERMINERS | cues.QUANTIFIERS
    subject = plural or lowered in cues.SUBJECTS
    return subject and not after_modifier and _verb_ahead(following[:1], cues)


def _object_name(clause: list[str], cues: ModuleType) -> bool:
    """True when the clause ends with a one-word name after a preposition ("in Ukraine")."""
    previous = clause[-2].lower() if len(clause) > 2 else ""
    return previous in cues.CONTINUERS and previous not in cues.DETERMINERS | cues.CONJUNCTIONS


def _verb_ahead(words: list[str], cues: ModuleType) -> bool:
    """True when a finite verb comes among ``words`` before a new clause starts."""
    for word in words:
        bare = word.lower().strip(",;:\"“”'’")
        if bare in cues.VERBS or (len(bare) > 5 and bare.endswith(cues.PAST_ENDING)):
            return True
        if bare in cues.CLAUSE_WORDS or bare in cues.PRONOUNS:
            return False
    return False


def split_transcript(text: str, language: str | None = None) -> list[str]:
    """Sentences of an unpunctuated transcript, each ending with its own or an added period,
    cut at the cue words of ``language`` (ISO 639-1; the default language when unknown)."""
    cues = lang.part(language, "transcript")
    words = text.split()
    sentences: list[list[str]] = []
    clause: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1 : i + 7]
        if clause and (_is_stop(clause[-1]) or _is_cue(clause[-1], word, clause, following, cues)):
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


def repair_words(text: str, language: str = lang.DEFAULT) -> tuple[str, list[tuple[str, str]]]:
    """Run-together words split again, with the (original, replacement) pairs in text order.

    ``language`` (ISO 639-1) picks wordfreq's word list; without one nothing is repaired."""
    repaired, spans = repair_spans(text, language)
    return repaired, [(original, replacement) for original, replacement, _ in spans]


def repair_spans(text: str, language: str = lang.DEFAULT) -> tuple[str, list[tuple[str, str, int]]]:
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
