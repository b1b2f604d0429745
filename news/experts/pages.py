"""Find an expert: a directory page per language and one page per expert.

Experts are pages, not snippets: each gets an address, Wagtail's search, the sitemap, the page
chooser (quotes in releases name them, ``news.blocks.QuoteBlock``), wagtail-localize's page
translation and the review workflow of a section, all without code of their own. Their networks
are pages of ``NEWS_NETWORK_PAGE_TYPES`` (the news app never imports the networks app), as the
releases' are.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.db.models import IntegerField, Prefetch
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import visibility
from ..jsonld import script_json
from ..page_permissions import SitePermissionsPage
from ..releases.contacts import PressContact
from ..releases.localization import localized_targets
from ..releases.pages import PressReleasePage
from ..releases.press_room import PressRoomPage
from ..releases.settings import PressOfficeSettings
from ..releases.topics import Topic
from ..serving import ServedPage, lazy_context
from .languages import language_choices, language_codes, language_name

PHOTO_CARD = "fill-160x200"
PHOTO_PAGE = "fill-320x400"
# What the directory and an expert's page show, built only when the fragment cache lacks them.
DIRECTORY_CONTEXT = ["choices", "selected", "experts"]
EXPERT_CONTEXT = ["topics", "networks", "spoken_languages", "releases", "photo", "press_contacts", "json_ld"]
# The path of an expert chosen in a release's quote, in the reference index.
QUOTE_PATH = "body.quote.expert"
QUOTING_RELEASES = 20


class ExpertIndexPage(ServedPage, SitePermissionsPage, Page):
    """The experts directory of one language, filterable by topic, network and language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = getattr(settings, "NEWS_EXPERT_INDEX_PARENT_PAGE_TYPES", ["wagtailcore.Page"])
    subpage_types = ["news.ExpertPage"]
    max_count_per_parent = 1

    experts_per_page = 24

    class Meta:
        verbose_name = _("experts directory")

    def experts(self):
        """The experts the public may see, by name."""
        return visibility.public(ExpertPage.objects.child_of(self)).order_by("title", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: directory_context(self, request), DIRECTORY_CONTEXT))
        return context


