"""Moderators work the queue of ideas, comments and reports; leadership may read them.

Moderators only view these models in the admin: every change goes through the moderation
actions (services), which keep counters, signals and the audit log right."""

from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    roles.grant(
        apps,
        roles.MODERATORS,
        [
            "ideas.view_idea",
            "ideas.view_comment",
            "ideas.view_flag",
        ],
    )
    roles.grant(apps, roles.LEADERSHIP, ["ideas.view_idea", "ideas.view_comment"])


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0002_idea_moderation_message"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
