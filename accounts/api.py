from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from . import roles, services
from .models import District, User
from .rules import is_verified
from .validators import validate_display_name


class DistrictSerializer(serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ["id", "name", "slug"]


class MeSerializer(serializers.ModelSerializer):
    district = serializers.PrimaryKeyRelatedField(queryset=District.objects.all(), allow_null=True, required=False)
    public_name = serializers.CharField(read_only=True)
    email_verified = serializers.SerializerMethodField()
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "display_name", "public_name", "district", "email_verified", "roles"]
        read_only_fields = ["id", "email"]

    def get_email_verified(self, obj) -> bool:
        return is_verified(obj)

    def get_roles(self, obj) -> list[str]:
        return sorted(roles.user_roles(obj))

    def validate_display_name(self, value: str) -> str:
        return validate_display_name(value)


class MeView(APIView):
    """The signed-in person's own account."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = MeSerializer

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)

    @extend_schema(request=MeSerializer, responses=MeSerializer)
    def patch(self, request):
        serializer = MeSerializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = services.profile_update(
            user=request.user,
            display_name=data.get("display_name", request.user.display_name),
            district=data.get("district", request.user.district),
        )
        return Response(MeSerializer(user).data)
