"""A Wagtail admin menu entry shown only to whoever holds one permission: the same rule that
guards the pages behind it decides whether the entry is there. A leaf module (Wagtail only)
that every app's ``wagtail_hooks`` may import."""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """``permission`` is a class attribute (for a viewset's ``menu_item_class``) or a keyword."""

    permission: str = ""

    def __init__(self, *args, permission: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if permission is not None:
            self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
