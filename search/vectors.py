"""Ideas' meaning vectors in memory, searched exactly (cosine) with numpy.

Every process keeps one :class:`VectorTable`: the unit vectors of every indexed idea as one
float32 matrix, with their ids, challenges and publication order. A cosine similarity
against 100,000 ideas is one matrix-vector product (150 MB read, 10–30 ms on two cores), so
no vector database or database extension is needed, and PostgreSQL and SQLite behave the same.

The table stays right cheaply. One aggregate query answered from indexes (newest
``indexed_at``, smallest and greatest id) tells whether the index changed, and only rows
indexed since the last look are read again. That look is taken at most once every
``CHECK_SECONDS`` per process — at once after this process itself wrote to the index
(:func:`changed`) — so a busy site asks the database once a second, not once a request.
Removed rows are dropped when a search meets them and when novelty is computed (which
re-lists the ids).

Readers never see a half-grown table: the arrays are replaced together, as one tuple.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime

import numpy as np
from django.db.models import Max, Min, Q

from .models import IndexedIdea

# Rows read per query while (re)loading: bounded memory for 100,000 ideas.
LOAD_BATCH = 5000
# How stale a process's table may be about other processes' writes, at most.
CHECK_SECONDS = 1.0
DIMENSION = 384


def _empty(dimension: int = DIMENSION) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.zeros(0, dtype=np.int64),
        np.zeros(0, dtype=np.float64),
        np.zeros(0, dtype=np.int64),
        np.zeros((0, dimension), dtype=np.float32),
    )


class VectorTable:
    """The ids, publication times (timestamps), challenges and unit vectors of the indexed
    ideas, row by row, plus ``row_of`` (id → row)."""

    def __init__(self):
        self.arrays = _empty()
        self.row_of: dict[int, int] = {}
        self.model_id: str | None = None
        self.signature: tuple | None = None
        self.latest: datetime | None = None

    ids = property(lambda self: self.arrays[0])
    published = property(lambda self: self.arrays[1])
    challenges = property(lambda self: self.arrays[2])
    matrix = property(lambda self: self.arrays[3])

    def __len__(self) -> int:
        return len(self.arrays[0])

    # Loading ------------------------------------------------------------------------
    def _merge(self, rows: list[tuple]) -> None:
        """Add or replace these (id, published_at, challenge_id, vector bytes) rows."""
        if not rows:
            return
        vectors = np.frombuffer(b"".join(bytes(row[3]) for row in rows), dtype="<f4").reshape(len(rows), -1)
        ids, published, challenges, matrix = self.arrays
        if len(ids) and matrix.shape[1] != vectors.shape[1]:
            ids, published, challenges, matrix = _empty(vectors.shape[1])
            self.row_of = {}
        known = np.array([row[0] in self.row_of for row in rows], dtype=bool)
        if known.any():
            # Rows edited in place (one row at a time: a reader meets the old or the new vector).
            positions = np.array([self.row_of[row[0]] for row, seen in zip(rows, known, strict=True) if seen])
            chosen = [row for row, seen in zip(rows, known, strict=True) if seen]
            published[positions] = [row[1].timestamp() for row in chosen]
            challenges[positions] = [row[2] for row in chosen]
            matrix[positions] = vectors[known]
        if not known.all():
            fresh = [row for row, seen in zip(rows, known, strict=True) if not seen]
            start = len(ids)
            new_ids = np.array([row[0] for row in fresh], dtype=np.int64)
            self.row_of.update({pk: start + n for n, pk in enumerate(new_ids.tolist())})
            ids = np.concatenate([ids, new_ids])
            published = np.concatenate([published, np.array([row[1].timestamp() for row in fresh])])
            challenges = np.concatenate([challenges, np.array([row[2] for row in fresh], dtype=np.int64)])
            matrix = np.concatenate([matrix, np.ascontiguousarray(vectors[~known], dtype=np.float32)])
        self.arrays = (ids, published, challenges, matrix)

    def _keep_only(self, ids: set[int]) -> None:
        current = self.arrays
        keep = np.isin(current[0], np.fromiter(ids, dtype=np.int64, count=len(ids)))
        if keep.all():
            return
        self.arrays = tuple(array[keep] for array in current)
        self.row_of = {pk: n for n, pk in enumerate(self.arrays[0].tolist())}

    def refresh(self, model_id: str, *, full: bool = False) -> None:
        """Read what was indexed since the last look. Removed rows are noticed by ``full``
        refreshes (novelty tasks) and by :meth:`discard` (similar ideas drop the candidates
        that are gone), so the frequent check stays three index look-ups."""
        if model_id != self.model_id:
            self.__init__()
            self.model_id = model_id
        entries = IndexedIdea.objects.filter(vector__isnull=False, vector_key__startswith=f"{model_id}:")
        state = IndexedIdea.objects.aggregate(latest=Max("indexed_at"), low=Min("pk"), high=Max("pk"))
        signature = (state["latest"], state["low"], state["high"])
        if signature != self.signature:
            changed = entries if self.latest is None else entries.filter(indexed_at__gte=self.latest)
            last_pk, rows = 0, []
            while True:
                batch = list(
                    changed.filter(pk__gt=last_pk)
                    .order_by("pk")
                    .values_list("pk", "published_at", "challenge_id", "vector")[:LOAD_BATCH]
                )
                if not batch:
                    break
                rows += batch
                last_pk = batch[-1][0]
                if len(rows) >= 4 * LOAD_BATCH:  # grow the arrays a few times, not once a batch
                    self._merge(rows)
                    rows = []
            self._merge(rows)
            self.signature, self.latest = signature, state["latest"]
        if full and entries.count() != len(self):
            self._keep_only(set(entries.values_list("pk", flat=True)))

    def discard(self, ids) -> None:
        """Forget these ideas (no longer in the index)."""
        gone = {int(pk) for pk in ids} & set(self.row_of)
        if gone:
            self._keep_only(set(self.row_of) - gone)

    # Reading -------------------------------------------------------------------------
    def vector_of(self, idea_id: int) -> np.ndarray | None:
        position = self.row_of.get(idea_id)
        return None if position is None else self.matrix[position]

    def nearest(
        self, query: np.ndarray, *, count: int, exclude_ids=(), challenge_id: int | None = None
    ) -> list[tuple[int, float]]:
        """The ``count`` ideas whose vectors are closest to ``query``: (id, cosine), best first."""
        ids, _published, challenges, matrix = self.arrays
        if not len(ids):
            return []
        scores = matrix @ np.asarray(query, dtype=np.float32)
        if challenge_id:
            scores[challenges != challenge_id] = -np.inf
        for pk in exclude_ids:
            position = self.row_of.get(int(pk))
            if position is not None and position < len(scores):
                scores[position] = -np.inf
        count = min(count, len(scores))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]

    def greatest_earlier(self, queries: np.ndarray, published: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """For each query vector, its greatest cosine to an idea published before it
        (``(published, id)`` order); -1 where there is none. Vectorised over the queries."""
        result = np.full(len(queries), -1.0, dtype=np.float32)
        if not len(self.ids) or not len(queries):
            return result
        for start in range(0, len(queries), 256):
            block = slice(start, start + 256)
            sims = queries[block] @ self.matrix.T
            earlier = (self.published[None, :] < published[block, None]) | (
                (self.published[None, :] == published[block, None]) & (self.ids[None, :] < ids[block, None])
            )
            sims = np.where(earlier, sims, -np.inf)
            best = sims.max(axis=1)
            result[block] = np.where(np.isfinite(best), best, -1.0)
        return result

    def greatest_earlier_all(self, progress=None) -> dict[int, float]:
        """Every idea's greatest cosine to an earlier idea, in publication order, each block
        compared only with what came before it (half the work of all pairs)."""
        order = np.lexsort((self.ids, self.published))
        ids, matrix = self.ids[order], self.matrix[order]
        result = np.full(len(ids), -1.0, dtype=np.float32)
        block = 512
        for start in range(0, len(ids), block):
            end = min(start + block, len(ids))
            sims = matrix[start:end] @ matrix[:end].T
            # Within the block only the ideas before each row count.
            sims[:, start:end][np.triu_indices(end - start, 0, end - start)] = -np.inf
            if end > 1:
                best = sims.max(axis=1)
                result[start:end] = np.where(np.isfinite(best), best, -1.0)
            if progress:
                progress(end, len(ids))
        return dict(zip(ids.tolist(), result.tolist(), strict=True))


_table = VectorTable()
_lock = threading.Lock()
_next_check = 0.0


def table(*, full: bool = False) -> VectorTable:
    """This process's vector table, brought up to date with the index when it was last
    checked more than ``CHECK_SECONDS`` ago or this process wrote to the index since
    (``full``: check now, and re-list the ids to notice removed rows, for novelty)."""
    from .encoder import current_model_id

    global _next_check
    with _lock:
        now = time.monotonic()
        if full or now >= _next_check or _table.model_id is None:
            _table.refresh(current_model_id(), full=full)
            _next_check = time.monotonic() + CHECK_SECONDS
        return _table


def changed() -> None:
    """This process wrote to the index: the next use of the table looks at it again."""
    global _next_check
    _next_check = 0.0


def forget() -> None:
    """Drop the table (the next use reloads it): after a test database is flushed."""
    global _table, _next_check
    with _lock:
        _table = VectorTable()
        _next_check = 0.0


def stale_filter(model_id: str) -> Q:
    return Q(vector__isnull=True) | ~Q(vector_key__startswith=f"{model_id}:")
