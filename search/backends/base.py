"""The contract every search backend keeps.

A backend answers four questions about public ideas — what matches a query (with facets
and highlighted snippets), what completes a prefix, which ideas look like a text, and how
novel each idea is — and keeps its own copy of the ideas up to date when told to. Views,
the API and tasks only ever talk to :func:`search.backends.get_backend`; they never ask
which backend it is.

A backend that cannot do one of these raises ``NotImplementedError`` naming the feature,
so a misconfigured site fails loudly instead of quietly showing less.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString

SORTS = ("relevance", "newest", "supported", "novelty")
FACETS = ("challenge", "stage", "tag", "district", "year")
SIMILAR_FIELDS = ("idea_id", "title", "summary", "challenge_id", "challenge_title", "visible_supports")
PAGE_SIZE = 20
MAX_PAGE = 500


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing chosen by the visitor: one value per facet, ``None`` for any."""

    challenge: int | None = None
    stage: str | None = None
    tag: str | None = None
    district: str | None = None
    year: int | None = None

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name) not in (None, "")}


@dataclass
class SearchHit:
    idea_id: int
    title: str
    summary: str
    snippet: SafeString
    challenge_id: int
    challenge_title: str
    stage: str
    district: str
    tags: list[str]
    published_at: datetime
    # None while the challenge hides running totals from the public (until voting closes).
    support_count: int | None
    novelty: float | None
    score: float = 0.0
    # The title with the matched words in <mark>, already escaped.
    title_html: SafeString | None = None

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("ideas:idea_detail", kwargs={"pk": self.idea_id})


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int
    page: int
    page_size: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < min(self.page_count, MAX_PAGE)

    @property
    def has_previous(self) -> bool:
        return self.page > 1


@dataclass
class Suggestion:
    text: str
    idea_id: int

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("ideas:idea_detail", kwargs={"pk": self.idea_id})


@dataclass
class SimilarIdea:
    idea_id: int
    title: str
    summary: str
    challenge_title: str
    support_count: int | None
    # 0–1: see search.backends.meaning (meaning first, exact words still counting).
    score: float
    challenge_id: int | None = None

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("ideas:idea_detail", kwargs={"pk": self.idea_id})


class SearchUnavailable(Exception):
    """The backend's service cannot be reached; indexing should be retried later."""


class SearchBackend:
    """Base class of the search backends named by ``GREENLIGHT_SEARCH["BACKEND"]``.

    Every method receives text exactly as a visitor typed it: quotes, operators, unbalanced
    brackets, emoji, SQL-looking text or 2,000 characters must give results or nothing,
    never an error (use :func:`search.text.clean_query`). Only public ideas are ever
    returned, even if the backend's copy is a moment behind the database.
    """

    #: Human-readable name for logs and the rebuild command.
    name = "base"
    #: True when the backend keeps a copy of the ideas outside search's own index table
    #: (which is always kept): the indexing task then also pushes to it.
    keeps_own_copy = False
    #: The exception classes meaning "the backend's service cannot be reached right now"
    #: (a tuple, empty when the backend runs in the site's own database). Callers such as
    #: the rebuild command catch these, with :class:`SearchUnavailable`, to report an
    #: outage instead of failing with a traceback.
    unavailable_errors: tuple[type[Exception], ...] = ()

    def __init__(self, params: dict | None = None):
        self.params = params or {}

    # Keeping the index right ---------------------------------------------------------
    def index_ideas(self, idea_ids: Iterable[int]) -> int:
        """Add or refresh these ideas (from search's own index table); ideas that are no
        longer public are removed instead. Safe to run twice. Returns how many are indexed."""
        raise NotImplementedError(f"{self.name} does not support indexing")

    def remove_ideas(self, idea_ids: Iterable[int]) -> None:
        """Forget these ideas. Removing an idea that is not there is not an error."""
        raise NotImplementedError(f"{self.name} does not support removing")

    def rebuild(self, *, progress: Callable[[int, int], None] | None = None) -> int:
        """Index every public idea from scratch without a moment where search is empty;
        ``progress(done, total)`` is called as it goes. Returns how many ideas are indexed."""
        raise NotImplementedError(f"{self.name} does not support rebuilding")

    # Reading ------------------------------------------------------------------------
    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        page: int = 1,
        page_size: int = PAGE_SIZE,
    ) -> SearchResults:
        """Public ideas matching ``query`` (all of them when it is empty), narrowed by
        ``filters``, sorted by one of :data:`SORTS`, one page of :class:`SearchHit` with
        highlighted snippets and the counts of every facet in :data:`FACETS` over the
        whole result set."""
        raise NotImplementedError(f"{self.name} does not support search")

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        """Idea titles that complete what has been typed so far, best first."""
        raise NotImplementedError(f"{self.name} does not support suggestions")

    def similar(
        self,
        text: str = "",
        *,
        idea_id: int | None = None,
        k: int = 5,
        exclude_ids: Iterable[int] = (),
        challenge_id: int | None = None,
    ) -> list[SimilarIdea]:
        """The ``k`` public ideas that look most like ``text`` (or like the idea
        ``idea_id``), most similar first, each with a score between 0 and 1."""
        raise NotImplementedError(f"{self.name} does not support similar ideas")

    def check(self) -> None:
        """Raise if the backend cannot answer right now (used by the rebuild command)."""


def clamp_page(page) -> int:
    try:
        page = int(page)
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), MAX_PAGE)


def clamp_sort(sort: str | None) -> str:
    return sort if sort in SORTS else "relevance"
