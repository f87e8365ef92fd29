"""One set of idea filters (ideas.filters) behind the challenge page, the challenge's ideas
in the API and ``/api/v1/ideas/``: the same values narrow all three; a bad value is left out
on the page and refused with the field's message in the API."""

import pytest

from ideas import services
from tests.factories import ChallengeFactory, DistrictFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def streets(home_page):
    """A challenge with a tagged idea in Harbour, a shortlisted one and a plain one."""
    challenge = ChallengeFactory.create("submission", title="Safer streets around schools")
    harbour = DistrictFactory(name="Harbour", slug="harbour")
    DistrictFactory(name="Old Town", slug="old-town")
    author = UserFactory(roles=["Residents"])
    services.idea_create(
        challenge=challenge,
        author=author,
        title="A lollipop crossing on Quay Street",
        summary="Children cross four lanes to reach Harbour Primary.",
        tags=["Crossings"],
        district=harbour,
    )
    IdeaFactory(challenge=challenge, title="20 mph outside every primary school", stage="shortlisted")
    IdeaFactory(challenge=challenge, title="Bike racks by the school gates")
    return challenge


def _titles(response) -> set[str]:
    return {idea["title"] for idea in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag=crossings", {"A lollipop crossing on Quay Street"}),
        ("district=harbour", {"A lollipop crossing on Quay Street"}),
        ("stage=shortlisted", {"20 mph outside every primary school"}),
        ("district=old-town", set()),
    ],
)
def test_the_page_and_both_api_lists_narrow_alike(client, api_client, streets, query, expected):
    page = client.get(f"{streets.url}?{query}").content.decode()
    everyone = {
        "A lollipop crossing on Quay Street",
        "20 mph outside every primary school",
        "Bike racks by the school gates",
    }
    assert {title for title in everyone if title in page} == expected
    assert _titles(api_client.get(f"/api/v1/challenges/{streets.pk}/ideas/?{query}")) == expected
    assert _titles(api_client.get(f"/api/v1/ideas/?challenge={streets.pk}&{query}")) == expected


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("stage=draft", "stage"),
        ("stage=merged", "stage"),
        ("district=atlantis", "district"),
        ("tag=no-such-tag", "tag"),
    ],
)
def test_a_bad_value_is_left_out_on_the_page_and_a_field_error_in_the_api(client, api_client, streets, query, field):
    page = client.get(f"{streets.url}?{query}")
    assert page.status_code == 200
    assert "Bike racks by the school gates" in page.content.decode()
    for address in (f"/api/v1/challenges/{streets.pk}/ideas/?{query}", f"/api/v1/ideas/?{query}"):
        response = api_client.get(address)
        assert response.status_code == 400
        assert list(response.json()) == [field]


@pytest.mark.parametrize("challenge", ["abc", "1e3", "-1", "99999999999999999999"])
def test_an_odd_challenge_id_is_a_field_error(api_client, streets, challenge):
    response = api_client.get(f"/api/v1/ideas/?challenge={challenge}")
    assert response.status_code == 400
    assert response.json() == {"challenge": ["A challenge id is a whole number."]}


def test_the_schema_documents_every_filter(api_client, streets):
    schema = api_client.get("/api/schema/?format=json").json()
    for path, names in (
        ("/api/v1/ideas/", {"challenge", "tag", "district", "stage"}),
        ("/api/v1/challenges/{id}/ideas/", {"sort", "tag", "district", "stage", "seed"}),
    ):
        parameters = {parameter["name"]: parameter for parameter in schema["paths"][path]["get"]["parameters"]}
        assert names <= set(parameters)
        assert "merged" not in parameters["stage"]["schema"]["enum"]
        assert "shortlisted" in parameters["stage"]["schema"]["enum"]
