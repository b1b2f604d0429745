import io

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Page, Revision

from home.demo import STEPS
from home.demo.context import DemoContext


def has_editor_content():
    """Anything saved through the admin by a person carries an owner or a revision author."""
    return Page.objects.filter(owner__isnull=False).exists() or Revision.objects.filter(user__isnull=False).exists()


class Command(BaseCommand):
    help = "Create the demo content (locales, site, pages, snippets) in French and English. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add missing demo content even though editors have already saved content.",
        )

    def handle(self, *args, force=False, **options):
        if has_editor_content() and not force:
            self.stdout.write(
                self.style.WARNING("Editor content found: demo content left untouched (use --force to add it anyway).")
            )
            return
        # Each object created is listed at verbosity 2; by default only the summary is printed.
        demo = DemoContext(stdout=self.stdout if options["verbosity"] > 1 else io.StringIO())
        try:
            with transaction.atomic():
                for step in STEPS:
                    step(demo)
        except Exception as error:
            raise CommandError(f"Demo content not loaded, nothing was changed: {error}") from error
        summary = (
            f"{len(demo.created)} objects created" if demo.created else "nothing to do, demo content is up to date"
        )
        self.stdout.write(self.style.SUCCESS(f"Demo content: {summary}."))
