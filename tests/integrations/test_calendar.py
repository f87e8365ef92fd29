"""Calendar feeds of challenge phases that people subscribe to in their own calendar."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from tests.factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def events_of(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_all_challenges_calendar_has_each_phase(client, home_page):
    challenge = ChallengeFactory.create("submission", title="Quieter nights in the old town")
    response = client.get("/calendar/challenges.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = events_of(response)
    voting = events["Voting: Quieter nights in the old town"]
    # Calendars count in whole seconds.
    assert voting.decoded("dtstart") == challenge.voting_open.replace(microsecond=0)
    assert voting.decoded("dtend") == challenge.voting_close.replace(microsecond=0)
    assert str(voting["uid"]).startswith(f"challenge-{challenge.pk}-voting@")
    assert {
        "Ideas open: Quieter nights in the old town",
        "Review: Quieter nights in the old town",
        "Results published: Quieter nights in the old town",
    } <= set(events)


def test_one_challenge_calendar_and_unknown_ones(client, home_page):
    first = ChallengeFactory.create("voting", title="Greener school yards")
    ChallengeFactory.create("voting", title="Safer cycling on Station Street")
    response = client.get(f"/calendar/challenges/{first.pk}.ics")
    assert {summary.split(": ", 1)[1] for summary in events_of(response)} == {"Greener school yards"}
    assert client.get("/calendar/challenges/999999.ics").status_code == 404


def test_calendar_answers_304_when_unchanged(client, home_page, time_machine):
    time_machine.move_to(datetime(2026, 3, 2, 9, 0, 0, 400_000, tzinfo=UTC), tick=False)
    ChallengeFactory.create("voting", title="Greener school yards")
    first = client.get("/calendar/challenges.ics")
    time_machine.shift(timedelta(seconds=5))  # a later poll by the same calendar app
    assert client.get("/calendar/challenges.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_challenge_page_links_to_its_calendar(client, home_page):
    challenge = ChallengeFactory.create("submission", title="Greener school yards")
    page = client.get(challenge.url).content.decode()
    assert f'href="/calendar/challenges/{challenge.pk}.ics"' in page
