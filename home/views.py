from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.utils._os import safe_join
from django.utils.translation import gettext as _

from .health import health
from .media import media_allowed


def healthz(request):
    """For load balancers and monitoring: 200 while the database answers, with what is
    degraded (cache, broker) named; 503 when the database does not."""
    report, status = health()
    response = JsonResponse(report, status=status)
    response["Cache-Control"] = "no-store"
    return response


def serve_media(request, path: str):
    """Serve uploaded media, except files a registered guard keeps private (photos of ideas
    that are not public, see ``home.media``)."""
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception as exc:
        raise Http404 from exc
    if not full.is_file() or not media_allowed(request, path):
        raise Http404
    response = FileResponse(full.open("rb"))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    # Short, so that a shared cache drops a photo soon after its idea stops being public.
    response["Cache-Control"] = "public, max-age=300"
    return response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    """No route matched: JSON under ``/api/`` (as every API error), the site's page elsewhere."""
    if _is_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": str(exception or "") or _("You may not do this.")}, status=403)
    return render(request, "403.html", {"exception": str(exception or "")}, status=403)


def bad_request(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": _("The request could not be understood.")}, status=400)
    return render(request, "400.html", status=400)


def csrf_failure(request, reason: str = ""):
    """A form or API write without a valid CSRF token (a session-authenticated client must
    send one; token clients need none)."""
    return permission_denied(
        request, _("The security token of this request is missing or expired. Reload the page and try again.")
    )


def server_error(request):
    if _is_api(request):
        return JsonResponse({"detail": _("Something went wrong on our side. Please try again later.")}, status=500)
    return render(request, "500.html", status=500)
