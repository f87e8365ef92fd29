"""The discussion pages: comments (post, edit, remove), reports and follows."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.redirects import safe_next
from innovation.errors import show_error, status_of

from .. import services
from ..forms import CommentEditForm, CommentForm, FlagForm
from ..models import ChallengePage, Comment, Idea
from ..rules import flag_refusal
from ..text import html_to_editable_text
from .ideas import _IdeaAction


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
                    status = status_of(exc)
                    show_error(request, exc, form=form)
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
        form = CommentEditForm(initial={"body": html_to_editable_text(comment.body)})
        return render(request, "ideas/comment_edit.html", {"comment": comment, "form": form})

    def post(self, request, pk):
        comment = self.get_comment(request, pk)
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_edit(comment=comment, actor=request.user, body=form.cleaned_data["body"])
            except ValidationError as exc:
                show_error(request, exc, form=form)
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
                show_error(request, exc, form=form)
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
        return redirect(safe_next(request, fallback))

    def get(self, request, pk):
        return redirect("ideas:following")
