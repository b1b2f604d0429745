import json

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page, PageManager, Site
from wagtail.models.panels import CommentPanelPlaceholder
from wagtail.search import index

from ..blocks import PressReleaseBodyBlock
from ..panels import ZonedPublishingPanel, in_local_time
from ..routes import PressReleaseRoutes
from .boilerplates import Boilerplate
from .contacts import PressContact
from .localization import Vocabulary, localized_targets
from .memory import kept
from .querysets import PressReleaseQuerySet, public_q, unpublished_sources
from .routing import OneQueryViewRestrictionsMixin, RequestCachedUrlMixin
from .settings import PressOfficeSettings
from .topics import Topic

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
HERO_RENDITIONS = ["width-1200", "fill-1200x630"]
HERO_IMAGES_KEPT = 2000
# The release's links, by the name of the link's target field: to shared vocabularies, and its attachments.
LINKS = {
    "topic": "topic_links",
    "network": "network_links",
    "contact": "contact_links",
    "boilerplate": "boilerplate_links",
    "document": "attachments",
}
LINK_FIELDS = list(LINKS)


def _links_sql(connection):
    """(number of the field in LINK_FIELDS, target id, sort order) of one release's links, from their tables."""
    quote = connection.ops.quote_name
    parts = []
    for number, field in enumerate(LINK_FIELDS):
        link = PressReleasePage._meta.get_field(LINKS[field]).related_model
        target, order, page = (link._meta.get_field(name).column for name in (field, "sort_order", "page"))
        parts.append(
            f"SELECT {number}, {quote(target)}, {quote(order)} FROM {quote(link._meta.db_table)} WHERE {quote(page)} = %s"
        )
    return " UNION ALL ".join(parts)


def _snippet_vocabulary(model):
    objects = list(model.objects.all())
    return Vocabulary(objects, [(obj.pk, obj.translation_key, obj.locale_id) for obj in objects])


def _unpublished_sources():
    """Translation keys whose source-language page is not live: drafts and embargoes, a short list."""
    return set(unpublished_sources(Page.objects).values_list("translation_key", flat=True))


def _press_office_defaults(site):
    office = PressOfficeSettings.for_site(site)
    return {
        field: list(getattr(office, f"default_{field}s").values_list(f"{field}_id", "sort_order"))
        for field in ("contact", "boilerplate")
    }


def _network_vocabulary():
    """Every page a release cites as a network, in every language; those the public may see in full."""
    cited = Page.objects.filter(
        translation_key__in=Page.objects.filter(press_release_links__isnull=False).values("translation_key")
    )
    return Vocabulary(cited.live().filter(public_q()), cited.values_list("pk", "translation_key", "locale_id"))


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)


