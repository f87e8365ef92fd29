"""Votes on ideas: supports (one click per idea, optionally capped per challenge) and
pairwise comparisons, with the fitted pairwise score of each idea.

Who supported what is never shown publicly; only totals are."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Ballot(models.Model):
    """A person's ballot in one challenge. Its row is locked (``select_for_update``) while a
    support is added or withdrawn, so that parallel requests from one person cannot overrun
    the challenge's cap on supports per person."""

    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voter"), on_delete=models.CASCADE, related_name="ballots"
    )
    challenge = models.ForeignKey(
        "ideas.ChallengePage", verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="ballots"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["voter", "challenge"], name="one_ballot_per_challenge")]

    def __str__(self) -> str:
        return f"{self.voter} in {self.challenge}"


class SupportQuerySet(models.QuerySet):
    def counted(self):
        """Supports that use up the voter's cap: those on ideas anyone can see. A support on
        an idea hidden by moderation (or withdrawn by its author) stays until the voter takes it
        back, but does not block their ballot meanwhile."""
        from ideas.models import public_ideas_q

        return self.filter(public_ideas_q("idea__"))


class Support(models.Model):
    """A person supports an idea. One per person per idea, enforced by the database."""

    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voter"), on_delete=models.CASCADE, related_name="supports"
    )
    idea = models.ForeignKey("ideas.Idea", verbose_name=_("idea"), on_delete=models.CASCADE, related_name="supports")
    created_at = models.DateTimeField(_("supported at"), auto_now_add=True, db_index=True)

    objects = SupportQuerySet.as_manager()

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["voter", "idea"], name="one_support_per_idea")]
        indexes = [models.Index(fields=["idea", "created_at"], name="support_recent")]

    def __str__(self) -> str:
        return f"{self.voter} supports {self.idea}"


class PairwiseOutcome(models.TextChoices):
    FIRST = "first", _("The first idea")
    SECOND = "second", _("The second idea")
    UNDECIDED = "undecided", _("I can't decide")


class PairwiseVote(models.Model):
    """A person's choice between two ideas of a challenge. The pair is stored in id order
    (``first.pk < second.pk``) so that a person has one vote per pair: voting again on the
    same pair replaces the earlier choice."""

    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voter"), on_delete=models.CASCADE, related_name="pairwise_votes"
    )
    challenge = models.ForeignKey(
        "ideas.ChallengePage", verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="pairwise_votes"
    )
    first = models.ForeignKey("ideas.Idea", verbose_name=_("first idea"), on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("ideas.Idea", verbose_name=_("second idea"), on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(_("choice"), max_length=10, choices=PairwiseOutcome.choices)
    created_at = models.DateTimeField(_("first voted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last voted"), auto_now=True)

    class Meta:
        verbose_name = _("pairwise vote")
        verbose_name_plural = _("pairwise votes")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["voter", "first", "second"], name="one_pairwise_vote_per_pair"),
            models.CheckConstraint(condition=Q(first__lt=models.F("second")), name="pairwise_pair_in_id_order"),
        ]
        indexes = [models.Index(fields=["challenge", "voter"], name="pairwise_by_voter")]

    def __str__(self) -> str:
        return f"{self.first} / {self.second}: {self.outcome}"

    @property
    def winner_id(self) -> int | None:
        return {PairwiseOutcome.FIRST: self.first_id, PairwiseOutcome.SECOND: self.second_id}.get(self.outcome)


class PairwiseScore(models.Model):
    """An idea's standing in its challenge's pairwise vote.

    ``comparisons`` counts the decided votes the idea took part in and is kept exact by the
    voting service; ``score`` (the estimated chance that the idea beats a randomly chosen
    other idea of the challenge) and its range are written by the model fit."""

    idea = models.OneToOneField(
        "ideas.Idea",
        verbose_name=_("idea"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="pairwise_score",
    )
    challenge = models.ForeignKey(
        "ideas.ChallengePage", verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="pairwise_scores"
    )
    comparisons = models.PositiveIntegerField(_("comparisons"), default=0)
    wins = models.PositiveIntegerField(_("wins at the last fit"), default=0)
    score = models.FloatField(_("score"), null=True, blank=True)
    lower = models.FloatField(_("lower bound"), null=True, blank=True)
    upper = models.FloatField(_("upper bound"), null=True, blank=True)
    fitted_at = models.DateTimeField(_("fitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("pairwise score")
        verbose_name_plural = _("pairwise scores")
        indexes = [
            models.Index(fields=["challenge", "-score"], name="pairwise_ranking"),
            models.Index(fields=["challenge", "comparisons"], name="pairwise_least_compared"),
        ]

    def __str__(self) -> str:
        return f"{self.idea}: {self.score}"

    # For the results page: whole percentages to read, exact ones to draw the range bar.
    @property
    def score_percent(self) -> int | None:
        return None if self.score is None else round(self.score * 100)

    @property
    def lower_percent(self) -> int | None:
        return None if self.lower is None else round(self.lower * 100)

    @property
    def upper_percent(self) -> int | None:
        return None if self.upper is None else round(self.upper * 100)

    @property
    def lower_percent_exact(self) -> float:
        return (self.lower or 0.0) * 100

    @property
    def range_width(self) -> float:
        return max(((self.upper or 0.0) - (self.lower or 0.0)) * 100, 0.5)

    @property
    def score_marker(self) -> float:
        return min(max((self.score or 0.0) * 100 - 0.5, 0.0), 99.0)


class ResidentCode(models.Model):
    """A one-time code the city sent a resident so they may vote in a challenge that asks for
    it (``ChallengePage.residents_must_verify``). Only a keyed hash of the normalised code is
    kept (``voting.residents.code_digest``), so the table alone gives no code away; once
    redeemed it is spent for good, even if the person later deletes their account."""

    challenge = models.ForeignKey(
        "ideas.ChallengePage", verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="resident_codes"
    )
    digest = models.CharField(_("code (keyed hash)"), max_length=64)
    district = models.ForeignKey(
        "accounts.District", verbose_name=_("district"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redeemed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    redeemed_at = models.DateTimeField(_("redeemed"), null=True, blank=True)

    class Meta:
        verbose_name = _("resident code")
        verbose_name_plural = _("resident codes")
        constraints = [models.UniqueConstraint(fields=["challenge", "digest"], name="one_resident_code_per_digest")]

    def __str__(self) -> str:
        return f"code {self.pk} for {self.challenge_id}"


class VerificationMethod(models.TextChoices):
    CODE = "code", _("Code sent by the city")


class ResidentVerification(models.Model):
    """A person proved to be a resident for one challenge, which lets them vote there."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="resident_verifications",
    )
    challenge = models.ForeignKey(
        "ideas.ChallengePage", verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="verifications"
    )
    method = models.CharField(_("method"), max_length=10, choices=VerificationMethod.choices)
    code = models.OneToOneField(
        ResidentCode,
        verbose_name=_("code"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verification",
    )
    verified_at = models.DateTimeField(_("verified"), auto_now_add=True)

    class Meta:
        verbose_name = _("resident verification")
        verbose_name_plural = _("resident verifications")
        constraints = [models.UniqueConstraint(fields=["user", "challenge"], name="one_verification_per_challenge")]

    def __str__(self) -> str:
        return f"{self.user} verified for {self.challenge}"
