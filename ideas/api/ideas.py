"""Ideas through the API: list, detail, support-free writes, comments, timeline, follow, report."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from .. import selectors, services
from ..converters import whole_number
from ..models import ChallengePage, Comment
from ..photos import DETAIL_RENDITION
from .common import LIST_PARAMETERS, _filters, _flag, _follow, _IdeaWriting
from .permissions import RulesPermission, WriteThrottle
from .serializers import (
    FOLLOW,
    CommentSerializer,
    CommentWriteSerializer,
    DetailSerializer,
    FlagSerializer,
    IdeaSerializer,
    IdeaWriteSerializer,
    PaginatedComments,
)


@extend_schema_view(
    list=extend_schema(
        summary="Public ideas (and your own), filtered",
        parameters=[OpenApiParameter("challenge", int), *LIST_PARAMETERS[1:4]],
    ),
    retrieve=extend_schema(summary="An idea you may see"),
    create=extend_schema(summary="Share an idea (or save a draft)", request=IdeaWriteSerializer),
    partial_update=extend_schema(summary="Change your idea while it is open", request=IdeaWriteSerializer),
    update=extend_schema(summary="Change your idea while it is open", request=IdeaWriteSerializer),
    destroy=extend_schema(summary="Withdraw your idea"),
)
class IdeaViewSet(_IdeaWriting, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = IdeaSerializer
    permission_classes = [RulesPermission]
    throttle_classes = [WriteThrottle, *viewsets.GenericViewSet.throttle_classes]
    write_throttle_scope = "ideas_api_writes"
    rules_permissions = {
        "retrieve": "ideas.view_idea",
        "update": "ideas.change_idea",
        "partial_update": "ideas.change_idea",
        "destroy": "ideas.withdraw_idea",
        "submit": "ideas.submit_idea",
        "comments": "ideas.view_idea",
        "flag": "ideas.view_idea",  # who may report is the service's rule (it says why not)
        "follow": "ideas.follow",
    }

    def get_queryset(self):
        viewer = self.request.user
        queryset = selectors.idea_list_queryset().listed_for(viewer)
        if viewer.is_authenticated:
            # With no "my ideas" endpoint, the list is where an API client finds its own drafts.
            queryset |= selectors.idea_list_queryset().filter(author=viewer)
        if self.action == "list":
            params = self.request.query_params
            challenge = params.get("challenge", "")
            if challenge:
                challenge_id = whole_number(challenge)
                if challenge_id is None:
                    raise ValidationError({"challenge": [_("A challenge id is a whole number.")]})
                queryset = queryset.filter(challenge_id=challenge_id)
            filters = _filters(self.request)
            if filters["tag"]:
                queryset = queryset.filter(tags__slug=filters["tag"])
            if filters["district"]:
                queryset = queryset.filter(district__slug=filters["district"])
            if filters["stage"]:
                queryset = queryset.filter(stage=filters["stage"])
            queryset = queryset.order_by("-published_at", "-id")
        return queryset

    def get_object(self):
        idea = selectors.idea_for_viewer(pk=self.kwargs["pk"], viewer=self.request.user)
        if idea is None:
            raise NotFound(_("No idea here, or not one you may see."))
        self.check_object_permissions(self.request, idea)
        return idea

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action != "list":
            context["rendition"] = DETAIL_RENDITION
        return context

    def create(self, request):
        challenge_id = whole_number(request.data.get("challenge"))
        challenge = ChallengePage.objects.live().filter(pk=challenge_id).first() if challenge_id is not None else None
        if challenge is None:
            raise ValidationError({"challenge": [_("Choose a challenge that exists.")]})
        return self.create_idea(request, challenge)

    def update(self, request, pk=None, partial=False):
        idea = self.get_object()
        serializer = IdeaWriteSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        for key in ("challenge", "submit"):
            data.pop(key, None)
        tags = data.pop("tags", None)
        remove_photo = data.pop("remove_photo", False)
        idea = services.idea_update(idea=idea, actor=request.user, tags=tags, remove_photo=remove_photo, **data)
        return Response(self.get_serializer(selectors.idea_for_viewer(pk=idea.pk, viewer=request.user)).data)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    def destroy(self, request, pk=None):
        idea = self.get_object()
        services.idea_withdraw(idea=idea, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="Submit your draft", request=None, responses=IdeaSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        idea = self.get_object()
        idea = services.idea_submit(idea=idea, actor=request.user)
        return Response(self.get_serializer(selectors.idea_for_viewer(pk=idea.pk, viewer=request.user)).data)

    @extend_schema(methods=["GET"], summary="The discussion", responses=PaginatedComments)
    @extend_schema(
        methods=["POST"],
        summary="A new comment or reply",
        request=CommentWriteSerializer,
        responses={201: CommentSerializer},
    )
    @action(detail=True, methods=["get", "post"])
    def comments(self, request, pk=None):
        idea = self.get_object()
        if request.method == "GET":
            comments = Comment.objects.filter(idea=idea).select_related("author").order_by("created_at", "id")
            page = self.paginate_queryset(comments)
            return self.get_paginated_response(CommentSerializer(page, many=True).data)
        serializer = CommentWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        parent = None
        if data.get("parent"):
            parent = Comment.objects.filter(pk=data["parent"], idea=idea).first()
            if parent is None:
                raise ValidationError({"parent": [_("Reply to a comment on this idea.")]})
        comment = services.comment_post(
            idea=idea,
            author=request.user,
            body=data["body"],
            parent=parent,
            official=data.get("official", False),
        )
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Report the idea", request=FlagSerializer, responses={201: DetailSerializer})
    @action(detail=True, methods=["post"])
    def flag(self, request, pk=None):
        idea = self.get_object()
        return _flag(request, idea=idea)

    @extend_schema(summary="Follow (POST) or stop following (DELETE) the idea", request=None, responses=FOLLOW)
    @action(detail=True, methods=["post", "delete"])
    def follow(self, request, pk=None):
        return _follow(request, idea=self.get_object())
