from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("language/", views.language_switch, name="language"),
    path("terms/", views.TermsView.as_view(), name="terms"),
    path("data/", views.PrivacyView.as_view(), name="privacy"),
    path("data/<str:token>/", views.data_export_download, name="data_export"),
    path("delete/", views.AccountDeleteView.as_view(), name="delete"),
]
