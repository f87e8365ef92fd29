"""Novelty: 1 minus an idea's greatest similarity to earlier ideas and pilots, 0–1."""

import pytest
from django.utils import timezone

from pipeline.extensions import board_metrics
from search import novelty, services
from search.models import IndexedIdea
from tests.factories import ChallengeFactory, IdeaFactory, PilotFactory

pytestmark = pytest.mark.django_db
DAY = timezone.timedelta(days=1)


def scored(idea) -> float:
    services.index_refresh(idea_ids=[idea.pk])
    services.novelty_compute(idea_ids=[idea.pk])
    return IndexedIdea.objects.get(pk=idea.pk).novelty


@pytest.fixture
def challenge(db):
    return ChallengeFactory.create("submission")


def test_the_first_idea_about_something_is_new_thinking_and_the_fourth_copy_is_not(challenge):
    now = timezone.now()
    first = IdeaFactory(
        challenge=challenge,
        title="Protected bike lanes on Main Street",
        summary="Separate cyclists from cars with kerbs.",
        published_at=now - 9 * DAY,
    )
    assert scored(first) == 1.0
    assert novelty.is_new_thinking(1.0)
    copy = IdeaFactory(
        challenge=challenge,
        title="Bike lanes on Main Street",
        summary="Separate cyclists from cars with kerbs please.",
        published_at=now - 3 * DAY,
    )
    assert scored(copy) < 0.4
    assert not novelty.is_new_thinking(scored(copy))
    other = IdeaFactory(
        challenge=challenge,
        title="Floating wetlands in the harbour",
        summary="Plant islands that clean the water and shelter fish.",
        published_at=now - 1 * DAY,
    )
    assert scored(other) >= novelty.threshold()


def test_only_earlier_ideas_count(challenge):
    now = timezone.now()
    later = IdeaFactory(challenge=challenge, title="Rooftop beehives", summary="Honey.", published_at=now)
    earlier = IdeaFactory(challenge=challenge, title="Rooftop beehives", summary="Honey.", published_at=now - 5 * DAY)
    services.index_refresh(idea_ids=[later.pk, earlier.pk])
    services.novelty_compute(idea_ids=[later.pk, earlier.pk])
    assert IndexedIdea.objects.get(pk=earlier.pk).novelty == 1.0
    assert IndexedIdea.objects.get(pk=later.pk).novelty < 0.1


def test_an_earlier_pilot_makes_an_idea_less_novel_and_a_later_one_does_not(challenge):
    text = {"title": "Repair café at the community centre", "summary": "Volunteers fix broken toasters."}
    PilotFactory.create(title="Repair café pilot", summary="Volunteers fix broken toasters at the community centre.")
    before_the_pilot = IdeaFactory(challenge=challenge, **text, published_at=timezone.now() - 30 * DAY)
    assert scored(before_the_pilot) == 1.0
    services.index_remove(idea_ids=[before_the_pilot.pk])  # only the pilot is earlier now
    after_the_pilot = IdeaFactory(challenge=challenge, **text, published_at=timezone.now() + DAY)
    assert scored(after_the_pilot) < 0.5


def test_novelty_is_a_pipeline_board_figure_in_one_query(challenge, django_assert_num_queries):
    ideas = [IdeaFactory(challenge=challenge, title=f"Idea about topic {n}") for n in range(3)]
    services.index_refresh(idea_ids=[idea.pk for idea in ideas])
    services.novelty_compute(idea_ids=[idea.pk for idea in ideas])
    metric = next(metric for metric in board_metrics() if metric.key == "novelty")
    assert metric.display == "percent"
    with django_assert_num_queries(1):
        values = metric.values_for(ideas)
    assert set(values) == {idea.pk for idea in ideas} and all(0 <= value <= 1 for value in values.values())
