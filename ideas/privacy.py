"""What the ideas app holds about a person, for "Download my data" and "Delete my account"
(registered into ``accounts.privacy`` from ``IdeasConfig.ready``)."""

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from accounts.privacy import register_eraser, register_exporter

from . import signals
from .models import Comment, Flag, Follow, Idea, IdeaStage


def idea_rows(user) -> list[dict]:
    return [
        {
            "id": idea.pk,
            "challenge": idea.challenge.title,
            "title": idea.title,
            "summary": idea.summary,
            "description": idea.body,
            "stage": idea.stage,
            "language": idea.language,
            "district": idea.district.name if idea.district_id else "",
            "place": idea.location_name,
            "tags": idea.tag_names,
            "created_at": idea.created_at,
            "published_at": idea.published_at,
        }
        for idea in Idea.objects.filter(author=user).select_related("challenge", "district").order_by("created_at")
    ]


def comment_rows(user) -> list[dict]:
    comments = Comment.objects.filter(author=user).select_related("idea").order_by("created_at")
    return [
        {
            "id": comment.pk,
            "idea": comment.idea.title,
            "reply_to": comment.parent_id,
            "text": comment.body,
            "language": comment.language,
            "removed": comment.is_deleted,
            "created_at": comment.created_at,
        }
        for comment in comments
    ]


def follow_rows(user) -> list[dict]:
    follows = Follow.objects.filter(follower=user).select_related("challenge", "idea")
    return [
        {
            "challenge": follow.challenge.title if follow.challenge_id else "",
            "idea": follow.idea.title if follow.idea_id else "",
            "since": follow.created_at,
        }
        for follow in follows
    ]


def report_rows(user) -> list[dict]:
    return list(Flag.objects.filter(reporter=user).values("idea_id", "comment_id", "reason", "details", "created_at"))


@transaction.atomic
def erase(*, user, remove_contributions: bool) -> None:
    """Follows go. With ``remove_contributions`` the person's ideas leave the public site
    (withdrawn, their text and photo cleared) and their comments read "Comment removed by its
    author", replies kept in place; otherwise both stay, shown as "Former participant"."""
    Follow.objects.filter(follower=user).delete()
    if not remove_contributions:
        return
    for idea in Idea.objects.select_for_update().filter(author=user):
        was_public = idea.is_public
        idea.title = _("Removed with its author's account")
        idea.summary = idea.body = idea.image_alt = idea.location_name = ""
        idea.image = None
        idea.stage = IdeaStage.WITHDRAWN
        idea.save(update_fields=["title", "summary", "body", "image_alt", "location_name", "image", "stage"])
        signals.idea_withdrawn.send(sender=Idea, idea=idea, actor=None)
        if was_public:
            signals.idea_hidden.send(sender=Idea, idea=idea, actor=None, reason=_("Withdrawn by its author."))
    for comment in Comment.objects.select_for_update().filter(author=user, is_deleted=False):
        comment.is_deleted = True
        comment.body = ""
        comment.save(update_fields=["is_deleted", "body"])
        Idea.objects.filter(pk=comment.idea_id, comment_count__gt=0).update(comment_count=F("comment_count") - 1)


def register() -> None:
    register_exporter("ideas", idea_rows)
    register_exporter("comments", comment_rows)
    register_exporter("follows", follow_rows)
    register_exporter("reports", report_rows)
    register_eraser("ideas", erase)
