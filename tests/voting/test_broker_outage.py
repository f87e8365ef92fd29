"""The Celery broker goes away mid-run: a pairwise vote is still answered (201, not 500) and
stored, and once the broker is back the scores are refitted by a real worker and its beat,
because the votes themselves record that a refit is owed."""

import tempfile
import time
from pathlib import Path

import pytest

from tests.celery_worker import START_TIMEOUT, _forget_routing, start_worker_process, stop_process
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from tests.redis_server import redis_server  # noqa: F401 (a fixture)
from voting.models import PairwiseScore, PairwiseVote

pytestmark = pytest.mark.django_db(transaction=True)


class SupervisedWorker:
    """``celery worker --beat`` on the test's own broker (the sweep runs every two seconds),
    restarted like a process supervisor would when it has exited: Celery's worker may exit
    when the broker vanishes while it holds unacknowledged messages."""

    def __init__(self, *, broker_url: str, cache_url: str, directory: Path):
        self.broker_url, self.cache_url, self.directory = broker_url, cache_url, directory
        self.log_path = directory / "worker.log"
        self.process = None
        self.restarts = 0

    def start(self) -> None:
        with open(self.log_path, "a") as log:
            self.process = start_worker_process(
                broker_url=self.broker_url,
                cache_url=self.cache_url,
                log=log,
                args=["--beat", f"--schedule={self.directory / 'beat-schedule'}", "--hostname=outage@localhost"],
                env={
                    "CELERY_TASK_ALWAYS_EAGER": "false",
                    "VOTING_PAIRWISE_REFIT_DELAY": "1",
                    "VOTING_PAIRWISE_SWEEP_SECONDS": "2",
                },
            )

    def keep_running(self) -> None:
        if self.process.poll() is not None:
            self.restarts += 1
            self.start()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


@pytest.fixture
def worker_with_beat(redis_server, settings):  # noqa: F811 (the fixture above)
    from innovation.celery import app

    settings.VOTING_PAIRWISE_REFIT_DELAY = 1
    directory = tempfile.TemporaryDirectory(prefix="greenlight-beat-")
    worker = SupervisedWorker(broker_url=redis_server.url, cache_url=settings.REDIS_URL, directory=Path(directory.name))
    worker.start()
    saved = {"task_always_eager": app.conf.task_always_eager, "broker_url": app.conf.broker_url}
    app.conf.task_always_eager = False
    app.conf.broker_url = redis_server.url
    app._pool = None
    _forget_routing(app)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not app.control.ping(destination=["outage@localhost"], timeout=0.5):
            if worker.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{worker.log()}")
        yield worker
    finally:
        for key, value in saved.items():
            setattr(app.conf, key, value)
        app._pool = None
        _forget_routing(app)
        stop_process(worker.process)
        directory.cleanup()


def _wait_until(condition, worker: SupervisedWorker, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        worker.keep_running()
        time.sleep(0.25)
    pytest.fail(f"Nothing happened within {timeout}s. Worker log:\n{worker.log()}")


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
