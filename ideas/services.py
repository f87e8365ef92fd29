"""Writes about challenges, ideas, comments, flags and follows.

Every service checks the rule that allows it (the same rule that shows the button), validates,
writes in one transaction and sends its signal from ``ideas.signals`` once the write is done,
so the apps above (voting, pipeline, search, notifications) can react without ``ideas``
importing them.

Why one module over 400 lines: idea, comment, flag and follow writes share the locking and
rate-limit helpers at the top; they split by responsibility with the one error family that
every service raises, so callers change their imports once.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import signals
from .models import ChallengePage, Comment, Flag, FlagReason, FlagStatus, Follow, Idea, IdeaStage, ModerationMode
from .photos import prepare_photo, store_photo
from .ratelimit import rate_limit_hit
from .rules import flag_refusal
from .text import is_blank_html, sanitise_html

MAX_TAGS = 8


def _require(actor, permission: str, obj, message: str | None = None) -> None:
    if not actor.has_perm(permission, obj):
        raise PermissionDenied(message or _("You are not allowed to do this."))


def _setting(name: str) -> int:
    return int(getattr(settings, name))


# Ideas ----------------------------------------------------------------------------------


def _clean_tags(challenge: ChallengePage, tags) -> list[str]:
    names = []
    for tag in tags or []:
        name = " ".join(str(tag).split()).lower()[:50]
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise ValidationError({"tags": _("Use at most %(n)s tags.") % {"n": MAX_TAGS}})
    if not challenge.free_tags:
        allowed = {tag.lower() for tag in challenge.suggested_tag_list}
        unknown = [name for name in names if name not in allowed]
        if unknown:
            raise ValidationError(
                {"tags": _("Choose tags from this challenge's list (not: %(tags)s).") % {"tags": ", ".join(unknown)}}
            )
    return names


def _clean_location(latitude, longitude) -> tuple[Decimal | None, Decimal | None]:
    if (latitude is None) != (longitude is None):
        raise ValidationError({"latitude": _("Give both latitude and longitude, or neither.")})
    if latitude is None:
        return None, None
    try:
        lat, lon = (
            Decimal(str(latitude)).quantize(Decimal("0.000001")),
            Decimal(str(longitude)).quantize(Decimal("0.000001")),
        )
    except ArithmeticError as exc:
        raise ValidationError({"latitude": _("Latitude and longitude must be numbers.")}) from exc
    errors = {}
    if not -90 <= lat <= 90:
        errors["latitude"] = _("Latitude must be between -90 and 90.")
    if not -180 <= lon <= 180:
        errors["longitude"] = _("Longitude must be between -180 and 180.")
    if errors:
        raise ValidationError(errors)
    return lat, lon


def _apply_fields(idea: Idea, fields: dict) -> None:
    """Set the resident-editable fields of ``idea`` from ``fields``, sanitised and validated."""
    errors = {}
    if "title" in fields:
        idea.title = " ".join((fields["title"] or "").split())
        if not idea.title:
            errors["title"] = _("Give your idea a title.")
    if "summary" in fields:
        idea.summary = " ".join((fields["summary"] or "").split())
        if not idea.summary:
            errors["summary"] = _("Sum your idea up in one line.")
    if "body" in fields:
        idea.body = sanitise_html(fields["body"] or "")
        if is_blank_html(idea.body):
            idea.body = ""
    if "district" in fields:
        idea.district = fields["district"]
    if "location_name" in fields:
        idea.location_name = " ".join((fields["location_name"] or "").split())
    if "latitude" in fields or "longitude" in fields:
        try:
            idea.latitude, idea.longitude = _clean_location(fields.get("latitude"), fields.get("longitude"))
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if "photo_alt" in fields:
        idea.image_alt = " ".join((fields["photo_alt"] or "").split())
    if errors:
        raise ValidationError(errors)
    try:
        idea.full_clean(exclude=["challenge", "author", "image", "district", "merged_into"], validate_unique=False)
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from exc


def _prepare_photo_fields(fields: dict, *, has_photo: bool):
    """The checked photo (or None) and a validation error when its description is missing."""
    photo = fields.get("photo")
    prepared = None
    if photo:
        try:
            prepared = prepare_photo(photo)
        except ValidationError as exc:
            raise ValidationError({"photo": exc.messages}) from exc
    alt = " ".join((fields.get("photo_alt") or "").split())
    if (prepared or (has_photo and "photo_alt" in fields and not fields.get("remove_photo"))) and not alt:
        raise ValidationError({"photo_alt": _("Describe the photo for people who cannot see it.")})
    return prepared


def _publish_or_hold(idea: Idea, now) -> bool:
    """Submitted: public at once, or held for a moderator (the challenge decides)."""
    idea.submitted_at = now
    if idea.challenge.moderation_mode == ModerationMode.PRE:
        idea.stage = IdeaStage.SUBMITTED
        return False
    idea.stage = IdeaStage.PUBLISHED
    idea.published_at = now
    return True


def _send(signal, sender, **kwargs) -> None:
    """Send inside the transaction, so receivers that write (the public timeline, the outbox)
    commit or roll back together with the change."""
    signal.send(sender=sender, **kwargs)


def idea_create(
    *,
    challenge: ChallengePage,
    author,
    title: str,
    summary: str,
    body: str = "",
    tags=(),
    district=None,
    location_name: str = "",
    latitude=None,
    longitude=None,
    photo=None,
    photo_alt: str = "",
    submit: bool = True,
) -> Idea:
    """A new idea for ``challenge``: saved as a draft, or submitted at once (``submit``)."""
    _require(author, "ideas.add_idea", challenge, _("This challenge does not accept ideas from you right now."))
    idea = Idea(challenge=challenge, author=author, district=district or getattr(author, "district", None))
    fields = {
        "title": title,
        "summary": summary,
        "body": body,
        "district": district or getattr(author, "district", None),
        "location_name": location_name,
        "latitude": latitude,
        "longitude": longitude,
        "photo_alt": photo_alt,
        "photo": photo,
    }
    errors, tag_names, prepared = {}, [], None
    try:
        _apply_fields(idea, fields)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        tag_names = _clean_tags(challenge, tags)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        prepared = _prepare_photo_fields(fields, has_photo=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    rate_limit_hit(
        scope="idea",
        person_id=author.pk,
        limit=_setting("GREENLIGHT_IDEAS_PER_HOUR"),
        period=3600,
        message=_("You have shared a lot of ideas in the last hour. Please wait a while before adding another."),
    )
    now = timezone.now()
    with transaction.atomic():
        if prepared:
            idea.image = store_photo(prepared, alt=idea.image_alt, title=idea.title, owner=author)
        published = False
        if submit:
            published = _publish_or_hold(idea, now)
        idea.tag_names = ",".join(tag_names)
        idea.save()
        idea.tags.set(tag_names)
        if submit:
            _send(signals.idea_submitted, Idea, idea=idea, actor=author)
        if published:
            _send(signals.idea_published, Idea, idea=idea, actor=author)
    return idea


def idea_submit(*, idea: Idea, actor) -> Idea:
    """Send a draft to the challenge: published, or held for approval."""
    _require(actor, "ideas.submit_idea", idea, _("This draft cannot be submitted now."))
    with transaction.atomic():
        idea = Idea.objects.select_for_update().select_related("challenge").get(pk=idea.pk)
        if idea.stage != IdeaStage.DRAFT:
            raise ValidationError(_("This idea has already been submitted."))
        published = _publish_or_hold(idea, timezone.now())
        idea.save(update_fields=["stage", "submitted_at", "published_at", "updated_at"])
        _send(signals.idea_submitted, Idea, idea=idea, actor=actor)
        if published:
            _send(signals.idea_published, Idea, idea=idea, actor=actor)
    return idea


# Which columns each resident-editable field writes, so an edit saves only what it changed.
_EDITED_COLUMNS = {
    "title": ("title",),
    "summary": ("summary",),
    "body": ("body",),
    "district": ("district",),
    "location_name": ("location_name",),
    "latitude": ("latitude", "longitude"),
    "longitude": ("latitude", "longitude"),
    "photo_alt": ("image_alt",),
    "photo": ("image", "image_alt"),
}


def idea_update(*, idea: Idea, actor, tags=None, remove_photo: bool = False, **fields) -> Idea:
    """Change an idea while it is still open (title, summary, body, tags, place, photo).

    The row is locked and only the edited columns are written: a support, a report or a
    moderator's decision that lands while the author has the form open is kept."""
    _require(actor, "ideas.change_idea", idea, _("This idea can no longer be changed."))
    unknown = set(fields) - set(_EDITED_COLUMNS)
    if unknown:
        raise TypeError(f"idea_update() got unexpected fields: {', '.join(sorted(unknown))}")
    # The photo is checked and re-encoded before the row is locked (it takes a while).
    try:
        prepared = _prepare_photo_fields({**fields, "remove_photo": remove_photo}, has_photo=bool(idea.image_id))
        photo_errors = {}
    except ValidationError as exc:
        prepared, photo_errors = None, exc.message_dict
    with transaction.atomic():
        idea = Idea.objects.select_for_update().select_related("challenge").get(pk=idea.pk)
        _require(actor, "ideas.change_idea", idea, _("This idea can no longer be changed."))
        errors = dict(photo_errors)
        try:
            _apply_fields(idea, fields)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        tag_names = None
        if tags is not None:
            try:
                tag_names = _clean_tags(idea.challenge, tags)
            except ValidationError as exc:
                errors.update(exc.message_dict)
        if errors:
            raise ValidationError(errors)
        columns = {column for name in fields for column in _EDITED_COLUMNS[name]}
        if prepared:
            idea.image = store_photo(prepared, alt=idea.image_alt, title=idea.title, owner=actor)
            columns.add("image")
        elif remove_photo:
            idea.image = None
            idea.image_alt = ""
            columns.update({"image", "image_alt"})
        if tag_names is not None:
            idea.tag_names = ",".join(tag_names)
            columns.add("tag_names")
        idea.save(update_fields=sorted(columns | {"updated_at"}))
        if tag_names is not None:
            idea.tags.set(tag_names)
        if idea.is_public:
            _send(signals.idea_updated, Idea, idea=idea, actor=actor)
    return idea


