"""Voting in the Wagtail admin, for leadership: each challenge's ideas ranked by supports,
trending or pairwise score, and who took part by district (small counts suppressed)."""

from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ideas.models import ChallengePage, Idea, IdeaStage, VotingMethod

from . import selectors

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
