"""The media library's texts: its page and twelve photos, drawn for the demo (abstract shapes, no real
photograph), each described as what it is, in French and English."""

LIBRARY_PAGE = {
    "fr": {
        "title": "Photothèque",
        "slug": "phototheque",
        "introduction": (
            "Les photos des communiqués et des réseaux de F-CRIN, en taille web ou en haute définition pour "
            "l'impression. Elles sont libres pour la presse, avec le crédit indiqué."
        ),
    },
    "en": {
        "title": "Media library",
        "slug": "media-library",
        "introduction": (
            "Photos of F-CRIN's releases and networks, in web size or in high definition for print. The press "
            "may use them freely, with the credit given."
        ),
    },
}

CREDIT = "Illustration F-CRIN"

# key: (motif, colours, gallery: a release's French slug or a network's acronym, French texts, English texts)
PHOTOS = [
    {
        "key": "lupus-cells",
        "motif": "cells",
        "colours": ((122, 31, 92), (214, 90, 120)),
        "gallery": ("release", "journee-mondiale-du-lupus-cri-imidiate"),
        "fr": {
            "caption": "Lupus : des cellules immunitaires stylisées",
            "alt_text": "Des disques roses et blancs de tailles diverses sur un fond prune.",
        },
        "en": {
            "caption": "Lupus: stylised immune cells",
            "alt_text": "Pink and white discs of various sizes on a plum background.",
        },
    },
    {
        "key": "lupus-network",
        "motif": "network",
        "colours": ((24, 45, 99), (122, 31, 92)),
        "gallery": ("release", "journee-mondiale-du-lupus-cri-imidiate"),
        "fr": {
            "caption": "Les centres du réseau CRI-IMIDIATE, reliés entre eux",
            "alt_text": "Des points blancs reliés par des traits fins, sur un dégradé bleu nuit et prune.",
        },
        "en": {
            "caption": "The centres of the CRI-IMIDIATE network, linked together",
            "alt_text": "White dots joined by thin lines, on a navy-to-plum gradient.",
        },
    },
    {
        "key": "lupus-butterfly",
        "motif": "rings",
        "colours": ((88, 28, 120), (236, 170, 190)),
        "gallery": ("release", "journee-mondiale-du-lupus-cri-imidiate"),
        "fr": {
            "caption": "Le papillon, symbole du lupus, en cercles colorés",
            "alt_text": "Deux groupes de cercles concentriques roses, placés comme les ailes d'un papillon.",
        },
        "en": {
            "caption": "The butterfly, symbol of lupus, in coloured rings",
            "alt_text": "Two groups of pink concentric circles, placed like the wings of a butterfly.",
        },
    },
    {
        "key": "asthma-breath",
        "motif": "wave",
        "colours": ((16, 94, 120), (140, 210, 220)),
        "gallery": ("release", "journee-mondiale-asthme-crisalis"),
        "fr": {
            "caption": "Asthme sévère : le souffle, en courbes",
            "alt_text": "Des courbes blanches ondulées sur un fond bleu turquoise.",
        },
        "en": {
            "caption": "Severe asthma: breath, in curves",
            "alt_text": "Wavy white curves on a turquoise background.",
        },
    },
    {
        "key": "asthma-bronchi",
        "motif": "branches",
        "colours": ((12, 60, 90), (90, 170, 190)),
        "gallery": ("release", "journee-mondiale-asthme-crisalis"),
        "fr": {
            "caption": "Des bronches dessinées comme un arbre",
            "alt_text": "Un tronc blanc qui se divise en branches de plus en plus fines, sur fond bleu.",
        },
        "en": {
            "caption": "Bronchi drawn as a tree",
            "alt_text": "A white trunk dividing into ever thinner branches, on a blue background.",
        },
    },
    {
        "key": "sepsis-pulse",
        "motif": "pulse",
        "colours": ((110, 20, 30), (230, 120, 80)),
        "gallery": ("release", "journee-mondiale-sepsis-crics-triggersep"),
        "fr": {
            "caption": "Sepsis : une course contre la montre",
            "alt_text": "Un tracé de pouls blanc sur un dégradé rouge sombre et orange.",
        },
        "en": {
            "caption": "Sepsis: a race against time",
            "alt_text": "A white pulse trace on a dark red-to-orange gradient.",
        },
    },
    {
        "key": "sepsis-care",
        "motif": "bars",
        "colours": ((60, 24, 40), (200, 90, 70)),
        "gallery": ("release", "journee-mondiale-sepsis-crics-triggersep"),
        "fr": {
            "caption": "Des soins intensifs en barres de couleur",
            "alt_text": "Des barres verticales de hauteurs diverses, orange et blanches, sur fond bordeaux.",
        },
        "en": {
            "caption": "Intensive care in coloured bars",
            "alt_text": "Vertical bars of various heights, orange and white, on a burgundy background.",
        },
    },
    {
        "key": "stroke-brain",
        "motif": "rings",
        "colours": ((30, 40, 110), (110, 150, 230)),
        "gallery": ("release", "journee-mondiale-avc-strokelink"),
        "fr": {
            "caption": "AVC : chaque minute compte",
            "alt_text": "Des cercles concentriques bleu clair, comme des ondes, sur fond bleu marine.",
        },
        "en": {
            "caption": "Stroke: every minute counts",
            "alt_text": "Light blue concentric circles, like ripples, on a navy background.",
        },
    },
    {
        "key": "stroke-network",
        "motif": "network",
        "colours": ((20, 30, 80), (60, 120, 200)),
        "gallery": ("release", "journee-mondiale-avc-strokelink"),
        "fr": {
            "caption": "Les unités neurovasculaires du réseau StrokeLink",
            "alt_text": "Des points blancs reliés par des traits fins, sur un dégradé bleu.",
        },
        "en": {
            "caption": "The stroke units of the StrokeLink network",
            "alt_text": "White dots joined by thin lines, on a blue gradient.",
        },
    },
    {
        "key": "rare-diseases",
        "motif": "cells",
        "colours": ((40, 90, 60), (150, 210, 140)),
        "gallery": ("release", "journee-maladies-rares-orphandev"),
        "fr": {
            "caption": "Maladies rares : chacune compte",
            "alt_text": "Des disques verts et blancs de tailles diverses sur un fond vert sombre.",
        },
        "en": {
            "caption": "Rare diseases: each one counts",
            "alt_text": "Green and white discs of various sizes on a dark green background.",
        },
    },
    {
        "key": "ms-nerves",
        "motif": "branches",
        "colours": ((70, 40, 110), (180, 150, 220)),
        "gallery": ("network", "FCRIN4MS"),
        "fr": {
            "caption": "Sclérose en plaques : des fibres nerveuses stylisées",
            "alt_text": "Des lignes blanches ramifiées sur un fond violet.",
        },
        "en": {
            "caption": "Multiple sclerosis: stylised nerve fibres",
            "alt_text": "Branching white lines on a purple background.",
        },
    },
    {
        "key": "parkinson-wave",
        "motif": "wave",
        "colours": ((90, 60, 20), (220, 180, 90)),
        "gallery": ("network", "NS-PARK"),
        "fr": {
            "caption": "Maladie de Parkinson : le mouvement, en ondes",
            "alt_text": "Des courbes blanches ondulées sur un dégradé brun et doré.",
        },
        "en": {
            "caption": "Parkinson's disease: movement, in waves",
            "alt_text": "Wavy white curves on a brown-to-gold gradient.",
        },
    },
]

# Photos of a release that its network's page shows too.
NETWORK_GALLERIES = {
    "CRI-IMIDIATE": ["lupus-network"],
    "CRISALIS": ["asthma-bronchi"],
    "StrokeLink": ["stroke-network"],
    "FCRIN4MS": ["ms-nerves"],
    "NS-PARK": ["parkinson-wave"],
}
