"""Pages residents use: a challenge's ideas, an idea with its discussion, the idea form,
comments, reports, follows, "My ideas" and "Following". Views check the rule, call a
service and show its result; they hold no business rules.

Why one module over 400 lines: the pages share the challenge list's sort, seed and paging
helpers; they split (challenge list, idea page and form, discussion) once one FilterSet
serves this page and the API.
"""

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from accounts.models import District

from . import selectors, services
from .converters import whole_number
from .extensions import default_sort, sorts_for
from .forms import CommentEditForm, CommentForm, FlagForm, IdeaForm
from .models import PUBLIC_STAGES, ChallengePage, Comment, Idea, IdeaStage
from .ratelimit import RateLimited
from .rules import flag_refusal
from .text import html_to_text

IDEAS_PER_PAGE = 12
SEED_COOKIE = "greenlight_order"
SEED_MAX = 2_147_483_646
# Stages a visitor may filter a challenge's ideas by (merged ideas live on in their target).
LIST_STAGES = [stage for stage in PUBLIC_STAGES if stage != IdeaStage.MERGED]


def visitor_seed(request) -> int:
    """A number that keeps the random order stable for one visitor (kept in a cookie)."""
    seed = whole_number(request.COOKIES.get(SEED_COOKIE, ""), maximum=SEED_MAX)
    if seed is not None:
        return seed
    seed = getattr(request, "_greenlight_new_seed", None)
    if seed is None:
        seed = secrets.randbelow(SEED_MAX) + 1
        request._greenlight_new_seed = seed
    return seed


def remember_seed(request, response):
    seed = getattr(request, "_greenlight_new_seed", None)
    if seed is not None:
        response.set_cookie(SEED_COOKIE, str(seed), max_age=60 * 60 * 24 * 180, samesite="Lax", httponly=True)
    return response


def _districts() -> list[District]:
    return cache.get_or_set("ideas:districts", lambda: list(District.objects.all()), 300)


def _challenge_tags(challenge: ChallengePage) -> list[tuple[str, str]]:
    """(slug, name) of the tags used by the challenge's public ideas, cached briefly."""

    def load():
        from taggit.models import Tag

        return list(
            Tag.objects.filter(
                ideas_taggedidea_items__content_object__challenge=challenge,
                ideas_taggedidea_items__content_object__stage__in=PUBLIC_STAGES,
                ideas_taggedidea_items__content_object__is_hidden=False,
            )
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )

    return cache.get_or_set(f"ideas:challenge-tags:{challenge.pk}", load, 120)


def challenge_page_context(page: ChallengePage, request) -> dict:
    """The challenge page: its ideas filtered, sorted and paginated, the filter choices and
    what the visitor can do now."""
    viewer = request.user
    sorts = sorts_for(viewer, page)
    sort_keys = [option.key for option in sorts]
    default = default_sort(sorts, viewer, page, selectors.DEFAULT_SORT)
    sort = request.GET.get("sort") or default
    if sort not in sort_keys:
        sort = default if default in sort_keys else sort_keys[0]
    districts = _districts()
    tags = _challenge_tags(page)
    filters = {
        "tag": request.GET.get("tag") if request.GET.get("tag") in {slug for slug, _name in tags} else "",
        "district": request.GET.get("district")
        if request.GET.get("district") in {district.slug for district in districts}
        else "",
        "stage": request.GET.get("stage") if request.GET.get("stage") in LIST_STAGES else "",
    }
    ideas = selectors.ideas_for_challenge(
        challenge=page, viewer=viewer, sort=sort, filters=filters, seed=visitor_seed(request), request=request
    )
    listing = selectors.idea_page(
        ideas=ideas, number=request.GET.get("page"), per_page=IDEAS_PER_PAGE, viewer=viewer, challenge=page
    )
    page_obj = listing["page"]
    shown = page_obj.object_list
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "ideas": shown,
        "page_obj": page_obj,
        "sorts": sorts,
        "sort": sort,
        "filters": filters,
        "filter_tags": tags,
        "filter_districts": districts,
        "filter_stages": [(stage.value, stage.label) for stage in LIST_STAGES],
        "followed_ideas": listing["followed_ideas"],
        "follows_challenge": listing["follows_challenge"],
        "timeline": page.timeline(),
        "phase": page.phase,
        "query_without_page": query.urlencode(),
        "idea_map": selectors.ideas_on_map(challenge=page) if settings.GREENLIGHT_MAP["TILE_URL"] else [],
        "map": settings.GREENLIGHT_MAP,
    }


def _apply_errors(form, exc: ValidationError, field_map: dict | None = None) -> None:
    """Show a service's validation errors on the form's fields."""
    field_map = field_map or {}
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field_map.get(field, field)
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


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