class ExpertPage(ServedPage, SitePermissionsPage, Page):
    job_title = models.CharField(
        _("position"),
        max_length=255,
        help_text=_("Their position, e.g. “Professor of rheumatology, head of department”."),
    )
    affiliation = models.CharField(_("affiliation"), max_length=255, help_text=_("Hospital, university or institute."))
    bio = models.TextField(
        _("short biography"),
        max_length=1200,
        help_text=_("Three to five sentences: what they work on and can speak about."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_credit = models.CharField(_("photo credit"), max_length=120, blank=True)
    media_trained = models.BooleanField(
        _("media-trained"),
        default=False,
        help_text=_("Tick if they have had media training: radio, television, print."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    show_email = models.BooleanField(
        _("show the e-mail address"),
        default=False,
        help_text=_(
            "Tick only if the expert agreed to have their address on the site. Otherwise journalists are "
            "asked to go through the press office."
        ),
    )

    content_panels = [
        FieldPanel("title", heading=_("Name"), help_text=_("With their title, e.g. “Pr Jeanne Martin”.")),
        FieldRowPanel([FieldPanel("job_title"), FieldPanel("affiliation")]),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_credit")], heading=_("Photo")),
        InlinePanel("topic_links", heading=_("Topics"), label=_("topic")),
        InlinePanel("network_links", heading=_("Networks"), label=_("network")),
        InlinePanel("language_links", heading=_("Languages spoken"), label=_("language"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("media_trained"), FieldPanel("email"), FieldPanel("show_email")], heading=_("Media contact")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("job_title"),
        index.SearchField("affiliation"),
        index.SearchField("bio"),
    ]
    override_translatable_fields = [SynchronizedField("email"), SynchronizedField("photo_credit")]

    parent_page_types = ["news.ExpertIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def is_published(self):
        return visibility.is_public(self)

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        localize_links(self)
        return result

    def public_version(self):
        """This expert as the public may see them in the active language (their translation, else this
        page), or None when neither is public; for the quotes of releases, in one query."""
        versions = visibility.public(ExpertPage.objects.filter(translation_key=self.translation_key))
        found = {page.locale.language_code: page for page in versions.select_related("locale")}
        return found.get(translation.get_language()) or next(
            (page for page in found.values() if page.pk == self.pk), None
        )

    @property
    def public_email(self):
        """The address shown on the site: only with the expert's agreement."""
        return self.email if self.show_email else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: expert_context(self, request), EXPERT_CONTEXT))
        # The press office's contacts, for journalists when the expert's address is not shown.
        context["press_room"] = SimpleLazyObject(lambda: expert_press_room(self))
        context["directory_url"] = directory_url(self, request)
        return context


def directory_url(expert, request):
    """The directory's address: the expert's own without its slug (experts live only in a directory),
    which spares the page a query for its parent."""
    url = expert.get_url(request)
    return url and url.rstrip("/").rsplit("/", 1)[0] + "/"


def expert_press_room(expert):
    return visibility.public_sections(expert.locale_id, PressRoomPage)[PressRoomPage]


class ExpertTopic(Orderable):
    page = ParentalKey(ExpertPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "news.Topic", on_delete=models.CASCADE, related_name="expert_links", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]


def _network_panel():
    page_types = getattr(settings, "NEWS_NETWORK_PAGE_TYPES", [])
    return PageChooserPanel("network", page_type=page_types) if page_types else FieldPanel("network")


class ExpertNetwork(Orderable):
    page = ParentalKey(ExpertPage, on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="expert_links", verbose_name=_("network")
    )

    panels = [_network_panel()]


class ExpertLanguage(Orderable):
    page = ParentalKey(ExpertPage, on_delete=models.CASCADE, related_name="language_links")
    language = models.CharField(_("language"), max_length=12, choices=language_choices)

    panels = [FieldPanel("language")]

    @property
    def name(self):
        return language_name(self.language)


def localize_links(page):
    """Point the expert's topic and network links at their translations in the page's language.

    wagtail-localize copies these plain child links as they are, so a fresh English translation
    still points at the French topics and networks until this runs (as the networks app does).
    """
    for model, field in ((ExpertTopic, "topic"), (ExpertNetwork, "network")):
        stale = model.objects.filter(page=page).exclude(**{f"{field}__locale_id": page.locale_id})
        for link in stale.select_related(field):
            target = getattr(link, field).get_translation_or_none(page.locale_id)
            if target is not None:
                setattr(link, field, target)
                link.save(update_fields=[f"{field}_id"])


def public_network_links():
    return ExpertNetwork.objects.filter(network__in=visibility.public(Page.objects.all())).select_related("network")


def with_cards(experts):
    """With what a card shows: the photo's renditions, topics, public networks and languages."""
    return experts.select_related("photo").prefetch_related(
        "photo__renditions",
        Prefetch("topic_links", queryset=ExpertTopic.objects.select_related("topic")),
        Prefetch("network_links", queryset=public_network_links()),
        "language_links",
    )


def filter_choices(index, experts):
    """The topics, networks and languages of at least one expert of the directory, in its language."""
    topic_keys = ExpertTopic.objects.filter(page__in=experts.values("pk")).values("topic__translation_key")
    network_keys = ExpertNetwork.objects.filter(page__in=experts.values("pk")).values("network__translation_key")
    spoken = set(ExpertLanguage.objects.filter(page__in=experts.values("pk")).values_list("language", flat=True))
    networks = Page.objects.filter(locale_id=index.locale_id, translation_key__in=network_keys)
    return {
        "topics": list(
            Topic.objects.filter(locale_id=index.locale_id, translation_key__in=topic_keys).order_by("name")
        ),
        "networks": list(visibility.public(networks).order_by("title")),
        "languages": [
            {"code": code, "name": capfirst(language_name(code))} for code in language_codes() if code in spoken
        ],
    }


def selected_filters(request, choices):
    """The address bar's filters that are among the choices; any other value is ignored, never an error."""
    wanted = {name: request.GET.get(name, "") for name in ("topic", "network", "language")}
    selected = {
        "topic": next((topic for topic in choices["topics"] if topic.slug == wanted["topic"]), None),
        "network": next((network for network in choices["networks"] if network.slug == wanted["network"]), None),
        "language": next((item for item in choices["languages"] if item["code"] == wanted["language"]), None),
    }
    return {name: value for name, value in selected.items() if value}


def directory_context(index, request):
    experts = index.experts()
    choices = filter_choices(index, experts)
    selected = selected_filters(request, choices)
    if "topic" in selected:
        links = ExpertTopic.objects.filter(topic__translation_key=selected["topic"].translation_key)
        experts = experts.filter(pk__in=links.values("page_id"))
    if "network" in selected:
        links = ExpertNetwork.objects.filter(network__translation_key=selected["network"].translation_key)
        experts = experts.filter(pk__in=links.values("page_id"))
    if "language" in selected:
        experts = experts.filter(
            pk__in=ExpertLanguage.objects.filter(language=selected["language"]["code"]).values("page_id")
        )
    page = Paginator(with_cards(experts), index.experts_per_page).get_page(request.GET.get("page"))
    for expert in page:
        expert.card_photo = expert.photo.get_rendition(PHOTO_CARD) if expert.photo else None
    return {"choices": choices, "selected": selected, "experts": page}


def quoting_releases(expert):
    """The public releases in the expert's language whose quotes name the expert (in any language):
    Wagtail's reference index knows the pages chosen in the releases' bodies."""
    page_type = ContentType.objects.get_for_model(Page)
    versions = [
        str(pk) for pk in Page.objects.filter(translation_key=expert.translation_key).values_list("pk", flat=True)
    ]
    sources = (
        ReferenceIndex.objects.filter(
            to_content_type=page_type, to_object_id__in=versions, base_content_type=page_type, model_path=QUOTE_PATH
        )
        .annotate(source_id=Cast("object_id", IntegerField()))
        .values("source_id")
    )
    releases = PressReleasePage.objects.published().filter(locale_id=expert.locale_id, pk__in=sources)
    # With the images their cards show; the newest only, however often the expert is quoted.
    releases = releases.select_related("hero_image").prefetch_related("hero_image__renditions")
    return list(releases.newest_first()[:QUOTING_RELEASES])


def structured_data(expert, canonical_url, topics, languages, photo_url):
    """schema.org Person, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": expert.title,
        "jobTitle": expert.job_title,
        "affiliation": {"@type": "Organization", "name": expert.affiliation},
        "description": expert.bio,
        "url": canonical_url,
        "knowsAbout": [topic.name for topic in topics],
        "knowsLanguage": [item.language for item in languages],
    }
    if photo_url:
        data["image"] = photo_url
    if expert.public_email:
        data["email"] = expert.public_email
    return data


def expert_context(expert, request):
    topics = [link.topic for link in expert.topic_links.select_related("topic")]
    networks = [link.network for link in public_network_links().filter(page=expert)]
    languages = list(expert.language_links.all())
    photo = expert.photo.get_rendition(PHOTO_PAGE) if expert.photo_id else None
    contacts = []
    if not expert.public_email:
        defaults = PressOfficeSettings.for_request(request).default_contacts.all()
        contacts = list(localized_targets(PressContact.objects.all(), defaults, "contact", expert.locale_id))
    canonical_url = expert.get_full_url(request)
    return {
        "topics": topics,
        "networks": networks,
        "spoken_languages": languages,
        "releases": quoting_releases(expert),
        "photo": photo,
        "press_contacts": contacts,
        "json_ld": script_json(structured_data(expert, canonical_url, topics, languages, photo and photo.full_url)),
    }
