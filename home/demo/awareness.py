"""Demo step: the awareness-day calendar in French and English, with every day of the domain research.

Days link to their network pages (by acronym) and World Lupus Day to the lupus release when
those exist, so this step runs after the networks and press steps and skips what is missing.
"""

from django.apps import apps

from home.models import HomePage
from news.awareness.rules import REQUIRED_FIELDS, Rule
from news.models import (
    AwarenessCalendarPage,
    AwarenessDayNetwork,
    AwarenessDayPage,
    AwarenessDayRelease,
    AwarenessDayTopic,
    PressReleasePage,
)
from news.slugs import ascii_slug

from .awareness_days import DAYS, SUMMARIES, TOPICS
from .topics import ensure_topic
from .translation import translate

CALENDAR = {
    "fr": {
        "title": "Journées de sensibilisation",
        "slug": "journees-de-sensibilisation",
        "introduction": (
            "Les journées mondiales auxquelles les réseaux F-CRIN adossent leurs communiqués, "
            "pour préparer vos sujets à l'avance. Abonnez-vous pour les retrouver dans votre agenda."
        ),
        "search_description": "Calendrier des journées mondiales liées aux réseaux de recherche clinique F-CRIN.",
    },
    "en": {
        "title": "Awareness days",
        "slug": "awareness-days",
        "introduction": (
            "The world days F-CRIN's networks time their releases to, so you can plan your stories "
            "ahead. Subscribe to keep them in your calendar."
        ),
        "search_description": "Calendar of the world days linked to F-CRIN's clinical research networks.",
    },
}

POST = {
    "fr": "{name} : les réseaux F-CRIN font avancer la recherche clinique. Découvrez leurs travaux. #RechercheClinique",
    "en": "{name}: F-CRIN's networks move clinical research forward. Find out about their work. #ClinicalResearch",
}


def _network(demo, acronym):
    """The French network page with this acronym, if the networks app and its demo are there."""
    try:
        model = apps.get_model("networks", "NetworkPage")
    except LookupError:
        return None
    pages = model.objects.filter(locale=demo.fr)
    if any(field.name == "acronym" for field in model._meta.get_fields()):
        return pages.filter(acronym__iexact=acronym).first()
    return pages.filter(slug=ascii_slug(acronym)).first()


def _calendar(demo):
    calendar = AwarenessCalendarPage.objects.filter(locale=demo.fr).first()
    if calendar is None:
        home = HomePage.objects.get(locale=demo.fr)
        calendar = AwarenessCalendarPage(locale=demo.fr, show_in_menus=True, **CALENDAR["fr"])
        home.add_child(instance=calendar)
        calendar.save_revision().publish()
        demo.report(calendar)
    if not calendar.has_translation(demo.en):
        translate(calendar, demo.en, AwarenessCalendarPage(locale=demo.en, **CALENDAR["en"]))
        demo.stdout.write(f"  + translation: {CALENDAR['en']['title']}")
    return calendar


def _rule_fields(rule_text, confirmed):
    rule = Rule.parse(rule_text)
    fields = {name: getattr(rule, name) for name in REQUIRED_FIELDS[rule.kind]}
    return {"kind": rule.kind, "date_confirmed": confirmed, "day": None, "month": None, **fields}


def load(demo):
    calendar = _calendar(demo)
    for name_fr, name_en, rule_text, acronyms, confirmed, topic_keys in DAYS:
        summary_fr, summary_en = SUMMARIES[name_en]
        day = AwarenessDayPage.objects.child_of(calendar).filter(slug=ascii_slug(name_fr)).first()
        if day is None:
            day = AwarenessDayPage(
                locale=demo.fr,
                title=name_fr,
                slug=ascii_slug(name_fr),
                summary=summary_fr,
                social_media_text=POST["fr"].format(name=name_fr),
                **_rule_fields(rule_text, confirmed),
            )
            day.topic_links = [AwarenessDayTopic(topic=ensure_topic(demo, *TOPICS[key])) for key in topic_keys]
            networks = [network for network in (_network(demo, acronym) for acronym in acronyms) if network]
            day.network_links = [AwarenessDayNetwork(network=network) for network in networks]
            if name_en == "World Lupus Day":
                release = PressReleasePage.objects.filter(locale=demo.fr, title__icontains="lupus").first()
                day.release_links = [AwarenessDayRelease(release=release)] if release else []
            calendar.add_child(instance=day)
            day.save_revision().publish()
            demo.report(day)
        if not day.has_translation(demo.en):
            english = AwarenessDayPage(
                locale=demo.en,
                title=name_en,
                slug=ascii_slug(name_en),
                summary=summary_en,
                social_media_text=POST["en"].format(name=name_en),
            )
            translate(day, demo.en, english)
            demo.stdout.write(f"  + translation: {name_en}")
    return calendar
