from django.urls import path

from ideas import converters  # noqa: F401 (registers <id:...>)

from . import views

app_name = "voting"

urlpatterns = [
    path("ideas/<id:pk>/support/", views.SupportView.as_view(), name="support"),
    path("challenges/<id:pk>/compare/", views.CompareView.as_view(), name="compare"),
    path("challenges/<id:pk>/compare/idea/", views.CompareAddIdeaView.as_view(), name="compare_add_idea"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("challenges/<id:pk>/results/", views.ResultsView.as_view(), name="results"),
]
