"""Find an expert: the directory in French and English, with seven experts and their drawn portraits.

Six experts are fictional (their names, posts and words are made up for the demo, around networks
and facts of ../shared/); their portraits are drawn here with Pillow and credited "Illustration
F-CRIN". The seventh is the spokesperson the CRI-IMIDIATE release of ../shared/reference/ quotes,
described only as that release describes him, without a portrait; the demo's lupus release names
him from the directory.
"""

import io
import uuid

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

from home.models import HomePage
from networks.models import NetworkPage
from news.models import ExpertIndexPage, ExpertLanguage, ExpertNetwork, ExpertPage, ExpertTopic, Topic

from .press_release_lupus import ROLE_EN, ROLE_FR
from .press_release_lupus import SPEAKER_FR as SPEAKER
from .translation import translate

CREDIT = "Illustration F-CRIN"
PORTRAITS = uuid.UUID("0b6d2f5e-3c1a-4e8b-9f27-5a4c6e1d8b30")

INDEX = {
    "fr": {
        "title": "Trouver un expert",
        "slug": "experts",
        "intro": (
            "Des médecins et chercheurs des réseaux F-CRIN qui acceptent de répondre aux journalistes. "
            "Sauf mention d'une adresse, passez par le service de presse. Démonstration : hormis le porte-parole "
            "de CRI-IMIDIATE, ces experts sont fictifs."
        ),
        "search_description": "Les experts des réseaux F-CRIN, par thématique, réseau et langue parlée.",
    },
    "en": {
        "title": "Find an expert",
        "slug": "experts",
        "intro": (
            "Doctors and researchers of the F-CRIN networks who agree to talk to journalists. Unless an "
            "address is shown, go through the press office. Demo: apart from CRI-IMIDIATE's spokesperson, "
            "these experts are fictional."
        ),
        "search_description": "Experts of the F-CRIN networks, by topic, network and language spoken.",
    },
}

