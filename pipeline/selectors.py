"""Reads of the pipeline: timelines, evaluation summaries, the board and pilots."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q

from ideas.models import EvaluationCriterion, Idea, IdeaStage

from . import transitions
from .extensions import board_metrics
from .models import CriterionScore, Evaluation, EvaluatorAssignment, PilotIdea, PilotPage, PilotStatus, StageChange

# Evaluators disagree strongly on a criterion when their scores are this far apart (1 vs 4).
DISAGREEMENT_RANGE = 3


# Timelines ------------------------------------------------------------------------------
def timelines_for(ideas) -> dict[int, list[StageChange]]:
    """The public timeline of each idea, oldest step first, in one query."""
    timelines: dict[int, list[StageChange]] = {idea.pk: [] for idea in ideas}
    changes = StageChange.objects.filter(idea__in=list(timelines)).select_related("related_idea", "pilot")
    for change in changes.order_by("created_at", "id"):
        timelines[change.idea_id].append(change)
    return timelines


def idea_timeline(*, idea: Idea) -> list[StageChange]:
    """What happened to the idea: each stage it passed, when, and the public note."""
    return timelines_for([idea])[idea.pk]


# Evaluation -----------------------------------------------------------------------------
@dataclass
class CriterionSummary:
    criterion: EvaluationCriterion
    scores: list[int] = field(default_factory=list)

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def spread(self) -> float | None:
        """The standard deviation of the scores (0 when everyone agrees)."""
        return statistics.pstdev(self.scores) if self.scores else None

    @property
    def disagreement(self) -> bool:
        return len(self.scores) > 1 and max(self.scores) - min(self.scores) >= DISAGREEMENT_RANGE


@dataclass
class EvaluationSummary:
    criteria: list[CriterionSummary]
    evaluators: int = 0

    @property
    def weighted_score(self) -> float | None:
        scored = [c for c in self.criteria if c.scores]
        weight = sum(float(c.criterion.weight) for c in scored)
        if not weight:
            return None
        return sum(float(c.criterion.weight) * c.mean for c in scored) / weight

    @property
    def disagreement(self) -> bool:
        return any(c.disagreement for c in self.criteria)


def evaluation_summaries(ideas) -> dict[int, EvaluationSummary]:
    """Per idea: weighted score, each criterion's mean and spread, how many evaluators
    scored, and where they disagree strongly. Three queries for any number of ideas."""
    ideas = list(ideas)
    challenge_ids = {idea.challenge_id for idea in ideas}
    criteria_by_challenge = defaultdict(list)
    for criterion in EvaluationCriterion.objects.filter(challenge_id__in=challenge_ids).order_by("sort_order", "pk"):
        criteria_by_challenge[criterion.challenge_id].append(criterion)
    summaries = {
        idea.pk: EvaluationSummary(criteria=[CriterionSummary(c) for c in criteria_by_challenge[idea.challenge_id]])
        for idea in ideas
    }
    rows = CriterionScore.objects.filter(evaluation__idea__in=list(summaries)).values_list(
        "evaluation__idea_id", "evaluation_id", "criterion_id", "score"
    )
    evaluations = defaultdict(set)
    for idea_id, evaluation_id, criterion_id, score in rows.order_by("evaluation_id"):
        evaluations[idea_id].add(evaluation_id)
        for summary in summaries[idea_id].criteria:
            if summary.criterion.pk == criterion_id:
                summary.scores.append(score)
    for idea_id, ids in evaluations.items():
        summaries[idea_id].evaluators = len(ids)
    return summaries


def evaluation_summary(*, idea: Idea) -> EvaluationSummary:
    return evaluation_summaries([idea])[idea.pk]


def evaluations_for(*, idea: Idea) -> list[Evaluation]:
    """Every submitted scorecard of the idea, with its scores."""
    return list(
        Evaluation.objects.filter(idea=idea)
        .select_related("evaluator")
        .prefetch_related(Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion")))
    )


def evaluation_queue(*, evaluator) -> list[dict]:
    """The shortlisted ideas an evaluator is asked to score, and whether they have."""
    assignments = EvaluatorAssignment.objects.filter(evaluator=evaluator)
    challenge_ids = assignments.filter(idea__isnull=True).values("challenge_id")
    idea_ids = assignments.filter(idea__isnull=False).values("idea_id")
    ideas = (
        Idea.objects.filter(Q(challenge_id__in=challenge_ids) | Q(pk__in=idea_ids), stage=IdeaStage.SHORTLISTED)
        .exclude(author=evaluator)
        .select_related("challenge")
        .order_by("challenge__title", "title")
    )
    done = set(Evaluation.objects.filter(evaluator=evaluator).values_list("idea_id", flat=True))
    return [{"idea": idea, "scored": idea.pk in done} for idea in ideas]


# Board ----------------------------------------------------------------------------------
@dataclass
class BoardColumn:
    stage: str
    label: str
    sort: str
    cards: list[dict]


def board(*, challenge, tag: str = "", district: str = "", sorts: dict[str, str] | None = None) -> dict:
    """The pipeline board of one challenge: a column per stage, each card with every
    registered metric, sorted within its column; the tags and districts to filter by.
    Constant queries in the number of ideas."""
    sorts = sorts or {}
    metrics = board_metrics()
    every = list(
        # Listed ideas, in the board's columns (merged ones live on in their target's card).
        Idea.objects.listed_for(None)
        .filter(challenge=challenge, stage__in=transitions.BOARD_STAGES)
        .select_related("district")
        .prefetch_related("tags")
        .order_by("-published_at", "-pk")
    )
    for idea in every:
        idea.challenge = challenge
    tags = sorted({(t.slug, t.name) for idea in every for t in idea.tags.all()}, key=lambda t: t[1].lower())
    districts = sorted({(i.district.slug, i.district.name) for i in every if i.district}, key=lambda d: d[1])
    ideas = [
        idea
        for idea in every
        if (not tag or any(t.slug == tag for t in idea.tags.all()))
        and (not district or (idea.district is not None and idea.district.slug == district))
    ]
    values = {metric.key: metric.values_for(ideas) for metric in metrics}
    # A figure nobody has (pairwise scores of a challenge that votes otherwise, novelty
    # before search has computed it) is left off the cards and the sorts.
    metrics = [m for m in metrics if m.key == "supports" or any(v is not None for v in values[m.key].values())]
    columns = []
    sort_keys = {metric.key for metric in metrics} | {"newest"}
    for stage in transitions.BOARD_STAGES:
        sort = sorts.get(stage) if sorts.get(stage) in sort_keys else "supports"
        cards = [
            {
                "idea": idea,
                "metrics": [
                    {"key": m.key, "label": m.label, "value": values[m.key].get(idea.pk), "display": m.display}
                    for m in metrics
                ],
            }
            for idea in ideas
            if idea.stage == stage
        ]
        if sort != "newest":
            cards.sort(key=lambda card, key=sort: _metric_sort_key(values[key].get(card["idea"].pk)))
        columns.append(BoardColumn(stage=stage, label=transitions.stage_label(stage), sort=sort, cards=cards))
    return {"columns": columns, "metrics": metrics, "ideas": ideas, "tags": tags, "districts": districts}


def weighted_scores(ideas) -> dict[int, float]:
    """Each evaluated idea's weighted score (the weighted mean of its criteria's mean
    scores), in one query."""
    sums: dict[int, dict[int, list]] = defaultdict(dict)
    rows = CriterionScore.objects.filter(evaluation__idea__in=[idea.pk for idea in ideas]).values_list(
        "evaluation__idea_id", "criterion_id", "criterion__weight", "score"
    )
    for idea_id, criterion_id, weight, score in rows:
        sums[idea_id].setdefault(criterion_id, [float(weight), []])[1].append(score)
    return {
        idea_id: sum(w * statistics.fmean(s) for w, s in criteria.values()) / sum(w for w, _s in criteria.values())
        for idea_id, criteria in sums.items()
    }


def _metric_sort_key(value):
    """Highest first; ideas without a value last."""
    return (value is None, -(value or 0))


# Pilots ---------------------------------------------------------------------------------
def pilots_public(*, department: str = "", status: str = ""):
    """Published pilots anyone may read, running ones first."""
    # Translations (other locales) are shown through the page they translate, never listed.
    pilots = PilotPage.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)
    pilots = pilots.order_by("-first_published_at", "-pk")
    if department:
        pilots = pilots.filter(department=department)
    if status:
        pilots = pilots.filter(status=status)
    return pilots


def pilot_index_context(*, index, params) -> dict:
    department = params.get("department", "")
    status = params.get("status", "") if params.get("status", "") in PilotStatus.values else ""
    pilots = pilots_public(department=department, status=status).child_of(index)
    page = Paginator(pilots, 12).get_page(params.get("page"))
    departments = (
        PilotPage.objects.live().public().child_of(index).order_by("department").values_list("department", flat=True)
    )
    return {
        "pilots": page,
        "departments": list(dict.fromkeys(departments)),
        "statuses": PilotStatus.choices,
        "filters": {"department": department, "status": status},
    }


def pilot_source_ideas(*, pilot: PilotPage) -> list[Idea]:
    """The public ideas a pilot tests."""
    return list(
        Idea.objects.public().filter(pilot_links__page=pilot).select_related("challenge", "district").order_by("pk")
    )


def pilot_detail_context(*, pilot: PilotPage) -> dict:
    """Everything the public pilot page shows: milestones as a timeline, a chart per KPI,
    budget used, dated updates and the ideas it tests."""
    from .charts import kpi_charts

    milestones = sorted(pilot.milestones.all(), key=lambda m: (m.due_on, m.pk or 0))
    return {
        "milestones": milestones,
        "milestones_done": sum(1 for m in milestones if m.done_on),
        "charts": kpi_charts(pilot.kpis),
        "updates": sorted(pilot.updates.all(), key=lambda u: u.date, reverse=True),
        "source_ideas": pilot_source_ideas(pilot=pilot),
    }


def pilots_for_idea(*, idea: Idea):
    return pilots_public().filter(pk__in=PilotIdea.objects.filter(idea=idea).values("page_id"))


def featured_pilots(*, limit: int = 3) -> list[PilotPage]:
    """For the home page: running pilots first, then the latest others."""
    order = {PilotStatus.RUNNING: 0, PilotStatus.EVALUATING: 1, PilotStatus.PLANNED: 2}
    pilots = list(pilots_public()[: limit * 4])
    pilots.sort(key=lambda p: order.get(p.status, 3))
    return pilots[:limit]


def featured_pilots_for_home(*, home) -> dict:
    """The home page's pilots (registered with ``home.selectors.register_featured``): running
    ones first."""
    return {"featured_pilots": featured_pilots(limit=3)}
