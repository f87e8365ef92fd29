from django import template

from ..selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/bell.html", takes_context=True)
def notification_bell(context):
    """The header's bell: one count query, only for people signed in."""
    user = context.get("user")
    return {"count": unread_count(user=user) if user is not None else 0}
