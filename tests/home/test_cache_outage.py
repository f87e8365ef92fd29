"""When Redis (the cache) goes away, the site degrades instead of failing: pages render
without the cache, sessions survive (they are written through to the database), rate limits
let requests through with a logged warning, and ``/healthz`` says what is degraded.

A real Redis is started on a free port for the test and stopped in the middle of it."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from accounts import ratelimits
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def own_redis():
    """A Redis of the test's own; ``stop()`` takes it away."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)

    class Running:
        url = f"redis://127.0.0.1:{port}/0"

        @staticmethod
        def stop():
            server.terminate()
            server.wait(timeout=10)

    yield Running
    if server.poll() is None:
        Running.stop()


@pytest.fixture
def site_with_ideas(home_page):
    challenge = ChallengeFactory.create("submission")
    idea = IdeaFactory(
        challenge=challenge,
        title="Late-night bus from the station to Riverside",
        summary="The last bus leaves at 23:10; shift workers walk home along the ring road.",
    )
    return challenge, idea


@pytest.fixture
def broker_on(monkeypatch):
    """Tasks go to a broker at ``url`` (for the health check) instead of running in-process."""
    from celery import current_app

    def use(url):
        monkeypatch.setattr(current_app.conf, "broker_url", url)
        return override_settings(CELERY_TASK_ALWAYS_EAGER=False)

    return use


def test_pages_render_while_the_cache_is_down(client, own_redis, site_with_ideas, caplog):
    challenge, idea = site_with_ideas
    resident = UserFactory(display_name="Joana Ferreira", roles=["Residents"])
    pages = ["/", challenge.url, idea.get_absolute_url(), "/search/?q=bus", "/api/v1/ideas/", "/api/v1/challenges/"]
    with override_settings(
        CACHES=settings.CACHES | {"default": {**settings.CACHES["default"], "LOCATION": own_redis.url}}
    ):
        assert all(client.get(path).status_code == 200 for path in pages)
        assert client.get("/healthz").json()["cache"] == "ok"
        signed_in = type(client)()
        signed_in.force_login(resident)

        own_redis.stop()
        ratelimits._last_warning = 0.0
        with caplog.at_level(logging.WARNING):
            answers = {path: client.get(path).status_code for path in pages}
            api_answers = [client.get("/api/v1/challenges/").status_code for _ in range(3)]
            health = client.get("/healthz")
            profile = signed_in.get("/me/profile/")

        assert cache.get("anything", "fallback") == "fallback"

    assert answers == dict.fromkeys(pages, 200)
    assert api_answers == [200, 200, 200]
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unavailable", "broker": "not used"}
    assert profile.status_code == 200  # still signed in: the session lives in the database too
    assert "Rate limits are not enforced" in caplog.text
    assert "Cache unavailable" in caplog.text


def test_health_names_a_broker_that_went_away(client, own_redis, broker_on, home_page):
    with broker_on(own_redis.url):
        before = client.get("/healthz")
        own_redis.stop()
        after = client.get("/healthz")

    assert before.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}
    assert after.status_code == 200
    assert after.json() == {"status": "degraded", "database": "ok", "cache": "ok", "broker": "unavailable"}
