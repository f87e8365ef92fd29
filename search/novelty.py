"""Novelty: how different an idea is in meaning from everything the city had before it.

``novelty = 1 - greatest similarity`` to every earlier public idea and every earlier pilot,
where similarity is the cosine of the ideas' meaning vectors (:mod:`search.encoder`),
clamped to 0–1. A paraphrase of an earlier idea scores low even when it shares no word with
it; an idea on a topic nobody raised scores high even when it shares words ("street",
"park") with hundreds. Ideas at or above ``NOVELTY_THRESHOLD`` carry the "New thinking"
badge; README.md says how the threshold was calibrated.

Scores are computed in blocks of matrix products (:class:`search.vectors.VectorTable`), so
rescoring 100,000 ideas takes minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import numpy as np
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .encoder import get_encoder

EXPLANATION = _(
    "Novelty compares the meaning of this idea with every idea and pilot the city had before it. "
    "100% means nothing like it existed; 0% means it repeats an earlier one."
)
DEFAULT_THRESHOLD = 0.44

# Other sources of earlier thinking (pilots...): callables returning (published_at, text)
# pairs, registered by ``search.integrations``.
earlier_sources: list[Callable[[], list[tuple[datetime, str]]]] = []
_encoded: dict[str, np.ndarray] = {}


def threshold() -> float:
    return float(settings.GREENLIGHT_SEARCH.get("NOVELTY_THRESHOLD", DEFAULT_THRESHOLD))


def is_new_thinking(novelty: float | None) -> bool:
    return novelty is not None and novelty >= threshold()


def from_similarity(similarity: np.ndarray) -> np.ndarray:
    """Novelty 0–1 from greatest cosine similarities (-1 when nothing came before)."""
    return np.round(1.0 - np.clip(similarity, 0.0, 1.0), 4)


def earlier_vectors() -> tuple[np.ndarray, np.ndarray]:
    """(publication timestamps, unit vectors) of the other earlier things (pilots)."""
    items = [item for source in earlier_sources for item in source()]
    missing = [text for _when, text in items if text not in _encoded]
    if missing:
        _encoded.update(zip(missing, get_encoder().encode(missing), strict=True))
    if not items:
        return np.zeros(0), np.zeros((0, get_encoder().dimension), dtype=np.float32)
    return (
        np.array([when.timestamp() for when, _text in items], dtype=np.float64),
        np.stack([_encoded[text] for _when, text in items]),
    )


def greatest_other(vectors: np.ndarray, published: np.ndarray) -> np.ndarray:
    """Each vector's greatest cosine to a pilot (or other source) published before it."""
    when, others = earlier_vectors()
    if not len(when) or not len(vectors):
        return np.full(len(vectors), -1.0, dtype=np.float32)
    sims = np.where(when[None, :] < published[:, None], vectors @ others.T, -np.inf)
    best = sims.max(axis=1)
    return np.where(np.isfinite(best), best, -1.0)
