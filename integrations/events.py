"""The events a webhook endpoint may subscribe to, and the public body sent for each.

A body is ``{"id", "type", "timestamp", "data"}``: ``data`` holds the event's public
details and the resource as the open-data feeds show it (:mod:`integrations.public`).
An event about something that is not public (a hidden idea) sends nothing."""

import json

from django.utils.translation import gettext_lazy as _

from . import public

EVENTS = {
    "idea.published": _("An idea was published"),
    "idea.stage_changed": _("An idea moved to another stage"),
    "idea.merged": _("An idea was merged into another"),
    "pilot.started": _("A pilot was started"),
    "pilot.updated": _("A pilot posted an update"),
    "pilot.decided": _("A pilot was scaled up or stopped"),
    "challenge.phase_opened": _("A challenge phase opened"),
}

# Event details that are public, per event (the rest of the outbox payload stays home).
PUBLIC_DETAILS = {
    "idea.stage_changed": ("from", "to", "note"),
    "idea.merged": ("source", "target"),
    "pilot.decided": ("decision",),
    "challenge.phase_opened": ("phase",),
}


def event_choices() -> list[tuple[str, str]]:
    return list(EVENTS.items())


def _pilot_data(payload: dict) -> dict | None:
    pilot = public.public_pilots().filter(pk=payload["pilot"]).first()
    if pilot is not None:
        data = {"pilot": public.pilot_record(pilot)}
        if payload.get("update") is not None:
            update = pilot.updates.filter(pk=payload["update"]).first()
            if update is not None:
                data["update"] = {"date": update.date.isoformat(), "title": update.title, "text": update.text}
        return data
    # A pilot starts as a draft: say which public ideas it will test, and nothing of the draft.
    ideas = [public.idea_record(idea) for idea in public.public_ideas().filter(pk__in=payload.get("ideas") or [])]
    if not ideas:
        return None
    return {"pilot": {"id": payload["pilot"], "published": False}, "ideas": ideas}


def _resource(event: str, payload: dict) -> dict | None:
    kind = event.split(".", 1)[0]
    if kind == "pilot" and payload.get("pilot") is not None:
        return _pilot_data(payload)
    if kind in ("idea", "comment") and payload.get("idea") is not None:
        idea = public.public_ideas().filter(pk=payload["idea"]).first()
        return {"idea": public.idea_record(idea)} if idea else None
    if kind == "challenge" and payload.get("challenge") is not None:
        challenge = public.public_challenges().filter(pk=payload["challenge"]).first()
        return {"challenge": public.challenge_record(challenge)} if challenge else None
    return None


def _jsonable(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)


def body_for(*, event_id: str, event: str, timestamp, payload: dict) -> str | None:
    """The JSON text sent for an event, or None when what it is about is not public."""
    resource = _resource(event, payload)
    if resource is None:
        return None
    data = {key: _jsonable(payload[key]) for key in PUBLIC_DETAILS.get(event, ()) if key in payload}
    data.update(resource)
    body = {"id": event_id, "type": event, "timestamp": timestamp.isoformat(), "data": data}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
