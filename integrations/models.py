"""API tokens for people and systems, webhook endpoints and their deliveries."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken
from knox.settings import CONSTANTS


def _person_or_none(verbose_name):
    """A reference to who did something, kept empty if that person's account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class TokenAccess(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class SystemAccount(models.Model):
    """Another of the city's systems (a 311 desk, a work-order system, the data portal) that
    uses the API as a user of its own, with one role chosen by leadership."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="system_account"
    )
    name = models.CharField(_("name"), max_length=80, unique=True)
    description = models.CharField(_("what it is for"), max_length=300, blank=True)
    created_by = _person_or_none(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("system account")
        verbose_name_plural = _("system accounts")

    def __str__(self) -> str:
        return self.name


class ApiToken(AbstractAuthToken):
    """A named API token. Only the SHA-512 digest is kept: the token itself is shown once.

    Personal tokens belong to the person who made them; service tokens belong to a system
    account and were made by leadership (``created_by``)."""

    id = models.BigAutoField(primary_key=True)
    digest = models.CharField(max_length=CONSTANTS.DIGEST_LENGTH, unique=True)
    name = models.CharField(_("name"), max_length=80)
    access = models.CharField(_("access"), max_length=10, choices=TokenAccess.choices, default=TokenAccess.READ)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    created_by = _person_or_none(_("created by"))

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return self.name

    @property
    def is_read_only(self) -> bool:
        return self.access == TokenAccess.READ

    @property
    def has_expired(self) -> bool:
        return self.expiry is not None and self.expiry <= timezone.now()


class WebhookEndpoint(models.Model):
    """A receiver in another system that wants to hear about some events, signed with its secret."""

    name = models.CharField(_("name"), max_length=100, help_text=_("e.g. “Public works order system”"))
    url = models.URLField(
        _("URL"), max_length=500, help_text=_("HTTPS recommended. Must be reachable from the internet.")
    )
    events = models.JSONField(_("events"), default=list)
    secret = models.CharField(
        _("signing secret"),
        max_length=120,
        help_text=_("Shared with the receiver, which checks the webhook-signature header with it."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_by = _person_or_none(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.name


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed (gave up)")


class WebhookDelivery(models.Model):
    """One event for one endpoint. The body is kept as sent, so every retry carries the
    same bytes and the same ``webhook-id``; the unique pair (endpoint, event) means an
    event handed over twice is still delivered once."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name=_("endpoint"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event_id = models.CharField(_("event id"), max_length=64)
    event_type = models.CharField(_("event"), max_length=64)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempt_count = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    # While an attempt runs, no other worker takes the delivery; a worker that dies leaves
    # the lease to expire, after which the sweep tries again.
    leased_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [models.UniqueConstraint(fields=["endpoint", "event_id"], name="one_delivery_per_event")]

    def __str__(self) -> str:
        return f"{self.event_type} → {self.endpoint}"


class AttemptOutcome(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    HTTP_ERROR = "http_error", _("Receiver answered with an error")
    TIMEOUT = "timeout", _("Timed out")
    UNREACHABLE = "unreachable", _("Could not connect")
    REFUSED = "refused", _("Refused: address not allowed")
    INTERRUPTED = "interrupted", _("Interrupted (the worker stopped)")


class WebhookAttempt(models.Model):
    """One try at sending a delivery: when, what the receiver answered, and how it went."""

    delivery = models.ForeignKey(
        WebhookDelivery, verbose_name=_("delivery"), on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=AttemptOutcome.choices, default=AttemptOutcome.RUNNING
    )
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    response_excerpt = models.CharField(_("response"), max_length=500, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    requested_by = _person_or_none(_("redelivered by"))

    class Meta:
        ordering = ["delivery", "number"]
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")

    def __str__(self) -> str:
        return f"#{self.number} {self.get_outcome_display()}"
