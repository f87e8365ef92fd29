"""Similar ideas and novelty by meaning, measured the way a city would notice them.

Among 10,000 generated civic ideas on the same topics (bikes, schools, parks, buses, trees…),
a resident typing an existing idea in other words sees the original first for at least 90% of
the 106 paraphrases, and in the first 5 for at least 98%; ideas on other topics score low;
and novelty ranks 32 ideas on topics nobody raised above the paraphrases, with the
"New thinking" badge on most new ideas and on no paraphrase. Run on PostgreSQL by
``make test`` and again on SQLite.
"""

import numpy as np
import pytest
from django.db import transaction

from search import novelty, services
from search.backends.database import DatabaseBackend
from search.backends.meaning import query_vector
from search.vectors import table
from tests.factories import ChallengeFactory, UserFactory
from tests.search.haystack import HAYSTACK_SIZE, build_haystack
from tests.search.paraphrases import NEW_TOPICS, PAIRS, top_ranks


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    """The haystack, built once for the module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        challenge = ChallengeFactory.create("voting")
        originals = build_haystack(challenge=challenge, author=UserFactory())
        yield {"challenge": challenge, "originals": originals}
        transaction.set_rollback(True)


@pytest.fixture
def backend(city, db):
    return DatabaseBackend()


def novelty_of(texts: list[str]) -> np.ndarray:
    """Novelty of new ideas typed now, against every indexed idea (all of them earlier)."""
    vectors = table()
    queries = np.stack([query_vector(text) for text in texts])
    best = vectors.greatest_earlier(queries, np.full(len(texts), np.inf), np.zeros(len(texts), dtype=np.int64))
    return novelty.from_similarity(best)


def test_the_set_is_large_and_the_haystack_realistic(backend):
    assert len(PAIRS) >= 100 and len(NEW_TOPICS) >= 30
    assert len(table()) == HAYSTACK_SIZE + len(PAIRS) + 44


def test_the_original_comes_first_for_90_percent_and_in_the_top_5_for_98_percent(backend, city):
    ranks = top_ranks(backend, city["originals"])
    misses = [(pair[2], rank) for pair, rank in zip(PAIRS, ranks, strict=True) if rank != 1]
    first = sum(rank == 1 for rank in ranks) / len(ranks)
    top5 = sum(rank is not None for rank in ranks) / len(ranks)
    print(f"\nfirst: {first:.1%}  top 5: {top5:.1%}  misses: {misses}")
    assert first >= 0.90, misses
    assert top5 >= 0.98, misses


def test_a_paraphrase_scores_high_and_an_idea_on_another_topic_scores_low(backend, city):
    paraphrase_scores = [backend.similar(paraphrase, k=1)[0].score for _t, _s, paraphrase in PAIRS]
    other_scores = [backend.similar(f"{title} {summary}", k=1)[0].score for title, summary in NEW_TOPICS]
    print(f"\nbest match: paraphrases median {np.median(paraphrase_scores):.2f}, new topics median "
          f"{np.median(other_scores):.2f}, max {max(other_scores):.2f}")  # fmt: skip
    assert np.median(paraphrase_scores) >= 0.6
    assert np.median(other_scores) <= 0.45
    assert np.percentile(other_scores, 90) < np.percentile(paraphrase_scores, 10) + 0.1
    assert all(0 <= score <= 1 for score in paraphrase_scores + other_scores)


def test_new_topics_outscore_repeats_and_only_they_get_the_new_thinking_badge(backend):
    repeats = novelty_of([paraphrase for _t, _s, paraphrase in PAIRS])
    new = novelty_of([services.gist(title, summary) for title, summary in NEW_TOPICS])
    wins = (new[:, None] > repeats[None, :]).mean()
    badges_new = np.mean([novelty.is_new_thinking(score) for score in new])
    badges_repeat = [
        text for (_t, _s, text), score in zip(PAIRS, repeats, strict=True) if novelty.is_new_thinking(score)
    ]
    print(f"\nnovelty: repeats median {np.median(repeats):.2f} max {repeats.max():.2f}; new median "
          f"{np.median(new):.2f} min {new.min():.2f}; new outscores repeat {wins:.1%}; "
          f"badge on {badges_new:.0%} of new ideas, threshold {novelty.threshold()}")  # fmt: skip
    assert wins >= 0.90
    assert badges_repeat == []
    assert badges_new >= 0.75


def test_the_hint_excludes_what_it_should_and_stays_within_a_challenge(backend, city):
    _title, _summary, paraphrase = PAIRS[0]
    original = city["originals"][0]
    assert backend.similar(paraphrase, k=1)[0].idea_id == original
    assert original not in [s.idea_id for s in backend.similar(paraphrase, k=5, exclude_ids=[original])]
    assert backend.similar(paraphrase, k=5, challenge_id=city["challenge"].pk + 1000) == []
