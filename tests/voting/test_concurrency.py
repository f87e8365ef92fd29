"""Parallel requests against a live server on PostgreSQL: the votes stay exact."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from rest_framework.authtoken.models import Token

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting.models import Support

pytestmark = pytest.mark.django_db(transaction=True)

# Enough threads to overlap many transactions without exhausting the shared PostgreSQL.
PARALLEL = 24


def _post_all(live_server, jobs):
    """POST each ``(token, idea_id)`` at once from a pool of threads; the status codes."""

    def post(job):
        token, idea_id = job
        response = requests.post(
            f"{live_server.url}/api/v1/ideas/{idea_id}/support/",
            headers={"Authorization": f"Token {token}"},
            timeout=60,
        )
        return response.status_code

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return list(pool.map(post, jobs))


def test_200_parallel_supports_from_50_people_count_50(live_server):
    challenge = ChallengeFactory.create("voting")
    idea = IdeaFactory(challenge=challenge)
    tokens = [Token.objects.create(user=UserFactory()).key for _ in range(50)]

    statuses = _post_all(live_server, [(token, idea.pk) for _ in range(4) for token in tokens])

    assert len(statuses) == 200
    assert statuses.count(201) == 50
    assert statuses.count(200) == 150
    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == 50
    assert idea.support_count == 50


def test_parallel_supports_from_one_person_stop_at_the_cap(live_server):
    challenge = ChallengeFactory.create("voting", supports_per_person=5)
    ideas = IdeaFactory.create_batch(10, challenge=challenge)
    token = Token.objects.create(user=UserFactory()).key

    statuses = _post_all(live_server, [(token, idea.pk) for _ in range(3) for idea in ideas])

    assert statuses.count(201) == 5
    assert set(statuses) <= {200, 201, 409}
    assert Support.objects.filter(idea__challenge=challenge).count() == 5
    for idea in ideas:
        idea.refresh_from_db()
        assert idea.support_count == Support.objects.filter(idea=idea).count()
