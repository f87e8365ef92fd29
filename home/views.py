from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.utils._os import safe_join

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


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
