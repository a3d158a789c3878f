"""Choosing a page's title, author and date among its candidates with a calibrated ranking.

Each candidate of ``meta_candidates`` becomes a few features: its signal (JSON-LD, a meta
tag, ``<h1>``, ``<time>``, a byline element, the URL ...), its position among that signal's
values, its shape (words, a person's name, a "By" line, a list of names, a modification date)
and how many other signals agree with its value. A logistic model per field scores each
candidate; the best one is taken when its score reaches the field's threshold, else the field
stays unknown. Authors that are accounts ("admin"), sites or agencies never reach the model.

The weights and thresholds ship in ``meta_model.json``, fitted on the WCXB gold pages by
``tools/train_meta.py`` (``PYTHONPATH=src python tools/train_meta.py`` retrains and reports
out-of-fold accuracy by site).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newsfuse import lang
from newsfuse.extract.meta import clean_author, is_person_name, split_site_name
from newsfuse.extract.meta_candidates import VISIBLE, Candidate

MODEL_PATH = Path(__file__).with_name("meta_model.json")
FIELDS = ("title", "author", "date")
_WORD = re.compile(r"\w+")
_NOT_PEOPLE = frozenset(lang.entries("bylines", "NOT_PEOPLE"))
_ACCOUNT_MARKS = lang.entries("bylines", "ACCOUNT_MARKS")
_BY_PREFIX = re.compile(
    r"^" + lang.alternatives("bylines", "AUTHOR_PREFIXES", words=True) + r"\b", re.IGNORECASE
)
_LIST_JOINERS = re.compile(
    r",|&|\s(?:" + lang.alternatives("bylines", "NAME_JOINERS", words=True) + r")\s",
    re.IGNORECASE,
)
_TITLE_PARTS = re.compile(r"\s+(?:[|–—-]|::)\s+")
_MODIFIED = re.compile(r"modif|updat", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen value of one field, its signal and its score (None when nothing passed)."""

    value: str | None = None
    signal: str | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate, its field value as it would be output, and its features."""

    candidate: Candidate
    value: str
    features: dict[str, float]


def key(text: str | None) -> str:
    """Lower-case words of a text, space-joined."""
    return " ".join(_WORD.findall((text or "").lower()))


# --------------------------------------------------------------------------- values


def person_author(value: str | None, outlet: str | None, host: str) -> str | None:
    """A byline or meta value as a person's (or desk's) name; None for accounts ("admin"),
    the site's own name, agencies, dates, links."""
    if not value:
        return None
    name = clean_author(" ".join(value.split()).strip(" ,;|-–—:"))
    if not name or is_account(name) or name.lower() in _NOT_PEOPLE:
        return None
    return None if is_site_name(name, outlet, host) else name


def is_account(name: str) -> bool:
    """True for a site account's name ("admin", "q_admin")."""
    return any(mark in name.lower() for mark in _ACCOUNT_MARKS)


def is_site_name(name: str, outlet: str | None, host: str) -> bool:
    """True for the site's own name: the outlet's name (``og:site_name``) letter for letter,
    or a name that is not a person's whose letters are in the host (``CottageCare`` on
    cottagecare.com; ``Gary Marcus`` on garymarcus.substack.com stays a person)."""
    squeezed = key(name).replace(" ", "")
    if not squeezed:
        return False
    if outlet and squeezed == key(outlet).replace(" ", ""):
        return True
    return squeezed in key(host).replace(" ", "") and not is_person_name(name)


def _value(candidate: Candidate, outlet: str | None, host: str) -> str | None:
    if candidate.field == "author":
        return person_author(candidate.value, outlet, host)
    if candidate.field == "title":
        return candidate.value if len(candidate.value) < 400 else None
    return candidate.value


