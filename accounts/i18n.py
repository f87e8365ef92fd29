"""A person's language: the one their pages, emails and notifications are written in.

Anything sent to someone outside a request of theirs (emails, digests, notifications made by
a Celery task) is rendered inside ``with_language(person)``::

    with with_language(recipient):
        subject = gettext("Your idea was published")
        body = render_to_string("notifications/email/idea_published.txt", context)
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def supported_language(code: str | None) -> str | None:
    """The configured language matching ``code`` ("es-MX" → "es"), or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def language_of(user) -> str:
    """The language to address a person in: their chosen one, else the site's default."""
    return supported_language(getattr(user, "language", "")) or settings.LANGUAGE_CODE


@contextmanager
def with_language(user):
    """Render everything inside the block in the person's language (then restore the previous one)."""
    with translation.override(language_of(user)):
        yield


def current_language() -> str:
    """The interface language in use now (what a person writes in, by default)."""
    return supported_language(translation.get_language()) or settings.LANGUAGE_CODE
