"""The pipeline board in the admin: columns, figures, sorting, filters and moving ideas."""

import pytest
from django.urls import reverse

from accounts.models import District
from ideas.models import Idea
from pipeline.extensions import _metrics, register_board_metric
from pipeline.models import StageChange
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board_url(reviewed_challenge):
    return reverse("pipeline:board", args=[reviewed_challenge.pk])


@pytest.fixture
def novelty():
    """What the search app does: offer novelty through the extension point."""
    installed = _metrics.get("novelty")
    register_board_metric("novelty", "Novelty", lambda ideas: {i.pk: 0.5 for i in ideas}, order=40, display="percent")
    yield
    _metrics.pop("novelty")
    if installed is not None:
        _metrics["novelty"] = installed


def column(body: str, stage: str) -> str:
    start = body.index(f'id="column-{stage}"')
    end = body.find('<section class="pipeline-column"', start)
    return body[start : end if end > 0 else None]


def test_board_shows_columns_and_card_figures(client, leadership, idea_in, board_url, novelty):
    harbour = District.objects.create(name="Harbour", slug="harbour")
    idea_in("published", title="Tiny forests", support_count=12, district=harbour)
    idea_in("shortlisted", title="Night buses")
    client.force_login(leadership)
    body = client.get(board_url).content.decode()
    assert "Tiny forests" in column(body, "published")
    assert "Night buses" in column(body, "shortlisted")
    card = column(body, "published")
    assert "<dt>Supports</dt><dd>12</dd>" in card
    assert "<dt>Novelty</dt><dd>50%</dd>" in card
    assert "<dt>District</dt><dd>Harbour</dd>" in card


def test_board_sorts_within_a_column(client, leadership, idea_in, board_url):
    from datetime import timedelta

    from django.utils import timezone

    idea_in("published", title="Few", support_count=1, published_at=timezone.now())
    idea_in("published", title="Many", support_count=30, published_at=timezone.now() - timedelta(days=1))
    client.force_login(leadership)
    published = column(client.get(board_url).content.decode(), "published")
    assert published.index("Many") < published.index("Few")
    published = column(client.get(board_url, {"sort_published": "newest"}).content.decode(), "published")
    assert published.index("Few") < published.index("Many")


def test_board_filters_by_tag_and_district(client, leadership, idea_in, board_url):
    harbour = District.objects.create(name="Harbour", slug="harbour")
    tagged = idea_in("published", title="Tagged idea")
    tagged.tags.add("trees")
    idea_in("published", title="Harbour idea", district=harbour)
    client.force_login(leadership)
    body = client.get(board_url, {"tag": "trees"}).content.decode()
    assert "Tagged idea" in body and "Harbour idea" not in body
    body = client.get(board_url, {"district": "harbour"}).content.decode()
    assert "Harbour idea" in body and "Tagged idea" not in body


def test_board_queries_do_not_grow_with_ideas(client, leadership, reviewed_challenge, board_url, criteria):
    """Ten of the queries are the Wagtail admin's own (session, user, permissions, menu)."""
    client.force_login(leadership)
    for number in range(3):
        IdeaFactory(challenge=reviewed_challenge, stage="shortlisted").tags.add(f"tag{number}")
    client.get(board_url)  # warm caches (site root, permissions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(board_url)
    for number in range(20):
        IdeaFactory(challenge=reviewed_challenge, stage="shortlisted").tags.add(f"more{number}")
    with CaptureQueriesContext(connection) as many:
        assert client.get(board_url).status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 15


def test_move_many_with_a_note(client, leadership, idea_in, board_url, reviewed_challenge):
    first, second = idea_in("under_review"), idea_in("under_review")
    client.force_login(leadership)
    response = client.post(
        reverse("pipeline:board_move", args=[reviewed_challenge.pk]),
        {"ideas": [first.pk, second.pk], "target": "shortlisted", "note": "On to the jury.", "next": board_url},
        follow=True,
    )
    assert "Moved 2 ideas to “Shortlisted”." in response.content.decode()
    assert set(Idea.objects.filter(pk__in=[first.pk, second.pk]).values_list("stage", flat=True)) == {"shortlisted"}
    assert StageChange.objects.filter(note="On to the jury.").count() == 2


def test_a_refused_move_says_what_is_allowed(client, leadership, idea_in, board_url, reviewed_challenge):
    idea = idea_in("published", title="Too early")
    client.force_login(leadership)
    response = client.post(
        reverse("pipeline:board_move", args=[reviewed_challenge.pk]),
        {"ideas": [idea.pk], "target": "selected", "next": board_url},
        follow=True,
    )
    assert "Too early: An idea cannot move from “Published” to “Selected”." in response.content.decode()
    idea.refresh_from_db()
    assert idea.stage == "published"


@pytest.mark.parametrize("person", ["resident", "moderator", "evaluator"])
def test_only_leadership_sees_the_board(client, people, person, board_url, reviewed_challenge, idea_in):
    idea = idea_in("under_review")
    client.force_login(people[person])
    assert client.get(board_url).status_code in (302, 403)
    client.post(
        reverse("pipeline:board_move", args=[reviewed_challenge.pk]), {"ideas": [idea.pk], "target": "shortlisted"}
    )
    idea.refresh_from_db()
    assert idea.stage == "under_review"


def test_start_a_pilot_opens_the_draft_in_the_editor(client, leadership, idea_in):
    from tests.factories import PilotFactory

    PilotFactory.index()
    idea = idea_in("selected", title="Rain gardens")
    client.force_login(leadership)
    response = client.post(reverse("pipeline:start_pilot"), {"ideas": [idea.pk]})
    from pipeline.models import PilotPage

    pilot = PilotPage.objects.get()
    assert response.url == reverse("wagtailadmin_pages:edit", args=[pilot.pk])
    assert client.get(response.url).status_code == 200


def test_pairwise_score_shows_only_where_the_challenge_votes_in_pairs(client, leadership):
    from tests.factories import ChallengeFactory
    from voting.models import PairwiseScore

    pairwise = ChallengeFactory.create("review", voting_method="pairwise")
    compared = IdeaFactory(challenge=pairwise, title="Compared")
    PairwiseScore.objects.create(idea=compared, challenge=pairwise, comparisons=12, score=0.64)
    support = ChallengeFactory.create("review")
    IdeaFactory(challenge=support, title="Supported")
    client.force_login(leadership)
    body = client.get(reverse("pipeline:board", args=[pairwise.pk])).content.decode()
    assert "<dt>Pairwise score</dt><dd>64%</dd>" in column(body, "published")
    body = client.get(reverse("pipeline:board", args=[support.pk])).content.decode()
    assert "Pairwise score" not in body
