"""API of the pipeline: an idea's public timeline, the city's pilots and following a pilot.
Moves, scorecards and merges are made in the admin, under the rules in ``rules.py``."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions, serializers, viewsets
from rest_framework import status as http_status
from rest_framework.decorators import action
from rest_framework.response import Response

from ideas.api import FOLLOW, FollowSerializer
from ideas.models import Idea

from . import selectors, services
from .charts import kpi_charts
from .models import PilotPage, PilotStatus, StageChange


class StageChangeSerializer(serializers.ModelSerializer):
    from_stage = serializers.CharField(read_only=True, help_text="The stage before (empty for the first step).")
    to_stage = serializers.CharField(read_only=True, help_text="The stage after (the same for an update).")
    from_stage_label = serializers.CharField(source="get_from_stage_display", read_only=True)
    to_stage_label = serializers.CharField(source="get_to_stage_display", read_only=True)
    related_idea = serializers.SerializerMethodField()
    pilot = serializers.SerializerMethodField()

    class Meta:
        model = StageChange
        fields = [
            "id",
            "from_stage",
            "from_stage_label",
            "to_stage",
            "to_stage_label",
            "note",
            "related_idea",
            "pilot",
            "created_at",
        ]

    def get_related_idea(self, obj) -> int | None:
        related = obj.related_idea
        return related.pk if related is not None and related.is_public else None

    def get_pilot(self, obj) -> int | None:
        return obj.pilot_id if obj.pilot is not None and obj.pilot.live else None


@extend_schema(summary="An idea's public timeline: each stage it passed, when, and the note.")
class IdeaTimelineView(generics.ListAPIView):
    serializer_class = StageChangeSerializer

    def get_queryset(self):
        idea = get_object_or_404(Idea.objects.visible_to(self.request.user), pk=self.kwargs["pk"])
        if not self.request.user.has_perm("ideas.view_idea", idea):
            raise Http404
        changes = StageChange.objects.filter(idea=idea).select_related("related_idea", "pilot")
        return changes.order_by("created_at", "id")


class KPISerializer(serializers.Serializer):
    name = serializers.CharField()
    unit = serializers.CharField()
    baseline = serializers.FloatField()
    target = serializers.FloatField()
    current = serializers.FloatField(allow_null=True)
    progress_percent = serializers.IntegerField(source="progress", allow_null=True)
    description = serializers.CharField(help_text="The chart's text alternative.")
    measurements = serializers.SerializerMethodField()

    def get_measurements(self, obj) -> list[dict]:
        return [{"date": date.isoformat(), "value": value} for date, value in obj.measurements]


class MilestoneSerializer(serializers.Serializer):
    title = serializers.CharField()
    due_on = serializers.DateField()
    done_on = serializers.DateField(allow_null=True)


class UpdateSerializer(serializers.Serializer):
    date = serializers.DateField()
    title = serializers.CharField()
    text = serializers.CharField()


class PilotSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="full_url", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    budget_used_percent = serializers.IntegerField(read_only=True, allow_null=True)
    currency = serializers.SerializerMethodField(help_text="ISO 4217 code of the budget amounts.")

    def get_currency(self, obj) -> str:
        return settings.GREENLIGHT_CURRENCY

    class Meta:
        model = PilotPage
        fields = [
            "id",
            "title",
            "url",
            "department",
            "sponsor",
            "summary",
            "status",
            "status_label",
            "starts_on",
            "ends_on",
            "budget_planned",
            "budget_spent",
            "budget_used_percent",
            "currency",
        ]


class PilotDetailSerializer(PilotSerializer):
    kpis = serializers.SerializerMethodField()
    milestones = serializers.SerializerMethodField()
    updates = serializers.SerializerMethodField()
    ideas = serializers.SerializerMethodField()

    class Meta(PilotSerializer.Meta):
        fields = PilotSerializer.Meta.fields + [
            "success_criteria",
            "decision",
            "lessons",
            "kpis",
            "milestones",
            "updates",
            "ideas",
        ]

    def get_kpis(self, obj) -> list[dict]:
        return KPISerializer(kpi_charts(obj.kpis), many=True).data

    def get_milestones(self, obj) -> list[dict]:
        return MilestoneSerializer(obj.milestones.order_by("due_on", "pk"), many=True).data

    def get_updates(self, obj) -> list[dict]:
        return UpdateSerializer(obj.updates.order_by("-date", "-pk"), many=True).data

    def get_ideas(self, obj) -> list[dict]:
        return [{"id": idea.pk, "title": idea.title} for idea in selectors.pilot_source_ideas(pilot=obj)]


@extend_schema_view(
    list=extend_schema(
        summary="Published pilots, newest first.",
        parameters=[
            OpenApiParameter("department", str, description="Only pilots run by this department."),
            OpenApiParameter("status", str, enum=PilotStatus.values, description="Only pilots with this status."),
        ],
    ),
    retrieve=extend_schema(summary="A pilot with its KPIs, milestones, updates and the ideas it tests."),
)
class PilotViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PilotSerializer
    queryset = PilotPage.objects.none()  # for the schema; requests use get_queryset()
    lookup_value_converter = "int"

    def get_queryset(self):
        params = self.request.query_params
        status = params.get("status", "")
        if status and status not in PilotStatus.values:
            raise serializers.ValidationError(
                {"status": [_("Choose one of: %(statuses)s.") % {"statuses": ", ".join(PilotStatus.values)}]}
            )
        return selectors.pilots_public(department=params.get("department", ""), status=status)

    def get_serializer_class(self):
        if self.action == "follow":
            return FollowSerializer
        return PilotDetailSerializer if self.action == "retrieve" else PilotSerializer

    @extend_schema(
        summary="Follow (POST) or stop following (DELETE) the pilot: hear of its updates, milestones "
        "and final decision",
        request=None,
        responses=FOLLOW,
    )
    @action(detail=True, methods=["post", "delete"], permission_classes=[permissions.IsAuthenticated])
    def follow(self, request, pk=None):
        pilot = self.get_object()
        if request.method == "DELETE":
            services.pilot_follow_remove(follower=request.user, pilot=pilot)
            return Response({"following": False})
        services.pilot_follow_add(follower=request.user, pilot=pilot)
        return Response({"following": True}, status=http_status.HTTP_201_CREATED)
