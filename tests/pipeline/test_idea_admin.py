"""An idea's pipeline page in the admin: its timeline, moves, merge and pilots."""

import pytest
from django.urls import reverse

from pipeline import services

pytestmark = pytest.mark.django_db


def test_leadership_moves_an_idea_with_a_note(client, leadership, idea_in):
    idea = idea_in("under_review")
    client.force_login(leadership)
    page = client.get(reverse("pipeline:idea", args=[idea.pk])).content.decode()
    assert '<option value="shortlisted">Shortlist</option>' in page
    assert '<option value="selected">' not in page
    response = client.post(
        reverse("pipeline:idea_move", args=[idea.pk]),
        {"target": "shortlisted", "note": "The transport team will study costs by March."},
        follow=True,
    )
    body = response.content.decode()
    assert "is now “Shortlisted”" in body
    assert "The transport team will study costs by March." in body


def test_not_pursued_without_a_note_is_refused_with_the_reason(client, leadership, idea_in):
    idea = idea_in("under_review")
    client.force_login(leadership)
    response = client.post(reverse("pipeline:idea_move", args=[idea.pk]), {"target": "not_pursued"}, follow=True)
    assert "needs a public note" in response.content.decode()
    idea.refresh_from_db()
    assert idea.stage == "under_review"


def test_moderator_merges_from_the_idea_page(client, moderator, idea_in):
    a, b = idea_in("published", title="Keep this"), idea_in("published", title="Duplicate")
    client.force_login(moderator)
    page = client.get(reverse("pipeline:idea", args=[b.pk])).content.decode()
    assert "Merge this duplicate into another idea" in page
    assert "Move this idea" not in page  # moderators do not move ideas through review
    response = client.post(reverse("pipeline:idea_merge", args=[b.pk]), {"target": a.pk}, follow=True)
    assert "Merged into “Keep this”." in response.content.decode()
    b.refresh_from_db()
    assert b.merged_into == a


def test_a_resident_cannot_open_or_use_it(client, resident, idea_in):
    a, b = idea_in("published"), idea_in("published")
    client.force_login(resident)
    assert client.get(reverse("pipeline:idea", args=[b.pk])).status_code in (302, 403)
    client.post(reverse("pipeline:idea_merge", args=[b.pk]), {"target": a.pk})
    b.refresh_from_db()
    assert b.stage == "published"


def test_selected_idea_offers_start_a_pilot_and_lists_its_pilots(client, leadership, idea_in):
    from tests.factories import PilotFactory

    PilotFactory.index()
    idea = idea_in("selected")
    client.force_login(leadership)
    assert "Start a pilot" in client.get(reverse("pipeline:idea", args=[idea.pk])).content.decode()
    pilot = services.pilot_start(ideas=[idea], actor=leadership, title="Rain gardens pilot")
    pilot.save_revision(user=leadership).publish(user=leadership)
    page = client.get(reverse("pipeline:idea", args=[idea.pk])).content.decode()
    assert "Rain gardens pilot" in page and "Piloting" in page
