"""Terms of use: accepted at sign-up with their version and time, accepted again when they change."""

import pytest
from django.test import override_settings

from accounts.models import TermsAcceptance, User
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _signup(client, **extra):
    data = {
        "email": "amal@example.org",
        "password1": "lantern-orchard-river",
        "password2": "lantern-orchard-river",
        "display_name": "Amal K.",
        "accept_terms": "on",
    }
    data.update(extra)
    return client.post("/accounts/signup/", data)


@override_settings(GREENLIGHT_TERMS_VERSION="2026-12")
def test_sign_up_stores_the_accepted_version_and_the_name(client, home_page):
    assert _signup(client).status_code == 302
    person = User.objects.get(email="amal@example.org")
    assert person.display_name == "Amal K."
    acceptance = TermsAcceptance.objects.get(user=person)
    assert acceptance.version == "2026-12" and acceptance.accepted_at is not None


def test_sign_up_without_accepting_is_refused_with_a_message(client, home_page):
    response = _signup(client, accept_terms="")
    assert response.status_code == 200
    assert "Please accept the terms of use to take part." in response.content.decode()
    assert not User.objects.filter(email="amal@example.org").exists()


def test_sign_up_links_the_terms_and_privacy_pages(client, home_page):
    body = client.get("/accounts/signup/").content.decode()
    assert 'href="/terms/"' in body and 'href="/privacy/"' in body
    footer = client.get("/").content.decode().split('<footer class="site-footer">', 1)[1]
    for label in ("Privacy policy", "Terms of use", "Accessibility"):
        assert label in footer


def test_a_new_version_is_accepted_before_the_next_contribution(client, home_page):
    challenge = ChallengeFactory.create("submission")
    idea = IdeaFactory(challenge=challenge, title="Water fountains along the river path")
    person = UserFactory()
    TermsAcceptance.objects.create(user=person, version="2026-01")
    client.force_login(person)
    with override_settings(GREENLIGHT_TERMS_VERSION="2026-12"):
        # Reading is never interrupted.
        assert client.get(idea.get_absolute_url()).status_code == 200
        response = client.post(
            f"/ideas/{idea.pk}/comments/",
            {"body": "Yes, near the playground."},
            headers={"referer": idea.get_absolute_url()},
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/me/terms/?next=")
        assert not idea.comments.exists()
        api = client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": "Yes!"}, content_type="application/json")
        assert api.status_code == 403 and api.json()["code"] == "terms_not_accepted"

        page = client.get("/me/terms/?next=" + idea.get_absolute_url())
        assert "The terms of use have changed" in page.content.decode()
        done = client.post("/me/terms/?next=" + idea.get_absolute_url(), {"accept_terms": "on"})
        assert done["Location"] == idea.get_absolute_url()
        assert set(person.terms_acceptances.values_list("version", flat=True)) == {"2026-01", "2026-12"}
        api = client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": "Yes!"}, content_type="application/json")
        assert api.status_code == 201
