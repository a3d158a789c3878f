"""A learned scorer over a page's text blocks: which DOM blocks are the article body.

::

    HTML --lxml--> candidate blocks (each run of text owned by one block-level element)
         --features--> (shape of its text, link density, tag, tag path, class/id tokens,
                        position, neighbours, overlap with trafilatura's body)
         --logistic model (blocks_model.json)--> kept blocks, in page order

trafilatura's body (``html_body.extract_blocks``) is one of the features: the model learns when
to trust it and what to add or remove around it. The model is trained by
``tools/train_blocks.py`` from the gold pages of ``../shared/eval``; when no model file is
present, or ``use_model(None)`` is in force, the body is trafilatura's alone.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from newsfuse.extract.html_body import count_words, extract_blocks
from newsfuse.types import Block

MODEL_PATH = Path(__file__).with_name("blocks_model.json")

_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "head", "select", "button", "input", "textarea",
)  # fmt: skip
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd label mark q s samp small "
    "span strike strong sub sup time tt u var wbr br img picture source".split()
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TAG_KINDS = ("p", "li", "div", "td", "th", "blockquote", "pre", "figcaption", "dd", "section")
_PATH_TAGS = (
    "article", "main", "header", "footer", "nav", "aside", "form", "ul", "ol", "table",
    "figure", "blockquote", "a", "section",
)  # fmt: skip
_TOKEN = re.compile(r"\w+")
_CLASS_TOKEN = re.compile(r"[a-z]{3,20}")
_ANCESTOR_DEPTH = 6
_WORD_BINS = (1, 3, 7, 15, 31, 63)
_FRACTION_BINS = (0.0, 0.2, 0.5, 0.8, 0.95)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One block of page text with its features (name -> value)."""

    kind: str  # "heading" or "paragraph"
    text: str
    features: dict[str, float]


Node = tuple[str, float, int, int, float]
"""A tree node: (feature name, threshold, left child, right child, value); a leaf has the
feature name "" and its value; a block goes left when its feature is <= the threshold."""


def _tree_value(tree: tuple[Node, ...], features: dict[str, float]) -> float:
    node = tree[0]
    while node[0]:
        name, threshold, left, right, _ = node
        node = tree[left] if features.get(name, 0.0) <= threshold else tree[right]
    return node[4]


