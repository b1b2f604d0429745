from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.roles import ensure_roles


def grant_media_items(apps, schema_editor):
    # Permissions are normally created after the last migration (post_migrate); the groups need them now.
    news = apps.get_app_config("news")
    news.models_module = True
    create_permissions(news, apps=apps, verbosity=0)
    news.models_module = None
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_newsroom_sections"),
        ("news", "0014_media_library"),
    ]

    operations = [migrations.RunPython(grant_media_items, migrations.RunPython.noop)]
