import datetime

from wagtail.models import Locale

import factory
import wagtail_factories

from home.models import HomePage
from news.models import (
    AwarenessCalendarPage,
    AwarenessDayPage,
    Boilerplate,
    CoveragePage,
    ExpertIndexPage,
    ExpertPage,
    MediaLibraryPage,
    PressContact,
    PressReleasePage,
    PressRoomPage,
    Topic,
)


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "fr"

    class Meta:
        model = Locale
        django_get_or_create = ["language_code"]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Espace presse de F-CRIN"
    slug = "accueil"
    standfirst = "Communiqués, contacts et réseaux."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = HomePage


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thématique {n}")
    slug = factory.Sequence(lambda n: f"thematique-{n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Topic


def publish_translation(page, language_code, **fields):
    """The page's translation into ``language_code``, with ``fields`` set, published."""
    translation = page.copy_for_translation(LocaleFactory(language_code=language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


class PressContactFactory(factory.django.DjangoModelFactory):
    given_name = "Camille"
    family_name = factory.Sequence(lambda n: f"Martin{n}")
    organisation = "F-CRIN"
    role = "Chargée de communication"
    email = factory.Sequence(lambda n: f"presse{n}@example.org")
    phone = "+33 5 61 00 00 00"
    mobile = "+33 6 00 00 00 00"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = PressContact


class BoilerplateFactory(factory.django.DjangoModelFactory):
    title = "À propos de F-CRIN"
    key = factory.Sequence(lambda n: f"a-propos-{n}")
    body = "<p>F-CRIN fédère des réseaux de recherche clinique.</p>"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Boilerplate


class PressRoomPageFactory(wagtail_factories.PageFactory):
    title = "Communiqués de presse"
    slug = "communiques"
    introduction = "Les communiqués de F-CRIN et de ses réseaux."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = PressRoomPage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    """A live release; pass ``body`` as a list of ``{"type": …, "value": …}`` dicts."""

    title = factory.Sequence(lambda n: f"Communiqué {n}")
    slug = factory.Sequence(lambda n: f"communique-{n}")
    standfirst = "F-CRIN annonce une nouvelle étude."
    release_date = datetime.date(2026, 5, 10)
    dateline = "Toulouse"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = PressReleasePage


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Réseaux"
    slug = "reseaux"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = "networks.NetworkIndexPage"


class NetworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"RESEAU-{n}")
    slug = factory.Sequence(lambda n: f"reseau-{n}")
    acronym = factory.SelfAttribute("title")
    full_name = factory.Sequence(lambda n: f"Réseau national d'investigation clinique numéro {n}")
    kind = "investigation"
    summary = "Un réseau de recherche clinique labellisé."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = "networks.NetworkPage"


class CareProtocolFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"PNDS numéro {n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = "networks.CareProtocol"


class AwarenessCalendarPageFactory(wagtail_factories.PageFactory):
    title = "Journées de sensibilisation"
    slug = "journees"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = AwarenessCalendarPage


class AwarenessDayPageFactory(wagtail_factories.PageFactory):
    """A day on a fixed date (10 May unless told); pass ``kind`` and the rule fields for others."""

    title = factory.Sequence(lambda n: f"Journée mondiale {n}")
    slug = factory.Sequence(lambda n: f"journee-{n}")
    summary = "Une journée pour faire connaître la recherche."
    kind = "fixed"
    month = 5
    day = 10
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = AwarenessDayPage


class ClippingFactory(factory.django.DjangoModelFactory):
    outlet = "Le Journal d'exemple"
    headline = factory.Sequence(lambda n: f"Article numéro {n}")
    published_on = datetime.date(2026, 5, 12)
    language = "fr"
    url = factory.Sequence(lambda n: f"https://journal.example.org/articles/{n}")
    excerpt = "« Un extrait de l'article. »"

    class Meta:
        model = "news.Clipping"


class MediaItemFactory(factory.django.DjangoModelFactory):
    """A photo with a 2,400 px wide JPEG original, credited, for the press."""

    kind = "photo"
    image = factory.SubFactory(wagtail_factories.ImageFactory, file__width=2400, file__height=1600)
    caption = factory.Sequence(lambda n: f"Essai clinique numéro {n}")
    alt_text = "Une infirmière prépare une perfusion."
    credit = "F-CRIN"
    licence = "press"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = "news.MediaItem"


def translate_media_item(item, language_code, **fields):
    translation = item.copy_for_translation(LocaleFactory(language_code=language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


class ExpertIndexPageFactory(wagtail_factories.PageFactory):
    title = "Trouver un expert"
    slug = "experts"
    intro = "Les chercheurs et médecins que la presse peut interroger."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = ExpertIndexPage


class ExpertPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pr Expert {n}")
    slug = factory.Sequence(lambda n: f"expert-{n}")
    job_title = "Professeure de rhumatologie"
    affiliation = "CHU de Toulouse"
    bio = "Elle étudie le lupus et les maladies auto-immunes."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = ExpertPage


class CoveragePageFactory(wagtail_factories.PageFactory):
    title = "Revue de presse"
    slug = "revue-de-presse"
    introduction = "Ce que la presse dit de F-CRIN et de ses réseaux."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = CoveragePage


class MediaLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Photothèque"
    slug = "phototheque"
    introduction = "Photos et vidéos libres de droits pour la presse."
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = MediaLibraryPage
