from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import ChallengeFactory, DistrictFactory, IdeaFactory, UserFactory
from voting import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(home_page):
    return ChallengeFactory.create("voting", hide_totals_during_voting=True)


def test_only_leadership_opens_the_voting_admin(client, challenge):
    client.force_login(UserFactory(roles=["Moderators"]))
    for url in ("/admin/voting/", f"/admin/voting/{challenge.pk}/"):
        refused = client.get(url, follow=True)
        assert refused.redirect_chain[-1][0] == "/admin/"
        assert "Sorry, you do not have permission to access this area." in refused.content.decode()

    client.force_login(UserFactory(roles=["Leadership"]))
    index = client.get("/admin/voting/")
    assert index.status_code == 200
    assert challenge.title in index.content.decode()


def test_leadership_ranks_by_supports_or_trending_and_sees_districts(client, challenge):
    steady, rising = IdeaFactory(challenge=challenge, title="Steady"), IdeaFactory(challenge=challenge, title="Rising")
    harbour = DistrictFactory(name="Harbour", slug="harbour")
    with time_machine.travel(timezone.now() - timedelta(days=5)):
        for _ in range(4):
            services.support_add(voter=UserFactory(district=harbour), idea=steady)
    for _ in range(3):
        services.support_add(voter=UserFactory(district=harbour), idea=rising)
    client.force_login(UserFactory(roles=["Leadership"]))
    url = f"/admin/voting/{challenge.pk}/"

    by_supports = client.get(url).content.decode()
    by_trending = client.get(url + "?sort=trending").content.decode()

    assert by_supports.index("Steady") < by_supports.index("Rising")
    assert by_trending.index("Rising") < by_trending.index("Steady")
    assert "Running totals are hidden from the public" in by_supports
    assert "<td>Harbour</td><td>7</td><td>7</td>" in by_supports


def test_the_voting_admin_keeps_its_query_count(client, challenge):
    client.force_login(UserFactory(roles=["Leadership"]))
    url = f"/admin/voting/{challenge.pk}/?sort=pairwise"
    IdeaFactory.create_batch(3, challenge=challenge)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    IdeaFactory.create_batch(20, challenge=challenge)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)
