"""Daily and weekly digests, built in bounded batches.

People are taken in pages of ``NOTIFICATIONS_DIGEST_BATCH`` by id (keyset pagination over a
partial index), and for each page only the newest ``DIGEST_ITEMS`` notifications per person
are read (a window function) with a count of the rest: memory depends on the batch size,
not on how many people or notifications there are. Each digest sent is recorded under the
key ``digest:<frequency>:<person>:<period>``, so a second run the same day sends nothing
twice; a person with nothing new gets no email.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts.i18n import with_language

from .emails import absolute, build_email, unsubscribe_url
from .models import EmailState, Frequency, Notification, SentEmail
from .texts import notification_text

DIGEST_ITEMS = 20
# Digests sent between two records of their keys: at most this many repeat after a crash.
CLAIM_CHUNK = 25
STATES = {Frequency.DAILY: EmailState.DAILY, Frequency.WEEKLY: EmailState.WEEKLY}


def period_of(frequency: str, now) -> str:
    day = timezone.localdate(now)
    if frequency == Frequency.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def _waiting(state: str, cutoff):
    return Notification.objects.filter(email_state=state, created_at__lte=cutoff)


def recipient_batches(*, state: str, cutoff, size: int):
    """Lists of at most ``size`` recipient ids with something waiting, in id order."""
    last = 0
    while True:
        ids = list(
            _waiting(state, cutoff)
            .filter(recipient_id__gt=last)
            .order_by("recipient_id")
            .values_list("recipient_id", flat=True)
            .distinct()[:size]
        )
        if not ids:
            return
        yield ids
        last = ids[-1]


def batch_items(*, ids: list[int], state: str, cutoff) -> tuple[dict[int, list], dict[int, int]]:
    """The newest notifications of each person in ``ids`` (at most DIGEST_ITEMS each) and how
    many each has waiting in all."""
    rows = (
        _waiting(state, cutoff)
        .filter(recipient_id__in=ids)
        .annotate(
            position=Window(
                RowNumber(), partition_by=[F("recipient_id")], order_by=[F("created_at").desc(), F("id").desc()]
            )
        )
        .filter(position__lte=DIGEST_ITEMS)
        .only("id", "recipient_id", "event", "kind", "data", "url", "created_at")
        .order_by("recipient_id", "position")
    )
    items: dict[int, list] = defaultdict(list)
    for notification in rows:
        items[notification.recipient_id].append(notification)
    totals = dict(
        _waiting(state, cutoff)
        .filter(recipient_id__in=ids)
        .values("recipient_id")
        .annotate(n=Count("id"))
        .values_list("recipient_id", "n")
    )
    return items, totals


ITEM_HTML = '<li style="margin:0 0 12px;"><a href="{}" style="color:#1d6b3a;font-weight:bold;">{}</a>{}</li>'


def _entries(notifications: list) -> tuple[str, str]:
    """The digest's list as text and as HTML, built in Python: the one loop that runs for
    every item of every digest stays cheap."""
    text, html = [], []
    for notification in notifications:
        headline, detail = notification_text(notification)
        detail = Truncator(detail).chars(240) if detail else ""
        link = absolute(notification.url) if notification.url else absolute(reverse("notifications:list"))
        text.append("\n".join(line for line in (f"* {headline}", f"  {detail}" if detail else "", f"  {link}") if line))
        html.append(format_html(ITEM_HTML, link, headline, format_html("<br>{}", detail) if detail else ""))
    return "\n\n".join(text), mark_safe("\n".join(html))


def digest_email(*, recipient, frequency: str, notifications: list, total: int):
    items_text, items_html = _entries(notifications)
    if frequency == Frequency.WEEKLY:
        subject = _("Your week in the city's challenges")
        intro = _("What happened this week in what you follow")
    else:
        subject = _("Your day in the city's challenges")
        intro = _("What happened today in what you follow")
    return build_email(
        to=recipient.email,
        subject=subject,
        template="digest",
        context={
            "recipient": recipient,
            "intro": intro,
            "items_text": items_text,
            "items_html": items_html,
            "more": max(total - len(notifications), 0),
            "all_url": absolute(reverse("notifications:list")),
            "kind_label": Frequency(frequency).label,
        },
        unsubscribe=unsubscribe_url(user_id=recipient.pk, kind=f"digest:{frequency}"),
        key=f"digest:{frequency}:{recipient.pk}:{period_of(frequency, timezone.now())}",
    )


def send_due(*, frequency: str, now=None, batch: int | None = None, connection=None) -> int:
    """Send every due digest of ``frequency``; returns how many were sent.

    People are sent their digests in chunks of ``CLAIM_CHUNK``; after each chunk its keys are
    recorded in one statement, and after each batch its notifications are marked sent in
    one statement. A crash repeats at most one chunk's digests (never loses one); a later run
    skips everyone whose key is recorded and marks their notifications sent."""
    state = STATES[frequency]
    now = now or timezone.now()
    period = period_of(frequency, now)
    size = batch or settings.NOTIFICATIONS_DIGEST_BATCH
    User = get_user_model()
    sent = 0
    mail_connection = connection or get_connection()
    with translation.override(settings.LANGUAGE_CODE):
        for ids in recipient_batches(state=state, cutoff=now, size=size):
            items, totals = batch_items(ids=ids, state=state, cutoff=now)
            people = list(
                User.objects.filter(pk__in=ids, is_active=True)
                .exclude(email="")
                .only("id", "email", "display_name", "first_name", "last_name", "language")
            )
            for start in range(0, len(people), CLAIM_CHUNK):
                chunk = [person for person in people[start : start + CLAIM_CHUNK] if items.get(person.pk)]
                keys = {person.pk: f"digest:{frequency}:{person.pk}:{period}" for person in chunk}
                done = set(SentEmail.objects.filter(key__in=keys.values()).values_list("recipient_id", flat=True))
                delivered = []
                for person in chunk:
                    if person.pk in done:
                        continue
                    with with_language(person):  # written in the recipient's language
                        email = digest_email(
                            recipient=person,
                            frequency=frequency,
                            notifications=items[person.pk],
                            total=totals[person.pk],
                        )
                    email.connection = mail_connection
                    email.send()
                    delivered.append(SentEmail(key=keys[person.pk], recipient=person))
                SentEmail.objects.bulk_create(delivered, ignore_conflicts=True)
                sent += len(delivered)
            _waiting(state, now).filter(recipient_id__in=ids).update(email_state=EmailState.SENT, emailed_at=now)
    return sent
