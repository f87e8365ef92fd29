"""What Greenlight shows the world about ideas, challenges and pilots: the one public shape
used by the open-data feeds and the webhook bodies, so nothing private can leave by either.

No emails, no authors' accounts, no who-supported-what; support totals only where the
challenge does not hide them from the public (``ChallengePage.totals_hidden_at``)."""

from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Count, Q

from ideas.models import ChallengePage, Idea, public_ideas_q
from pipeline.charts import kpi_charts
from pipeline.models import PilotIdea, PilotPage
from pipeline.selectors import pilots_public


def absolute(path: str | None) -> str | None:
    if not path:
        return None
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def public_challenges():
    """Live challenges anyone may read, oldest first (ids are stable)."""
    return ChallengePage.objects.live().public().order_by("pk")


def public_ideas():
    """Public ideas of public challenges, oldest first (merged ones too: each record says
    where it went)."""
    return (
        Idea.objects.public()
        .filter(challenge__in=public_challenges().values("pk"))
        .select_related("challenge", "district")
        .order_by("pk")
    )


def public_pilots():
    return pilots_public().order_by("pk")


def _iso(value):
    return value.isoformat() if value else None


def idea_record(idea: Idea) -> dict:
    hidden = idea.challenge.totals_hidden_at()
    return {
        "id": idea.pk,
        "challenge": idea.challenge_id,
        "title": idea.title,
        "summary": idea.summary,
        "stage": idea.stage,
        "district": idea.district.name if idea.district_id else None,
        "tags": idea.tag_list,
        "place": idea.location_name,
        "latitude": float(idea.latitude) if idea.latitude is not None else None,
        "longitude": float(idea.longitude) if idea.longitude is not None else None,
        "supports": None if hidden else idea.support_count,
        "comments": idea.comment_count,
        "merged_into": idea.merged_into_id,
        "published_at": _iso(idea.published_at),
        "url": absolute(idea.get_absolute_url()),
    }


def challenge_records(challenges) -> list[dict]:
    challenges = list(challenges)
    totals = dict(
        Idea.objects.public().filter(challenge__in=challenges).values_list("challenge").annotate(total=Count("pk"))
    )
    return [challenge_record(challenge, idea_total=totals.get(challenge.pk, 0)) for challenge in challenges]


def challenge_record(challenge: ChallengePage, *, idea_total: int | None = None) -> dict:
    if idea_total is None:
        idea_total = Idea.objects.public().filter(challenge=challenge).count()
    return {
        "id": challenge.pk,
        "title": challenge.title,
        "question": challenge.question,
        "summary": challenge.summary,
        "sponsor": challenge.sponsor,
        "audience": challenge.audience,
        "phase": challenge.phase,
        "voting_method": challenge.voting_method,
        "ideas_open": _iso(challenge.ideas_open),
        "ideas_close": _iso(challenge.ideas_close),
        "voting_open": _iso(challenge.voting_open),
        "voting_close": _iso(challenge.voting_close),
        "review_end": _iso(challenge.review_end),
        "results_published": _iso(challenge.results_published),
        "ideas": idea_total,
        "url": absolute(challenge.url),
    }


def pilot_records(pilots) -> list[dict]:
    pilots = list(pilots)
    links: dict[int, list[int]] = {}
    public_links = PilotIdea.objects.filter(public_ideas_q("idea__"), Q(page__in=pilots)).order_by("idea_id")
    for page_id, idea_id in public_links.values_list("page_id", "idea_id"):
        links.setdefault(page_id, []).append(idea_id)
    return [pilot_record(pilot, ideas=links.get(pilot.pk, [])) for pilot in pilots]


def pilot_record(pilot: PilotPage, *, ideas: list[int] | None = None) -> dict:
    if ideas is None:
        ideas = list(
            PilotIdea.objects.filter(public_ideas_q("idea__"), page=pilot)
            .order_by("idea_id")
            .values_list("idea_id", flat=True)
        )
    return {
        "id": pilot.pk,
        "title": pilot.title,
        "department": pilot.department,
        "sponsor": pilot.sponsor,
        "summary": pilot.summary,
        "status": pilot.status,
        "starts_on": _iso(pilot.starts_on),
        "ends_on": _iso(pilot.ends_on),
        "budget_planned": str(pilot.budget_planned),
        "budget_spent": str(pilot.budget_spent),
        "decision": pilot.decision,
        "lessons": pilot.lessons,
        "ideas": ideas,
        "kpis": [
            {
                "name": chart.name,
                "unit": chart.unit,
                "baseline": chart.baseline,
                "target": chart.target,
                "current": chart.current,
                "progress_percent": chart.progress,
                "measurements": [{"date": _iso(date), "value": value} for date, value in chart.measurements],
            }
            for chart in kpi_charts(pilot.kpis)
        ],
        "url": absolute(pilot.url),
    }