def _variants(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates and, for a declared title with a site part, that title without it
    (``/cut``) and its first part alone (``/first``: ``"Headline – tagline | Site"``)."""
    out = list(candidates)
    for c in candidates:
        if c.field == "title" and not c.signal.startswith("h1"):
            head, site = split_site_name(c.value)
            if site and head:
                out.append(Candidate("title", head, c.signal + "/cut", c.rank, c.count))
            parts = _TITLE_PARTS.split(c.value)
            if len(parts) > 2 or (len(parts) == 2 and not site):
                if len(parts[0].split()) >= 2:
                    out.append(
                        Candidate("title", parts[0].strip(), c.signal + "/first", c.rank, c.count)
                    )
    return out


# --------------------------------------------------------------------------- features


def _same(field: str, a: str, b: str) -> bool:
    if field == "date":
        return a == b
    if field == "title":
        ka, kb = set(key(a).split()), set(key(b).split())
        return bool(ka) and bool(kb) and len(ka & kb) >= 0.8 * max(len(ka), len(kb))
    ka, kb = set(key(a).split()), set(key(b).split())
    return bool(ka & kb) and len(ka & kb) >= 0.5 * min(len(ka), len(kb))


def _family(signal: str) -> str:
    """The signal without its position detail: ``meta:og:title/cut`` -> ``meta:og:title``."""
    return signal.split("/")[0]


def _shape(field: str, c: Candidate, value: str, outlet: str | None) -> dict[str, float]:
    words = len(value.split())
    f: dict[str, float] = {}
    if field == "title":
        f["words<4"] = float(words < 4)
        f["words>18"] = float(words > 18)
        f["cut"] = float(c.signal.endswith("/cut"))
        f["first"] = float(c.signal.endswith("/first"))
        f["has_site"] = float(split_site_name(value)[1] is not None)
        f["names_outlet"] = float(bool(outlet) and key(outlet) in key(value))
    elif field == "author":
        f["by_prefix"] = float(bool(_BY_PREFIX.match(c.value)))
        f["person"] = float(is_person_name(value))
        f["one_word"] = float(words == 1)
        f["words>4"] = float(words > 4)
        f["list"] = float(bool(_LIST_JOINERS.search(value)))
        f["lower"] = float(value == value.lower())
    else:
        f["modified"] = float(bool(_MODIFIED.search(c.signal)))
    return f


def _features(field: str, scored: list[tuple[Candidate, str]], outlet: str | None,
              signals: set[str]) -> list[dict[str, float]]:
    families = {_family(c.signal) for c, _ in scored}
    dates = sorted({v for _, v in scored}) if field == "date" else []
    rows: list[dict[str, float]] = []
    first_person: dict[str, Candidate] = {}
    for c, value in scored:
        if field == "author" and is_person_name(value):
            first_person.setdefault(_family(c.signal), c)
    for c, value in scored:
        agree = {
            _family(o.signal) for o, v in scored
            if o.signal != c.signal and _same(field, value, v)
        }
        signal = _family(c.signal) if _family(c.signal) in signals else "other"
        f = {f"signal={signal}": 1.0, "rank0": float(c.rank == 0), "rank": min(c.rank, 4) / 4}
        f["agree"] = math.log1p(len(agree))
        f["agree_visible"] = float(any(a.startswith(VISIBLE) for a in agree))
        f["visible"] = float(c.signal.startswith(VISIBLE))
        f["agree_share"] = len(agree) / max(1, len(families) - 1)
        if field == "date" and len(dates) > 1:
            f["latest"] = float(value == dates[-1])
            f["earliest"] = float(value == dates[0])
        f["repeated"] = float(c.count > 1)
        if field == "author":
            f["first_person"] = float(first_person.get(_family(c.signal)) is c)
        f.update(_shape(field, c, value, outlet))
        rows.append(f)
    return rows


def featurise(candidates: Sequence[Candidate], outlet: str | None, host: str,
              signals: dict[str, set[str]]) -> dict[str, list[Scored]]:
    """Each field's candidates with their output value and features (``signals``: the signal
    names each field's model knows; others count as ``other``)."""
    out: dict[str, list[Scored]] = {}
    for field in FIELDS:
        pairs = [
            (c, value) for c in _variants(candidates)
            if c.field == field and (value := _value(c, outlet, host))
        ]
        rows = _features(field, pairs, outlet, signals.get(field, set()))
        out[field] = [Scored(c, v, f) for (c, v), f in zip(pairs, rows, strict=True)]
    return out


# --------------------------------------------------------------------------- the model


Node = tuple[str, float, int, int, float]
"""A tree node: (feature, threshold, left child, right child, value); a leaf has feature ""."""


def _tree_value(tree: Sequence[Node], features: dict[str, float]) -> float:
    node = tree[0]
    while node[0]:
        node = tree[node[2]] if features.get(node[0], 0.0) <= node[1] else tree[node[3]]
    return node[4]


@dataclass(frozen=True, slots=True)
class FieldModel:
    """One field's scorer: a logistic model (``weights``, ``bias``) or, with ``trees``,
    boosted trees over the same features (``bias`` their baseline); and its threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    trees: tuple[tuple[Node, ...], ...] = ()

    def score(self, features: dict[str, float]) -> float:
        if self.trees:
            z = self.bias + sum(_tree_value(tree, features) for tree in self.trees)
        else:
            z = self.bias + sum(self.weights.get(name, 0.0) * x for name, x in features.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


MetaModel = dict[str, FieldModel]


def model_signals(model: MetaModel) -> dict[str, set[str]]:
    return {
        field: {name.split("=", 1)[1] for name in m.weights if name.startswith("signal=")}
        for field, m in model.items()
    }


def model_to_json(model: MetaModel) -> dict[str, Any]:
    return {
        field: {"weights": dict(sorted(m.weights.items())), "bias": m.bias,
                "threshold": m.threshold, "trees": [list(map(list, t)) for t in m.trees]}
        for field, m in model.items()
    }


def model_from_json(data: dict[str, Any]) -> MetaModel:
    return {
        field: FieldModel(
            {k: float(v) for k, v in d["weights"].items()}, float(d["bias"]), float(d["threshold"]),
            tuple(tuple((str(n[0]), float(n[1]), int(n[2]), int(n[3]), float(n[4])) for n in t)
                  for t in d.get("trees", ())),
        )
        for field, d in data.items()
    }


@cache
def load_model() -> MetaModel:
    """The shipped model (fitted by ``tools/train_meta.py``)."""
    return model_from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def choose(candidates: Sequence[Candidate], *, outlet: str | None, host: str,
           model: MetaModel | None = None) -> dict[str, Choice]:
    """The best candidate of each field whose score reaches the field's threshold."""
    model = model if model is not None else load_model()
    scored = featurise(candidates, outlet, host, model_signals(model))
    chosen: dict[str, Choice] = {}
    for field in FIELDS:
        m = model.get(field)
        best = max(
            ((m.score(s.features), s) for s in scored[field]) if m else (),
            key=lambda pair: pair[0], default=None,
        )
        if m and best and best[0] >= m.threshold:
            chosen[field] = Choice(best[1].value, _family(best[1].candidate.signal), best[0])
        else:
            chosen[field] = Choice()
    return chosen
