"""Reads of the voting app: what a voter has used, scores for many ideas at once, rankings
and the aggregated totals leadership sees."""

from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts import standing
from ideas.models import ChallengePage, Idea, public_ideas_q

from .methods import VotingMethod
from .models import PairwiseOutcome, PairwiseScore, PairwiseVote, Support
from .ranking import choose_pair


def pairwise_scores(idea_ids) -> dict[int, PairwiseScore]:
    """The pairwise scores of many ideas in one query, by idea id (ideas never compared are
    missing)."""
    return {score.idea_id: score for score in PairwiseScore.objects.filter(idea_id__in=list(idea_ids))}


@dataclass(frozen=True)
class BallotSummary:
    cap: int | None
    used: int

    @property
    def left(self) -> int | None:
        return None if self.cap is None else max(self.cap - self.used, 0)


def ballot_summary(*, voter, challenge: ChallengePage) -> BallotSummary:
    """How many supports the voter has used in the challenge, out of its cap (if any)."""
    used = 0
    if getattr(voter, "is_authenticated", False):
        used = Support.objects.counted().filter(voter=voter, idea__challenge=challenge).count()
    return BallotSummary(cap=challenge.supports_per_person, used=used)


def idea_for_support(*, pk: int, voter, withdrawing: bool = False) -> Idea | None:
    """The idea a support request is about: one the voter may see or, to withdraw, one they
    support even if it was hidden or withdrawn since (their support must never be stuck)."""
    ideas = Idea.objects.select_related("challenge")
    idea = ideas.visible_to(voter).filter(pk=pk).first()
    if idea is None and withdrawing and getattr(voter, "is_authenticated", False):
        idea = ideas.filter(pk=pk, supports__voter=voter).first()
    return idea


@dataclass
class ViewerSupports:
    """The ideas a voter supports in one challenge: ``counted`` use up the cap, ``uncounted``
    are on ideas hidden by moderation or withdrawn (the voter may still take them back)."""

    counted: set[int] = field(default_factory=set)
    uncounted: set[int] = field(default_factory=set)

    def __contains__(self, idea_id) -> bool:
        return idea_id in self.counted or idea_id in self.uncounted


def viewer_supports(*, voter, challenge_ids) -> dict[int, ViewerSupports]:
    """The ideas the voter supports in each of these challenges, by challenge id, in one
    query that also tells whether the voter's email is verified (cached on the user where
    ``accounts.rules.is_verified`` looks first), so a page of support buttons costs one query."""
    from allauth.account.models import EmailAddress

    if not getattr(voter, "is_authenticated", False):
        return {}
    challenge_ids = set(challenge_ids)
    counts = Case(
        When(public_ideas_q("idea__"), then=Value(1)),  # as Support.objects.counted()
        default=Value(0),
        output_field=IntegerField(),
    )
    supports = (
        Support.objects.filter(voter=voter, idea__challenge_id__in=challenge_ids)
        .order_by()
        .values_list("idea_id", "idea__challenge_id", counts)
    )
    # A row (0, 0, 0) per verified address marks the voter as verified; no idea has id 0.
    zero = Value(0, output_field=IntegerField())
    verified = EmailAddress.objects.filter(user=voter, verified=True).order_by().values_list(zero, zero, zero)
    result = {challenge_id: ViewerSupports() for challenge_id in challenge_ids}
    verified_now = False
    for idea_id, challenge_id, counted in supports.union(verified, all=True):
        if idea_id == 0:
            verified_now = True
        else:
            (result[challenge_id].counted if counted else result[challenge_id].uncounted).add(idea_id)
    standing.remember_verified(voter, verified_now)
    return result


# Trending: a support from the last day counts 3, from the last 3 days 2, from the week 1.
TRENDING_WINDOWS = (1, 3, 7)


