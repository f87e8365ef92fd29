from django.contrib.auth import logout
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from . import roles, services
from .models import DataExport, District, User
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


class AccountDeleteSerializer(serializers.Serializer):
    password = serializers.CharField(write_only=True, trim_whitespace=False)


class DataExportSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True, help_text="pending, ready or failed")
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = DataExport
        fields = ["status", "requested_at", "ready_at", "expires_at", "download_url"]

    def get_download_url(self, obj) -> str | None:
        if not obj.is_downloadable():
            return None
        return self.context["request"].build_absolute_uri(reverse("accounts:data_export", args=[obj.token]))


class DataExportView(APIView):
    """ "Download my data": GET the latest export (its link once ready), POST to prepare one."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = DataExportSerializer

    @extend_schema(responses={200: DataExportSerializer, 404: None})
    def get(self, request):
        export = DataExport.objects.filter(user=request.user).first()
        if export is None:
            return Response({"detail": "No export has been requested yet."}, status=status.HTTP_404_NOT_FOUND)
        return Response(DataExportSerializer(export, context={"request": request}).data)

    @extend_schema(request=None, responses={202: DataExportSerializer})
    def post(self, request):
        export = services.data_export_request(user=request.user)
        export.refresh_from_db()
        return Response(
            DataExportSerializer(export, context={"request": request}).data, status=status.HTTP_202_ACCEPTED
        )


class MeView(APIView):
    """The signed-in person's own account."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = MeSerializer

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)

    @extend_schema(request=AccountDeleteSerializer, responses={204: None, 400: None})
    def delete(self, request):
        """Delete the account (password required), as on the "Delete my account" page."""
        serializer = AccountDeleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.account_delete(user=request.user, password=serializer.validated_data["password"])
        except services.AccountError as error:
            return Response({error.field or "detail": [str(error.message)]}, status=status.HTTP_400_BAD_REQUEST)
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)

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
