"""Briefings against a hand-made gold set (``eval/gold/briefing/``).

Each gold story names its documents by id in ``../shared/eval`` (ECB+ records ``<id>``,
Multi-News articles ``mn:<line>:<index>``) and lists what a careful reader finds in them:
quotes with speakers, key facts with the independent newsrooms that state them, the event's
dates, the people, places and organisations, and the disagreements and updates between
outlets. The documents are written to a JSONL export and read by newsfuse as a user's would be
(the text cleaner, metadata, near-duplicates); the ok articles are briefed as one story (the
clustering is scored elsewhere), and each part of the briefing is matched to the gold:

- a shown quote matches a gold quote when they share a document and most content words;
  its speaker is right when the names agree (an alias, or a surname no other gold person has);
- a shown fact is *usable* when it matches a gold fact (the gold lists every key fact, so an
  unmatched fact is opinion, a caption, a fragment or a detail); its support is exact when it
  equals the gold count of newsrooms;
- a timeline entry matched to a gold date (a shared document and expression or content
  words) is right when its date agrees to the gold's precision;
- an entity is right when one of its names is a gold entity's name or alias and the types
  agree; a wrong merge is an entity whose names belong to two gold people;
- a conflict is real when two of its sides hold the values of two sides of one gold
  disagreement; a gold disagreement is found when a shown conflict is matched to it;
- a summary sentence's citation holds when the cited document has a sentence sharing most
  of its content words.

Matching by words is a proxy for an editor's reading: it is strict (a paraphrase that shares
few words counts as unmatched), so the figures are lower bounds where the system paraphrases.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from newsfuse import lang
from newsfuse.errors import InputError
from newsfuse.types import Briefing, Conflict, Entity, Fact, Quote, TimelineEvent

QUOTE_MATCH = 0.6
"""Share of the shorter text's content words two quotes must share."""
FACT_MATCH = 0.5
TIMELINE_MATCH = 0.4
CITATION_MATCH = 0.6
SPLITS = ("tune", "check")


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldStory:
    """One story of the gold set, as written in its JSON file."""

    id: str
    split: str
    documents: tuple[str, ...]
    data: Mapping[str, Any]

    def people(self) -> list[Mapping[str, Any]]:
        return [e for e in self.data.get("entities", ()) if e.get("type") == "PERSON"]


def read_gold(folder: Path) -> list[GoldStory]:
    """The gold stories under ``folder`` (its ``stories/*.json``), in name order."""
    files = sorted((folder / "stories").glob("*.json")) if folder.is_dir() else []
    if not files:
        raise InputError(f"no gold stories in {folder}/stories: pass the gold folder")
    stories = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            stories.append(
                GoldStory(str(data["id"]), str(data["split"]), tuple(data["documents"]), data)
            )
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path} is not a gold story ({error}): fix it") from error
    return stories


