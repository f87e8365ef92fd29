from django.urls import path

from ideas import converters  # noqa: F401 (registers <id:...>)

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.NotificationListView.as_view(), name="list"),
    path("read/", views.MarkReadView.as_view(), name="mark_read"),
    path("<id:pk>/open/", views.OpenView.as_view(), name="open"),
    path("email/", views.PreferencesView.as_view(), name="preferences"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
