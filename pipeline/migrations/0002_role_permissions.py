"""What each role may do with the pipeline's records (page permissions for pilots come from
leadership's page permissions on the whole tree)."""

from django.db import migrations

from accounts import roles


def grant_roles(apps, schema_editor):
    roles.grant(apps, roles.MODERATORS, ["pipeline.view_stagechange", "pipeline.add_stagechange"])
    roles.grant(
        apps,
        roles.EVALUATORS,
        [
            "pipeline.view_evaluatorassignment",
            "pipeline.view_evaluation",
            "pipeline.add_evaluation",
            "pipeline.change_evaluation",
            "pipeline.view_criterionscore",
            "pipeline.add_criterionscore",
            "pipeline.change_criterionscore",
        ],
    )
    roles.grant(
        apps,
        roles.LEADERSHIP,
        [
            "pipeline.view_stagechange",
            "pipeline.add_stagechange",
            "pipeline.view_evaluatorassignment",
            "pipeline.add_evaluatorassignment",
            "pipeline.change_evaluatorassignment",
            "pipeline.delete_evaluatorassignment",
            "pipeline.view_evaluation",
            "pipeline.view_criterionscore",
            "pipeline.add_pilotpage",
            "pipeline.change_pilotpage",
            "pipeline.view_pilotpage",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pipeline", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
