"""Extension points through which higher apps add to idea pages without ``ideas`` importing
them (see ARCHITECTURE.md: the arrows point down).

- :func:`register_sort` adds a sort order to every idea list (e.g. voting's "trending",
  search's "novelty"). ``apply(queryset, *, viewer, request)`` returns the ordered queryset
  (``request`` is None outside a web request); a sort with ``uses_seed=True`` also receives
  ``seed``, an integer stable for one visitor (the random order).
- :func:`register_panel` adds a template fragment to a named place on idea pages
  (``idea_card``, ``idea_detail_badges`` (beside the stage), ``idea_detail_actions``,
  ``idea_detail_aside``, ``idea_detail_main``,
  ``challenge_header``, ``idea_form``). ``context(request, objects)`` is called once per page
  with every object shown in that place, so a list page stays at a constant number of
  queries; it returns ``{object.pk: {...}}`` or a dict of shared context under ``None``.
  The object of ``idea_card`` and ``idea_detail_*`` is the idea, of ``challenge_header`` the
  challenge, of ``idea_form`` the idea being edited (or the challenge for a new idea). The
  panel template receives ``object``, the shared and per-object context, and the page's own
  context (``request``, ``user``). Templates show a place with
  ``{% load idea_panels %}{% idea_panels "idea_card" idea %}``.
- :func:`register_voting_method` adds a way of voting a challenge may choose (voting
  registers "support" and "pairwise"). ``ideas`` stores only the chosen key on
  ``ChallengePage.voting_method`` and knows one key itself, :data:`NO_VOTING`; what a method
  means (rules, tallies, pages) lives in the app that registered it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The one voting key ideas knows: the challenge has no voting phase.
NO_VOTING = "none"


@dataclass(frozen=True)
class IdeaSort:
    key: str
    label: str | Promise
    apply: Callable
    # Who may use it: a callable(viewer, challenge) -> bool; None means everyone.
    available: Callable | None = None
    order: int = 100
    uses_seed: bool = False
    # Where it is the list's default order: a callable(viewer, challenge) -> bool.
    default_for: Callable | None = None


@dataclass(frozen=True)
class Panel:
    place: str
    template: str
    context: Callable | None = None
    order: int = 100


@dataclass(frozen=True)
class VotingMethodOption:
    key: str
    label: str | Promise
    order: int = 100


@dataclass
class _Registry:
    sorts: dict[str, IdeaSort] = field(default_factory=dict)
    panels: dict[str, list[Panel]] = field(default_factory=dict)
    voting_methods: dict[str, VotingMethodOption] = field(default_factory=dict)


registry = _Registry()


def register_sort(sort: IdeaSort) -> IdeaSort:
    registry.sorts[sort.key] = sort
    return sort


def register_voting_method(option: VotingMethodOption) -> VotingMethodOption:
    registry.voting_methods[option.key] = option
    return option


def voting_method_choices() -> list[tuple[str, str | Promise]]:
    """The choices of ``ChallengePage.voting_method``: every registered method, then "No voting"."""
    options = sorted(registry.voting_methods.values(), key=lambda option: option.order)
    return [(option.key, option.label) for option in options] + [(NO_VOTING, _("No voting"))]


def default_voting_method() -> str:
    """A new challenge's voting method: the first registered, or no voting when none is."""
    return voting_method_choices()[0][0]


def register_panel(panel: Panel) -> Panel:
    panels = registry.panels.setdefault(panel.place, [])
    if all(existing.template != panel.template for existing in panels):
        panels.append(panel)
        panels.sort(key=lambda p: p.order)
    return panel


def sorts_for(viewer, challenge=None) -> list[IdeaSort]:
    return sorted(
        (sort for sort in registry.sorts.values() if sort.available is None or sort.available(viewer, challenge)),
        key=lambda sort: sort.order,
    )


def default_sort(sorts: list[IdeaSort], viewer, challenge, fallback: str) -> str:
    """The key of the first of ``sorts`` that wants to be the default here, else ``fallback``."""
    for sort in sorts:
        if sort.default_for is not None and sort.default_for(viewer, challenge):
            return sort.key
    return fallback


def panels_for(place: str) -> list[Panel]:
    return registry.panels.get(place, [])


def panel_context(place: str, request, objects) -> list[tuple[Panel, dict]]:
    """Each panel of ``place`` with the context its provider computed for ``objects``."""
    return [(panel, panel.context(request, objects) if panel.context else {}) for panel in panels_for(place)]
