"""What the integrations app holds about a person, for "Download my data" and "Delete my
account" (registered into ``accounts.privacy`` from ``IntegrationsConfig.ready``)."""

from accounts.privacy import register_eraser, register_exporter

from .models import ApiToken


def token_rows(user) -> list[dict]:
    """The person's API tokens as they see them on their tokens page: name, access, the first
    characters and dates. Never the token itself (only its digest is kept anyway)."""
    return [
        {
            "name": token.name,
            "access": token.access,
            "prefix": token.token_key,
            "created_at": token.created,
            "expires_at": token.expiry,
            "last_used_at": token.last_used_at,
        }
        for token in ApiToken.objects.filter(user=user).order_by("created", "pk")
    ]


def erase(*, user, remove_contributions: bool) -> None:
    """A deleted account's tokens stop working at once."""
    ApiToken.objects.filter(user=user).delete()


def register() -> None:
    register_exporter("api_tokens", token_rows)
    register_eraser("api_tokens", erase)
