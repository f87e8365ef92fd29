"""The figures of the leadership dashboard, each aggregated in SQL: a fixed number of
queries whatever the number of ideas, supports or people (pinned in a test).

Every selector takes a :class:`~insights.periods.Period` and optionally one challenge.
Ideas belong to the period in which they were submitted; comments, supports and pairwise
votes to the period in which they were made. A participant is anyone who submitted an
idea, commented, supported or compared ideas in the period.

Who supported or compared what never leaves these functions: only counts do, and counts
of people by group are suppressed by voting's one rule (:func:`voting.selectors.suppressed_counts`).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import pairwise

from django.db import connection
from django.db.models import Count, F, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncWeek

from accounts import roles
from accounts.models import District, User
from ideas.models import ChallengePage, Comment, Idea, IdeaStage, TaggedIdea, public_ideas_q
from pipeline.models import PilotIdea, PilotPage, PilotStatus, StageChange
from search.selectors import idea_novelty, new_thinking_threshold
from voting.models import PairwiseVote, Support
from voting.selectors import suppressed_counts

from .periods import Period

# The pipeline's main path, in order; an idea reaches a stage when it got there on the way.
FUNNEL = (
    IdeaStage.SUBMITTED,
    IdeaStage.PUBLISHED,
    IdeaStage.UNDER_REVIEW,
    IdeaStage.SHORTLISTED,
    IdeaStage.SELECTED,
    IdeaStage.PILOTING,
    IdeaStage.ADOPTED,
)
OFF_PATH = (IdeaStage.NOT_PURSUED, IdeaStage.MERGED, IdeaStage.REJECTED, IdeaStage.WITHDRAWN)
ACTIVITY = ("ideas", "comments", "supports", "pairwise")


def submitted_ideas(*, period: Period, challenge: ChallengePage | None = None) -> QuerySet:
    """The ideas submitted in the period (drafts never count)."""
    ideas = (
        Idea.objects.exclude(stage=IdeaStage.DRAFT)
        .alias(submitted=Coalesce("submitted_at", "created_at"))
        .filter(submitted__gte=period.start, submitted__lt=period.end)
    )
    return ideas.filter(challenge=challenge) if challenge else ideas


def _activity_sources(period: Period, challenge) -> list[tuple[str, QuerySet]]:
    """Per kind of activity: rows of (week, kind number, person) in the period."""
    between = {"gte": period.start, "lt": period.end}
    comments = Comment.objects.filter(created_at__gte=between["gte"], created_at__lt=between["lt"])
    supports = Support.objects.filter(created_at__gte=between["gte"], created_at__lt=between["lt"])
    pairwise = PairwiseVote.objects.filter(created_at__gte=between["gte"], created_at__lt=between["lt"])
    if challenge:
        comments = comments.filter(idea__challenge=challenge)
        supports = supports.filter(idea__challenge=challenge)
        pairwise = pairwise.filter(challenge=challenge)
    sources = [
        (submitted_ideas(period=period, challenge=challenge), Coalesce("submitted_at", "created_at"), "author_id"),
        (comments, F("created_at"), "author_id"),
        (supports, F("created_at"), "voter_id"),
        (pairwise, F("created_at"), "voter_id"),
    ]
    return [
        (
            kind,
            queryset.order_by().values(
                week=TruncWeek(moment), kind=Value(number, output_field=IntegerField()), person=F(person)
            ),
        )
        for number, (kind, (queryset, moment, person)) in enumerate(zip(ACTIVITY, sources, strict=True))
    ]


def _union_sql(period: Period, challenge) -> tuple[str, list]:
    parts, params = [], []
    for _kind, queryset in _activity_sources(period, challenge):
        sql, part_params = queryset.query.sql_with_params()
        parts.append(sql)
        params.extend(part_params)
    return " UNION ALL ".join(parts), params


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass
class WeeklyActivity:
    weeks: list[date]
    series: dict[str, list[int]]  # ideas, comments, supports, pairwise, participants

    def total(self, kind: str) -> int:
        return sum(self.series[kind])


@dataclass
class Participation:
    """Distinct participants of the period by district and by role (counts, unsuppressed:
    :mod:`insights.dashboard` suppresses before anything is shown)."""

    total: int = 0
    by_district: dict[int | None, int] = field(default_factory=dict)
    ideas_by_district: dict[int | None, int] = field(default_factory=dict)
    staff: int = 0
    residents: int = 0
    staff_ideas: int = 0
    resident_ideas: int = 0

    def add(self, district_id, staff: bool, people: int, ideas: int) -> None:
        self.total += people
        self.by_district[district_id] = self.by_district.get(district_id, 0) + people
        self.ideas_by_district[district_id] = self.ideas_by_district.get(district_id, 0) + ideas
        if staff:
            self.staff, self.staff_ideas = self.staff + people, self.staff_ideas + ideas
        else:
            self.residents, self.resident_ideas = self.residents + people, self.resident_ideas + ideas


def activity(*, period: Period, challenge: ChallengePage | None = None) -> tuple[WeeklyActivity, Participation]:
    """Ideas, comments, supports, pairwise votes and distinct participants per week, and who
    took part (each person once, by district and whether they are city staff) — one query
    that reads every vote of the period once: the rows are first folded into one per person
    and week, which both answers are counted from."""
    union, params = _union_sql(period, challenge)
    sums = ", ".join(f"SUM(CASE WHEN kind = {n} THEN 1 ELSE 0 END) AS k{n}" for n in range(len(ACTIVITY)))
    memberships, users = User.groups.through._meta.db_table, User._meta.db_table
    # Only SQL compiled by Django, constants and table names are interpolated; values are parameters.
    sql = (
        f"WITH pairs AS (SELECT week, person, {sums} FROM ({union}) AS activity GROUP BY week, person), "  # noqa: S608
        "people AS (SELECT person, SUM(k0) AS ideas FROM pairs GROUP BY person) "
        "SELECT 0, week, NULL, NULL, SUM(k0), SUM(k1), SUM(k2), SUM(k3), COUNT(*) FROM pairs GROUP BY week "
        "UNION ALL "
        "SELECT 1, NULL, district_id, staff, COUNT(*), SUM(ideas), 0, 0, 0 FROM ("
        f"SELECT u.district_id, EXISTS (SELECT 1 FROM {memberships} m JOIN auth_group g ON g.id = m.group_id "
        "WHERE m.user_id = u.id AND g.name = %s) AS staff, p.ideas "
        f"FROM people p JOIN {users} u ON u.id = p.person) AS who GROUP BY district_id, staff"
    )
    weeks = period.weeks()
    series = {kind: [0] * len(weeks) for kind in (*ACTIVITY, "participants")}
    index = {week: i for i, week in enumerate(weeks)}
    people = Participation()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, roles.CITY_STAFF])
        for part, week, district_id, staff, *values in cursor.fetchall():
            if part == 1:
                people.add(district_id, bool(staff), int(values[0]), int(values[1] or 0))
                continue
            position = index.get(_as_date(week))
            if position is not None:
                for kind, value in zip((*ACTIVITY, "participants"), values, strict=True):
                    series[kind][position] = int(value or 0)
    return WeeklyActivity(weeks=weeks, series=series), people


def districts() -> list[District]:
    return list(District.objects.order_by("name"))


@dataclass
class Funnel:
    """How many ideas reached each stage of the main path, overall and per challenge."""

    reached: dict[str, int]
    by_challenge: dict[int, dict[str, int]]
    public: int = 0  # ideas of the period anyone can see (novelty is measured on these)

    @staticmethod
    def rates(reached: dict[str, int]) -> dict[str, float | None]:
        """Each stage's count as a percentage of the stage before it."""
        rates: dict[str, float | None] = {FUNNEL[0]: None}
        for before, stage in pairwise(FUNNEL):
            rates[stage] = round(100 * reached[stage] / reached[before], 1) if reached[before] else None
        return rates


