"""What the challenge and idea endpoints share: list parameters and filters, the seed of the
random order, creating an idea, following and reporting."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
)
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .. import selectors, services
from ..converters import whole_number
from ..filters import IdeaFilterSet
from ..photos import DETAIL_RENDITION
from ..seed import SEED_MAX, visitor_seed
from .serializers import FlagSerializer, IdeaSerializer, IdeaWriteSerializer


def _filter_parameters(filterset_class) -> list[OpenApiParameter]:
    """The filters of ``filterset_class`` as query parameters, for an action the schema cannot
    read them from (``DjangoFilterBackend`` documents a list of the view's own model)."""
    parameters = []
    for name, each in filterset_class.base_filters.items():
        choices = each.extra.get("choices")
        enum = [value for value, _label in choices] if choices and not callable(choices) else None
        description = str(each.extra.get("help_text") or each.label or "")
        parameters.append(OpenApiParameter(name, str, enum=enum, description=description))
    return parameters


LIST_PARAMETERS = [
    OpenApiParameter("sort", str, description="A sort key the challenge offers (see the challenge's `sorts`)."),
    *_filter_parameters(IdeaFilterSet),
    OpenApiParameter("seed", int, description="Keeps the random order stable between pages."),
]


def _seed(request) -> int:
    raw = request.query_params.get("seed", "")
    if not raw:
        return visitor_seed(request)
    seed = whole_number(raw, maximum=SEED_MAX)
    if seed is None:
        raise ValidationError({"seed": [_("The seed must be a whole number from 0 to %(max)s.") % {"max": SEED_MAX}]})
    return seed


class _IdeaWriting:
    """Shared by the challenge's ``ideas`` action and ``ideas/``: create through the service."""

    def create_idea(self, request, challenge):
        serializer = IdeaWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        idea = services.idea_create(
            challenge=challenge,
            author=request.user,
            title=data["title"],
            summary=data["summary"],
            body=data.get("body", ""),
            tags=data.get("tags", []),
            district=data.get("district"),
            location_name=data.get("location_name", ""),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            photo=data.get("photo"),
            photo_alt=data.get("photo_alt", ""),
            photo_consent=data.get("photo_consent", False),
            submit=data.get("submit", True),
        )
        idea = selectors.idea_for_viewer(pk=idea.pk, viewer=request.user)
        context = {**self.get_serializer_context(), "rendition": DETAIL_RENDITION}
        return Response(IdeaSerializer(idea, context=context).data, status=status.HTTP_201_CREATED)


def _follow(request, **target):
    if request.method == "DELETE":
        services.follow_remove(follower=request.user, **target)
        return Response({"following": False})
    services.follow_add(follower=request.user, **target)
    return Response({"following": True}, status=status.HTTP_201_CREATED)


def _flag(request, **target):
    serializer = FlagSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    services.flag_add(reporter=request.user, **target, **serializer.validated_data)
    return Response({"detail": _("Thank you for your report. A moderator will look at it.")}, status=201)
