from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Remove a user's two-step verification devices (a lost phone): they sign in with their password, then enrol again if their group must."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        count, _details = TOTPDevice.objects.devices_for_user(user, confirmed=None).delete()
        self.stdout.write(f"{username}: {count} device(s) removed.")
