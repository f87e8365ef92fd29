"""Challenges, ideas, comments, reports and follows through the REST API (``/api/v1/``).

The same django-rules permissions as the pages decide every request: each viewset names the
rule per action and :class:`RulesPermission` checks it on the object. Writes go through the
services, whose validation errors come back as JSON field errors.

Why one module over 400 lines: the challenge and idea viewsets share their writing mixin,
throttles and serializers; the split by resource (challenges, ideas, comments) comes with moving
the visibility rule into one queryset method, which changes every class here at once.
"""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.response import Response

from accounts.models import District
from accounts.throttling import ScopedRateThrottle

from . import selectors, services
from .converters import whole_number
from .extensions import sorts_for
from .models import PUBLIC_STAGES, ChallengePage, Comment, FlagReason, Idea, listed_ideas_q
from .photos import DETAIL_RENDITION
from .private_photos import photo_for
from .ratelimit import RateLimited
from .views import SEED_MAX, visitor_seed


class RulesPermission(permissions.BasePermission):
    """Reads are open (visibility is applied by the queryset and ``ideas.view_idea``);
    writes need a signed-in person; every object endpoint checks the rule the view names for
    its action in ``rules_permissions``."""

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj) -> bool:
        permission = getattr(view, "rules_permissions", {}).get(view.action)
        return permission is None or request.user.has_perm(permission, obj)


class WriteThrottle(ScopedRateThrottle):
    """Limits writes per person (``ideas_api_writes`` in ``DEFAULT_THROTTLE_RATES``); reads are
    limited by the default throttles only."""

    scope_attr = "write_throttle_scope"

    def allow_request(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().allow_request(request, view)


def run_service(call, **kwargs):
    """Call a service and turn its errors into API errors: field messages (400), rate limits
    (429) and refusals (403)."""
    try:
        return call(**kwargs)
    except RateLimited as exc:
        raise Throttled(detail=" ".join(exc.messages)) from exc
    except DjangoValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise ValidationError(exc.message_dict) from exc
        raise ValidationError({"non_field_errors": exc.messages}) from exc


# Serializers ----------------------------------------------------------------------------


class DistrictSerializer(serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ["id", "name", "slug"]


class PhotoSerializer(serializers.Serializer):
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField()


class IdeaSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.public_name", read_only=True)
    district = DistrictSerializer(read_only=True, allow_null=True)
    tags = serializers.SerializerMethodField()
    photo = serializers.SerializerMethodField()
    support_count = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Idea
        fields = [
            "id",
            "challenge",
            "title",
            "summary",
            "body",
            "author",
            "district",
            "tags",
            "location_name",
            "latitude",
            "longitude",
            "photo",
            "stage",
            "is_hidden",
            "hidden_reason",
            "support_count",
            "comment_count",
            "follower_count",
            "created_at",
            "published_at",
            "url",
        ]
        read_only_fields = fields

    def get_tags(self, idea) -> list[str]:
        return idea.tag_list

    @extend_schema_field(PhotoSerializer(allow_null=True))
    def get_photo(self, idea) -> dict | None:
        size = "detail" if self.context.get("rendition") == DETAIL_RENDITION else "list"
        return photo_for(idea, size)

    def get_support_count(self, idea) -> int | None:
        challenge = idea.challenge
        if challenge.hide_totals_during_voting and challenge.accepts_votes_at():
            return None
        return idea.support_count


class IdeaWriteSerializer(serializers.Serializer):
    """What a resident sends to create or change an idea. Body is limited rich text and is
    sanitised on the server; a photo is sent as multipart form data."""

    challenge = serializers.PrimaryKeyRelatedField(queryset=ChallengePage.objects.live(), required=False)
    title = serializers.CharField(max_length=140)
    summary = serializers.CharField(max_length=280)
    body = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), required=False, max_length=8)
    district = serializers.PrimaryKeyRelatedField(queryset=District.objects.all(), required=False, allow_null=True)
    location_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True)
    longitude = serializers.DecimalField(max_digits=10, decimal_places=6, required=False, allow_null=True)
    photo = serializers.FileField(required=False, allow_null=True)
    photo_alt = serializers.CharField(required=False, allow_blank=True, max_length=250)
    remove_photo = serializers.BooleanField(required=False, default=False)
    submit = serializers.BooleanField(
        required=False, default=True, help_text="False saves a draft only you can see (on create)."
    )


class CommentSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.public_name", read_only=True)
    body = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id",
            "idea",
            "parent",
            "depth",
            "author",
            "body",
            "is_official",
            "is_deleted",
            "is_hidden",
            "hidden_reason",
            "created_at",
            "edited_at",
        ]
        read_only_fields = fields

    def get_body(self, comment) -> str | None:
        """Null once the author removed the comment or a moderator hid it."""
        return None if comment.is_deleted or comment.is_hidden else comment.body


class CommentWriteSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)
    parent = serializers.IntegerField(required=False, allow_null=True)
    official = serializers.BooleanField(required=False, default=False)


class CommentEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)


class FlagSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=FlagReason.choices)
    details = serializers.CharField(required=False, allow_blank=True, max_length=500)


class FollowSerializer(serializers.Serializer):
    following = serializers.BooleanField(read_only=True)


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


# Following answers 201 when it starts and 200 with ``following: false`` when it stops.
FOLLOW = {
    (201, "application/json"): FollowSerializer,
    (200, "application/json"): OpenApiResponse(FollowSerializer, description="No longer following."),
}