def idea_withdraw(*, idea: Idea, actor) -> Idea:
    """The author takes their idea back; it disappears from lists and votes."""
    _require(actor, "ideas.withdraw_idea", idea, _("This idea can no longer be withdrawn."))
    with transaction.atomic():
        idea = Idea.objects.select_for_update().select_related("challenge").get(pk=idea.pk)
        _require(actor, "ideas.withdraw_idea", idea, _("This idea can no longer be withdrawn."))
        was_public = idea.is_public
        idea.stage = IdeaStage.WITHDRAWN
        idea.save(update_fields=["stage", "updated_at"])
        _send(signals.idea_withdrawn, Idea, idea=idea, actor=actor)
        if was_public:
            _send(signals.idea_hidden, Idea, idea=idea, actor=actor, reason=_("Withdrawn by its author."))
    return idea


# Moderation -----------------------------------------------------------------------------


def _resolve_flags(*, moderator, status: str, idea: Idea | None = None, comment: Comment | None = None) -> None:
    flags = Flag.objects.filter(status=FlagStatus.OPEN)
    flags = flags.filter(idea=idea) if idea is not None else flags.filter(comment=comment)
    flags.update(status=status, resolved_at=timezone.now(), resolved_by=moderator)


def idea_approve(*, idea: Idea, moderator) -> Idea:
    """Publish an idea held for approval."""
    _require(moderator, "ideas.moderate", idea)
    with transaction.atomic():
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if idea.stage != IdeaStage.SUBMITTED:
            raise ValidationError(_("Only ideas awaiting approval can be approved."))
        idea.stage = IdeaStage.PUBLISHED
        idea.published_at = timezone.now()
        idea.save(update_fields=["stage", "published_at", "updated_at"])
        log(instance=idea, action="greenlight.idea.approve", user=moderator)
        _send(signals.idea_published, Idea, idea=idea, actor=moderator)
    return idea


