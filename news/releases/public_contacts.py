"""The press contacts a reader may meet on the public site, for the press room's vCard routes."""

from django.db.models import Exists, OuterRef, Q

from wagtail.models import Site

from .contacts import PressContact
from .localization import localized_targets
from .pages import PressReleasePage
from .settings import PressOfficeDefaultContact, PressOfficeSettings


def _default_links(request):
    return PressOfficeSettings.for_request(request).default_contacts.all()


def _named_on_a_published_release():
    """Whether a published release names the contact or one of its translations: a search that stops at
    the first such release, rather than gathering the contacts of every release of the archive."""
    published = PressReleasePage.objects.published()
    return Exists(published.filter(contact_links__contact__translation_key=OuterRef("translation_key")))


def public_contact(request, pk, locale):
    """The contact ``pk`` in ``locale`` (else as it is), if a reader can meet it on a live page.

    A reader meets a contact on a published release that names it, or among the press office's
    default contacts, which the press room and releases without their own contacts show.
    """
    contact = PressContact.objects.filter(pk=pk).values("translation_key").first()
    if contact is None:
        return None
    shown = _named_on_a_published_release() | Q(
        translation_key__in=_default_links(request).values("contact__translation_key")
    )
    candidates = PressContact.objects.filter(shown, translation_key=contact["translation_key"]).select_related("locale")
    by_pk = {candidate.pk: candidate for candidate in candidates}
    in_locale = [candidate for candidate in by_pk.values() if candidate.locale_id == locale.pk]
    return in_locale[0] if in_locale else by_pk.get(pk)


def default_contacts(request, locale):
    """The press office's default contacts in ``locale`` (a locale or its id): whom the home page and
    the press room name.

    Read through the links, not ``PressOfficeSettings.for_request``, which creates the settings on a
    site's first page view: a save that counts as a change of content and empties the page cache.
    """
    links = PressOfficeDefaultContact.objects.filter(setting__site=Site.find_for_request(request))
    return list(localized_targets(PressContact.objects.select_related("locale"), links, "contact", locale))


def press_office_contacts(request, locale):
    """The press office's default contacts, then everyone named on a published release, in ``locale``."""
    contacts = PressContact.objects.select_related("locale")
    defaults = list(localized_targets(contacts, _default_links(request), "contact", locale))
    named = _named_on_a_published_release()
    linked = Exists(PressReleasePage.objects.published().filter(contact_links__contact=OuterRef("pk")))
    translated = Exists(PressContact.objects.filter(translation_key=OuterRef("translation_key"), locale=locale))
    others = (
        contacts.filter(Q(locale=locale) & named | linked & ~translated)
        .exclude(translation_key__in=[contact.translation_key for contact in defaults])
        .order_by("family_name", "given_name", "pk")
    )
    return [*defaults, *others]
