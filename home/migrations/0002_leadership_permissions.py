"""Leadership edits and publishes pages and manages images and documents."""

from django.db import migrations

from accounts import roles


def grant_pages(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    roles.grant(apps, roles.LEADERSHIP, ["home.change_sitesettings"])
    leadership = Group.objects.get(name=roles.LEADERSHIP)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
            permission = roles.ensure_permission(apps, f"wagtailcore.{codename}")
            GroupPagePermission.objects.get_or_create(group=leadership, page=root, permission=permission)
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for app_label, codename in (
            ("wagtailimages", "add_image"),
            ("wagtailimages", "change_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "change_document"),
            ("wagtaildocs", "choose_document"),
        ):
            permission = roles.ensure_permission(apps, f"{app_label}.{codename}")
            GroupCollectionPermission.objects.get_or_create(group=leadership, collection=collection, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(grant_pages, migrations.RunPython.noop)]
