"""The networks directory: F-CRIN's 17 investigation networks, 3 expertise networks and its platform.

Facts come from ../shared/data/networks.json and DOMAIN.md; the sentences are ours. What the
sources leave unconfirmed stays empty (no centres count, no website, no year), and structures
whose acronym is not traced to a source get a neutral name and no acronym. The records use the
``import_networks`` format, so the demo goes through the same code as a real import.
"""

import json

from networks.importer import import_networks, parse
from networks.models import CareProtocol, NetworkCareProtocol, NetworkIndexPage, NetworkPage
from news.models import Topic

from .awareness_days import TOPICS
from .translation import translate

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

SPECIFIC_TOPICS = {
    "parkinson": ("maladie-de-parkinson", "Maladie de Parkinson", "parkinsons-disease", "Parkinson's disease"),
    "severe-asthma": ("asthme-severe", "Asthme sévère", "severe-asthma", "Severe asthma"),
    "vte": (
        "maladie-thromboembolique-veineuse",
        "Maladie thromboembolique veineuse",
        "venous-thromboembolism",
        "Venous thromboembolism",
    ),
    "ms": ("sclerose-en-plaques", "Sclérose en plaques", "multiple-sclerosis", "Multiple sclerosis"),
    "retina": ("maladies-de-la-retine", "Maladies de la rétine", "retinal-diseases", "Retinal diseases"),
    "lupus": ("lupus-systemique", "Lupus systémique", "systemic-lupus", "Systemic lupus"),
    "scleroderma": ("sclerodermie-systemique", "Sclérodermie systémique", "systemic-sclerosis", "Systemic sclerosis"),
    "still": ("maladie-de-still", "Maladie de Still", "stills-disease", "Still's disease"),
    "ra": ("polyarthrite-rhumatoide", "Polyarthrite rhumatoïde", "rheumatoid-arthritis", "Rheumatoid arthritis"),
    "coronary": ("maladie-coronaire", "Maladie coronaire", "coronary-artery-disease", "Coronary artery disease"),
    "stroke": ("avc", "AVC (accident vasculaire cérébral)", "stroke", "Stroke"),
    "psychosis": ("troubles-psychotiques", "Troubles psychotiques", "psychotic-disorders", "Psychotic disorders"),
    "atopic-dermatitis": ("dermatite-atopique", "Dermatite atopique", "atopic-dermatitis", "Atopic dermatitis"),
    "als": ("sla", "Sclérose latérale amyotrophique (SLA)", "als", "Amyotrophic lateral sclerosis (ALS)"),
    "devices": ("dispositifs-medicaux", "Dispositifs médicaux", "medical-devices", "Medical devices"),
    "epidemiology": (
        "epidemiologie-clinique",
        "Épidémiologie clinique",
        "clinical-epidemiology",
        "Clinical epidemiology",
    ),
}


def topic(key):
    """A topic in the import format: the awareness days' broad themes, or one disease."""
    if key in TOPICS:
        (name_fr, slug_fr), (name_en, slug_en) = TOPICS[key]
    else:
        slug_fr, name_fr, slug_en, name_en = SPECIFIC_TOPICS[key]
    return {"slug_fr": slug_fr, "name_fr": name_fr, "slug_en": slug_en, "name_en": name_en}


def person(name, title, institution=("", "")):
    return {
        "name": name,
        "title_fr": title[0],
        "title_en": title[1],
        "institution_fr": institution[0],
        "institution_en": institution[1],
    }


COORDINATOR = ("Coordonnateur", "Coordinator")
COORDINATRICE = ("Coordinatrice", "Coordinator")
CHU_TOULOUSE = ("CHU de Toulouse", "Toulouse University Hospital")
CHU_TOURS = ("CHU de Tours", "Tours University Hospital")
CHU_LILLE = ("CHU de Lille", "Lille University Hospital")


