from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def validate_display_name(value: str) -> str:
    """A display name is public, so it may not be an email address (the email stays private)."""
    value = value.strip()
    if "@" in value:
        raise ValidationError(_("Please do not use an email address as your display name."))
    return value
