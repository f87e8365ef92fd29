"""Writes of the voting app. Each runs in one transaction and sends the app's signal.

Each service checks who may vote where itself (``voting.rules``: phase, method, verified
email, audience, own idea), so every caller — page, API, task, demo — gets the same answer,
and holds the invariants that must survive parallel requests: one support per person per
idea, the cap on supports per person in a challenge, exact tallies, one pairwise vote per
pair. Refusals are :mod:`innovation.errors`: :class:`Conflict` when voting is closed or no
supports are left, :class:`NotAllowed` for the person, :class:`Invalid` for a bad pair."""

import numpy as np
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from ideas.models import ChallengePage, Idea
from innovation.errors import Conflict, Invalid, NotAllowed

from . import signals
from .methods import VotingMethod
from .models import Ballot, PairwiseOutcome, PairwiseScore, PairwiseVote, Support
from .ranking import fit_bradley_terry
from .rules import refusal

# Refusals about the challenge's state rather than the person (answered 409 by the API).
STATE_REFUSALS = ("closed", "wrong_method")


def refuse(voter: User, obj: object, *, pairwise: bool = False):
    """Raise the refusal ``voting.rules.refusal`` gives for ``voter`` on ``obj`` (an idea, or a
    challenge for pairwise votes), for readers that show the same answer as the writes."""
    code, message = refusal(voter, obj, pairwise=pairwise)
    raise (Conflict if code in STATE_REFUSALS else NotAllowed)(message, code=code)


def _require(voter: User, permission: str, obj: object, *, pairwise: bool = False) -> None:
    if not voter.has_perm(permission, obj):
        refuse(voter, obj, pairwise=pairwise)


def _lock_ballot(*, voter: User, challenge: ChallengePage) -> Ballot:
    """The voter's ballot for the challenge, created if needed and locked until the end of
    the surrounding transaction: parallel votes by one person in one challenge queue here."""
    Ballot.objects.bulk_create([Ballot(voter=voter, challenge=challenge)], ignore_conflicts=True)
    return Ballot.objects.select_for_update().get(voter=voter, challenge=challenge)


def supports_used(*, voter: User, challenge: ChallengePage) -> int:
    """How many of the voter's supports in the challenge count against its cap (exact while
    the ballot is locked)."""
    return Support.objects.counted().filter(voter=voter, idea__challenge=challenge).count()


def support_add(*, voter: User, idea: Idea) -> tuple[Support, bool]:
    """Support ``idea``. Returns the support and whether it is new: supporting twice is
    harmless. Refuses (``voting.support_idea``) people outside the audience, without a
    confirmed email, on their own idea where the challenge does not allow it, or outside
    voting; raises :class:`Conflict` when the voter has used all the supports the challenge
    allows."""
    challenge = idea.challenge
    with transaction.atomic():
        _require(voter, "voting.support_idea", idea)
        _lock_ballot(voter=voter, challenge=challenge)
        existing = Support.objects.filter(voter=voter, idea=idea).first()
        if existing is not None:
            return existing, False
        cap = challenge.supports_per_person
        if cap is not None and supports_used(voter=voter, challenge=challenge) >= cap:
            raise Conflict(
                _("You have used all %(cap)s of your supports in this challenge. Withdraw one to support this idea.")
                % {"cap": cap},
                code="cap_reached",
            )
        try:
            with transaction.atomic():
                support = Support.objects.create(voter=voter, idea=idea)
        except IntegrityError:
            # Only reachable if the ballot lock was bypassed; the constraint still holds.
            return Support.objects.get(voter=voter, idea=idea), False
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
        signals.support_added.send(sender=Support, support=support, actor=voter)
    return support, True


def support_withdraw(*, voter: User, idea: Idea) -> bool:
    """Withdraw the voter's support of ``idea`` while voting is open
    (``voting.withdraw_support``). Returns whether there was one to withdraw."""
    challenge = idea.challenge
    with transaction.atomic():
        _require(voter, "voting.withdraw_support", idea)
        _lock_ballot(voter=voter, challenge=challenge)
        deleted, _details = Support.objects.filter(voter=voter, idea=idea).delete()
        if not deleted:
            return False
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - deleted)
        signals.support_withdrawn.send(sender=Support, idea=idea, actor=voter)
    return True


