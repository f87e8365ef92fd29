"""Demo pipeline: ideas in every stage with public notes, ``cleaner-air`` under blind review
with partial scores, a merged pair, and two pilots — one running, one scaled up.
Builds on the ideas and voting demos; idempotent: what exists is left alone."""

import datetime
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from accounts.demo import demo_residents, demo_user
from accounts.models import User
from home.models import HomePage
from ideas import services as idea_services
from ideas.models import PUBLIC_STAGES, ChallengePage, Follow, Idea, IdeaStage
from innovation.errors import ServiceError
from voting.services import support_add

from . import services
from .demo_content import (
    EVALUATORS,
    FINISHED_PILOT,
    MERGED_PAIR,
    NOTES,
    REJECTED,
    RUNNING_PILOT,
    SCORECARDS,
    days,
)
from .models import Evaluation, PilotIdea, PilotIndexPage, PilotMilestone, PilotPage, PilotUpdate, StageChange


def _pilot_index(home: HomePage) -> PilotIndexPage:
    index = PilotIndexPage.objects.first()
    if index is None:
        index = PilotIndexPage(
            title="Pilots",
            slug="pilots",
            intro="Ideas the city is testing in real streets and services — with goals, budgets and results.",
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _first_steps() -> int:
    """Every public idea's timeline starts with the day it was published."""
    ideas = Idea.objects.filter(stage__in=PUBLIC_STAGES, stage_changes__isnull=True)
    steps = [
        StageChange(
            idea=idea,
            from_stage=IdeaStage.DRAFT,
            to_stage=IdeaStage.PUBLISHED,
            actor=idea.author,
            created_at=idea.published_at or idea.created_at,
        )
        for idea in ideas
    ]
    StageChange.objects.bulk_create(steps)
    return len(steps)


def _backfill(idea: Idea, steps: list[tuple[str, str]], start, *, pilot=None, actor=None) -> None:
    """The history of an idea whose stage the ideas demo set directly, a week per step."""
    if idea.stage_changes.exclude(to_stage=IdeaStage.PUBLISHED).exists():
        return
    previous = IdeaStage.PUBLISHED
    for number, (stage, note) in enumerate(steps):
        StageChange.objects.create(
            idea=idea,
            from_stage=previous,
            to_stage=stage,
            actor=actor,
            note=note,
            pilot=pilot if stage in (IdeaStage.PILOTING, IdeaStage.ADOPTED, IdeaStage.NOT_PURSUED) else None,
            created_at=start + timedelta(days=7 * number),
        )
        previous = stage


def _evaluators() -> list[User]:
    group = Group.objects.get_or_create(name=roles.EVALUATORS)[0]
    people = []
    for email, name in EVALUATORS:
        person = demo_user(email, name, is_staff=True)
        person.groups.add(group)
        people.append(person)
    return people


def _cleaner_air(challenge: ChallengePage, leadership) -> None:
    """In review, blind: two ideas shortlisted (one scored by two of three evaluators), one
    selected, one under review, one not pursued."""
    if not challenge.blind_review:
        challenge.blind_review = True
        challenge.save_revision(user=leadership).publish(user=leadership)
    evaluators = _evaluators()
    for person in evaluators:
        services.evaluator_assign(challenge=challenge, evaluator=person, actor=leadership)
    start = (challenge.voting_close or challenge.ideas_close) + timedelta(days=1)
    for idea in Idea.objects.filter(challenge=challenge, title__in=list(NOTES)):
        steps = NOTES[idea.title]
        if idea.stage == IdeaStage.UNDER_REVIEW:
            _backfill(idea, steps[:1], start)
        for stage, note in steps:
            idea.refresh_from_db()
            if idea.stage == IdeaStage.SHORTLISTED:
                _scorecards(idea)  # evaluators score before leadership selects
            if idea.stage != stage and services.transitions.find(idea.stage, stage):
                services.idea_move(idea=idea, target=stage, actor=leadership, note=note)
        _scorecards(idea)


def _scorecards(idea: Idea) -> None:
    idea.refresh_from_db()
    if idea.stage != IdeaStage.SHORTLISTED:
        return
    criteria = {c.name: c.pk for c in idea.challenge.criteria.all()}
    for email, scores, comment in SCORECARDS.get(idea.title, []):
        evaluator = User.objects.get(email=email)
        if Evaluation.objects.filter(idea=idea, evaluator=evaluator).exists():
            continue
        services.evaluation_submit(
            idea=idea, evaluator=evaluator, scores={criteria[n]: s for n, s in scores.items()}, comment=comment
        )


def _smart_lighting(challenge: ChallengePage) -> None:
    """Closed: the ideas demo set the final stages; give them the history that led there."""
    start = (challenge.voting_close or challenge.ideas_close) + timedelta(days=2)
    for idea in Idea.objects.filter(challenge=challenge, title__in=list(NOTES)):
        if idea.stage in (IdeaStage.SELECTED, IdeaStage.NOT_PURSUED):
            _backfill(idea, NOTES[idea.title], start)


def _kpis(kpis: list[dict]) -> list[dict]:
    return [
        {
            "type": "kpi",
            "value": {
                "name": kpi["name"],
                "unit": kpi["unit"],
                "baseline": kpi["baseline"],
                "target": kpi["target"],
                "measurements": [{"date": days(offset).isoformat(), "value": v} for offset, v in kpi["measurements"]],
            },
        }
        for kpi in kpis
    ]


def _fill(pilot: PilotPage, content: dict) -> None:
    for field in ("department", "sponsor", "summary", "success_criteria", "starts_on", "ends_on", "status"):
        setattr(pilot, field, content[field])
    pilot.budget_planned = content["budget_planned"]
    pilot.budget_spent = content["budget_spent"]
    pilot.decision = content.get("decision", "")
    pilot.lessons = content.get("lessons", "")
    pilot.kpis = _kpis(content["kpis"])
    pilot.body = [{"type": "paragraph", "value": f"<p>{content['how']}</p>"}]
    pilot.milestones = [
        PilotMilestone(title=title, due_on=days(due), done_on=days(done) if done is not None else None)
        for title, due, done in content["milestones"]
    ]
    pilot.updates = [PilotUpdate(date=days(day), title=title, text=text) for day, title, text in content["updates"]]


def _running_pilot(index: PilotIndexPage, leadership) -> None:
    content = RUNNING_PILOT
    if PilotPage.objects.filter(title=content["title"]).exists():
        return
    idea = Idea.objects.filter(title=content["idea"], stage=IdeaStage.SELECTED).first()
    if idea is None:
        return
    pilot = services.pilot_start(ideas=[idea], actor=leadership, title=content["title"])
    _fill(pilot, content)
    pilot.save_revision(user=leadership).publish(user=leadership)  # the idea moves to "piloting"
    began = timezone.make_aware(datetime.datetime.combine(content["starts_on"], datetime.time(9)))
    StageChange.objects.filter(idea=idea, to_stage=IdeaStage.PILOTING).update(created_at=began)


def _finished_pilot(index: PilotIndexPage, leadership) -> None:
    content = FINISHED_PILOT
    if PilotPage.objects.filter(title=content["title"]).exists():
        return
    idea = Idea.objects.filter(title=content["idea"], stage=IdeaStage.ADOPTED).first()
    if idea is None:
        return
    pilot = PilotPage(title=content["title"], slug=content["slug"], owner=leadership, started_by=leadership)
    _fill(pilot, content)
    pilot.source_ideas = [PilotIdea(idea=idea)]
    index.add_child(instance=pilot)
    pilot.save_revision(user=leadership).publish(user=leadership)
    began = timezone.make_aware(datetime.datetime.combine(content["starts_on"], datetime.time(9)))
    ended = timezone.make_aware(datetime.datetime.combine(content["ends_on"], datetime.time(9)))
    _backfill(idea, NOTES[idea.title], began - timedelta(days=21), actor=leadership)
    last = idea.stage_changes.order_by("-created_at").first()
    StageChange.objects.create(
        idea=idea,
        from_stage=IdeaStage.SELECTED,
        to_stage=IdeaStage.PILOTING,
        actor=leadership,
        note=f"The pilot “{pilot.title}” has started.",
        pilot=pilot,
        created_at=max(began, last.created_at + timedelta(days=1)),
    )
    StageChange.objects.create(
        idea=idea,
        from_stage=IdeaStage.PILOTING,
        to_stage=IdeaStage.ADOPTED,
        actor=leadership,
        note=content["decision"],
        pilot=pilot,
        created_at=ended,
    )


def _merged_pair(moderator) -> None:
    title, summary, body = MERGED_PAIR["duplicate"]
    if Idea.objects.filter(title=title).exists():
        return
    target = Idea.objects.filter(challenge__slug=MERGED_PAIR["challenge"], title=MERGED_PAIR["target"]).first()
    residents = demo_residents()
    if target is None or len(residents) < 6:
        return
    now = timezone.now()
    duplicate = Idea.objects.create(
        challenge=target.challenge,
        author=residents[5],
        title=title,
        summary=summary,
        body=body,
        stage=IdeaStage.PUBLISHED,
        submitted_at=now - timedelta(days=3),
        published_at=now - timedelta(days=3),
    )
    _first_steps()
    for voter in residents[2:6]:
        try:
            support_add(voter=voter, idea=duplicate)
        except ServiceError:
            continue
    for follower in residents[3:5]:
        Follow.objects.get_or_create(follower=follower, idea=duplicate)
    Idea.objects.filter(pk=duplicate.pk).update(follower_count=Follow.objects.filter(idea=duplicate).count())
    services.idea_merge(source=duplicate, target=target, actor=moderator)


def _rejected(moderator) -> None:
    slug, title, summary, message = REJECTED
    challenge = ChallengePage.objects.filter(slug=slug).first()
    residents = demo_residents()
    if challenge is None or not residents or Idea.objects.filter(title=title).exists():
        return
    if challenge.moderation_mode != "pre" or not challenge.accepts_ideas_at():
        return
    idea = Idea.objects.create(challenge=challenge, author=residents[-1], title=title, summary=summary)
    idea = idea_services.idea_submit(idea=idea, actor=residents[-1])
    idea_services.idea_reject(idea=idea, moderator=moderator, message=message)


def load(*, stdout) -> None:
    home = HomePage.objects.first()
    cleaner = ChallengePage.objects.filter(slug="cleaner-air").first()
    lighting = ChallengePage.objects.filter(slug="smart-lighting").first()
    leadership = User.objects.filter(email="leadership@greenlight.test").first()
    moderator = User.objects.filter(email="moderator@greenlight.test").first()
    if home is None or cleaner is None or lighting is None or leadership is None or moderator is None:
        stdout.write("  pipeline: skipped (the accounts and ideas demos have not run)")
        return
    index = _pilot_index(home)
    _first_steps()
    _smart_lighting(lighting)
    _cleaner_air(cleaner, leadership)
    _merged_pair(moderator)
    _rejected(moderator)
    _running_pilot(index, leadership)
    _finished_pilot(index, leadership)
    stdout.write(
        f"  pipeline: {StageChange.objects.count()} timeline steps, {Evaluation.objects.count()} scorecards, "
        f"{PilotPage.objects.live().count()} pilots"
    )
