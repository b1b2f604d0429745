"""The networks directory: F-CRIN's 17 investigation networks, 3 expertise networks and its platform.

Facts come from ../shared/data/networks.json and DOMAIN.md; the sentences are ours. What the
sources leave unconfirmed stays empty (no centres count, no website, no year), and structures
whose acronym is not traced to a source get a neutral name and no acronym. The records use the
``import_networks`` format (``networks.json`` beside this file), so the demo goes through the same
code as a real import; its topics share their slugs with the awareness days' themes.
"""

from pathlib import Path

from networks.importer import import_networks, parse
from networks.models import CareProtocol, NetworkCareProtocol, NetworkIndexPage, NetworkPage
from news.models import Topic

from .translation import translate

NETWORKS = Path(__file__).with_name("networks.json")

INDEX = {
    "fr": {
        "title": "Réseaux labellisés",
        "slug": "reseaux",
        "intro": (
            "Les réseaux d'investigation clinique, les réseaux d'expertise et la plateforme de services "
            "labellisés par F-CRIN : leur domaine, leurs coordinateurs et leurs centres."
        ),
        "search_description": "L'annuaire des réseaux de recherche clinique labellisés par F-CRIN.",
    },
    "en": {
        "title": "Labelled networks",
        "slug": "networks",
        "intro": (
            "The clinical investigation networks, expertise networks and service platform labelled by "
            "F-CRIN: their field, coordinators and centres."
        ),
        "search_description": "The directory of the clinical research networks labelled by F-CRIN.",
    },
}

FAI2R = (
    "FAI²R, filière de santé des maladies auto-immunes et auto-inflammatoires rares",
    "FAI²R, rare autoimmune and autoinflammatory diseases network",
)
# The exact PDF addresses were not found: the protocols link the HAS page that lists every PNDS.
HAS_PNDS_INDEX = (
    "https://www.has-sante.fr/portail/jcms/c_1340879/fr/protocoles-nationaux-de-diagnostic-et-de-soins-pnds"
)

CARE_PROTOCOLS = [
    {
        "title": ("PNDS Lupus systémique", "National diagnosis and care protocol (PNDS): systemic lupus"),
        "disease": "lupus-systemique",
        "reference_centre": (
            "Centre de référence maladies rares Lupus, syndrome des anticorps antiphospholipides et autres "
            "maladies auto-immunes rares",
            "Rare disease reference centre for lupus, antiphospholipid syndrome and other rare autoimmune diseases",
        ),
        "directed_by": ("Pr Zahir Amoura", "Prof. Zahir Amoura"),
        "publication_year": 2017,
        "update_year": 2020,
    },
    {
        "title": ("PNDS Sclérodermie systémique", "National diagnosis and care protocol (PNDS): systemic sclerosis"),
        "disease": "sclerodermie-systemique",
        "reference_centre": (
            "CeRAINO et centre de référence des maladies auto-immunes systémiques rares d'Île-de-France",
            "CeRAINO and the Île-de-France reference centre for rare systemic autoimmune diseases",
        ),
        "directed_by": ("Pr Eric Hachulla, Pr Luc Mouthon", "Prof. Eric Hachulla, Prof. Luc Mouthon"),
        "publication_year": 2017,
        "update_year": 2022,
    },
    {
        "title": (
            "PNDS Maladie de Still de l'adulte",
            "National diagnosis and care protocol (PNDS): adult-onset Still's disease",
        ),
        "disease": "maladie-de-still",
        "reference_centre": (
            "CeRéMAIA, centre de référence des maladies auto-inflammatoires et de l'amylose inflammatoire",
            "CeRéMAIA, reference centre for autoinflammatory diseases and inflammatory amyloidosis",
        ),
        "directed_by": ("Pr Bruno Fautrel", "Prof. Bruno Fautrel"),
        "publication_year": 2017,
        "update_year": None,
    },
]


def _index(demo, home):
    index = NetworkIndexPage.objects.filter(locale=demo.fr).first()
    if index is None:
        index = NetworkIndexPage(locale=demo.fr, show_in_menus=True, **INDEX["fr"])
        home.add_child(instance=index)
        index.save_revision().publish()
        demo.report(index)
    if not index.has_translation(demo.en):
        translate(index, demo.en, NetworkIndexPage(locale=demo.en, **INDEX["en"]))
    return index


def _care_protocol(demo, data):
    protocol = CareProtocol.objects.filter(locale=demo.fr, title=data["title"][0]).first()
    if protocol is None:
        disease = Topic.objects.get(locale=demo.fr, slug=data["disease"])
        fields = {key: data[key] for key in ("publication_year", "update_year")}
        protocol = CareProtocol.objects.create(
            locale=demo.fr,
            title=data["title"][0],
            disease=disease,
            reference_centre=data["reference_centre"][0],
            filiere=FAI2R[0],
            official_url=HAS_PNDS_INDEX,
            directed_by=data["directed_by"][0],
            **fields,
        )
        demo.report(protocol)
        english = CareProtocol(
            locale=demo.en,
            title=data["title"][1],
            reference_centre=data["reference_centre"][1],
            filiere=FAI2R[1],
            directed_by=data["directed_by"][1],
            **fields,
        )
        translate(protocol, demo.en, english)
    return protocol


def _link_care_protocols(demo, page, protocols):
    linked = set(page.care_protocol_links.values_list("protocol_id", flat=True))
    missing = [protocol for protocol in protocols if protocol.pk not in linked]
    if not missing:
        return
    for protocol in missing:
        page.care_protocol_links.add(NetworkCareProtocol(protocol=protocol))
    page.save_revision().publish()
    # The English page already carries every English string: re-translating adds the links only.
    translate(page, demo.en, page.get_translation(demo.en))


def load(demo):
    from home.models import HomePage

    home = HomePage.objects.get(locale=demo.fr)
    _index(demo, home)
    report = import_networks(parse(NETWORKS.read_text(encoding="utf-8"), name=str(NETWORKS)))
    for label in report.created:
        demo.stdout.write(f"  + network: {label}")
    demo.created.extend(report.created)

    imidiate = NetworkPage.objects.get(locale=demo.fr, acronym="CRI-IMIDIATE")
    _link_care_protocols(demo, imidiate, [_care_protocol(demo, data) for data in CARE_PROTOCOLS])
