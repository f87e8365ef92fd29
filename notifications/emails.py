"""The email consumer's half of delivery: emails people want right away, one per notification,
each under its deduplication key (``SentEmail``), sent by a Celery task after the relay's
commit and swept by beat. Every email has a text and an HTML part, the programme's name and
address, and a one-click unsubscribe link for its kind (also as ``List-Unsubscribe`` headers).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.i18n import with_language
from innovation.queue import queue_task

from .models import EmailState, Kind, Notification, SentEmail
from .texts import notification_text

UNSUBSCRIBE_SALT = "greenlight.notifications.unsubscribe"
SEND_BATCH = 200


def kick_sender() -> None:
    """Start sending the emails that are due; a broker outage is left to beat's sweep."""
    from .tasks import send_pending_emails

    queue_task(send_pending_emails)


def absolute(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + url.lstrip("/")


# Unsubscribe tokens -----------------------------------------------------------------------
def unsubscribe_token(*, user_id: int, kind: str) -> str:
    """A signed, timestamped token that turns off one kind of email (or a digest) for one person."""
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, kind) from a token; raises ``signing.BadSignature`` (or its subclass
    ``SignatureExpired``) for a tampered or expired one."""
    max_age = settings.NOTIFICATIONS_UNSUBSCRIBE_MAX_AGE_DAYS * 86400
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=max_age)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("k"), str):
        raise signing.BadSignature("Malformed unsubscribe token")
    return data["u"], data["k"]


def unsubscribe_url(*, user_id: int, kind: str) -> str:
    return absolute(
        reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user_id=user_id, kind=kind)})
    )


# Building --------------------------------------------------------------------------------
def programme_context() -> dict:
    return {
        "programme_name": settings.GREENLIGHT_PROGRAMME_NAME,
        "programme_address": settings.GREENLIGHT_PROGRAMME_ADDRESS,
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "preferences_url": absolute(reverse("notifications:preferences")),
    }


def build_email(*, to: str, subject: str, template: str, context: dict, unsubscribe: str, key: str):
    """One email with text and HTML parts from ``notifications/email/<template>.txt|html``."""
    context = {**programme_context(), **context, "unsubscribe_url": unsubscribe}
    text = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    domain = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    email = EmailMultiAlternatives(
        subject=" ".join(f"[{settings.GREENLIGHT_PROGRAMME_NAME}] {subject}".split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # The same email always carries the same id, so a repeat can be recognised.
            "Message-ID": f"<{key.replace(':', '.')}@{domain}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    email.attach_alternative(html, "text/html")
    return email


def notification_email(notification: Notification):
    headline, detail = notification_text(notification)
    recipient = notification.recipient
    return build_email(
        to=recipient.email,
        subject=headline,
        template="notification",
        context={
            "recipient": recipient,
            "headline": headline,
            "detail": detail,
            "link": absolute(notification.url) if notification.url else "",
            "kind_label": Kind(notification.kind).label,
        },
        unsubscribe=unsubscribe_url(user_id=recipient.pk, kind=notification.kind),
        key=f"notification:{notification.pk}",
    )


# Sending ---------------------------------------------------------------------------------
def send_pending(*, batch: int = SEND_BATCH) -> tuple[int, bool]:
    """Send up to ``batch`` waiting emails, each in its own transaction that holds the
    notification's row, so two workers never send the same one. Returns (sent, more waiting)."""
    sent = 0
    waiting = Notification.objects.filter(email_state=EmailState.PENDING)
    with translation.override(settings.LANGUAGE_CODE):
        for _ in range(batch):
            with transaction.atomic():
                notification = (
                    waiting.select_for_update(skip_locked=True, of=("self",))
                    .select_related("recipient")
                    .order_by("id")
                    .first()
                )
                if notification is None:
                    return sent, False
                key = f"notification:{notification.pk}"
                if not SentEmail.objects.filter(key=key).exists():
                    recipient = notification.recipient
                    if recipient.is_active and recipient.email:
                        with with_language(recipient):  # written in the recipient's language
                            email = notification_email(notification)
                        email.send()
                        sent += 1
                    SentEmail.objects.create(key=key, recipient=recipient)
                notification.email_state = EmailState.SENT
                notification.emailed_at = timezone.now()
                notification.save(update_fields=["email_state", "emailed_at"])
    return sent, waiting.exists()
