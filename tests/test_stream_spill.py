"""The temporary spills and the streamed JSON writer (no models: fast)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.render.json import json_text, list_item, write_streamed
from newsfuse.spill import Spill, TextSpill
from newsfuse.types import AnalyzedArticle, Article, Block, Sentence


def _article(doc_id: str, text: str) -> Article:
    blocks = (Block("paragraph", text),)
    return Article(id=doc_id, source=f"{doc_id}.txt", status="ok", blocks=blocks)


def test_spill_round_trips_objects_by_key(tmp_path: Path) -> None:
    first = _article("a", "Der Fährhafen von Velmora bleibt geschlossen.")
    analysed = AnalyzedArticle(first, (Sentence("a", 0, 0, first.text),))
    with Spill(tmp_path) as spill:
        spill.put("a", first)
        spill["b"] = analysed
        spill.put("c", {"n": 3})
        assert spill.get("b") == analysed
        assert spill.get("a") == first
        assert spill["c"] == {"n": 3}
        spill.put("a", "replaced")  # a key written again reads back its last value
        assert spill.get("a") == "replaced"
        assert spill.get("b") == analysed  # and the others are untouched
        assert "b" in spill and "z" not in spill and len(spill) == 3
        with pytest.raises(KeyError):
            spill.get("z")


def test_spill_file_is_removed_on_close_and_on_error(tmp_path: Path) -> None:
    with Spill(tmp_path) as spill:
        spill.put("a", _article("a", "text"))
        assert spill.path.parent == tmp_path and spill.path.exists()
    assert not spill.path.exists()
    with pytest.raises(RuntimeError), Spill(tmp_path) as failing:
        failing.put("a", _article("a", "text"))
        raise RuntimeError("a stage failed")
    assert not failing.path.exists()
    with pytest.raises(RuntimeError), TextSpill(tmp_path) as pieces:
        pieces.write("x")
        raise RuntimeError("a stage failed")
    assert not pieces.path.exists()
    assert list(tmp_path.iterdir()) == []


def test_text_spill_reads_pieces_back_in_order_and_keeps_appending(tmp_path: Path) -> None:
    with TextSpill(tmp_path) as pieces:
        pieces.write("première\n")
        pieces.write("")
        pieces.write("日本語 ✓")
        assert list(pieces.pieces()) == ["première\n", "", "日本語 ✓"]
        pieces.write("after reading")
        assert list(pieces.pieces())[-1] == "after reading"
        assert pieces.count == 4


_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
_json_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(
    head=st.dictionaries(st.text(max_size=6), _json_values, max_size=3),
    lists=st.dictionaries(st.text(max_size=6), st.lists(_json_values, max_size=3), max_size=3),
)
def test_streamed_json_has_the_bytes_of_json_text(
    head: dict[str, Any], lists: dict[str, list[Any]]
) -> None:
    lists = {key: value for key, value in lists.items() if key not in head}
    out = io.StringIO()
    write_streamed(out, head, {key: (list_item(i) for i in items) for key, items in lists.items()})
    assert out.getvalue() == json_text({**head, **lists})
    assert json.loads(out.getvalue()) == {**head, **lists}
