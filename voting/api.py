"""Votes through the REST API: supporting ideas, pairwise votes and the results. The
services check the rules (``voting.rules``) and their refusals become JSON in one place
(``innovation.errors``)."""

from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from ideas.models import ChallengePage, Idea

from . import residents, selectors, services
from .models import ResidentVerification


class VoteThrottle(ScopedRateThrottle):
    """Writes of votes, per person (``votes`` in ``DEFAULT_THROTTLE_RATES``)."""


WRITE_THROTTLES = [VoteThrottle, AnonRateThrottle, UserRateThrottle]


class Conflict(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()


class SupportStateSerializer(serializers.Serializer):
    idea = serializers.IntegerField()
    supported = serializers.BooleanField()
    support_count = serializers.IntegerField(allow_null=True, help_text="Null while totals are hidden.")
    supports_cap = serializers.IntegerField(allow_null=True)
    supports_left = serializers.IntegerField(allow_null=True)


def _url(idea) -> str:
    try:
        return idea.get_absolute_url()
    except NoReverseMatch:
        return ""


class PairIdeaSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    def get_url(self, idea) -> str:
        return _url(idea)

    class Meta:
        model = Idea
        fields = ["id", "title", "summary", "url"]


class PairSerializer(serializers.Serializer):
    left = PairIdeaSerializer()
    right = PairIdeaSerializer()


class PairwiseVoteSerializer(serializers.Serializer):
    left = serializers.IntegerField(help_text="Id of the idea shown on the left.")
    right = serializers.IntegerField(help_text="Id of the idea shown on the right.")
    choice = serializers.ChoiceField(choices=["left", "right", "undecided"])

    def validate(self, data):
        if data["left"] == data["right"]:
            raise serializers.ValidationError({"right": _("Choose two different ideas.")})
        return data


class ResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    support_count = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True, help_text="Chance of beating a random other idea, 0–1.")
    lower = serializers.FloatField(allow_null=True)
    upper = serializers.FloatField(allow_null=True)
    comparisons = serializers.IntegerField()


class SupportView(APIView):
    """Support an idea (POST) or withdraw the support (DELETE) while its challenge is voting."""

    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = WRITE_THROTTLES
    throttle_scope = "votes"

    def _idea(self, request, pk, *, withdrawing: bool = False):
        idea = selectors.idea_for_support(pk=pk, voter=request.user, withdrawing=withdrawing)
        if idea is None:
            raise NotFound(_("No idea here, or not one you may see."))
        return idea

    def _state(self, request, idea, supported: bool) -> dict:
        idea.refresh_from_db(fields=["support_count"])
        summary = selectors.ballot_summary(voter=request.user, challenge=idea.challenge)
        visible = request.user.has_perm("voting.view_totals", idea.challenge)
        return {
            "idea": idea.pk,
            "supported": supported,
            "support_count": idea.support_count if visible else None,
            "supports_cap": summary.cap,
            "supports_left": summary.left,
        }

    @extend_schema(
        request=None,
        responses={
            201: SupportStateSerializer,
            200: OpenApiResponse(SupportStateSerializer, description="Already supported."),
            409: OpenApiResponse(Conflict, description="Voting is closed, or no supports are left."),
        },
    )
    def post(self, request, pk: int):
        idea = self._idea(request, pk)
        _support, created = services.support_add(voter=request.user, idea=idea)
        return Response(
            self._state(request, idea, True), status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )

    @extend_schema(
        request=None,
        responses={200: SupportStateSerializer, 409: OpenApiResponse(Conflict, description="Voting is closed.")},
    )
    def delete(self, request, pk: int):
        idea = self._idea(request, pk, withdrawing=True)
        services.support_withdraw(voter=request.user, idea=idea)
        return Response(self._state(request, idea, False))


def _challenge(request, pk) -> ChallengePage:
    return get_object_or_404(ChallengePage.objects.live().public(), pk=pk)