# (French topic slug) as the networks' import and the press demo name them.
EXPERTS = [
    {
        "slug": ("camille-lefevre", "camille-lefevre"),
        "name": "Dr Camille Lefèvre",
        "networks": ["CRISALIS"],
        "topics": ["asthme-severe", "maladies-respiratoires"],
        "languages": ["fr", "en", "es"],
        "media_trained": True,
        "email": "camille.lefevre@example.org",
        "show_email": True,
        "colours": ((20, 94, 140), (233, 196, 160)),
        "fr": {
            "job_title": "Pneumologue, responsable d'un centre d'investigation du réseau",
            "affiliation": "Centre hospitalier universitaire (fictif)",
            "bio": (
                "Pneumologue, elle suit des adultes atteints d'asthme sévère et coordonne les inclusions de son "
                "centre dans les études du réseau CRISALIS. Elle peut expliquer ce qu'est un asthme sévère, "
                "comment on le distingue d'un asthme mal contrôlé et pourquoi la recherche en réseau compte."
            ),
        },
        "en": {
            "job_title": "Respiratory physician, head of an investigation centre of the network",
            "affiliation": "University hospital (fictional)",
            "bio": (
                "A respiratory physician, she treats adults with severe asthma and coordinates her centre's "
                "enrolments in the CRISALIS network's studies. She can explain what severe asthma is, how it "
                "differs from poorly controlled asthma and why research in a network matters."
            ),
        },
    },
    {
        "slug": ("antoine-marchal", "antoine-marchal"),
        "name": "Pr Antoine Marchal",
        "networks": ["CRICS-TRIGGERSEP"],
        "topics": ["sepsis-reanimation"],
        "languages": ["fr", "en"],
        "media_trained": True,
        "email": "",
        "show_email": False,
        "colours": ((150, 30, 40), (214, 170, 130)),
        "fr": {
            "job_title": "Réanimateur, professeur de médecine intensive",
            "affiliation": "Service de médecine intensive et réanimation (fictif)",
            "bio": (
                "Réanimateur, il prend en charge des patients en sepsis et participe aux essais du réseau "
                "CRICS-TRIGGERSEP. Il parle des signes qui doivent alerter, de l'urgence du traitement et de "
                "la façon dont les services de réanimation mènent des essais ensemble."
            ),
        },
        "en": {
            "job_title": "Intensive care physician, professor of intensive care medicine",
            "affiliation": "Intensive care department (fictional)",
            "bio": (
                "An intensive care physician, he treats patients with sepsis and takes part in the "
                "CRICS-TRIGGERSEP network's trials. He talks about the warning signs, why treatment is "
                "urgent and how intensive care units run trials together."
            ),
        },
    },
    {
        "slug": ("sophie-garnier", "sophie-garnier"),
        "name": "Dr Sophie Garnier",
        "networks": ["StrokeLink"],
        "topics": ["avc", "neurologie"],
        "languages": ["fr", "en", "de"],
        "media_trained": False,
        "email": "",
        "show_email": False,
        "colours": ((176, 16, 58), (241, 205, 176)),
        "fr": {
            "job_title": "Neurologue vasculaire",
            "affiliation": "Unité neurovasculaire (fictive)",
            "bio": (
                "Neurologue dans une unité neurovasculaire, elle participe aux études du réseau StrokeLink. "
                "Elle peut parler des signes de l'AVC, de l'appel au 15 et de la recherche sur la prise en "
                "charge dans les premières heures."
            ),
        },
        "en": {
            "job_title": "Vascular neurologist",
            "affiliation": "Stroke unit (fictional)",
            "bio": (
                "A neurologist in a stroke unit, she takes part in the StrokeLink network's studies. She can "
                "talk about the signs of stroke, calling the emergency services and research on care in the "
                "first hours."
            ),
        },
    },
    {
        "slug": ("julien-rocher", "julien-rocher"),
        "name": "Dr Julien Rocher",
        "networks": ["I-REIVAC"],
        "topics": ["vaccination", "maladies-infectieuses"],
        "languages": ["fr", "en", "it"],
        "media_trained": True,
        "email": "julien.rocher@example.org",
        "show_email": True,
        "colours": ((40, 110, 70), (200, 150, 110)),
        "fr": {
            "job_title": "Infectiologue, investigateur en vaccinologie",
            "affiliation": "Centre d'investigation clinique (fictif)",
            "bio": (
                "Infectiologue, il conduit des essais de vaccins au sein du réseau I-REIVAC. Il explique "
                "comment se déroule un essai de vaccin, qui peut y participer et comment la sécurité des "
                "volontaires est suivie."
            ),
        },
        "en": {
            "job_title": "Infectious diseases physician, vaccine trial investigator",
            "affiliation": "Clinical investigation centre (fictional)",
            "bio": (
                "An infectious diseases physician, he runs vaccine trials in the I-REIVAC network. He explains "
                "how a vaccine trial works, who can take part and how volunteers' safety is followed."
            ),
        },
    },
    {
        "slug": ("nadia-benali", "nadia-benali"),
        "name": "Dr Nadia Benali",
        "networks": ["F-PsyNET"],
        "topics": ["sante-mentale", "troubles-psychotiques"],
        "languages": ["fr", "ar", "en"],
        "media_trained": False,
        "email": "",
        "show_email": False,
        "colours": ((90, 60, 140), (170, 120, 90)),
        "fr": {
            "job_title": "Psychiatre",
            "affiliation": "Centre expert en psychiatrie (fictif)",
            "bio": (
                "Psychiatre, elle reçoit des jeunes adultes au début d'un trouble psychotique et participe "
                "aux travaux du réseau F-PsyNET. Elle parle de l'intervention précoce, de la place des "
                "familles et de la lutte contre la stigmatisation."
            ),
        },
        "en": {
            "job_title": "Psychiatrist",
            "affiliation": "Expert psychiatry centre (fictional)",
            "bio": (
                "A psychiatrist, she sees young adults at the onset of a psychotic disorder and takes part in "
                "the F-PsyNET network's work. She talks about early intervention, the role of families and "
                "fighting stigma."
            ),
        },
    },
    {
        "slug": ("thomas-keller", "thomas-keller"),
        "name": "Dr Thomas Keller",
        "networks": ["OrphanDev", "CRI-IMIDIATE"],
        "topics": ["maladies-rares", "maladies-auto-immunes"],
        "languages": ["fr", "de", "en"],
        "media_trained": True,
        "email": "",
        "show_email": False,
        "colours": ((21, 50, 94), (228, 190, 150)),
        "fr": {
            "job_title": "Méthodologiste des essais cliniques",
            "affiliation": "Unité de recherche clinique (fictive)",
            "bio": (
                "Méthodologiste, il aide les équipes à construire des essais pour des maladies rares, où "
                "les patients sont peu nombreux. Il explique pourquoi ces essais demandent des méthodes "
                "adaptées et comment les réseaux F-CRIN mettent leur expertise en commun."
            ),
        },
        "en": {
            "job_title": "Clinical trial methodologist",
            "affiliation": "Clinical research unit (fictional)",
            "bio": (
                "A methodologist, he helps teams design trials for rare diseases, where patients are few. He "
                "explains why these trials need suited methods and how the F-CRIN networks pool their expertise."
            ),
        },
    },
    {
        # The spokesperson of the reference release: his name and roles as it gives them, nothing more.
        "slug": ("bruno-fautrel", "bruno-fautrel"),
        "name": SPEAKER,
        "networks": ["CRI-IMIDIATE"],
        "topics": ["maladies-auto-immunes", "lupus-systemique", "maladie-de-still"],
        "languages": ["fr"],
        "media_trained": False,
        "email": "",
        "show_email": False,
        "colours": None,
        "fr": {
            "job_title": ROLE_FR.split(", ", 1)[0],
            "affiliation": ROLE_FR.split(", ", 1)[1],
            "bio": (
                "Co-coordonnateur du réseau CRI-IMIDIATE, il s'exprime dans le communiqué du réseau pour la "
                "Journée mondiale du lupus sur les cellules CAR-T et les protocoles nationaux de diagnostic "
                "et de soins (PNDS). Il a dirigé le PNDS de la maladie de Still de l'adulte (2017)."
            ),
        },
        "en": {
            "job_title": ROLE_EN.split(", ", 1)[0],
            "affiliation": ROLE_EN.split(", ", 1)[1],
            "bio": (
                "Co-coordinator of the CRI-IMIDIATE network, he speaks in the network's World Lupus Day release "
                "about CAR-T cells and the national diagnosis and care protocols (PNDS). He led the PNDS on "
                "adult-onset Still's disease (2017)."
            ),
        },
    },
]


