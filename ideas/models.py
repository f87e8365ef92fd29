"""Challenges (Wagtail pages) and what the community creates for them: ideas, comments,
flags and follows (plain models).

Why one module over 400 lines: ``ChallengePage`` still carries voting's and pipeline's
settings; they move out (and this module splits into challenges, ideas and discussion, as
``pipeline/models/`` is) together, so the page's fields and migrations change once.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from accounts.i18n import current_language
from home.blocks import BodyBlock


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


class VotingMethod(models.TextChoices):
    SUPPORT = "support", _("Support (one click per idea)")
    PAIRWISE = "pairwise", _("Pairwise (choose between two ideas)")
    NONE = "none", _("No voting")


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
        from .selectors import challenges_by_phase

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
        _("voting method"), max_length=20, choices=VotingMethod.choices, default=VotingMethod.SUPPORT
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
        from .views import challenge_page_context

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
        from .views import remember_seed

        return remember_seed(request, super().serve(request, *args, **kwargs))

    def clean(self):
        super().clean()
        errors = {}
        if self.ideas_open and self.ideas_close and self.ideas_close <= self.ideas_open:
            errors["ideas_close"] = _("Ideas must close after they open.")
        if self.voting_method != VotingMethod.NONE:
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
            self.voting_method != VotingMethod.NONE
            and self.voting_open
            and self.voting_close
            and self.voting_open <= now < self.voting_close
        )

    def is_closed_at(self, now=None) -> bool:
        return self.phase_at(now) == Phase.CLOSED

    def timeline(self, now=None) -> list[dict]:
        """The phases in order with their dates, for the page's timeline."""
        now = now or timezone.now()
        steps = [(Phase.SUBMISSION, _("Ideas"), self.ideas_open, self.ideas_close)]
        if self.voting_method != VotingMethod.NONE and self.voting_open:
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
            (self.voting_open if self.voting_method != VotingMethod.NONE else None, _("Voting opens")),
            (self.voting_close if self.voting_method != VotingMethod.NONE else None, _("Voting closes")),
            (self.review_end, _("Review ends")),
            (self.results_published, _("Results are published")),
        ]
        upcoming = sorted((at, label) for at, label in dates if at and at > now)
        return {"at": upcoming[0][0], "label": upcoming[0][1]} if upcoming else None

    @property
    def suggested_tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.suggested_tags.split(",") if tag.strip()]


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