def funnel(*, period: Period, challenge: ChallengePage | None = None) -> Funnel:
    """Ideas submitted in the period by the furthest stage of the main path they reached.

    An idea on the main path has passed every stage before its own; one that left it (not
    pursued, merged, rejected, withdrawn) reached the stages its timeline records, and
    "published" if it ever was. Two queries."""
    ideas = submitted_ideas(period=period, challenge=challenge)
    per_challenge: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FUNNEL, 0))
    public = 0
    rows = (
        ideas.order_by()
        .values_list("challenge_id", "stage")
        .annotate(
            n=Count("pk"),
            published=Count("pk", filter=Q(published_at__isnull=False)),
            public=Count("pk", filter=public_ideas_q()),
        )
    )
    for challenge_id, stage, n, published, visible in rows:
        reached = per_challenge[challenge_id]
        public += visible
        if stage in FUNNEL:
            for step in FUNNEL[: FUNNEL.index(stage) + 1]:
                reached[step] += n
        else:
            reached[IdeaStage.SUBMITTED] += n
            reached[IdeaStage.PUBLISHED] += published
    left = (
        StageChange.objects.filter(idea__in=ideas.filter(stage__in=OFF_PATH), to_stage__in=FUNNEL[2:])
        .order_by()
        .values_list("idea__challenge_id", "to_stage")
        .annotate(n=Count("idea_id", distinct=True))
    )
    for challenge_id, stage, n in left:
        per_challenge[challenge_id][stage] += n
    overall = dict.fromkeys(FUNNEL, 0)
    for reached in per_challenge.values():
        for stage, n in reached.items():
            overall[stage] += n
    return Funnel(reached=overall, by_challenge=dict(per_challenge), public=public)


