"""Challenges: the questions leadership asks the city (Wagtail pages), their phases and the
criteria evaluators score ideas on."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from accounts.rules import is_leadership
from home.blocks import BodyBlock

from ..extensions import NO_VOTING, default_voting_method, voting_method_choices


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Opens soon")
    SUBMISSION = "submission", _("Open for ideas")
    VOTING = "voting", _("Voting")
    REVIEW = "review", _("In review")
    CLOSED = "closed", _("Closed")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    RESIDENTS = "residents", _("Residents only")
    STAFF = "staff", _("City staff only")


class ModerationMode(models.TextChoices):
    POST = "post", _("Publish at once, moderate afterwards")
    PRE = "pre", _("Hold new ideas for approval")


class ChallengeIndexPage(Page):
    """Lists the city's challenges grouped by phase."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["ideas.ChallengePage"]
    max_count = 1

    class Meta:
        verbose_name = _("challenge index")

    def route(self, request, path_components):
        """Fetch a challenge by its slug as a ChallengePage in one query (not a Page, then its
        specific type)."""
        if path_components:
            challenge = ChallengePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if challenge is None:
                raise Http404
            challenge._cached_parent_obj = self
            return challenge.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ideas.selectors import challenges_by_phase

        context = super().get_context(request, *args, **kwargs)
        context["phase_groups"] = challenges_by_phase(index=self)
        return context