class ChallengeSerializer(serializers.ModelSerializer):
    phase = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True)
    idea_total = serializers.IntegerField(read_only=True)
    participant_total = serializers.IntegerField(read_only=True)
    sorts = serializers.SerializerMethodField()

    class Meta:
        model = ChallengePage
        fields = [
            "id",
            "title",
            "slug",
            "question",
            "summary",
            "sponsor",
            "audience",
            "phase",
            "ideas_open",
            "ideas_close",
            "voting_open",
            "voting_close",
            "review_end",
            "results_published",
            "voting_method",
            "supports_per_person",
            "moderation_mode",
            "suggested_tags",
            "free_tags",
            "idea_total",
            "participant_total",
            "sorts",
            "url",
        ]
        read_only_fields = fields

    def get_sorts(self, challenge) -> list[str]:
        request = self.context.get("request")
        return [option.key for option in sorts_for(getattr(request, "user", None), challenge)]


def _page_of(name: str, serializer):
    """A page of a list as the API's pagination sends it."""
    return inline_serializer(
        name,
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
        },
    )


PaginatedIdeas = _page_of("PaginatedIdeaPage", IdeaSerializer)
PaginatedComments = _page_of("PaginatedCommentPage", CommentSerializer)


# Views ----------------------------------------------------------------------------------

LIST_PARAMETERS = [
    OpenApiParameter("sort", str, description="A sort key the challenge offers (see the challenge's `sorts`)."),
    OpenApiParameter("tag", str, description="Tag slug."),
    OpenApiParameter("district", str, description="District slug."),
    OpenApiParameter("stage", str, enum=[stage.value for stage in PUBLIC_STAGES]),
    OpenApiParameter("seed", int, description="Keeps the random order stable between pages."),
]


def _filters(request) -> dict:
    filters = {key: request.query_params.get(key, "") for key in ("tag", "district", "stage")}
    if filters["stage"] and filters["stage"] not in PUBLIC_STAGES:
        raise ValidationError({"stage": [_("Unknown stage.")]})
    return filters


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
        if not request.user.has_perm("ideas.add_idea", challenge):
            raise PermissionDenied(_("This challenge does not accept ideas from you right now."))
        idea = run_service(
            services.idea_create,
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
            submit=data.get("submit", True),
        )
        idea = selectors.idea_for_viewer(pk=idea.pk, viewer=request.user)
        context = {**self.get_serializer_context(), "rendition": DETAIL_RENDITION}
        return Response(IdeaSerializer(idea, context=context).data, status=status.HTTP_201_CREATED)


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
                filters=_filters(request),
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


def _follow(request, **target):
    if request.method == "DELETE":
        services.follow_remove(follower=request.user, **target)
        return Response({"following": False})
    services.follow_add(follower=request.user, **target)
    return Response({"following": True}, status=status.HTTP_201_CREATED)


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
        visible = listed_ideas_q()
        if viewer.is_authenticated:
            visible |= Q(author=viewer)
        queryset = selectors.idea_list_queryset().filter(visible)
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
        idea = run_service(
            services.idea_update, idea=idea, actor=request.user, tags=tags, remove_photo=remove_photo, **data
        )
        return Response(self.get_serializer(selectors.idea_for_viewer(pk=idea.pk, viewer=request.user)).data)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    def destroy(self, request, pk=None):
        idea = self.get_object()
        run_service(services.idea_withdraw, idea=idea, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="Submit your draft", request=None, responses=IdeaSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        idea = self.get_object()
        idea = run_service(services.idea_submit, idea=idea, actor=request.user)
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
        if not request.user.has_perm("ideas.add_comment", idea):
            raise PermissionDenied(_("You cannot comment on this idea now."))
        comment = run_service(
            services.comment_post,
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


def _flag(request, **target):
    serializer = FlagSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    run_service(services.flag_add, reporter=request.user, **target, **serializer.validated_data)
    return Response({"detail": _("Thank you for your report. A moderator will look at it.")}, status=201)


@extend_schema_view(
    retrieve=extend_schema(summary="A comment"),
    partial_update=extend_schema(summary="Edit your comment (within 15 minutes)", request=CommentEditSerializer),
    destroy=extend_schema(summary="Remove your comment (the thread keeps its place)"),
)
class CommentViewSet(
    mixins.RetrieveModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet
):
    serializer_class = CommentSerializer
    permission_classes = [RulesPermission]
    throttle_classes = [WriteThrottle, *viewsets.GenericViewSet.throttle_classes]
    write_throttle_scope = "ideas_api_writes"
    http_method_names = ["get", "patch", "delete", "post", "head", "options"]
    rules_permissions = {
        "partial_update": "ideas.change_comment",
        "destroy": "ideas.delete_comment",
    }

    def get_queryset(self):
        return Comment.objects.select_related("author", "idea", "idea__challenge")

    def get_object(self):
        comment = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if not self.request.user.has_perm("ideas.view_idea", comment.idea):
            raise NotFound(_("No comment here, or not one you may see."))
        self.check_object_permissions(self.request, comment)
        return comment

    def partial_update(self, request, pk=None):
        comment = self.get_object()
        serializer = CommentEditSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = run_service(services.comment_edit, comment=comment, actor=request.user, **serializer.validated_data)
        return Response(CommentSerializer(comment).data)

    def destroy(self, request, pk=None):
        comment = self.get_object()
        run_service(services.comment_delete, comment=comment, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="Report the comment", request=FlagSerializer, responses={201: DetailSerializer})
    @action(detail=True, methods=["post"])
    def flag(self, request, pk=None):
        return _flag(request, comment=self.get_object())
