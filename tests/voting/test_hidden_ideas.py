"""A support on an idea that the community's reports (or a moderator) hid is never stuck: the
voter can take it back while voting is open, through the API and on the challenge page, and
meanwhile it does not use up one of their supports."""

import pytest

from ideas import services as idea_services
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting import services
from voting.models import Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(home_page):
    return ChallengeFactory.create("voting", supports_per_person=2, title="A greener Harbour district")


@pytest.fixture
def voter():
    return UserFactory(roles=["Residents"])


def _hide_by_reports(idea):
    for reporter in UserFactory.create_batch(3, roles=["Residents"]):
        idea_services.flag_add(reporter=reporter, idea=idea, reason="spam", details="Advertises a shop.")
    idea.refresh_from_db()
    assert idea.is_hidden


def test_the_voter_withdraws_their_support_of_a_hidden_idea_through_the_api(api_client, challenge, voter):
    idea = IdeaFactory(challenge=challenge, title="Solar benches at the ferry terminal")
    services.support_add(voter=voter, idea=idea)
    _hide_by_reports(idea)
    api_client.force_authenticate(voter)

    response = api_client.delete(f"/api/v1/ideas/{idea.pk}/support/")

    assert response.status_code == 200
    assert response.json()["supported"] is False
    assert not Support.objects.filter(voter=voter).exists()
    idea.refresh_from_db()
    assert idea.support_count == 0
    # Others still cannot reach the hidden idea.
    api_client.force_authenticate(UserFactory())
    assert api_client.delete(f"/api/v1/ideas/{idea.pk}/support/").status_code == 404


def test_a_hidden_ideas_support_does_not_use_up_the_cap(api_client, challenge, voter):
    trees, benches, fountain = (
        IdeaFactory(challenge=challenge, title=title)
        for title in ("Street trees on Dock Road", "Solar benches at the ferry terminal", "A drinking fountain")
    )
    services.support_add(voter=voter, idea=trees)
    services.support_add(voter=voter, idea=benches)
    _hide_by_reports(benches)
    api_client.force_authenticate(voter)

    response = api_client.post(f"/api/v1/ideas/{fountain.pk}/support/")

    assert response.status_code == 201
    assert response.json()["supports_left"] == 0
    assert Support.objects.filter(voter=voter).count() == 3


def test_the_challenge_page_offers_to_withdraw_a_support_of_a_hidden_idea(client, challenge, voter):
    idea = IdeaFactory(challenge=challenge, title="Solar benches at the ferry terminal")
    services.support_add(voter=voter, idea=idea)
    _hide_by_reports(idea)
    client.force_login(voter)

    page = client.get(challenge.url).content.decode()
    assert "2 of 2 supports left" in page
    assert "You support an idea that is no longer public" in page
    assert "Withdraw support from hidden idea 1" in page

    response = client.post(f"/votes/ideas/{idea.pk}/support/", {"action": "withdraw", "next": challenge.url})

    assert response.status_code == 302
    assert not Support.objects.filter(voter=voter).exists()
    assert "no longer public" not in client.get(response["Location"]).content.decode()
