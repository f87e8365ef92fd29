"""GET /api/v1/search/, /search/suggest/ and /search/similar/."""

import pytest

from ideas.models import Idea
from search import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(city):
    services.index_refresh(idea_ids=[idea.pk for idea in city.values()])
    return city


def test_search_returns_ideas_facets_and_pages(api_client, indexed):
    response = api_client.get("/api/v1/search/", {"q": "bike", "page": 1})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2 and data["next"] is None and data["previous"] is None
    first = data["results"][0]
    assert first["title"] == "Protected bike lanes on Main Street"
    assert first["title_html"] == "Protected <mark>bike</mark> lanes on Main Street"
    assert first["url"] == f"/ideas/{indexed['bike'].pk}/"
    assert first["tags"] == ["cycling", "safety"] and first["district"] == "Harbour"
    assert {value["value"]: value["count"] for value in data["facets"]["district"]} == {"harbour": 1, "old-town": 1}
    assert set(data["facets"]) == {"challenge", "stage", "tag", "district", "year"}


def test_search_filters_and_paginates(api_client, indexed):
    data = api_client.get("/api/v1/search/", {"tag": "safety", "sort": "newest"}).json()
    assert [hit["title"] for hit in data["results"]] == [
        "Raised zebra crossings near schools",
        "Protected bike lanes on Main Street",
    ]
    everything = api_client.get("/api/v1/search/").json()
    assert everything["count"] == 5


def test_bad_parameters_are_refused_with_field_messages(api_client, indexed):
    response = api_client.get("/api/v1/search/", {"page": "abc", "stage": "rejected", "sort": "novelty"})
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"page", "stage", "sort"}
    assert errors["page"] == ["Enter a whole number."]


@pytest.mark.parametrize("text", ['"(((bike', "🚲" * 50, "'; DROP TABLE ideas_idea; --", "x" * 2000])
def test_bad_text_gives_results_or_nothing(api_client, indexed, text):
    for path, param in (
        ("/api/v1/search/", "q"),
        ("/api/v1/search/suggest/", "q"),
        ("/api/v1/search/similar/", "text"),
    ):
        response = api_client.get(path, {param: text})
        assert response.status_code == 200, path
        assert isinstance(response.json()["results"], list)


def test_suggest_completes_titles(api_client, indexed):
    data = api_client.get("/api/v1/search/suggest/", {"q": "raised zeb"}).json()
    assert data == {
        "results": [
            {
                "text": "Raised zebra crossings near schools",
                "idea_id": indexed["crossing"].pk,
                "url": f"/ideas/{indexed['crossing'].pk}/",
            }
        ]
    }


def test_similar_finds_the_idea_being_retyped_but_not_the_one_being_edited(api_client, indexed):
    text = "Cycle lanes with kerbs on Main Street"
    data = api_client.get("/api/v1/search/similar/", {"text": text}).json()
    assert data["results"][0]["idea_id"] == indexed["bike"].pk
    assert 0 < data["results"][0]["score"] <= 1
    data = api_client.get("/api/v1/search/similar/", {"text": text, "exclude": indexed["bike"].pk}).json()
    assert indexed["bike"].pk not in [result["idea_id"] for result in data["results"]]
    assert len(api_client.get("/api/v1/search/similar/", {"text": text, "limit": 1}).json()["results"]) == 1


def test_similar_says_whether_each_idea_can_be_supported_now_and_why_not(api_client, indexed):
    from tests.factories import UserFactory

    api_client.force_authenticate(UserFactory(roles=["Residents"]))
    # "trees" is in the "Greener parks" challenge, voting now; "bike" in one still taking ideas.
    results = {
        r["idea_id"]: r
        for r in api_client.get("/api/v1/search/similar/", {"text": "fruit trees and bike lanes", "limit": 10}).json()[
            "results"
        ]
    }
    trees, bike = results[indexed["trees"].pk], results[indexed["bike"].pk]
    assert trees["can_support"] is True and trees["support_note"] == ""
    assert bike["can_support"] is False
    assert bike["support_note"].startswith("It can be supported from ") and "when voting opens" in bike["support_note"]


def test_hidden_content_never_appears_even_before_reindexing(api_client, indexed):
    Idea.objects.filter(pk=indexed["bike"].pk).update(is_hidden=True)
    for path, param in (
        ("/api/v1/search/", "q"),
        ("/api/v1/search/suggest/", "q"),
        ("/api/v1/search/similar/", "text"),
    ):
        data = api_client.get(path, {param: "protected bike lanes main street"}).json()
        assert indexed["bike"].pk not in [result["idea_id"] for result in data["results"]], path


def test_search_is_throttled(api_client, indexed, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "search": "3/min"},
    }
    codes = [api_client.get("/api/v1/search/suggest/", {"q": "bike"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_the_schema_documents_the_search_endpoints(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in ("/api/v1/search/", "/api/v1/search/suggest/", "/api/v1/search/similar/"):
        assert path in schema["paths"]
    names = [parameter["name"] for parameter in schema["paths"]["/api/v1/search/"]["get"]["parameters"]]
    assert {"q", "challenge", "stage", "tag", "district", "year", "sort", "page"} <= set(names)
