"""The open-data feeds a city portal harvests: public fields only, stable ids, pages, CSV,
ETag/Last-Modified with 304s, and a DCAT catalogue with the licence."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import ChallengeFactory, IdeaFactory, PilotFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(home_page):
    voting = ChallengeFactory.create("voting", title="Cooler streets for hot summers")
    hidden_totals = ChallengeFactory.create("voting", title="Safer walks to school", hide_totals_during_voting=True)
    author = UserFactory(email="amira.haddad@example.org", display_name="Amira H.")
    shade = IdeaFactory(
        challenge=voting,
        author=author,
        title="Plant shade trees along Harbour Road",
        summary="Harbour Road bakes in July; a row of plane trees would cool the bus stops.",
        support_count=41,
    )
    crossing = IdeaFactory(
        challenge=hidden_totals,
        title="Lollipop crossing on Mill Lane at 8:15",
        summary="Volunteers with stop signs where the pavement ends.",
        support_count=17,
    )
    draft = IdeaFactory(challenge=voting, title="My unfinished draft about benches", stage="draft")
    hidden = IdeaFactory(challenge=voting, title="Spam about car sales", is_hidden=True)
    return {
        "voting": voting,
        "hidden_totals": hidden_totals,
        "shade": shade,
        "crossing": crossing,
        "draft": draft,
        "hidden": hidden,
    }


def test_ideas_feed_has_public_ideas_and_public_fields_only(client, city):
    response = client.get("/api/v1/open-data/ideas/")
    assert response.status_code == 200
    body = response.json()
    ids = [idea["id"] for idea in body["results"]]
    assert ids == sorted([city["shade"].pk, city["crossing"].pk])
    shade = next(idea for idea in body["results"] if idea["id"] == city["shade"].pk)
    assert shade["title"] == "Plant shade trees along Harbour Road"
    assert shade["supports"] == 41
    assert shade["url"].endswith(f"/ideas/{city['shade'].pk}/")
    text = response.content.decode()
    assert "amira.haddad@example.org" not in text
    assert "author" not in shade


def test_tallies_are_left_out_where_the_challenge_hides_running_totals(client, city):
    crossing = client.get(f"/api/v1/open-data/ideas/{city['crossing'].pk}/").json()
    assert crossing["title"] == "Lollipop crossing on Mill Lane at 8:15"
    assert crossing["supports"] is None


def test_hidden_and_draft_ideas_are_not_found(client, city):
    assert client.get(f"/api/v1/open-data/ideas/{city['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v1/open-data/ideas/{city['hidden'].pk}/").status_code == 404


def test_feed_pages_with_stable_order_and_link_headers(client, city):
    first = client.get("/api/v1/open-data/ideas/?page_size=1")
    assert first.json()["count"] == 2
    assert 'rel="next"' in first["Link"]
    second = client.get(first.json()["next"])
    assert [first.json()["results"][0]["id"], second.json()["results"][0]["id"]] == sorted(
        [city["shade"].pk, city["crossing"].pk]
    )
    assert client.get("/api/v1/open-data/ideas/?page=99").status_code == 404


def test_ideas_as_csv(client, city):
    response = client.get("/api/v1/open-data/ideas/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [int(row["id"]) for row in rows] == sorted([city["shade"].pk, city["crossing"].pk])
    by_id = {int(row["id"]): row for row in rows}
    assert by_id[city["shade"].pk]["supports"] == "41"
    assert by_id[city["crossing"].pk]["supports"] == ""


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, city):
    IdeaFactory(challenge=city["voting"], title='=HYPERLINK("http://example.com","Win")', summary="Odd title")
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/open-data/ideas/?format=csv").content.decode())))
    assert any(row["title"].startswith("'=HYPERLINK") for row in rows)


def test_etag_and_last_modified_answer_304_until_something_changes(client, city):
    first = client.get("/api/v1/open-data/ideas/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag and last_modified

    again = client.get("/api/v1/open-data/ideas/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert client.get("/api/v1/open-data/ideas/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    # A support changes the tally: the same request now gets the new page.
    from django.db.models import F

    from ideas.models import Idea

    Idea.objects.filter(pk=city["shade"].pk).update(support_count=F("support_count") + 1)
    changed = client.get("/api/v1/open-data/ideas/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    # JSON and CSV of the same page are different representations.
    assert client.get("/api/v1/open-data/ideas/?format=csv")["ETag"] != changed["ETag"]


def test_challenges_feed(client, city):
    body = client.get("/api/v1/open-data/challenges/").json()
    titles = {challenge["title"]: challenge for challenge in body["results"]}
    voting = titles["Cooler streets for hot summers"]
    assert voting["phase"] == "voting"
    assert voting["ideas"] == 1  # the draft and the hidden idea do not count
    assert voting["voting_open"]


def test_pilots_feed_with_kpis(client, city):
    pilot = PilotFactory.create(
        title="Cool bus stops on Harbour Road",
        ideas=[city["shade"]],
        kpis=[
            (
                "kpi",
                {
                    "name": "Shade at bus stops",
                    "unit": "%",
                    "baseline": 10,
                    "target": 60,
                    "measurements": [{"date": "2026-06-01", "value": 25}, {"date": "2026-08-01", "value": 40}],
                },
            )
        ],
    )
    PilotFactory.create(title="Unpublished plan", publish=False)
    body = client.get("/api/v1/open-data/pilots/").json()
    assert [p["title"] for p in body["results"]] == ["Cool bus stops on Harbour Road"]
    record = body["results"][0]
    assert record["id"] == pilot.pk
    assert record["ideas"] == [city["shade"].pk]
    kpi = record["kpis"][0]
    assert (kpi["name"], kpi["baseline"], kpi["target"], kpi["current"]) == ("Shade at bus stops", 10, 60, 40)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/open-data/pilots/?format=csv").content.decode())))
    assert "Shade at bus stops" in rows[0]["kpis"]


def test_catalogue_lists_datasets_with_their_licence(client, settings, city):
    settings.OPEN_DATA_LICENSE = "ODC-BY-1.0"
    settings.OPEN_DATA_LICENSE_URL = "https://opendatacommons.org/licenses/by/1-0/"
    catalogue = client.get(reverse("api-open-data-catalog")).json()
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:license"] == "https://opendatacommons.org/licenses/by/1-0/"
    datasets = {dataset["dct:identifier"]: dataset for dataset in catalogue["dcat:dataset"]}
    assert set(datasets) == {"greenlight-ideas", "greenlight-challenges", "greenlight-pilots"}
    media = {d["dcat:mediaType"] for d in datasets["greenlight-challenges"]["dcat:distribution"]}
    assert media == {"application/json", "text/csv", "text/calendar"}
    for dataset in datasets.values():
        for distribution in dataset["dcat:distribution"]:
            path = distribution["dcat:downloadURL"].split("8000", 1)[-1]
            assert client.get(path).status_code == 200, path


def test_errors_are_json_even_when_csv_was_asked_for(client, city):
    response = client.get("/api/v1/open-data/ideas/?page=99&format=csv")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
