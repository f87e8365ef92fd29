from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("ideas/", include("ideas.urls")),
    path("votes/", include("voting.urls")),
    path("search/", include("search.urls")),
    path("notifications/", include("notifications.urls")),
    path("pipeline/", include("pipeline.public_urls")),
    path("", include("integrations.urls")),
    path("api/v1/", include("innovation.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        SpectacularRedocView.as_view(url_name="api-schema", template_name="api/redoc.html"),
        name="api-docs",
    ),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("healthz", home_views.healthz, name="healthz"),
]

# Media through Django in every setting: it hides photos of ideas that are not public.
urlpatterns += [path("media/<path:path>", home_views.serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
