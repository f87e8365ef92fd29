from django.urls import path

from ideas import converters  # noqa: F401 (registers <id:...>)

from . import public_views

app_name = "pipeline_public"

urlpatterns = [
    path("pilots/<id:pk>/follow/", public_views.PilotFollowView.as_view(), name="pilot_follow"),
]
