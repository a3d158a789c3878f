"""Invented news documents, generated from templates: several outlets' reports of each event.

Each event has its own invented place, officials and numbers, so reports of one event share
names and facts and reports of different events do not. Used by the store tests and by
``benchmarks/bench_ingest.py``.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

_SYLLABLES = ("kal", "mor", "ven", "dra", "sil", "tor", "bra", "nel", "quo", "ras", "vik",
              "lun", "pe", "zor", "ha", "mi", "ost", "gra", "del", "fen", "ul", "ka", "ri", "bo")
_FIRST = ("Anna", "Tomas", "Lidia", "Oskar", "Mara", "Pavel", "Ines", "Jonas", "Greta", "Milan",
          "Sofia", "Viktor", "Elena", "Rafael", "Nadia", "Hugo")
_OUTLETS = ("Northern Ledger", "Coastal Courier", "Valley Times", "Metro Wire", "Daily Lantern",
            "Harbour Post", "Evening Signal", "Frontier Gazette")

_KINDS = {
    "flood": (
        "Floods hit {place} after days of rain",
        [
            "Floodwater swept through {place} on {day}, forcing {n} residents from their homes.",
            "The river {river} burst its banks after {rain} millimetres of rain fell in two days.",
            "Mayor {official} said emergency shelters had been opened in {n2} schools.",
            "Rescue crews used boats to reach families stranded on rooftops in the old town.",
            "{official} told reporters that the water level was still rising late on {day}.",
            "Forecasters warned that more rain was expected over the {river} valley this week.",
            "Farmers near {place} said their fields and livestock had been lost to the water.",
        ],
    ),
    "fire": (
        "Fire destroys {place} textile factory",
        [
            "A fire tore through a textile factory in {place} on {day}, injuring {n} workers.",
            "Firefighters from {n2} stations fought the blaze for most of the night.",
            "Fire chief {official} said the flames started in a storage hall full of cotton.",
            "Thick black smoke could be seen across {place} and the nearby {river} district.",
            "{official} said an investigation into the cause of the fire would begin at once.",
            "The factory employed about {rain} people, according to the regional labour office.",
            "Neighbours were told to keep windows closed while the smoke cleared over {place}.",
        ],
    ),
    "strike": (
        "Dock workers strike at {place} port",
        [
            "Dock workers at the port of {place} walked out on {day} in a dispute over pay.",
            "The union said {n} members had joined the strike and {n2} ships were left waiting.",
            "Union leader {official} demanded a pay rise of {rain} percent over two years.",
            "Port managers said cargo handling at the {river} terminal had come to a halt.",
            "{official} said the strike would continue until the port authority made an offer.",
            "Exporters warned that perishable goods were spoiling on the quays of {place}.",
            "Talks between the union and the port authority are due to resume next week.",
        ],
    ),
    "quake": (
        "Earthquake shakes {place} region",
        [
            "An earthquake of magnitude {mag} shook {place} on {day}, damaging {n} buildings.",
            "The seismology institute said the quake struck at a depth of {n2} kilometres.",
            "Governor {official} said teams were checking bridges over the {river} for cracks.",
            "Residents of {place} ran into the streets as the ground shook for several seconds.",
            "{official} said there were no reports of deaths but {rain} people were treated.",
            "Aftershocks were felt through the night across the {river} basin.",
            "Schools in {place} were closed so that engineers could inspect their walls.",
        ],
    ),
}

_FILLERS = (
    "{person}, who runs a bakery near the {river}, said the town had never seen anything like it.",
    "Speaking to {outlet}, {person} described the scene as frightening and chaotic.",
    "A spokesperson for the regional council, {person}, promised an update by {weekday}.",
    "Volunteers led by {person} handed out blankets, water and hot meals to families.",
    "Photographs shared online showed damaged cars and debris in a street near the station.",
    "{person}, a teacher at a local school, said pupils had been sent home early.",
    "Officials said {count} specialists were sent from the capital to help local teams.",
    "The national weather office and the interior ministry both issued statements on {weekday}.",
    "Insurance companies said it was too early to estimate the cost of the damage.",
    "{person} of the chamber of commerce said shops in the centre would stay shut for days.",
)
_WEEKDAYS = ("Monday", "Wednesday", "Thursday", "Friday", "Saturday")


@dataclass(frozen=True)
class Event:
    """An invented event: its kind and the names and numbers its reports share."""

    number: int
    kind: str
    place: str
    river: str
    official: str
    date: str
    values: dict[str, str]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def make_event(number: int, seed: int = 7) -> Event:
    rng = random.Random(seed * 100_003 + number)
    kind = sorted(_KINDS)[number % len(_KINDS)]
    day = 1 + number % 27
    month = 1 + (number // 27) % 12
    values = {
        "n": str(rng.randint(12, 900)), "n2": str(rng.randint(3, 40)),
        "rain": str(rng.randint(20, 400)), "mag": f"{rng.randint(40, 69) / 10:.1f}",
        "day": "Tuesday",
    }
    official = f"{rng.choice(_FIRST)} {_name(rng, 3)}"
    return Event(number, kind, _name(rng, 3), _name(rng, 2), official,
                 f"2025-{month:02d}-{day:02d}", values)


def report(event: Event, copy: int, seed: int = 7) -> dict[str, str]:
    """One outlet's report of ``event`` as a JSONL record (``copy`` picks outlet and wording)."""
    rng = random.Random(seed * 7919 + event.number * 31 + copy)
    title, sentences = _KINDS[event.kind]
    fields = {"place": event.place, "river": event.river, "official": event.official,
              **event.values}
    outlet = _OUTLETS[(event.number + copy) % len(_OUTLETS)]
    chosen = [sentences[0]] + rng.sample(sentences[1:], 3)
    paragraphs = [s.format(**fields) for s in chosen]
    for filler in rng.sample(_FILLERS, 4):
        person = f"{rng.choice(_FIRST)} {_name(rng, 2)}"
        extra = {"person": person, "outlet": outlet, "weekday": rng.choice(_WEEKDAYS),
                 "count": str(rng.randint(5, 80)), "river": event.river}
        paragraphs.insert(rng.randint(2, len(paragraphs)), filler.format(**extra))
    paragraphs.append(f"This report was written by {outlet} staff in {event.place}.")
    text = "\n\n".join(" ".join(paragraphs[i : i + 2]) for i in range(0, len(paragraphs), 2))
    return {
        "id": f"e{event.number}-r{copy}",
        "title": title.format(**fields) + ("" if copy == 0 else f" ({outlet})"),
        "date": event.date,
        "outlet": outlet,
        "text": text,
    }


def write_jsonl(path: Path, events: int, per_event: int, *, seed: int = 7) -> int:
    """Write ``events`` x ``per_event`` reports to one JSONL file; the number written."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for number in range(events):
            event = make_event(number, seed)
            for copy in range(per_event):
                handle.write(json.dumps(report(event, copy, seed)) + "\n")
                count += 1
    return count


def write_text_files(folder: Path, events: int, per_event: int, *, seed: int = 7) -> int:
    """Write each report as its own plain-text file (headline, dateline, body)."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for number in range(events):
        event = make_event(number, seed)
        for copy in range(per_event):
            record = report(event, copy, seed)
            head = f"{record['title']}\n\n{record['outlet']}, {record['date']}"
            body = f"{head}\n\n{record['text']}\n"
            (folder / f"{record['id']}.txt").write_text(body, encoding="utf-8")
            count += 1
    return count
