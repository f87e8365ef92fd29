"""A small programme built by hand, so every figure of the dashboard can be checked against
numbers worked out on paper (see the comments).

Period: Monday 7 to Sunday 20 September 2026 (two weeks, W1 and W2). Districts: Riverside
(population 30,000), Old Town (10,000), Hillcrest (60,000).

People: Riverside residents R1–R6 and city staff S1–S5, Old Town residents O1–O6, Hillcrest
residents H1–H2, and X (Riverside), who only acts after the period.

- Ideas: W1 i1 (R1, adopted), i2 (R2, selected), i3 (O1, not pursued after shortlisting),
  i4 (S1, published); W2 i5 (H1, under review), i6 (O2, rejected, never published);
  a draft by R3 (W2) and i7 by X (21 Sep) do not count.
- Comments: W1 R3, O3; W2 H2, S2, R1. X comments on 22 Sep.
- Supports: W1 R4, R5, O4; W2 R6, O5, O6, S2, S3, S4, S5. X supports on 21 Sep.
- Pairwise votes (challenge B): W2 R1, O1.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from accounts import roles
from insights.periods import Period
from tests.factories import ChallengeFactory, DistrictFactory, IdeaFactory, PilotFactory, UserFactory

START = date(2026, 9, 7)


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


W1 = START + timedelta(days=1)  # Tuesday of week 1
W2 = START + timedelta(days=9)  # Wednesday of week 2
AFTER = date(2026, 9, 21)


@dataclass
class Programme:
    period: Period
    challenge_a: object
    challenge_b: object
    ideas: dict
    people: dict
    districts: dict


def _idea(challenge, author, title, stage, day, *, published=True, tags=()):
    idea = IdeaFactory(
        challenge=challenge,
        author=author,
        title=title,
        summary=title,
        stage=stage,
        submitted_at=at(day),
        published_at=at(day, 13) if published else None,
        district=author.district,
    )
    if tags:
        idea.tags.add(*tags)
        idea.tag_names = ",".join(tags)
        idea.save(update_fields=["tag_names"])
    type(idea).objects.filter(pk=idea.pk).update(created_at=at(day, 11))
    return idea


@pytest.fixture
def programme(db):
    from ideas.models import Comment
    from pipeline.models import StageChange
    from search.models import IndexedIdea
    from voting.models import PairwiseVote, Support

    districts = {
        "riverside": DistrictFactory(name="Riverside", slug="riverside", population=30_000),
        "old-town": DistrictFactory(name="Old Town", slug="old-town", population=10_000),
        "hillcrest": DistrictFactory(name="Hillcrest", slug="hillcrest", population=60_000),
    }
    people = {}
    for name, district, count, role in (
        ("R", "riverside", 6, roles.RESIDENTS),
        ("S", "riverside", 5, roles.CITY_STAFF),
        ("O", "old-town", 6, roles.RESIDENTS),
        ("H", "hillcrest", 2, roles.RESIDENTS),
    ):
        for number in range(1, count + 1):
            people[f"{name}{number}"] = UserFactory(
                display_name=f"{name}{number}", district=districts[district], roles=[role]
            )
    people["X"] = UserFactory(display_name="X", district=districts["riverside"], roles=[roles.RESIDENTS])

    a = ChallengeFactory.create("voting", title="Greener streets")
    b = ChallengeFactory.create("voting", title="Safer school runs", voting_method="pairwise")
    ideas = {
        "i1": _idea(a, people["R1"], "Plant shade trees along Mill Road", "adopted", W1, tags=["trees", "shade"]),
        "i2": _idea(a, people["R2"], "Fruit trees in the station square", "selected", W1, tags=["trees"]),
        "i3": _idea(a, people["O1"], "More benches on the river path", "not_pursued", W1, tags=["benches"]),
        "i4": _idea(b, people["S1"], "Raised crossing at Elm School", "published", W1, tags=["crossings"]),
        "i5": _idea(
            b, people["H1"], "School streets closed at drop-off", "under_review", W2, tags=["crossings", "trees"]
        ),
        "i6": _idea(b, people["O2"], "Buy my company's speed cameras", "rejected", W2, published=False),
        "i7": _idea(a, people["X"], "Rain gardens on Quay Street", "published", AFTER),
    }
    draft = _idea(a, people["R3"], "Half-written idea about bins", "draft", W2, published=False)
    type(draft).objects.filter(pk=draft.pk).update(submitted_at=None)
    for stage, hours in (("under_review", 1), ("shortlisted", 2), ("not_pursued", 3)):
        StageChange.objects.create(idea=ideas["i3"], to_stage=stage, created_at=at(W1) + timedelta(hours=hours))

    def comment(who, idea, day):
        made = Comment.objects.create(idea=ideas[idea], author=people[who], body="<p>I walk here every day.</p>")
        Comment.objects.filter(pk=made.pk).update(created_at=at(day, 15))

    for who, idea, day in (("R3", "i1", W1), ("O3", "i1", W1), ("H2", "i4", W2), ("S2", "i2", W2), ("R1", "i2", W2)):
        comment(who, idea, day)
    comment("X", "i1", AFTER + timedelta(days=1))

    for who, idea, day in (
        ("R4", "i1", W1), ("R5", "i1", W1), ("O4", "i2", W1),
        ("R6", "i1", W2), ("O5", "i2", W2), ("O6", "i3", W2),
        ("S2", "i1", W2), ("S3", "i2", W2), ("S4", "i2", W2), ("S5", "i2", W2),
        ("X", "i1", AFTER),
    ):  # fmt: skip
        made = Support.objects.create(voter=people[who], idea=ideas[idea])
        Support.objects.filter(pk=made.pk).update(created_at=at(day, 16))

    for who in ("R1", "O1"):
        vote = PairwiseVote.objects.create(
            voter=people[who], challenge=b, first=ideas["i4"], second=ideas["i5"], outcome="first"
        )
        PairwiseVote.objects.filter(pk=vote.pk).update(created_at=at(W2, 17))

    # Novelty as search measured it: i1 new thinking, i2 a repeat, i3 familiar, i4 fresh,
    # i5 not measured yet.
    for key, novelty in (("i1", 0.9), ("i2", 0.1), ("i3", 0.3), ("i4", 0.6), ("i5", None)):
        idea = ideas[key]
        IndexedIdea.objects.create(
            idea=idea,
            challenge=idea.challenge,
            stage=idea.stage,
            year=2026,
            published_at=idea.published_at,
            title=idea.title,
            summary=idea.summary,
            novelty=novelty,
            indexed_at=idea.published_at,
        )

    PilotFactory.create(
        title="Shade trees on Mill Road", ideas=[ideas["i1"]], status="running", publish=False,
        budget_planned=10_000, budget_spent=4_000, starts_on=date(2026, 9, 1),
    )  # fmt: skip
    PilotFactory.create(
        title="Station square orchard", ideas=[ideas["i2"]], status="planned", budget_planned=5_000, publish=False
    )
    PilotFactory.create(
        title="Benches trial", ideas=[ideas["i3"]], status="stopped", publish=False,
        budget_planned=8_000, budget_spent=8_000, starts_on=date(2026, 5, 1), ends_on=date(2026, 8, 1),
        decision="Stopped.", lessons="People preferred shade.",
    )  # fmt: skip
    period = Period(start=at(START, 0), end=at(START + timedelta(days=14), 0), span="custom")
    return Programme(period=period, challenge_a=a, challenge_b=b, ideas=ideas, people=people, districts=districts)


@pytest.fixture
def leadership(db):
    return UserFactory(email="cio@example.org", display_name="Chief Innovation Officer", roles=[roles.LEADERSHIP])