class CommentCreateView(_IdeaAction):
    def post(self, request, pk):
        idea = self.get_idea(request, pk)
        can_answer_officially = request.user.has_perm("ideas.post_official_response", idea)
        form = CommentForm(request.POST, can_answer_officially=can_answer_officially)
        status = 400
        if form.is_valid():
            parent = None
            if form.cleaned_data.get("parent"):
                parent = Comment.objects.filter(pk=form.cleaned_data["parent"], idea=idea).first()
                if parent is None:
                    form.add_error(None, _("The comment you replied to no longer exists."))
            if not form.errors:
                try:
                    comment = services.comment_post(
                        idea=idea,
                        author=request.user,
                        body=form.cleaned_data["body"],
                        parent=parent,
                        official=form.cleaned_data.get("official", False),
                    )
                except ValidationError as exc:
                    status = 429 if isinstance(exc, RateLimited) else 400
                    _apply_errors(form, exc)
                else:
                    messages.success(request, _("Your comment is posted."))
                    return redirect(f"{idea.get_absolute_url()}#comment-{comment.pk}")
        return render(
            request,
            "ideas/comment_form.html",
            {"idea": idea, "form": form, "parent_id": request.POST.get("parent", "")},
            status=status,
        )


class _CommentAction(LoginRequiredMixin, View):
    def get_comment(self, request, pk):
        comment = get_object_or_404(Comment.objects.select_related("idea", "idea__challenge"), pk=pk)
        if not request.user.has_perm("ideas.view_idea", comment.idea):
            raise Http404
        return comment


class CommentEditView(_CommentAction):
    def get(self, request, pk):
        comment = self.get_comment(request, pk)
        if not request.user.has_perm("ideas.change_comment", comment):
            raise PermissionDenied(_("This comment can no longer be edited."))
        form = CommentEditForm(initial={"body": html_to_text(comment.body)})
        return render(request, "ideas/comment_edit.html", {"comment": comment, "form": form})

    def post(self, request, pk):
        comment = self.get_comment(request, pk)
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_edit(comment=comment, actor=request.user, body=form.cleaned_data["body"])
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Your comment is updated."))
                return redirect(f"{comment.idea.get_absolute_url()}#comment-{comment.pk}")
        return render(request, "ideas/comment_edit.html", {"comment": comment, "form": form}, status=400)


class CommentDeleteView(_CommentAction):
    def get(self, request, pk):
        comment = self.get_comment(request, pk)
        if not request.user.has_perm("ideas.delete_comment", comment):
            raise PermissionDenied
        return render(request, "ideas/comment_delete.html", {"comment": comment})

    def post(self, request, pk):
        comment = self.get_comment(request, pk)
        services.comment_delete(comment=comment, actor=request.user)
        messages.success(request, _("Your comment is removed."))
        return redirect(f"{comment.idea.get_absolute_url()}#comment-{comment.pk}")


class FlagView(LoginRequiredMixin, View):
    """Report an idea (``kind="idea"``) or a comment (``kind="comment"``)."""

    kind = "idea"

    def get_target(self, request, pk):
        if self.kind == "idea":
            target = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
            idea = target
        else:
            target = get_object_or_404(Comment.objects.select_related("idea", "idea__challenge"), pk=pk)
            idea = target.idea
        if not request.user.has_perm("ideas.view_idea", idea):
            raise Http404
        if not request.user.has_perm("ideas.flag", target):
            raise PermissionDenied(flag_refusal(request.user, target))
        return target, idea

    def get(self, request, pk):
        target, idea = self.get_target(request, pk)
        return self.render(request, FlagForm(), target, idea)

    def post(self, request, pk):
        target, idea = self.get_target(request, pk)
        form = FlagForm(request.POST)
        if form.is_valid():
            try:
                services.flag_add(reporter=request.user, **{self.kind: target}, **form.cleaned_data)
            except ValidationError as exc:
                if exc.code == "duplicate":
                    messages.info(request, exc.messages[0])
                    return redirect(idea.get_absolute_url())
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Thank you for your report. A moderator will look at it."))
                anchor = f"#comment-{target.pk}" if self.kind == "comment" else ""
                return redirect(idea.get_absolute_url() + anchor)
        return self.render(request, form, target, idea, status=400)

    def render(self, request, form, target, idea, status=200):
        return render(
            request,
            "ideas/flag_form.html",
            {"form": form, "target": target, "idea": idea, "kind": self.kind},
            status=status,
        )


class FollowView(LoginRequiredMixin, View):
    """Follow or stop following an idea or a challenge (POST ``follow=1`` or ``follow=0``)."""

    kind = "idea"

    def post(self, request, pk):
        if self.kind == "idea":
            target = get_object_or_404(Idea, pk=pk)
            if not request.user.has_perm("ideas.view_idea", target):
                raise Http404
            fallback = target.get_absolute_url()
        else:
            target = get_object_or_404(ChallengePage.objects.live(), pk=pk)
            fallback = target.url
        if request.POST.get("follow") == "0":
            services.follow_remove(follower=request.user, **{self.kind: target})
            messages.success(request, _("You no longer follow “%(title)s”.") % {"title": target.title})
        else:
            services.follow_add(follower=request.user, **{self.kind: target})
            messages.success(request, _("You now follow “%(title)s”.") % {"title": target.title})
        return redirect(_safe_next(request, fallback))

    def get(self, request, pk):
        return redirect("ideas:following")


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
