"""The pipeline's admin screens: the board, an idea's pipeline page, scorecards, evaluator
assignments and starting pilots. Views check a rule, call a service and report back."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.redirects import safe_next
from ideas.models import ChallengePage, Idea, IdeaStage, listed_ideas_q

from . import selectors, services, transitions
from .forms import AssignEvaluatorForm, BoardMoveForm, MergeForm, MoveForm, ScorecardForm, StartPilotForm
from .models import Evaluation, EvaluatorAssignment


def _report_refusal(request, refusal) -> None:
    for message in refusal.messages:
        messages.error(request, message)


def _back(request, fallback: str) -> HttpResponseRedirect:
    return redirect(safe_next(request, fallback))


def _report_form_errors(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def _with_errors(form, error):
    """The form with a service's refusal shown above its fields."""
    for message in error.messages:
        form.add_error(None, message)
    return form


class PipelineTemplateMixin(WagtailAdminTemplateMixin):
    """The admin's page furniture, with "Pipeline" in the breadcrumbs."""

    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("pipeline:index"), "label": _("Pipeline")}]
        if self.get_page_title() != _("Pipeline"):
            items.append({"url": "", "label": self.get_header_title()})
        return items


class AdminView(PermissionRequiredMixin, PipelineTemplateMixin, TemplateView):
    raise_exception = True


class PipelineIndexView(AdminView):
    """The challenges with how many ideas are in the pipeline; the way to each board."""

    permission_required = "pipeline.view_evaluations"
    template_name = "pipeline/admin/index.html"
    page_title = gettext_lazy("Pipeline")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["challenges"] = (
            ChallengePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .annotate(
                in_pipeline=Count(
                    "ideas", filter=listed_ideas_q("ideas__") & Q(ideas__stage__in=transitions.BOARD_STAGES)
                )
            )
            .order_by("-ideas_open")
        )
        context["queue"] = selectors.evaluation_queue(evaluator=self.request.user)
        return context


class ChallengeMixin:
    def dispatch(self, request, *args, **kwargs):
        self.challenge = get_object_or_404(ChallengePage, pk=kwargs["challenge_id"])
        return super().dispatch(request, *args, **kwargs)


class BoardView(ChallengeMixin, AdminView):
    """Columns by stage with every card's figures; move one or many ideas with a note."""

    permission_required = "pipeline.view_board"
    template_name = "pipeline/admin/board.html"

    def get_page_title(self):
        return _("Pipeline board")

    def get_page_subtitle(self):
        return self.challenge.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        tag, district = params.get("tag", ""), params.get("district", "")
        sorts = {stage: params.get(f"sort_{stage}", "") for stage in transitions.BOARD_STAGES}
        board = selectors.board(challenge=self.challenge, tag=tag, district=district, sorts=sorts)
        base_query = params.copy()
        for column in board["columns"]:
            column.sort_links = []
            for key, label in [(m.key, m.label) for m in board["metrics"]] + [("newest", _("Newest"))]:
                query = base_query.copy()
                query[f"sort_{column.stage}"] = key
                column.sort_links.append({"key": key, "label": label, "query": query.urlencode()})
        context.update(
            board=board,
            challenge=self.challenge,
            move_form=MoveForm(),
            filters={"tag": tag, "district": district},
            districts=board["districts"],
            tags=board["tags"],
        )
        return context


class BoardMoveView(ChallengeMixin, PermissionRequiredMixin, FormView):
    permission_required = "pipeline.move_idea"
    raise_exception = True
    form_class = BoardMoveForm
    http_method_names = ["post"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "challenge": self.challenge}

    def form_valid(self, form):
        try:
            changes = services.ideas_move(
                ideas=list(form.cleaned_data["ideas"]),
                target=form.cleaned_data["target"],
                actor=self.request.user,
                note=form.cleaned_data["note"],
            )
        except services.TransitionRefused as refusal:
            _report_refusal(self.request, refusal)
        else:
            messages.success(
                self.request,
                ngettext("Moved %(count)s idea to “%(stage)s”.", "Moved %(count)s ideas to “%(stage)s”.", len(changes))
                % {"count": len(changes), "stage": transitions.stage_label(form.cleaned_data["target"])},
            )
        return _back(self.request, reverse("pipeline:board", args=[self.challenge.pk]))

    def form_invalid(self, form):
        _report_form_errors(self.request, form)
        return _back(self.request, reverse("pipeline:board", args=[self.challenge.pk]))


