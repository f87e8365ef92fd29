"""The integrations API: a person's own tokens (``me/tokens/``) and the open-data feeds
(``open-data/``) with their catalogue. Registered on the one router in ``innovation/api.py``."""

from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ideas.models import ChallengePage, Idea
from pipeline.models import PilotPage

from . import conditional, public, services
from .models import ApiToken, TokenAccess
from .renderers import CSVRenderer

# Tokens ---------------------------------------------------------------------------------


class TokenSerializer(serializers.ModelSerializer):
    prefix = serializers.CharField(source="token_key", read_only=True, help_text="The token's first characters.")
    expires_at = serializers.DateTimeField(source="expiry", read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(source="created", read_only=True)

    class Meta:
        model = ApiToken
        fields = ["id", "name", "access", "prefix", "created_at", "expires_at", "last_used_at"]
        read_only_fields = fields


class TokenCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=80)
    access = serializers.ChoiceField(choices=TokenAccess.choices, default=TokenAccess.READ)
    expires_in_days = serializers.ChoiceField(choices=services.TOKEN_LIFETIMES, default=90)


class NewTokenSerializer(TokenSerializer):
    token = serializers.CharField(read_only=True, help_text="The token itself. Shown only in this answer.")

    class Meta(TokenSerializer.Meta):
        fields = TokenSerializer.Meta.fields + ["token"]


@extend_schema_view(
    list=extend_schema(summary="Your API tokens (never the tokens themselves, only their first characters)."),
    create=extend_schema(
        summary="Make a personal API token; the answer holds the token, once.",
        request=TokenCreateSerializer,
        responses={201: NewTokenSerializer},
    ),
    destroy=extend_schema(summary="Revoke one of your API tokens."),
)
class MyTokenViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = TokenSerializer
    pagination_class = None
    queryset = ApiToken.objects.none()  # for the schema; requests use get_queryset()
    lookup_value_converter = "int"

    def get_queryset(self):
        return services.tokens_of(owner=self.request.user)

    def create(self, request, *args, **kwargs):
        if isinstance(request.auth, ApiToken):
            raise PermissionDenied(_("Tokens cannot make tokens: sign in to make one."))
        incoming = TokenCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        token, secret = services.token_create(
            owner=request.user, name=data["name"], access=data["access"], lifetime_days=data["expires_in_days"]
        )
        token.token = secret
        response = Response(NewTokenSerializer(token).data, status=status.HTTP_201_CREATED)
        response["Cache-Control"] = "no-store"
        return response

    def destroy(self, request, *args, **kwargs):
        try:
            services.token_revoke(actor=request.user, token_id=int(kwargs["pk"]))
        except ApiToken.DoesNotExist as error:
            raise NotFound(_("No such token.")) from error
        return Response(status=status.HTTP_204_NO_CONTENT)


# Open data ------------------------------------------------------------------------------


class OpenDataPagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        links = []
        if self.get_next_link():
            links.append(f'<{self.get_next_link()}>; rel="next"')
        if self.get_previous_link():
            links.append(f'<{self.get_previous_link()}>; rel="prev"')
        if links:
            response["Link"] = ", ".join(links)
        return response


class OpenIdeaSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Stable: the same idea keeps its id.")
    challenge = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    stage = serializers.CharField()
    district = serializers.CharField(allow_null=True)
    tags = serializers.ListField(child=serializers.CharField())
    place = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    supports = serializers.IntegerField(allow_null=True, help_text="Null while the challenge hides running totals.")
    comments = serializers.IntegerField()
    merged_into = serializers.IntegerField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    url = serializers.URLField()


class OpenChallengeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    question = serializers.CharField()
    summary = serializers.CharField()
    sponsor = serializers.CharField()
    audience = serializers.CharField()
    phase = serializers.CharField()
    voting_method = serializers.CharField()
    ideas_open = serializers.DateTimeField()
    ideas_close = serializers.DateTimeField()
    voting_open = serializers.DateTimeField(allow_null=True)
    voting_close = serializers.DateTimeField(allow_null=True)
    review_end = serializers.DateTimeField()
    results_published = serializers.DateTimeField()
    ideas = serializers.IntegerField(help_text="Public ideas.")
    url = serializers.URLField()


