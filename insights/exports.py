"""What each export holds: its columns, the rows it starts from, the filters the admin
listing offers, and how a batch of rows is completed with figures from other apps (a fixed
number of queries per batch of 2,000, never one per row).

Personal data: a column marked ``personal`` (email addresses) is written only when the
person exporting asked for it explicitly. Nothing here says who supported or compared what;
supports leave only as counts per idea and district, small ones suppressed.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby, islice

import django_filters
from django.db.models import Count, QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from ideas.models import ChallengePage, Comment, Idea, IdeaStage
from ideas.transitions import stage_label
from pipeline.models import Evaluation, PilotPage, PilotStatus
from pipeline.selectors import weighted_mean, weighted_scores
from search.selectors import idea_novelty
from voting.models import Support

from .selectors import suppress

BATCH = 2000


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    personal: bool = False


@dataclass
class ExportSpec:
    kind: str
    label: str
    columns: list[Column]
    base: Callable[[], QuerySet]
    rows: Callable[[Iterable, bool], Iterator[dict]]
    filterset_class: type | None = None
    count: Callable[[QuerySet], int] = field(default=lambda queryset: queryset.count())

    def headings(self, *, personal: bool) -> list[Column]:
        return [c for c in self.columns if personal or not c.personal]

    def queryset(self, parameters: dict) -> QuerySet:
        """The rows the listing shows for these filters (the same filterset as the listing)."""
        queryset = self.base()
        if self.filterset_class is not None:
            queryset = self.filterset_class(parameters, queryset=queryset).qs
        return queryset


# Columns several exports share, each heading written once.
ID = Column("id", _("Id"))
CHALLENGE = Column("challenge", _("Challenge"))
HIDDEN = Column("hidden", _("Hidden by moderation"))
AUTHOR_EMAIL = Column("author_email", _("Author's email"), personal=True)


def batches(iterable: Iterable, size: int = BATCH) -> Iterator[list]:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def _iterate(queryset: QuerySet) -> Iterator[list]:
    """Batches of the queryset in primary-key order, each read with one query (prefetches
    included), without holding the whole result in memory."""
    if not queryset.query.order_by:
        queryset = queryset.order_by("pk")
    yield from batches(queryset.iterator(chunk_size=BATCH))


def _url(path: str) -> str:
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Filters of the listings ----------------------------------------------------------------
def _challenge_filter(field_name: str) -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Challenge"), field_name=field_name, queryset=ChallengePage.objects.all()
    )


class IdeaExportFilterSet(WagtailFilterSet):
    challenge = _challenge_filter("challenge")
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=[c for c in IdeaStage.choices if c[0] != "draft"])
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = Idea
        fields = ["challenge", "stage", "district", "submitted_at"]


class CommentExportFilterSet(WagtailFilterSet):
    challenge = _challenge_filter("idea__challenge")
    created_at = django_filters.DateFromToRangeFilter(label=_("Posted"), widget=DateRangePickerWidget)

    class Meta:
        model = Comment
        fields = ["challenge", "is_official", "is_hidden", "created_at"]


class EvaluationExportFilterSet(WagtailFilterSet):
    challenge = _challenge_filter("idea__challenge")

    class Meta:
        model = Evaluation
        fields = ["challenge"]


class PilotExportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PilotStatus.choices)

    class Meta:
        model = PilotPage
        fields = ["status", "department"]


class SupportExportFilterSet(django_filters.FilterSet):
    challenge = _challenge_filter("idea__challenge")

    class Meta:
        model = Support
        fields = ["challenge"]


# Ideas ----------------------------------------------------------------------------------
def _idea_rows(queryset, personal: bool) -> Iterator[dict]:
    for batch in _iterate(queryset):
        scores = weighted_scores(batch)
        novelty = dict(idea_novelty(idea_ids=[i.pk for i in batch]).values_list("idea_id", "novelty"))
        for idea in batch:
            pairwise = getattr(idea, "pairwise_score", None)
            row = {
                "id": idea.pk,
                "title": idea.title,
                "challenge": idea.challenge.title,
                "stage": stage_label(idea.stage),
                "hidden": idea.is_hidden,
                "district": idea.district.name if idea.district else "",
                "tags": ", ".join(idea.tag_list),
                "submitted": idea.submitted_at,
                "published": idea.published_at,
                "supports": idea.support_count,
                "comments": idea.comment_count,
                "followers": idea.follower_count,
                "pairwise_score": None if pairwise is None or pairwise.score is None else round(pairwise.score, 4),
                "comparisons": pairwise.comparisons if pairwise else 0,
                "evaluation_score": None if idea.pk not in scores else round(scores[idea.pk], 2),
                "novelty": novelty.get(idea.pk),
                "url": _url(idea.get_absolute_url()),
            }
            if personal:
                row["author_email"] = idea.author.email
            yield row


IDEAS = ExportSpec(
    kind="ideas",
    label=_("Ideas"),
    columns=[
        ID,
        Column("title", _("Title")),
        CHALLENGE,
        Column("stage", _("Stage")),
        HIDDEN,
        Column("district", _("District")),
        Column("tags", _("Tags")),
        Column("submitted", _("Submitted")),
        Column("published", _("Published")),
        Column("supports", _("Supports")),
        Column("comments", _("Comments")),
        Column("followers", _("Followers")),
        Column("pairwise_score", _("Pairwise score (0–1)")),
        Column("comparisons", _("Pairwise comparisons")),
        Column("evaluation_score", _("Evaluation score (1–5)")),
        Column("novelty", _("Novelty (0–1)")),
        Column("url", _("Address")),
        AUTHOR_EMAIL,
    ],
    base=lambda: Idea.objects.exclude(stage=IdeaStage.DRAFT).select_related(
        "challenge", "district", "author", "pairwise_score"
    ),
    rows=_idea_rows,
    filterset_class=IdeaExportFilterSet,
)


# Comments -------------------------------------------------------------------------------
def _comment_rows(queryset, personal: bool) -> Iterator[dict]:
    for batch in _iterate(queryset):
        for comment in batch:
            row = {
                "id": comment.pk,
                "idea_id": comment.idea_id,
                "idea": comment.idea.title,
                "challenge": comment.idea.challenge.title,
                "posted": comment.created_at,
                "reply": comment.parent_id is not None,
                "official": comment.is_official,
                "hidden": comment.is_hidden,
                "removed": comment.is_deleted,
                "author": comment.author.public_name,
                "text": "" if comment.is_deleted else strip_tags(comment.body).strip(),
            }
            if personal:
                row["author_email"] = comment.author.email
            yield row


COMMENTS = ExportSpec(
    kind="comments",
    label=_("Comments"),
    columns=[
        ID,
        Column("idea_id", _("Idea id")),
        Column("idea", _("Idea")),
        CHALLENGE,
        Column("posted", _("Posted")),
        Column("reply", _("Reply")),
        Column("official", _("Official response")),
        HIDDEN,
        Column("removed", _("Removed by its author")),
        Column("author", _("Author (public name)")),
        Column("text", _("Comment")),
        AUTHOR_EMAIL,
    ],
    base=lambda: Comment.objects.select_related("idea__challenge", "author"),
    rows=_comment_rows,
    filterset_class=CommentExportFilterSet,
)


# Supports per idea and district -----------------------------------------------------------
def _support_base():
    return (
        Support.objects.order_by()
        .values("idea_id", "idea__title", "idea__challenge__title", "voter__district__name")
        .annotate(supports=Count("pk"))
        .order_by("idea_id", "voter__district__name")
    )


def _support_rows(queryset, personal: bool) -> Iterator[dict]:
    for _idea_id, group in groupby(queryset.iterator(chunk_size=BATCH), key=lambda row: row["idea_id"]):
        group = list(group)
        counts = suppress([row["supports"] for row in group])
        for row, count in zip(group, counts, strict=True):
            yield {
                "idea_id": row["idea_id"],
                "idea": row["idea__title"],
                "challenge": row["idea__challenge__title"],
                "district": row["voter__district__name"] or "",
                "supports": count,
            }


SUPPORTS = ExportSpec(
    kind="supports",
    label=_("Supports per idea and district"),
    columns=[
        Column("idea_id", _("Idea id")),
        Column("idea", _("Idea")),
        CHALLENGE,
        Column("district", _("Supporters' district")),
        Column("supports", _("Supports (empty: fewer than 5, not shown)")),
    ],
    base=_support_base,
    rows=_support_rows,
    filterset_class=SupportExportFilterSet,
)


# Evaluations ----------------------------------------------------------------------------
def _evaluation_rows(queryset, personal: bool) -> Iterator[dict]:
    for batch in _iterate(queryset):
        for evaluation in batch:
            scores = sorted(evaluation.scores.all(), key=lambda s: (s.criterion.sort_order or 0, s.criterion_id))
            weighted = weighted_mean((s.criterion.weight, s.score) for s in scores)
            row = {
                "id": evaluation.pk,
                "idea_id": evaluation.idea_id,
                "idea": evaluation.idea.title,
                "challenge": evaluation.idea.challenge.title,
                "evaluator": evaluation.evaluator.public_name,
                "submitted": evaluation.submitted_at,
                "scores": "; ".join(f"{s.criterion.name}: {s.score}" for s in scores),
                "weighted": None if weighted is None else round(weighted, 2),
                "comment": evaluation.comment,
            }
            if personal:
                row["evaluator_email"] = evaluation.evaluator.email
            yield row


EVALUATIONS = ExportSpec(
    kind="evaluations",
    label=_("Evaluations"),
    columns=[
        ID,
        Column("idea_id", _("Idea id")),
        Column("idea", _("Idea")),
        CHALLENGE,
        Column("evaluator", _("Evaluator (public name)")),
        Column("submitted", _("Submitted")),
        Column("scores", _("Scores by criterion")),
        Column("weighted", _("Weighted score")),
        Column("comment", _("Comment")),
        Column("evaluator_email", _("Evaluator's email"), personal=True),
    ],
    base=lambda: Evaluation.objects.select_related("idea__challenge", "evaluator").prefetch_related(
        "scores__criterion"
    ),
    rows=_evaluation_rows,
    filterset_class=EvaluationExportFilterSet,
)


# Pilots ---------------------------------------------------------------------------------
def _kpi_text(pilot) -> str:
    from pipeline.charts import kpi_charts

    parts = []
    for chart in kpi_charts(pilot.kpis):
        current = "—" if chart.current is None else f"{chart.current:g}"
        target = f"{_('target')} {chart.target:g}"
        parts.append(f"{chart.name}: {chart.baseline:g} → {current} ({target}) {chart.unit}".strip())
    return "; ".join(parts)


def _pilot_rows(queryset, personal: bool) -> Iterator[dict]:
    statuses = dict(PilotStatus.choices)
    for batch in _iterate(queryset):
        for pilot in batch:
            milestones = list(pilot.milestones.all())
            yield {
                "id": pilot.pk,
                "title": pilot.title,
                "status": str(statuses.get(pilot.status, pilot.status)),
                "published": pilot.live,
                "department": pilot.department,
                "starts": pilot.starts_on,
                "ends": pilot.ends_on,
                "budget_planned": float(pilot.budget_planned),
                "budget_spent": float(pilot.budget_spent),
                "budget_used": pilot.budget_used_percent,
                "ideas": "; ".join(link.idea.title for link in pilot.source_ideas.all()),
                "kpis": _kpi_text(pilot),
                "milestones": "; ".join(
                    f"{m.title} ({_('done') if m.done_on else _('due')} {(m.done_on or m.due_on).isoformat()})"
                    for m in milestones
                ),
                "milestones_done": sum(1 for m in milestones if m.done_on),
                "milestones_total": len(milestones),
            }


PILOTS = ExportSpec(
    kind="pilots",
    label=_("Pilots"),
    columns=[
        ID,
        Column("title", _("Title")),
        Column("status", _("Status")),
        Column("published", _("Published")),
        Column("department", _("Department")),
        Column("starts", _("Starts")),
        Column("ends", _("Ends")),
        Column("budget_planned", _("Budget planned")),
        Column("budget_spent", _("Budget spent")),
        Column("budget_used", _("Budget used (%)")),
        Column("ideas", _("Ideas it tests")),
        Column("kpis", _("KPIs (baseline → latest, target)")),
        Column("milestones", _("Milestones")),
        Column("milestones_done", _("Milestones done")),
        Column("milestones_total", _("Milestones in all")),
    ],
    base=lambda: PilotPage.objects.prefetch_related("milestones", "source_ideas__idea"),
    rows=_pilot_rows,
    filterset_class=PilotExportFilterSet,
)

SPECS = {spec.kind: spec for spec in (IDEAS, COMMENTS, SUPPORTS, EVALUATIONS, PILOTS)}
