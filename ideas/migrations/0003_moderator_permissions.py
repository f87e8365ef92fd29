"""Moderators work the queue of ideas, comments and flags; leadership may read them."""

from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    roles.grant(
        apps,
        roles.MODERATORS,
        [
            "ideas.view_idea",
            "ideas.change_idea",
            "ideas.view_comment",
            "ideas.change_comment",
            "ideas.view_flag",
            "ideas.change_flag",
        ],
    )
    roles.grant(apps, roles.LEADERSHIP, ["ideas.view_idea", "ideas.view_comment"])


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0002_idea_moderation_message"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
