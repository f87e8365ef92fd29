"""Wagtail's starter groups give "Moderators" page-publishing rights and add an "Editors"
group. In Greenlight, moderators moderate ideas and comments, and pages belong to
Leadership; remove what the starter data granted."""

from django.db import migrations


def tidy(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group.objects.filter(name="Editors").delete()
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        GroupPagePermission.objects.filter(group=moderators).delete()
        GroupCollectionPermission.objects.filter(group=moderators).delete()
        media = moderators.permissions.filter(content_type__app_label__in=["wagtailimages", "wagtaildocs"])
        moderators.permissions.remove(*media)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_leadership_permissions")]

    operations = [migrations.RunPython(tidy, migrations.RunPython.noop)]
