from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale, Page, Site


@contextmanager
def demo_loaded(django_db_blocker):
    """The demo content on the database of a fresh install, in a transaction rolled back at the end.

    As Django's ``TestCase.setUpTestData``: tests run in savepoints of it. The fresh install is what
    migrations leave: Wagtail's welcome page as the default site's root, French the only locale.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        Page.objects.filter(depth=2).delete()
        Locale.objects.exclude(language_code="fr").delete()
        welcome = Page(title="Welcome to your new Wagtail site!", slug="home")
        Page.get_first_root_node().add_child(instance=welcome)
        Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
        call_command("load_initial_data", stdout=StringIO())
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)
