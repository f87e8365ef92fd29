"""Records of the notifications app: the transactional outbox (messages and their handover to
each consumer), what each person is told on the site and by email, and their choices."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """An event to deliver, written in the same transaction as the change that caused it.

    ``payload`` holds ids and small public facts; never emails or who supported what."""

    event = models.CharField(_("event"), max_length=60, db_index=True)
    payload = models.JSONField(_("payload"), default=dict)
    key = models.CharField(_("deduplication key"), max_length=200, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True, db_index=True)
    relayed_at = models.DateTimeField(_("handed to every consumer"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["id"]
        indexes = [
            models.Index(fields=["id"], condition=Q(relayed_at__isnull=True), name="outbox_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.event} #{self.pk}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a retry")
    DONE = "done", _("Delivered")
    PARKED = "parked", _("Parked after repeated failures")


class OutboxDelivery(models.Model):
    """One message handed to one consumer. Once ``done`` it is never handed over again; a
    consumer that keeps raising is ``parked`` until someone retries it from the admin."""

    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="deliveries")
    consumer = models.CharField(_("consumer"), max_length=60)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("outbox delivery")
        verbose_name_plural = _("outbox deliveries")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["message", "consumer"], name="one_delivery_per_consumer"),
        ]
        indexes = [models.Index(fields=["status", "updated_at"], name="outbox_delivery_status")]

    def __str__(self) -> str:
        return f"{self.message} → {self.consumer}"


class Kind(models.TextChoices):
    """What a notification is about, as people choose their emails for it."""

    MY_IDEAS = "my_ideas", _("Decisions and news about my ideas")
    COMMENTS_ON_MY_IDEAS = "my_idea_comments", _("Comments on my ideas")
    REPLIES = "replies", _("Replies to my comments")
    FOLLOWED_IDEAS = "followed_ideas", _("Ideas I follow")
    FOLLOWED_CHALLENGES = "followed_challenges", _("Challenges I follow")
    FOLLOWED_PILOTS = "followed_pilots", _("Pilots I follow")
    ANNOUNCEMENTS = "announcements", _("Announcements to followers of a challenge")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Right away")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


DEFAULT_FREQUENCY = {
    Kind.MY_IDEAS: Frequency.IMMEDIATE,
    Kind.COMMENTS_ON_MY_IDEAS: Frequency.IMMEDIATE,
    Kind.REPLIES: Frequency.IMMEDIATE,
    Kind.FOLLOWED_IDEAS: Frequency.DAILY,
    Kind.FOLLOWED_CHALLENGES: Frequency.IMMEDIATE,
    Kind.FOLLOWED_PILOTS: Frequency.DAILY,
    Kind.ANNOUNCEMENTS: Frequency.IMMEDIATE,
}


class EmailState(models.TextChoices):
    NONE = "none", _("No email")
    PENDING = "pending", _("To send right away")
    DAILY = "daily", _("In the next daily digest")
    WEEKLY = "weekly", _("In the next weekly digest")
    SENT = "sent", _("Sent")


class Notification(models.Model):
    """What one person is told on the site (and maybe by email) about one event."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    message = models.ForeignKey(
        OutboxMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    event = models.CharField(_("event"), max_length=60)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    data = models.JSONField(_("details"), default=dict)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_state = models.CharField(_("email"), max_length=10, choices=EmailState.choices, default=EmailState.NONE)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            # The in-site consumer's deduplication key: one notification per person per event.
            models.UniqueConstraint(fields=["message", "recipient"], name="one_notification_per_event_person"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"),
            models.Index(
                fields=["email_state", "recipient"],
                condition=Q(email_state__in=["pending", "daily", "weekly"]),
                name="notification_email_queue",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} for {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class EmailPreference(models.Model):
    """How often one person wants email about one kind of notification (absent: the default)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    frequency = models.CharField(_("email"), max_length=10, choices=Frequency.choices)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("email preference")
        verbose_name_plural = _("email preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.frequency}"


class SentEmail(models.Model):
    """The email consumer's deduplication record: one row per email, by its key
    (``notification:<id>`` or ``digest:daily:<person>:<date>``)."""

    key = models.CharField(max_length=120, unique=True)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")

    def __str__(self) -> str:
        return self.key
