"""Malformed requests a visitor or resident can send get a clear 400 or 404, never a server
error: odd ids in addresses, hostile JSON bodies, NUL characters, odd numbers in the query."""

import json

import pytest

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

ODD_IDS = ["abc", "null,null", "1e3", "%00", "%C2%B2", "-1", "99999999999999999999"]


@pytest.fixture
def idea(home_page):
    challenge = ChallengeFactory.create("voting", title="Safer streets around schools")
    return IdeaFactory(challenge=challenge, title="A lollipop crossing on Mill Lane")


@pytest.fixture
def resident_api(api_client):
    api_client.force_authenticate(UserFactory(roles=["Residents"]))
    return api_client


ADDRESSES = [
    "/api/v1/ideas/{}/",
    "/api/v1/ideas/{}/comments/",
    "/api/v1/ideas/{}/support/",
    "/api/v1/ideas/{}/timeline/",
    "/api/v1/comments/{}/",
    "/api/v1/challenges/{}/ideas/",
    "/api/v1/challenges/{}/follow/",
    "/api/v1/pilots/{}/",
    "/ideas/{}/",
    "/votes/challenges/{}/results/",
]


def test_odd_ids_in_addresses_are_not_found(resident_api, idea):
    for address in ADDRESSES:
        for odd in ODD_IDS:
            for method in ("get", "post"):
                response = getattr(resident_api, method)(address.format(odd))
                assert response.status_code in (400, 404), (method, address, odd, response.status_code)


def test_a_json_body_nested_100000_deep_is_refused(resident_api, idea):
    for address in ("/api/v1/ideas/", f"/api/v1/ideas/{idea.pk}/comments/", f"/api/v1/ideas/{idea.pk}/flag/"):
        response = resident_api.post(address, "[" * 100_000, content_type="application/json")
        assert response.status_code == 400
        assert "nested deeper than 32 levels" in response.json()["detail"]


@pytest.mark.parametrize("body", ["[]", '"x"', "null", "42", "[{}]"])
def test_a_json_body_that_is_not_an_object_is_refused(resident_api, idea, body):
    for address in ("/api/v1/ideas/", f"/api/v1/ideas/{idea.pk}/comments/"):
        response = resident_api.post(address, body, content_type="application/json")
        assert response.status_code == 400
        assert response.json()["detail"].startswith("Send a JSON object")


def test_a_json_object_still_works(resident_api, idea):
    body = json.dumps({"body": "<p>The crossing guard left in June and was never replaced.</p>"})
    response = resident_api.post(f"/api/v1/ideas/{idea.pk}/comments/", body, content_type="application/json")
    assert response.status_code == 201


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/ideas/?tag=%00",
        "/api/v1/ideas/?district=a%00b",
        "/api/v1/pilots/?status=%00",
        "/api/v1/search/?q=%00",
        "/api/v1/challenges/{challenge}/ideas/?tag=%00",
        "/api/v1/ideas/?%00=1",
    ],
)
def test_a_nul_character_in_a_query_parameter_is_a_400(api_client, idea, address):
    response = api_client.get(address.format(challenge=idea.challenge_id))
    assert response.status_code == 400
    assert "NUL character" in response.json()["detail"]


def test_a_nul_character_on_a_page_is_a_400_page(client, idea):
    response = client.get(idea.challenge.url + "?tag=%00")
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()


@pytest.mark.parametrize("seed", ["%C2%B2", "1e3", "-5", "99999999999999999999", "%D9%A3"])
def test_an_odd_seed_is_a_400_with_a_message(api_client, idea, seed):
    response = api_client.get(f"/api/v1/challenges/{idea.challenge_id}/ideas/?seed={seed}")
    assert response.status_code == 400
    assert "seed" in response.json()


def test_an_odd_seed_cookie_is_ignored(client, idea):
    client.cookies["greenlight_order"] = "²"
    assert client.get(idea.challenge.url).status_code == 200
    assert client.get(f"/api/v1/challenges/{idea.challenge_id}/ideas/").status_code == 200


# Not named ``page``: that is pytest-playwright's browser page fixture.
@pytest.mark.parametrize("number", ["99999999999999999999", "9223372036854775807", "²", "-3", "0"])
def test_a_huge_or_odd_page_number_shows_the_first_page(client, api_client, idea, number):
    response = client.get(f"{idea.challenge.url}?page={number}")
    assert response.status_code == 200
    assert "A lollipop crossing on Mill Lane" in response.content.decode()
    assert api_client.get(f"/api/v1/ideas/?page={number}").status_code in (200, 404)


def test_a_search_of_many_dashes_answers(client, api_client, idea):
    for query in ["-" * 33, "-" * 200, "- " * 60 + "crossing", "-&" * 40, "-(" * 40 + "lane"]:
        assert client.get("/search/", {"q": query}).status_code == 200
        assert api_client.get("/api/v1/search/", {"q": query}).status_code == 200
