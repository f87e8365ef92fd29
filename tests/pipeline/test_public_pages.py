"""What residents see: the timeline on idea pages, pilots on the home page, the demo city."""

import pytest
from django.core.management import call_command

from pipeline import services
from tests.factories import PilotFactory

pytestmark = pytest.mark.django_db


def test_idea_page_shows_what_happened_to_it(client, leadership, idea_in):
    idea = idea_in("under_review", title="Pocket parks")
    services.idea_shortlist(idea=idea, actor=leadership, note="The transport team will study costs by March.")
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "What happened to this idea" in body
    assert "Shortlisted" in body
    assert "The transport team will study costs by March." in body
    assert leadership.public_name not in body  # who made the move stays in the admin


def test_merged_idea_points_to_the_idea_it_joined(client, moderator, idea_in):
    a, b = idea_in("published", title="Shade sails"), idea_in("published", title="Awnings")
    services.idea_merge(source=b, target=a, actor=moderator)
    response = client.get(b.get_absolute_url(), follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == a.get_absolute_url()
    assert "“Awnings” was merged into this idea" in body


def test_home_page_features_running_pilots(client, home_page):
    PilotFactory.create(title="Stopped one", status="stopped", decision="Stopped.", lessons="Learned.")
    PilotFactory.create(title="Running one", status="running")
    body = client.get("/").content.decode()
    assert body.index("Running one") < body.index("Stopped one")
    assert 'class="card pilot-card"' in body


def test_demo_city_has_every_stage_a_merge_and_two_pilots(db):
    from ideas.models import ChallengePage, Idea
    from pipeline.models import Evaluation, PilotPage, StageChange

    devnull = open("/dev/null", "w")  # noqa: SIM115
    call_command("load_demo", stdout=devnull)
    stages = set(Idea.objects.values_list("stage", flat=True))
    assert {
        "submitted",
        "published",
        "under_review",
        "shortlisted",
        "selected",
        "piloting",
        "adopted",
        "not_pursued",
        "merged",
        "rejected",
    } <= stages
    assert ChallengePage.objects.get(slug="cleaner-air").blind_review
    shortlisted = Idea.objects.get(title="Air quality sensors at schools")
    assert Evaluation.objects.filter(idea=shortlisted).count() == 2  # two of three evaluators so far
    running = PilotPage.objects.get(status="running", locale__language_code="en")
    assert sum(1 for m in running.milestones.all() if m.done_on) == 2 == running.milestones.count() / 2
    assert PilotPage.objects.filter(status="scaled_up", live=True).count() == 1
    counts = (StageChange.objects.count(), Evaluation.objects.count(), PilotPage.objects.count())
    call_command("load_demo", stdout=devnull)
    assert (StageChange.objects.count(), Evaluation.objects.count(), PilotPage.objects.count()) == counts
