"""Helpers for the render tests: hand-built fixtures (tests/fixtures/render/) and an HTML tree."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from newsfuse.render.json import record_from_dict
from newsfuse.types import Article, Block, Briefing, Repair

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "render"

Loaded = tuple[list[Article], list[Briefing]]


def _article(data: dict[str, Any]) -> Article:
    fields = dict(data)
    fields["blocks"] = tuple(Block(kind, text) for kind, text in data.get("blocks", []))
    fields["repairs"] = tuple(Repair(**repair) for repair in data.get("repairs", []))
    return Article(**fields)


def load_fixture(name: str) -> Loaded:
    data = json.loads((FIXTURES / name).read_text("utf-8"))
    articles = [_article(item) for item in data["articles"]]
    return articles, [record_from_dict(Briefing, item) for item in data["briefings"]]


# --------------------------------------------------------------------------- reading HTML back

VOID_TAGS = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col"}


@dataclass
class Node:
    """An element of a parsed page: tag, attributes, children (nodes and text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [
            node
            for node in self.iter()
            if node.tag == tag and (cls is None or cls in node.attrs.get("class", "").split())
        ]

    def find(self, tag: str, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls}> in the page"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(markup: str) -> Node:
    """The element tree of ``markup`` (stdlib parser: sees what a browser's tokenizer sees)."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def squash(text: str) -> str:
    """``text`` with runs of whitespace made single spaces."""
    return " ".join(text.split())