@dataclass(frozen=True)
class BlockModel:
    """A block's log-odds of being body: bias + linear weights + boosted trees, and the
    probability from which a block is kept."""

    weights: dict[str, float]
    bias: float
    threshold: float  # for blocks in trafilatura's body
    trees: tuple[tuple[Node, ...], ...] = ()
    threshold_add: float = 0.5  # for blocks outside it
    enabled: bool = True  # False: shipped for evaluation, not used by the extractor

    def keeps(self, features: dict[str, float]) -> bool:
        limit = self.threshold if features.get("traf", 0.0) >= 0.5 else self.threshold_add
        return self.probability(features) >= limit

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features.items())
        z += sum(_tree_value(tree, features) for tree in self.trees)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def with_thresholds(self, threshold: float, threshold_add: float) -> BlockModel:
        return BlockModel(
            self.weights, self.bias, threshold, self.trees, threshold_add, self.enabled
        )

    def to_json(self) -> str:
        weights = {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-5}
        trees = [
            [
                [name, t, left, right, round(value, 6) if not name else 0]
                for name, t, left, right, value in tree
            ]
            for tree in self.trees
        ]
        payload = {
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "threshold_add": self.threshold_add,
            "enabled": self.enabled,
            "weights": weights,
            "trees": trees,
        }
        return json.dumps(payload, separators=(",", ":"), sort_keys=True)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> BlockModel | None:
    """The shipped model, or None when there is no model file."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    trees = tuple(
        tuple((str(n), float(t), int(a), int(b), float(v)) for n, t, a, b, v in tree)
        for tree in data.get("trees", [])
    )
    return BlockModel(
        dict(data["weights"]),
        float(data["bias"]),
        float(data["threshold"]),
        trees,
        float(data.get("threshold_add", data["threshold"])),
        bool(data.get("enabled", True)),
    )


_OVERRIDE: ContextVar[tuple[BlockModel | None] | None] = ContextVar("block_model", default=None)


@contextmanager
def use_model(model: BlockModel | None) -> Iterator[None]:
    """Use ``model`` (None: trafilatura's body alone) instead of the shipped one, e.g. a model
    trained on the other folds of an evaluation."""
    token = _OVERRIDE.set((model,))
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


def _active_model() -> BlockModel | None:
    """The model ``use_model`` set, else the shipped one when it is enabled (the folds
    decide: ``tools/train_blocks.py --enable``)."""
    override = _OVERRIDE.get()
    if override is not None:
        return override[0]
    shipped = load_model()
    return shipped if shipped is not None and shipped.enabled else None


# --------------------------------------------------------------------------- text overlap


@dataclass(frozen=True)
class Reference:
    """A text to compare blocks with: its word trigrams and its lowercased token string."""

    trigrams: frozenset[tuple[str, ...]]
    joined: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def reference(text: str) -> Reference:
    words = tokens(text)
    grams = frozenset(tuple(words[i : i + 3]) for i in range(max(0, len(words) - 2)))
    return Reference(grams, " " + " ".join(words) + " ")


def overlap(words: list[str], ref: Reference) -> float:
    """The share of a block's word trigrams found in ``ref`` (short blocks: 1.0 when the
    block's words occur there as a run, else 0.0)."""
    if len(words) < 3:
        return 1.0 if words and f" {' '.join(words)} " in ref.joined else 0.0
    grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    return sum(gram in ref.trigrams for gram in grams) / len(grams)


# --------------------------------------------------------------------------- candidates


@dataclass
class _Raw:
    element: etree._Element
    text: str
    link_chars: int


def _is_block(element: etree._Element) -> bool:
    if element.tag not in _INLINE:
        return True
    return any(isinstance(d.tag, str) and d.tag not in _INLINE for d in element.iterdescendants())


def _collect(element: etree._Element, out: list[_Raw]) -> None:
    """Append the runs of text ``element`` owns (text outside its block-level children)."""
    parts: list[str] = [element.text or ""]
    links = 0

    def flush() -> None:
        nonlocal links
        text = " ".join("".join(parts).split())
        if text:
            out.append(_Raw(element, text, links))
        parts.clear()
        links = 0

    for child in element:
        if isinstance(child.tag, str) and _is_block(child):
            flush()
            _collect(child, out)
        elif isinstance(child.tag, str):
            inner = " " if child.tag == "br" else child.text_content()
            parts.append(inner)
            if child.tag == "a":
                links += len(inner.strip())
            else:
                links += sum(len(a.text_content()) for a in child.iter("a"))
        parts.append(child.tail or "")
    flush()


def _bin(name: str, value: float, edges: tuple[float, ...]) -> str:
    index = sum(value > edge for edge in edges)
    return f"{name}{index}"


def _class_tokens(element: etree._Element) -> set[str]:
    label = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(_CLASS_TOKEN.findall(label))


def _path_features(element: etree._Element, features: dict[str, float]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    kind = "h" if tag in _HEADINGS else tag if tag in _TAG_KINDS else "other"
    features[f"tag={kind}"] = 1.0
    for token in _class_tokens(element):
        features[f"c0={token}"] = 1.0
    depth = 0
    for ancestor in element.iterancestors():
        depth += 1
        if ancestor.tag in _PATH_TAGS:
            features[f"in={ancestor.tag}"] = 1.0
        if depth <= _ANCESTOR_DEPTH:
            for token in _class_tokens(ancestor):
                features[f"c={token}"] = 1.0
    features["depth"] = min(depth, 40) / 40


def _text_features(
    text: str, words: list[str], link_chars: int, features: dict[str, float]
) -> None:
    n = len(words)
    chars = max(1, len(text))
    link = min(1.0, link_chars / chars)
    features["logwords"] = math.log1p(n)
    features[_bin("w", n, _WORD_BINS)] = 1.0
    features["link"] = link
    features[_bin("link", link, _FRACTION_BINS)] = 1.0
    features["stops"] = min(5.0, text.count(".") + text.count("!") + text.count("?")) / 5
    features["commas"] = min(1.0, text.count(",") / max(1, n) * 5)
    features["ends_sentence"] = float(text.rstrip("\"'”’)»").endswith((".", "!", "?", ":")))
    features["digits"] = sum(ch.isdigit() for ch in text) / chars
    features["upper_start"] = float(text[:1].isupper())
    features["pipes"] = float("|" in text or "»" in text or "›" in text)
    features["capitalised"] = sum(w[:1].isupper() for w in text.split()) / max(1, len(text.split()))


def _candidates(tree: etree._Element) -> list[_Raw]:
    etree.strip_elements(tree, *_DROP_TAGS, with_tail=False)
    etree.strip_elements(tree, etree.Comment, with_tail=False)
    body = tree.find(".//body")
    raws: list[_Raw] = []
    _collect(body if body is not None else tree, raws)
    return raws


def _neighbour_features(rows: list[dict[str, float]]) -> None:
    keys = ("traf", "link", "logwords")
    base = [{k: row.get(k, 0.0) for k in keys} for row in rows]
    for i, row in enumerate(rows):
        for k in keys:
            row[f"prev_{k}"] = base[i - 1][k] if i > 0 else 0.0
            row[f"next_{k}"] = base[i + 1][k] if i + 1 < len(rows) else 0.0
        near = [base[j]["traf"] for j in range(max(0, i - 3), min(len(rows), i + 4)) if j != i]
        row["near_traf"] = sum(near) / len(near) if near else 0.0


def _position_features(rows: list[dict[str, float]]) -> None:
    inside = [i for i, row in enumerate(rows) if row["traf"] >= 0.5]
    first, last = (inside[0], inside[-1]) if inside else (len(rows), -1)
    total = max(1, len(rows))
    for i, row in enumerate(rows):
        row["position"] = i / total
        row["before_traf"] = float(i < first)
        row["after_traf"] = float(i > last)
        row["within_traf"] = float(first <= i <= last)


def page_candidates(html: str, traf_text: str) -> list[Candidate]:
    """The page's text blocks in page order with their features; ``traf_text`` is
    trafilatura's body, whose overlap with each block is a feature."""
    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    ref = reference(traf_text)
    seen: set[str] = set()
    candidates: list[tuple[_Raw, list[str]]] = []
    rows: list[dict[str, float]] = []
    for raw in _candidates(tree):
        words = tokens(raw.text)
        if not words:
            continue
        features: dict[str, float] = {}
        _text_features(raw.text, words, raw.link_chars, features)
        _path_features(raw.element, features)
        traf = overlap(words, ref)
        features["traf"] = traf
        traf_bin = _bin("traf", traf, _FRACTION_BINS)
        features[traf_bin] = 1.0
        features[f"{traf_bin}&{_bin('w', len(words), _WORD_BINS)}"] = 1.0
        key = " ".join(words)
        features["repeated"] = float(key in seen)
        seen.add(key)
        candidates.append((raw, words))
        rows.append(features)
    _neighbour_features(rows)
    _position_features(rows)
    return [
        Candidate("heading" if raw.element.tag in _HEADINGS else "paragraph", raw.text, row)
        for (raw, _), row in zip(candidates, rows, strict=True)
    ]


def _as_text(blocks: list[Block]) -> str:
    return "\n".join(block.text for block in blocks)


def choose_blocks(
    candidates: list[Candidate], traf_blocks: list[Block], model: BlockModel | None
) -> list[Block]:
    """The blocks the model keeps, or trafilatura's when there is no model or it keeps none."""
    if model is None or not candidates:
        return traf_blocks
    kept = [
        Block("heading" if c.kind == "heading" else "paragraph", c.text)
        for c in candidates
        if model.keeps(c.features)
    ]
    return kept or traf_blocks


_RECORDER: ContextVar[list[tuple[list[Block], list[Candidate]]] | None] = ContextVar(
    "block_recorder", default=None
)


@contextmanager
def recording() -> Iterator[list[tuple[list[Block], list[Candidate]]]]:
    """Collect trafilatura's blocks and the candidates of every page read meanwhile (for
    training and evaluation), whichever model is in force."""
    record: list[tuple[list[Block], list[Candidate]]] = []
    token = _RECORDER.set(record)
    try:
        yield record
    finally:
        _RECORDER.reset(token)


def select_blocks(html: str, url: str | None, *, min_words: int) -> list[Block]:
    """The body's Blocks: trafilatura's candidate (``extract_blocks``), then the learned
    scorer's choice among the page's blocks with that candidate as a feature."""
    traf_blocks = extract_blocks(html, url, min_words=min_words)
    model = _active_model()
    record = _RECORDER.get()
    if model is None and record is None:
        return traf_blocks
    candidates = page_candidates(html, _as_text(traf_blocks))
    if record is not None:
        record.append((traf_blocks, candidates))
    chosen = choose_blocks(candidates, traf_blocks, model)
    if sum(count_words(block.text) for block in chosen) < min_words:
        return traf_blocks
    return chosen
