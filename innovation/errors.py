"""The one family of errors a service raises when it refuses a request, and the two places
that turn them into answers: JSON for the API (:func:`api_exception_handler`, named in
``REST_FRAMEWORK["EXCEPTION_HANDLER"]``) and a message on a page (:func:`show_error`).

A leaf module: it imports only Django and DRF, never an app, so every app (``accounts``
included) may raise these. A service checks its own rule and raises one of them, so every
caller — page, API, task, admin — gets the same answer without translating anything:

- :class:`Invalid` (400): the input is wrong. It *is* a Django ``ValidationError`` (a message,
  a list, or ``{field: message}``), so a form shows it next to the field it is about.
- :class:`NotAllowed` (403): this person may not do this. It *is* a Django
  ``PermissionDenied``, so a page that does not catch it answers 403.
- :class:`Conflict` (409): the request is fine, but the state of things refuses it now
  (voting has closed, no supports are left).
- :class:`RateLimited` (429): too many writes in a short time; the message says when to try again.

Django's own ``ValidationError`` and ``PermissionDenied`` (from a model's ``clean()``, say) are
answered exactly as :class:`Invalid` and :class:`NotAllowed`.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class ServiceError(Exception):
    """A request a service refuses, with a message for the person. ``code`` says why, for
    programs (e.g. ``closed``, ``cap_reached``, ``own_idea``); ``status_code`` is the HTTP
    status the API answers with."""

    status_code = 400
    default_code = "invalid"

    @property
    def text(self) -> str:
        """The message for people, as one string."""
        return str(self.args[0]) if self.args else ""


class Invalid(ServiceError, DjangoValidationError):
    """Bad input (400). Built like Django's ``ValidationError``: ``Invalid("Too long.")``,
    ``Invalid({"title": "Give your idea a title."})``."""

    def __init__(self, message, code=None, params=None):
        DjangoValidationError.__init__(self, message, code=code, params=params)

    @property
    def text(self) -> str:
        return " ".join(str(message) for message in self.messages)


class RateLimited(Invalid):
    """Too many writes in the window (429); the message says when to try again."""

    status_code = 429


class _Refusal(ServiceError):
    def __init__(self, message=None, *, code: str | None = None):
        self.message = message if message is not None else _("You are not allowed to do this.")
        self.code = code or self.default_code
        super().__init__(str(self.message))

    @property
    def text(self) -> str:
        return str(self.message)


class NotAllowed(_Refusal, DjangoPermissionDenied):
    """This person may not do this (403), e.g. ``NotAllowed(_("Confirm your email address
    to vote."), code="verify")``."""

    status_code = 403
    default_code = "not_allowed"


class Conflict(_Refusal):
    """The request is fine but the state of things refuses it now (409), e.g. voting closed."""

    status_code = 409
    default_code = "conflict"


def error_text(error: Exception) -> str:
    """What to tell the person about ``error`` (one of the family, or Django's own)."""
    if isinstance(error, ServiceError):
        return error.text
    if isinstance(error, DjangoValidationError):
        return " ".join(str(message) for message in error.messages)
    return str(error) or _("You are not allowed to do this.")


def error_body(error: Exception) -> tuple[dict, int]:
    """The JSON body and status of ``error``: field messages for bad input (as DRF's own
    validation errors look), ``{"detail", "code"}`` for a refusal."""
    if isinstance(error, DjangoValidationError):
        status = getattr(error, "status_code", 400)
        if status == 429:
            return {"detail": error_text(error), "code": "rate_limited"}, status
        if hasattr(error, "error_dict"):
            return {field: [str(m) for m in found] for field, found in error.message_dict.items()}, status
        return {"non_field_errors": [str(message) for message in error.messages]}, status
    if isinstance(error, ServiceError):
        return {"detail": error.text, "code": error.code}, error.status_code
    return {"detail": error_text(error), "code": "not_allowed"}, 403


def api_exception_handler(exc, context):
    """DRF's exception handler, also answering the service errors above (and Django's
    ``ValidationError``) as JSON, so no view translates a service's error itself."""
    if isinstance(exc, ServiceError | DjangoValidationError):
        body, status = error_body(exc)
        return Response(body, status=status)
    return drf_exception_handler(exc, context)


def show_error(request, error: Exception, *, form=None, field_map: dict | None = None) -> None:
    """Show a service's refusal on a page: next to the form's fields when it names them
    (``field_map`` renames a service's field to the form's), else as a message."""
    if form is not None and isinstance(error, DjangoValidationError):
        field_map = field_map or {}
        if hasattr(error, "error_dict"):
            for field, found in error.message_dict.items():
                target = field_map.get(field, field)
                form.add_error(target if target in form.fields else None, found)
        else:
            form.add_error(None, error.messages)
        return
    messages.error(request, error_text(error))


def status_of(error: Exception) -> int:
    """The HTTP status a page answers with when it shows ``error`` on the form again."""
    return getattr(error, "status_code", 400 if isinstance(error, DjangoValidationError) else 403)
