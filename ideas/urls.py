from django.urls import path

from . import private_photos, views

app_name = "ideas"

urlpatterns = [
    path("new/<int:challenge_id>/", views.IdeaCreateView.as_view(), name="idea_create"),
    path("mine/", views.MyIdeasView.as_view(), name="my_ideas"),
    path("following/", views.FollowingView.as_view(), name="following"),
    path("<int:pk>/", views.idea_detail, name="idea_detail"),
    path("<int:pk>/photo/<str:size>/", private_photos.serve_idea_photo, name="idea_photo"),
    path("<int:pk>/edit/", views.IdeaUpdateView.as_view(), name="idea_edit"),
    path("<int:pk>/submit/", views.IdeaSubmitView.as_view(), name="idea_submit"),
    path("<int:pk>/withdraw/", views.IdeaWithdrawView.as_view(), name="idea_withdraw"),
    path("<int:pk>/comments/", views.CommentCreateView.as_view(), name="comment_create"),
    path("<int:pk>/report/", views.FlagView.as_view(kind="idea"), name="idea_flag"),
    path("<int:pk>/follow/", views.FollowView.as_view(kind="idea"), name="idea_follow"),
    path("comments/<int:pk>/edit/", views.CommentEditView.as_view(), name="comment_edit"),
    path("comments/<int:pk>/delete/", views.CommentDeleteView.as_view(), name="comment_delete"),
    path("comments/<int:pk>/report/", views.FlagView.as_view(kind="comment"), name="comment_flag"),
    path("challenges/<int:pk>/follow/", views.FollowView.as_view(kind="challenge"), name="challenge_follow"),
]
