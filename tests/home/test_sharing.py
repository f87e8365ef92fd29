"""Links shared in a chat or a social network show the page's title, summary and picture, and
each challenge, idea and pilot page offers a share button."""

import re

import pytest

from tests.factories import ChallengeFactory, IdeaFactory, PilotFactory

pytestmark = pytest.mark.django_db


def _meta(body: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)"', body))


def test_an_idea_page_has_open_graph_and_twitter_tags(client, home_page):
    challenge = ChallengeFactory.create("voting", title="Better streets")
    idea = IdeaFactory(
        challenge=challenge,
        title="Shade trees on Mill Street",
        summary="The bus stop on Mill Street has no shade and is unbearable in July.",
    )
    body = client.get(idea.get_absolute_url()).content.decode()
    tags = _meta(body)
    assert tags["og:title"] == "Shade trees on Mill Street"
    assert tags["og:description"] == "The bus stop on Mill Street has no shade and is unbearable in July."
    assert tags["og:url"] == f"http://testserver{idea.get_absolute_url()}"
    assert tags["og:type"] == "article"
    assert tags["twitter:card"] == "summary"
    assert "data-share-button" in body and 'value="http://testserver' in body


def test_challenge_and_pilot_pages_have_tags_and_a_share_button(client, home_page):
    challenge = ChallengeFactory.create("voting", title="Better streets", question="How can our streets feel safer?")
    body = client.get(challenge.url).content.decode()
    assert _meta(body)["og:title"] == "Better streets"
    assert _meta(body)["og:description"] == "How can our streets feel safer?"
    assert "data-share-button" in body

    pilot = PilotFactory.create(title="Dimming street lights", summary="Forty lamps dim when nobody is around.")
    body = client.get(pilot.url).content.decode()
    assert _meta(body)["og:title"] == "Dimming street lights"
    assert _meta(body)["og:description"] == "Forty lamps dim when nobody is around."
    assert "data-share-button" in body


def test_a_draft_idea_is_not_described_for_sharing(client, home_page):
    challenge = ChallengeFactory.create("submission")
    idea = IdeaFactory(challenge=challenge, stage="draft", title="Private draft about my street")
    client.force_login(idea.author)
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "og:title" not in body
