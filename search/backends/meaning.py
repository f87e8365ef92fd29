"""Similar ideas by meaning first, with exact words still counting — shared by the backends.

The score of an idea for a text is, on a 0–1 scale:

    score = MEANING_WEIGHT × max(0, cosine of their meaning vectors)
          + WORDS_WEIGHT × word similarity (term overlap and trigrams of title and summary)

Meaning finds "cycle lanes with a barrier" for "protected bike lanes"; words lift the idea
that names the same street or programme among several that mean the same. Candidates are the
ideas nearest in meaning (exact cosine over every idea, :mod:`search.vectors`), then only
those that are public right now are scored.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import numpy as np

from ..encoder import EncoderUnavailable, get_encoder
from ..text import similarity
from ..vectors import table
from .base import SIMILAR_FIELDS

logger = logging.getLogger(__name__)

MEANING_WEIGHT = 0.8
WORDS_WEIGHT = 0.2
CANDIDATES = 40


def hybrid_score(cosine: float, words: float) -> float:
    return round(min(1.0, MEANING_WEIGHT * max(0.0, cosine) + WORDS_WEIGHT * words), 4)


@lru_cache(maxsize=512)
def _query_vector(text: str) -> bytes:
    return get_encoder().encode_one(text).tobytes()


def query_vector(text: str) -> np.ndarray:
    """The meaning vector of what someone typed (recent texts are remembered)."""
    return np.frombuffer(_query_vector(text), dtype=np.float32)


def available() -> bool:
    try:
        get_encoder()
    except EncoderUnavailable:
        logger.exception("The sentence encoder cannot be loaded; similar ideas fall back to words.")
        return False
    return True


def rescore(rows: list[dict], text: str, cosines: dict[int, float]) -> list[tuple[dict, float]]:
    """(row, hybrid score) best first, for rows carrying title and summary."""
    scored = [
        (row, hybrid_score(cosines[row["idea_id"]], similarity(f"{row['title']} {row['summary']}", text)))
        for row in rows
        if row["idea_id"] in cosines
    ]
    scored.sort(key=lambda pair: (-pair[1], -pair[0]["idea_id"]))
    return scored


def similar(
    qs, text: str, *, k: int, vector=None, exclude_ids=(), challenge_id=None, vectors=None
) -> list[tuple[dict, float]]:
    """The ``k`` rows of ``qs`` (public entries) most like ``text`` (or ``vector``)."""
    vectors = vectors if vectors is not None else table()
    query = vector if vector is not None else query_vector(text)
    exclude = {int(pk) for pk in exclude_ids}
    wanted = max(CANDIDATES, 4 * k)
    while True:
        nearest = vectors.nearest(query, count=wanted + len(exclude), exclude_ids=exclude, challenge_id=challenge_id)
        cosines = dict(nearest)
        rows = list(qs.filter(pk__in=list(cosines)).values(*SIMILAR_FIELDS))
        if len(rows) < len(cosines):
            gone = set(cosines) - set(qs.model.objects.filter(pk__in=list(cosines)).values_list("pk", flat=True))
            vectors.discard(gone)
        # Rarely, many of the nearest are no longer public: look further.
        if len(rows) >= min(k, len(nearest)) or len(nearest) < wanted or wanted >= len(vectors):
            return rescore(rows, text, cosines)[:k]
        wanted *= 4