def supports_move(*, source: Idea, target: Idea) -> int:
    """Carry the supporters of ``source`` over to ``target`` (when ideas are merged), inside
    the caller's transaction. Someone who supported both counts once. Both tallies stay
    exact. Returns how many supports ``target`` gained."""
    if source.pk == target.pk:
        raise ValueError("An idea cannot be merged into itself.")
    with transaction.atomic():
        # Lock both tallies in id order so that two merges cannot deadlock.
        list(Idea.objects.select_for_update().filter(pk__in=[source.pk, target.pk]).order_by("pk").values("pk"))
        on_target = Support.objects.filter(idea=target).values("voter_id")
        moved = Support.objects.filter(idea=source).exclude(voter_id__in=on_target).update(idea=target)
        duplicates, _details = Support.objects.filter(idea=source).delete()
        if moved or duplicates:
            Idea.objects.filter(pk=source.pk).update(support_count=F("support_count") - moved - duplicates)
        if moved:
            Idea.objects.filter(pk=target.pk).update(support_count=F("support_count") + moved)
        signals.supports_moved.send(sender=Support, source=source, target=target, moved=moved)
    return moved


def pairwise_vote_cast_by_ids(*, voter: User, challenge: ChallengePage, left: int, right: int, choice: str):
    """:func:`pairwise_vote_cast` for two idea ids, as a form or the API sends them."""
    left_id, right_id = left, right
    ideas = Idea.objects.filter(challenge=challenge).in_bulk([left_id, right_id])
    missing = {
        field: _("No idea with this id in this challenge.")
        for field, idea_id in (("left", left_id), ("right", right_id))
        if idea_id not in ideas
    }
    if missing:
        raise Invalid(missing, code="invalid_pair")
    return pairwise_vote_cast(
        voter=voter, challenge=challenge, left=ideas[left_id], right=ideas[right_id], choice=choice
    )


def pairwise_vote_cast(*, voter: User, challenge: ChallengePage, left: Idea, right: Idea, choice: str) -> PairwiseVote:
    """Record the voter's choice between ``left`` and ``right`` (``choice`` is ``left``,
    ``right`` or ``undecided``), if the voter may compare in this challenge now
    (``voting.vote_pairwise``). Voting again on the same pair replaces the earlier choice,
    so one person's repeated votes count once. The scores are refitted soon after commit."""
    _require(voter, "voting.vote_pairwise", challenge, pairwise=True)
    if left.pk == right.pk:
        raise Invalid(_("Choose between two different ideas."), code="invalid_pair")
    if left.challenge_id != challenge.pk or right.challenge_id != challenge.pk:
        raise Invalid(_("Both ideas must belong to this challenge."), code="invalid_pair")
    if not (left.is_public and right.is_public):
        raise Invalid(_("One of these ideas is no longer open for votes."), code="invalid_pair")
    if choice not in ("left", "right", "undecided"):
        raise Invalid(_("Choose one of the two ideas, or “I can't decide”."), code="invalid_pair")
    first, second = (left, right) if left.pk < right.pk else (right, left)
    if choice == "undecided":
        outcome = PairwiseOutcome.UNDECIDED
    else:
        chosen = left if choice == "left" else right
        outcome = PairwiseOutcome.FIRST if chosen.pk == first.pk else PairwiseOutcome.SECOND

    with transaction.atomic():
        _lock_ballot(voter=voter, challenge=challenge)
        vote = PairwiseVote.objects.filter(voter=voter, first=first, second=second).first()
        was_decided = vote is not None and vote.outcome != PairwiseOutcome.UNDECIDED
        if vote is None:
            vote = PairwiseVote.objects.create(
                voter=voter, challenge=challenge, first=first, second=second, outcome=outcome
            )
        else:
            vote.outcome = outcome
            vote.save(update_fields=["outcome", "updated_at"])
        change = int(outcome != PairwiseOutcome.UNDECIDED) - int(was_decided)
        if change:
            PairwiseScore.objects.bulk_create(
                [PairwiseScore(idea=idea, challenge=challenge) for idea in (first, second)], ignore_conflicts=True
            )
            for idea in (first, second):  # in id order, so that parallel votes cannot deadlock
                PairwiseScore.objects.filter(idea=idea).update(comparisons=F("comparisons") + change)
        signals.pairwise_vote_cast.send(sender=PairwiseVote, vote=vote, actor=voter)
        transaction.on_commit(lambda: _schedule_refit(challenge.pk))
    return vote


