"""Press releases: the page model, with its links to topics, networks, contacts, boilerplates and files."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager, Site
from wagtail.models.panels import CommentPanelPlaceholder
from wagtail.search import index

from .. import visibility
from ..blocks import PressReleaseBodyBlock
from ..distribution.pdf import pdf_response
from ..distribution.press_kit import press_kit_response
from ..jsonld import script_json
from ..page_permissions import permission_tester
from ..serving import ServedPage, site_url
from .boilerplates import Boilerplate
from .contacts import PressContact
from .forms import PressReleaseForm
from .localization import localized_targets
from .panels import EmbargoPanel, ReadabilityPanel, in_local_time
from .permissions import EmbargoPagePermissionTester
from .querysets import PressReleaseQuerySet
from .settings import PressOfficeDefaultBoilerplate, PressOfficeDefaultContact
from .topics import Topic

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
HERO_RENDITIONS = ["width-1200", "fill-1200x630"]


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)


class PressReleasePage(RoutablePageMixin, ServedPage, Page):
    # Blank in drafts; the pre-publish checks (news/editorial/prepublish.py) ask for it before publishing.
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("The opening paragraph in bold: who, what, when, in two or three sentences."),
    )
    lay_summary = models.TextField(
        _("in brief for patients"),
        blank=True,
        help_text=_(
            "Optional. What the news means for patients and their families, in everyday words: short "
            "sentences, no abbreviations, no jargon. Shown above the release, in the feeds and to search engines."
        ),
    )
    release_date = models.DateField(
        _("release date"),
        default=timezone.localdate,
        blank=True,
        help_text=_(
            "The date printed on the release. Leave it empty to print the day the embargo lifts, "
            "or the day of publication when there is no embargo."
        ),
    )
    # Set by the admin's form when the editor leaves the release date empty; pages written in code give theirs.
    release_date_automatic = models.BooleanField(default=False, editable=False)
    dateline = models.CharField(_("dateline"), max_length=80, blank=True, help_text=_("City, e.g. Paris."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows. Leave blank to use the image's description."),
    )
    hero_caption = models.CharField(_("caption"), max_length=250, blank=True)
    hero_credit = models.CharField(_("credit"), max_length=120, blank=True)
    body = StreamField(PressReleaseBodyBlock(), verbose_name=_("body"), blank=True)
    correction_notice = RichTextField(
        _("correction notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What was corrected, shown at the top of the release as “Correction”."),
    )
    correction_date = models.DateField(_("correction date"), null=True, blank=True)
    french_first = models.BooleanField(
        _("French first"),
        default=False,
        help_text=_(
            "Tick to publish without a translation ready when the embargo lifts: the translation will follow later."
        ),
    )

    objects = PressReleaseManager()
    base_form_class = PressReleaseForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        ReadabilityPanel("lay_summary"),
        MultiFieldPanel([EmbargoPanel()], heading=_("Embargo")),
        MultiFieldPanel([FieldPanel("release_date"), FieldPanel("dateline")], heading=_("Date and place")),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt_text"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        InlinePanel("topic_links", heading=_("Topics"), label=_("topic")),
        InlinePanel("network_links", heading=_("Related networks"), label=_("network")),
        InlinePanel(
            "contact_links",
            heading=_("Press contacts"),
            label=_("press contact"),
            help_text=_("Leave empty to show the press office's default contacts."),
        ),
        InlinePanel(
            "boilerplate_links",
            heading=_("“About” boilerplates"),
            label=_("boilerplate"),
            help_text=_("Leave empty to show the press office's default boilerplates."),
        ),
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
        InlinePanel(
            "gallery_links",
            heading=_("Gallery"),
            label=_("photo or video"),
            help_text=_("Photos and videos of the media library offered with the release and in its press kit."),
        ),
        MultiFieldPanel([FieldPanel("correction_notice"), FieldPanel("correction_date")], heading=_("Correction")),
    ]
    settings_panels = [
        FieldPanel("expire_at", help_text=in_local_time(_("The release is unpublished at this date and time."))),
        FieldPanel("french_first"),
        CommentPanelPlaceholder(),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("lay_summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["news.PressRoomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def automatic_release_date(self):
        """The day the release first goes public, in the press office's time zone: its embargo's lift,
        else its first publication (a late ``publish_scheduled`` keeps the lift's day), else today."""
        moments = [moment for moment in (self.go_live_at, self.first_published_at) if moment]
        zone = ZoneInfo(getattr(settings, "NEWS_TIME_ZONE", "Europe/Paris"))
        return timezone.localdate(min(moments), zone) if moments else timezone.localdate(timezone=zone)

    def date_release(self):
        if self.release_date_automatic or self.release_date is None:
            self.release_date = self.automatic_release_date()

    # Before validation, which a revision's content follows, and before every save, publish_scheduled's too.
    def full_clean(self, *args, **kwargs):
        self.date_release()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.date_release()
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        return permission_tester(user, self, EmbargoPagePermissionTester)

    def is_published(self):
        return visibility.is_public(self)

    @path("kit/", name="press_kit")
    def press_kit(self, request):
        # Served as the release is: only once it is released (news.releases.embargo.hide_unreleased_page).
        return press_kit_response(self, request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        # Released pages only, as the kit; the PDF is kept until the next publication.
        return pdf_response(self, request)

    def related_topics(self):
        return list(localized_targets(Topic.objects.all(), self.topic_links.all(), "topic", self.locale_id))

    def related_networks(self):
        """The network pages the release cites, in its language where translated, public ones only."""
        networks = visibility.public(Page.objects.all())
        return list(localized_targets(networks, self.network_links.all(), "network", self.locale_id))

    def _own_or_default(self, request, model, field, defaults):
        """The release's own contacts or boilerplates in its language, else the press office's defaults
        (``defaults``: the links of the site's press office settings, read in the same query)."""
        links = getattr(self, f"{field}_links").all()
        # Routing says whether there are any (PressRoomPage.child_pages); a preview's are in memory.
        if getattr(self, f"has_{field}s", True):
            found = list(localized_targets(model.objects.all(), links, field, self.locale_id))
            if found:
                return found
        site = Site.find_for_request(request) if request else self.get_site()
        return list(localized_targets(model.objects.all(), defaults.filter(setting__site=site), field, self.locale_id))

    def press_contacts(self, request=None):
        """The release's contacts in its language, or the press office's defaults when it has none."""
        return self._own_or_default(request, PressContact, "contact", PressOfficeDefaultContact.objects.all())

    def about_boilerplates(self, request=None):
        """The release's "About" paragraphs in its language, or the press office's defaults."""
        return self._own_or_default(request, Boilerplate, "boilerplate", PressOfficeDefaultBoilerplate.objects.all())

    def structured_data(self, canonical_url, image_url=None):
        """schema.org NewsArticle, for search engines and news aggregators."""
        organisation = {"@type": "Organization", "name": getattr(settings, "WAGTAIL_SITE_NAME", "")}
        published = self.first_published_at or self.release_date
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.standfirst,
            "inLanguage": self.locale.language_code,
            "datePublished": published.isoformat(),
            "dateModified": (self.last_published_at or published).isoformat(),
            "mainEntityOfPage": canonical_url,
            "url": canonical_url,
            "author": organisation,
            "publisher": organisation,
        }
        if self.lay_summary:
            data["abstract"] = self.lay_summary
        if self.dateline:
            data["dateline"] = self.dateline
        if image_url:
            data["image"] = [image_url]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hero = share = None
        if self.hero_image:
            # Read from the database, not Wagtail's renditions cache: 7.4 writes what it reads there back
            # on every call (wagtail#14541), and a prefetched rendition is taken as it is.
            renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=HERO_RENDITIONS)
            prefetch_related_objects([self.hero_image], Prefetch("renditions", queryset=renditions))
            renditions = self.hero_image.get_renditions(*HERO_RENDITIONS)
            hero, share = renditions["width-1200"], renditions["fill-1200x630"]
        canonical_url = self.get_full_url(request)
        share_url = site_url(request, share.url) if share else None
        context.update(
            hero=hero,
            hero_share=share,
            hero_share_url=share_url,
            # What link previews and search results show, as the truncatewords filter cuts it.
            summary=Truncator(self.standfirst).words(40, truncate=" …"),
            canonical_url=canonical_url,
            og_locale=OG_LOCALES.get(self.locale.language_code, self.locale.language_code),
            site_name=getattr(settings, "WAGTAIL_SITE_NAME", ""),
            json_ld=script_json(self.structured_data(canonical_url, share_url)),
            # Read when the release's footer is rendered, not when it comes from the fragment cache.
            topics=SimpleLazyObject(self.related_topics),
            networks=SimpleLazyObject(self.related_networks),
            contacts=SimpleLazyObject(lambda: self.press_contacts(request)),
            boilerplates=SimpleLazyObject(lambda: self.about_boilerplates(request)),
            attachments=SimpleLazyObject(lambda: list(self.attachments.select_related("document"))),
            # Its downloads (vCards, feeds) are routes of the press room, which only its address needs.
            press_room=SimpleLazyObject(lambda: self.get_parent().specific_deferred),
        )
        return context


class PressReleaseTopic(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "news.Topic", on_delete=models.CASCADE, related_name="press_release_links", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]


def _network_panel():
    page_types = getattr(settings, "NEWS_NETWORK_PAGE_TYPES", [])
    return PageChooserPanel("network", page_type=page_types) if page_types else FieldPanel("network")


class PressReleaseNetwork(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="press_release_links", verbose_name=_("network")
    )

    panels = [_network_panel()]


class PressReleaseContact(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="contact_links")
    contact = models.ForeignKey(
        "news.PressContact",
        on_delete=models.CASCADE,
        related_name="press_release_links",
        verbose_name=_("press contact"),
    )

    panels = [FieldPanel("contact")]


class PressReleaseBoilerplate(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="boilerplate_links")
    boilerplate = models.ForeignKey(
        "news.Boilerplate", on_delete=models.CASCADE, related_name="press_release_links", verbose_name=_("boilerplate")
    )

    panels = [FieldPanel("boilerplate")]


class PressReleaseAttachment(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="press_release_attachments",
        verbose_name=_("document"),
    )
    label = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Leave blank to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    @property
    def text(self):
        return self.label or self.document.title
