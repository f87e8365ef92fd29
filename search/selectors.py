"""Reads for the search page and the API. Ideas come from the configured search backend,
pages (challenges, pilots, standard pages) from Wagtail's own search backend."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from home.translation import show_all_translated
from ideas.models import Idea
from voting.methods import VotingMethod

from .backends import get_backend
from .backends.base import PAGE_SIZE, SearchFilters, SearchResults, SimilarIdea, Suggestion
from .text import clean_query, highlight, terms

PAGE_RESULTS = 5


@dataclass
class PageHit:
    title: str
    url: str
    kind: str
    snippet: SafeString


def ideas_search(
    *, query: str, filters: SearchFilters, sort: str = "relevance", page: int = 1, page_size: int = PAGE_SIZE
) -> SearchResults:
    """One page of public ideas with facets and highlighted snippets."""
    return get_backend().search(query, filters, sort, page, page_size)


def pages_search(*, query: str, limit: int = PAGE_RESULTS) -> list[PageHit]:
    """Live, public pages (challenges, pilots, standard pages) matching the query, through
    Wagtail's search backend; the home page is left out."""
    query = clean_query(query)
    if not query:
        return []
    found = list(Page.objects.live().public().filter(depth__gt=2).search(query, operator="and")[:limit])
    if not found:
        return []
    shown = _in_visitor_language(found)
    query_terms = terms(query)
    hits = []
    for page in shown:
        text = getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description or ""
        hits.append(
            PageHit(
                title=page.title,
                url=page.get_url() or page.url_path,
                kind=str(page.specific_class._meta.verbose_name).capitalize(),
                snippet=highlight(text, query_terms),
            )
        )
    return hits


def _in_visitor_language(found: list[Page]) -> list[Page]:
    """Each page found, as the page in the default language (the one with an address) with
    the text of the visitor's language where translated; a page found in both languages once."""
    default = Locale.get_default()
    keys = list(dict.fromkeys(page.translation_key for page in found))
    originals = {
        page.translation_key: page
        for page in Page.objects.live().public().filter(locale=default, translation_key__in=keys).specific()
    }
    others = [page.pk for page in found if page.translation_key not in originals]
    # A page with no original in the default language is shown as itself.
    alone = {page.translation_key: page for page in Page.objects.filter(pk__in=others).specific()} if others else {}
    return show_all_translated([originals.get(key) or alone.get(key) for key in keys])


def idea_suggestions(*, prefix: str, limit: int = 8) -> list[Suggestion]:
    return get_backend().suggest(prefix, limit)


RELATED_RESULTS = 5


def related_ideas(*, query: str, shown_ids=(), limit: int = RELATED_RESULTS) -> list[SimilarIdea]:
    """Ideas close in meaning to what was searched, other than the ideas already shown for
    its words: "related ideas" on the search page (they need not contain the words)."""
    query = clean_query(query)
    if not query:
        return []
    return get_backend().similar(query, k=limit, exclude_ids=shown_ids)


def similar_ideas(*, text: str, k: int = 5, challenge_id: int | None = None, exclude_ids=()) -> list[SimilarIdea]:
    return get_backend().similar(text, k=k, challenge_id=challenge_id, exclude_ids=exclude_ids)


@dataclass
class SupportChance:
    """Whether ``viewer`` can support an idea right now, and if not, why (for the hint)."""

    possible: bool
    note: str


def support_chances(*, viewer, idea_ids) -> dict[int, SupportChance]:
    """For the ideas shown as "ideas like yours": can this person support each one now?
    Decided by the voting app's own permission (``voting.support_idea``); the note says
    when the idea's challenge is not voting, or what the person must do first."""
    now = timezone.now()
    ideas = Idea.objects.filter(pk__in=list(idea_ids)).select_related("challenge")
    chances = {}
    for idea in ideas:
        challenge = idea.challenge
        if viewer.has_perm("voting.support_idea", idea):
            chances[idea.pk] = SupportChance(True, "")
        elif challenge.voting_method != VotingMethod.SUPPORT:
            chances[idea.pk] = SupportChance(False, gettext("Its challenge does not collect supports."))
        elif challenge.voting_open and now < challenge.voting_open:
            note = gettext("It can be supported from %(date)s, when voting opens.") % {
                "date": date_format(timezone.localtime(challenge.voting_open), "j F")
            }
            chances[idea.pk] = SupportChance(False, note)
        elif not challenge.accepts_votes_at(now):
            chances[idea.pk] = SupportChance(False, gettext("Voting on its challenge has closed."))
        elif not getattr(viewer, "is_authenticated", False):
            chances[idea.pk] = SupportChance(False, gettext("Sign in to support it."))
        else:
            chances[idea.pk] = SupportChance(False, gettext("You cannot support this idea."))
    return chances


def idea_novelty(*, idea_ids=None):
    """Each indexed idea's novelty (0–1) as rows of ``idea_id`` and ``novelty``: a queryset
    other apps may filter, aggregate or use as a subquery (``idea_ids`` may itself be a
    queryset of ids). Ideas not measured yet have no row. How novelty is computed may
    change; this shape does not."""
    from .models import IndexedIdea

    rows = IndexedIdea.objects.filter(novelty__isnull=False)
    if idea_ids is not None:
        rows = rows.filter(idea_id__in=idea_ids)
    return rows.order_by().values("idea_id", "novelty")


def novelty_by_idea(idea_ids) -> dict[int, float]:
    """``{idea_id: novelty}`` for the ideas measured so far among ``idea_ids``, in one query."""
    return {row["idea_id"]: row["novelty"] for row in idea_novelty(idea_ids=list(idea_ids))}


def new_thinking_threshold() -> float:
    """The novelty at or above which an idea carries the "New thinking" badge."""
    from .novelty import threshold

    return threshold()