def portrait(name, colours):
    """A simple drawn portrait (background, shoulders, head, hair), stored once as a Wagtail image."""
    image_model = get_image_model()
    title = f"Portrait dessiné – {name}"
    image = image_model.objects.filter(title=title).first()
    if image is not None:
        return image
    background, skin = colours
    picture = PILImage.new("RGB", (480, 600), background)
    draw = ImageDraw.Draw(picture)
    light = tuple(min(255, channel + 60) for channel in background)
    draw.ellipse((60, 380, 420, 760), fill=light)  # shoulders
    draw.rectangle((205, 330, 275, 420), fill=skin)  # neck
    draw.ellipse((150, 120, 330, 350), fill=skin)  # head
    hair = tuple(max(0, channel - 120) for channel in skin)
    draw.chord((140, 100, 340, 300), 180, 360, fill=hair)
    draw.ellipse((195, 215, 215, 235), fill=(40, 40, 40))
    draw.ellipse((265, 215, 285, 235), fill=(40, 40, 40))
    draw.arc((205, 260, 275, 310), 20, 160, fill=(120, 50, 50), width=5)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    filename = f"{uuid.uuid5(PORTRAITS, name).hex[:12]}.png"
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=filename))


def _index(demo, home):
    index = ExpertIndexPage.objects.filter(locale=demo.fr).first()
    if index is None:
        index = ExpertIndexPage(locale=demo.fr, show_in_menus=True, **INDEX["fr"])
        home.add_child(instance=index)
        index.save_revision().publish()
        demo.report(index)
    if not index.has_translation(demo.en):
        translate(index, demo.en, ExpertIndexPage(locale=demo.en, show_in_menus=True, **INDEX["en"]))
    return index


def _ordered(children):
    children = list(children)
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def english_name(name):
    """The French title "Pr" reads "Prof." in English."""
    return "Prof. " + name.removeprefix("Pr ") if name.startswith("Pr ") else name


def _expert(demo, index, data):
    expert = ExpertPage.objects.child_of(index).filter(slug=data["slug"][0]).first()
    common = {key: data[key] for key in ("media_trained", "email", "show_email")}
    if expert is None:
        photo = portrait(data["name"], data["colours"]) if data["colours"] else None
        expert = ExpertPage(
            locale=demo.fr,
            title=data["name"],
            slug=data["slug"][0],
            photo=photo,
            photo_credit=CREDIT if photo else "",
            **common,
            **data["fr"],
        )
        topics = Topic.objects.filter(locale=demo.fr, slug__in=data["topics"])
        expert.topic_links = _ordered(ExpertTopic(topic=topic) for topic in topics)
        networks = [NetworkPage.objects.filter(locale=demo.fr, acronym__iexact=a).first() for a in data["networks"]]
        expert.network_links = _ordered(ExpertNetwork(network=network) for network in networks if network)
        expert.language_links = _ordered(ExpertLanguage(language=code) for code in data["languages"])
        index.add_child(instance=expert)
        expert.save_revision().publish()
        demo.report(expert)
    if not expert.has_translation(demo.en):
        english = ExpertPage(
            locale=demo.en,
            title=english_name(data["name"]),
            slug=data["slug"][1],
            photo=expert.photo,
            photo_credit=expert.photo_credit,
            **common,
            **data["en"],
        )
        translate(expert, demo.en, english)
    return expert


def load(demo):
    home = HomePage.objects.get(locale=demo.fr)
    index = _index(demo, home)
    for data in EXPERTS:
        _expert(demo, index, data)
