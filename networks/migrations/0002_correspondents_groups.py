from django.contrib.auth.management import create_permissions
from django.db import migrations

from networks.correspondents import grant_correspondents, group_name_template


def create_groups(apps, schema_editor):
    if not group_name_template():
        return
    NetworkPage = apps.get_model("networks", "NetworkPage")
    if not NetworkPage.objects.exists():
        return
    # Permissions are normally created after the last migration (post_migrate); the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    # Source pages first, so that each group is named after the network's page in the default language.
    for page in NetworkPage.objects.order_by("pk"):
        grant_correspondents(apps, page)


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
