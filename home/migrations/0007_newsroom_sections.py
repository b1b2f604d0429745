from django.db import migrations

from home.roles import grant_section


def grant_newsroom_sections(apps, schema_editor):
    # The experts directory and the press coverage page became sections after sites had created them.
    for label in ["news.ExpertIndexPage", "news.CoveragePage"]:
        for page in apps.get_model(label).objects.all():
            grant_section(apps, page)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_alerts_permissions"),
        ("news", "0011_experts"),
    ]

    operations = [migrations.RunPython(grant_newsroom_sections, migrations.RunPython.noop)]