def with_trending(queryset: QuerySet, *, now=None) -> QuerySet:
    """Annotate ``trending`` on ideas: recent supports, weighted by how recent they are."""
    now = now or timezone.now()
    score = Value(0)
    for days in TRENDING_WINDOWS:
        score = score + Count("supports", filter=Q(supports__created_at__gte=now - timedelta(days=days)))
    return queryset.annotate(trending=score)


def ideas_by_trending(queryset: QuerySet, *, now=None) -> QuerySet:
    return with_trending(queryset, now=now).order_by("-trending", "-support_count", "-pk")


def ideas_by_pairwise_score(queryset: QuerySet) -> QuerySet:
    """Best pairwise score first; ideas never scored last."""
    return queryset.order_by(F("pairwise_score__score").desc(nulls_last=True), "-pk")


def ideas_supported_first(queryset: QuerySet, *, viewer) -> QuerySet:
    """The viewer's supported ideas first, keeping the queryset's order within each group."""
    if not getattr(viewer, "is_authenticated", False):
        return queryset
    mine = Exists(Support.objects.filter(voter=viewer, idea=OuterRef("pk")))
    return queryset.alias(supported_by_me=mine).order_by(F("supported_by_me").desc(), *queryset.query.order_by)


def pairwise_results(*, challenge: ChallengePage) -> list[Idea]:
    """The challenge's public ideas ranked by pairwise score, each with ``score`` (a
    :class:`PairwiseScore` or None)."""
    ideas = list(
        ideas_by_pairwise_score(Idea.objects.listed_for(None).filter(challenge=challenge)).select_related(
            "pairwise_score"
        )
    )
    for idea in ideas:
        idea.score = getattr(idea, "pairwise_score", None)
    return ideas


def support_results(*, challenge: ChallengePage) -> list[Idea]:
    """The challenge's public ideas, most supported first."""
    return list(
        Idea.objects.listed_for(None)
        .filter(challenge=challenge)
        .order_by("-support_count", "-pk")
        .only("pk", "title", "summary", "support_count", "challenge_id")
    )


def pairwise_answered(*, challenge: ChallengePage, voter) -> int:
    """How many pairs the voter has answered in the challenge."""
    return PairwiseVote.objects.filter(challenge=challenge, voter=voter).count()


def pairwise_totals(*, challenge: ChallengePage) -> dict:
    """Voters and decided comparisons of the challenge, for the results page."""
    return PairwiseVote.objects.filter(challenge=challenge).aggregate(
        voters=Count("voter", distinct=True),
        comparisons=Count("pk", filter=~Q(outcome=PairwiseOutcome.UNDECIDED)),
    )


def next_pair(*, challenge: ChallengePage, voter, rng: np.random.Generator | None = None) -> tuple[Idea, Idea] | None:
    """Two ideas for the voter to compare, chosen so that ideas with few comparisons catch
    up and the voter is not asked the same pair twice. None when nothing is left to compare."""
    candidates = list(
        Idea.objects.listed_for(None)
        .filter(challenge=challenge)
        .values_list("pk", Coalesce("pairwise_score__comparisons", 0))
    )
    seen = set()
    if getattr(voter, "is_authenticated", False):
        seen = set(PairwiseVote.objects.filter(voter=voter, challenge=challenge).values_list("first_id", "second_id"))
    pair = choose_pair(candidates, seen, rng or np.random.default_rng())
    if pair is None:
        return None
    ideas = Idea.objects.select_related("challenge").in_bulk(pair)
    return ideas[pair[0]], ideas[pair[1]]


def suppressed_counts(counts: list[int], *, minimum: int | None = None) -> set[int]:
    """Which of these counts of people (by position) must not be shown, so that no one's
    vote or participation can be worked out: those under ``VOTING_DISTRICT_MINIMUM``, and,
    if only one would be hidden, the next smallest too (else the total gives it away).
    Zero counts are nobody and stay shown. Every page, chart and export that shows counts
    of people by group uses this one rule."""
    minimum = settings.VOTING_DISTRICT_MINIMUM if minimum is None else minimum
    suppressed = {index for index, count in enumerate(counts) if 0 < count < minimum}
    if len(suppressed) == 1:
        others = [index for index, count in enumerate(counts) if index not in suppressed and count > 0]
        if others:
            suppressed.add(min(others, key=lambda index: counts[index]))
    return suppressed


