"""Ideas: what residents and staff answer a challenge with, their stages and the one rule
for which ideas appear in lists (:func:`listed_ideas_q`)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from accounts.i18n import current_language

from .challenges import ChallengePage


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


def public_ideas_q(prefix: str = "") -> Q:
    """The ideas anyone may see (an idea's page, a support that counts): in a public stage and
    not hidden by moderation. ``prefix`` reaches them through a relation, e.g. ``"idea__"``."""
    return Q(**{f"{prefix}stage__in": PUBLIC_STAGES, f"{prefix}is_hidden": False})


def listed_ideas_q(prefix: str = "") -> Q:
    """The ideas that appear in lists and counts (a challenge's list, its card's "9 ideas"):
    public and not hidden, without those merged into another idea (counted there). ``prefix``
    reaches them through a relation, e.g. ``"ideas__"`` from a challenge."""
    return public_ideas_q(prefix) & ~Q(**{f"{prefix}stage": IdeaStage.MERGED})


class TaggedIdea(TaggedItemBase):
    content_object = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, related_name="tagged_items")


class IdeaQuerySet(models.QuerySet):
    """Who sees which ideas, in two questions that are deliberately different:

    - *In a list* (a challenge's ideas, the API list, maps, counts, results, feeds):
      :meth:`listed_for` — the listed ideas (:func:`listed_ideas_q`: public, not merged
      into another idea) plus, for a signed-in viewer, their own ideas awaiting approval,
      so they see where theirs will appear. Drafts, rejected, withdrawn and hidden ideas,
      even one's own, are not listed (one's own are on "My ideas").
    - *On its own page* (a detail view, a support or comment on it): :meth:`visible_to` —
      every public idea (a merged one too: its page leads to where it went) plus all the
      viewer's own ideas (drafts, held, hidden), but not someone else's withdrawn idea.

    :meth:`public` is what anyone may see on a page, with no viewer."""

    def public(self):
        """Ideas anyone may see: in a public stage and not hidden by moderation."""
        return self.filter(public_ideas_q())

    def visible_to(self, user):
        """Public ideas plus the viewer's own (drafts, held, hidden): what a detail page may show."""
        if getattr(user, "is_authenticated", False):
            return self.filter(public_ideas_q() | Q(author=user)).exclude(
                Q(stage=IdeaStage.WITHDRAWN) & ~Q(author=user)
            )
        return self.public()

    def listed_for(self, viewer=None):
        """The ideas ``viewer`` sees in a list: listed ideas plus their own awaiting approval.
        ``None`` or an anonymous visitor: what everyone sees."""
        visible = listed_ideas_q()
        if getattr(viewer, "is_authenticated", False):
            visible |= Q(author=viewer, stage=IdeaStage.SUBMITTED)
        return self.filter(visible)


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
            # The challenge map: only ideas with a place, so a challenge of 100,000 ideas with
            # few places finds them without walking the rest.
            models.Index(
                fields=["challenge", "-published_at", "-id"],
                name="idea_map_newest",
                condition=models.Q(latitude__isnull=False, longitude__isnull=False),
            ),
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
        """One idea's answer to :func:`public_ideas_q`."""
        return self.stage in PUBLIC_STAGES and not self.is_hidden

    @property
    def is_listed(self) -> bool:
        """One idea's answer to :func:`listed_ideas_q`."""
        return self.is_public and self.stage != IdeaStage.MERGED

    @property
    def tag_list(self) -> list[str]:
        return [name for name in self.tag_names.split(",") if name]
