from django.urls import path

from . import views

app_name = "voting"

urlpatterns = [
    path("ideas/<int:pk>/support/", views.SupportView.as_view(), name="support"),
    path("challenges/<int:pk>/compare/", views.CompareView.as_view(), name="compare"),
    path("challenges/<int:pk>/compare/idea/", views.CompareAddIdeaView.as_view(), name="compare_add_idea"),
    path("challenges/<int:pk>/results/", views.ResultsView.as_view(), name="results"),
]
