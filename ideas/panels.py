"""Rendering the panels other apps register for places on idea pages (see
``ideas.extensions``), with each panel's context computed once per page."""

from .extensions import panel_context, panels_for

_CACHE_ATTRIBUTE = "_idea_panel_context"


def prepare_panels(request, place: str, objects) -> None:
    """Compute the context of every panel of ``place`` for all ``objects`` shown on the page,
    once; later renders of single objects read it from the request."""
    if request is None or not panels_for(place):
        return
    cache = getattr(request, _CACHE_ATTRIBUTE, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE_ATTRIBUTE, cache)
    objects = list(objects)
    prepared = cache.setdefault(place, {"pks": set(), "panels": []})
    missing = [obj for obj in objects if obj.pk not in prepared["pks"]]
    if not missing:
        return
    computed = panel_context(place, request, missing)
    if not prepared["panels"]:
        prepared["panels"] = [(panel, dict(context or {})) for panel, context in computed]
    else:
        for (_panel, known), (_same, context) in zip(prepared["panels"], computed, strict=True):
            known.update(context or {})
    prepared["pks"].update(obj.pk for obj in missing)


def contexts_for(request, place: str, obj) -> list[tuple[object, dict]]:
    """Each panel of ``place`` with the context it gets for ``obj`` (shared values first)."""
    if not panels_for(place):
        return []
    cache = getattr(request, _CACHE_ATTRIBUTE, {}) if request is not None else {}
    if request is None or obj.pk not in cache.get(place, {}).get("pks", set()):
        if request is None:
            computed = panel_context(place, request, [obj])
        else:
            prepare_panels(request, place, [obj])
            computed = getattr(request, _CACHE_ATTRIBUTE)[place]["panels"]
    else:
        computed = cache[place]["panels"]
    result = []
    for panel, context in computed:
        context = context or {}
        values = dict(context.get(None) or {})
        values.update(context.get(obj.pk) or {})
        result.append((panel, values))
    return result
