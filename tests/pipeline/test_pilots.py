"""Pilots and their effect on their ideas' stages."""

import datetime

import pytest

from pipeline import services
from pipeline.models import PilotPage
from pipeline.selectors import idea_timeline
from tests.factories import PilotFactory

pytestmark = pytest.mark.django_db

KPIS = [
    {
        "type": "kpi",
        "value": {
            "name": "Car trips to school",
            "unit": "a day",
            "baseline": 120,
            "target": 60,
            "measurements": [
                {"date": "2026-03-01", "value": 110},
                {"date": "2026-04-01", "value": 90},
            ],
        },
    }
]


def publish(pilot, user, **changes):
    for field, value in changes.items():
        setattr(pilot, field, value)
    pilot.save_revision(user=user).publish(user=user)
    return PilotPage.objects.get(pk=pilot.pk)


def test_start_a_pilot_creates_a_draft_linked_to_the_ideas(leadership, idea_in):
    PilotFactory.index()
    first, second = idea_in("selected", title="Walking bus"), idea_in("selected")
    pilot = services.pilot_start(ideas=[first, second], actor=leadership)
    assert not pilot.live
    assert pilot.title == "Walking bus"
    assert [link.idea for link in pilot.source_ideas.all()] == [first, second]
    first.refresh_from_db()
    assert first.stage == "selected"  # not until the pilot is published


def test_only_selected_ideas_start_a_pilot(leadership, idea_in):
    PilotFactory.index()
    with pytest.raises(services.TransitionRefused, match="only selected ideas can start a pilot"):
        services.pilot_start(ideas=[idea_in("shortlisted")], actor=leadership)
    assert not PilotPage.objects.exists()


def test_only_leadership_starts_a_pilot(moderator, idea_in):
    PilotFactory.index()
    with pytest.raises(services.TransitionRefused, match="Only Leadership"):
        services.pilot_start(ideas=[idea_in("selected")], actor=moderator)


def test_publishing_moves_ideas_to_piloting_and_scaling_up_adopts_them(leadership, idea_in):
    PilotFactory.index()
    idea = idea_in("selected")
    pilot = services.pilot_start(ideas=[idea], actor=leadership)
    pilot = publish(pilot, leadership, status="running")
    idea.refresh_from_db()
    assert idea.stage == "piloting"
    pilot = publish(pilot, leadership, status="scaled_up", decision="Every school gets one.", lessons="Parents lead.")
    idea.refresh_from_db()
    assert idea.stage == "adopted"
    steps = [(s.to_stage, s.note, s.pilot_id) for s in idea_timeline(idea=idea)]
    assert steps[-2:] == [
        ("piloting", f"The pilot “{pilot.title}” has started.", pilot.pk),
        ("adopted", "Every school gets one.", pilot.pk),
    ]


def test_stopping_a_pilot_gives_its_lesson_as_the_public_note(leadership, idea_in):
    PilotFactory.index()
    idea = idea_in("selected")
    pilot = publish(services.pilot_start(ideas=[idea], actor=leadership), leadership, status="running")
    publish(pilot, leadership, status="stopped", decision="Stopped.", lessons="Too few families took part.")
    idea.refresh_from_db()
    assert idea.stage == "not_pursued"
    assert idea_timeline(idea=idea)[-1].note == "Too few families took part."


def test_republishing_changes_nothing_more(leadership, idea_in):
    PilotFactory.index()
    idea = idea_in("selected")
    pilot = publish(services.pilot_start(ideas=[idea], actor=leadership), leadership, status="running")
    publish(pilot, leadership, summary="New summary")
    assert [s.to_stage for s in idea_timeline(idea=idea)] == ["piloting"]


def test_an_ended_pilot_needs_a_decision_and_lessons():
    from django.core.exceptions import ValidationError

    pilot = PilotPage(title="P", department="Parks", summary="S", status="stopped")
    with pytest.raises(ValidationError) as error:
        pilot.clean()
    assert set(error.value.message_dict) == {"decision", "lessons"}


def test_pilot_page_shows_progress_with_a_chart_and_its_text(client, home_page):
    pilot = PilotFactory.create(
        title="School streets pilot",
        kpis=KPIS,
        budget_planned=10000,
        budget_spent=2500,
        starts_on=datetime.date(2026, 2, 1),
        milestones=[
            {"title": "Signs installed", "due_on": datetime.date(2026, 2, 15), "done_on": datetime.date(2026, 2, 14)},
            {"title": "First survey", "due_on": datetime.date(2026, 5, 1)},
        ],
        updates=[{"date": datetime.date(2026, 3, 2), "title": "First month", "text": "Fewer cars at the gate."}],
    )
    body = client.get(pilot.url).content.decode()
    assert '<svg class="kpi-chart"' in body and 'role="img"' in body
    assert "Baseline 120 a day, target 60 a day." in body
    assert "The latest value is 50% of the way from the baseline to the target." in body
    assert "1 of 2" in body  # milestones done
    assert "25%" in body  # budget used
    assert "Fewer cars at the gate." in body
    assert "style=" not in body


def test_pilot_page_links_the_public_ideas_it_tests(client, idea_in):
    idea, hidden = idea_in("piloting", title="School streets"), idea_in("piloting", title="Hidden", is_hidden=True)
    pilot = PilotFactory.create(ideas=[idea, hidden])
    body = client.get(pilot.url).content.decode()
    assert f'href="{idea.get_absolute_url()}"' in body
    assert "Hidden" not in body


def test_pilot_index_filters_by_department_and_status(client, home_page, django_assert_max_num_queries):
    for number in range(6):
        PilotFactory.create(
            title=f"Parks pilot {number}",
            department="Parks",
            status="running" if number % 2 else "stopped",
            decision="Stopped after the summer.",
            lessons="Shade matters more than seats.",
        )
    PilotFactory.create(title="Transport pilot", department="Transport", status="running")
    index = PilotFactory.index()
    # 15, and 2 for Wagtail's lookup of the active locale (internationalisation on).
    with django_assert_max_num_queries(17):
        body = client.get(index.url, {"department": "Parks", "status": "running"}).content.decode()
    assert body.count('class="card pilot-card"') == 3
    assert "Transport pilot" not in body
    assert "3 pilots" in body
