"""The press office's demo texts: press room, contacts, "About" boilerplates, topics.

Written for this demo in French and English; the facts come from ../shared/DOMAIN.md and the
CRI-IMIDIATE release in ../shared/reference/ (54 centres, the agency contact).
"""

PRESS_ROOM = {
    "fr": {
        "title": "Communiqués de presse",
        "slug": "communiques",
        "search_description": "Les communiqués de F-CRIN et de ses réseaux, avec contacts presse et dossiers.",
        "introduction": (
            "Les annonces de F-CRIN et de ses réseaux labellisés, de la plus récente à la plus ancienne. "
            "Chaque communiqué est publié en français et en anglais au même moment."
        ),
    },
    "en": {
        "title": "Press releases",
        "slug": "press-releases",
        "search_description": "Releases from F-CRIN and its networks, with press contacts and press kits.",
        "introduction": (
            "Announcements from F-CRIN and its labelled networks, newest first. "
            "Every release comes out in French and in English at the same time."
        ),
    },
}

# The seed release names a press relations agency and no person: the contact is the agency's desk.
AGENCY_CONTACT = {
    "key": "servicepresse@votredircom.fr",
    "fr": {
        "kind": "organisation",
        "organisation": "Service presse EVE'VOTREDIRCOM",
        "role": "Agence de relations presse, pour F-CRIN et ses réseaux",
        "email": "servicepresse@votredircom.fr",
        "mobile": "+33 6 62 46 84 82",
    },
    "en": {
        "organisation": "EVE'VOTREDIRCOM press office",
        "role": "Press relations agency for F-CRIN and its networks",
    },
}

BOILERPLATES = {
    "about-fcrin": {
        "fr": {
            "title": "À propos de F-CRIN",
            "body": (
                "<p>Née en 2012 d'un appel à projets de l'ANR dans le cadre des Investissements d'avenir, "
                "F-CRIN (French Clinical Research Infrastructure Network) est l'infrastructure nationale "
                "de la recherche clinique française. L'Inserm en assure le portage, l'ANR et le "
                "ministère chargé de la Santé la financent, et CHU, universités, industriels et "
                "représentants des patients y sont associés.</p>"
                "<p>Depuis son unité de coordination nationale, à Toulouse, elle labellise et accompagne "
                "des réseaux d'investigation clinique, des réseaux d'expertise et de méthodologie et une "
                "plateforme de services qui aident à monter des essais académiques comme industriels. "
                "Relais français de l'infrastructure européenne ECRIN, elle compte plus de 1 500 "
                'professionnels de la recherche clinique. En savoir plus : <a href="https://www.fcrin.org/">'
                "www.fcrin.org</a>.</p>"
            ),
        },
        "en": {
            "title": "About F-CRIN",
            "body": (
                "<p>Created in 2012 after winning a call of the French National Research Agency (ANR) "
                "under the Investments for the Future programme, F-CRIN (French Clinical Research "
                "Infrastructure Network) is France's national clinical research infrastructure. Inserm is "
                "its sponsor, the ANR and the Ministry of Health fund it, and university hospitals, "
                "universities, industry and patient representatives take part.</p>"
                "<p>From its national coordination unit in Toulouse, it labels and supports clinical "
                "investigation networks, expertise and methodology networks and a service platform that "
                "help set up academic and industry trials alike. France's relay in the European ECRIN "
                "infrastructure, it counts more than 1,500 clinical research professionals. Find out more: "
                '<a href="https://www.fcrin.org/">www.fcrin.org</a>.</p>'
            ),
        },
    },
    "about-cri-imidiate": {
        "fr": {
            "title": "À propos de CRI-IMIDIATE",
            "body": (
                "<p>Labellisé par F-CRIN, CRI-IMIDIATE se consacre à la recherche clinique sur les "
                "maladies inflammatoires ostéo-articulaires et systémiques, auto-immunes ou "
                "auto-inflammatoires, fréquentes comme rares. Il s'appuie sur 54 centres cliniques, "
                "services de rhumatologie, de médecine interne et de pédiatrie, qui mènent des études financées sur fonds publics "
                "(PHRC) ou par des industriels (IIS).</p>"
                "<p>Reconnu à l'échelle européenne, le réseau réunit médecins, chercheurs et patients "
                "autour d'un même but : mieux soigner ces maladies. Il siège au conseil scientifique de "
                "la filière de santé FAI²R, avec laquelle il organise chaque année une Journée "
                "Recherche.</p>"
            ),
        },
        "en": {
            "title": "About CRI-IMIDIATE",
            "body": (
                "<p>Labelled by F-CRIN, CRI-IMIDIATE is devoted to clinical research on "
                "inflammatory diseases of the joints, bones and whole body, whether autoimmune or "
                "autoinflammatory, common or rare. It relies on 54 clinical centres, departments of "
                "rheumatology, internal medicine and paediatrics, which run studies funded by public grants (PHRC) or by industry "
                "(investigator-initiated studies, IIS).</p>"
                "<p>Recognised across Europe, the network gathers doctors, researchers and patients "
                "around a shared goal: better care for these diseases. It sits on the scientific council "
                "of the FAI²R rare disease network, with which it holds a research day every year.</p>"
            ),
        },
    },
}

# (French name, slug), (English name, slug): the slugs the networks and awareness-day steps use too.
TOPICS = {
    "autoimmune": (
        ("Maladies auto-immunes et auto-inflammatoires", "maladies-auto-immunes"),
        ("Autoimmune and autoinflammatory diseases", "autoimmune-diseases"),
    ),
    "lupus": (("Lupus systémique", "lupus-systemique"), ("Systemic lupus", "systemic-lupus")),
    "rare": (("Maladies rares", "maladies-rares"), ("Rare diseases", "rare-diseases")),
    "sepsis": (
        ("Sepsis et réanimation", "sepsis-reanimation"),
        ("Sepsis and intensive care", "sepsis-intensive-care"),
    ),
    "asthma": (("Asthme sévère", "asthme-severe"), ("Severe asthma", "severe-asthma")),
    "respiratory": (
        ("Maladies respiratoires", "maladies-respiratoires"),
        ("Respiratory diseases", "respiratory-diseases"),
    ),
    "stroke": (("AVC", "avc"), ("Stroke", "stroke")),
    "neurology": (("Neurologie", "neurologie"), ("Neurology", "neurology")),
    "clinical-research": (("Recherche clinique", "recherche-clinique"), ("Clinical research", "clinical-research")),
}
