"""The pairwise model: Bradley–Terry strengths fitted by maximum a posteriori (a weak normal
prior on each idea's log-strength keeps ideas that never won or never lost finite), with a
Laplace approximation for the uncertainty, and the adaptive choice of the next pair.

Pure numpy on plain arrays, so that it can be tested and benchmarked without a database."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Prior standard deviation of an idea's log-strength: a 2-to-1 favourite is about 0.7 apart.
PRIOR_SD = 2.0
# Two-sided 90% range.
Z = 1.645


@dataclass(frozen=True)
class PairwiseFit:
    """Per idea (in the order of the input): the chance of beating a random other idea, its
    range, the log-strength, and the decided comparisons and wins the fit saw."""

    score: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    strength: np.ndarray
    comparisons: np.ndarray
    wins: np.ndarray


def fit_bradley_terry(
    n: int,
    winners: np.ndarray,
    losers: np.ndarray,
    counts: np.ndarray | None = None,
    *,
    prior_sd: float = PRIOR_SD,
    z: float = Z,
) -> PairwiseFit:
    """Fit ``n`` ideas from decided comparisons given as index arrays: ``winners[k]`` beat
    ``losers[k]`` (``counts[k]`` times, once if ``counts`` is not given)."""
    winners = np.asarray(winners, dtype=np.int64)
    losers = np.asarray(losers, dtype=np.int64)
    if n < 2:
        empty = np.full(n, np.nan)
        return PairwiseFit(empty, empty, empty, np.zeros(n), np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64))

    beat = np.bincount(winners * n + losers, weights=counts, minlength=n * n).reshape(n, n).astype(np.float64)
    games = beat + beat.T
    wins = beat.sum(axis=1)
    precision = 1.0 / prior_sd**2

    theta = np.zeros(n)
    for _ in range(100):
        p = _sigmoid(theta[:, None] - theta[None, :])
        gradient = wins - (games * p).sum(axis=1) - precision * theta
        weight = games * p * (1.0 - p)
        hessian = -weight
        hessian[np.diag_indices(n)] = weight.sum(axis=1) + precision
        step = np.linalg.solve(hessian, gradient)
        theta += step
        if np.max(np.abs(step)) < 1e-9:
            break
    p = _sigmoid(theta[:, None] - theta[None, :])
    weight = games * p * (1.0 - p)
    hessian = -weight
    hessian[np.diag_indices(n)] = weight.sum(axis=1) + precision
    covariance = np.linalg.inv(hessian)

    # Score: mean chance of beating each other idea. Its variance by the delta method.
    np.fill_diagonal(p, 0.0)
    score = p.sum(axis=1) / (n - 1)
    slope = p * (1.0 - p)
    np.fill_diagonal(slope, 0.0)
    jacobian = -slope
    jacobian[np.diag_indices(n)] = slope.sum(axis=1)
    jacobian /= n - 1
    variance = np.maximum(np.einsum("ij,ij->i", jacobian @ covariance, jacobian), 0.0)
    spread = z * np.sqrt(variance)
    return PairwiseFit(
        score=score,
        lower=np.clip(score - spread, 0.0, 1.0),
        upper=np.clip(score + spread, 0.0, 1.0),
        strength=theta,
        comparisons=games.sum(axis=1).astype(np.int64),
        wins=wins.astype(np.int64),
    )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def choose_pair(
    candidates: Sequence[tuple[int, int]], seen: set[tuple[int, int]], rng: np.random.Generator
) -> tuple[int, int] | None:
    """The next pair to show, as two idea ids.

    ``candidates`` are ``(idea_id, comparisons)``; ``seen`` holds the pairs (in id order) the
    voter already answered. The first idea is drawn with weight ``1 / (1 + comparisons)`` so
    that ideas with few comparisons — late arrivals — catch up; its opponent is drawn evenly
    from the ideas the voter has not yet compared it with."""
    if len(candidates) < 2:
        return None
    ids = np.array([idea_id for idea_id, _ in candidates], dtype=np.int64)
    counts = np.array([count for _, count in candidates], dtype=np.float64)
    order = rng.permutation(len(ids))
    weights = 1.0 / (1.0 + counts[order])
    # Prefer a first idea that still has an unseen opponent.
    for index in rng.choice(order, size=len(order), replace=False, p=weights / weights.sum()):
        first = int(ids[index])
        fresh = [int(other) for other in ids if other != first and _ordered(first, int(other)) not in seen]
        if fresh:
            return first, fresh[int(rng.integers(len(fresh)))]
    return None


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def rank_correlation(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation (no ties expected)."""
    ra = np.argsort(np.argsort(np.asarray(a)))
    rb = np.argsort(np.argsort(np.asarray(b)))
    return float(np.corrcoef(ra, rb)[0, 1])
