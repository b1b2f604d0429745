"""Demo clippings, written for this project. Every outlet is fictional and says so in its name, every
address is on a reserved example domain (RFC 2606): no article is attributed to a real outlet."""

import datetime

COVERAGE_PAGE = {
    "fr": {
        "title": "Revue de presse",
        "slug": "revue-de-presse",
        "search_description": "Les articles de presse consacrés à F-CRIN, à ses réseaux et à leurs essais.",
        "introduction": (
            "Les articles consacrés à F-CRIN et à ses réseaux labellisés, du plus récent au plus ancien. "
            "Les exemples ci-dessous sont fictifs : ils montrent ce que la revue de presse affichera."
        ),
    },
    "en": {
        "title": "Press coverage",
        "slug": "press-coverage",
        "search_description": "Press articles about F-CRIN, its networks and their trials.",
        "introduction": (
            "Articles about F-CRIN and its labelled networks, newest first. The examples below are "
            "fictional: they show what the press coverage page will list."
        ),
    },
}

# release: the French slug of a demo release; network: an acronym; topics: keys of press_texts.TOPICS.
CLIPPINGS = [
    {
        "outlet": "Le Quotidien Santé (média fictif)",
        "headline": "Lupus : un réseau français mise sur les cellules CAR-T",
        "published_on": datetime.date(2026, 5, 6),
        "language": "fr",
        "url": "https://quotidien-sante.example.org/2026/05/lupus-reseau-car-t",
        "excerpt": "« Le réseau CRI-IMIDIATE veut ouvrir ses essais à davantage de patients atteints de lupus. »",
        "release": "journee-mondiale-du-lupus-cri-imidiate",
        "network": "CRI-IMIDIATE",
        "topics": ["lupus", "autoimmune"],
    },
    {
        "outlet": "Example Health Weekly (fictional outlet)",
        "headline": "France's lupus researchers look to CAR-T cells",
        "published_on": datetime.date(2026, 5, 11),
        "language": "en",
        "url": "https://health-weekly.example.com/news/france-lupus-car-t",
        "excerpt": "“A national network links the centres that run lupus trials across France.”",
        "release": "journee-mondiale-du-lupus-cri-imidiate",
        "network": "CRI-IMIDIATE",
        "topics": ["lupus"],
    },
    {
        "outlet": "Santé Hebdo (exemple)",
        "headline": "Asthme sévère : comment la recherche s'organise en France",
        "published_on": datetime.date(2026, 5, 4),
        "language": "fr",
        "url": "https://sante-hebdo.example.net/asthme-severe-recherche",
        "excerpt": "« Le réseau CRISALIS fédère les équipes qui étudient les formes sévères de la maladie. »",
        "release": "journee-mondiale-asthme-crisalis",
        "network": "CRISALIS",
        "topics": ["asthma", "respiratory"],
    },
    {
        "outlet": "La Gazette du souffle (média fictif)",
        "headline": "Journée mondiale de l'asthme : les essais cliniques en réseau",
        "published_on": datetime.date(2026, 5, 5),
        "language": "fr",
        "url": "https://gazette-du-souffle.example.org/journee-asthme-essais",
        "excerpt": "",
        "release": "journee-mondiale-asthme-crisalis",
        "network": "CRISALIS",
        "topics": ["asthma"],
    },
    {
        "outlet": "Respiratory News Digest (fictional outlet)",
        "headline": "Severe asthma trials: a French network takes stock",
        "published_on": datetime.date(2026, 5, 14),
        "language": "en",
        "url": "https://respiratory-digest.example.com/severe-asthma-french-network",
        "excerpt": "“Patients with severe asthma are among those who benefit most from trials run as a network.”",
        "release": "journee-mondiale-asthme-crisalis",
        "network": "CRISALIS",
        "topics": ["asthma", "respiratory"],
    },
    {
        "outlet": "Le Quotidien Santé (média fictif)",
        "headline": "Sepsis : la réanimation française fait équipe pour la recherche",
        "published_on": datetime.date(2026, 9, 13),
        "language": "fr",
        "url": "https://quotidien-sante.example.org/2026/09/sepsis-reanimation-recherche",
        "excerpt": "« Le sepsis reste une urgence : chaque heure compte, rappellent les réanimateurs. »",
        "release": "journee-mondiale-sepsis-crics-triggersep",
        "network": "CRICS-TRIGGERSEP",
        "topics": ["sepsis"],
    },
    {
        "outlet": "Critical Care Bulletin (fictional outlet)",
        "headline": "World Sepsis Day: French intensive care units pool their research",
        "published_on": datetime.date(2026, 9, 14),
        "language": "en",
        "url": "https://critical-care-bulletin.example.com/world-sepsis-day-france",
        "excerpt": "",
        "release": "journee-mondiale-sepsis-crics-triggersep",
        "network": "CRICS-TRIGGERSEP",
        "topics": ["sepsis", "clinical-research"],
    },
    {
        "outlet": "Radio Santé Exemple (émission fictive)",
        "headline": "AVC : la recherche clinique s'organise en réseau",
        "published_on": datetime.date(2026, 10, 29),
        "language": "fr",
        "url": "https://radio-sante.example.org/emissions/avc-recherche-reseau",
        "excerpt": "« Face à l'AVC, le temps presse, et la recherche aussi. »",
        "release": "journee-mondiale-avc-strokelink",
        "network": "StrokeLink",
        "topics": ["stroke", "neurology"],
    },
    {
        "outlet": "Neuro Today Example (fictional outlet)",
        "headline": "Stroke research in France: StrokeLink explained",
        "published_on": datetime.date(2026, 11, 3),
        "language": "en",
        "url": "https://neuro-today.example.com/stroke-research-france-strokelink",
        "excerpt": "“The network brings together the units that treat stroke patients and run trials.”",
        "release": "journee-mondiale-avc-strokelink",
        "network": "StrokeLink",
        "topics": ["stroke"],
    },
    {
        "outlet": "Santé Hebdo (exemple)",
        "headline": "Maladies rares : l'expertise des essais pour les petites populations",
        "published_on": datetime.date(2025, 3, 3),
        "language": "fr",
        "url": "https://sante-hebdo.example.net/maladies-rares-essais-petites-populations",
        "excerpt": "« Concevoir un essai quand les patients se comptent par dizaines demande une méthode à part. »",
        "network": "OrphanDev",
        "topics": ["rare", "clinical-research"],
    },
    {
        "outlet": "Le Quotidien Santé (média fictif)",
        "headline": "Recherche clinique : le maillage national des réseaux labellisés",
        "published_on": datetime.date(2025, 11, 20),
        "language": "fr",
        "url": "https://quotidien-sante.example.org/2025/11/reseaux-recherche-clinique",
        "excerpt": "",
        "topics": ["clinical-research"],
    },
    {
        "outlet": "Example Health Weekly (fictional outlet)",
        "headline": "How France networks its clinical trials",
        "published_on": datetime.date(2025, 12, 2),
        "language": "en",
        "url": "https://health-weekly.example.com/news/france-clinical-trial-networks",
        "excerpt": "“Networks labelled for their excellence share methods, centres and training.”",
        "topics": ["clinical-research"],
    },
]
