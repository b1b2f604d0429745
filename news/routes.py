"""Downloads served under the press room of each language: vCards, feeds.

Wagtail serves only paths made of word-character segments ending in a slash, so no route ends in
``.vcf`` or ``.xml``: the file name comes from ``Content-Disposition`` and the links' ``download``
attribute. A mixin rather than routes written into ``PressRoomPage`` itself, so the page model
stays about the listing and the distribution formats live together.
"""

from django.http import Http404
from django.utils.translation import gettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class PressRoomRoutes(RoutablePageMixin):
    # The formats import the models, which import this mixin: they are imported when first served.

    @path("contacts/vcard/", name="press_office_vcard")
    def press_office_vcard(self, request):
        from . import vcards

        contacts = vcards.press_office_contacts(request, self.locale)
        if not contacts:
            raise Http404
        # The file name is translated: "contacts-presse.vcf" for a French press room.
        name = gettext("press-contacts")
        return vcards.vcard_response(contacts, f"{name}.vcf")

    @path("contacts/<int:pk>/vcard/", name="press_contact_vcard")
    def press_contact_vcard(self, request, pk):
        from . import vcards

        contact = vcards.public_contact(request, pk, self.locale)
        if contact is None:
            raise Http404
        return vcards.vcard_response([contact], vcards.filename(contact))
