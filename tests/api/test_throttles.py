"""API throttles: a forged X-Forwarded-For is no fresh bucket, a trusted proxy's address is, and
parallel requests pass exactly the limit (one atomic counter for the API and the site)."""

import threading
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.test import override_settings

from accounts.ratelimits import count_hit

pytestmark = pytest.mark.django_db

CHALLENGES = "/api/v1/challenges/"


def _rates(**rates):
    merged = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **rates},
    }
    return override_settings(REST_FRAMEWORK=merged)


def test_a_forged_forwarded_for_does_not_get_a_fresh_bucket(api_client):
    with _rates(anon="5/hour"):
        answers = [
            api_client.get(CHALLENGES, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"10.1.{n}.{n}").status_code
            for n in range(8)
        ]
    assert answers == [200] * 5 + [429] * 3


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_load_balancer_each_resident_has_their_own_bucket(api_client):
    balancer = "10.0.0.2"
    with _rates(anon="3/hour"):
        first = [
            api_client.get(
                CHALLENGES, REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR=f"172.16.0.{n}, 203.0.113.10"
            ).status_code
            for n in range(4)
        ]
        second = api_client.get(CHALLENGES, REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="203.0.113.11")
    assert first == [200, 200, 200, 429]  # the forged left-hand entries change nothing
    assert second.status_code == 200  # another resident behind the same balancer


def test_a_throttled_answer_says_when_to_retry(api_client):
    with _rates(anon="1/min"):
        api_client.get(CHALLENGES)
        response = api_client.get(CHALLENGES)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


def _all_at_once(parallel: int, work) -> None:
    """Run ``work`` in ``parallel`` threads released together."""
    start = threading.Barrier(parallel)

    def run():
        start.wait()
        work()

    threads = [threading.Thread(target=run) for _ in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@pytest.mark.django_db(transaction=True)
def test_parallel_api_requests_pass_exactly_the_limit(live_server):
    limit, parallel = 10, 30
    answers: list[int] = []

    def ask():
        try:
            with urllib.request.urlopen(live_server.url + CHALLENGES, timeout=60) as response:  # noqa: S310
                answers.append(response.status)
        except urllib.error.HTTPError as error:
            answers.append(error.code)

    with _rates(anon=f"{limit}/hour"):
        _all_at_once(parallel, ask)

    assert sorted(answers) == [200] * limit + [429] * (parallel - limit)


def test_parallel_hits_on_the_sites_own_limits_count_exactly():
    limit, parallel = 5, 40
    hits: list[int] = []
    _all_at_once(parallel, lambda: hits.append(count_hit("ideas:person-42", period=3600)[0]))

    assert sorted(hits) == list(range(1, parallel + 1))
    assert sum(1 for count in hits if count <= limit) == limit
