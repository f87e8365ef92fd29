"""Search API: ideas with facets, suggestions for the search box, and similar ideas for the
idea form. Read-only, open to everyone, throttled (``search`` in DEFAULT_THROTTLE_RATES);
only public ideas ever appear."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from . import selectors
from .backends.base import FACETS
from .forms import SearchForm, SimilarForm, SuggestForm


def form_parameters(form_class) -> list[OpenApiParameter]:
    """Document a form's fields as query parameters (the form is what validates them)."""
    types = {forms.IntegerField: OpenApiTypes.INT}
    parameters = []
    for name, field in form_class.base_fields.items():
        parameter_type = next((t for cls, t in types.items() if isinstance(field, cls)), OpenApiTypes.STR)
        enum = [value for value, _label in field.choices if value] if isinstance(field, forms.ChoiceField) else None
        parameters.append(
            OpenApiParameter(name, parameter_type, OpenApiParameter.QUERY, description=str(field.label), enum=enum)
        )
    return parameters


def valid(form_class, request, **kwargs):
    form = form_class(request.query_params, **kwargs)
    if not form.is_valid():
        raise ValidationError({field: [str(error) for error in errors] for field, errors in form.errors.items()})
    return form


class SearchThrottle(ScopedRateThrottle):
    scope_attr = "throttle_scope"


class SearchAPIView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SearchThrottle, AnonRateThrottle, UserRateThrottle]
    throttle_scope = "search"


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class SearchHitSerializer(serializers.Serializer):
    idea_id = serializers.IntegerField()
    title = serializers.CharField()
    title_html = serializers.CharField(help_text="The title with matched words in <mark>, HTML-escaped.")
    summary = serializers.CharField()
    snippet = serializers.CharField(help_text="Text around the matches, matched words in <mark>, HTML-escaped.")
    url = serializers.CharField()
    challenge_id = serializers.IntegerField()
    challenge_title = serializers.CharField()
    stage = serializers.CharField()
    district = serializers.CharField()
    tags = serializers.ListField(child=serializers.CharField())
    published_at = serializers.DateTimeField()
    support_count = serializers.IntegerField(
        allow_null=True, help_text="Null while the challenge hides running totals (until voting closes)."
    )
    novelty = serializers.FloatField(allow_null=True, help_text="0–1: how different from every earlier idea.")


class FacetsSerializer(serializers.Serializer):
    challenge = FacetValueSerializer(many=True)
    stage = FacetValueSerializer(many=True)
    tag = FacetValueSerializer(many=True)
    district = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    query = serializers.CharField()
    results = SearchHitSerializer(many=True)
    facets = FacetsSerializer()


class SuggestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    idea_id = serializers.IntegerField()
    url = serializers.CharField()


class SimilarIdeaSerializer(serializers.Serializer):
    idea_id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.CharField()
    challenge_title = serializers.CharField()
    support_count = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(
        help_text="0–1: 0.8 × the cosine of the meaning vectors (negative counts as 0) + 0.2 × word "
        "similarity (shared word stems and trigrams of title and summary)."
    )
    can_support = serializers.BooleanField(help_text="Whether the person asking can support this idea right now.")
    support_note = serializers.CharField(help_text="Why not, when they cannot (e.g. its challenge is not voting).")


class SuggestionListSerializer(serializers.Serializer):
    results = SuggestionSerializer(many=True)


class SimilarListSerializer(serializers.Serializer):
    results = SimilarIdeaSerializer(many=True)


class SearchView(SearchAPIView):
    """Search public ideas: full text, facets with counts, highlighted snippets, paginated."""

    @extend_schema(parameters=form_parameters(SearchForm), responses=SearchResponseSerializer)
    def get(self, request):
        form = valid(SearchForm, request, user=request.user)
        results = selectors.ideas_search(
            query=form.cleaned_data["q"], filters=form.filters, sort=form.chosen_sort, page=form.chosen_page
        )

        def page_url(number):
            params = request.query_params.copy()
            params["page"] = number
            return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

        return Response(
            {
                "count": results.total,
                "next": page_url(results.page + 1) if results.has_next else None,
                "previous": page_url(results.page - 1) if results.has_previous else None,
                "query": results.query,
                "results": SearchHitSerializer(
                    [{**hit.__dict__, "url": hit.url} for hit in results.hits], many=True
                ).data,
                "facets": {name: FacetValueSerializer(results.facets.get(name, []), many=True).data for name in FACETS},
            }
        )


class SuggestView(SearchAPIView):
    """Idea titles completing what has been typed in the search box so far."""

    @extend_schema(parameters=form_parameters(SuggestForm), responses=SuggestionListSerializer)
    def get(self, request):
        form = valid(SuggestForm, request)
        suggestions = selectors.idea_suggestions(prefix=form.cleaned_data["q"])
        data = [{"text": s.text, "idea_id": s.idea_id, "url": s.url} for s in suggestions]
        return Response({"results": SuggestionSerializer(data, many=True).data})


class SimilarView(SearchAPIView):
    """Public ideas that look like the given text (what a resident is typing into the idea
    form), most alike first."""

    @extend_schema(parameters=form_parameters(SimilarForm), responses=SimilarListSerializer)
    def get(self, request):
        form = valid(SimilarForm, request)
        data = form.cleaned_data
        similar = selectors.similar_ideas(
            text=data["text"],
            k=data.get("limit") or 5,
            challenge_id=data.get("challenge"),
            exclude_ids=[data["exclude"]] if data.get("exclude") else [],
        )
        chances = selectors.support_chances(viewer=request.user, idea_ids=[s.idea_id for s in similar])
        none = selectors.SupportChance(False, "")
        rows = [
            {
                **s.__dict__,
                "url": s.url,
                "can_support": chances.get(s.idea_id, none).possible,
                "support_note": chances.get(s.idea_id, none).note,
            }
            for s in similar
        ]
        return Response({"results": SimilarIdeaSerializer(rows, many=True).data})
