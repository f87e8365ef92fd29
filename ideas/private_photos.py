"""Photos of ideas that are not public (drafts, held, withdrawn, rejected, hidden) reach only
the people who may see the idea.

- Every photo is stored under a random file name (:func:`ideas.photos.store_photo`), so its
  address cannot be guessed.
- ``/media/`` refuses (404) the original and every rendition of a photo whose idea is not
  public (:func:`media_guard`, registered with ``home.media``), whoever asks.
- Pages and the API show such photos from ``/ideas/<id>/photo/<size>/``
  (:func:`serve_idea_photo`), which checks ``ideas.view_idea`` like the idea page itself and
  is never cached by shared caches. Public ideas keep their plain rendition addresses, which
  a proxy or CDN may cache.

The view and the guard live beside the address rule (:func:`photo_for`) they share.
"""

import mimetypes

from django.http import FileResponse, Http404
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model

from .models import Idea, public_ideas_q
from .photos import DETAIL_RENDITION, LIST_RENDITION

SIZES = {"list": LIST_RENDITION, "detail": DETAIL_RENDITION}


def photo_for(idea: Idea, size: str) -> dict | None:
    """``{"url", "width", "height", "alt"}`` of the idea's photo at ``size`` (list or detail),
    at an address only the idea's readers can open when the idea is not public."""
    if not idea.image_id:
        return None
    rendition = idea.image.get_rendition(SIZES[size])
    url = rendition.url if idea.is_public else reverse("ideas:idea_photo", kwargs={"pk": idea.pk, "size": size})
    return {"url": url, "width": rendition.width, "height": rendition.height, "alt": idea.image_alt}


def media_guard(request, path: str) -> bool:
    """Whether ``/media/<path>`` may be served: False for any file of a photo that belongs to
    an idea that is not public."""
    image_model = get_image_model()
    if path.startswith("original_images/"):
        images = image_model.objects.filter(file=path).values("pk")
    elif path.startswith("images/"):
        images = image_model.get_rendition_model().objects.filter(file=path).values("image_id")
    else:
        return True
    private = ~public_ideas_q()
    return not Idea.objects.filter(private, image__in=images).exists()


@require_GET
def serve_idea_photo(request, pk: int, size: str):
    """The idea's photo for someone who may see the idea; 404 for everyone else."""
    idea = Idea.objects.select_related("image", "challenge").filter(pk=pk).first()
    if idea is None or not idea.image_id or size not in SIZES or not request.user.has_perm("ideas.view_idea", idea):
        raise Http404
    rendition = idea.image.get_rendition(SIZES[size])
    content_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
    response = FileResponse(rendition.file.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600" if idea.is_public else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
