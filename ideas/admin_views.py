"""The moderators' actions in the Wagtail admin: approve, reject, hide and restore ideas,
hide and restore comments. Each asks for confirmation (and a reason where one is needed)
and calls the service, which writes the audit log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.redirects import safe_next

from . import services
from .forms import ModerationReasonForm
from .models import Comment, Idea, IdeaStage

IDEA_ACTIONS = {
    "approve": (gettext_lazy("Approve and publish"), False),
    "reject": (gettext_lazy("Reject with a message to the author"), True),
    "hide": (gettext_lazy("Hide with a public reason"), True),
    "restore": (gettext_lazy("Restore and dismiss reports"), False),
}
# The confirm button's own label: short, so it fits its button; the page title says the rest.
ACTION_BUTTONS = {
    "approve": gettext_lazy("Approve"),
    "reject": gettext_lazy("Reject"),
    "hide": gettext_lazy("Hide"),
    "restore": gettext_lazy("Restore"),
}
COMMENT_ACTIONS = {
    "hide": (gettext_lazy("Hide with a public reason"), True),
    "restore": (gettext_lazy("Restore and dismiss reports"), False),
}


def idea_actions_for(idea: Idea) -> list[str]:
    """The moderation actions that make sense for ``idea`` now."""
    actions = []
    if idea.stage == IdeaStage.SUBMITTED:
        actions += ["approve", "reject"]
    if idea.is_hidden or idea.flag_count:
        actions.append("restore")
    if not idea.is_hidden and idea.stage != IdeaStage.SUBMITTED:
        actions.append("hide")
    return actions


def comment_actions_for(comment: Comment) -> list[str]:
    actions = []
    if comment.is_hidden or comment.flag_count:
        actions.append("restore")
    if not comment.is_hidden and not comment.is_deleted:
        actions.append("hide")
    return actions


def moderate(request, kind: str, pk: int, action: str):
    """Confirm and carry out one moderation action on an idea or a comment."""
    if kind == "idea":
        target = get_object_or_404(Idea.objects.select_related("challenge", "author"), pk=pk)
        available, labels = idea_actions_for(target), IDEA_ACTIONS
        listing = reverse("wagtailsnippets_ideas_idea:list")
    else:
        target = get_object_or_404(Comment.objects.select_related("idea", "author"), pk=pk)
        available, labels = comment_actions_for(target), COMMENT_ACTIONS
        listing = reverse("wagtailsnippets_ideas_comment:list")
    if not request.user.has_perm("ideas.moderate", target):
        raise PermissionDenied
    if action not in labels:
        raise PermissionDenied
    label, needs_reason = labels[action]
    form = ModerationReasonForm(request.POST or None) if needs_reason else None
    if request.method == "POST" and action in available and (form is None or form.is_valid()):
        reason = form.cleaned_data["reason"] if form else ""
        try:
            _carry_out(kind, action, target, request.user, reason)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Done: %(action)s — “%(item)s”.") % {"action": label, "item": str(target)})
            return redirect(safe_next(request, listing))
    return TemplateResponse(
        request,
        "ideas/admin/moderate.html",
        {
            "target": target,
            "kind": kind,
            "action": action,
            "action_label": label,
            "button_label": ACTION_BUTTONS[action],
            "available": action in available,
            "form": form,
            "next": safe_next(request, listing),
            "flags": target.flags.select_related("reporter").order_by("-created_at")[:50],
        },
    )


def _carry_out(kind: str, action: str, target, moderator, reason: str) -> None:
    if kind == "idea":
        if action == "approve":
            services.idea_approve(idea=target, moderator=moderator)
        elif action == "reject":
            services.idea_reject(idea=target, moderator=moderator, message=reason)
        elif action == "hide":
            services.idea_hide(idea=target, moderator=moderator, reason=reason)
        else:
            services.idea_restore(idea=target, moderator=moderator)
    elif action == "hide":
        services.comment_hide(comment=target, moderator=moderator, reason=reason)
    else:
        services.comment_restore(comment=target, moderator=moderator)
