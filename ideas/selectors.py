"""Reads about challenges and ideas, with the visibility rules applied."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model

from accounts import roles

from . import pagination
from .converters import whole_number
from .extensions import sorts_for
from .models import ChallengePage, Comment, Follow, Idea, IdeaStage, Phase
from .pagination import capped_count, list_total
from .photos import DETAIL_RENDITION, LIST_RENDITION

DEFAULT_SORT = "newest"


class UnknownSort(ValueError):
    pass


def _author_is_staff() -> Exists:
    """Whether the author is a member of city staff, in the same query."""
    memberships = get_user_model().groups.through.objects.filter(
        user_id=OuterRef("author_id"), group__name=roles.CITY_STAFF
    )
    return Exists(memberships)


def _renditions(spec: str) -> Prefetch:
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch("image__renditions", queryset=rendition_model.objects.filter(filter_spec=spec))


def idea_list_queryset():
    """Ideas with what a card shows (author, district, photo rendition, tags) in a constant
    number of queries."""
    return Idea.objects.select_related("author", "district", "image", "challenge").prefetch_related(
        _renditions(LIST_RENDITION)
    )


def ideas_for_challenge(
    *, challenge: ChallengePage, viewer, sort: str = DEFAULT_SORT, filters=None, seed: int = 0, request=None
):
    """The ideas of ``challenge`` the viewer may see in its list, filtered and sorted.

    Public ideas, plus the viewer's own ideas waiting for approval. ``sort`` is the key of a
    registered sort available to the viewer (``UnknownSort`` otherwise); ``filters`` may
    hold ``tag`` (a tag slug), ``district`` (a district slug) and ``stage``; ``seed`` keeps
    the random order stable for one visitor."""
    filters = filters or {}
    queryset = idea_list_queryset().filter(challenge=challenge).listed_for(viewer)
    if filters.get("tag"):
        queryset = queryset.filter(tags__slug=filters["tag"])
    if filters.get("district"):
        queryset = queryset.filter(district__slug=filters["district"])
    if filters.get("stage"):
        queryset = queryset.filter(stage=filters["stage"])
    available = {option.key: option for option in sorts_for(viewer, challenge)}
    option = available.get(sort or DEFAULT_SORT)
    if option is None:
        raise UnknownSort(sort)
    kwargs = {"viewer": viewer, "request": request}
    if option.uses_seed:
        kwargs["seed"] = seed
    return option.apply(queryset, **kwargs)


def ideas_on_map(*, challenge: ChallengePage, limit: int = 500) -> list[dict]:
    """The listed ideas of ``challenge`` that have a place, for its map: id, title, link and
    coordinates, newest first (one query)."""
    rows = (
        Idea.objects.listed_for(None)
        .filter(challenge=challenge, latitude__isnull=False, longitude__isnull=False)
        .order_by("-published_at", "-pk")
        .values("pk", "title", "latitude", "longitude")[:limit]
    )
    return [
        {
            "title": row["title"],
            "url": reverse("ideas:idea_detail", args=[row["pk"]]),
            "lat": float(row["latitude"]),
            "lng": float(row["longitude"]),
        }
        for row in rows
    ]


# Far beyond any real list, and small enough that the offset stays a valid bigint.
MAX_PAGE = 1_000_000


def idea_page(*, ideas, number, per_page: int, viewer, challenge: ChallengePage | None = None) -> dict:
    """One page of ``ideas`` with its total and the viewer's follows, in one query: the total
    comes from a capped scalar subquery (see :mod:`ideas.pagination`: exact up to a thousand,
    a cached exact count beyond, so the page costs the same for any number of ideas) and the
    follow state from subqueries on the same rows.

    Returns ``{"page": Page, "follows_challenge": bool, "followed_ideas": set}``."""
    signed_in = getattr(viewer, "is_authenticated", False)
    annotated = ideas.annotate(capped_total=capped_count(ideas))
    if signed_in:
        annotated = annotated.annotate(
            is_followed=Exists(Follow.objects.filter(follower=viewer, idea=OuterRef("pk"))),
            follows_challenge=Exists(Follow.objects.filter(follower=viewer, challenge=challenge))
            if challenge is not None
            else Value(False),
        )
    paginator = Paginator(annotated, per_page)
    # Past the last page (or not a page number at all): the first page.
    number = max(whole_number(number, maximum=MAX_PAGE) or 1, 1)
    rows = list(annotated[(number - 1) * per_page : number * per_page])
    if not rows and number > 1:
        number = 1
        rows = list(annotated[:per_page])
    paginator.count = list_total(ideas, capped=rows[0].capped_total) if rows else 0
    page = paginator.page(number) if rows else paginator.page(1)
    page.object_list = rows
    follows_challenge = bool(rows[0].follows_challenge) if rows and signed_in else False
    if signed_in and not rows and challenge is not None:
        follows_challenge = Follow.objects.filter(follower=viewer, challenge=challenge).exists()
    return {
        "page": page,
        "follows_challenge": follows_challenge,
        "followed_ideas": {idea.pk for idea in rows if getattr(idea, "is_followed", False)},
    }


def idea_for_viewer(*, pk: int, viewer) -> Idea | None:
    """One idea with what its page shows, if the viewer may see it (public, their own, or a
    moderator's view). A merged idea is returned too: its page redirects to the target."""
    queryset = (
        Idea.objects.select_related("author", "district", "image", "challenge", "merged_into")
        .prefetch_related(_renditions(DETAIL_RENDITION))
        .annotate(author_is_staff=_author_is_staff())
    )
    idea = queryset.filter(pk=pk).first()
    if idea is None or not viewer.has_perm("ideas.view_idea", idea):
        return None
    return idea


def ideas_merged_into(*, idea: Idea, viewer) -> list[Idea]:
    """The duplicates merged into ``idea``, whose earlier discussions stay readable."""
    return list(
        Idea.objects.visible_to(viewer)
        .filter(merged_into=idea, stage=IdeaStage.MERGED)
        .only("pk", "title", "comment_count")
        .order_by("pk")
    )


def comments_for_idea(*, idea: Idea) -> list[Comment]:
    """The idea's discussion as a list of top-level comments with ``thread_replies`` attached
    (replies nest two levels). Removed and hidden comments keep their place, not their text."""
    comments = list(
        Comment.objects.filter(idea=idea)
        .select_related("author")
        .annotate(author_is_staff=_author_is_staff())
        .order_by("created_at", "id")
    )
    by_id = {comment.pk: comment for comment in comments}
    roots = []
    for comment in comments:
        comment.idea = idea
        comment.thread_replies = []
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        (parent.thread_replies if parent else roots).append(comment)
    return roots


def ideas_of_author(*, author):
    """The person's own ideas in every stage, drafts first."""
    return (
        idea_list_queryset()
        .filter(author=author)
        .annotate(is_draft=Case(When(stage=IdeaStage.DRAFT, then=Value(0)), default=Value(1)))
        .order_by("is_draft", "-created_at")
    )


def follows_of(*, person):
    """What the person follows: challenges and ideas, newest first."""
    return (
        Follow.objects.filter(follower=person)
        .select_related("challenge", "idea", "idea__challenge")
        .order_by("-created_at")
    )


def follow_state(*, person, challenge: ChallengePage | None = None, ideas=()) -> dict:
    """Which of these the person follows: {"challenge": bool, "ideas": {idea_id, ...}}."""
    if not getattr(person, "is_authenticated", False):
        return {"challenge": False, "ideas": set()}
    condition = Q(idea__in=[idea.pk for idea in ideas])
    if challenge is not None:
        condition |= Q(challenge=challenge)
    rows = Follow.objects.filter(follower=person).filter(condition)
    state = {"challenge": False, "ideas": set()}
    for challenge_id, idea_id in rows.values_list("challenge_id", "idea_id"):
        if challenge_id:
            state["challenge"] = True
        if idea_id:
            state["ideas"].add(idea_id)
    return state


def attach_challenge_totals(challenges: list[ChallengePage]) -> list[ChallengePage]:
    """Set ``idea_total`` (listed ideas: public, merged ones counted where they went) and
    ``participant_total`` (their distinct authors) on each challenge, in at most one query for all of them.

    Challenges with more public ideas than ``pagination.EXACT_UP_TO`` keep their figures in
    the cache for ``pagination.LARGE_TOTAL_SECONDS`` (counting 100,000 ideas on every visit to
    the home page would dominate it); smaller ones are counted exactly on every request."""
    keys = {challenge.pk: f"ideas:challenge-totals:{challenge.pk}" for challenge in challenges}
    cached = cache.get_many(list(keys.values())) if keys else {}
    missing = [pk for pk, key in keys.items() if key not in cached]
    counted = {}
    if missing:
        rows = (
            Idea.objects.listed_for(None)
            .filter(challenge_id__in=missing)
            .values("challenge_id")
            .annotate(ideas=Count("id"), people=Count("author_id", distinct=True))
            .order_by()
        )
        counted = {row["challenge_id"]: (row["ideas"], row["people"]) for row in rows}
        large = {keys[pk]: totals for pk, totals in counted.items() if totals[0] > pagination.EXACT_UP_TO}
        if large:
            cache.set_many(large, pagination.LARGE_TOTAL_SECONDS)
    for challenge in challenges:
        challenge.idea_total, challenge.participant_total = cached.get(keys[challenge.pk]) or counted.get(
            challenge.pk, (0, 0)
        )
    return challenges


def challenges_by_phase(*, index=None, now=None) -> list[tuple[str, str, list[ChallengePage]]]:
    """Live challenges grouped by phase (open for ideas, voting, in review, closed, opens soon),
    newest first, each with ``idea_total`` and ``participant_total``."""
    now = now or timezone.now()
    # Translations (other locales) are shown through the page they translate, never listed.
    challenges = (
        ChallengePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).select_related("hero_image")
    )
    if index is not None:
        challenges = challenges.child_of(index)
    challenges = attach_challenge_totals(list(challenges.order_by("-ideas_open")))
    groups = {phase: [] for phase in Phase.values}
    for challenge in challenges:
        groups[challenge.phase_at(now)].append(challenge)
    order = [Phase.SUBMISSION, Phase.VOTING, Phase.REVIEW, Phase.UPCOMING, Phase.CLOSED]
    return [(phase, Phase(phase).label, groups[phase]) for phase in order if groups[phase]]


def featured_challenges(*, limit: int = 3, now=None) -> list[ChallengePage]:
    """For the home page: challenges people can act on now (ideas or votes), then the next to open."""
    groups = {phase: items for phase, _label, items in challenges_by_phase(now=now)}
    picked = groups.get(Phase.SUBMISSION, []) + groups.get(Phase.VOTING, []) + groups.get(Phase.UPCOMING, [])
    return picked[:limit]


def featured_challenges_for_home(*, home) -> dict:
    """The home page's challenges (registered with ``home.selectors.register_featured``)."""
    return {"featured_challenges": featured_challenges()}
