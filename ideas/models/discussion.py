"""The discussion around ideas: comments, reports (flags) and follows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .challenges import ChallengePage
from .ideas import Idea, written_language_field


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
