"""What a challenge page lists for its viewer: the ideas filtered, sorted and paginated,
the filter choices and what the visitor can do now. A read (no writes), used by
``ChallengePage.get_context``."""

from django.conf import settings
from django.core.cache import cache

from accounts.models import District

from . import selectors
from .extensions import default_sort, sorts_for
from .models import PUBLIC_STAGES, ChallengePage, IdeaStage, listed_ideas_q
from .seed import visitor_seed

IDEAS_PER_PAGE = 12
# Stages a visitor may filter a challenge's ideas by (merged ideas live on in their target).
LIST_STAGES = [stage for stage in PUBLIC_STAGES if stage != IdeaStage.MERGED]


def _districts() -> list[District]:
    return cache.get_or_set("ideas:districts", lambda: list(District.objects.all()), 300)


def _challenge_tags(challenge: ChallengePage) -> list[tuple[str, str]]:
    """(slug, name) of the tags used by the challenge's listed ideas, cached briefly."""

    def load():
        from taggit.models import Tag

        return list(
            Tag.objects.filter(
                listed_ideas_q("ideas_taggedidea_items__content_object__"),
                ideas_taggedidea_items__content_object__challenge=challenge,
            )
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )

    return cache.get_or_set(f"ideas:challenge-tags:{challenge.pk}", load, 120)


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
    districts = _districts()
    tags = _challenge_tags(page)
    filters = {
        "tag": request.GET.get("tag") if request.GET.get("tag") in {slug for slug, _name in tags} else "",
        "district": request.GET.get("district")
        if request.GET.get("district") in {district.slug for district in districts}
        else "",
        "stage": request.GET.get("stage") if request.GET.get("stage") in LIST_STAGES else "",
    }
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
        "filter_tags": tags,
        "filter_districts": districts,
        "filter_stages": [(stage.value, stage.label) for stage in LIST_STAGES],
        "followed_ideas": listing["followed_ideas"],
        "follows_challenge": listing["follows_challenge"],
        "timeline": page.timeline(),
        "phase": page.phase,
        "query_without_page": query.urlencode(),
        "idea_map": selectors.ideas_on_map(challenge=page) if settings.GREENLIGHT_MAP["TILE_URL"] else [],
        "map": settings.GREENLIGHT_MAP,
    }
