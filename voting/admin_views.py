"""Voting in the Wagtail admin, for leadership: each challenge's ideas ranked by supports,
trending or pairwise score, who took part by district (small counts suppressed), and the
codes that let residents vote where only verified residents may."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ideas.converters import whole_number
from ideas.models import ChallengePage, Idea, IdeaStage
from innovation.errors import ServiceError, show_error, status_of

from . import residents, selectors
from .methods import VotingMethod

SORTS = {
    "supported": gettext_lazy("Most supported"),
    "trending": gettext_lazy("Trending"),
    "pairwise": gettext_lazy("Pairwise score"),
}


class VotingAdminView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = "voting.view_district_totals"
    raise_exception = True
    header_icon = "pick"

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("voting_admin:index"), "label": _("Voting")}]
        if self.get_page_title() != _("Voting"):
            items.append({"url": "", "label": self.get_header_title()})
        return items


class VotingIndexView(VotingAdminView):
    """The challenges that vote, with their supporters and pairwise voters."""

    template_name = "voting/admin/index.html"
    page_title = gettext_lazy("Voting")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["challenges"] = (
            ChallengePage.objects.exclude(voting_method=VotingMethod.NONE)
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .annotate(
                supporters=Count("ideas__supports__voter", distinct=True),
                comparers=Count("pairwise_votes__voter", distinct=True),
            )
            .order_by("-voting_open")
        )
        return context


class VotingChallengeView(VotingAdminView):
    """One challenge's ideas, ranked by the chosen sort, and its totals by district."""

    template_name = "voting/admin/challenge.html"

    def dispatch(self, request, *args, **kwargs):
        self.challenge = get_object_or_404(ChallengePage, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Voting results")

    def get_page_subtitle(self):
        return self.challenge.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        default = "pairwise" if self.challenge.voting_method == VotingMethod.PAIRWISE else "supported"
        sort = self.request.GET.get("sort") if self.request.GET.get("sort") in SORTS else default
        ideas = selectors.with_trending(
            Idea.objects.filter(challenge=self.challenge, stage__in=_VOTED_STAGES).select_related("pairwise_score")
        )
        if sort == "pairwise":
            ideas = selectors.ideas_by_pairwise_score(ideas)
        elif sort == "trending":
            ideas = ideas.order_by("-trending", "-support_count", "-pk")
        else:
            ideas = ideas.order_by("-support_count", "-pk")
        rows, totals = selectors.district_totals(challenge=self.challenge)
        context.update(
            challenge=self.challenge,
            ideas=ideas,
            sort=sort,
            sorts=SORTS.items(),
            districts=rows,
            district_totals=totals,
            district_minimum=settings.VOTING_DISTRICT_MINIMUM,
            pairwise=selectors.pairwise_totals(challenge=self.challenge),
            supporters=self.challenge.ideas.aggregate(n=Count("supports__voter", distinct=True))["n"],
            hidden_now=self.challenge.totals_hidden_at(),
        )
        return context


# Ideas that were open for votes (merged ones passed their supporters on).
_VOTED_STAGES = [stage for stage in IdeaStage.values if stage not in ("draft", "submitted", "rejected", "merged")]


class ResidentCodesForm(forms.Form):
    challenge = forms.ModelChoiceField(label=gettext_lazy("Challenge"), queryset=None)
    file = forms.FileField(
        label=gettext_lazy("CSV file of codes"),
        help_text=gettext_lazy(
            "UTF-8, at most 2 MB: one code per line in a column named “code”, and optionally a “district” column "
            "(name or slug). Nothing is imported if any line has a problem."
        ),
    )

    def __init__(self, *args, challenges=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = challenges


class ResidentCodesView(VotingAdminView, FormView):
    """Codes for residents per challenge: upload a CSV of codes, and see how many were issued
    and redeemed."""

    permission_required = "voting.import_resident_codes"
    template_name = "voting/admin/resident_codes.html"
    form_class = ResidentCodesForm
    page_title = gettext_lazy("Resident codes")
    header_icon = "key"

    def _challenges(self):
        return (
            ChallengePage.objects.exclude(voting_method=VotingMethod.NONE)
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("-voting_open")
        )

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_header_title()}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "challenges": self._challenges()}

    def get_initial(self):
        return {"challenge": whole_number(self.request.GET.get("challenge"))}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        challenges = list(self._challenges())
        counts = residents.code_counts(challenges)
        for challenge in challenges:
            challenge.codes = counts.get(challenge.pk, {"issued": 0, "redeemed": 0})
        context["challenges"] = challenges
        return context

    def form_valid(self, form):
        challenge = form.cleaned_data["challenge"]
        data = form.cleaned_data["file"].read(residents.MAX_FILE_BYTES + 1)
        try:
            count = residents.resident_codes_import(actor=self.request.user, challenge=challenge, data=data)
        except ServiceError as error:
            show_error(self.request, error, form=form)
            return self.render_to_response(self.get_context_data(form=form), status=status_of(error))
        messages.success(
            self.request,
            ngettext("%(count)s code issued for “%(title)s”.", "%(count)s codes issued for “%(title)s”.", count)
            % {"count": count, "title": challenge.title},
        )
        return redirect("voting_admin:resident_codes")
