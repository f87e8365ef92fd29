"""The dashboard's charts, built from :mod:`insights.selectors` and drawn by the shared
chart module (:mod:`home.charts`). Counts of people by group are suppressed here, before
any chart, table or download sees them."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.charts import BarChart, LineChart, Series
from ideas.models import ChallengePage, IdeaStage
from ideas.transitions import stage_label

from . import selectors
from .periods import Period

FIGURE_LABELS = {
    "ideas": gettext_lazy("Ideas"),
    "comments": gettext_lazy("Comments"),
    "supports": gettext_lazy("Supports"),
    "pairwise": gettext_lazy("Pairwise votes"),
    "participants": gettext_lazy("Participants"),
}
CHART_KEYS = ("activity", "funnel", "districts", "roles", "tags", "novelty", "pilots", "challenges")


@dataclass
class Dashboard:
    period: Period
    challenge: ChallengePage | None
    charts: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    minimum: int = 5
    computed_at: datetime | None = None

    def chart(self, key: str):
        return self.charts[key]


def _percent(part: int | None, whole: int) -> float | None:
    return None if part is None or not whole else round(100 * part / whole, 1)


def activity_chart(activity: selectors.WeeklyActivity, prefix: str = "") -> LineChart:
    return LineChart(
        chart_id=f"{prefix}activity",
        title=_("Activity per week"),
        category_heading=_("Week of"),
        categories=[formats.date_format(week) for week in activity.weeks],
        series=[Series(label=str(label), values=activity.series[key]) for key, label in FIGURE_LABELS.items()],
    )


def _funnel_label(stage: str) -> str:
    """A stage's name in the funnel, where "submitted" counts every idea sent in (whether or
    not it waited for approval)."""
    return str(_("Submitted")) if stage == IdeaStage.SUBMITTED else stage_label(stage)


def _funnel_chart(funnel: selectors.Funnel) -> BarChart:
    rates = selectors.Funnel.rates(funnel.reached)
    return BarChart(
        chart_id="funnel",
        title=_("Pipeline: ideas that reached each stage"),
        category_heading=_("Stage"),
        categories=[_funnel_label(stage) for stage in selectors.FUNNEL],
        series=[
            Series(label=_("Ideas"), values=[funnel.reached[stage] for stage in selectors.FUNNEL]),
            Series(
                label=_("Of the stage before"),
                values=[rates[stage] for stage in selectors.FUNNEL],
                unit="%",
                draw=False,
            ),
        ],
    )


def _challenges_table(funnel: selectors.Funnel, titles: dict, period: Period) -> BarChart:
    """The funnel of each challenge as a table (drawn as the share that reached "selected")."""
    order = sorted(funnel.by_challenge, key=lambda pk: titles.get(pk, ""))
    series = [
        Series(label=_funnel_label(stage), values=[funnel.by_challenge[pk][stage] for pk in order], draw=False)
        for stage in selectors.FUNNEL
    ]
    series.append(
        Series(
            label=_("Submitted to selected"),
            values=[
                _percent(funnel.by_challenge[pk][IdeaStage.SELECTED], funnel.by_challenge[pk][IdeaStage.SUBMITTED])
                for pk in order
            ],
            unit="%",
        )
    )
    chart = BarChart(
        chart_id="challenges",
        title=_("Pipeline per challenge"),
        category_heading=_("Challenge"),
        categories=[titles.get(pk, "") for pk in order],
        series=series,
        label_width=200,
    )
    chart.links = [reverse("insights:challenge", args=[pk]) + "?" + urlencode(period.query()) for pk in order]
    return chart


def _district_chart(people: selectors.Participation, districts) -> BarChart:
    ids = [d.pk for d in districts] + [None]
    names = [d.name for d in districts] + [_("No district given")]
    counts = selectors.suppress([people.by_district.get(pk, 0) for pk in ids])
    ideas = [
        None if count is None else people.ideas_by_district.get(pk, 0) for pk, count in zip(ids, counts, strict=True)
    ]
    population = sum(d.population or 0 for d in districts)
    return BarChart(
        chart_id="districts",
        title=_("Participation by district next to population"),
        category_heading=_("District"),
        categories=names,
        series=[
            Series(label=_("Share of participants"), values=[_percent(c, people.total) for c in counts], unit="%"),
            Series(
                label=_("Share of population"),
                values=[_percent(d.population, population) if d.population else None for d in districts] + [None],
                unit="%",
            ),
            Series(label=_("Participants"), values=counts, draw=False),
            Series(label=_("Ideas by them"), values=ideas, draw=False),
        ],
    )


def _roles_chart(people: selectors.Participation) -> BarChart:
    counts = selectors.suppress([people.residents, people.staff])
    ideas = [None if counts[0] is None else people.resident_ideas, None if counts[1] is None else people.staff_ideas]
    return BarChart(
        chart_id="roles",
        title=_("Residents and city staff"),
        category_heading=_("Who"),
        categories=[_("Residents"), _("City staff")],
        series=[Series(label=_("Participants"), values=counts), Series(label=_("Ideas"), values=ideas)],
    )


def _tags_chart(tags) -> BarChart:
    return BarChart(
        chart_id="tags",
        title=_("Top tags"),
        category_heading=_("Tag"),
        categories=[name for name, _n in tags],
        series=[Series(label=_("Ideas"), values=[n for _name, n in tags])],
    )


def _novelty_chart(counts: list[int], threshold: float, public: int) -> BarChart:
    percent = round(threshold * 100)
    measured = sum(counts)
    bands = []
    for number, (low, high) in enumerate(selectors.novelty_band_edges(threshold)):
        if number == 0:
            bands.append(_("Under %(high)s%% (repeats)") % {"high": round(high * 100)})
        else:
            bands.append(_("%(low)s–%(high)s%%") % {"low": round(low * 100), "high": round(high * 100)})
    return BarChart(
        chart_id="novelty",
        title=_("Ideas by novelty"),
        category_heading=_("Novelty"),
        categories=[
            *bands,
            _("%(threshold)s%% or more (new thinking)") % {"threshold": percent},
            _("Not measured yet"),
        ],
        series=[Series(label=_("Ideas"), values=[*counts, max(public - measured, 0)])],
    )


def _pilots_chart(pilots: list[selectors.PilotFigures]) -> BarChart:
    return BarChart(
        chart_id="pilots",
        title=_("Pilots by status: budget planned and spent"),
        category_heading=_("Status"),
        categories=[p.label for p in pilots],
        series=[
            Series(label=_("Budget planned"), values=[p.planned for p in pilots]),
            Series(label=_("Budget spent"), values=[p.spent for p in pilots]),
            Series(label=_("Pilots"), values=[p.pilots for p in pilots], draw=False),
        ],
    )


@dataclass
class Figures:
    """What the selectors found for one period (and challenge): plain numbers, kept in the
    cache so that the dashboard and the admin home read them without scanning every vote."""

    activity: selectors.WeeklyActivity
    people: selectors.Participation
    funnel: selectors.Funnel
    novelty: list[int]
    threshold: float
    tags: list
    pilots: list
    districts: list
    titles: dict
    computed_at: datetime


def _cache_key(period: Period, challenge) -> str:
    scope = challenge.pk if challenge else "all"
    return f"insights:figures:{scope}:{period.start.isoformat()}:{period.end.isoformat()}"


def figures(*, period: Period, challenge: ChallengePage | None = None, refresh: bool = False) -> Figures:
    """The figures of the period, from the cache when computed in the last
    ``INSIGHTS_CACHE_SECONDS`` (a beat task keeps the usual periods warm), else computed now
    in a fixed number of aggregate queries."""
    key, ttl = _cache_key(period, challenge), settings.INSIGHTS_CACHE_SECONDS
    if ttl and not refresh:
        cached = cache.get(key)
        if cached is not None:
            return cached
    funnel = selectors.funnel(period=period, challenge=challenge)
    novelty, threshold = selectors.novelty_bands(period=period, challenge=challenge)
    weekly, people = selectors.activity(period=period, challenge=challenge)
    found = Figures(
        activity=weekly,
        people=people,
        funnel=funnel,
        novelty=novelty,
        threshold=threshold,
        tags=selectors.top_tags(period=period, challenge=challenge),
        pilots=selectors.pilots_by_status(period=period, challenge=challenge),
        districts=selectors.districts(),
        titles=selectors.challenge_titles(funnel.by_challenge) if challenge is None else {},
        computed_at=timezone.now(),
    )
    if ttl:
        cache.set(key, found, ttl)
    return found


def build(*, period: Period, challenge: ChallengePage | None = None) -> Dashboard:
    """Every chart of the dashboard (or of one challenge's report) for the period."""
    found = figures(period=period, challenge=challenge)
    dashboard = Dashboard(period=period, challenge=challenge, minimum=settings.VOTING_DISTRICT_MINIMUM)
    dashboard.computed_at = found.computed_at
    dashboard.charts = {
        "activity": activity_chart(found.activity),
        "funnel": _funnel_chart(found.funnel),
        "districts": _district_chart(found.people, found.districts),
        "roles": _roles_chart(found.people),
        "tags": _tags_chart(found.tags),
        "novelty": _novelty_chart(found.novelty, found.threshold, found.funnel.public),
        "pilots": _pilots_chart(found.pilots),
    }
    if challenge is None:
        dashboard.charts["challenges"] = _challenges_table(found.funnel, found.titles, period)
    people = found.people
    dashboard.totals = {
        "ideas": found.activity.total("ideas"),
        "comments": found.activity.total("comments"),
        "supports": found.activity.total("supports"),
        "pairwise": found.activity.total("pairwise"),
        "participants": selectors.suppress([people.total])[0] if people.total else 0,
        "adopted": found.funnel.reached[IdeaStage.ADOPTED],
    }
    return dashboard