class OpenKPISerializer(serializers.Serializer):
    name = serializers.CharField()
    unit = serializers.CharField()
    baseline = serializers.FloatField()
    target = serializers.FloatField()
    current = serializers.FloatField(allow_null=True)
    progress_percent = serializers.IntegerField(allow_null=True)
    measurements = serializers.ListField(child=serializers.DictField())


class OpenPilotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    department = serializers.CharField()
    sponsor = serializers.CharField()
    summary = serializers.CharField()
    status = serializers.CharField()
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(allow_null=True)
    budget_planned = serializers.DecimalField(max_digits=12, decimal_places=2)
    budget_spent = serializers.DecimalField(max_digits=12, decimal_places=2)
    decision = serializers.CharField()
    lessons = serializers.CharField()
    ideas = serializers.ListField(child=serializers.IntegerField())
    kpis = OpenKPISerializer(many=True)
    url = serializers.URLField()


class FeedMixin:
    """Public, no sign-in, JSON or CSV (``?format=csv``), with ETag and Last-Modified."""

    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]
    renderer_classes = [JSONRenderer, CSVRenderer]

    def handle_exception(self, exc):
        # Errors are JSON whatever format was asked for, as the API documents them.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200 and hasattr(response, "render"):
            response.render()
            return conditional.respond(request, response, content=response.content)
        return response


class FeedViewSet(FeedMixin, viewsets.GenericViewSet):
    """One open-data feed: ``serializer_class`` documents a record (and names the CSV
    columns), ``source`` gives the public rows and ``to_records`` turns a page of them into
    records, in a fixed number of queries."""

    pagination_class = OpenDataPagination
    lookup_value_converter = "int"
    source: Callable[[], QuerySet]
    to_records: Callable[[Iterable], list[dict]]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.csv_columns = list(cls.serializer_class().fields)

    def get_queryset(self):
        return self.source()

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.to_records(page))

    def retrieve(self, request, *args, **kwargs):
        found = self.get_queryset().filter(pk=kwargs["pk"]).first()
        if found is None:
            raise NotFound(_("Not found."))
        return Response(self.to_records([found])[0])


@extend_schema_view(
    list=extend_schema(summary="Open data: public ideas, oldest first (JSON or ?format=csv)."),
    retrieve=extend_schema(summary="Open data: one public idea."),
)
class OpenIdeaViewSet(FeedViewSet):
    serializer_class = OpenIdeaSerializer
    queryset = Idea.objects.none()  # for the schema; requests use get_queryset()
    source = staticmethod(public.public_ideas)
    to_records = staticmethod(public.idea_records)


@extend_schema_view(
    list=extend_schema(summary="Open data: challenges with their phase dates (JSON or ?format=csv)."),
    retrieve=extend_schema(summary="Open data: one challenge."),
)
class OpenChallengeViewSet(FeedViewSet):
    serializer_class = OpenChallengeSerializer
    queryset = ChallengePage.objects.none()
    source = staticmethod(public.public_challenges)
    to_records = staticmethod(public.challenge_records)


@extend_schema_view(
    list=extend_schema(summary="Open data: published pilots with their KPIs (JSON or ?format=csv)."),
    retrieve=extend_schema(summary="Open data: one pilot with its KPIs."),
)
class OpenPilotViewSet(FeedViewSet):
    serializer_class = OpenPilotSerializer
    queryset = PilotPage.objects.none()
    source = staticmethod(public.public_pilots)
    to_records = staticmethod(public.pilot_records)


class CatalogView(FeedMixin, APIView):
    """A DCAT catalogue (JSON-LD) of Greenlight's datasets, for a city data portal to harvest."""

    renderer_classes = [JSONRenderer]

    @extend_schema(
        summary="Open data catalogue (DCAT, JSON-LD): the datasets, their formats and licence.",
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        from .catalog import catalog

        return Response(catalog(request))
