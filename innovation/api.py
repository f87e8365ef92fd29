"""The one REST API router, under ``/api/v1/``. Each app registers its viewsets here."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from accounts.api import MeView

router = DefaultRouter()

urlpatterns = [
    path("me/", MeView.as_view(), name="api-me"),
]
urlpatterns += router.urls
