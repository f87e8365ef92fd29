"""The "Verify as a resident" page, and the ways to it: the challenge page, the refused support
button and the account menu."""

import pytest

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory, issue_resident_codes

pytestmark = pytest.mark.django_db

REFUSAL = "Only verified residents may vote in this challenge. Enter the code the city sent you."


@pytest.fixture
def streets(home_page):
    challenge = ChallengeFactory.create("voting", title="Better streets", residents_must_verify=True)
    issue_resident_codes(challenge, "ELM-4821-KQ")
    return challenge


def test_the_challenge_page_and_the_idea_card_lead_to_the_code_page(client, streets):
    IdeaFactory(challenge=streets, title="Raised crossing outside Elm Street school")
    client.force_login(UserFactory(roles=["Residents"]))
    page = client.get(streets.url).content.decode()
    assert REFUSAL in page
    assert f'href="/votes/verify/?challenge={streets.pk}&amp;next=' in page
    assert 'href="/votes/verify/"' in client.get("/me/profile/").content.decode()


def test_a_resident_enters_the_code_and_comes_back_to_vote(client, streets):
    client.force_login(UserFactory(roles=["Residents"]))
    form = client.get(f"/votes/verify/?challenge={streets.pk}").content.decode()
    assert f'<option value="{streets.pk}" selected>Better streets</option>' in form
    assert 'autocomplete="one-time-code"' in form

    wrong = client.post("/votes/verify/", {"challenge": streets.pk, "code": "ELM-0000-KQ"})
    assert wrong.status_code == 400
    assert "This code does not work for this challenge." in wrong.content.decode()

    done = client.post("/votes/verify/", {"challenge": streets.pk, "code": "elm 4821 kq"}, follow=True)
    assert done.redirect_chain[-1][0] == streets.url
    text = done.content.decode()
    assert "You are verified as a resident for “Better streets”. You can vote now." in text
    assert REFUSAL not in text
    assert "Better streets" in client.get("/votes/verify/").content.decode().split("Where you are verified")[1]


def test_visitors_sign_in_first_and_closed_challenges_are_not_offered(client, streets):
    assert client.get("/votes/verify/").url.startswith("/accounts/login/")
    ChallengeFactory.create("closed", title="Smart lighting", residents_must_verify=True)
    client.force_login(UserFactory(roles=["Residents"]))
    page = client.get("/votes/verify/").content.decode()
    assert "Better streets" in page and "Smart lighting" not in page


def test_the_pairwise_screen_offers_the_code_page_too(client, home_page):
    parks = ChallengeFactory.create("voting", title="Parks for everyone", voting_method="pairwise")
    parks.residents_must_verify = True
    parks.save(update_fields=["residents_must_verify"])
    for title in ("Splash pad by the library", "Night walks in Riverside Park"):
        IdeaFactory(challenge=parks, title=title)
    client.force_login(UserFactory(roles=["Residents"]))
    page = client.get(f"/votes/challenges/{parks.pk}/compare/").content.decode()
    assert REFUSAL in page and "Splash pad by the library" not in page
    assert f'href="/votes/verify/?challenge={parks.pk}&amp;next=/votes/challenges/{parks.pk}/compare/"' in page