class PressReleasePage(RequestCachedUrlMixin, OneQueryViewRestrictionsMixin, PressReleaseRoutes, Page):
    # Blank in drafts; the pre-publish checks (news/prepublish.py) ask for it before publishing.
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("The opening paragraph in bold: who, what, when, in two or three sentences."),
    )
    release_date = models.DateField(
        _("release date"),
        default=timezone.localdate,
        help_text=_("The date printed on the release. The embargo is the go-live date in the Settings tab."),
    )
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

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
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
        MultiFieldPanel([FieldPanel("correction_notice"), FieldPanel("correction_date")], heading=_("Correction")),
    ]
    settings_panels = [
        HelpPanel(
            content=format_lazy(
                "<p>{}</p>",
                in_local_time(
                    _(
                        "Embargo: set the go-live date and time under “Schedule publishing”. Until then the "
                        "release, its translations and its attachments are nowhere on the public site."
                    )
                ),
            )
        ),
        ZonedPublishingPanel(),
        FieldPanel("french_first"),
        CommentPanelPlaceholder(),
    ]

    search_fields = [*Page.search_fields, index.SearchField("standfirst"), index.SearchField("body")]

    parent_page_types = ["news.PressRoomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def permissions_for_user(self, user):
        from ..permissions import EmbargoPagePermissionTester

        return EmbargoPagePermissionTester(user, self)

    def is_published(self):
        return type(self).objects.published().filter(pk=self.pk).exists()

    def source_is_live(self):
        """Whether the embargo has lifted for this page's source; uses ``with_source_status()`` when it ran."""
        if "source_live_flag" in self.__dict__:
            return self.source_live_flag
        return self.translation_key not in kept("news.unpublished_sources", _unpublished_sources)

    @cached_property
    def _link_targets(self):
        """(target id, sort order) of the release's links (LINKS), by target field, in one query."""
        relations = {field: getattr(self, LINKS[field]).all() for field in LINK_FIELDS}
        if all(isinstance(links, QuerySet) for links in relations.values()):
            # In SQL: Django took longer to build the UNION of these querysets than SQLite to run it.
            with connections[self._state.db or DEFAULT_DB_ALIAS].cursor() as cursor:
                cursor.execute(_links_sql(cursor.db), [self.pk] * len(LINK_FIELDS))
                rows = [(LINK_FIELDS[number], target_id, order) for number, target_id, order in cursor.fetchall()]
        else:  # a preview's links are in memory
            rows = [
                (field, getattr(link, f"{field}_id"), link.sort_order)
                for field, links in relations.items()
                for link in links
            ]
        targets = {field: [] for field in LINK_FIELDS}
        for field, target_id, sort_order in rows:
            targets[field].append((target_id, sort_order))
        return targets

    def _localized(self, model, field, targets, links):
        """``localized_targets`` from the vocabulary kept in memory; from the database (``links()``
        gives the links) when a target is not in it."""
        if model is Page:
            known = kept("news.cited_networks", _network_vocabulary)
        else:
            known = kept(model._meta.label, lambda: _snippet_vocabulary(model))
        found = known.localize(targets, self.locale_id)
        if found is None:
            shown = Page.objects.live().filter(public_q()) if model is Page else model.objects.all()
            found = list(localized_targets(shown, links(), field, self.locale_id))
        return found

    def _linked(self, model, field):
        return self._localized(model, field, self._link_targets[field], getattr(self, LINKS[field]).all)

    def related_topics(self):
        return self._linked(Topic, "topic")

    def related_networks(self):
        return self._linked(Page, "network")

    def _press_office_default(self, request, model, field):
        """The press office's default contacts or boilerplates, localized; their links are kept with the vocabularies."""
        site = Site.find_for_request(request) if request else self.get_site()
        defaults = kept(f"news.press_office_defaults:{site.pk}", lambda: _press_office_defaults(site))

        def links():
            return getattr(PressOfficeSettings.for_site(site), f"default_{field}s").all()

        return self._localized(model, field, defaults[field], links)

    def press_contacts(self, request=None):
        """The release's contacts in its language, or the press office's defaults when it has none."""
        return self._linked(PressContact, "contact") or self._press_office_default(request, PressContact, "contact")

    def about_boilerplates(self, request=None):
        """The release's "About" paragraphs in its language, or the press office's defaults."""
        return self._linked(Boilerplate, "boilerplate") or self._press_office_default(
            request, Boilerplate, "boilerplate"
        )

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
        if self.dateline:
            data["dateline"] = self.dateline
        if image_url:
            data["image"] = [image_url]
        return data

    def _hero_renditions(self):
        """The hero image's renditions, by filter spec. Each process keeps those of the images it has
        shown since content last changed (saving an image or deleting a rendition changes it), up to
        HERO_IMAGES_KEPT images."""
        kept_renditions = kept("news.hero_renditions", dict)
        renditions = kept_renditions.get(self.hero_image_id)
        if renditions is not None:
            return renditions
        # Wagtail's get_renditions() writes the renditions it found in the cache back to it, a round
        # trip on every request: it is called only when one is missing.
        found = self.hero_image.find_existing_renditions(*(Filter(spec) for spec in HERO_RENDITIONS))
        renditions = {fltr.spec: rendition for fltr, rendition in found.items()}
        if len(renditions) < len(HERO_RENDITIONS):
            renditions = self.hero_image.get_renditions(*HERO_RENDITIONS)
        if len(kept_renditions) < HERO_IMAGES_KEPT:
            kept_renditions[self.hero_image_id] = renditions
        return renditions

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hero = share = None
        if self.hero_image:
            renditions = self._hero_renditions()
            hero, share = renditions["width-1200"], renditions["fill-1200x630"]
        canonical_url = self.get_full_url(request)
        share_url = share.full_url if share else None
        json_ld = json.dumps(self.structured_data(canonical_url, share_url), ensure_ascii=False)
        context.update(
            hero=hero,
            hero_share=share,
            hero_share_url=share_url,
            # What link previews and search results show, as the truncatewords filter cuts it.
            summary=Truncator(self.standfirst).words(40, truncate=" …"),
            canonical_url=canonical_url,
            og_locale=OG_LOCALES.get(self.locale.language_code, self.locale.language_code),
            site_name=getattr(settings, "WAGTAIL_SITE_NAME", ""),
            # "<" escaped so that no text can close the script element early.
            json_ld=mark_safe(json_ld.replace("<", "\\u003c")),
            topics=self.related_topics(),
            networks=self.related_networks(),
            contacts=self.press_contacts(request),
            boilerplates=self.about_boilerplates(request),
            # Read only when the links said there are some.
            attachments=self.attachments.select_related("document") if self._link_targets["document"] else [],
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
