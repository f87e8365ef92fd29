"""The pairwise model recovers a planted ranking from simulated, noisy voters."""

import numpy as np
import pytest

from voting.ranking import choose_pair, fit_bradley_terry, rank_correlation


def _simulate(strength: np.ndarray, votes: int, rng: np.random.Generator):
    n = len(strength)
    first = rng.integers(0, n, votes)
    second = (first + rng.integers(1, n, votes)) % n
    # Bradley–Terry voters: the stronger idea wins more often, never always.
    first_wins = rng.random(votes) < 1.0 / (1.0 + np.exp(strength[second] - strength[first]))
    return np.where(first_wins, first, second), np.where(first_wins, second, first)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planted_ranking_is_recovered_from_noisy_votes(seed):
    rng = np.random.default_rng(seed)
    strength = rng.permutation(np.linspace(-2.0, 2.0, 40))
    winners, losers = _simulate(strength, 4000, rng)

    fit = fit_bradley_terry(40, winners, losers)

    assert rank_correlation(fit.score, strength) > 0.9
    assert np.all(fit.lower <= fit.score) and np.all(fit.score <= fit.upper)
    # The score is a chance of beating a random other idea: they average one half.
    assert fit.score.mean() == pytest.approx(0.5, abs=1e-9)


def test_the_range_narrows_as_comparisons_accumulate():
    rng = np.random.default_rng(7)
    strength = np.linspace(-1.0, 1.0, 10)
    few = fit_bradley_terry(10, *_simulate(strength, 100, rng))
    many = fit_bradley_terry(10, *_simulate(strength, 10_000, rng))
    assert np.all((many.upper - many.lower) < (few.upper - few.lower))


def test_an_idea_that_never_lost_gets_a_finite_score_below_certainty():
    fit = fit_bradley_terry(3, np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert np.all(np.isfinite(fit.score))
    assert fit.score[0] == fit.score.max() < 1.0
    assert list(fit.wins) == [2, 1, 0]


def test_a_late_idea_is_shown_far_more_often_until_it_catches_up():
    rng = np.random.default_rng(11)
    candidates = [(idea_id, 200) for idea_id in range(1, 20)] + [(99, 0)]
    shown = sum(99 in choose_pair(candidates, set(), rng) for _ in range(1000))
    # Drawn evenly, one idea of twenty appears in ~10% of pairs.
    assert shown > 500


def test_pairs_already_answered_are_not_asked_again():
    rng = np.random.default_rng(3)
    candidates = [(1, 0), (2, 0), (3, 0)]
    assert choose_pair(candidates, {(1, 2), (1, 3)}, rng) in {(2, 3), (3, 2)}
    assert choose_pair(candidates, {(1, 2), (1, 3), (2, 3)}, rng) is None
