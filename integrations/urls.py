from django.urls import path

from . import calendar, views

app_name = "integrations"

urlpatterns = [
    path("me/tokens/", views.TokensView.as_view(), name="tokens"),
    path("me/tokens/<int:pk>/revoke/", views.TokenRevokeView.as_view(), name="token_revoke"),
    path("calendar/challenges.ics", calendar.all_challenges, name="calendar"),
    path("calendar/challenges/<int:pk>.ics", calendar.one_challenge, name="challenge_calendar"),
]
