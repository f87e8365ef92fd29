"""Writes about the discussion: comments (post, edit, remove), reports and follows."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from innovation.errors import Invalid

from .. import signals
from ..models import ChallengePage, Comment, Flag, FlagReason, Follow, Idea
from ..ratelimit import rate_limit_hit
from ..rules import flag_refusal
from ..text import is_blank_html, sanitise_html
from .common import _require, _send, _setting


def _clean_comment_body(body: str) -> str:
    cleaned = sanitise_html(body or "")
    if is_blank_html(cleaned):
        raise Invalid({"body": _("Write something before posting.")})
    if len(cleaned) > 10_000:
        raise Invalid({"body": _("This comment is too long (at most about 5,000 characters).")})
    return cleaned


def comment_post(
    *, idea: Idea, author: User, body: str, parent: Comment | None = None, official: bool = False
) -> Comment:
    """Add to the discussion of an idea, or reply to a comment (replies nest two levels deep,
    deeper replies join the deepest level). City staff may mark theirs as the official response."""
    _require(author, "ideas.add_comment", idea, _("You cannot comment on this idea now."))
    if official:
        _require(author, "ideas.post_official_response", idea, _("Only city staff can give an official response."))
    cleaned = _clean_comment_body(body)
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise Invalid({"parent": _("You can only reply to a comment on the same idea.")})
        if parent.is_hidden:
            raise Invalid({"parent": _("This comment is hidden and cannot be replied to.")})
    rate_limit_hit(
        scope="comment",
        person_id=author.pk,
        limit=_setting("GREENLIGHT_COMMENTS_PER_MINUTE"),
        period=60,
        message=_("You are commenting very quickly. Please wait a minute before posting again."),
    )
    depth = 0
    if parent is not None:
        depth = min(parent.depth + 1, settings.GREENLIGHT_COMMENT_MAX_DEPTH)
        if parent.depth >= settings.GREENLIGHT_COMMENT_MAX_DEPTH:
            parent = parent.parent  # keep the thread readable on a phone
    with transaction.atomic():
        comment = Comment.objects.create(
            idea=idea, author=author, parent=parent, depth=depth, body=cleaned, is_official=official
        )
        Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
        _send(signals.comment_posted, Comment, comment=comment, actor=author)
    return comment


def comment_edit(*, comment: Comment, actor: User, body: str) -> Comment:
    """The author corrects their comment within the edit window."""
    _require(actor, "ideas.change_comment", comment, _("This comment can no longer be edited."))
    cleaned = _clean_comment_body(body)
    with transaction.atomic():
        # A moderator may have hidden it since the form was loaded: decide on the locked row.
        comment = Comment.objects.select_for_update().select_related("idea__challenge").get(pk=comment.pk)
        _require(actor, "ideas.change_comment", comment, _("This comment can no longer be edited."))
        comment.body = cleaned
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at"])
    return comment


def comment_delete(*, comment: Comment, actor: User) -> Comment:
    """The author removes their comment; "comment removed" keeps the thread's replies in place."""
    _require(actor, "ideas.delete_comment", comment, _("This comment cannot be removed."))
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        # Removed or hidden meanwhile: the thread's count was already lowered once.
        _require(actor, "ideas.delete_comment", comment, _("This comment cannot be removed."))
        comment.is_deleted = True
        comment.body = ""
        comment.save(update_fields=["is_deleted", "body"])
        Idea.objects.filter(pk=comment.idea_id).update(comment_count=F("comment_count") - 1)
    return comment


# Flags and follows ----------------------------------------------------------------------


def flag_add(
    *, reporter: User, reason: str, details: str = "", idea: Idea | None = None, comment: Comment | None = None
):
    """Report an idea or a comment. After enough distinct reports it is hidden until a
    moderator looks at it."""
    target = idea if idea is not None else comment
    if target is None or (idea is not None and comment is not None):
        raise ValueError("Flag exactly one idea or one comment.")
    _require(reporter, "ideas.flag", target, flag_refusal(reporter, target))
    if reason not in FlagReason.values:
        raise Invalid({"reason": _("Choose a reason.")})
    details = " ".join((details or "").split())[:500]
    threshold = _setting("GREENLIGHT_FLAGS_TO_HIDE")
    model = Idea if idea is not None else Comment
    with transaction.atomic():
        target = model.objects.select_for_update().get(pk=target.pk)
        existing = Flag.objects.filter(reporter=reporter, idea=idea, comment=comment).first()
        if existing is not None:
            raise Invalid(_("You have already reported this. A moderator will look at it."), code="duplicate")
        flag = Flag.objects.create(reporter=reporter, idea=idea, comment=comment, reason=reason, details=details)
        target.flag_count = F("flag_count") + 1
        target.save(update_fields=["flag_count"])
        target.refresh_from_db(fields=["flag_count", "is_hidden"])
        if target.flag_count >= threshold and not target.is_hidden:
            reason_text = _("Hidden while a moderator reviews reports from the community.")
            target.is_hidden = True
            target.hidden_reason = reason_text
            target.save(update_fields=["is_hidden", "hidden_reason"])
            if model is Idea:
                _send(signals.idea_hidden, Idea, idea=target, actor=None, reason=reason_text)
            else:
                if not target.is_deleted:
                    Idea.objects.filter(pk=target.idea_id).update(comment_count=F("comment_count") - 1)
                _send(signals.comment_hidden, Comment, comment=target, actor=None, reason=reason_text)
    return flag


def follow_add(*, follower: User, challenge: ChallengePage | None = None, idea: Idea | None = None) -> Follow:
    """Follow a challenge or an idea (idempotent)."""
    target = idea if idea is not None else challenge
    if target is None or (idea is not None and challenge is not None):
        raise ValueError("Follow exactly one challenge or one idea.")
    _require(follower, "ideas.follow", target, _("Sign in to follow."))
    with transaction.atomic():
        follow, created = Follow.objects.get_or_create(follower=follower, idea=idea, challenge=challenge)
        if created:
            if idea is not None:
                Idea.objects.filter(pk=idea.pk).update(follower_count=F("follower_count") + 1)
            _send(signals.follow_added, Follow, follow=follow)
    return follow


def follow_remove(*, follower: User, challenge: ChallengePage | None = None, idea: Idea | None = None) -> None:
    """Stop following (idempotent)."""
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(follower=follower, idea=idea, challenge=challenge).delete()
        if deleted and idea is not None:
            Idea.objects.filter(pk=idea.pk).update(follower_count=F("follower_count") - 1)
