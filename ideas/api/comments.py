"""Comments through the API: edit, remove, report."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from .. import services
from ..models import Comment
from .common import _flag
from .permissions import RulesPermission, WriteThrottle, run_service
from .serializers import CommentEditSerializer, CommentSerializer, DetailSerializer, FlagSerializer


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
