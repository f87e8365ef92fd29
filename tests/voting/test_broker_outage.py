"""The Celery broker goes away mid-run: a pairwise vote is still answered (201, not 500) and
stored, and once the broker is back the scores are refitted by a real worker and its beat,
because the votes themselves record that a refit is owed."""

import tempfile
import time
from pathlib import Path

import pytest

from tests.celery_worker import _forget_routing, start_worker_process, stop_process
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from tests.redis_server import redis_server  # noqa: F401 (a fixture)
from voting.models import PairwiseScore, PairwiseVote

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker_with_beat(redis_server, settings):  # noqa: F811 (the fixture above)
    """``celery worker --beat`` on the test's own broker; the sweep runs every two seconds."""
    from innovation.celery import app

    settings.VOTING_PAIRWISE_REFIT_DELAY = 1
    directory = tempfile.TemporaryDirectory(prefix="greenlight-beat-")
    log_path = Path(directory.name) / "worker.log"
    with open(log_path, "w") as log:
        process = start_worker_process(
            broker_url=redis_server.url,
            cache_url=settings.REDIS_URL,
            log=log,
            args=["--beat", f"--schedule={Path(directory.name) / 'beat-schedule'}", "--hostname=outage@localhost"],
            env={
                "CELERY_TASK_ALWAYS_EAGER": "false",
                "VOTING_PAIRWISE_REFIT_DELAY": "1",
                "VOTING_PAIRWISE_SWEEP_SECONDS": "2",
            },
        )
    saved = {"task_always_eager": app.conf.task_always_eager, "broker_url": app.conf.broker_url}
    app.conf.task_always_eager = False
    app.conf.broker_url = redis_server.url
    app._pool = None
    _forget_routing(app)

    def worker_log() -> str:
        return log_path.read_text(errors="replace")[-4000:]

    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=["outage@localhost"], timeout=0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{worker_log()}")
        yield worker_log
    finally:
        for key, value in saved.items():
            setattr(app.conf, key, value)
        app._pool = None
        _forget_routing(app)
        stop_process(process)
        directory.cleanup()


def _wait_until(condition, worker_log, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    pytest.fail(f"Nothing happened within {timeout}s. Worker log:\n{worker_log()}")


def _fitted_after(vote: PairwiseVote) -> bool:
    return PairwiseScore.objects.filter(challenge=vote.challenge, fitted_at__gt=vote.updated_at).exists()


def test_a_pairwise_vote_during_a_broker_outage_is_answered_and_refitted_later(
    api_client,
    home_page,
    redis_server,  # noqa: F811
    worker_with_beat,
):
    challenge = ChallengeFactory.create("voting", voting_method="pairwise")
    splash = IdeaFactory(challenge=challenge, title="A splash pad in Riverside Park")
    benches = IdeaFactory(challenge=challenge, title="More benches along the river path")
    url = f"/api/v1/challenges/{challenge.pk}/pairwise-votes/"

    def vote(choice: str) -> PairwiseVote:
        voter = UserFactory(roles=["Residents"])
        api_client.force_authenticate(voter)
        response = api_client.post(url, {"left": splash.pk, "right": benches.pk, "choice": choice}, format="json")
        assert response.status_code == 201, response.content
        return PairwiseVote.objects.get(voter=voter)

    first = vote("left")
    _wait_until(lambda: _fitted_after(first), worker_with_beat)

    redis_server.stop()
    started = time.monotonic()
    during = vote("right")
    assert time.monotonic() - started < 10  # the request does not hang on the broker
    assert PairwiseVote.objects.filter(challenge=challenge).count() == 2
    time.sleep(2)
    assert not _fitted_after(during)

    redis_server.start()
    _wait_until(lambda: _fitted_after(during), worker_with_beat)
    assert PairwiseScore.objects.get(pk=benches.pk).wins == 1
    assert PairwiseScore.objects.get(pk=splash.pk).wins == 1