class ChallengePage(Page):
    """A question leadership asks the city, with the dates of its phases.

    The current phase is derived from the dates (:meth:`phase_at`); it is never stored."""

    question = models.CharField(
        _("question"),
        max_length=250,
        help_text=_("The open question, e.g. “Give us something we have never thought about for our parks.”"),
    )
    summary = models.CharField(_("summary"), max_length=300)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sponsor = models.CharField(_("sponsoring department"), max_length=120, blank=True)
    audience = models.CharField(
        _("who may take part"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )

    ideas_open = models.DateTimeField(_("ideas open"))
    ideas_close = models.DateTimeField(_("ideas close"))
    voting_open = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_close = models.DateTimeField(_("voting closes"), null=True, blank=True)
    review_end = models.DateTimeField(_("review ends"))
    results_published = models.DateTimeField(_("results published"))

    voting_method = models.CharField(
        _("voting method"), max_length=20, choices=voting_method_choices, default=default_voting_method
    )
    supports_per_person = models.PositiveSmallIntegerField(
        _("supports per person"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit; e.g. 5 for dot voting across all ideas."),
    )
    authors_may_support_own = models.BooleanField(_("authors may support their own idea"), default=False)
    hide_totals_during_voting = models.BooleanField(
        _("hide running totals until voting closes"), default=False, help_text=_("Avoids bandwagon effects.")
    )
    residents_must_verify = models.BooleanField(
        _("only verified residents may vote"),
        default=False,
        help_text=_("Voters enter a one-time code the city sent them (upload the codes under Admin → Resident codes)."),
    )
    moderation_mode = models.CharField(
        _("moderation"), max_length=10, choices=ModerationMode.choices, default=ModerationMode.POST
    )
    suggested_tags = models.CharField(
        _("suggested tags"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated tags offered to people submitting ideas."),
    )
    free_tags = models.BooleanField(_("people may add their own tags"), default=True)
    blind_review = models.BooleanField(
        _("blind review"),
        default=False,
        help_text=_("Evaluators see neither authors nor others' scores until they submit their own."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("sponsor"), FieldPanel("audience")], heading=_("Sponsor and audience")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("ideas_open"), FieldPanel("ideas_close")]),
                FieldRowPanel([FieldPanel("voting_open"), FieldPanel("voting_close")]),
                FieldRowPanel([FieldPanel("review_end"), FieldPanel("results_published")]),
            ],
            heading=_("Phases"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("voting_method"),
                FieldPanel("supports_per_person"),
                FieldPanel("authors_may_support_own"),
                FieldPanel("hide_totals_during_voting"),
                FieldPanel("residents_must_verify"),
            ],
            heading=_("Voting"),
        ),
        MultiFieldPanel(
            [FieldPanel("moderation_mode"), FieldPanel("suggested_tags"), FieldPanel("free_tags")], heading=_("Ideas")
        ),
        MultiFieldPanel(
            [FieldPanel("blind_review"), InlinePanel("criteria", label=_("Evaluation criteria"))], heading=_("Review")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["ideas.ChallengeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("challenge")

    def get_context(self, request, *args, **kwargs):
        from ideas.listing import challenge_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(challenge_page_context(self, request))
        return context

    def get_view_restrictions(self):
        """The view restrictions of this page and its ancestors (aliases resolved to their
        source, as Wagtail does) in one query instead of two."""
        if self.alias_of_id:
            return super().get_view_restrictions()
        steplen = self.steplen
        ancestors = Page.objects.filter(path__in=[self.path[:end] for end in range(steplen, len(self.path), steplen)])
        return PageViewRestriction.objects.filter(
            Q(page_id=self.pk)
            | Q(page__in=ancestors.filter(alias_of__isnull=True))
            | Q(page__in=ancestors.filter(alias_of__isnull=False).values("alias_of"))
        )

    def serve(self, request, *args, **kwargs):
        from ideas.seed import remember_seed

        return remember_seed(request, super().serve(request, *args, **kwargs))

    def clean(self):
        super().clean()
        errors = {}
        if self.ideas_open and self.ideas_close and self.ideas_close <= self.ideas_open:
            errors["ideas_close"] = _("Ideas must close after they open.")
        if self.has_voting:
            if not self.voting_open:
                errors["voting_open"] = _("Set when voting opens, or choose “No voting”.")
            if not self.voting_close:
                errors["voting_close"] = _("Set when voting closes, or choose “No voting”.")
        if self.voting_open and self.voting_close:
            if self.voting_close <= self.voting_open:
                errors["voting_close"] = _("Voting must close after it opens.")
            if self.ideas_open and self.voting_open < self.ideas_open:
                errors["voting_open"] = _("Voting cannot open before ideas do.")
            elif self.ideas_close and self.voting_open > self.ideas_close:
                errors["voting_open"] = _(
                    "Voting must open by the time ideas close (it may overlap the submission phase, not leave a gap)."
                )
            if self.ideas_close and self.voting_close < self.ideas_close:
                errors["voting_close"] = _("Voting cannot close before ideas close.")
        last = self.voting_close or self.ideas_close
        if self.review_end and last and self.review_end < last:
            errors["review_end"] = _("Review cannot end before voting (or submission) closes.")
        if self.results_published and self.review_end and self.results_published < self.review_end:
            errors["results_published"] = _("Results cannot be published before review ends.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_voting(self) -> bool:
        """Whether the challenge has a voting phase (what kind is the voting app's business)."""
        return self.voting_method != NO_VOTING

    # Phases -----------------------------------------------------------------------------
    def phase_at(self, now=None) -> str:
        """The phase at ``now``: upcoming, submission, voting, review or closed."""
        now = now or timezone.now()
        if now < self.ideas_open:
            return Phase.UPCOMING
        if self.voting_open and self.voting_close and self.voting_open <= now < self.voting_close:
            return Phase.VOTING
        if now < self.ideas_close:
            return Phase.SUBMISSION
        if now < self.results_published:
            return Phase.REVIEW
        return Phase.CLOSED

    @property
    def phase(self) -> str:
        return self.phase_at()

    def accepts_ideas_at(self, now=None) -> bool:
        now = now or timezone.now()
        return self.ideas_open <= now < self.ideas_close

    def accepts_votes_at(self, now=None) -> bool:
        now = now or timezone.now()
        return bool(
            self.has_voting and self.voting_open and self.voting_close and self.voting_open <= now < self.voting_close
        )

    def is_closed_at(self, now=None) -> bool:
        return self.phase_at(now) == Phase.CLOSED

    def totals_hidden_at(self, now=None) -> bool:
        """Whether running totals (support counts, pairwise scores, the "Most supported" order,
        rankings) are hidden from the public at ``now``: the challenge asks for it and its
        voting has not closed yet (hidden before voting opens too). A challenge without a
        voting window never hides them. Who is exempt: :func:`totals_hidden_for`; the same
        rule as a query: :func:`totals_hidden_q`."""
        now = now or timezone.now()
        return bool(
            self.hide_totals_during_voting
            and self.has_voting
            and self.voting_open
            and self.voting_close
            and now < self.voting_close
        )

    def timeline(self, now=None) -> list[dict]:
        """The phases in order with their dates, for the page's timeline."""
        now = now or timezone.now()
        steps = [(Phase.SUBMISSION, _("Ideas"), self.ideas_open, self.ideas_close)]
        if self.has_voting and self.voting_open:
            steps.append((Phase.VOTING, _("Voting"), self.voting_open, self.voting_close))
        steps.append((Phase.REVIEW, _("Review"), self.voting_close or self.ideas_close, self.review_end))
        steps.append((Phase.CLOSED, _("Results"), self.results_published, None))
        return [
            {
                "phase": phase,
                "label": label,
                "starts": starts,
                "ends": ends,
                "state": "done" if ends and ends <= now else ("current" if starts <= now else "next"),
            }
            for phase, label, starts, ends in steps
        ]

    def get_phase_display(self) -> str:
        return Phase(self.phase).label

    def next_milestone(self, now=None) -> dict | None:
        """The next date that changes what people can do, e.g. {"label": "Ideas close", "at": ...}."""
        now = now or timezone.now()
        dates = [
            (self.ideas_open, _("Ideas open")),
            (self.ideas_close, _("Ideas close")),
            (self.voting_open if self.has_voting else None, _("Voting opens")),
            (self.voting_close if self.has_voting else None, _("Voting closes")),
            (self.review_end, _("Review ends")),
            (self.results_published, _("Results are published")),
        ]
        upcoming = sorted((at, label) for at, label in dates if at and at > now)
        return {"at": upcoming[0][0], "label": upcoming[0][1]} if upcoming else None

    @property
    def suggested_tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.suggested_tags.split(",") if tag.strip()]


def totals_hidden_q(now=None, prefix: str = "") -> Q:
    """:meth:`ChallengePage.totals_hidden_at` as a query, for rows that reach the challenge
    through ``prefix`` (e.g. ``"challenge__"`` from an idea)."""
    now = now or timezone.now()
    return Q(
        **{
            f"{prefix}hide_totals_during_voting": True,
            f"{prefix}voting_open__isnull": False,
            f"{prefix}voting_close__gt": now,
        }
    ) & ~Q(**{f"{prefix}voting_method": NO_VOTING})


def totals_hidden_for(viewer, challenge: ChallengePage | None, now=None) -> bool:
    """Whether ``viewer`` may not see ``challenge``'s running totals at ``now``: hidden from the
    public (:meth:`ChallengePage.totals_hidden_at`) and the viewer is not in leadership, who
    watch the vote as it goes. Every page, API, sort, feed and admin view asks this."""
    return challenge is not None and challenge.totals_hidden_at(now) and not is_leadership(viewer)


class EvaluationCriterion(Orderable):
    """A criterion evaluators score shortlisted ideas on, 1–5, with a weight."""

    challenge = ParentalKey(ChallengePage, related_name="criteria", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("what evaluators should consider"), max_length=300, blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01), MaxValueValidator(10)],
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("weight")]

    class Meta(Orderable.Meta):
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self) -> str:
        return self.name
