"""What the ideas pages share: a service's errors shown on a form, and the safe return
address after an action."""

from django.core.exceptions import ValidationError
from django.utils.http import url_has_allowed_host_and_scheme


def _apply_errors(form, exc: ValidationError, field_map: dict | None = None) -> None:
    """Show a service's validation errors on the form's fields."""
    field_map = field_map or {}
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field_map.get(field, field)
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback
