"""Every transition of the table, per role: allowed for the roles it names, refused for the
others with a message that says who may make it; moves outside the table are refused with
what is allowed."""

import pytest

from ideas.models import IdeaStage
from pipeline import services, transitions
from pipeline.models import StageChange
from pipeline.signals import stage_changed

pytestmark = pytest.mark.django_db

BOARD = [t for t in transitions.TRANSITIONS if t.via == "pipeline"]
ROLE_OF = {"resident": None, "moderator": "Moderators", "evaluator": "Evaluators", "leadership": "Leadership"}


@pytest.mark.parametrize("transition", BOARD, ids=lambda t: f"{t.source}->{t.target}")
@pytest.mark.parametrize("person", list(ROLE_OF))
def test_each_board_move_per_role(transition, person, people, idea_in):
    idea = idea_in(transition.source)
    received = []
    stage_changed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="test-received")
    try:
        if ROLE_OF[person] in transition.roles:
            change = services.idea_move(idea=idea, target=transition.target, actor=people[person], note="Because.")
            idea.refresh_from_db()
            assert idea.stage == transition.target
            assert (change.from_stage, change.to_stage, change.actor) == (
                transition.source,
                transition.target,
                people[person],
            )
            assert received[0]["change"] == change
        else:
            with pytest.raises(services.TransitionRefused, match="Only Leadership may move"):
                services.idea_move(idea=idea, target=transition.target, actor=people[person], note="Because.")
            idea.refresh_from_db()
            assert idea.stage == transition.source
            assert not StageChange.objects.filter(idea=idea).exists()
            assert received == []
    finally:
        stage_changed.disconnect(dispatch_uid="test-received")


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        ("published", "selected", "“Under review”, “Merged”"),
        ("under_review", "adopted", "“Shortlisted”, “Not pursued”, “Merged”"),
        ("adopted", "published", "Nothing may move an idea out of “Adopted”"),
    ],
)
def test_moves_outside_the_table_name_what_is_allowed(source, target, allowed, leadership, idea_in):
    idea = idea_in(source)
    with pytest.raises(services.TransitionRefused) as refused:
        services.idea_move(idea=idea, target=target, actor=leadership)
    assert allowed in refused.value.messages[0]
    idea.refresh_from_db()
    assert idea.stage == source


@pytest.mark.parametrize(
    ("source", "target", "who"),
    [
        ("submitted", "published", "the idea's author or moderators"),
        ("published", "merged", "merging it into another idea"),
        ("selected", "piloting", "publishing or ending its pilot"),
        ("piloting", "adopted", "publishing or ending its pilot"),
    ],
)
def test_moves_made_elsewhere_are_refused_on_the_board(source, target, who, leadership, idea_in):
    idea = idea_in(source)
    with pytest.raises(services.TransitionRefused, match=who):
        services.idea_move(idea=idea, target=target, actor=leadership)


def test_not_pursued_needs_a_public_reason(leadership, idea_in):
    idea = idea_in("shortlisted")
    with pytest.raises(services.TransitionRefused, match="needs a public note"):
        services.idea_not_pursue(idea=idea, actor=leadership, note="   ")
    change = services.idea_not_pursue(idea=idea, actor=leadership, note="Too costly for this year's budget.")
    assert change.note == "Too costly for this year's budget."


def test_moving_many_is_all_or_nothing(leadership, idea_in):
    ready = idea_in("under_review", title="Ready")
    not_ready = idea_in("published", title="Not ready")
    with pytest.raises(services.TransitionRefused) as refused:
        services.ideas_move(ideas=[ready, not_ready], target=IdeaStage.SHORTLISTED, actor=leadership, note="")
    assert refused.value.messages == [
        "Not ready: An idea cannot move from “Published” to “Shortlisted”. "
        "From “Published” it may move to: “Withdrawn”, “Under review”, “Merged”."
    ]
    ready.refresh_from_db()
    assert ready.stage == IdeaStage.UNDER_REVIEW
    assert not StageChange.objects.exists()

    other = idea_in("under_review")
    changes = services.ideas_move(ideas=[ready, other], target=IdeaStage.SHORTLISTED, actor=leadership, note="Go")
    assert [c.to_stage for c in changes] == ["shortlisted", "shortlisted"]


def test_each_move_is_in_the_audit_log(leadership, idea_in):
    from wagtail.models import ModelLogEntry

    idea = idea_in("under_review")
    services.idea_shortlist(idea=idea, actor=leadership, note="On to the jury.")
    entry = ModelLogEntry.objects.get(action="pipeline.move", object_id=str(idea.pk))
    assert entry.user == leadership
    assert entry.data == {"from": "under_review", "to": "shortlisted", "note": "On to the jury."}


def test_every_guard_the_table_names_is_registered():
    named = {t.guard for t in transitions.TRANSITIONS if t.guard}
    assert named == set(transitions.GUARDS)


def test_withdrawing_a_draft_is_on_its_timeline(resident, idea_in):
    from ideas import services as idea_services

    draft = idea_in("draft", author=resident)
    idea_services.idea_withdraw(idea=draft, actor=resident)
    draft.refresh_from_db()
    assert draft.stage == IdeaStage.WITHDRAWN
    change = StageChange.objects.get(idea=draft)
    assert (change.from_stage, change.to_stage, change.actor) == ("draft", "withdrawn", resident)


@pytest.mark.parametrize("stage", ["under_review", "shortlisted", "selected", "piloting", "adopted"])
def test_authors_cannot_withdraw_once_the_city_works_on_it(resident, idea_in, stage):
    from ideas import services as idea_services
    from innovation.errors import NotAllowed

    idea = idea_in(stage, author=resident)
    with pytest.raises(NotAllowed, match="can no longer be withdrawn"):
        idea_services.idea_withdraw(idea=idea, actor=resident)
    idea.refresh_from_db()
    assert idea.stage == stage
