"""What a challenge page lists for its viewer: the ideas filtered, sorted and paginated,
the filter choices and what the visitor can do now. A read (no writes), used by
``ChallengePage.get_context``."""

from django.conf import settings

from . import selectors
from .extensions import default_sort, sorts_for
from .filters import LIST_STAGES, IdeaFilterSet, districts, listed_tags
from .models import ChallengePage
from .seed import visitor_seed

IDEAS_PER_PAGE = 12


def challenge_page_context(page: ChallengePage, request) -> dict:
    """The challenge page: its ideas filtered, sorted and paginated, the filter choices and
    what the visitor can do now."""
    viewer = request.user
    sorts = sorts_for(viewer, page)
    sort_keys = [option.key for option in sorts]
    default = default_sort(sorts, viewer, page, selectors.DEFAULT_SORT)
    sort = request.GET.get("sort") or default
    if sort not in sort_keys:
        sort = default if default in sort_keys else sort_keys[0]
    filters = IdeaFilterSet(request.GET, challenge=page).valid_values()
    ideas = selectors.ideas_for_challenge(
        challenge=page, viewer=viewer, sort=sort, filters=filters, seed=visitor_seed(request), request=request
    )
    listing = selectors.idea_page(
        ideas=ideas, number=request.GET.get("page"), per_page=IDEAS_PER_PAGE, viewer=viewer, challenge=page
    )
    page_obj = listing["page"]
    shown = page_obj.object_list
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "ideas": shown,
        "page_obj": page_obj,
        "sorts": sorts,
        "sort": sort,
        "filters": filters,
        "filter_tags": listed_tags(page),
        "filter_districts": districts(),
        "filter_stages": [(stage.value, stage.label) for stage in LIST_STAGES],
        "followed_ideas": listing["followed_ideas"],
        "follows_challenge": listing["follows_challenge"],
        "timeline": page.timeline(),
        "phase": page.phase,
        "query_without_page": query.urlencode(),
        "idea_map": selectors.ideas_on_map(challenge=page) if settings.GREENLIGHT_MAP["TILE_URL"] else [],
        "map": settings.GREENLIGHT_MAP,
    }
