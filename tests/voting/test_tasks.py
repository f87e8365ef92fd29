"""Pairwise refits: debounced through a real Celery worker, and once more after voting closes."""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting import services, tasks
from voting.models import PairwiseScore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def celery_worker_process(transactional_db):
    """A Celery worker in its own process, on the test database and this run's Redis."""
    from innovation.celery import app

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "innovation.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "innovation", "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT,
        env=env,
    )
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 90
        while not app.control.ping(timeout=1.0):
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail("The Celery worker did not start.")
        yield worker
    finally:
        app.conf.task_always_eager = True
        worker.terminate()
        worker.wait(timeout=30)


def _wait_for(condition, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_votes_is_fitted_once_after_the_delay(celery_worker_process, settings):
    settings.VOTING_PAIRWISE_REFIT_DELAY = 4
    challenge = ChallengeFactory.create("voting", voting_method="pairwise")
    best, middle, last = IdeaFactory.create_batch(3, challenge=challenge)
    started = time.monotonic()
    for voter in UserFactory.create_batch(3):
        for winner, loser in ((best, middle), (best, last), (middle, last)):
            services.pairwise_vote_cast(voter=voter, challenge=challenge, left=winner, right=loser, choice="left")
    burst = time.monotonic() - started

    if burst < settings.VOTING_PAIRWISE_REFIT_DELAY:
        # Nothing is fitted while the burst goes on.
        assert not PairwiseScore.objects.filter(fitted_at__isnull=False).exists()
    assert _wait_for(lambda: PairwiseScore.objects.filter(challenge=challenge, fitted_at__isnull=False).count() == 3)

    scores = PairwiseScore.objects.filter(challenge=challenge).in_bulk()
    # One fit saw every vote of the burst: nine decided comparisons, wins 6 / 3 / 0.
    assert [scores[idea.pk].wins for idea in (best, middle, last)] == [6, 3, 0]
    assert scores[best.pk].score > scores[middle.pk].score > scores[last.pk].score
    assert len({score.fitted_at for score in scores.values()}) == 1


@pytest.mark.django_db
def test_closed_challenges_with_votes_newer_than_their_fit_are_refitted(django_capture_on_commit_callbacks):
    challenge = ChallengeFactory.create("voting", voting_method="pairwise")
    left, right = IdeaFactory.create_batch(2, challenge=challenge)
    voter = UserFactory()
    services.pairwise_vote_cast(voter=voter, challenge=challenge, left=left, right=right, choice="left")
    assert not PairwiseScore.objects.filter(fitted_at__isnull=False).exists()

    # Voting has closed (the factory's voting challenge closes four days from now).
    import time_machine

    with time_machine.travel(timezone.now() + timedelta(days=5)):
        assert tasks.pairwise_refit_stale() == [challenge.pk]
        assert PairwiseScore.objects.get(pk=left.pk).wins == 1
        # Fitted after the last vote: nothing more to do.
        assert tasks.pairwise_refit_stale() == []


@pytest.mark.django_db
def test_a_refit_of_a_deleted_challenge_does_nothing():
    assert tasks.pairwise_refit(987654321) == 0
