"""The roles of Greenlight: Django groups created by data migrations.

Each role's permissions are declared by the app that owns the models, in that app's own
data migration, through :func:`grant`. ``accounts`` knows the role names only.
"""

from django.utils.translation import gettext_lazy as _

RESIDENTS = "Residents"
CITY_STAFF = "City staff"
MODERATORS = "Moderators"
EVALUATORS = "Evaluators"
LEADERSHIP = "Leadership"

ROLES = {
    RESIDENTS: _("Residents: submit, support, comment and follow."),
    CITY_STAFF: _("City staff: take part like residents, marked as staff; may give official responses."),
    MODERATORS: _("Moderators: approve, hide and restore ideas and comments; merge duplicates."),
    EVALUATORS: _("Evaluators: score ideas against a challenge's criteria."),
    LEADERSHIP: _("Leadership: create challenges, move ideas through the pipeline, start pilots."),
}

# Roles whose members may open the Wagtail admin.
ADMIN_ROLES = (MODERATORS, EVALUATORS, LEADERSHIP)


def ensure_permission(apps, permission: str):
    """The Permission row for ``app_label.codename``, created if ``post_migrate`` has not made
    it yet. For use inside data migrations (``apps`` is the migration state)."""
    from django.contrib.auth.management import create_permissions

    Permission = apps.get_model("auth", "Permission")
    app_label, codename = permission.split(".", 1)
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is None:
        app_config = apps.get_app_config(app_label)
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
        found = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    return found


def grant(apps, role: str, permissions: list[str]) -> None:
    """Give ``role`` the ``app_label.codename`` model permissions. For data migrations."""
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=role)
    for permission in permissions:
        group.permissions.add(ensure_permission(apps, permission))


def user_roles(user) -> frozenset[str]:
    """The role names of ``user`` (read once per user object: :mod:`accounts.standing`)."""
    from .standing import roles_of

    return roles_of(user)
