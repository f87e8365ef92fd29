"""The public timeline on idea pages, through the ideas app's panel extension point."""

from ideas.extensions import Panel, register_panel

from .selectors import timelines_for


def timeline_context(request, objects) -> dict:
    return {pk: {"timeline": steps} for pk, steps in timelines_for(objects).items()}


register_panel(
    Panel(place="idea_detail_main", template="pipeline/includes/idea_timeline.html", context=timeline_context, order=50)
)