class IdeaStage(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    UNDER_REVIEW = "under_review", _("Under review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    PILOTING = "piloting", _("Piloting")
    ADOPTED = "adopted", _("Adopted")
    NOT_PURSUED = "not_pursued", _("Not pursued")
    MERGED = "merged", _("Merged")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Stages in which an idea is visible to everyone (unless hidden by moderation).
PUBLIC_STAGES = (
    IdeaStage.PUBLISHED,
    IdeaStage.UNDER_REVIEW,
    IdeaStage.SHORTLISTED,
    IdeaStage.SELECTED,
    IdeaStage.PILOTING,
    IdeaStage.ADOPTED,
    IdeaStage.NOT_PURSUED,
    IdeaStage.MERGED,
)


def listed_ideas_q(prefix: str = "") -> Q:
    """The ideas that appear in lists and counts (a challenge's list, its card's "9 ideas"):
    public and not hidden, without those merged into another idea (counted there). ``prefix``
    reaches them through a relation, e.g. ``"ideas__"`` from a challenge."""
    return Q(**{f"{prefix}stage__in": PUBLIC_STAGES, f"{prefix}is_hidden": False}) & ~Q(
        **{f"{prefix}stage": IdeaStage.MERGED}
    )


class TaggedIdea(TaggedItemBase):
    content_object = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, related_name="tagged_items")


class IdeaQuerySet(models.QuerySet):
    def public(self):
        """Ideas anyone may see: in a public stage and not hidden by moderation."""
        return self.filter(stage__in=PUBLIC_STAGES, is_hidden=False)

    def visible_to(self, user):
        """Public ideas plus the viewer's own (drafts, held, hidden)."""
        if getattr(user, "is_authenticated", False):
            return self.filter(Q(stage__in=PUBLIC_STAGES, is_hidden=False) | Q(author=user)).exclude(
                Q(stage=IdeaStage.WITHDRAWN) & ~Q(author=user)
            )
        return self.public()


def written_language_field() -> models.CharField:
    """The language an idea or comment was written in (the writer's interface language then),
    shown as a label and as the ``lang`` of its text."""
    return models.CharField(
        _("written in"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=current_language,
        db_default=settings.LANGUAGE_CODE,
        editable=False,
    )


class Idea(models.Model):
    """An answer to a challenge, written by a resident or member of staff."""

    challenge = models.ForeignKey(
        ChallengePage, verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="ideas"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="ideas"
    )
    title = models.CharField(_("title"), max_length=140)
    summary = models.CharField(_("one-line summary"), max_length=280)
    body = models.TextField(_("description"), blank=True, help_text=_("Sanitised HTML."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("photo description"), max_length=250, blank=True)
    language = written_language_field()
    tags = TaggableManager(through=TaggedIdea, blank=True, verbose_name=_("tags"))
    # The tag names as shown on cards, kept by the services next to ``tags`` so lists need no
    # extra query.
    tag_names = models.CharField(_("tag names"), max_length=500, blank=True, editable=False)
    district = models.ForeignKey(
        "accounts.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    location_name = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=IdeaStage.choices, default=IdeaStage.DRAFT, db_index=True
    )
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    hidden_reason = models.CharField(_("public reason for hiding"), max_length=300, blank=True)
    moderation_message = models.TextField(
        _("message to the author"), blank=True, help_text=_("Why a moderator did not publish the idea.")
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )

    # Counters kept exact by the services that change them (F() updates in the same transaction).
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    follower_count = models.PositiveIntegerField(_("followers"), default=0)
    flag_count = models.PositiveIntegerField(_("open flags"), default=0)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["challenge", "stage", "is_hidden", "-published_at"], name="idea_list_newest"),
            models.Index(fields=["challenge", "-published_at", "-id"], name="idea_challenge_newest"),
            models.Index(fields=["challenge", "-support_count"], name="idea_list_supported"),
            models.Index(fields=["challenge", "-comment_count"], name="idea_list_discussed"),
            models.Index(fields=["author", "-created_at"], name="idea_by_author"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("ideas:idea_detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.stage in PUBLIC_STAGES and not self.is_hidden

    @property
    def tag_list(self) -> list[str]:
        return [name for name in self.tag_names.split(",") if name]


class Comment(models.Model):
    """A contribution to the discussion of an idea; replies nest under a parent."""

    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("reply to"), null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    body = models.TextField(_("comment"), help_text=_("Sanitised HTML."))
    language = written_language_field()
    is_official = models.BooleanField(_("official response"), default=False)
    is_deleted = models.BooleanField(_("removed by its author"), default=False)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    hidden_reason = models.CharField(_("public reason for hiding"), max_length=300, blank=True)
    flag_count = models.PositiveIntegerField(_("open flags"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["idea", "created_at"], name="comment_thread")]

    def __str__(self) -> str:
        return f"{self.author} on {self.idea}"

    @property
    def excerpt(self) -> str:
        """The start of the comment as plain text (for moderators' lists)."""
        from django.utils.html import strip_tags
        from django.utils.text import Truncator

        return Truncator(strip_tags(self.body)).chars(120)


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive or hateful")
    PERSONAL = "personal", _("Shares someone's personal information")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld (content hidden)")
    DISMISSED = "dismissed", _("Dismissed")


class Flag(models.Model):
    """Someone's report that an idea or a comment breaks the rules. One per person per item."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE, related_name="flags"
    )
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    details = models.CharField(_("details"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=FlagStatus.choices, default=FlagStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(idea__isnull=False) & Q(comment__isnull=True))
                | (Q(idea__isnull=True) & Q(comment__isnull=False)),
                name="flag_targets_one_thing",
            ),
            models.UniqueConstraint(
                fields=["reporter", "idea"], condition=Q(idea__isnull=False), name="one_flag_per_idea"
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"], condition=Q(comment__isnull=False), name="one_flag_per_comment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.idea or self.comment}"


class Follow(models.Model):
    """A person follows a challenge or an idea (for notifications)."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("follower"), on_delete=models.CASCADE, related_name="follows"
    )
    challenge = models.ForeignKey(
        ChallengePage,
        verbose_name=_("challenge"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(idea__isnull=False) & Q(challenge__isnull=True))
                | (Q(idea__isnull=True) & Q(challenge__isnull=False)),
                name="follow_targets_one_thing",
            ),
            models.UniqueConstraint(
                fields=["follower", "idea"], condition=Q(idea__isnull=False), name="one_follow_per_idea"
            ),
            models.UniqueConstraint(
                fields=["follower", "challenge"], condition=Q(challenge__isnull=False), name="one_follow_per_challenge"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follower} follows {self.idea or self.challenge}"
