"""The one REST API router, under ``/api/v1/``. Each app registers its viewsets here."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from accounts.api import DataExportView, MeView
from ideas import api as ideas_api
from ideas import converters
from integrations import api as integrations_api
from notifications import api as notifications_api
from pipeline.api import IdeaTimelineView, PilotViewSet
from search import api as search_api
from voting import api as voting_api


class IdRouter(DefaultRouter):
    """Object routes take whole-number ids only (``ideas/abc/`` is a 404, not an error)."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        lookup_url_kwarg = getattr(viewset, "lookup_url_kwarg", None) or getattr(viewset, "lookup_field", "pk")
        lookup_value = getattr(viewset, "lookup_value_regex", converters.ID_PATTERN)
        return f"(?P<{lookup_prefix}{lookup_url_kwarg}>{lookup_value})"


router = IdRouter()
router.register("pilots", PilotViewSet, basename="pilot")
router.register("challenges", ideas_api.ChallengeViewSet, basename="challenge")
router.register("ideas", ideas_api.IdeaViewSet, basename="idea")
router.register("comments", ideas_api.CommentViewSet, basename="comment")
router.register("me/tokens", integrations_api.MyTokenViewSet, basename="me-token")
router.register("open-data/ideas", integrations_api.OpenIdeaViewSet, basename="api-open-idea")
router.register("open-data/challenges", integrations_api.OpenChallengeViewSet, basename="api-open-challenge")
router.register("open-data/pilots", integrations_api.OpenPilotViewSet, basename="api-open-pilot")

urlpatterns = [
    path("me/", MeView.as_view(), name="api-me"),
    path("me/export/", DataExportView.as_view(), name="api-me-export"),
    path("me/verification/", voting_api.MyVerificationView.as_view(), name="api-me-verification"),
    path("me/notifications/", notifications_api.NotificationListView.as_view(), name="api-me-notifications"),
    path("me/notifications/read/", notifications_api.NotificationReadView.as_view(), name="api-me-notifications-read"),
    path("open-data/", integrations_api.CatalogView.as_view(), name="api-open-data-catalog"),
    path("ideas/<id:pk>/support/", voting_api.SupportView.as_view(), name="api-idea-support"),
    path("challenges/<id:pk>/pair/", voting_api.PairView.as_view(), name="api-challenge-pair"),
    path(
        "challenges/<id:pk>/pairwise-votes/",
        voting_api.PairwiseVoteView.as_view(),
        name="api-challenge-pairwise-votes",
    ),
    path("challenges/<id:pk>/results/", voting_api.ResultsView.as_view(), name="api-challenge-results"),
    path(
        "challenges/<id:pk>/district-totals/",
        voting_api.DistrictTotalsView.as_view(),
        name="api-challenge-district-totals",
    ),
    path("ideas/<id:pk>/timeline/", IdeaTimelineView.as_view(), name="api-idea-timeline"),
    path("search/", search_api.SearchView.as_view(), name="api-search"),
    path("search/suggest/", search_api.SuggestView.as_view(), name="api-search-suggest"),
    path("search/similar/", search_api.SimilarView.as_view(), name="api-search-similar"),
]
urlpatterns += router.urls
