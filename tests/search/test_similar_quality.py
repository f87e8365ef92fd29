"""Similar-idea quality on PostgreSQL: for at least 80% of the paraphrased ideas, the original
is among the 5 ideas shown to the resident who is typing the paraphrase."""

import pytest

from search import services
from search.backends.database import DatabaseBackend
from tests.factories import ChallengeFactory, IdeaFactory
from tests.search.paraphrases import DISTRACTORS, PAIRS, top5_hit_rate


def test_there_are_at_least_40_pairs():
    assert len(PAIRS) >= 40 and len({pair[0] for pair in PAIRS}) == len(PAIRS)


def test_the_original_is_in_the_top_5_for_at_least_80_percent_of_paraphrases(postgres_only):
    challenge = ChallengeFactory.create("submission")
    originals = [IdeaFactory(challenge=challenge, title=t, summary=s, body=f"<p>{s}</p>") for t, s, _p in PAIRS]
    others = [IdeaFactory(challenge=challenge, title=t, summary=s, body=f"<p>{s}</p>") for t, s in DISTRACTORS]
    services.index_refresh(idea_ids=[idea.pk for idea in originals + others])
    rate, misses = top5_hit_rate(DatabaseBackend(), [idea.pk for idea in originals])
    assert rate >= 0.8, f"{rate:.0%} found; missed: {misses}"


@pytest.mark.django_db
def test_similarity_scores_are_between_0_and_1_and_an_exact_copy_scores_highest():
    challenge = ChallengeFactory.create("submission")
    ideas = [IdeaFactory(challenge=challenge, title=t, summary=s) for t, s, _p in PAIRS[:10]]
    services.index_refresh(idea_ids=[idea.pk for idea in ideas])
    title, summary, _ = PAIRS[3]
    similar = DatabaseBackend().similar(f"{title} {summary}", k=10)
    assert similar[0].idea_id == ideas[3].pk and similar[0].score > 0.8
    assert all(0 <= s.score <= 1 for s in similar)
    assert [s.score for s in similar] == sorted((s.score for s in similar), reverse=True)
