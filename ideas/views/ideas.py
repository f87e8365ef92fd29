"""The idea pages: the form to share or edit an idea, the idea with its discussion,
submitting and withdrawing, and a person's own and followed ideas."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from .. import selectors, services
from ..forms import CommentForm, IdeaForm
from ..models import ChallengePage, Idea, IdeaStage
from ..ratelimit import RateLimited
from .common import _apply_errors

IDEA_FIELD_MAP = {"tags": "other_tags", "image_alt": "photo_alt"}


class IdeaCreateView(LoginRequiredMixin, View):
    template_name = "ideas/idea_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.challenge = get_object_or_404(ChallengePage.objects.live(), pk=kwargs["challenge_id"])
        return super().dispatch(request, *args, **kwargs)

    def check(self, request):
        if not request.user.has_perm("ideas.add_idea", self.challenge):
            raise PermissionDenied(_("This challenge does not accept ideas from you right now."))

    def get(self, request, challenge_id):
        self.check(request)
        form = IdeaForm(challenge=self.challenge, initial={"district": request.user.district_id})
        return self.render(request, form)

    def post(self, request, challenge_id):
        self.check(request)
        form = IdeaForm(request.POST, request.FILES, challenge=self.challenge)
        submit = request.POST.get("action") != "draft"
        status = 400
        if form.is_valid():
            try:
                idea = services.idea_create(
                    challenge=self.challenge,
                    author=request.user,
                    tags=form.tag_names(),
                    submit=submit,
                    **form.service_fields(),
                )
            except ValidationError as exc:
                status = 429 if isinstance(exc, RateLimited) else 400
                _apply_errors(form, exc, IDEA_FIELD_MAP)
            else:
                if not submit:
                    messages.success(request, _("Your draft is saved. Only you can see it."))
                elif idea.stage == IdeaStage.SUBMITTED:
                    messages.success(request, _("Thank you! A moderator will publish your idea shortly."))
                else:
                    messages.success(request, _("Thank you! Your idea is published."))
                return redirect(idea.get_absolute_url())
        return self.render(request, form, status=status)

    def render(self, request, form, status=200):
        return render(
            request,
            self.template_name,
            {"form": form, "challenge": self.challenge, "idea": None, "panel_object": self.challenge},
            status=status,
        )


class IdeaUpdateView(LoginRequiredMixin, View):
    template_name = "ideas/idea_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.idea = get_object_or_404(Idea.objects.select_related("challenge", "image"), pk=kwargs["pk"])
        if request.user.is_authenticated and not request.user.has_perm("ideas.change_idea", self.idea):
            if not request.user.has_perm("ideas.view_idea", self.idea):
                raise Http404
            raise PermissionDenied(_("This idea can no longer be changed."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        return self.render(request, IdeaForm(challenge=self.idea.challenge, idea=self.idea))

    def post(self, request, pk):
        form = IdeaForm(request.POST, request.FILES, challenge=self.idea.challenge, idea=self.idea)
        if form.is_valid():
            try:
                services.idea_update(
                    idea=self.idea,
                    actor=request.user,
                    tags=form.tag_names(),
                    remove_photo=form.cleaned_data.get("remove_photo", False),
                    **form.service_fields(),
                )
                if request.POST.get("action") == "submit" and self.idea.stage == IdeaStage.DRAFT:
                    services.idea_submit(idea=self.idea, actor=request.user)
            except ValidationError as exc:
                _apply_errors(form, exc, IDEA_FIELD_MAP)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(self.idea.get_absolute_url())
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        return render(
            request,
            self.template_name,
            {"form": form, "challenge": self.idea.challenge, "idea": self.idea, "panel_object": self.idea},
            status=status,
        )


def idea_detail(request, pk: int):
    idea = selectors.idea_for_viewer(pk=pk, viewer=request.user)
    if idea is None:
        raise Http404
    if idea.stage == IdeaStage.MERGED and idea.merged_into_id and request.GET.get("show") != "original":
        messages.info(
            request,
            _("“%(title)s” was merged into this idea, where the discussion continues.") % {"title": idea.title},
        )
        return redirect(idea.merged_into.get_absolute_url())
    comments = selectors.comments_for_idea(idea=idea)
    follow = selectors.follow_state(person=request.user, ideas=[idea])
    can_answer_officially = request.user.has_perm("ideas.post_official_response", idea)
    return render(
        request,
        "ideas/idea_detail.html",
        {
            "idea": idea,
            "challenge": idea.challenge,
            "comments": comments,
            "comment_form": CommentForm(can_answer_officially=can_answer_officially),
            "follows_idea": idea.pk in follow["ideas"],
            "merged_from": selectors.ideas_merged_into(idea=idea, viewer=request.user),
        },
    )


class _IdeaAction(LoginRequiredMixin, View):
    """POST-only actions on an idea the viewer can see."""

    def get_idea(self, request, pk):
        idea = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
        if not request.user.has_perm("ideas.view_idea", idea):
            raise Http404
        return idea

    def get(self, request, pk):
        return redirect("ideas:idea_detail", pk=pk)


class IdeaSubmitView(_IdeaAction):
    def post(self, request, pk):
        idea = self.get_idea(request, pk)
        try:
            idea = services.idea_submit(idea=idea, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if idea.stage == IdeaStage.SUBMITTED:
                messages.success(request, _("Thank you! A moderator will publish your idea shortly."))
            else:
                messages.success(request, _("Thank you! Your idea is published."))
        return redirect(idea.get_absolute_url())


class IdeaWithdrawView(_IdeaAction):
    def get(self, request, pk):
        idea = self.get_idea(request, pk)
        if not request.user.has_perm("ideas.withdraw_idea", idea):
            raise PermissionDenied
        return render(request, "ideas/idea_withdraw.html", {"idea": idea})

    def post(self, request, pk):
        idea = self.get_idea(request, pk)
        services.idea_withdraw(idea=idea, actor=request.user)
        messages.success(request, _("Your idea is withdrawn. It no longer appears in the challenge."))
        return redirect("ideas:my_ideas")


class MyIdeasView(LoginRequiredMixin, View):
    def get(self, request):
        ideas = list(selectors.ideas_of_author(author=request.user))
        return render(
            request,
            "ideas/my_ideas.html",
            {
                "drafts": [idea for idea in ideas if idea.stage == IdeaStage.DRAFT],
                "ideas": [idea for idea in ideas if idea.stage != IdeaStage.DRAFT],
            },
        )


class FollowingView(LoginRequiredMixin, View):
    def get(self, request):
        follows = list(selectors.follows_of(person=request.user))
        return render(
            request,
            "ideas/following.html",
            {
                "challenges": [follow.challenge for follow in follows if follow.challenge_id],
                "ideas": [follow.idea for follow in follows if follow.idea_id and follow.idea.is_public],
            },
        )
