from django.urls import path

from . import admin_views

app_name = "notifications_admin"

urlpatterns = [
    path("outbox/", admin_views.OutboxView.as_view(), name="outbox"),
    path("announce/", admin_views.AnnouncementView.as_view(), name="announce"),
]
