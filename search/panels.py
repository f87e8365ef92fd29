"""What search adds to the idea pages through ``ideas.extensions``: the "new thinking"
badge on idea cards, the similar-ideas hint on the idea form and the leadership-only
"novelty" sort."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ideas.extensions import IdeaSort, Panel, register_panel, register_sort

from . import novelty


def _novelty_sort(queryset, *, viewer=None, request=None):
    return queryset.order_by(F("search_entry__novelty").desc(nulls_last=True), "-published_at", "-pk")


def _may_sort_by_novelty(viewer, challenge=None) -> bool:
    return bool(viewer and viewer.has_perm("search.sort_by_novelty"))


def _card_context(request, objects) -> dict:
    """Novelty of every idea shown, in one query."""
    from .selectors import novelty_by_idea

    ids = [obj.pk for obj in objects]
    scores = novelty_by_idea(ids)
    return {pk: {"novelty": scores.get(pk), "new_thinking": novelty.is_new_thinking(scores.get(pk))} for pk in ids}


def _form_context(request, objects) -> dict:
    """When an idea is being edited, it is left out of its own similar ideas."""
    from ideas.models import Idea

    return {obj.pk: {"exclude_id": obj.pk if isinstance(obj, Idea) else None} for obj in objects}


def register() -> None:
    register_sort(
        IdeaSort(key="novelty", label=_("Most novel"), apply=_novelty_sort, available=_may_sort_by_novelty, order=90)
    )
    # Before voting's panel, so that the support button or "Sign in to vote" ends every card.
    register_panel(
        Panel(place="idea_card", template="search/panels/new_thinking_badge.html", context=_card_context, order=5)
    )
    register_panel(
        Panel(place="idea_detail_badges", template="search/panels/new_thinking_badge.html", context=_card_context)
    )
    register_panel(Panel(place="idea_form", template="search/panels/similar_ideas_hint.html", context=_form_context))
