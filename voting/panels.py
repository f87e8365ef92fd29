"""What voting adds to idea pages through ``ideas.extensions``: the support button on idea
cards and the idea page, the ballot ("3 of 5 supports left") in the challenge header, and
the sort orders. Each context provider reads everything for a whole page at once."""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideas.extensions import IdeaSort, Panel, register_panel, register_sort
from ideas.models import totals_hidden_for

from . import selectors
from .methods import VotingMethod
from .rules import is_verified_resident, refusal


def _viewer(request):
    return getattr(request, "user", None) or AnonymousUser()


def _viewer_supports(request, viewer, challenge_ids: set[int]) -> dict[int, selectors.ViewerSupports]:
    """The viewer's supports in these challenges, read once per request for every panel."""
    known = getattr(request, "_voting_supports", None) if request is not None else None
    if known is None or not challenge_ids <= known.keys():
        known = {**(known or {}), **selectors.viewer_supports(voter=viewer, challenge_ids=challenge_ids)}
        if request is not None:
            request._voting_supports = known
    return known


def support_context(request, ideas) -> dict:
    """Per idea of a support challenge: whether the viewer supports it, may (un)support it,
    sees its total, and how many supports they have left in its challenge."""
    viewer = _viewer(request)
    ideas = [idea for idea in ideas if idea.challenge.voting_method == VotingMethod.SUPPORT]
    if not ideas:
        return {}
    supports = {}
    if any(idea.challenge.accepts_votes_at() for idea in ideas):
        supports = _viewer_supports(request, viewer, {idea.challenge_id for idea in ideas})
    result = {}
    for idea in ideas:
        challenge = idea.challenge
        mine = supports.get(challenge.pk) or selectors.ViewerSupports()
        is_supported = idea.pk in mine
        may_support = viewer.has_perm("voting.support_idea", idea)
        cap = challenge.supports_per_person
        left = None if cap is None else max(cap - len(mine.counted), 0)
        reason_code, reason = "", ""
        if challenge.accepts_votes_at() and not is_supported and not may_support:
            reason_code, reason = refusal(viewer, idea)
        result[idea.pk] = {
            "voting": {
                "supported": is_supported,
                "may_support": may_support and (is_supported or left != 0),
                "may_withdraw": is_supported and viewer.has_perm("voting.withdraw_support", idea),
                "no_supports_left": may_support and not is_supported and left == 0,
                "show_count": viewer.has_perm("voting.view_totals", challenge),
                "count": idea.support_count,
                "reason": reason,
                "reason_code": reason_code,
            }
        }
    return result


def ballot_context(request, challenges) -> dict:
    """For the challenge header: supports left, or the way to the pairwise vote and results."""
    viewer = _viewer(request)
    result = {}
    for challenge in challenges:
        context = {"method": challenge.voting_method, "open": challenge.accepts_votes_at()}
        if challenge.voting_method == VotingMethod.SUPPORT and viewer.is_authenticated and context["open"]:
            mine = _viewer_supports(request, viewer, {challenge.pk}).get(challenge.pk) or selectors.ViewerSupports()
            context["ballot"] = selectors.BallotSummary(cap=challenge.supports_per_person, used=len(mine.counted))
            # Supports on ideas hidden since: listed so the voter can take them back.
            context["uncounted_supports"] = sorted(mine.uncounted)
        if challenge.voting_method == VotingMethod.PAIRWISE:
            context["may_compare"] = viewer.has_perm("voting.vote_pairwise", challenge)
            context["may_add"] = viewer.has_perm("voting.add_pairwise_idea", challenge)
            context["sign_in_to_compare"] = context["open"] and not viewer.is_authenticated
        # Only verified residents vote here: the way to enter the city's code, until voting closes.
        context["verify_first"] = (
            challenge.residents_must_verify
            and challenge.voting_method != VotingMethod.NONE
            and challenge.voting_close is not None
            and timezone.now() < challenge.voting_close
            and not is_verified_resident(viewer, challenge)
        )
        context["results_visible"] = challenge.voting_method != VotingMethod.NONE and viewer.has_perm(
            "voting.view_totals", challenge
        )
        result[challenge.pk] = {"voting": context}
    return result


# Sorts ------------------------------------------------------------------------------------
def _totals_visible(viewer, challenge) -> bool:
    return not totals_hidden_for(viewer, challenge)


def _support_sort_available(viewer, challenge) -> bool:
    uses_support = challenge is None or challenge.voting_method == VotingMethod.SUPPORT
    return uses_support and _totals_visible(viewer, challenge)


def _pairwise_sort_available(viewer, challenge) -> bool:
    uses_pairwise = challenge is None or challenge.voting_method == VotingMethod.PAIRWISE
    return uses_pairwise and _totals_visible(viewer, challenge)


def trending(queryset, *, viewer, request=None, **kwargs):
    return selectors.ideas_by_trending(queryset)


def pairwise_score(queryset, *, viewer, request=None, **kwargs):
    return selectors.ideas_by_pairwise_score(queryset)


def _totals_hidden_for(viewer, challenge) -> bool:
    """Support voting with totals hidden from this viewer: the list then shows the viewer's
    own supports first and the rest in the visitor's stable random order."""
    return (
        challenge is not None
        and challenge.voting_method == VotingMethod.SUPPORT
        and not _totals_visible(viewer, challenge)
    )


def my_supports_first(queryset, *, viewer, request=None, seed: int = 0, **kwargs):
    from ideas.sorts import shuffled

    return selectors.ideas_supported_first(shuffled(queryset, viewer=viewer, request=request, seed=seed), viewer=viewer)


def register() -> None:
    """Called from ``VotingConfig.ready``."""
    register_panel(Panel(place="idea_card", template="voting/panels/support.html", context=support_context, order=10))
    register_panel(
        Panel(place="idea_detail_actions", template="voting/panels/support.html", context=support_context, order=10)
    )
    register_panel(
        Panel(place="challenge_header", template="voting/panels/ballot.html", context=ballot_context, order=10)
    )
    register_sort(
        IdeaSort(
            key="my_supports",
            label=_("My supports first"),
            apply=my_supports_first,
            available=_totals_hidden_for,
            default_for=_totals_hidden_for,
            uses_seed=True,
            order=5,
        )
    )
    register_sort(
        IdeaSort(key="trending", label=_("Trending"), apply=trending, available=_support_sort_available, order=25)
    )
    register_sort(
        IdeaSort(
            key="pairwise",
            label=_("Pairwise score"),
            apply=pairwise_score,
            available=_pairwise_sort_available,
            order=26,
        )
    )
