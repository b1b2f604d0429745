"""Downloads served under the press room of each language: vCards and feeds (a release serves its press kit).

Wagtail serves only paths made of word-character segments ending in a slash, so no route ends in
``.vcf`` or ``.xml``: the file name comes from ``Content-Disposition`` and the links' ``download``
attribute. A mixin rather than routes written into ``PressRoomPage`` itself, so the page model
stays about the listing and the downloads live together; the formats get what they write from
here and from the page's ``releases()``.
"""

from django.http import Http404
from django.utils.translation import gettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from .. import visibility
from ..distribution import vcards
from ..distribution.feeds import PressReleaseFeed
from . import public_contacts
from .topics import Topic


class PressRoomRoutes(RoutablePageMixin):
    def get_cached_paths(self):
        """What a CDN drops with the press room when a release is published: its feeds and the office vCard."""
        routes = [("press_feed", ["rss"]), ("press_feed", ["atom"]), ("press_office_vcard", [])]
        return ["/", *(f"/{self.reverse_subpage(name, args=args)}" for name, args in routes)]

    @path("contacts/vcard/", name="press_office_vcard")
    def press_office_vcard(self, request):
        contacts = public_contacts.press_office_contacts(request, self.locale)
        if not contacts:
            raise Http404
        # The file name is translated: "contacts-presse.vcf" for a French press room.
        name = gettext("press-contacts")
        return vcards.vcard_response(contacts, f"{name}.vcf")

    @path("contacts/<int:pk>/vcard/", name="press_contact_vcard")
    def press_contact_vcard(self, request, pk):
        contact = public_contacts.public_contact(request, pk, self.locale)
        if contact is None:
            raise Http404
        return vcards.vcard_response([contact], vcards.filename(contact))

    @re_path(r"^feed/(?P<feed_format>rss|atom)/$", name="press_feed")
    def press_feed(self, request, feed_format):
        return PressReleaseFeed(self, feed_format, releases=self.releases())(request)

    @re_path(r"^feed/topic/(?P<slug>[\w-]+)/(?P<feed_format>rss|atom)/$", name="press_topic_feed")
    def press_topic_feed(self, request, slug, feed_format):
        topics = Topic.objects.filter(slug=slug)
        topic = topics.filter(locale=self.locale).first() or topics.first()
        if topic is None:
            raise Http404
        topic = topic.get_translation_or_none(self.locale) or topic
        releases = self.releases().with_topic(topic)
        return PressReleaseFeed(self, feed_format, subject=topic.name, releases=releases)(request)

    @re_path(r"^feed/network/(?P<network>[\w-]+)/(?P<feed_format>rss|atom)/$", name="press_network_feed")
    def press_network_feed(self, request, network, feed_format):
        """Releases about a network page, given by id or slug; any page type can be a network."""
        # Any public page can be cited as a network; its title names the feed, so never one the public may not see.
        networks = visibility.public(Page.objects.all())
        pages = networks.filter(**{"pk" if network.isdigit() else "slug": network})
        page = pages.filter(locale=self.locale).first() or pages.first()
        if page is None:
            raise Http404
        page = networks.filter(translation_key=page.translation_key, locale=self.locale).first() or page
        releases = self.releases().with_network(page)
        return PressReleaseFeed(self, feed_format, subject=page.title, releases=releases)(request)
