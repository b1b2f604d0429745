from django.db import migrations

from home.roles import grant_section


def grant_media_library(apps, schema_editor):
    # The media library page became a section after sites had created it.
    for page in apps.get_model("news", "MediaLibraryPage").objects.all():
        grant_section(apps, page)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_media_item_permissions"),
        ("news", "0014_media_library"),
    ]

    operations = [migrations.RunPython(grant_media_library, migrations.RunPython.noop)]
