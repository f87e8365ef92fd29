"""The pipeline in the Wagtail admin: the board, scorecards, merges and starting pilots."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from innovation.menus import PermissionMenuItem


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("pipeline.move", _("Stage change"), _("Moved to another stage of the pipeline"))
    actions.register_action("pipeline.merge", _("Merge"), _("Merged into another idea"))
    actions.register_action("pipeline.merge_into", _("Merge received"), _("Another idea was merged into this one"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include, path

    return [path("pipeline/", include("pipeline.urls", namespace="pipeline"))]


@hooks.register("register_admin_menu_item")
def register_pipeline_menu_item():
    return PermissionMenuItem(
        _("Pipeline"),
        reverse("pipeline:index"),
        name="pipeline",
        icon_name="tasks",
        order=250,
        permission="pipeline.view_evaluations",
    )


@hooks.register("insert_global_admin_css")
def pipeline_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/pipeline-admin.css"))


@hooks.register("insert_editor_js")
def pilot_editor_js():
    """Words on the KPI editor's "+" buttons ("Add a KPI", "Add a measurement")."""
    return format_html(
        '<script src="{}" data-add-kpi="{}" data-add-measurement="{}" defer></script>',
        static("js/pilot-editor.js"),
        _("Add a KPI"),
        _("Add a measurement"),
    )
