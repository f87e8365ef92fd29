"""A realistic city for measuring similar ideas and novelty: the paraphrase set's originals
and distractors among 10,000 generated civic ideas on the same topics
(:mod:`benchmarks.civic_ideas`), indexed with their meaning vectors.

Encoding 10,000 ideas takes one to ten minutes on two shared cores, so their vectors ship
with the tests (``tests/search/data/haystack_vectors.npz``, float16), each keyed by the
SHA-256 of the model's id and the text: a changed text or model simply misses and is encoded
(and kept under ``.pytest_cache/``). A sample is encoded live on every run and must agree.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import numpy as np
from django.utils import timezone

from benchmarks.civic_ideas import civic_ideas
from search import services
from search.encoder import get_encoder, to_bytes
from search.models import IndexedIdea
from tests.search.paraphrases import DISTRACTORS, PAIRS

HAYSTACK_SIZE = 10_000
# Vectors of the generated haystack, shipped with the tests (float16, keyed by model and
# text): ``python -m scripts.haystack_vectors`` writes it again after the generator changes.
SHIPPED = Path(__file__).resolve().parent / "data" / "haystack_vectors.npz"
# Vectors of texts the shipped file lacks, encoded once on this machine.
LOCAL = Path(__file__).resolve().parents[2] / ".pytest_cache" / "greenlight-vectors.npz"


def text_key(model_id: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\0{text}".encode()).hexdigest()[:32]


def _load(path: Path) -> dict[str, np.ndarray]:
    if not path.exists():
        return {}
    with np.load(path) as data:
        return dict(zip(data["keys"].tolist(), data["vectors"].astype(np.float32), strict=True))


def save_vectors(path: Path, vectors: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.stem + ".partial.npz")
    keys = sorted(vectors)
    np.savez_compressed(partial, keys=np.array(keys), vectors=np.stack([vectors[k] for k in keys]).astype(np.float16))
    partial.replace(path)


def cached_vectors(texts: list[str]) -> np.ndarray:
    """The encoder's vectors of ``texts``: from the shipped file, else from this machine's
    cache, else encoded now (in batches) and cached. A sample is always encoded live and
    must agree with what was stored."""
    encoder = get_encoder()
    keys = [text_key(encoder.model_id, text) for text in texts]
    known = _load(SHIPPED)
    local = _load(LOCAL)
    known.update(local)
    missing = sorted({i for i, key in enumerate(keys) if key not in known}, key=lambda i: keys[i])
    if missing:
        fresh = encoder.encode([texts[i] for i in missing])
        local.update({keys[i]: vector for i, vector in zip(missing, fresh, strict=True)})
        known.update({keys[i]: vector for i, vector in zip(missing, fresh, strict=True)})
        save_vectors(LOCAL, local)
    vectors = np.stack([known[key] for key in keys]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sample = random.Random(len(texts)).sample(range(len(texts)), min(8, len(texts)))
    live = encoder.encode([texts[i] for i in sample])
    assert np.allclose(live, vectors[sample], atol=3e-3), "the stored vectors are not this model's"
    return vectors


def haystack_texts(size: int = HAYSTACK_SIZE) -> list[tuple[str, str, str]]:
    """(title, summary, body) of the generated ideas, the distractors and the originals."""
    texts = [(t, s, b) for t, s, b, _tag in civic_ideas(size, seed=2026)]
    texts += [(t, s, f"<p>{s}</p>") for t, s in DISTRACTORS]
    texts += [(t, s, f"<p>{s}</p>") for t, s, _p in PAIRS]
    return texts


def build_haystack(*, challenge, author, size: int = HAYSTACK_SIZE) -> list[int]:
    """Index ``size`` generated ideas, the distractors and the originals (published last, in
    the order of ``PAIRS``). Returns the originals' ids."""
    from ideas.models import Idea

    now = timezone.now()
    texts = haystack_texts(size)
    ideas = [
        Idea(
            challenge=challenge,
            author=author,
            title=title,
            summary=summary,
            body=body,
            stage="published",
            published_at=now - timezone.timedelta(minutes=len(texts) - n),
        )
        for n, (title, summary, body) in enumerate(texts)
    ]
    created = Idea.objects.bulk_create(ideas, batch_size=1000)
    ids = [idea.pk for idea in created] if created[0].pk else list(
        Idea.objects.filter(challenge=challenge).order_by("published_at").values_list("pk", flat=True)
    )  # fmt: skip
    services.index_rebuild()
    rows = list(IndexedIdea.objects.order_by("pk").values_list("pk", "title", "summary"))
    gists = [services.gist(title, summary) for _pk, title, summary in rows]
    vectors = cached_vectors(gists)
    model = get_encoder().model_id
    stamp = timezone.now()
    IndexedIdea.objects.bulk_update(
        [
            IndexedIdea(pk=pk, vector=to_bytes(vector), vector_key=services.vector_key(model, text), indexed_at=stamp)
            for (pk, _t, _s), text, vector in zip(rows, gists, vectors, strict=True)
        ],
        ["vector", "vector_key", "indexed_at"],
        batch_size=1000,
    )
    return ids[-len(PAIRS) :]
