"""The pipeline's admin URLs, mounted under /admin/pipeline/ by wagtail_hooks."""

from django.urls import path

from ideas import converters  # noqa: F401 (registers <id:...>)

from . import views

app_name = "pipeline"
urlpatterns = [
    path("", views.PipelineIndexView.as_view(), name="index"),
    path("board/<id:challenge_id>/", views.BoardView.as_view(), name="board"),
    path("board/<id:challenge_id>/move/", views.BoardMoveView.as_view(), name="board_move"),
    path("evaluation/<id:challenge_id>/", views.EvaluatorsView.as_view(), name="evaluators"),
    path("ideas/<id:idea_id>/", views.IdeaPipelineView.as_view(), name="idea"),
    path("ideas/<id:idea_id>/move/", views.IdeaMoveView.as_view(), name="idea_move"),
    path("ideas/<id:idea_id>/merge/", views.IdeaMergeView.as_view(), name="idea_merge"),
    path("ideas/<id:idea_id>/scorecard/", views.ScorecardView.as_view(), name="scorecard"),
    path("pilots/start/", views.StartPilotView.as_view(), name="start_pilot"),
]
