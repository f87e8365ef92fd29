"""After a form, a person goes back to the page they came from when it is on this site, and
never to another site a link smuggled into ``next``."""

import pytest

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [
        ("/search/?q=bus+shelters", "/search/?q=bus+shelters"),
        ("https://evil.example/phish", None),
        ("//evil.example/phish", None),
    ],
)
def test_following_an_idea_returns_only_to_this_site(client, home_page, next_url, lands_on):
    challenge = ChallengeFactory.create("submission", title="Safer walks to school")
    idea = IdeaFactory(challenge=challenge, title="Crossing guards at Jefferson Elementary")
    client.force_login(UserFactory())
    response = client.post(f"/ideas/{idea.pk}/follow/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == (lands_on or idea.get_absolute_url())
