"""Writes about ideas: share, submit, edit (only the fields edited), withdraw."""

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import District, User
from innovation.errors import Invalid

from .. import signals
from ..models import ChallengePage, Idea, IdeaStage, ModerationMode
from ..photos import PHOTO_CONSENT_REQUIRED, prepare_photo, store_photo
from ..ratelimit import rate_limit_hit
from ..text import is_blank_html, sanitise_html
from .common import _require, _send, _setting

MAX_TAGS = 8


def _clean_tags(challenge: ChallengePage, tags: Iterable[str]) -> list[str]:
    names = []
    for tag in tags or []:
        name = " ".join(str(tag).split()).lower()[:50]
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise Invalid({"tags": _("Use at most %(n)s tags.") % {"n": MAX_TAGS}})
    if not challenge.free_tags:
        allowed = {tag.lower() for tag in challenge.suggested_tag_list}
        unknown = [name for name in names if name not in allowed]
        if unknown:
            raise Invalid(
                {"tags": _("Choose tags from this challenge's list (not: %(tags)s).") % {"tags": ", ".join(unknown)}}
            )
    return names


def _clean_location(
    latitude: float | Decimal | str, longitude: float | Decimal | str
) -> tuple[Decimal | None, Decimal | None]:
    if (latitude is None) != (longitude is None):
        raise Invalid({"latitude": _("Give both latitude and longitude, or neither.")})
    if latitude is None:
        return None, None
    try:
        lat, lon = (
            Decimal(str(latitude)).quantize(Decimal("0.000001")),
            Decimal(str(longitude)).quantize(Decimal("0.000001")),
        )
    except ArithmeticError as exc:
        raise Invalid({"latitude": _("Latitude and longitude must be numbers.")}) from exc
    errors = {}
    if not -90 <= lat <= 90:
        errors["latitude"] = _("Latitude must be between -90 and 90.")
    if not -180 <= lon <= 180:
        errors["longitude"] = _("Longitude must be between -180 and 180.")
    if errors:
        raise Invalid(errors)
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
        raise Invalid(errors)
    try:
        idea.full_clean(exclude=["challenge", "author", "image", "district", "merged_into"], validate_unique=False)
    except ValidationError as exc:
        raise Invalid(exc.message_dict) from exc


def _prepare_photo_fields(fields: dict, *, has_photo: bool):
    """The checked photo (or None); a validation error when the uploader has not confirmed they
    may share it (and that it shows no identifiable third person) or has not described it."""
    photo = fields.get("photo")
    prepared = None
    if photo and not fields.get("photo_consent"):
        raise Invalid({"photo_consent": PHOTO_CONSENT_REQUIRED})
    if photo:
        try:
            prepared = prepare_photo(photo)
        except ValidationError as exc:
            raise Invalid({"photo": exc.messages}) from exc
    alt = " ".join((fields.get("photo_alt") or "").split())
    if (prepared or (has_photo and "photo_alt" in fields and not fields.get("remove_photo"))) and not alt:
        raise Invalid({"photo_alt": _("Describe the photo for people who cannot see it.")})
    return prepared


def _publish_or_hold(idea: Idea, now: datetime) -> bool:
    """Submitted: public at once, or held for a moderator (the challenge decides)."""
    idea.submitted_at = now
    if idea.challenge.moderation_mode == ModerationMode.PRE:
        idea.stage = IdeaStage.SUBMITTED
        return False
    idea.stage = IdeaStage.PUBLISHED
    idea.published_at = now
    return True


def idea_create(
    *,
    challenge: ChallengePage,
    author: User,
    title: str,
    summary: str,
    body: str = "",
    tags: Iterable[str] = (),
    district: District | None = None,
    location_name: str = "",
    latitude: float | Decimal | str | None = None,
    longitude: float | Decimal | str | None = None,
    photo: UploadedFile | None = None,
    photo_alt: str = "",
    photo_consent: bool = False,
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
        prepared = _prepare_photo_fields({**fields, "photo_consent": photo_consent}, has_photo=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise Invalid(errors)
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


def idea_submit(*, idea: Idea, actor: User) -> Idea:
    """Send a draft to the challenge: published, or held for approval."""
    _require(actor, "ideas.submit_idea", idea, _("This draft cannot be submitted now."))
    with transaction.atomic():
        idea = Idea.objects.select_for_update().select_related("challenge").get(pk=idea.pk)
        if idea.stage != IdeaStage.DRAFT:
            raise Invalid(_("This idea has already been submitted."))
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


def idea_update(
    *,
    idea: Idea,
    actor: User,
    tags: Iterable[str] | None = None,
    remove_photo: bool = False,
    photo_consent: bool = False,
    **fields,
) -> Idea:
    """Change an idea while it is still open (title, summary, body, tags, place, photo).

    The row is locked and only the edited columns are written: a support, a report or a
    moderator's decision that lands while the author has the form open is kept."""
    _require(actor, "ideas.change_idea", idea, _("This idea can no longer be changed."))
    unknown = set(fields) - set(_EDITED_COLUMNS)
    if unknown:
        raise TypeError(f"idea_update() got unexpected fields: {', '.join(sorted(unknown))}")
    # The photo is checked and re-encoded before the row is locked (it takes a while).
    try:
        prepared = _prepare_photo_fields(
            {**fields, "remove_photo": remove_photo, "photo_consent": photo_consent}, has_photo=bool(idea.image_id)
        )
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
            raise Invalid(errors)
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


def idea_withdraw(*, idea: Idea, actor: User) -> Idea:
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
