from django.urls import path

from . import (
    converters,  # noqa: F401 (registers <id:...>)
    private_photos,
    views,
)

app_name = "ideas"

urlpatterns = [
    path("new/<id:challenge_id>/", views.IdeaCreateView.as_view(), name="idea_create"),
    path("mine/", views.MyIdeasView.as_view(), name="my_ideas"),
    path("following/", views.FollowingView.as_view(), name="following"),
    path("<id:pk>/", views.idea_detail, name="idea_detail"),
    path("<id:pk>/photo/<str:size>/", private_photos.serve_idea_photo, name="idea_photo"),
    path("<id:pk>/edit/", views.IdeaUpdateView.as_view(), name="idea_edit"),
    path("<id:pk>/submit/", views.IdeaSubmitView.as_view(), name="idea_submit"),
    path("<id:pk>/withdraw/", views.IdeaWithdrawView.as_view(), name="idea_withdraw"),
    path("<id:pk>/comments/", views.CommentCreateView.as_view(), name="comment_create"),
    path("<id:pk>/report/", views.FlagView.as_view(kind="idea"), name="idea_flag"),
    path("<id:pk>/follow/", views.FollowView.as_view(kind="idea"), name="idea_follow"),
    path("comments/<id:pk>/edit/", views.CommentEditView.as_view(), name="comment_edit"),
    path("comments/<id:pk>/delete/", views.CommentDeleteView.as_view(), name="comment_delete"),
    path("comments/<id:pk>/report/", views.FlagView.as_view(kind="comment"), name="comment_flag"),
    path("challenges/<id:pk>/follow/", views.FollowView.as_view(kind="challenge"), name="challenge_follow"),
]
