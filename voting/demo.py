"""Demo votes: supports spread over the ideas of ``better-streets`` (support voting, capped
at 5) and enough pairwise comparisons on ``parks-for-everyone`` for a meaningful ranking,
with its scores fitted. Runs after ``ideas.demo``; skips what is missing and leaves what is
already there. The demo resident (resident@greenlight.test) keeps an empty ballot to try.

``better-streets`` lets only verified residents vote: the other demo residents verified with
codes the city "sent" them, and :data:`DEMO_CODES` are left unused for trying it (the README
lists them)."""

import random
from datetime import timedelta

from django.utils import timezone

from accounts.demo import demo_residents
from ideas.models import ChallengePage, Idea
from innovation.errors import ServiceError

from . import residents, services
from .methods import VotingMethod
from .models import PairwiseOutcome, PairwiseVote, Support

SUPPORT_SLUG = "better-streets"
PAIRWISE_SLUG = "parks-for-everyone"
KEEP_FREE = "resident@greenlight.test"
# Codes left unused on better-streets, to try "Verify as a resident".
DEMO_CODES = ("STREETS-1001", "STREETS-1002", "STREETS-1003")


def load(*, stdout) -> None:
    voters = [person for person in demo_residents() if person.email != KEEP_FREE]
    if not voters:
        stdout.write("  voting: skipped (no demo residents)")
        return
    verified = _residents_verified(voters)
    supports = _supports(voters)
    comparisons = _comparisons(voters)
    stdout.write(f"  voting: {supports} supports on {SUPPORT_SLUG}, {comparisons} comparisons on {PAIRWISE_SLUG}")
    if verified:
        stdout.write(f"  voting: only verified residents vote on {SUPPORT_SLUG}; demo codes: {', '.join(DEMO_CODES)}")


def _residents_verified(voters) -> bool:
    """Only verified residents vote on better-streets: codes issued for it, one redeemed by each
    demo voter, and :data:`DEMO_CODES` left to try."""
    challenge = ChallengePage.objects.filter(slug=SUPPORT_SLUG, voting_method=VotingMethod.SUPPORT).first()
    if challenge is None:
        return False
    if not challenge.residents_must_verify:  # a demo loaded before the setting existed
        ChallengePage.objects.filter(pk=challenge.pk).update(residents_must_verify=True)
        challenge.residents_must_verify = True
    voter_codes = {voter.pk: f"STREETS-{2001 + index}" for index, voter in enumerate(voters)}
    if not challenge.resident_codes.exists():
        lines = ["code", *DEMO_CODES, *voter_codes.values()]
        residents.resident_codes_import(actor=None, challenge=challenge, data="\n".join(lines).encode())
    for voter in voters:
        residents.resident_code_redeem(user=voter, challenge=challenge, code=voter_codes[voter.pk])
    return True


def _voting_challenge(slug: str, method: str) -> tuple[ChallengePage | None, list[Idea]]:
    """The demo challenge if it exists and is voting, with its public ideas."""
    challenge = ChallengePage.objects.filter(slug=slug, voting_method=method).first()
    if challenge is None or not challenge.accepts_votes_at():
        return None, []
    return challenge, list(Idea.objects.filter(challenge=challenge).public().order_by("pk"))


def _supports(voters) -> int:
    challenge, ideas = _voting_challenge(SUPPORT_SLUG, VotingMethod.SUPPORT)
    existing = Support.objects.filter(idea__challenge=challenge)
    if not ideas or existing.exists():
        return existing.count()
    rng = random.Random(2026)
    # Some ideas are much more popular than others, as in a real vote.
    weights = [1.0 / (rank + 1) for rank in range(len(ideas))]
    rng.shuffle(weights)
    cap = challenge.supports_per_person or 5
    for voter in voters:
        wanted = rng.randint(1, cap)
        chosen = {idea.pk: idea for idea in rng.choices(ideas, weights=weights, k=wanted * 2)}
        for idea in list(chosen.values())[:wanted]:
            try:
                services.support_add(voter=voter, idea=idea)
            except ServiceError:  # the challenge's rules refuse it (own idea, audience)
                continue
    # Spread the supports over the last ten days, so that "trending" differs from "most supported".
    now = timezone.now()
    for support in Support.objects.filter(idea__challenge=challenge).only("pk"):
        Support.objects.filter(pk=support.pk).update(created_at=now - timedelta(hours=rng.randint(0, 240)))
    return Support.objects.filter(idea__challenge=challenge).count()


def _comparisons(voters) -> int:
    challenge, ideas = _voting_challenge(PAIRWISE_SLUG, VotingMethod.PAIRWISE)
    existing = PairwiseVote.objects.filter(challenge=challenge)
    if len(ideas) < 2 or existing.exists():
        return existing.count()
    rng = random.Random(7)
    strength = {idea.pk: rng.gauss(0.0, 1.2) for idea in ideas}
    votes = {}
    for voter in voters:
        for _ in range(30):
            first, second = sorted(rng.sample([idea.pk for idea in ideas], 2))
            if rng.random() < 0.08:
                outcome = PairwiseOutcome.UNDECIDED
            else:
                first_wins = rng.random() < 1.0 / (1.0 + 2.718281828 ** (strength[second] - strength[first]))
                outcome = PairwiseOutcome.FIRST if first_wins else PairwiseOutcome.SECOND
            # One vote per person per pair: a repeated pair keeps the latest choice.
            votes[(voter.pk, first, second)] = outcome
    PairwiseVote.objects.bulk_create(
        PairwiseVote(voter_id=voter_id, challenge=challenge, first_id=first, second_id=second, outcome=outcome)
        for (voter_id, first, second), outcome in votes.items()
    )
    services.pairwise_comparisons_recount(challenge=challenge)
    services.pairwise_scores_fit(challenge=challenge)
    return len(votes)
