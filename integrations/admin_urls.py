"""Mounted under /admin/integrations/ by wagtail_hooks."""

from django.urls import path

from . import admin_views as views

app_name = "integrations_admin"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("webhooks/add/", views.EndpointFormView.as_view(), name="endpoint_add"),
    path("webhooks/<int:pk>/", views.EndpointView.as_view(), name="endpoint"),
    path("webhooks/<int:pk>/edit/", views.EndpointFormView.as_view(), name="endpoint_edit"),
    path("deliveries/<int:pk>/redeliver/", views.RedeliverView.as_view(), name="redeliver"),
    path("systems/add/", views.SystemAccountCreateView.as_view(), name="system_add"),
    path("systems/<int:pk>/tokens/add/", views.ServiceTokenCreateView.as_view(), name="service_token"),
    path("tokens/<int:pk>/revoke/", views.ServiceTokenRevokeView.as_view(), name="service_token_revoke"),
]