def idea_reject(*, idea: Idea, moderator, message: str) -> Idea:
    """Refuse an idea held for approval, telling its author why."""
    _require(moderator, "ideas.moderate", idea)
    message = " ".join((message or "").split())
    if not message:
        raise ValidationError({"message": _("Tell the author why their idea cannot be published.")})
    with transaction.atomic():
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if idea.stage != IdeaStage.SUBMITTED:
            raise ValidationError(_("Only ideas awaiting approval can be rejected."))
        idea.stage = IdeaStage.REJECTED
        idea.moderation_message = message[:1000]
        idea.save(update_fields=["stage", "moderation_message", "updated_at"])
        log(instance=idea, action="greenlight.idea.reject", user=moderator, data={"message": message})
        _send(signals.idea_hidden, Idea, idea=idea, actor=moderator, reason=message)
    return idea


def _public_reason(reason: str, missing: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": missing})
    return reason[:300]


def _set_hidden(target: Idea | Comment, *, moderator, hidden: bool, reason: str = ""):
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


def idea_hide(*, idea: Idea, moderator, reason: str) -> Idea:
    """Take a public idea down, with a reason everyone can read; upholds its open flags."""
    _require(moderator, "ideas.moderate", idea)
    reason = _public_reason(reason, _("Give a public reason for hiding this idea."))
    with transaction.atomic():
        idea, _was_hidden = _set_hidden(idea, moderator=moderator, hidden=True, reason=reason)
        log(instance=idea, action="greenlight.idea.hide", user=moderator, data={"reason": reason})
        _send(signals.idea_hidden, Idea, idea=idea, actor=moderator, reason=reason)
    return idea


def idea_restore(*, idea: Idea, moderator) -> Idea:
    """Make an idea visible again (and dismiss its open flags)."""
    _require(moderator, "ideas.moderate", idea)
    with transaction.atomic():
        idea, was_hidden = _set_hidden(idea, moderator=moderator, hidden=False)
        log(instance=idea, action="greenlight.idea.restore", user=moderator)
        if was_hidden and idea.is_public:
            _send(signals.idea_restored, Idea, idea=idea, actor=moderator)
    return idea


def comment_hide(*, comment: Comment, moderator, reason: str) -> Comment:
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


def comment_restore(*, comment: Comment, moderator) -> Comment:
    """Show a hidden comment again (and dismiss its open flags)."""
    _require(moderator, "ideas.moderate", comment)
    with transaction.atomic():
        comment, was_hidden = _set_hidden(comment, moderator=moderator, hidden=False)
        if was_hidden and not comment.is_deleted:
            Idea.objects.filter(pk=comment.idea_id).update(comment_count=F("comment_count") + 1)
        log(instance=comment, action="greenlight.comment.restore", user=moderator)
    return comment


# Comments -------------------------------------------------------------------------------


def _clean_comment_body(body: str) -> str:
    cleaned = sanitise_html(body or "")
    if is_blank_html(cleaned):
        raise ValidationError({"body": _("Write something before posting.")})
    if len(cleaned) > 10_000:
        raise ValidationError({"body": _("This comment is too long (at most about 5,000 characters).")})
    return cleaned


def comment_post(*, idea: Idea, author, body: str, parent: Comment | None = None, official: bool = False) -> Comment:
    """Add to the discussion of an idea, or reply to a comment (replies nest two levels deep,
    deeper replies join the deepest level). City staff may mark theirs as the official response."""
    _require(author, "ideas.add_comment", idea, _("You cannot comment on this idea now."))
    if official:
        _require(author, "ideas.post_official_response", idea, _("Only city staff can give an official response."))
    cleaned = _clean_comment_body(body)
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError({"parent": _("You can only reply to a comment on the same idea.")})
        if parent.is_hidden:
            raise ValidationError({"parent": _("This comment is hidden and cannot be replied to.")})
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


def comment_edit(*, comment: Comment, actor, body: str) -> Comment:
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


def comment_delete(*, comment: Comment, actor) -> Comment:
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


def flag_add(*, reporter, reason: str, details: str = "", idea: Idea | None = None, comment: Comment | None = None):
    """Report an idea or a comment. After enough distinct reports it is hidden until a
    moderator looks at it."""
    target = idea if idea is not None else comment
    if target is None or (idea is not None and comment is not None):
        raise ValueError("Flag exactly one idea or one comment.")
    _require(reporter, "ideas.flag", target, flag_refusal(reporter, target))
    if reason not in FlagReason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    details = " ".join((details or "").split())[:500]
    threshold = _setting("GREENLIGHT_FLAGS_TO_HIDE")
    model = Idea if idea is not None else Comment
    with transaction.atomic():
        target = model.objects.select_for_update().get(pk=target.pk)
        existing = Flag.objects.filter(reporter=reporter, idea=idea, comment=comment).first()
        if existing is not None:
            raise ValidationError(_("You have already reported this. A moderator will look at it."), code="duplicate")
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


def follow_add(*, follower, challenge: ChallengePage | None = None, idea: Idea | None = None) -> Follow:
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


def follow_remove(*, follower, challenge: ChallengePage | None = None, idea: Idea | None = None) -> None:
    """Stop following (idempotent)."""
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(follower=follower, idea=idea, challenge=challenge).delete()
        if deleted and idea is not None:
            Idea.objects.filter(pk=idea.pk).update(follower_count=F("follower_count") - 1)
