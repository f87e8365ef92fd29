"""Three reports hide an idea or a comment, so reporting needs a confirmed email address, on
the page and through the API, like every other contribution."""

import pytest

from ideas import services
from ideas.models import Flag
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(home_page):
    challenge = ChallengeFactory.create("submission")
    return IdeaFactory(challenge=challenge, title="Night buses to the university campus")


@pytest.fixture
def comment(idea):
    return services.comment_post(idea=idea, author=UserFactory(), body="<p>Line 12 already runs until midnight.</p>")


def test_an_unverified_account_cannot_report_through_the_api(api_client, idea, comment):
    api_client.force_authenticate(UserFactory(verified=False))

    for url in (f"/api/v1/ideas/{idea.pk}/flag/", f"/api/v1/comments/{comment.pk}/flag/"):
        response = api_client.post(url, {"reason": "spam"}, format="json")
        assert response.status_code == 403
        assert response.json()["detail"] == "Confirm your email address to report."
    assert not Flag.objects.exists()


def test_an_unverified_account_cannot_report_on_the_page(client, idea):
    client.force_login(UserFactory(verified=False))

    assert "Report" not in client.get(idea.get_absolute_url()).content.decode().split("<main", 1)[-1]
    response = client.post(f"/ideas/{idea.pk}/report/", {"reason": "spam"})

    assert response.status_code == 403
    assert "Confirm your email address to report." in response.content.decode()
    assert not Flag.objects.exists()


def test_a_verified_resident_still_reports(api_client, idea):
    api_client.force_authenticate(UserFactory())
    assert api_client.post(f"/api/v1/ideas/{idea.pk}/flag/", {"reason": "spam"}, format="json").status_code == 201
    assert Flag.objects.count() == 1
