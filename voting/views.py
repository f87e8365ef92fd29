"""Voting pages: the support button's form, the pairwise screen and the results page. The
rules in ``voting.rules`` decide each request, exactly as they decide the buttons."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from accounts.redirects import safe_next
from ideas.converters import whole_number
from ideas.models import ChallengePage
from innovation.errors import ServiceError, show_error, status_of

from . import residents, selectors, services
from .forms import PairwiseChoiceForm, PairwiseIdeaForm, ResidentCodeForm
from .methods import VotingMethod
from .models import ResidentVerification
from .rules import refusal

# Comparisons in one round of the pairwise screen, after which it offers a natural pause.
COMPARE_ROUND = 10


def _challenge(pk: int, method: str | None = None) -> ChallengePage:
    challenge = get_object_or_404(ChallengePage.objects.live().public(), pk=pk)
    if method and challenge.voting_method != method:
        raise Http404
    return challenge


class SupportView(LoginRequiredMixin, View):
    """Support an idea or withdraw the support (``action`` = ``add`` or ``withdraw``)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        withdraw = request.POST.get("action") == "withdraw"
        idea = selectors.idea_for_support(pk=pk, voter=request.user, withdrawing=withdraw)
        if idea is None:
            raise Http404
        back = safe_next(request, idea.challenge.url if not idea.is_public else idea.get_absolute_url())
        try:
            if withdraw:
                services.support_withdraw(voter=request.user, idea=idea)
            else:
                services.support_add(voter=request.user, idea=idea)
        except ServiceError as error:
            show_error(request, error)
            return redirect(back)
        summary = selectors.ballot_summary(voter=request.user, challenge=idea.challenge)
        if withdraw:
            message = _("You no longer support “%(title)s”.") % {"title": idea.title}
        else:
            message = _("You support “%(title)s”.") % {"title": idea.title}
        if summary.cap is not None:
            message += " " + ngettext(
                "%(left)s of %(cap)s support left.", "%(left)s of %(cap)s supports left.", summary.cap
            ) % {"left": summary.left, "cap": summary.cap}
        messages.success(request, message)
        return redirect(back)


class CompareView(View):
    """The pairwise screen: two ideas, pick one or "I can't decide", and the next pair at once."""

    template_name = "voting/compare.html"

    def get(self, request, pk: int, form=None, idea_form=None):
        challenge = _challenge(pk, VotingMethod.PAIRWISE)
        may_vote = request.user.has_perm("voting.vote_pairwise", challenge)
        pair = selectors.next_pair(challenge=challenge, voter=request.user) if may_vote else None
        may_add = request.user.has_perm("voting.add_pairwise_idea", challenge)
        reason_code, reason = ("", "") if may_vote else refusal(request.user, challenge, pairwise=True)
        answered = selectors.pairwise_answered(challenge=challenge, voter=request.user) if may_vote else 0
        context = {
            "challenge": challenge,
            "may_vote": may_vote,
            "reason": reason,
            "reason_code": reason_code,
            "pair": pair,
            "answered": answered,
            # Rounds of ten give the screen an end: after each, a pause to see the ranking or go on.
            "round_size": COMPARE_ROUND,
            "round_done": answered % COMPARE_ROUND + 1,
            "pause": pair is not None
            and answered > 0
            and answered % COMPARE_ROUND == 0
            and request.GET.get("more") != str(answered),
            "may_add": may_add,
            "idea_form": idea_form or (PairwiseIdeaForm() if may_add else None),
            "results_visible": request.user.has_perm("voting.view_pairwise_results", challenge),
        }
        return TemplateResponse(request, self.template_name, context, status=400 if form or idea_form else 200)

    def post(self, request, pk: int):
        challenge = _challenge(pk, VotingMethod.PAIRWISE)
        form = PairwiseChoiceForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose one of the two ideas, or “I can't decide”."))
            return redirect("voting:compare", pk=challenge.pk)
        data = form.cleaned_data
        try:
            services.pairwise_vote_cast_by_ids(voter=request.user, challenge=challenge, **data)
        except ServiceError as error:
            show_error(request, error)
        return redirect("voting:compare", pk=challenge.pk)


