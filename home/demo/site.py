from wagtail.models import Locale, Page, Site

from home.models import HomePage
from home.site_address import set_site_address

HOME = {
    "fr": {
        "title": "Espace presse de F-CRIN",
        "slug": "accueil",
        "seo_title": "F-CRIN – Espace presse de la recherche clinique française",
        "search_description": (
            "Communiqués, contacts presse et réseaux labellisés de F-CRIN, "
            "l'infrastructure nationale de recherche clinique."
        ),
        "standfirst": (
            "Communiqués de presse, contacts, réseaux de recherche labellisés et journées de "
            "sensibilisation : tout ce qu'il faut aux journalistes pour couvrir la recherche clinique "
            "française, en français et en anglais."
        ),
        "body": (
            "<p>F-CRIN fédère des réseaux d'investigation clinique, des réseaux d'expertise et une "
            "plateforme de services qui accompagnent les essais cliniques académiques et industriels.</p>"
            "<p>Notre service de presse répond aux demandes d'interview, de chiffres et d'images.</p>"
        ),
    },
    "en": {
        "title": "F-CRIN press office",
        "slug": "home",
        "seo_title": "F-CRIN – Press office of French clinical research",
        "search_description": (
            "Press releases, press contacts and labelled networks of F-CRIN, "
            "France's national clinical research infrastructure."
        ),
        "standfirst": (
            "Press releases, contacts, labelled research networks and awareness days: everything "
            "journalists need to cover French clinical research, in French and in English."
        ),
        "body": (
            "<p>F-CRIN brings together clinical investigation networks, expertise networks and a "
            "service platform that support academic and industry clinical trials.</p>"
            "<p>Our press office handles requests for interviews, figures and pictures.</p>"
        ),
    },
}


def load(demo):
    from .translation import translate

    fr = Locale.objects.get_or_create(language_code="fr")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=fr).first()
    if home is None:
        home = HomePage(locale=fr, show_in_menus=False, **HOME["fr"])
        root.add_child(instance=home)
        home.save_revision().publish()
        demo.report(home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home.pk:
        welcome = site.root_page if site else None
        site = site or Site(is_default_site=True)
        site.root_page = home
        site.site_name = "F-CRIN"
        set_site_address(site)
        site.save()
        # The placeholder page Wagtail's own migrations create.
        if welcome is not None and welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()

    if not home.has_translation(en):
        translate(home, en, HomePage(locale=en, **HOME["en"]))
        demo.stdout.write(f"  + translation: {HOME['en']['title']}")
    return home
