"""Ideas' meaning vectors in memory, searched exactly (cosine) with numpy.

Every process keeps one :class:`VectorTable`: the unit vectors of every indexed idea as one
float32 matrix, with their ids, challenges and publication order. A cosine similarity
against 100,000 ideas is one matrix-vector product (a few milliseconds), so no vector
database or database extension is needed, and PostgreSQL and SQLite behave the same.

The table stays right cheaply: before each use one aggregate query answered from indexes
(newest ``indexed_at``, smallest and greatest id) tells whether the index changed; only rows
indexed since the last look are read again. Removed rows are dropped when a search meets them
and when novelty is computed (which re-lists the ids).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from django.db.models import Max, Min, Q

from .encoder import from_bytes
from .models import IndexedIdea

# Rows read per query while (re)loading: bounded memory for 100,000 ideas.
LOAD_BATCH = 5000


def _timestamp(moment: datetime) -> float:
    return moment.timestamp()


@dataclass
class VectorTable:
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    published: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    challenges: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    signature: tuple | None = None
    latest: datetime | None = None
    row_of: dict[int, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    # Loading ------------------------------------------------------------------------
    def _merge(self, rows: list[tuple]) -> None:
        """Add or replace these (id, published_at, challenge_id, vector bytes) rows."""
        if not rows:
            return
        vectors = np.stack([from_bytes(row[3]) for row in rows])
        if len(self.ids) and self.matrix.shape[1] != vectors.shape[1]:
            self.__init__()  # another model: start over with this one's vectors
        new_ids, new_published, new_challenges, new_vectors = [], [], [], []
        for row, vector in zip(rows, vectors, strict=True):
            position = self.row_of.get(row[0])
            if position is None:
                new_ids.append(row[0])
                new_published.append(_timestamp(row[1]))
                new_challenges.append(row[2])
                new_vectors.append(vector)
            else:
                self.published[position] = _timestamp(row[1])
                self.challenges[position] = row[2]
                self.matrix[position] = vector
        if new_ids:
            start = len(self.ids)
            self.ids = np.concatenate([self.ids, np.array(new_ids, dtype=np.int64)])
            self.published = np.concatenate([self.published, np.array(new_published, dtype=np.float64)])
            self.challenges = np.concatenate([self.challenges, np.array(new_challenges, dtype=np.int64)])
            stacked = np.stack(new_vectors)
            self.matrix = stacked if start == 0 else np.concatenate([self.matrix, stacked])
            self.row_of.update({pk: start + n for n, pk in enumerate(new_ids)})

    def _keep_only(self, ids: set[int]) -> None:
        keep = np.fromiter((pk in ids for pk in self.ids.tolist()), dtype=bool, count=len(self.ids))
        if keep.all():
            return
        self.ids, self.published = self.ids[keep], self.published[keep]
        self.challenges, self.matrix = self.challenges[keep], self.matrix[keep]
        self.row_of = {pk: n for n, pk in enumerate(self.ids.tolist())}

    def refresh(self, model_id: str, *, full: bool = False) -> None:
        """Read what was indexed since the last look. Removed rows are noticed by ``full``
        refreshes (novelty tasks) and by :meth:`discard` (similar ideas drop the candidates
        that are gone), so the frequent check stays three index look-ups."""
        entries = IndexedIdea.objects.filter(vector__isnull=False, vector_key__startswith=f"{model_id}:")
        state = IndexedIdea.objects.aggregate(latest=Max("indexed_at"), low=Min("pk"), high=Max("pk"))
        signature = (model_id, state["latest"], state["low"], state["high"])
        if signature != self.signature:
            changed = entries if self.latest is None else entries.filter(indexed_at__gte=self.latest)
            last_pk = 0
            while True:
                rows = list(
                    changed.filter(pk__gt=last_pk)
                    .order_by("pk")
                    .values_list("pk", "published_at", "challenge_id", "vector")[:LOAD_BATCH]
                )
                if not rows:
                    break
                self._merge(rows)
                last_pk = rows[-1][0]
            self.signature, self.latest = signature, state["latest"]
        if full and entries.count() != len(self.ids):
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
        if not len(self.ids):
            return []
        scores = self.matrix @ query.astype(np.float32)
        if challenge_id:
            scores = np.where(self.challenges == challenge_id, scores, -np.inf)
        for pk in exclude_ids:
            position = self.row_of.get(int(pk))
            if position is not None:
                scores[position] = -np.inf
        count = min(count, len(scores))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]

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


def table(*, full: bool = False) -> VectorTable:
    """This process's vector table, brought up to date with the index (``full``: also
    re-list the ids to notice removed rows, for novelty)."""
    from .encoder import current_model_id

    with _lock:
        _table.refresh(current_model_id(), full=full)
        return _table


def forget() -> None:
    """Drop the table (the next use reloads it): after a test database is flushed."""
    global _table
    with _lock:
        _table = VectorTable()


def stale_filter(model_id: str) -> Q:
    return Q(vector__isnull=True) | ~Q(vector_key__startswith=f"{model_id}:")
