"""The pairwise ranking follows the votes under eager tasks (``make run``), the results page
says when it was last refitted, and beat's sweep makes every refit the votes are owed."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting import services, tasks
from voting.models import PairwiseScore


@pytest.fixture
def park_ideas(home_page):
    challenge = ChallengeFactory.create("voting", voting_method="pairwise", title="Parks for everyone")
    splash = IdeaFactory(challenge=challenge, title="A splash pad in Riverside Park")
    benches = IdeaFactory(challenge=challenge, title="More benches along the river path")
    return challenge, splash, benches


@pytest.mark.django_db(transaction=True)
def test_votes_on_the_compare_page_refit_the_ranking_with_eager_tasks(client, park_ideas, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # as under ``make run``
    challenge, splash, benches = park_ideas
    results = f"/votes/challenges/{challenge.pk}/results/"
    assert "The scores have not been computed yet." in client.get(results).content.decode()

    for voter in UserFactory.create_batch(3, roles=["Residents"]):
        client.force_login(voter)
        response = client.post(
            f"/votes/challenges/{challenge.pk}/compare/", {"left": benches.pk, "right": splash.pk, "choice": "left"}
        )
        assert response.status_code == 302

    text = client.get(results).content.decode()
    assert "3 choices by 3 people" in text
    assert "Scores last refitted" in text
    assert "count at the next refit" not in text
    assert text.index(benches.title) < text.index(splash.title)
    assert PairwiseScore.objects.get(pk=benches.pk).wins == 3


@pytest.mark.django_db
def test_the_sweep_refits_an_open_challenge_whose_votes_are_newer_than_its_fit(client, park_ideas, settings):
    settings.VOTING_PAIRWISE_REFIT_DELAY = 30
    challenge, splash, benches = park_ideas
    services.pairwise_scores_fit(challenge=challenge)
    # A vote whose refit was never queued (the transaction's after-commit work did not run).
    services.pairwise_vote_cast(voter=UserFactory(), challenge=challenge, left=splash, right=benches, choice="left")

    text = client.get(f"/votes/challenges/{challenge.pk}/results/").content.decode()
    assert "Choices made since then count at the next refit" in text
    # A burst may still be going on: the sweep leaves the debounced refit to do its work.
    assert tasks.pairwise_refit_stale() == []

    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        assert tasks.pairwise_refit_stale() == [challenge.pk]
        assert PairwiseScore.objects.get(pk=splash.pk).wins == 1
        assert tasks.pairwise_refit_stale() == []
    assert "count at the next refit" not in client.get(f"/votes/challenges/{challenge.pk}/results/").content.decode()