def pairwise_votes_withdraw(*, voter: User, challenge: ChallengePage) -> int:
    """Withdraw every pairwise vote of ``voter`` in ``challenge`` while it is voting (when
    their account is deleted): the comparison counts follow at once and the scores are
    refitted soon after commit, so the results no longer include them. Returns how many votes
    went."""
    with transaction.atomic():
        if challenge.voting_method != VotingMethod.PAIRWISE:
            raise Conflict(_("This challenge does not use this kind of vote."))
        if not challenge.accepts_votes_at(timezone.now()):
            raise Conflict(_("Voting is closed for this challenge."))
        _lock_ballot(voter=voter, challenge=challenge)
        votes = PairwiseVote.objects.filter(voter=voter, challenge=challenge)
        decided: dict[int, int] = {}
        pairs = votes.exclude(outcome=PairwiseOutcome.UNDECIDED).values_list("first_id", "second_id")
        for pair in pairs:
            for idea_id in pair:
                decided[idea_id] = decided.get(idea_id, 0) + 1
        deleted, _details = votes.delete()
        for idea_id in sorted(decided):  # in id order, as votes are cast, so that nothing deadlocks
            PairwiseScore.objects.filter(idea_id=idea_id).update(comparisons=F("comparisons") - decided[idea_id])
        if deleted:
            transaction.on_commit(lambda: _schedule_refit(challenge.pk))
    return deleted


def pairwise_comparisons_recount(*, challenge: ChallengePage) -> int:
    """Set every idea's count of decided comparisons from the challenge's votes (after
    votes were imported in bulk; the voting service keeps the counts exact otherwise).
    Returns the number of ideas counted."""
    decided = PairwiseVote.objects.filter(challenge=challenge).exclude(outcome=PairwiseOutcome.UNDECIDED)
    counts: dict[int, int] = {}
    for field in ("first_id", "second_id"):
        for idea_id, n in decided.values_list(field).annotate(n=Count("pk")).order_by():
            counts[idea_id] = counts.get(idea_id, 0) + n
    ideas = Idea.objects.filter(challenge=challenge).values_list("pk", flat=True)
    with transaction.atomic():
        PairwiseScore.objects.bulk_create(
            [
                PairwiseScore(idea_id=idea_id, challenge=challenge, comparisons=counts.get(idea_id, 0))
                for idea_id in ideas
            ],
            update_conflicts=True,
            unique_fields=["idea"],
            update_fields=["comparisons"],
        )
    return len(ideas)


def _schedule_refit(challenge_id: int) -> None:
    from .tasks import pairwise_refit_soon

    pairwise_refit_soon(challenge_id)


def pairwise_scores_fit(*, challenge: ChallengePage) -> int:
    """Refit the pairwise scores of the challenge's public ideas from every decided vote
    between them (safe to run any number of times). Returns the number of ideas scored."""
    ideas = list(Idea.objects.filter(challenge=challenge).public().order_by("pk").values_list("pk", flat=True))
    index = {idea_id: position for position, idea_id in enumerate(ideas)}
    tallies = (
        PairwiseVote.objects.filter(challenge=challenge, outcome__in=[PairwiseOutcome.FIRST, PairwiseOutcome.SECOND])
        .values_list("first_id", "second_id", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    winners, losers, counts = [], [], []
    for first_id, second_id, outcome, n in tallies:
        if first_id in index and second_id in index:
            won, lost = (first_id, second_id) if outcome == PairwiseOutcome.FIRST else (second_id, first_id)
            winners.append(index[won])
            losers.append(index[lost])
            counts.append(n)
    fit = fit_bradley_terry(
        len(ideas), np.array(winners, dtype=np.int64), np.array(losers, dtype=np.int64), np.array(counts, dtype=float)
    )
    now = timezone.now()
    rows = [
        PairwiseScore(
            idea_id=idea_id,
            challenge=challenge,
            score=_finite(fit.score[position]),
            lower=_finite(fit.lower[position]),
            upper=_finite(fit.upper[position]),
            wins=int(fit.wins[position]),
            fitted_at=now,
        )
        for idea_id, position in index.items()
    ]
    with transaction.atomic():
        PairwiseScore.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["idea"],
            update_fields=["score", "lower", "upper", "wins", "fitted_at"],
        )
        signals.pairwise_scores_fitted.send(sender=PairwiseScore, challenge=challenge, ideas=ideas)
    return len(rows)


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None
