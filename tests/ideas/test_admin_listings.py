"""What leadership and moderators find in the admin: a Challenges menu with phases and counts,
queues that open on what needs attention, words rather than True/False, and pages named as
their menu items."""

import re

import pytest

from ideas import services
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_leadership_finds_challenges_in_the_menu_with_phase_and_counts(client, home_page):
    streets = ChallengeFactory.create("voting", title="Safer walks to school")
    ChallengeFactory.create("submission", title="Quieter nights", moderation_mode="pre")
    for title in ("Crossing guard at Elm Lane", "Walking bus from Oakfield"):
        IdeaFactory(challenge=streets, title=title)
    target = IdeaFactory(challenge=streets, title="Speed bumps on School Road")
    duplicate = IdeaFactory(challenge=streets, title="Speed humps near the school")
    duplicate.stage, duplicate.merged_into = "merged", target
    duplicate.save(update_fields=["stage", "merged_into"])
    client.force_login(UserFactory(roles=["Leadership"]))

    dashboard = client.get("/admin/").content.decode()
    assert '"/admin/challenges/"' in dashboard and '"Challenges"' in dashboard
    listing = client.get("/admin/challenges/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Safer walks to school" in body and "Quieter nights" in body
    assert "Voting" in body and "Open for ideas" in body
    start = body.index("Safer walks to school")
    row = body[body.rindex("<tr", 0, start) : body.index("</tr>", start)]
    cells = [re.sub(r"<[^>]+>|\s+", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert "3" in cells  # merged duplicates are counted where they went
    assert "/admin/challenges/choose_parent/" in body or "Add" in body


def test_the_moderation_queue_opens_on_what_needs_attention(client, home_page):
    challenge = ChallengeFactory.create("submission", moderation_mode="pre")
    services.idea_create(challenge=challenge, author=UserFactory(), title="Held: benches by the pond", summary="x")
    IdeaFactory(challenge=challenge, title="Quietly published idea")
    client.force_login(UserFactory(roles=["Moderators"]))
    menu = client.get("/admin/").content.decode()
    assert '"/admin/snippets/ideas/idea/?queue=attention"' in menu
    assert '"/admin/snippets/ideas/comment/?queue=attention"' in menu
    body = client.get("/admin/snippets/ideas/idea/?queue=attention").content.decode()
    assert "Held: benches by the pond" in body
    assert "Quietly published idea" not in body
    everything = client.get("/admin/snippets/ideas/idea/?queue=").content.decode()
    assert "Quietly published idea" in everything
    assert ">True<" not in everything and ">False<" not in everything
    assert ">No<" in everything.replace(" ", "").replace("\n", "")


def test_reports_page_is_called_reports(client, home_page):
    client.force_login(UserFactory(roles=["Moderators"]))
    body = client.get("/admin/snippets/ideas/flag/").content.decode()
    assert "<title>Reports" in body or "Reports</h1>" in body
    assert "Flags" not in body
