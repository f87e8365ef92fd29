"""Who may vote, and who may see what of the votes. The same rule decides the button on the
page and the request behind it (views, API and templates call these)."""

import rules

from accounts.rules import is_leadership, is_verified
from ideas.models import ChallengePage, totals_hidden_for
from ideas.predicates import challenge_accepts_ideas, challenge_accepts_votes, is_author, is_in_audience

from .methods import VotingMethod
from .models import ResidentVerification


def _challenge(obj) -> ChallengePage | None:
    if obj is None or isinstance(obj, ChallengePage):
        return obj
    return getattr(obj, "challenge", None)


@rules.predicate
def uses_support_voting(user, obj) -> bool:
    challenge = _challenge(obj)
    return challenge is not None and challenge.voting_method == VotingMethod.SUPPORT


@rules.predicate
def uses_pairwise_voting(user, obj) -> bool:
    challenge = _challenge(obj)
    return challenge is not None and challenge.voting_method == VotingMethod.PAIRWISE


@rules.predicate
def idea_takes_votes(user, idea) -> bool:
    """Public, and not merged into another idea (its supporters moved there)."""
    return idea is not None and idea.is_listed


@rules.predicate
def authors_may_support_own(user, idea) -> bool:
    return idea is not None and idea.challenge.authors_may_support_own


def resident_challenge_ids(user) -> frozenset[int]:
    """The challenges ``user`` proved to be a resident for, read once per user object (a list
    page asks for every idea card); ``voting.residents`` forgets it after a redemption."""
    cached = getattr(user, "_greenlight_resident_of", None)
    if cached is None:
        cached = frozenset(ResidentVerification.objects.filter(user=user).values_list("challenge_id", flat=True))
        user._greenlight_resident_of = cached
    return cached


@rules.predicate
def is_verified_resident(user, obj) -> bool:
    """The challenge asks no proof of residence, or the person gave it (a code from the city)."""
    challenge = _challenge(obj)
    if challenge is None or not challenge.residents_must_verify:
        return True
    return getattr(user, "is_authenticated", False) and challenge.pk in resident_challenge_ids(user)


@rules.predicate
def totals_hidden_now(user, obj) -> bool:
    """Running totals are hidden from this person right now: the one rule,
    ``ideas.models.totals_hidden_for`` (leadership is exempt)."""
    return totals_hidden_for(user, _challenge(obj))


# Checks that need no query come first: rules stops at the first that fails.
rules.add_perm(
    "voting.support_idea",
    challenge_accepts_votes
    & uses_support_voting
    & idea_takes_votes
    & (~is_author | authors_may_support_own)
    & is_verified
    & is_in_audience
    & is_verified_resident,
)
rules.add_perm("voting.withdraw_support", challenge_accepts_votes & uses_support_voting & is_verified)
rules.add_perm(
    "voting.vote_pairwise",
    challenge_accepts_votes & uses_pairwise_voting & is_verified & is_in_audience & is_verified_resident,
)
rules.add_perm(
    "voting.add_pairwise_idea", challenge_accepts_ideas & uses_pairwise_voting & is_verified & is_in_audience
)
rules.add_perm("voting.view_totals", ~totals_hidden_now)
rules.add_perm("voting.view_pairwise_results", uses_pairwise_voting & ~totals_hidden_now)
rules.add_perm("voting.view_district_totals", is_leadership)
rules.add_perm("voting.import_resident_codes", is_leadership)


def refusal(user, obj, *, pairwise: bool = False) -> tuple[str, str]:
    """Why ``user`` may not vote on ``obj`` (an idea, or a challenge for pairwise votes), as
    ``(code, message)``. Codes: ``closed`` (voting is not open), ``wrong_method``,
    ``sign_in``, ``verify``, ``audience``, ``resident`` (enter the code the city sent;
    templates link to ``voting:verify``), ``own_idea``, ``not_open``."""
    from django.utils.translation import gettext as _

    challenge = _challenge(obj)
    if not (uses_pairwise_voting(user, challenge) if pairwise else uses_support_voting(user, challenge)):
        return "wrong_method", _("This challenge does not use this kind of vote.")
    if not challenge_accepts_votes(user, challenge):
        return "closed", _("Voting is closed for this challenge.")
    if not getattr(user, "is_authenticated", False):
        return "sign_in", _("Sign in to vote.")
    if not is_verified(user):
        return "verify", _("Confirm your email address to vote.")
    if not is_in_audience(user, challenge):
        return "audience", _("This challenge is open to %(audience)s.") % {
            "audience": challenge.get_audience_display().lower()
        }
    if not is_verified_resident(user, challenge):
        return "resident", _("Only verified residents may vote in this challenge. Enter the code the city sent you.")
    if not pairwise and not idea_takes_votes(user, obj):
        return "not_open", _("This idea is not open for votes.")
    if not pairwise and is_author(user, obj) and not authors_may_support_own(user, obj):
        return "own_idea", _("You cannot support your own idea.")
    return "not_allowed", _("You may not vote here.")
