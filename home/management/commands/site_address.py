from django.core.management.base import BaseCommand

from wagtail.models import Site

from home.site_address import set_site_address


class Command(BaseCommand):
    help = "Give the default Wagtail Site the address of FCRIN_SITE_URL, on which every absolute link is built."

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No site yet: run load_initial_data or create one in the admin.")
            return
        if set_site_address(site):
            site.save()
        self.stdout.write(f"Site address: {site.root_url}/")
