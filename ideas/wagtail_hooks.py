"""The moderation queue in the Wagtail admin: ideas, comments and reports, with filters, an
inspect view and the moderation actions; plus the audit-log actions they write."""

import django_filters
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import (
    admin_views,
    converters,  # noqa: F401 (registers <id:...>)
)
from .models import ChallengePage, Comment, Flag, Idea, IdeaStage, listed_ideas_q

QUEUE_CHOICES = [
    ("attention", _("Needs attention (held or reported)")),
    ("held", _("Held for approval")),
    ("reported", _("Reported")),
    ("hidden", _("Hidden")),
]


def _filter_queue(queryset, value):
    if value == "attention":
        return queryset.filter(flag_count__gt=0) | queryset.filter(**_held(queryset))
    if value == "held":
        return queryset.filter(**_held(queryset))
    if value == "reported":
        return queryset.filter(flag_count__gt=0)
    if value == "hidden":
        return queryset.filter(is_hidden=True)
    return queryset


def _held(queryset) -> dict:
    return {"stage": IdeaStage.SUBMITTED} if queryset.model is Idea else {"pk__in": []}


def yes_no(field: str, label) -> Column:
    """A true/false field in a listing, as "Yes" or "No" rather than Python's True/False."""
    return Column(field, label=label, accessor=lambda obj: _("Yes") if getattr(obj, field) else _("No"))


class NeedsAttentionFirst:
    """A queue's menu item opens it on "Needs attention"; clearing that filter (its chip's
    ×, or "All" in the filters) shows everything."""

    @cached_property
    def menu_url(self):
        return f"{super().menu_url}?queue=attention"


class IdeaQueueFilterSet(WagtailFilterSet):
    queue = django_filters.ChoiceFilter(
        label=_("Queue"), choices=QUEUE_CHOICES, method="filter_queue", empty_label=_("All ideas")
    )

    class Meta:
        model = Idea
        fields = ["queue", "stage", "challenge"]

    def filter_queue(self, queryset, name, value):
        return _filter_queue(queryset, value)


class CommentQueueFilterSet(WagtailFilterSet):
    queue = django_filters.ChoiceFilter(
        label=_("Queue"),
        choices=[QUEUE_CHOICES[0], *QUEUE_CHOICES[2:]],
        method="filter_queue",
        empty_label=_("All comments"),
    )

    class Meta:
        model = Comment
        fields = ["queue", "is_official"]

    def filter_queue(self, queryset, name, value):
        return _filter_queue(queryset, value)


class IdeaQueueViewSet(NeedsAttentionFirst, SnippetViewSet):
    model = Idea
    icon = "doc-full"
    menu_label = _("Ideas")
    list_display = [
        "title",
        "challenge",
        "author",
        "stage",
        "flag_count",
        yes_no("is_hidden", _("Hidden")),
        "created_at",
    ]
    filterset_class = IdeaQueueFilterSet
    search_fields = ["title", "summary"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "summary",
        "body",
        "challenge",
        "author",
        "district",
        "location_name",
        "stage",
        "is_hidden",
        "hidden_reason",
        "moderation_message",
        "flag_count",
        "comment_count",
        "created_at",
        "submitted_at",
        "published_at",
    ]
    ordering = ["-flag_count", "-created_at"]

    def get_queryset(self, request):
        return Idea.objects.select_related("challenge", "author")


class CommentQueueViewSet(NeedsAttentionFirst, SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    list_display = [
        "__str__",
        "excerpt",
        "flag_count",
        yes_no("is_hidden", _("Hidden")),
        yes_no("is_official", _("Official response")),
        "created_at",
    ]
    filterset_class = CommentQueueFilterSet
    search_fields = ["body"]
    inspect_view_enabled = True
    inspect_view_fields = ["idea", "author", "body", "is_official", "is_deleted", "is_hidden", "hidden_reason"]
    ordering = ["-flag_count", "-created_at"]

    def get_queryset(self, request):
        return Comment.objects.select_related("idea", "author")


class FlagViewSet(SnippetViewSet):
    model = Flag
    icon = "warning"
    menu_label = _("Reports")

    def get_index_view_kwargs(self, **kwargs):
        # The page is called what the menu calls it (the model is a "flag").
        return super().get_index_view_kwargs(page_title=_("Reports"), **kwargs)

    list_display = ["__str__", "reporter", "status", "created_at"]
    list_filter = ["status", "reason"]
    inspect_view_enabled = True
    inspect_view_fields = ["reason", "details", "idea", "comment", "reporter", "status", "resolved_by", "resolved_at"]

    def get_queryset(self, request):
        return Flag.objects.select_related("idea", "comment", "reporter")


class ModerationGroup(SnippetViewSetGroup):
    items = (IdeaQueueViewSet, CommentQueueViewSet, FlagViewSet)
    menu_icon = "warning"
    menu_label = _("Moderation")
    menu_name = "moderation"
    menu_order = 250


register_snippet(ModerationGroup)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path(
            "moderation/<str:kind>/<id:pk>/<str:action>/",
            admin_views.moderate,
            name="ideas_moderate",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def moderation_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Idea):
        kind, actions, labels = "idea", admin_views.idea_actions_for(snippet), admin_views.IDEA_ACTIONS
    elif isinstance(snippet, Comment):
        kind, actions, labels = "comment", admin_views.comment_actions_for(snippet), admin_views.COMMENT_ACTIONS
    else:
        return []
    if not user.has_perm("ideas.moderate", snippet):
        return []
    suffix = f"?next={next_url}" if next_url else ""
    return [
        ListingButton(
            labels[action][0],
            url=reverse("ideas_moderate", args=[kind, snippet.pk, action]) + suffix,
            priority=10 + index,
        )
        for index, action in enumerate(actions)
    ]


@hooks.register("register_log_actions")
def moderation_log_actions(actions):
    actions.register_action("greenlight.idea.approve", _("Approve idea"), _("Approved and published"))
    actions.register_action("greenlight.idea.reject", _("Reject idea"), _("Rejected with a message to the author"))
    actions.register_action("greenlight.idea.hide", _("Hide idea"), _("Hidden by a moderator"))
    actions.register_action("greenlight.idea.restore", _("Restore idea"), _("Restored by a moderator"))
    actions.register_action("greenlight.comment.hide", _("Hide comment"), _("Hidden by a moderator"))
    actions.register_action("greenlight.comment.restore", _("Restore comment"), _("Restored by a moderator"))


# Challenges --------------------------------------------------------------------------------
class ChallengeIndexView(PageIndexView):
    """Every challenge with its phase and how many ideas it has, counted as the site counts
    them, in one query."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                listed_ideas=Count("ideas", filter=listed_ideas_q("ideas__"), distinct=True),
                held_ideas=Count("ideas", filter=Q(ideas__stage=IdeaStage.SUBMITTED), distinct=True),
            )
        )


class ChallengeListingViewSet(PageListingViewSet):
    """Admin → Challenges: where leadership finds and adds challenges, without walking the
    page tree (the "Add challenge" button asks where only if there are several indexes)."""

    model = ChallengePage
    index_view_class = ChallengeIndexView
    icon = "help"
    menu_label = _("Challenges")
    menu_order = 150
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("phase", label=_("Phase"), accessor="get_phase_display"),
        Column("listed_ideas", label=_("Ideas"), sort_key="listed_ideas"),
        Column("held_ideas", label=_("Held for approval"), sort_key="held_ideas"),
    ]


@hooks.register("register_admin_viewset")
def challenge_listing():
    return ChallengeListingViewSet("challenges")