class StartPilotView(PermissionRequiredMixin, FormView):
    """Create a draft pilot from selected ideas and open it in the page editor."""

    permission_required = "pipeline.move_idea"
    raise_exception = True
    form_class = StartPilotForm
    http_method_names = ["post"]

    def form_valid(self, form):
        try:
            pilot = services.pilot_start(
                ideas=list(form.cleaned_data["ideas"]), actor=self.request.user, title=form.cleaned_data["title"]
            )
        except services.TransitionRefused as refusal:
            _report_refusal(self.request, refusal)
            return _back(self.request, reverse("pipeline:index"))
        messages.success(self.request, _("Draft pilot created: complete it, then publish it to start the pilot."))
        return redirect("wagtailadmin_pages:edit", pilot.pk)

    def form_invalid(self, form):
        _report_form_errors(self.request, form)
        return _back(self.request, reverse("pipeline:index"))


class IdeaMixin:
    def dispatch(self, request, *args, **kwargs):
        self.idea = get_object_or_404(Idea.objects.select_related("challenge", "author"), pk=kwargs["idea_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.idea


class IdeaPipelineView(IdeaMixin, AdminView):
    """One idea in the pipeline: its timeline, the moves allowed, scorecards, merge, pilot."""

    permission_required = "pipeline.view_idea_pipeline"
    template_name = "pipeline/admin/idea.html"

    def get_page_title(self):
        return self.idea.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        moves = [
            t for t in transitions.leaving(self.idea.stage, via="pipeline") if transitions.may_make(t, user, self.idea)
        ]
        context.update(
            idea=self.idea,
            timeline=selectors.idea_timeline(idea=self.idea),
            move_form=MoveForm(targets=[(t.target, t.label) for t in moves]) if moves else None,
            merge_form=MergeForm(idea=self.idea)
            if user.has_perm("pipeline.merge_idea") and transitions.find(self.idea.stage, IdeaStage.MERGED)
            else None,
            may_start_pilot=user.has_perm("pipeline.start_pilot", self.idea),
            pilots=selectors.pilots_for_idea(idea=self.idea),
        )
        if user.has_perm("pipeline.view_evaluation_summary"):
            context["summary"] = selectors.evaluation_summary(idea=self.idea)
            context["evaluations"] = selectors.evaluations_for(idea=self.idea)
        return context


class IdeaMoveView(IdeaMixin, PermissionRequiredMixin, FormView):
    permission_required = "pipeline.move_idea"
    raise_exception = True
    form_class = MoveForm
    http_method_names = ["post"]

    def form_valid(self, form):
        try:
            services.idea_move(
                idea=self.idea,
                target=form.cleaned_data["target"],
                actor=self.request.user,
                note=form.cleaned_data["note"],
            )
        except services.TransitionRefused as refusal:
            _report_refusal(self.request, refusal)
        else:
            messages.success(
                self.request,
                _("“%(title)s” is now “%(stage)s”.")
                % {
                    "title": self.idea.title,
                    "stage": transitions.stage_label(form.cleaned_data["target"]),
                },
            )
        return _back(self.request, reverse("pipeline:idea", args=[self.idea.pk]))

    def form_invalid(self, form):
        messages.error(self.request, _("Choose the stage to move the idea to."))
        return _back(self.request, reverse("pipeline:idea", args=[self.idea.pk]))


class IdeaMergeView(IdeaMixin, PermissionRequiredMixin, FormView):
    permission_required = "pipeline.merge_idea"
    raise_exception = True
    form_class = MergeForm
    http_method_names = ["post"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "idea": self.idea}

    def form_valid(self, form):
        target = form.cleaned_data["target"]
        try:
            services.idea_merge(
                source=self.idea, target=target, actor=self.request.user, note=form.cleaned_data["note"]
            )
        except services.TransitionRefused as refusal:
            _report_refusal(self.request, refusal)
            return redirect("pipeline:idea", self.idea.pk)
        messages.success(self.request, _("Merged into “%(title)s”.") % {"title": target.title})
        return redirect("pipeline:idea", target.pk)

    def form_invalid(self, form):
        messages.error(self.request, _("Choose the idea to merge into."))
        return redirect("pipeline:idea", self.idea.pk)


class ScorecardView(IdeaMixin, PermissionRequiredMixin, PipelineTemplateMixin, FormView):
    """An evaluator scores a shortlisted idea. Under blind review the author and the other
    evaluators' scores stay hidden until the evaluator has submitted their own."""

    permission_required = "pipeline.score_idea"
    raise_exception = True
    template_name = "pipeline/admin/scorecard.html"
    form_class = ScorecardForm
    header_icon = "form"

    def get_page_title(self):
        return _("Scorecard")

    def get_page_subtitle(self):
        return self.idea.title

    def get_form_kwargs(self):
        mine = Evaluation.objects.filter(idea=self.idea, evaluator=self.request.user).first()
        kwargs = super().get_form_kwargs()
        kwargs["criteria"] = self.idea.challenge.criteria.all()
        if mine is not None:
            kwargs["initial_scores"] = dict(mine.scores.values_list("criterion_id", "score"))
            kwargs.setdefault("initial", {})["comment"] = mine.comment
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        see_review = self.request.user.has_perm("pipeline.see_review", self.idea)
        context.update(
            idea=self.idea,
            see_review=see_review,
            blind=self.idea.challenge.blind_review,
            others=[e for e in selectors.evaluations_for(idea=self.idea) if e.evaluator_id != self.request.user.pk]
            if see_review
            else [],
        )
        return context

    def form_valid(self, form):
        try:
            services.evaluation_submit(
                idea=self.idea,
                evaluator=self.request.user,
                scores=form.scores,
                comment=form.cleaned_data["comment"],
            )
        except services.ValidationError as error:
            return self.form_invalid(_with_errors(form, error))
        messages.success(self.request, _("Your scores for “%(title)s” are saved.") % {"title": self.idea.title})
        return redirect("pipeline:scorecard", self.idea.pk)


class EvaluatorsView(ChallengeMixin, PermissionRequiredMixin, PipelineTemplateMixin, FormView):
    """Leadership assigns evaluators and reads each idea's evaluation summary."""

    permission_required = "pipeline.assign_evaluators"
    raise_exception = True
    template_name = "pipeline/admin/evaluators.html"
    form_class = AssignEvaluatorForm
    header_icon = "group"

    def get_page_title(self):
        return _("Evaluation")

    def get_page_subtitle(self):
        return self.challenge.title

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "challenge": self.challenge}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ideas = list(
            Idea.objects.filter(
                challenge=self.challenge,
                stage__in=[IdeaStage.UNDER_REVIEW, IdeaStage.SHORTLISTED, IdeaStage.SELECTED, IdeaStage.PILOTING],
            ).order_by("stage", "title")
        )
        summaries = selectors.evaluation_summaries(ideas)
        context.update(
            challenge=self.challenge,
            criteria=list(self.challenge.criteria.all()),
            assignments=EvaluatorAssignment.objects.filter(challenge=self.challenge).select_related(
                "evaluator", "idea"
            ),
            rows=[{"idea": idea, "summary": summaries[idea.pk]} for idea in ideas],
        )
        return context

    def form_valid(self, form):
        try:
            services.evaluator_assign(
                challenge=self.challenge,
                evaluator=form.cleaned_data["evaluator"],
                idea=form.cleaned_data["idea"],
                actor=self.request.user,
            )
        except services.ValidationError as error:
            return self.form_invalid(_with_errors(form, error))
        messages.success(self.request, _("%(name)s is assigned.") % {"name": form.cleaned_data["evaluator"]})
        return redirect("pipeline:evaluators", self.challenge.pk)
