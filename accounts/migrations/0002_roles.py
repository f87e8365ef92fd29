from django.db import migrations

from accounts import roles


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in roles.ROLES:
        Group.objects.get_or_create(name=name)
    for role in roles.ADMIN_ROLES:
        roles.grant(apps, role, ["wagtailadmin.access_admin"])
    roles.grant(
        apps,
        roles.LEADERSHIP,
        [
            "accounts.add_district",
            "accounts.change_district",
            "accounts.delete_district",
            "accounts.view_district",
            "accounts.view_user",
            "accounts.change_user",
            "accounts.add_user",
        ],
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(roles.ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # Wagtail creates its own "Moderators" and "Editors" groups there; ours reuse the name.
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
