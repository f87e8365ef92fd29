"""The pipeline's read API: timelines of ideas and the city's pilots."""

import datetime

import pytest

from pipeline import services
from tests.factories import ChallengeFactory, IdeaFactory, PilotFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(db):
    return UserFactory(roles=["Leadership"])


def test_timeline_of_a_public_idea(api_client, leader, home_page):
    idea = IdeaFactory(challenge=ChallengeFactory.create("review"))
    services.idea_review_start(idea=idea, actor=leader, note="The jury meets in March.")
    response = api_client.get(f"/api/v1/ideas/{idea.pk}/timeline/")
    assert response.status_code == 200
    step = response.json()["results"][0]
    assert (step["from_stage"], step["to_stage"]) == ("published", "under_review")
    assert step["to_stage_label"] == "Under review"
    assert step["note"] == "The jury meets in March."
    assert "actor" not in step


def test_timeline_of_a_hidden_idea_is_not_found(api_client, home_page):
    idea = IdeaFactory(is_hidden=True)
    response = api_client.get(f"/api/v1/ideas/{idea.pk}/timeline/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Idea matches the given query."}
    api_client.force_authenticate(idea.author)
    assert api_client.get(f"/api/v1/ideas/{idea.pk}/timeline/").status_code == 200


def test_pilots_list_filters_and_paginates(api_client, home_page, django_assert_max_num_queries):
    for number in range(3):
        PilotFactory.create(title=f"Parks {number}", department="Parks")
    PilotFactory.create(title="Draft", publish=False)
    with django_assert_max_num_queries(6):
        response = api_client.get("/api/v1/pilots/", {"department": "Parks", "status": "running"})
    body = response.json()
    assert body["count"] == 3
    assert {p["title"] for p in body["results"]} == {"Parks 0", "Parks 1", "Parks 2"}


def test_pilots_list_rejects_an_unknown_status(api_client, home_page):
    response = api_client.get("/api/v1/pilots/", {"status": "finished"})
    assert response.status_code == 400
    assert "status" in response.json()


def test_pilot_detail_has_kpis_milestones_and_updates(api_client, home_page):
    pilot = PilotFactory.create(
        kpis=[
            {
                "type": "kpi",
                "value": {
                    "name": "Shade",
                    "unit": "%",
                    "baseline": 10,
                    "target": 50,
                    "measurements": [{"date": "2026-06-01", "value": 30}],
                },
            }
        ],
        milestones=[{"title": "Sails up", "due_on": datetime.date(2026, 5, 1), "done_on": datetime.date(2026, 5, 2)}],
        updates=[{"date": datetime.date(2026, 5, 3), "title": "Up", "text": "All sails are up."}],
    )
    body = api_client.get(f"/api/v1/pilots/{pilot.pk}/").json()
    assert body["kpis"][0]["current"] == 30
    assert body["kpis"][0]["progress_percent"] == 50
    assert body["kpis"][0]["measurements"] == [{"date": "2026-06-01", "value": 30.0}]
    assert body["milestones"] == [{"title": "Sails up", "due_on": "2026-05-01", "done_on": "2026-05-02"}]
    assert body["updates"][0]["text"] == "All sails are up."


def test_draft_pilots_are_not_found(api_client, home_page):
    draft = PilotFactory.create(publish=False)
    assert api_client.get(f"/api/v1/pilots/{draft.pk}/").status_code == 404


def test_timeline_queries_do_not_grow_with_its_length(api_client, leader, home_page, django_assert_max_num_queries):
    idea = IdeaFactory(challenge=ChallengeFactory.create("review"))
    services.idea_review_start(idea=idea, actor=leader)
    services.idea_shortlist(idea=idea, actor=leader)
    services.idea_select(idea=idea, actor=leader)
    with django_assert_max_num_queries(5):
        response = api_client.get(f"/api/v1/ideas/{idea.pk}/timeline/")
    assert [s["to_stage"] for s in response.json()["results"]] == ["under_review", "shortlisted", "selected"]
