"""The Wagtail Site's address from the one setting that says where the site is served (FCRIN_SITE_URL)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def configured_address():
    """``(hostname, port)`` of FCRIN_SITE_URL, as Wagtail's Site holds them."""
    address = urlsplit(settings.FCRIN_SITE_URL)
    default_port = {"http": 80, "https": 443}.get(address.scheme)
    if default_port is None or not address.hostname:
        raise ImproperlyConfigured(f"FCRIN_SITE_URL must be an http(s) address, not {settings.FCRIN_SITE_URL!r}.")
    port = address.port or default_port
    # Wagtail's Site.root_url says https for port 443 only.
    if address.scheme == "https" and port != 443:
        raise ImproperlyConfigured("FCRIN_SITE_URL: an https address must be on port 443 (Wagtail's Site).")
    return address.hostname, port


def set_site_address(site):
    """Give ``site`` the configured address; says whether it changed (the caller saves)."""
    hostname, port = configured_address()
    changed = (site.hostname, site.port) != (hostname, port)
    site.hostname, site.port = hostname, port
    return changed
