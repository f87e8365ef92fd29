"""Moderators' writes: approve or reject held ideas, hide and restore ideas and comments,
resolving their reports."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from innovation.errors import Invalid

from .. import signals
from ..models import Comment, Flag, FlagStatus, Idea, IdeaStage
from .common import _require, _send


def _resolve_flags(*, moderator: User, status: str, idea: Idea | None = None, comment: Comment | None = None) -> None:
    flags = Flag.objects.filter(status=FlagStatus.OPEN)
    flags = flags.filter(idea=idea) if idea is not None else flags.filter(comment=comment)
    flags.update(status=status, resolved_at=timezone.now(), resolved_by=moderator)


def idea_approve(*, idea: Idea, moderator: User) -> Idea:
    """Publish an idea held for approval."""
    _require(moderator, "ideas.moderate", idea)
    with transaction.atomic():
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if idea.stage != IdeaStage.SUBMITTED:
            raise Invalid(_("Only ideas awaiting approval can be approved."))
        idea.stage = IdeaStage.PUBLISHED
        idea.published_at = timezone.now()
        idea.save(update_fields=["stage", "published_at", "updated_at"])
        log(instance=idea, action="greenlight.idea.approve", user=moderator)
        _send(signals.idea_published, Idea, idea=idea, actor=moderator)
    return idea


def idea_reject(*, idea: Idea, moderator: User, message: str) -> Idea:
    """Refuse an idea held for approval, telling its author why."""
    _require(moderator, "ideas.moderate", idea)
    message = " ".join((message or "").split())
    if not message:
        raise Invalid({"message": _("Tell the author why their idea cannot be published.")})
    with transaction.atomic():
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if idea.stage != IdeaStage.SUBMITTED:
            raise Invalid(_("Only ideas awaiting approval can be rejected."))
        idea.stage = IdeaStage.REJECTED
        idea.moderation_message = message[:1000]
        idea.save(update_fields=["stage", "moderation_message", "updated_at"])
        log(instance=idea, action="greenlight.idea.reject", user=moderator, data={"message": message})
        _send(signals.idea_hidden, Idea, idea=idea, actor=moderator, reason=message)
    return idea


def _public_reason(reason: str, missing: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise Invalid({"reason": missing})
    return reason[:300]


def _set_hidden(target: Idea | Comment, *, moderator: User, hidden: bool, reason: str = ""):
    """Lock ``target``, hide or show it, and close its open flags (upheld when hiding,
    dismissed when showing). Returns the fresh row and whether it was hidden before."""
    model = type(target)
    target = model.objects.select_for_update().get(pk=target.pk)
    was_hidden = target.is_hidden
    target.is_hidden = hidden
    target.hidden_reason = reason
    target.flag_count = 0
    fields = ["is_hidden", "hidden_reason", "flag_count"] + (["updated_at"] if model is Idea else [])
    target.save(update_fields=fields)
    status = FlagStatus.UPHELD if hidden else FlagStatus.DISMISSED
    _resolve_flags(moderator=moderator, status=status, **{"idea" if model is Idea else "comment": target})
    return target, was_hidden


def idea_hide(*, idea: Idea, moderator: User, reason: str) -> Idea:
    """Take a public idea down, with a reason everyone can read; upholds its open flags."""
    _require(moderator, "ideas.moderate", idea)
    reason = _public_reason(reason, _("Give a public reason for hiding this idea."))
    with transaction.atomic():
        idea, _was_hidden = _set_hidden(idea, moderator=moderator, hidden=True, reason=reason)
        log(instance=idea, action="greenlight.idea.hide", user=moderator, data={"reason": reason})
        _send(signals.idea_hidden, Idea, idea=idea, actor=moderator, reason=reason)
    return idea


def idea_restore(*, idea: Idea, moderator: User) -> Idea:
    """Make an idea visible again (and dismiss its open flags)."""
    _require(moderator, "ideas.moderate", idea)
    with transaction.atomic():
        idea, was_hidden = _set_hidden(idea, moderator=moderator, hidden=False)
        log(instance=idea, action="greenlight.idea.restore", user=moderator)
        if was_hidden and idea.is_public:
            _send(signals.idea_restored, Idea, idea=idea, actor=moderator)
    return idea


def comment_hide(*, comment: Comment, moderator: User, reason: str) -> Comment:
    """Hide a comment with a public reason; the thread keeps its place."""
    _require(moderator, "ideas.moderate", comment)
    reason = _public_reason(reason, _("Give a public reason for hiding this comment."))
    with transaction.atomic():
        comment, was_hidden = _set_hidden(comment, moderator=moderator, hidden=True, reason=reason)
        if not was_hidden and not comment.is_deleted:
            Idea.objects.filter(pk=comment.idea_id).update(comment_count=F("comment_count") - 1)
        log(instance=comment, action="greenlight.comment.hide", user=moderator, data={"reason": reason})
        _send(signals.comment_hidden, Comment, comment=comment, actor=moderator, reason=reason)
    return comment


def comment_restore(*, comment: Comment, moderator: User) -> Comment:
    """Show a hidden comment again (and dismiss its open flags)."""
    _require(moderator, "ideas.moderate", comment)
    with transaction.atomic():
        comment, was_hidden = _set_hidden(comment, moderator=moderator, hidden=False)
        if was_hidden and not comment.is_deleted:
            Idea.objects.filter(pk=comment.idea_id).update(comment_count=F("comment_count") + 1)
        log(instance=comment, action="greenlight.comment.restore", user=moderator)
    return comment
