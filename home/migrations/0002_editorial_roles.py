from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.roles import ensure_roles, grant_section, section_models


def create_roles(apps, schema_editor):
    # Permissions are normally created after the last migration (post_migrate); the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)
    for label in section_models():
        try:
            model = apps.get_model(label)
        except LookupError:
            # A section type a later migration creates: that migration's sections get their rights then.
            continue
        for page in model.objects.all():
            grant_section(apps, page)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("news", "0004_embargo_preview_links"),
        ("networks", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