class CompareAddIdeaView(LoginRequiredMixin, View):
    """Add your own idea from the pairwise screen while the challenge takes ideas."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        from ideas import services as idea_services

        challenge = _challenge(pk, VotingMethod.PAIRWISE)
        if not request.user.has_perm("voting.add_pairwise_idea", challenge):
            messages.error(request, _("This challenge does not take new ideas now."))
            return redirect("voting:compare", pk=challenge.pk)
        form = PairwiseIdeaForm(request.POST)
        if form.is_valid():
            try:
                idea = idea_services.idea_create(
                    challenge=challenge, author=request.user, submit=True, **form.cleaned_data
                )
            except ServiceError as error:
                show_error(request, error, form=form)
            else:
                if idea.is_public:
                    messages.success(request, _("Your idea is in: others will now compare it."))
                else:
                    messages.success(request, _("Thank you: your idea will join the comparisons once approved."))
                return redirect("voting:compare", pk=challenge.pk)
        return CompareView().get(request, pk, idea_form=form)


class ResultsView(View):
    """Ideas ranked by their votes, with how the ranking is computed. Leadership also sees
    who took part by district."""

    template_name = "voting/results.html"

    def get(self, request, pk: int):
        challenge = _challenge(pk)
        if challenge.voting_method == VotingMethod.NONE:
            raise Http404
        visible = request.user.has_perm("voting.view_totals", challenge)
        context = {"challenge": challenge, "visible": visible, "compare_url": ""}
        if visible:
            if challenge.voting_method == VotingMethod.PAIRWISE:
                context["ideas"] = selectors.pairwise_results(challenge=challenge)
                context["totals"] = selectors.pairwise_totals(challenge=challenge)
                context["fit"] = selectors.pairwise_fit_state(challenge=challenge)
            else:
                context["ideas"] = selectors.support_results(challenge=challenge)
        if challenge.voting_method == VotingMethod.PAIRWISE and challenge.accepts_votes_at():
            context["compare_url"] = reverse("voting:compare", kwargs={"pk": challenge.pk})
        if request.user.has_perm("voting.view_district_totals", challenge):
            context["districts"], context["district_totals"] = selectors.district_totals(challenge=challenge)
            context["district_minimum"] = settings.VOTING_DISTRICT_MINIMUM
        return TemplateResponse(request, self.template_name, context)


class VerifyView(LoginRequiredMixin, View):
    """ "Verify as a resident": the code the city sent lets a person vote in a challenge where
    only verified residents may. ``?challenge=<id>`` chooses the challenge in advance."""

    template_name = "voting/verify.html"

    def _render(self, request, form, status=200):
        verified = (
            ResidentVerification.objects.filter(user=request.user).select_related("challenge").order_by("-verified_at")
        )
        context = {"form": form, "verified": verified, "asking": form.fields["challenge"].queryset.exists()}
        return TemplateResponse(request, self.template_name, context, status=status)

    def get(self, request):
        chosen = whole_number(request.GET.get("challenge"))
        return self._render(request, ResidentCodeForm(initial={"challenge": chosen} if chosen else None))

    def post(self, request):
        form = ResidentCodeForm(request.POST)
        if form.is_valid():
            challenge = form.cleaned_data["challenge"]
            try:
                residents.resident_code_redeem(user=request.user, challenge=challenge, code=form.cleaned_data["code"])
            except ServiceError as error:
                show_error(request, error, form=form)
                return self._render(request, form, status=status_of(error))
            messages.success(
                request,
                _("You are verified as a resident for “%(title)s”. You can vote now.") % {"title": challenge.title},
            )
            return redirect(safe_next(request, challenge.url))
        return self._render(request, form, status=400)
