"""The built-in orders of idea lists, registered through ``ideas.extensions`` like any other."""

from django.db.models import F, Value
from django.utils.translation import gettext_lazy as _

from .extensions import IdeaSort, register_sort
from .models import totals_hidden_for

# A prime just under 2**31: (id * multiplier + offset) mod PRIME is a permutation of the ids.
PRIME = 2_147_483_647


def newest(queryset, *, viewer, request):
    """Newest first (the viewer's own ideas awaiting approval, not yet published, lead)."""
    return queryset.order_by("-published_at", "-id")


def most_supported(queryset, *, viewer, request):
    return queryset.order_by("-support_count", "-published_at", "-id")


def most_discussed(queryset, *, viewer, request):
    return queryset.order_by("-comment_count", "-published_at", "-id")


def shuffled(queryset, *, viewer, request, seed: int = 0):
    """A random order that stays the same for one visitor (so paging works and early ideas
    do not always come first), computed in the database on any backend."""
    multiplier = 1 + (seed * 7_919) % (PRIME - 2)
    offset = (seed * 104_729) % PRIME
    key = (F("id") * Value(multiplier) + Value(offset)) % Value(PRIME)
    return queryset.annotate(shuffle_key=key).order_by("shuffle_key", "id")


def totals_are_shown(viewer, challenge) -> bool:
    """Sorting by supports would reveal running totals that the challenge hides from this viewer."""
    return not totals_hidden_for(viewer, challenge)


def register_builtin_sorts() -> None:
    register_sort(IdeaSort(key="newest", label=_("Newest"), apply=newest, order=10))
    register_sort(
        IdeaSort(key="supported", label=_("Most supported"), apply=most_supported, order=20, available=totals_are_shown)
    )
    register_sort(IdeaSort(key="discussed", label=_("Most discussed"), apply=most_discussed, order=30))
    register_sort(IdeaSort(key="random", label=_("Random"), apply=shuffled, order=40, uses_seed=True))
