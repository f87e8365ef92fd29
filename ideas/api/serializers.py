"""The JSON shapes of challenges, ideas, comments, reports and follows."""

from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers

from accounts.api import DistrictSerializer
from accounts.models import District

from ..extensions import sorts_for
from ..models import ChallengePage, Comment, FlagReason, Idea, totals_hidden_for
from ..photos import DETAIL_RENDITION
from ..private_photos import photo_for


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
        """Null while the challenge hides running totals from the viewer."""
        request = self.context.get("request")
        if totals_hidden_for(getattr(request, "user", None), idea.challenge):
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
    photo_consent = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Required (true) with a photo: you may share it, and it shows no one who could be "
        "recognised unless they agreed to be shown.",
    )
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
            "residents_must_verify",
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
