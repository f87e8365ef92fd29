"""Challenges through the API, with their ideas."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError

from .. import selectors
from ..extensions import sorts_for
from ..filters import IdeaFilterSet, refuse_invalid
from ..models import ChallengePage
from .common import LIST_PARAMETERS, _follow, _IdeaWriting, _seed
from .permissions import RulesPermission, WriteThrottle
from .serializers import FOLLOW, ChallengeSerializer, IdeaSerializer, IdeaWriteSerializer, PaginatedIdeas


@extend_schema_view(
    list=extend_schema(summary="Live challenges, newest first"),
    retrieve=extend_schema(summary="A challenge with its phase dates"),
)
class ChallengeViewSet(_IdeaWriting, viewsets.ReadOnlyModelViewSet):
    serializer_class = ChallengeSerializer
    permission_classes = [RulesPermission]
    throttle_classes = [WriteThrottle, *viewsets.ReadOnlyModelViewSet.throttle_classes]
    write_throttle_scope = "ideas_api_writes"
    rules_permissions = {"follow": "ideas.follow"}

    def get_queryset(self):
        # Translations (other locales) are shown through the page they translate, never listed.
        return (
            ChallengePage.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("-ideas_open", "-id")
        )

    def get_serializer(self, *args, **kwargs):
        if args and self.action in ("list", "retrieve"):
            selectors.attach_challenge_totals(list(args[0]) if kwargs.get("many") else [args[0]])
        return super().get_serializer(*args, **kwargs)

    @extend_schema(
        methods=["GET"],
        summary="The challenge's ideas",
        parameters=LIST_PARAMETERS,
        responses=PaginatedIdeas,
    )
    @extend_schema(
        methods=["POST"],
        summary="Share an idea in the challenge (or save a draft)",
        request=IdeaWriteSerializer,
        responses={201: IdeaSerializer},
    )
    @action(detail=True, methods=["get", "post"], url_path="ideas")
    def ideas(self, request, pk=None):
        challenge = get_object_or_404(ChallengePage.objects.live(), pk=pk)
        if request.method == "POST":
            return self.create_idea(request, challenge)
        sort = request.query_params.get("sort") or selectors.DEFAULT_SORT
        try:
            ideas = selectors.ideas_for_challenge(
                challenge=challenge,
                viewer=request.user,
                sort=sort,
                filters=refuse_invalid(IdeaFilterSet(request.query_params, challenge=challenge)),
                seed=_seed(request),
                request=request,
            )
        except selectors.UnknownSort as exc:
            choices = ", ".join(option.key for option in sorts_for(request.user, challenge))
            raise ValidationError({"sort": [_("Choose one of: %(choices)s.") % {"choices": choices}]}) from exc
        page = self.paginate_queryset(ideas)
        return self.get_paginated_response(IdeaSerializer(page, many=True, context=self.get_serializer_context()).data)

    @extend_schema(summary="Follow (POST) or stop following (DELETE) the challenge", request=None, responses=FOLLOW)
    @action(detail=True, methods=["post", "delete"])
    def follow(self, request, pk=None):
        challenge = get_object_or_404(ChallengePage.objects.live(), pk=pk)
        self.check_object_permissions(request, challenge)
        return _follow(request, challenge=challenge)
