"""Every change made through the API with a token is written to the audit log, in the name
of the token's owner (a person, or a system account), naming the token."""

from rest_framework.permissions import SAFE_METHODS
from wagtail.log_actions import log

from .models import ApiToken


class TokenWriteAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "auth", None)
        if isinstance(token, ApiToken) and request.method not in SAFE_METHODS and response.status_code < 400:
            log(
                instance=token,
                action="integrations.token_write",
                user=token.user,
                data={
                    "token": token.name,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                },
            )
        return response