@dataclass(frozen=True)
class DistrictTotal:
    district: str
    people: int | None  # None: fewer than the minimum, suppressed
    votes: int | None


def district_totals(*, challenge: ChallengePage) -> tuple[list[DistrictTotal], dict]:
    """How many people from each district took part (supporters, or pairwise voters), and
    their votes. Counts under ``VOTING_DISTRICT_MINIMUM`` are suppressed; if only one district
    would be suppressed, the next smallest is too, so the hidden count cannot be worked out
    from the total. Returns the rows and the totals."""
    minimum = settings.VOTING_DISTRICT_MINIMUM
    if challenge.voting_method == "pairwise":
        rows = PairwiseVote.objects.filter(challenge=challenge).values("voter__district__name")
    else:
        rows = Support.objects.filter(idea__challenge=challenge).values("voter__district__name")
    rows = list(rows.annotate(people=Count("voter", distinct=True), votes=Count("pk")).order_by("-people"))
    suppressed = suppressed_counts([row["people"] for row in rows], minimum=minimum)
    totals = {"people": sum(row["people"] for row in rows), "votes": sum(row["votes"] for row in rows)}
    return [
        DistrictTotal(
            district=row["voter__district__name"] or "",
            people=None if index in suppressed else row["people"],
            votes=None if index in suppressed else row["votes"],
        )
        for index, row in enumerate(rows)
    ], totals


def _newest(queryset, field: str):
    return Subquery(queryset.order_by().values("challenge").annotate(newest=Max(field)).values("newest")[:1])


def _with_fit_times(challenges):
    last_vote = _newest(PairwiseVote.objects.filter(challenge=OuterRef("pk")), "updated_at")
    last_fit = _newest(PairwiseScore.objects.filter(challenge=OuterRef("pk")), "fitted_at")
    return challenges.annotate(last_vote=last_vote, last_fit=last_fit)


def _refit_due():
    return Q(last_vote__isnull=False) & (Q(last_fit__isnull=True) | Q(last_fit__lt=F("last_vote")))


def pairwise_fit_state(*, challenge: ChallengePage) -> dict:
    """When the challenge's scores were last fitted and whether newer votes wait for the next
    fit (the refit is *due*), in one query: ``{"fitted_at": datetime | None, "due": bool}``."""
    state = (
        _with_fit_times(ChallengePage.objects.filter(pk=challenge.pk))
        .annotate(due=ExpressionWrapper(_refit_due(), output_field=BooleanField()))
        .values("last_fit", "due")
        .first()
    ) or {"last_fit": None, "due": False}
    return {"fitted_at": state["last_fit"], "due": bool(state["due"])}


def pairwise_refits_due(*, settle: timedelta) -> list[int]:
    """Ids of pairwise challenges with votes newer than their last fit and none in the last
    ``settle`` (one query). The votes are the durable record that a refit is owed, so nothing
    is lost when queueing the refit failed."""
    return list(
        _with_fit_times(ChallengePage.objects.live().filter(voting_method=VotingMethod.PAIRWISE))
        .filter(_refit_due(), last_vote__lte=timezone.now() - settle)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def challenges_asking_for_residents() -> QuerySet:
    """Challenges where only verified residents may vote, and whose vote has not closed."""
    return (
        ChallengePage.objects.live()
        .public()
        .filter(residents_must_verify=True, voting_close__gt=timezone.now())
        .exclude(voting_method=VotingMethod.NONE)
        .order_by("voting_close", "title")
    )
