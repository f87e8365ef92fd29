"""What residents read on challenge and idea pages: dates in the city's time zone written one
way, wording that fits the phase and the kind of vote, counts that agree, and the badges of
an idea on its own page."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from search.models import IndexedIdea
from search.services import index_refresh
from tests.factories import ChallengeFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def test_the_next_date_is_shown_in_the_city_time_zone(client, home_page, settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    city = ZoneInfo("America/Los_Angeles")
    day = timezone.now().astimezone(city).date() + datetime.timedelta(days=2)
    closes = datetime.datetime(day.year, day.month, day.day, 17, 0, tzinfo=city)  # past midnight in UTC
    challenge = ChallengeFactory.create("voting", title="Better streets", voting_close=closes)
    body = client.get(challenge.url).content.decode()
    expected = f"{day.day} {closes:%b %Y}, 5:00 PM {closes:%Z}"
    assert f'Voting closes: <time datetime="{closes.isoformat()}">{expected}</time>' in body


def test_pairwise_and_closed_challenges_say_what_people_can_do(client, home_page):
    pairwise = ChallengeFactory.create("voting", title="Parks for everyone", voting_method="pairwise")
    body = client.get(pairwise.url).content.decode()
    assert "compare the ideas two at a time" in body
    assert "support the ideas you believe in" not in body
    assert "Sign in to compare ideas" in body

    closed = ChallengeFactory.create("closed", title="Smart lighting")
    body = client.get(closed.url).content.decode()
    assert "This challenge is closed." in body
    assert "support the ideas" not in body


def test_the_home_card_and_the_challenge_page_count_the_same_ideas(client, home_page):
    streets = ChallengeFactory.create("voting", title="Safer walks to school")
    target = IdeaFactory(challenge=streets, title="Crossing guard at Elm Lane")
    IdeaFactory(challenge=streets, title="Walking bus from Oakfield")
    duplicate = IdeaFactory(challenge=streets, title="A lollipop lady at the Elm Lane crossing")
    duplicate.stage, duplicate.merged_into = "merged", target
    duplicate.save(update_fields=["stage", "merged_into"])
    home = client.get("/").content.decode()
    assert "2 ideas" in home and "3 ideas" not in home
    assert "2 ideas" in client.get(streets.url).content.decode()


def test_new_thinking_shows_on_the_idea_page_too(client, home_page):
    challenge = ChallengeFactory.create("voting")
    idea = IdeaFactory(challenge=challenge, title="Rooftop bee hives on the town hall")
    index_refresh(idea_ids=[idea.pk])
    IndexedIdea.objects.filter(pk=idea.pk).update(novelty=0.97)
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "New thinking" in body