def source_records(shared: Path, ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """The source texts of ``ids`` from ``shared``/eval: id -> {id, text, title, url, date}."""
    wanted = set(ids)
    found: dict[str, dict[str, str]] = {}
    ecb = shared / "eval" / "clustering" / "ecbplus-dev.jsonl"
    for line in ecb.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if str(record["id"]) in wanted:
            found[str(record["id"])] = _record(str(record["id"]), record)
    news = shared / "eval" / "summarization" / "multinews-val.jsonl"
    for number, line in enumerate(news.read_text(encoding="utf-8").splitlines()):
        if not any(key.startswith(f"mn:{number}:") for key in wanted):
            continue
        for index, article in enumerate(json.loads(line)["articles"]):
            key = f"mn:{number}:{index}"
            if key in wanted:
                found[key] = _record(key, article)
    missing = sorted(wanted - set(found))
    if missing:
        raise InputError(f"gold documents not found in {shared}/eval: {', '.join(missing[:5])}")
    return found


def _record(key: str, record: Mapping[str, Any]) -> dict[str, str]:
    fields = {name: str(record.get(name) or "") for name in ("title", "url", "date")}
    return {"id": key, "text": str(record["text"]), **{k: v for k, v in fields.items() if v}}


# --------------------------------------------------------------------------- briefing


def brief_gold_story(story: GoldStory, records: Mapping[str, Mapping[str, str]]) -> Briefing:
    """newsfuse's briefing of the story's documents, read as a JSONL export, as one story."""
    from newsfuse.brief import independence_keys
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.pipeline import brief_story, read_articles, story_jobs
    from newsfuse.types import Story

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{story.id}.jsonl"
        lines = [json.dumps(records[doc], ensure_ascii=False) for doc in story.documents]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        articles = list(read_articles([path], workers=1))
    ok = [article for article in articles if article.status == "ok"]
    analyzed = Analyzer().analyze_all(ok)
    members = Story(story.id, tuple(a.id for a in ok))
    jobs = story_jobs([members], analyzed, articles, independence_keys(articles), 120)
    return brief_story(jobs[0])


# --------------------------------------------------------------------------- matching


_WORD = re.compile(r"\w+")


@cache
def content_words(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` that are not stop words."""
    stop = lang.part(None, "core").STOP_WORDS
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in stop)


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's content words that the other holds."""
    left, right = content_words(a), content_words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def _names(entity: Mapping[str, Any]) -> set[str]:
    return {_norm(n) for n in (entity.get("name"), *entity.get("aliases", ())) if n}


def _norm(name: str) -> str:
    return " ".join(_WORD.findall(name.lower()))


def same_speaker(shown: str | None, gold: str | None, story: GoldStory) -> bool:
    """True when ``shown`` names the gold speaker (no speaker agrees with no speaker)."""
    if not gold or not shown:
        return not gold and not shown
    names = {_norm(gold)}
    for person in story.data.get("entities", ()):
        if _norm(gold) in _names(person):
            names |= _names(person)
    if _norm(shown) in names:
        return True
    surname = _norm(shown).split()[-1:] if _norm(shown) else []
    owners = [p for p in story.people() if surname and surname[0] in _surnames(p)]
    return len(owners) == 1 and _norm(gold) in _names(owners[0])


def _surnames(person: Mapping[str, Any]) -> set[str]:
    return {name.split()[-1] for name in _names(person) if name}


def _shares(sources: Sequence[str], documents: Sequence[str]) -> bool:
    return bool(set(sources) & set(documents))


def _best(text: str, sources: Sequence[str], gold: Sequence[Mapping[str, Any]],
          threshold: float) -> int | None:
    """Index of the gold item (with ``text`` and ``documents``) ``text`` matches best."""
    scored = [
        (overlap(text, item["text"]), n)
        for n, item in enumerate(gold)
        if _shares(sources, item.get("documents", ()))
    ]
    score, index = max(scored, default=(0.0, None))
    return index if score >= threshold else None


# --------------------------------------------------------------------------- scores


@dataclass
class Tally:
    """Counts of one check: ``right`` of ``shown``; ``found`` of ``gold``."""

    right: int = 0
    shown: int = 0
    found: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.shown += other.shown
        self.found += other.found
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.right / self.shown if self.shown else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None


@dataclass
class StoryScores:
    """Every check of one story (or of several, added)."""

    quotes: Tally = field(default_factory=Tally)
    facts: Tally = field(default_factory=Tally)
    support: Tally = field(default_factory=Tally)
    timeline: Tally = field(default_factory=Tally)
    entities: Tally = field(default_factory=Tally)
    wrong_merges: int = 0
    citations: Tally = field(default_factory=Tally)
    conflicts: Tally = field(default_factory=Tally)
    updates: Tally = field(default_factory=Tally)
    quiet: Tally = field(default_factory=Tally)

    def add(self, other: StoryScores) -> None:
        for name in ("quotes", "facts", "support", "timeline", "entities", "citations",
                     "conflicts", "updates", "quiet"):
            getattr(self, name).add(getattr(other, name))
        self.wrong_merges += other.wrong_merges


def score_quotes(quotes: Sequence[Quote], story: GoldStory) -> Tally:
    gold = list(story.data.get("quotes", ()))
    tally, found = Tally(shown=len(quotes), gold=len(gold)), set()
    for quote in quotes:
        index = _best(quote.text, quote.sources, gold, QUOTE_MATCH)
        if index is None:
            continue
        found.add(index)
        speaker = quote.speaker if quote.speaker and quote.speaker != "unattributed" else None
        tally.right += same_speaker(speaker, gold[index].get("speaker"), story)
    tally.found = len(found)
    return tally


def score_facts(facts: Sequence[Fact], story: GoldStory) -> tuple[Tally, Tally]:
    """Usable facts (matched, once each) and exact support counts of the matched ones."""
    gold = list(story.data.get("facts", ()))
    usable, support, seen = Tally(shown=len(facts), gold=len(gold)), Tally(), set()
    for fact in facts:
        index = _best(fact.text, fact.sources, gold, FACT_MATCH)
        if index is None or index in seen:
            continue
        seen.add(index)
        usable.right += 1
        support.shown += 1
        support.right += fact.support == int(gold[index].get("newsrooms") or 0)
    usable.found = len(seen)
    return usable, support


def score_timeline(events: Sequence[TimelineEvent], story: GoldStory) -> Tally:
    gold = [dict(d, text=f"{d.get('what', '')} {d.get('expression', '')}")
            for d in story.data.get("dates", ())]
    tally, found = Tally(gold=len(gold)), set()
    for event in events:
        index = _timeline_match(event, gold)
        if index is None:
            continue
        tally.shown += 1
        found.add(index)
        tally.right += _same_date(event.date, gold[index])
    tally.found = len(found)
    return tally


def _timeline_match(event: TimelineEvent, gold: Sequence[Mapping[str, Any]]) -> int | None:
    for n, item in enumerate(gold):
        same_words = event.expression and _norm(event.expression) == _norm(
            item.get("expression") or "")
        if same_words and _shares(event.sources, item.get("documents", ())):
            return n
    return _best(event.text, event.sources, gold, TIMELINE_MATCH)


def _same_date(shown: str, gold: Mapping[str, Any]) -> bool:
    digits = {"year": 4, "month": 7}.get(str(gold.get("precision")), 10)
    return shown[:digits] == str(gold.get("date", ""))[:digits]


def score_entities(entities: Sequence[Entity], story: GoldStory) -> tuple[Tally, int]:
    """Entities that are gold names of the right type; wrong merges of two gold people."""
    gold = list(story.data.get("entities", ()))
    tally, found, merges = Tally(shown=len(entities), gold=len(gold)), set(), 0
    for entity in entities:
        names = {_norm(n) for n in (entity.name, *entity.aliases)}
        hits = [n for n, item in enumerate(gold) if names & _names(item)]
        found.update(hits)
        if any(gold[n].get("type") == entity.type for n in hits):
            tally.right += 1
        people = {n for n in hits if gold[n].get("type") == "PERSON"}
        merges += entity.type == "PERSON" and len(people) > 1
    tally.found = len(found)
    return tally, merges


def score_conflicts(conflicts: Sequence[Conflict], story: GoldStory) -> tuple[Tally, Tally, Tally]:
    """Real conflicts and gold ones found; updates labelled; a quiet story stays quiet."""
    gold = list(story.data.get("disagreements", ()))
    real, updates, found = Tally(shown=len(conflicts), gold=len(gold)), Tally(), set()
    for conflict in conflicts:
        index = next((n for n, d in enumerate(gold) if _holds_sides(conflict, d)), None)
        if index is None:
            continue
        real.right += 1
        found.add(index)
        if gold[index].get("kind") == "update":
            updates.shown += 1
            updates.right += conflict.kind == "update"
    real.found = len(found)
    quiet = Tally(shown=0 if gold else 1, right=0 if gold else int(not conflicts))
    return real, updates, quiet


def _holds_sides(conflict: Conflict, disagreement: Mapping[str, Any]) -> bool:
    sides = [content_words(str(side.get("value", ""))) for side in disagreement.get("sides", ())]
    texts = [content_words(f"{conflict.topic} {claim.text}") for claim in conflict.claims]
    held = {n for n, side in enumerate(sides) for text in texts if side and side <= text}
    return len(held) >= 2


def score_citations(briefing: Briefing, texts: Mapping[str, str]) -> Tally:
    """Summary sentences whose every cited document has a sentence saying it."""
    tally = Tally(shown=len(briefing.summary))
    for sentence in briefing.summary:
        tally.right += all(_states(texts.get(doc, ""), sentence.text) for doc in sentence.sources)
    return tally


def _states(document: str, sentence: str) -> bool:
    pieces = re.split(r"(?<=[.!?])\s+|\n+", document)
    return any(overlap(sentence, piece) >= CITATION_MATCH for piece in pieces if piece.strip())


def score_story(briefing: Briefing, story: GoldStory, texts: Mapping[str, str]) -> StoryScores:
    """Every check of one briefing against its gold story."""
    scores = StoryScores()
    scores.quotes = score_quotes(briefing.quotes, story)
    scores.facts, scores.support = score_facts(briefing.facts, story)
    scores.timeline = score_timeline(briefing.timeline, story)
    scores.entities, scores.wrong_merges = score_entities(briefing.entities, story)
    scores.citations = score_citations(briefing, texts)
    scores.conflicts, scores.updates, scores.quiet = score_conflicts(briefing.conflicts, story)
    return scores


# --------------------------------------------------------------------------- run


@dataclass
class BriefingReport:
    """Scores per split (``tune``, ``check``) and the stories scored."""

    splits: dict[str, StoryScores]
    stories: dict[str, int]


def run_briefing_eval(
    gold_folder: Path, shared: Path, *, splits: Sequence[str] = SPLITS, limit: int | None = None
) -> BriefingReport:
    """Brief every gold story of ``splits`` (the first ``limit`` of each) and score it."""
    stories = [story for story in read_gold(gold_folder) if story.split in splits]
    if limit is not None:
        stories = [s for split in splits for s in [t for t in stories if t.split == split][:limit]]
    records = source_records(shared, (doc for story in stories for doc in story.documents))
    texts = {key: record["text"] for key, record in records.items()}
    report = BriefingReport({split: StoryScores() for split in splits}, dict.fromkeys(splits, 0))
    for story in stories:
        briefing = brief_gold_story(story, records)
        report.splits[story.split].add(score_story(briefing, story, _cited_texts(briefing, texts)))
        report.stories[story.split] += 1
    return report


def _cited_texts(briefing: Briefing, texts: Mapping[str, str]) -> dict[str, str]:
    """The source text of each document id the briefing cites (ids are the gold ids)."""
    return {doc: texts.get(doc, "") for doc in briefing.documents}


_ROWS = (
    ("quotes: right speaker / shown", "quotes", "precision", 0.95),
    ("quotes: gold found", "quotes", "recall", 0.80),
    ("facts: usable / shown", "facts", "precision", 0.95),
    ("facts: support exact", "support", "precision", 0.90),
    ("timeline: dates right", "timeline", "precision", 0.95),
    ("entities: right name and type", "entities", "precision", 0.95),
    ("summary: citations hold", "citations", "precision", 0.98),
    ("conflicts: real / shown", "conflicts", "precision", 0.90),
    ("conflicts: gold found", "conflicts", "recall", 0.60),
    ("updates labelled", "updates", "precision", 0.90),
    ("quiet stories without conflicts", "quiet", "precision", 0.90),
)


def format_briefing_report(report: BriefingReport) -> str:
    """A plain-text table: one row per check, one column per split, with the target."""
    splits = list(report.splits)
    head = f"{'check':<36}" + "".join(f"{s + f' ({report.stories[s]})':>14}" for s in splits)
    rows = [head + f"{'target':>9}"]
    for label, name, kind, target in _ROWS:
        cells = "".join(_cell(getattr(report.splits[s], name), kind) for s in splits)
        rows.append(f"{label:<36}{cells}{target:>9.2f}")
    merges = "".join(f"{report.splits[s].wrong_merges:>14}" for s in splits)
    rows.append(f"{'entities: wrong merges of people':<36}{merges}{0:>9}")
    return "\n".join(rows)


def _cell(tally: Tally, kind: str) -> str:
    value = tally.precision if kind == "precision" else tally.recall
    count = f"{tally.right}/{tally.shown}" if kind == "precision" else f"{tally.found}/{tally.gold}"
    return f"{'-' if value is None else f'{value:.2f}'} {count:>7}".rjust(14)