class PairView(APIView):
    """The next two ideas for the signed-in person to compare."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        responses={
            200: PairSerializer,
            204: OpenApiResponse(description="You have compared every pair."),
            409: OpenApiResponse(Conflict, description="Voting is closed."),
        }
    )
    def get(self, request, pk: int):
        challenge = _challenge(request, pk)
        if not request.user.has_perm("voting.vote_pairwise", challenge):
            services.refuse(request.user, challenge, pairwise=True)
        pair = selectors.next_pair(challenge=challenge, voter=request.user)
        if pair is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(PairSerializer({"left": pair[0], "right": pair[1]}).data)


class PairwiseVoteView(APIView):
    """Choose between two ideas (or say you can't decide); the answer includes the next pair."""

    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = WRITE_THROTTLES
    throttle_scope = "votes"

    @extend_schema(
        request=PairwiseVoteSerializer,
        responses={
            201: inline_serializer(
                "PairwiseVoteResult",
                {"choice": serializers.CharField(), "next": PairSerializer(allow_null=True)},
            ),
            409: OpenApiResponse(Conflict, description="Voting is closed."),
        },
    )
    def post(self, request, pk: int):
        challenge = _challenge(request, pk)
        serializer = PairwiseVoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.pairwise_vote_cast_by_ids(voter=request.user, challenge=challenge, **data)
        pair = selectors.next_pair(challenge=challenge, voter=request.user)
        return Response(
            {
                "choice": data["choice"],
                "next": PairSerializer({"left": pair[0], "right": pair[1]}).data if pair else None,
            },
            status=status.HTTP_201_CREATED,
        )


class ResultsView(generics.ListAPIView):
    """The challenge's listed ideas with their supports and pairwise scores, best first. Totals
    are null while the challenge hides them from this person (until voting closes)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ResultSerializer

    def get_queryset(self):
        self.challenge = _challenge(self.request, self.kwargs["pk"])
        ideas = Idea.objects.listed_for(None).filter(challenge=self.challenge).select_related("pairwise_score")
        if self.challenge.voting_method == "pairwise":
            return selectors.ideas_by_pairwise_score(ideas)
        return ideas.order_by("-support_count", "-pk")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        visible = request.user.has_perm("voting.view_totals", self.challenge)
        rows = []
        for idea in page:
            score = getattr(idea, "pairwise_score", None)
            rows.append(
                {
                    "id": idea.pk,
                    "title": idea.title,
                    "url": _url(idea),
                    "support_count": idea.support_count if visible else None,
                    "score": score.score if visible and score else None,
                    "lower": score.lower if visible and score else None,
                    "upper": score.upper if visible and score else None,
                    "comparisons": score.comparisons if score else 0,
                }
            )
        return self.get_paginated_response(ResultSerializer(rows, many=True).data)


class DistrictTotalsView(APIView):
    """Leadership only: how many people from each district voted (small counts hidden)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        responses=inline_serializer(
            "DistrictTotals",
            {
                "districts": inline_serializer(
                    "DistrictTotal",
                    {
                        "district": serializers.CharField(),
                        "people": serializers.IntegerField(allow_null=True),
                        "votes": serializers.IntegerField(allow_null=True),
                    },
                    many=True,
                ),
                "people": serializers.IntegerField(),
                "votes": serializers.IntegerField(),
            },
        )
    )
    def get(self, request, pk: int):
        challenge = _challenge(request, pk)
        if not request.user.has_perm("voting.view_district_totals", challenge):
            raise PermissionDenied(_("Only leadership sees totals by district."))
        rows, totals = selectors.district_totals(challenge=challenge)
        return Response({"districts": [row.__dict__ for row in rows], **totals})


class PublicChallengeField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        # Built per request: ``public()`` reads the view restrictions.
        return ChallengePage.objects.live().public()


class ResidentCodeSerializer(serializers.Serializer):
    challenge = PublicChallengeField(
        help_text="Id of the challenge where only verified residents may vote.",
        error_messages={
            "does_not_exist": _("Choose a challenge that exists."),
            "incorrect_type": _("A challenge id is a whole number."),
        },
    )
    code = serializers.CharField(max_length=100, help_text="The one-time code from the city's letter.")


class ResidentVerificationSerializer(serializers.Serializer):
    challenge = serializers.IntegerField(source="challenge_id")
    challenge_title = serializers.CharField(source="challenge.title")
    method = serializers.CharField()
    verified_at = serializers.DateTimeField()


class MyVerificationView(APIView):
    """Verify as a resident of a challenge with the code the city sent (POST), or list where
    you are verified (GET). Tries are limited per person (429 with a message when exceeded);
    a wrong, spent or other challenge's code gets one and the same field error."""

    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = WRITE_THROTTLES
    throttle_scope = "votes"

    @extend_schema(responses=ResidentVerificationSerializer(many=True))
    def get(self, request):
        mine = ResidentVerification.objects.filter(user=request.user).select_related("challenge")
        return Response(ResidentVerificationSerializer(mine.order_by("-verified_at"), many=True).data)

    @extend_schema(
        request=ResidentCodeSerializer,
        responses={
            201: ResidentVerificationSerializer,
            200: OpenApiResponse(ResidentVerificationSerializer, description="Already verified for this challenge."),
            400: OpenApiResponse(description="Field errors: `challenge` or `code`."),
            429: OpenApiResponse(Conflict, description="Too many tries; the message says when to try again."),
        },
    )
    def post(self, request):
        serializer = ResidentCodeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        verification, created = residents.resident_code_redeem(user=request.user, **serializer.validated_data)
        return Response(
            ResidentVerificationSerializer(verification).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
