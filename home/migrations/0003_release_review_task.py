from django.db import migrations

from home.roles import ensure_roles


def use_release_review_task(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editorial_roles"),
        ("news", "0006_release_review_task"),
    ]

    operations = [migrations.RunPython(use_release_review_task, migrations.RunPython.noop)]
