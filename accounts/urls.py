from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("language/", views.language_switch, name="language"),
    path("terms/", views.TermsView.as_view(), name="terms"),
]
