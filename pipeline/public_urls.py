from django.urls import path

from . import public_views

app_name = "pipeline_public"

urlpatterns = [
    path("pilots/<int:pk>/follow/", public_views.PilotFollowView.as_view(), name="pilot_follow"),
]
