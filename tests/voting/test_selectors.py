from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from ideas.models import Idea
from tests.factories import ChallengeFactory, DistrictFactory, IdeaFactory, UserFactory
from voting import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge():
    return ChallengeFactory.create("voting")


def _support(idea, count, *, days_ago=0):
    with time_machine.travel(timezone.now() - timedelta(days=days_ago)):
        for _ in range(count):
            services.support_add(voter=UserFactory(), idea=idea)


def test_trending_prefers_recent_supports_over_older_ones(challenge):
    steady, rising = IdeaFactory.create_batch(2, challenge=challenge)
    _support(steady, 4, days_ago=5)  # 4 supports worth 1 each
    _support(rising, 2)  # 2 supports worth 3 each

    ranked = list(selectors.ideas_by_trending(Idea.objects.filter(challenge=challenge)))

    assert ranked == [rising, steady]
    assert [idea.trending for idea in ranked] == [6, 4]


def test_supported_first_puts_the_viewers_supports_on_top(challenge):
    ideas = IdeaFactory.create_batch(4, challenge=challenge)
    viewer = UserFactory()
    services.support_add(voter=viewer, idea=ideas[2])

    ordered = list(
        selectors.ideas_supported_first(Idea.objects.filter(challenge=challenge).order_by("pk"), viewer=viewer)
    )

    assert ordered == [ideas[2], ideas[0], ideas[1], ideas[3]]


def test_pairwise_scores_for_many_ideas_take_one_query(challenge, django_assert_num_queries):
    challenge.voting_method = "pairwise"
    challenge.save()
    ideas = IdeaFactory.create_batch(5, challenge=challenge)
    services.pairwise_scores_fit(challenge=challenge)

    with django_assert_num_queries(1):
        scores = selectors.pairwise_scores([idea.pk for idea in ideas])

    assert set(scores) == {idea.pk for idea in ideas}
    assert all(score.comparisons == 0 for score in scores.values())


def test_district_totals_hide_small_counts_and_nothing_else(challenge):
    big, other, small = (DistrictFactory(name=name, slug=name.lower()) for name in ("Harbour", "Old Town", "Eastgate"))
    idea = IdeaFactory(challenge=challenge)
    for district, people in ((big, 7), (other, 5), (small, 2)):
        for _ in range(people):
            services.support_add(voter=UserFactory(district=district), idea=idea)

    rows, totals = selectors.district_totals(challenge=challenge)

    assert [(row.district, row.people) for row in rows] == [("Harbour", 7), ("Old Town", None), ("Eastgate", None)]
    assert totals == {"people": 14, "votes": 14}


def test_ballot_summary_counts_what_is_left(challenge):
    challenge.supports_per_person = 3
    challenge.save()
    voter = UserFactory()
    services.support_add(voter=voter, idea=IdeaFactory(challenge=challenge))

    summary = selectors.ballot_summary(voter=voter, challenge=challenge)

    assert (summary.cap, summary.used, summary.left) == (3, 1, 2)
