"""With the Celery broker down, an author's edit is still saved and answered; the reconcile
sweep puts the new words in the index once a worker runs again."""

import time

import pytest
from django.utils import timezone

from search import services, tasks
from search.backends.database import DatabaseBackend
from tests.celery_worker import _forget_routing
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from tests.redis_server import redis_server  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stopped_broker(redis_server):  # noqa: F811 (the fixture above)
    """Tasks are sent to a real Redis broker that has just been stopped."""
    from innovation.celery import app

    saved = {"task_always_eager": app.conf.task_always_eager, "broker_url": app.conf.broker_url}
    app.conf.task_always_eager = False
    app.conf.broker_url = redis_server.url
    _forget_routing(app)
    redis_server.stop()
    try:
        yield lambda: setattr(app.conf, "task_always_eager", True)  # a worker runs again
    finally:
        for key, value in saved.items():
            setattr(app.conf, key, value)
        _forget_routing(app)


def test_an_edit_while_the_broker_is_down_is_saved_and_indexed_by_the_sweep(api_client, home_page, stopped_broker):
    challenge = ChallengeFactory.create(**ChallengeFactory.dates_for("submission", now=timezone.now()))
    author = UserFactory(roles=["Residents"])
    idea = IdeaFactory(challenge=challenge, author=author, title="Rooftop beehives on the library")
    services.index_refresh(idea_ids=[idea.pk])  # indexed before the outage
    api_client.force_authenticate(author)

    started = time.monotonic()
    response = api_client.patch(f"/api/v1/ideas/{idea.pk}/", {"title": "Rooftop gardens on the library"}, format="json")

    assert response.status_code == 200, response.content
    assert time.monotonic() - started < 10  # the request does not hang on the broker
    assert response.json()["title"] == "Rooftop gardens on the library"
    assert DatabaseBackend().search("gardens").hits == []  # not reindexed: nothing was queued
    stopped_broker()
    assert tasks.reconcile_index.delay().get() == 1  # beat's sweep, every 15 minutes
    assert [hit.title for hit in DatabaseBackend().search("gardens").hits] == ["Rooftop gardens on the library"]