def network(acronym, kind, name, summary, topics, **facts):
    """One record of the import format; ``name`` and ``summary`` are (French, English) pairs."""
    record = {
        "acronym": acronym,
        "kind": kind,
        "name_fr": name[0],
        "name_en": name[1],
        "summary_fr": summary[0],
        "summary_en": summary[1],
        "topics": [topic(key) for key in topics],
        "coordinators": facts.pop("coordinators", []),
        "centres": facts.pop("centres", None),
        "year_labelled": facts.pop("year_labelled", None),
        "website": facts.pop("website", ""),
    }
    for key in ("title", "slug", "centres_note"):
        pair = facts.pop(key, None)
        if pair:
            record[f"{key}_fr"], record[f"{key}_en"] = pair
    assert not facts, facts
    return record


NETWORKS = [
    network(
        "NS-PARK",
        "investigation",
        (
            "Réseau national d'investigation clinique sur la maladie de Parkinson et les mouvements anormaux",
            "French clinical research network for Parkinson's disease and movement disorders",
        ),
        (
            "NS-PARK/F-CRIN conduit des essais cliniques sur la maladie de Parkinson et les autres mouvements "
            "anormaux, dont l'atrophie multisystématisée et la paralysie supranucléaire progressive.",
            "NS-PARK/F-CRIN runs clinical trials in Parkinson's disease and other movement disorders, including "
            "multiple system atrophy and progressive supranuclear palsy.",
        ),
        ["neurology", "parkinson"],
        coordinators=[
            person("Pr Olivier Rascol", ("Anime le réseau (2022)", "Leads the network (2022)"), CHU_TOULOUSE)
        ],
        centres=27,
        centres_note=(
            "Centres académiques, dont les 25 centres experts Parkinson",
            "Academic centres, including the 25 Parkinson expert centres",
        ),
        year_labelled=2014,
        website="https://parkinson.network",
    ),
    network(
        "CRICS-TRIGGERSEP",
        "investigation",
        (
            "Réseau de recherche clinique en réanimation et sepsis",
            "Clinical research network in intensive care and sepsis",
        ),
        (
            "Le réseau rassemble des services de réanimation pour évaluer de nouvelles prises en charge du "
            "sepsis et du choc septique.",
            "The network brings intensive care units together to evaluate new ways of treating sepsis and "
            "septic shock.",
        ),
        ["intensive-care"],
        coordinators=[
            person(
                "Pr Ferhat Meziani",
                ("Coordonnateur (2022)", "Coordinator (2022)"),
                ("CHRU de Strasbourg", "Strasbourg University Hospital"),
            ),
            person("Pr Stephan Ehrmann", ("Coordonnateur (2022)", "Coordinator (2022)"), CHU_TOURS),
        ],
        website="https://www.triggersep.org",
    ),
    network(
        "CRISALIS",
        "investigation",
        (
            "Réseau français d'investigation clinique dédié à l'asthme sévère",
            "Clinical Research Initiative in Severe Asthma: a Lever for Innovation & Science",
        ),
        (
            "CRISALIS/F-CRIN fédère des centres de pneumologie autour de la recherche clinique sur l'asthme sévère.",
            "CRISALIS/F-CRIN brings respiratory medicine centres together around clinical research on severe asthma.",
        ),
        ["respiratory", "severe-asthma"],
        coordinators=[
            person(
                "Pr Gilles Devouassoux",
                ("Coordonnateur depuis 2022", "Coordinator since 2022"),
                (
                    "Hospices civils de Lyon, hôpital de la Croix-Rousse",
                    "Hospices Civils de Lyon, Croix-Rousse hospital",
                ),
            ),
            person("Pr Laurent Guilleminault", ("Coordonnateur depuis 2022", "Coordinator since 2022"), CHU_TOULOUSE),
        ],
        centres=15,
        centres_note=("Centres membres en 2022", "Member centres in 2022"),
        year_labelled=2018,
        website="https://www.crisalis-network.org",
    ),
    network(
        "INNOVTE",
        "investigation",
        (
            "Réseau d'investigation clinique sur la maladie thromboembolique veineuse",
            "Investigation network on venous thromboembolism",
        ),
        (
            "INNOVTE étudie la thrombose veineuse profonde et l'embolie pulmonaire, de la prévention au traitement.",
            "INNOVTE studies deep vein thrombosis and pulmonary embolism, from prevention to treatment.",
        ),
        ["cardiovascular", "vte"],
        coordinators=[person("Pr Francis Couturaud", COORDINATOR, ("CHU de Brest", "Brest University Hospital"))],
        year_labelled=2013,
        website="https://www.innovte-thrombosisnetwork.eu",
    ),
    network(
        "FORCE",
        "investigation",
        (
            "Réseau national de recherche clinique sur les obésités et les maladies métaboliques associées",
            "French Obesity Research Centre of Excellence",
        ),
        (
            "FORCE mène des études cliniques sur les obésités, la nutrition et les maladies métaboliques qui leur "
            "sont associées.",
            "FORCE runs clinical studies on obesity, nutrition and the metabolic diseases linked to them.",
        ),
        ["metabolic"],
        coordinators=[
            person(
                "Pr Martine Laville",
                (
                    "Coordinatrice scientifique nationale (d'après une ancienne page de F-CRIN)",
                    "National scientific coordinator (according to an older F-CRIN page)",
                ),
                ("Hospices civils de Lyon, Lyon-Sud", "Hospices Civils de Lyon, Lyon-Sud"),
            )
        ],
        centres_note=(
            "Trois pôles (Paris, Lyon, Toulouse) et les 37 centres spécialisés de l'obésité",
            "Three hubs (Paris, Lyon, Toulouse) and the 37 specialised obesity centres",
        ),
        year_labelled=2014,
        website="https://www.force-obesity.org",
    ),
    network(
        "INI-CRCT",
        "investigation",
        (
            "Réseau d'investigation clinique cardio-rénal",
            "Investigation Network Initiative – Cardiovascular and Renal Clinical Trialists",
        ),
        (
            "INI-CRCT associe cardiologues et néphrologues pour étudier ensemble l'insuffisance cardiaque, "
            "l'insuffisance rénale chronique et la dialyse.",
            "INI-CRCT brings cardiologists and nephrologists together to study heart failure, chronic kidney "
            "disease and dialysis.",
        ),
        ["kidney", "cardiovascular"],
        coordinators=[person("Pr Patrick Rossignol", COORDINATOR)],
        website="http://www.inicrct.org",
    ),
    network(
        "FCRIN4MS",
        "investigation",
        (
            "Réseau national d'investigation clinique sur la sclérose en plaques et les maladies inflammatoires "
            "rares associées",
            "French clinical research network for multiple sclerosis and related rare inflammatory diseases",
        ),
        (
            "FCRIN4MS conduit la recherche clinique sur la sclérose en plaques, la neuromyélite optique et les "
            "autres maladies inflammatoires rares du système nerveux central.",
            "FCRIN4MS runs clinical research on multiple sclerosis, neuromyelitis optica and other rare "
            "inflammatory diseases of the central nervous system.",
        ),
        ["neurology", "ms"],
        coordinators=[
            person("Dr Céline Louapre", ("Co-coordinatrice", "Co-coordinator")),
            person("Pr Gilles Edan", ("Co-coordonnateur", "Co-coordinator")),
        ],
        centres_note=(
            "Travaille avec les 23 centres de ressources et de compétences sclérose en plaques (CRC-SEP)",
            "Works with the 23 multiple sclerosis resource and competence centres (CRC-SEP)",
        ),
    ),
    network(
        "FRCRnet",
        "investigation",
        ("Réseau français de recherche clinique rétinienne", "French Retinal Clinical Research network"),
        (
            "FRCRnet étudie les maladies de la rétine, dont la rétinopathie diabétique, la DMLA et les maladies "
            "rares de la rétine.",
            "FRCRnet studies retinal diseases, including diabetic retinopathy, age-related macular degeneration "
            "and rare retinal diseases.",
        ),
        ["eye", "retina"],
        coordinators=[
            person(
                "Pr Michel Paques",
                COORDINATOR,
                ("CIC 1423, CHNO des Quinze-Vingts", "CIC 1423, Quinze-Vingts national ophthalmology hospital"),
            )
        ],
        centres_note=(
            "Fondé par quatre services (Quinze-Vingts, Strasbourg, Dijon, Lariboisière)",
            "Founded by four departments (Quinze-Vingts, Strasbourg, Dijon, Lariboisière)",
        ),
        website="https://www.frcrnet.org",
    ),
    network(
        "CRI-IMIDIATE",
        "investigation",
        (
            "Réseau F-CRIN des maladies inflammatoires ostéo-articulaires et systémiques",
            "F-CRIN network for osteo-articular and systemic immune-mediated inflammatory diseases",
        ),
        (
            "CRI-IMIDIATE conduit des études cliniques sur les maladies auto-immunes et auto-inflammatoires, "
            "fréquentes ou rares, et travaille avec la filière FAI²R sur les protocoles nationaux de diagnostic "
            "et de soins.",
            "CRI-IMIDIATE runs clinical studies on autoimmune and autoinflammatory diseases, common or rare, "
            "and works with the FAI²R rare-disease network on the national diagnosis and care protocols.",
        ),
        ["autoimmune", "lupus", "scleroderma", "still", "ra"],
        coordinators=[
            person(
                "Pr Bruno Fautrel",
                (
                    "Co-coordonnateur du réseau et chef du service de rhumatologie (selon le communiqué de presse "
                    "du réseau)",
                    "Network co-coordinator and head of rheumatology (according to the network's press release)",
                ),
                ("Hôpital de la Pitié-Salpêtrière (AP-HP), Paris", "Pitié-Salpêtrière hospital (AP-HP), Paris"),
            )
        ],
        centres=54,
        centres_note=(
            "Centres de rhumatologie, de médecine interne et de pédiatrie (chiffre du communiqué de presse du réseau)",
            "Rheumatology, internal medicine and paediatric centres (figure from the network's press release)",
        ),
    ),
    network(
        "I-REIVAC",
        "investigation",
        (
            "Réseau national d'investigation clinique en vaccinologie",
            "French clinical research network in vaccinology",
        ),
        (
            "I-REIVAC évalue des vaccins contre les maladies infectieuses, y compris les maladies émergentes.",
            "I-REIVAC evaluates vaccines against infectious diseases, emerging ones included.",
        ),
        ["vaccines", "infections"],
        coordinators=[
            person("Pr Odile Launay", COORDINATRICE, ("CIC Cochin-Pasteur (AP-HP)", "CIC Cochin-Pasteur (AP-HP)"))
        ],
        centres_note=(
            "La plateforme COVIREIVAC a fédéré 24 centres d'investigation clinique en 2020",
            "Its COVIREIVAC platform brought 24 clinical investigation centres together in 2020",
        ),
    ),
    network(
        "FACT",
        "investigation",
        ("Alliance française pour les essais cardiovasculaires", "French Alliance for Cardiovascular Trials"),
        (
            "FACT conduit des essais en cardiologie, notamment sur la maladie coronaire, l'athérothrombose et les "
            "complications cardiovasculaires du diabète.",
            "FACT runs cardiology trials, notably on coronary artery disease, atherothrombosis and the "
            "cardiovascular complications of diabetes.",
        ),
        ["cardiovascular", "coronary"],
        coordinators=[
            person(
                "Pr Ph. Gabriel Steg", ("Président", "President"), ("Hôpital Bichat (AP-HP)", "Bichat hospital (AP-HP)")
            )
        ],
        centres_note=("Plus de 20 sites", "More than 20 sites"),
        website="https://www.fact-trials.eu",
    ),
    network(
        "PEDSTART",
        "investigation",
        (
            "Réseau national de recherche clinique pédiatrique",
            "French national paediatric clinical research network",
        ),
        (
            "PEDSTART développe la recherche clinique chez l'enfant, dans toutes les spécialités, et l'évaluation "
            "des médicaments pédiatriques.",
            "PEDSTART develops clinical research in children, across specialties, and the evaluation of "
            "paediatric medicines.",
        ),
        ["children"],
        coordinators=[
            person("Pr Régis Hankard", COORDINATOR, CHU_TOURS),
            person("Pr Frédéric Gottrand", ("Co-coordonnateur", "Co-coordinator"), ("Lille", "Lille")),
        ],
        centres_note=(
            "20 centres d'investigation clinique, avec l'AFPA et la SFP",
            "20 clinical investigation centres, with the AFPA and the SFP",
        ),
        year_labelled=2018,
        website="https://www.pedstart.org",
    ),
    network(
        "StrokeLink",
        "investigation",
        (
            "Réseau national de recherche clinique sur l'accident vasculaire cérébral",
            "French national clinical research network on stroke",
        ),
        (
            "StrokeLink rassemble les équipes de neurologie vasculaire autour des essais cliniques sur l'AVC.",
            "StrokeLink brings vascular neurology teams together around clinical trials in stroke.",
        ),
        ["neurology", "stroke"],
        coordinators=[
            person("Pr Charlotte Cordonnier", COORDINATRICE, CHU_LILLE),
            person("Pr Jean-Marc Olivot", COORDINATOR, CHU_TOULOUSE),
        ],
        year_labelled=2022,
        website="https://strokelink-avc.fr",
    ),
    network(
        "F-PsyNET",
        "investigation",
        (
            "Réseau national de recherche sur les troubles psychotiques",
            "French Psychosis Network",
        ),
        (
            "F-PsyNET conduit la recherche clinique sur les troubles psychotiques, dont la schizophrénie.",
            "F-PsyNET runs clinical research on psychotic disorders, schizophrenia included.",
        ),
        ["mental-health", "psychosis"],
        centres_note=(
            "Réunit le réseau de l'Institut de psychiatrie et celui des centres experts FondaMental",
            "Brings together the Institut de Psychiatrie network and the FondaMental expert centres network",
        ),
        year_labelled=2022,
    ),
    network(
        "FRADEN",
        "investigation",
        ("Réseau de recherche sur la dermatite atopique", "Atopic dermatitis research network"),
        (
            "FRADEN fédère des centres de dermatologie autour de la recherche clinique sur la dermatite atopique.",
            "FRADEN brings dermatology centres together around clinical research on atopic dermatitis.",
        ),
        ["skin", "atopic-dermatitis"],
        centres=24,
        year_labelled=2022,
        website="https://fraden.org",
    ),
    network(
        "ACT4ALS-MND",
        "investigation",
        (
            "Réseau d'investigation clinique sur la SLA (maladie de Charcot) et les maladies du neurone moteur",
            "Alliance on Clinical Trials for Amyotrophic Lateral Sclerosis – Motor Neurone Disease",
        ),
        (
            "ACT4ALS-MND conduit les essais cliniques sur la sclérose latérale amyotrophique et les autres "
            "maladies du neurone moteur.",
            "ACT4ALS-MND runs clinical trials in amyotrophic lateral sclerosis and other motor neurone diseases.",
        ),
        ["neurology", "als"],
        coordinators=[
            person(
                "Pr Philippe Couratier",
                ("Coordination du réseau", "Network coordination"),
                ("CHU de Limoges", "Limoges University Hospital"),
            ),
            person("Pr Claude Desnuelle", ("Coordination du réseau", "Network coordination")),
            person("Dr Gaëlle Bruneteau", ("Coordination du réseau", "Network coordination"), ("AP-HP", "AP-HP")),
        ],
        centres=19,
        centres_note=("Centres experts SLA de la filière FILSLAN", "ALS expert centres of the FILSLAN network"),
        year_labelled=2022,
    ),
    network(
        "MUST",
        "investigation",
        (
            "Réseau multidisciplinaire universitaire de recherche en soins primaires",
            "Multidisciplinary university network for primary care research",
        ),
        (
            "MUST développe la recherche clinique en soins primaires, en médecine générale et dans les maisons "
            "et centres de santé.",
            "MUST develops clinical research in primary care, general practice and multi-professional health centres.",
        ),
        ["primary-care"],
        coordinators=[
            person("Pr Julie Dupouy", ("Coordination du réseau", "Network coordination")),
            person("Pr Cédric Rat", ("Coordination du réseau", "Network coordination")),
        ],
    ),
    network(
        "OrphanDev",
        "expertise",
        (
            "Réseau d'expertise F-CRIN pluridisciplinaire dédié aux maladies rares",
            "F-CRIN multidisciplinary expertise network for rare diseases",
        ),
        (
            "OrphanDev met son expertise au service des essais cliniques sur les maladies rares et les "
            "médicaments orphelins.",
            "OrphanDev brings its expertise to clinical trials on rare diseases and orphan drugs.",
        ),
        ["rare"],
        coordinators=[
            person(
                "Pr Olivier Blin",
                COORDINATOR,
                ("AP-HM, hôpital de la Timone, Marseille", "AP-HM, La Timone hospital, Marseille"),
            )
        ],
        year_labelled=2022,
    ),
    network(
        None,
        "expertise",
        (
            "Réseau d'expertise et de méthodologie de F-CRIN consacré aux dispositifs médicaux",
            "F-CRIN expertise and methodology network for medical devices",
        ),
        (
            "Ce réseau apporte son expertise méthodologique aux études cliniques qui évaluent des dispositifs "
            "médicaux.",
            "This network brings methodological expertise to clinical studies that evaluate medical devices.",
        ),
        ["devices"],
        title=("Réseau d'expertise Dispositifs médicaux", "Medical devices expertise network"),
        slug=("dispositifs-medicaux", "medical-devices"),
    ),
    network(
        None,
        "expertise",
        (
            "Réseau d'expertise et de méthodologie de F-CRIN consacré à l'épidémiologie",
            "F-CRIN expertise and methodology network for epidemiology",
        ),
        (
            "Ce réseau apporte son expertise en épidémiologie clinique aux études conduites dans les réseaux.",
            "This network brings clinical epidemiology expertise to the studies run within the networks.",
        ),
        ["epidemiology"],
        title=("Réseau d'expertise Épidémiologie", "Epidemiology expertise network"),
        slug=("epidemiologie", "epidemiology"),
    ),
    network(
        None,
        "platform",
        (
            "Plateforme de supports sur mesure pour la conduite des essais cliniques",
            "Platform of tailored support services for running clinical trials",
        ),
        (
            "La plateforme propose les services nécessaires pour conduire un essai clinique, dans toutes les aires "
            "thérapeutiques.",
            "The platform offers the services needed to run a clinical trial, in every therapeutic area.",
        ),
        ["clinical-research"],
        title=("Plateforme de services F-CRIN", "F-CRIN services platform"),
        slug=("plateforme-de-services", "services-platform"),
    ),
]

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
        "directed_by": "Pr Zahir Amoura",
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
        "directed_by": "Pr Eric Hachulla, Pr Luc Mouthon",
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
        "directed_by": "Pr Bruno Fautrel",
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
        fields = {key: data[key] for key in ("directed_by", "publication_year", "update_year")}
        protocol = CareProtocol.objects.create(
            locale=demo.fr,
            title=data["title"][0],
            disease=disease,
            reference_centre=data["reference_centre"][0],
            filiere=FAI2R[0],
            official_url=HAS_PNDS_INDEX,
            **fields,
        )
        demo.report(protocol)
        english = CareProtocol(
            locale=demo.en,
            title=data["title"][1],
            reference_centre=data["reference_centre"][1],
            filiere=FAI2R[1],
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
    report = import_networks(parse(json.dumps(NETWORKS), name="the demo networks"))
    for label in report.created:
        demo.stdout.write(f"  + network: {label}")
    demo.created.extend(report.created)

    imidiate = NetworkPage.objects.get(locale=demo.fr, acronym="CRI-IMIDIATE")
    _link_care_protocols(demo, imidiate, [_care_protocol(demo, data) for data in CARE_PROTOCOLS])
