"""POST /api/v1/me/verification/: a resident enters the city's code through the API, with
JSON field errors, one answer for every code that does not work, and 429 after five tries."""

import pytest

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory, issue_resident_codes
from voting.models import ResidentVerification

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/verification/"


@pytest.fixture
def streets(home_page):
    challenge = ChallengeFactory.create("voting", title="Better streets", residents_must_verify=True)
    issue_resident_codes(challenge, "ELM-4821-KQ", "OAK-1177-PX")
    return challenge


@pytest.fixture
def amira():
    return UserFactory(email="amira.khan@example.org", roles=["Residents"])


def test_a_resident_verifies_then_supports_through_the_api(api_client, streets, amira):
    idea = IdeaFactory(challenge=streets, title="Raised crossing outside Elm Street school")
    assert api_client.get(f"/api/v1/challenges/{streets.pk}/").json()["residents_must_verify"] is True
    api_client.force_authenticate(amira)
    refused = api_client.post(f"/api/v1/ideas/{idea.pk}/support/")
    assert refused.status_code == 403
    assert refused.json()["code"] == "resident"

    created = api_client.post(URL, {"challenge": streets.pk, "code": "elm-4821-kq"}, format="json")
    assert created.status_code == 201
    body = created.json()
    assert body["challenge"] == streets.pk and body["challenge_title"] == "Better streets" and body["method"] == "code"
    again = api_client.post(URL, {"challenge": streets.pk, "code": "OAK-1177-PX"}, format="json")
    assert again.status_code == 200
    assert [row["challenge"] for row in api_client.get(URL).json()] == [streets.pk]
    assert api_client.post(f"/api/v1/ideas/{idea.pk}/support/").status_code == 201


def test_bad_input_gets_json_field_errors(api_client, streets, amira):
    api_client.force_authenticate(amira)
    assert "code" in api_client.post(URL, {"challenge": streets.pk}, format="json").json()
    assert api_client.post(URL, {"challenge": "streets", "code": "X"}, format="json").json() == {
        "challenge": ["A challenge id is a whole number."]
    }
    assert api_client.post(URL, {"challenge": 999999, "code": "X"}, format="json").json() == {
        "challenge": ["Choose a challenge that exists."]
    }
    wrong = api_client.post(URL, {"challenge": streets.pk, "code": "ELM-0000-KQ"}, format="json")
    assert wrong.status_code == 400
    assert wrong.json() == {
        "code": ["This code does not work for this challenge. Check it and try again, or contact the city."]
    }
    assert not ResidentVerification.objects.exists()


def test_the_sixth_try_in_a_quarter_hour_is_429(api_client, streets, amira):
    api_client.force_authenticate(amira)
    for attempt in range(5):
        assert api_client.post(URL, {"challenge": streets.pk, "code": f"GUESS-{attempt}00"}).status_code == 400
    limited = api_client.post(URL, {"challenge": streets.pk, "code": "ELM-4821-KQ"})
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    assert not ResidentVerification.objects.exists()


def test_anonymous_callers_are_refused_and_the_schema_documents_it(api_client, streets):
    assert api_client.post(URL, {"challenge": streets.pk, "code": "ELM-4821-KQ"}).status_code in (401, 403)
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    post = schema["paths"]["/api/v1/me/verification/"]["post"]
    assert {"201", "400", "429"} <= set(post["responses"])
    assert "code" in str(post["requestBody"])