def challenge_titles(ids) -> dict[int, str]:
    return dict(ChallengePage.objects.filter(pk__in=list(ids)).values_list("pk", "title"))


def top_tags(*, period: Period, challenge: ChallengePage | None = None, limit: int = 10) -> list[tuple[str, int]]:
    """The tags most ideas of the period carry, with how many."""
    rows = (
        TaggedIdea.objects.filter(content_object__in=submitted_ideas(period=period, challenge=challenge))
        .order_by()
        .values_list("tag__name")
        .annotate(n=Count("content_object_id"))
        .order_by("-n", "tag__name")[:limit]
    )
    return list(rows)


def novelty_band_edges(threshold: float) -> list[tuple[float, float]]:
    """The bands below the "new thinking" threshold: cut at 25% and 50% where those lie
    below it (a threshold of 44% gives under 25% and 25–44%)."""
    cuts = [0.0] + [cut for cut in (0.25, 0.5) if cut < threshold] + [threshold]
    return list(pairwise(cuts))


def novelty_bands(*, period: Period, challenge: ChallengePage | None = None) -> tuple[list[int], float]:
    """How many public ideas of the period fall in each novelty band below the "new
    thinking" threshold (:func:`novelty_band_edges`) and at or above it. Novelty comes from
    search's public selector. Returns the counts (the last one: new thinking) and the threshold."""
    threshold = new_thinking_threshold()
    ideas = submitted_ideas(period=period, challenge=challenge).public()
    edges = novelty_band_edges(threshold)
    aggregates = {
        f"band{number}": Count("idea_id", filter=Q(novelty__gte=low, novelty__lt=high))
        for number, (low, high) in enumerate(edges)
    }
    aggregates["new"] = Count("idea_id", filter=Q(novelty__gte=threshold))
    counts = idea_novelty(idea_ids=ideas.values("pk")).aggregate(**aggregates)
    return [counts[f"band{number}"] for number in range(len(edges))] + [counts["new"]], threshold


@dataclass
class PilotFigures:
    status: str
    label: str
    pilots: int
    planned: float
    spent: float


def pilots_by_status(*, period: Period, challenge: ChallengePage | None = None) -> list[PilotFigures]:
    """Pilots running at any time in the period (undated ones count), by status, with their
    budget planned and spent."""
    pilots = PilotPage.objects.filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=period.last_day),
        Q(ends_on__isnull=True) | Q(ends_on__gte=period.first_day),
    )
    if challenge:
        pilots = pilots.filter(pk__in=PilotIdea.objects.filter(idea__challenge=challenge).values("page_id"))
    rows = {
        status: (n, planned, spent)
        for status, n, planned, spent in pilots.order_by()
        .values_list("status")
        .annotate(n=Count("pk"), planned=Sum("budget_planned"), spent=Sum("budget_spent"))
    }
    return [
        PilotFigures(
            status=status,
            label=str(label),
            pilots=rows.get(status, (0, 0, 0))[0],
            planned=float(rows.get(status, (0, 0, 0))[1] or 0),
            spent=float(rows.get(status, (0, 0, 0))[2] or 0),
        )
        for status, label in PilotStatus.choices
    ]


def suppress(counts: list[int]) -> list[int | None]:
    """The counts with those that must not be shown replaced by None (voting's rule)."""
    hidden = suppressed_counts(counts)
    return [None if index in hidden else count for index, count in enumerate(counts)]


def rankings(*, challenge: ChallengePage, limit: int = 10) -> list[dict]:
    """The challenge's public ideas ranked by every figure the pipeline board knows
    (supports, pairwise score, evaluation score, novelty from search...), each as
    ``{"key", "label", "display", "ideas": [(idea, value), ...]}``, best first."""
    from pipeline.extensions import board_metrics

    ideas = list(
        Idea.objects.listed_for(None)
        .filter(challenge=challenge)
        .select_related("challenge")
        .only("pk", "title", "support_count", "challenge_id", "challenge__voting_method", "stage")
    )
    ranked = []
    for metric in board_metrics():
        values = metric.values_for(ideas) if ideas else {}
        scored = [(idea, values[idea.pk]) for idea in ideas if values.get(idea.pk) is not None]
        scored.sort(key=lambda pair: (-pair[1], pair[0].pk))
        ranked.append({"key": metric.key, "label": metric.label, "display": metric.display, "ideas": scored[:limit]})
    return ranked
