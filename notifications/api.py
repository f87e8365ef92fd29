"""A person's notifications through the API: ``GET /api/v1/me/notifications/`` (paginated,
``?unread=true``) and ``POST /api/v1/me/notifications/read/``."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .emails import absolute
from .models import Kind, Notification
from .texts import notification_text


class NotificationSerializer(serializers.ModelSerializer):
    headline = serializers.SerializerMethodField(help_text="What happened, in one sentence.")
    detail = serializers.SerializerMethodField(help_text="The note, message or excerpt that came with it, if any.")
    link = serializers.SerializerMethodField(help_text="The page of what happened.")
    kind = serializers.ChoiceField(choices=Kind.choices, read_only=True)
    read = serializers.BooleanField(source="is_read", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "event", "kind", "headline", "detail", "link", "created_at", "read", "read_at"]

    def _text(self, obj) -> tuple[str, str]:
        if not hasattr(obj, "_text"):
            obj._text = notification_text(obj)
        return obj._text

    def get_headline(self, obj) -> str:
        return self._text(obj)[0]

    def get_detail(self, obj) -> str:
        return self._text(obj)[1]

    def get_link(self, obj) -> str:
        return absolute(obj.url) if obj.url else ""


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=500,
        help_text="The notifications to mark read.",
    )
    all = serializers.BooleanField(required=False, default=False, help_text="Mark every notification read.")

    def validate(self, attrs):
        if not attrs.get("all") and not attrs.get("ids"):
            raise serializers.ValidationError("Give the ids of the notifications to mark read, or all=true.")
        return attrs


class MarkReadResultSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notifications were unread and are now read.")
    unread = serializers.IntegerField(help_text="How many remain unread.")


@extend_schema(
    summary="Your notifications, newest first",
    parameters=[OpenApiParameter("unread", bool, description="Only unread notifications (`true`).")],
)
class NotificationListView(generics.ListAPIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = NotificationSerializer

    def get_queryset(self):
        unread = self.request.query_params.get("unread", "").lower() in ("true", "1")
        return selectors.notifications_for(user=self.request.user, unread_only=unread)


class NotificationReadView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Mark your notifications read (some by id, or all)",
        request=MarkReadSerializer,
        responses=MarkReadResultSerializer,
    )
    def post(self, request):
        serializer = MarkReadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = None if serializer.validated_data.get("all") else serializer.validated_data["ids"]
        marked = services.notifications_mark_read(user=request.user, ids=ids)
        return Response({"marked": marked, "unread": selectors.unread_count(user=request.user)})
