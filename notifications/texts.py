"""What a notification says, in the reader's language: one headline and an optional detail,
built when shown from the event and the small facts recorded with it."""

from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ideas.transitions import stage_label

PHASE_OPENED = {
    "submission": lambda d: _("“%(challenge)s” is open for ideas") % d,
    "voting": lambda d: _("Voting has opened on “%(challenge)s”") % d,
    "review": lambda d: _("“%(challenge)s” has closed; the ideas are being reviewed") % d,
    "results": lambda d: _("The results of “%(challenge)s” are published") % d,
}
PHASE_CLOSING = {
    "submission": lambda d: _("Ideas for “%(challenge)s” close on %(when)s") % d,
    "voting": lambda d: _("Voting on “%(challenge)s” closes on %(when)s") % d,
}


def _when(value) -> str:
    moment = parse_datetime(value or "")
    return date_format(moment, "DATETIME_FORMAT") if moment else ""


def describe(event: str, data: dict) -> tuple[str, str]:
    """(headline, detail) for a notification of ``event`` with ``data``."""
    d = {key: value for key, value in data.items() if value is not None}
    d.setdefault("idea", "")
    d.setdefault("challenge", "")
    match event:
        case "idea.published":
            return _("Your idea “%(idea)s” was approved and is now public") % d, ""
        case "idea.rejected":
            return _("Your idea “%(idea)s” could not be published") % d, d.get("message", "")
        case "idea.hidden":
            return _("Your idea “%(idea)s” was hidden") % d, d.get("reason", "")
        case "idea.restored":
            return _("Your idea “%(idea)s” is public again") % d, ""
        case "idea.stage_changed":
            headline = _("“%(idea)s” moved to “%(stage)s”") % {"idea": d["idea"], "stage": stage_label(d.get("to", ""))}
            return headline, d.get("note", "")
        case "idea.merged":
            return _("“%(source)s” was merged into “%(idea)s”") % {"source": d.get("source", ""), "idea": d["idea"]}, ""
        case "idea.responded":
            return _("The city gave an official response on “%(idea)s”") % d, d.get("excerpt", "")
        case "comment.posted":
            return _("%(author)s commented on “%(idea)s”") % {"author": d.get("author", ""), "idea": d["idea"]}, d.get(
                "excerpt", ""
            )
        case "pilot.updated":
            return _("News from the pilot “%(pilot)s”: %(update)s") % d, d.get("text", "")
        case "pilot.milestone_done":
            return _("The pilot “%(pilot)s” reached a milestone: %(milestone)s") % d, ""
        case "pilot.decided":
            if d.get("status") == "scaled_up":
                return _("The pilot “%(pilot)s” will be scaled up") % d, d.get("decision", "")
            return _("The pilot “%(pilot)s” has ended") % d, d.get("decision", "")
        case "challenge.phase_opened":
            text = PHASE_OPENED.get(d.get("phase", ""))
            return (text(d) if text else d["challenge"]), ""
        case "challenge.phase_closing":
            text = PHASE_CLOSING.get(d.get("phase", ""))
            return (text({**d, "when": _when(d.get("closes_at"))}) if text else d["challenge"]), ""
        case "challenge.announcement":
            return d.get("subject", "") or d["challenge"], d.get("body", "")
    return d.get("idea") or d.get("challenge") or event, ""


def reply_headline(data: dict) -> str:
    return _("%(author)s replied to your comment on “%(idea)s”") % {
        "author": data.get("author", ""),
        "idea": data.get("idea", ""),
    }


def notification_text(notification) -> tuple[str, str]:
    """(headline, detail) of one notification; a reply reads as a reply."""
    headline, detail = describe(notification.event, notification.data)
    if notification.event == "comment.posted" and notification.kind == "replies":
        headline = reply_headline(notification.data)
    return headline, detail
