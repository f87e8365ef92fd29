"""Which version of the terms of use people must have accepted before they contribute.

The version is a setting (``GREENLIGHT_TERMS_VERSION``, e.g. "2026-12"): editors change the
terms page in the CMS, then the version, and everyone signed in accepts again before their
next idea, comment or vote. An empty version turns the check off.
"""

from django.conf import settings

from .models import TermsAcceptance
from .standing import fact


def current_terms_version() -> str:
    return getattr(settings, "GREENLIGHT_TERMS_VERSION", "") or ""


def accepted_terms_version(user) -> str | None:
    """The newest version the person accepted, or None."""
    return TermsAcceptance.objects.filter(user=user).values_list("version", flat=True).first()


def must_accept_terms(user) -> bool:
    """Signed in, terms in force, and the person has not accepted the current version."""
    version = current_terms_version()
    if not version or not getattr(user, "is_authenticated", False):
        return False
    accepted = fact(
        user, f"accounts.terms_accepted:{version}", TermsAcceptance.objects.filter(user=user, version=version).exists
    )
    return not accepted
