"""What the ideas pages share: a service's errors shown on a form (the safe return address
after an action is :func:`accounts.redirects.safe_next`)."""

from django.core.exceptions import ValidationError


def _apply_errors(form, exc: ValidationError, field_map: dict | None = None) -> None:
    """Show a service's validation errors on the form's fields."""
    field_map = field_map or {}
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field_map.get(field, field)
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
