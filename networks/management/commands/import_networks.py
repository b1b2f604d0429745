from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from networks.importer import NetworkImportError, import_networks, parse


class Command(BaseCommand):
    help = (
        "Create or update networks (French pages and their English translations) from a JSON file, "
        "matched by acronym. Nothing is written when the file has an error."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON file; see the README for its format.")

    def handle(self, *args, file, **options):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            report = import_networks(parse(text, name=str(file)))
        except NetworkImportError as error:
            raise CommandError(f"Nothing imported: {error}") from error
        for outcome in ("created", "updated", "unchanged"):
            names = getattr(report, outcome)
            detail = f" ({', '.join(names)})" if names and outcome != "unchanged" else ""
            self.stdout.write(f"{outcome.capitalize()}: {len(names)}{detail}")
