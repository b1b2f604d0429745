import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail.users.models import UserProfile


class Command(BaseCommand):
    help = (
        "Create the first administrator if there is none, with a name and the site's language for the "
        "admin. The password comes from DJANGO_SUPERUSER_PASSWORD, or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("DJANGO_SUPERUSER_EMAIL", "admin@example.org"))
        parser.add_argument("--first-name", default=os.environ.get("DJANGO_SUPERUSER_FIRST_NAME", "Admin"))
        parser.add_argument("--last-name", default=os.environ.get("DJANGO_SUPERUSER_LAST_NAME", "F-CRIN"))

    def handle(self, *args, username, email, first_name, last_name, **options):
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing is not None:
            self.stdout.write(f"Administrator: {existing.get_username()} (already there, password unchanged)")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        # A first and last name, as the admin's account form requires them: without, changing one's
        # language there fails on fields the administrator never filled in.
        user = User.objects.create_superuser(
            username=username, email=email, password=password, first_name=first_name, last_name=last_name
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save()
        self.stdout.write(self.style.SUCCESS(f"Administrator created: {username}"))
        if generated:
            self.stdout.write(f"Password (shown once, write it down): {password}")
