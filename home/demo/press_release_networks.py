"""Releases of other F-CRIN networks, each timed to an awareness day, in French and English.

Only facts from ../shared/DOMAIN.md and ../shared/data/: who the networks are, who coordinates
them, when the days take place. No study results or figures are made up; the calls to action
are generic.
"""

import datetime

ASTHMA = {
    "network": "CRISALIS",
    "awareness_day": {"kind": "nth_weekday", "month": 5},
    "release_date": datetime.date(2026, 4, 30),
    "dateline": "Toulouse",
    "topics": ["asthma", "respiratory"],
    "banner": {
        "title": "Bandeau – Journée mondiale de l'asthme, CRISALIS",
        "colour": (20, 94, 140),
        "lines": ["CRISALIS · F-CRIN", "05.05"],
    },
    "fr": {
        "title": "Journée mondiale de l'asthme : CRISALIS, le réseau français de recherche sur l'asthme sévère",
        "slug": "journee-mondiale-asthme-crisalis",
        "standfirst": (
            "Le mardi 5 mai 2026, la Journée mondiale de l'asthme met en lumière une maladie respiratoire "
            "très répandue. F-CRIN en profite pour présenter CRISALIS, son réseau d'investigation clinique "
            "consacré aux formes sévères de l'asthme, labellisé depuis le 1er janvier 2018."
        ),
        "lay_summary": (
            "L'asthme gêne la respiration. "
            "Chez certaines personnes, il est sévère et les traitements habituels ne suffisent pas. "
            "CRISALIS réunit des équipes d'hôpitaux qui mènent ensemble des études sur ces formes sévères. "
            "Travailler ensemble permet d'avancer plus vite. "
            "Votre pneumologue peut vous dire si une étude recrute près de chez vous."
        ),
        "hero_alt_text": "Bandeau bleu portant la mention CRISALIS · F-CRIN et la date du 5 mai.",
        "hero_caption": "Le premier mardi de mai, Journée mondiale de l'asthme.",
        "body": [
            ("heading", {"text": "Un réseau tourné vers l'asthme sévère", "level": "h2"}),
            (
                "paragraph",
                "<p>Son nom résume son ambition : CRISALIS signifie <em>Clinical Research Initiative in "
                "Severe Asthma: a Lever for Innovation &amp; Science</em>. Fondé par le Pr Alain Didier "
                "(CHU de Toulouse) et le Pr Antoine Magnan (hôpital Foch), le réseau est coordonné depuis "
                "le début de 2022 par le Pr Gilles Devouassoux (Hospices civils de Lyon) et le Pr Laurent "
                "Guilleminault (CHU de Toulouse).</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "CRISALIS en bref",
                    "figures": [
                        {"value": "2018", "label": "année de la labellisation par F-CRIN"},
                        {"value": "15", "label": "centres membres en 2022"},
                        {"value": "1998", "label": "première Journée mondiale de l'asthme, organisée par la GINA"},
                    ],
                },
            ),
            ("heading", {"text": "Ce que la recherche en réseau apporte", "level": "h2"}),
            (
                "paragraph",
                "<p>Réunir des équipes hospitalières autour de protocoles communs permet d'inclure plus de "
                "patients, plus vite, et de comparer des stratégies de soins dans des conditions "
                "comparables d'un centre à l'autre. C'est tout l'intérêt d'un réseau labellisé : il "
                "facilite le montage d'essais académiques ou industriels et le partage des savoir-faire.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Vous vivez avec un asthme sévère ?",
                    "text": (
                        "<p>Votre pneumologue peut vous dire si une étude clinique recrute près de chez "
                        'vous. Le réseau présente ses travaux sur <a href="https://www.crisalis-network.org">'
                        "crisalis-network.org</a>.</p>"
                    ),
                },
            ),
        ],
    },
    "en": {
        "title": "World Asthma Day: CRISALIS, France's research network on severe asthma",
        "slug": "world-asthma-day-crisalis",
        "standfirst": (
            "On Tuesday 5 May 2026, World Asthma Day puts a very common respiratory disease in the "
            "spotlight. F-CRIN takes the occasion to present CRISALIS, its clinical investigation network "
            "devoted to severe forms of asthma, labelled since 1 January 2018."
        ),
        "lay_summary": (
            "Asthma makes breathing hard. "
            "In some people it is severe, and the usual treatments are not enough. "
            "CRISALIS brings together hospital teams who run studies on these severe forms. "
            "Working together helps research move faster. "
            "Your lung specialist can tell you whether a study near you is looking for volunteers."
        ),
        "hero_alt_text": "Blue banner reading CRISALIS · F-CRIN with the date 5 May.",
        "hero_caption": "The first Tuesday in May, World Asthma Day.",
        "body": [
            ("heading", {"text": "A network focused on severe asthma", "level": "h2"}),
            (
                "paragraph",
                "<p>Its name sums up its aim: CRISALIS stands for <em>Clinical Research Initiative in "
                "Severe Asthma: a Lever for Innovation &amp; Science</em>. Founded by Prof. Alain Didier "
                "(Toulouse University Hospital) and Prof. Antoine Magnan (Foch Hospital), the network has "
                "been coordinated since early 2022 by Prof. Gilles Devouassoux (Hospices Civils de Lyon) and "
                "Prof. Laurent Guilleminault (Toulouse University Hospital).</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "CRISALIS at a glance",
                    "figures": [
                        {"value": "2018", "label": "year of its F-CRIN label"},
                        {"value": "15", "label": "member centres in 2022"},
                        {"value": "1998", "label": "first World Asthma Day, organised by GINA"},
                    ],
                },
            ),
            ("heading", {"text": "What network research brings", "level": "h2"}),
            (
                "paragraph",
                "<p>Bringing hospital teams together around shared protocols makes it possible to enrol "
                "more patients, faster, and to compare care strategies under similar conditions from one "
                "centre to the next. That is the point of a labelled network: it makes academic and "
                "industry trials easier to set up and spreads know-how.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Living with severe asthma?",
                    "text": (
                        "<p>Your lung specialist can tell you whether a clinical study is recruiting near "
                        'you. The network presents its work at <a href="https://www.crisalis-network.org">'
                        "crisalis-network.org</a>.</p>"
                    ),
                },
            ),
        ],
    },
}

SEPSIS = {
    "network": "CRICS-TRIGGERSEP",
    "awareness_day": {"kind": "fixed", "month": 9, "day": 13},
    "release_date": datetime.date(2026, 9, 10),
    "correction_date": datetime.date(2026, 9, 11),
    "dateline": "Paris",
    "topics": ["sepsis", "clinical-research"],
    "fr": {
        "title": "Journée mondiale du sepsis : CRICS-TRIGGERSEP, la réanimation française fait équipe",
        "slug": "journee-mondiale-sepsis-crics-triggersep",
        "standfirst": (
            "À l'approche de la Journée mondiale du sepsis, le 13 septembre, F-CRIN rappelle le rôle de "
            "CRICS-TRIGGERSEP, son réseau de recherche clinique en réanimation et sepsis, coordonné par le "
            "Pr Ferhat Meziani (CHRU de Strasbourg) et le Pr Stephan Ehrmann (CHU de Tours)."
        ),
        "correction_notice": (
            "<p>La première version de ce communiqué ne citait que l'un des deux coordonnateurs du réseau. "
            "Le nom du Pr Stephan Ehrmann (CHU de Tours) a été ajouté.</p>"
        ),
        "body": [
            ("heading", {"text": "Une journée mondiale depuis 2012", "level": "h2"}),
            (
                "paragraph",
                "<p>Lancée en 2012 par la Global Sepsis Alliance, la Journée mondiale du sepsis se tient "
                "chaque 13 septembre. Elle vise à mieux faire connaître le sepsis et sa forme la plus grave, "
                "le choc septique, qui mobilisent chaque jour les équipes de réanimation.</p>",
            ),
            ("heading", {"text": "Un réseau de réanimateurs chercheurs", "level": "h2"}),
            (
                "paragraph",
                "<p>CRICS-TRIGGERSEP rassemble des services de réanimation qui conduisent ensemble des "
                "études cliniques. Le nom CRICS signifie <em>Clinical Research in Intensive Care and "
                "Sepsis</em>. Le réseau a d'abord été coordonné par le Pr Djillali Annane (AP-HP, hôpital "
                "Raymond-Poincaré) ; le Pr Ferhat Meziani et le Pr Stephan Ehrmann ont pris le relais.</p>"
                "<p>En réanimation, chaque décision se prend vite et chez des patients très fragiles. "
                "Des essais menés dans plusieurs services à la fois permettent de réunir assez de malades "
                "pour répondre à des questions de soins courants, et d'en partager les résultats avec "
                "toute la communauté.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Pour en savoir plus",
                    "text": (
                        '<p>Les travaux du réseau sont présentés sur <a href="https://www.triggersep.org">'
                        "triggersep.org</a>. Demandes d'information ou d'interview : contact presse "
                        "ci-dessous.</p>"
                    ),
                },
            ),
        ],
    },
    "en": {
        "title": "World Sepsis Day: CRICS-TRIGGERSEP, French intensive care research as a team",
        "slug": "world-sepsis-day-crics-triggersep",
        "standfirst": (
            "As World Sepsis Day approaches on 13 September, F-CRIN highlights CRICS-TRIGGERSEP, its "
            "clinical research network in intensive care and sepsis, coordinated by Prof. Ferhat Meziani "
            "(Strasbourg University Hospital) and Prof. Stephan Ehrmann (Tours University Hospital)."
        ),
        "correction_notice": (
            "<p>The first version of this release named only one of the network's two coordinators. "
            "Prof. Stephan Ehrmann (Tours University Hospital) has been added.</p>"
        ),
        "body": [
            ("heading", {"text": "A world day since 2012", "level": "h2"}),
            (
                "paragraph",
                "<p>Launched in 2012 by the Global Sepsis Alliance, World Sepsis Day takes place every "
                "13 September. It aims to raise awareness of sepsis and of its most severe form, septic "
                "shock, which keep intensive care teams busy every day.</p>",
            ),
            ("heading", {"text": "A network of intensive care researchers", "level": "h2"}),
            (
                "paragraph",
                "<p>CRICS-TRIGGERSEP brings together intensive care units that run clinical studies "
                "together. CRICS stands for <em>Clinical Research in Intensive Care and Sepsis</em>. The "
                "network was first coordinated by Prof. Djillali Annane (AP-HP, Raymond-Poincaré Hospital); "
                "Prof. Ferhat Meziani and Prof. Stephan Ehrmann have since taken over.</p>"
                "<p>In intensive care, decisions are made fast and for very frail patients. Trials run in "
                "several units at once bring together enough patients to answer questions about everyday "
                "care, and share the answers with the whole community.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Find out more",
                    "text": (
                        '<p>The network presents its work at <a href="https://www.triggersep.org">'
                        "triggersep.org</a>. For information or interview requests, see the press contact "
                        "below.</p>"
                    ),
                },
            ),
        ],
    },
}

STROKE = {
    "network": "StrokeLink",
    "awareness_day": {"kind": "fixed", "month": 10, "day": 29},
    "release_date": datetime.date(2026, 10, 27),
    "dateline": "Lille",
    "topics": ["stroke", "neurology"],
    "banner": {
        "title": "Bandeau – Journée mondiale de l'AVC, StrokeLink",
        "colour": (176, 52, 44),
        "lines": ["StrokeLink · F-CRIN", "29.10"],
    },
    "fr": {
        "title": "Journée mondiale de l'AVC : StrokeLink, la recherche clinique française sur l'AVC en réseau",
        "slug": "journee-mondiale-avc-strokelink",
        "standfirst": (
            "Quelques jours avant la Journée mondiale de l'AVC, le 29 octobre, F-CRIN présente StrokeLink, "
            "son réseau national de recherche clinique sur l'accident vasculaire cérébral, coordonné par "
            "la Pr Charlotte Cordonnier (CHU de Lille) et le Pr Jean-Marc Olivot (CHU de Toulouse)."
        ),
        "hero_alt_text": "Bandeau rouge portant la mention StrokeLink · F-CRIN et la date du 29 octobre.",
        "hero_caption": "Le 29 octobre, Journée mondiale de l'AVC.",
        "body": [
            ("heading", {"text": "Un réseau labellisé en 2022", "level": "h2"}),
            (
                "paragraph",
                "<p>StrokeLink a reçu le label F-CRIN en janvier 2022, en même temps que trois autres "
                "réseaux : F-PsyNET, FRADEN et ACT4ALS-MND. F-CRIN comptait alors 19 réseaux. StrokeLink "
                "fédère les équipes de neurologie vasculaire qui veulent faire avancer ensemble la "
                "recherche clinique sur l'AVC.</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "Repères",
                    "figures": [
                        {"value": "2022", "label": "labellisation de StrokeLink par F-CRIN"},
                        {"value": "19", "label": "réseaux F-CRIN après les labels de janvier 2022"},
                        {"value": "2006", "label": "première Journée mondiale de l'AVC"},
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Organisée depuis 2006 par la World Stroke Organization, la Journée mondiale de l'AVC "
                "veut faire mieux connaître la maladie. Pour les chercheurs, c'est aussi l'occasion de "
                "rappeler que des essais conduits dans de nombreux hôpitaux à la fois sont indispensables "
                "pour évaluer les traitements de la phase aiguë comme la rééducation.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Pour en savoir plus",
                    "text": (
                        "<p>Les activités du réseau sont présentées sur "
                        '<a href="https://strokelink-avc.fr">strokelink-avc.fr</a>.</p>'
                    ),
                },
            ),
        ],
    },
    "en": {
        "title": "World Stroke Day: StrokeLink, French clinical stroke research as a network",
        "slug": "world-stroke-day-strokelink",
        "standfirst": (
            "With World Stroke Day approaching on 29 October, F-CRIN presents StrokeLink, its national "
            "clinical research network on stroke, coordinated by Prof. Charlotte Cordonnier (Lille University "
            "Hospital) and Prof. Jean-Marc Olivot (Toulouse University Hospital)."
        ),
        "hero_alt_text": "Red banner reading StrokeLink · F-CRIN with the date 29 October.",
        "hero_caption": "29 October, World Stroke Day.",
        "body": [
            ("heading", {"text": "A network labelled in 2022", "level": "h2"}),
            (
                "paragraph",
                "<p>StrokeLink received the F-CRIN label in January 2022, together with three other "
                "networks: F-PsyNET, FRADEN and ACT4ALS-MND. F-CRIN then had 19 networks. StrokeLink "
                "brings together the vascular neurology teams that want to move clinical stroke research "
                "forward together.</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "Key facts",
                    "figures": [
                        {"value": "2022", "label": "StrokeLink labelled by F-CRIN"},
                        {"value": "19", "label": "F-CRIN networks after the January 2022 labels"},
                        {"value": "2006", "label": "first World Stroke Day"},
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Held since 2006 by the World Stroke Organization, World Stroke Day aims to raise "
                "awareness of the disease. For researchers, it is also a chance to stress that trials run "
                "in many hospitals at once are essential to assess treatments, from the acute phase to "
                "rehabilitation.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Find out more",
                    "text": (
                        "<p>The network presents its activities at "
                        '<a href="https://strokelink-avc.fr">strokelink-avc.fr</a> (in French).</p>'
                    ),
                },
            ),
        ],
    },
}

RARE_DISEASES = {
    "network": "OrphanDev",
    "awareness_day": {"kind": "last_day", "month": 2},
    # Under embargo until three days before the next Rare Disease Day (see press.py).
    "embargo": "rare-disease-day",
    "dateline": "Marseille",
    "topics": ["rare", "clinical-research"],
    "fr": {
        "title": "Journée internationale des maladies rares : OrphanDev met son expertise au service des essais",
        "slug": "journee-maladies-rares-orphandev",
        "standfirst": (
            "Pour la Journée internationale des maladies rares, le dernier jour de février, "
            "F-CRIN présente OrphanDev, son réseau d'expertise pluridisciplinaire consacré aux maladies "
            "rares, coordonné par le Pr Olivier Blin (AP-HM, hôpital de la Timone, Marseille)."
        ),
        "body": [
            ("heading", {"text": "Peu de malades, des essais à inventer", "level": "h2"}),
            (
                "paragraph",
                "<p>Quand une maladie ne touche que peu de personnes, monter un essai clinique demande des "
                "méthodes adaptées. OrphanDev fait partie des trois réseaux "
                "d'expertise et de méthodologie de F-CRIN, aux côtés de ceux consacrés aux dispositifs "
                "médicaux et à l'épidémiologie. Il aide les équipes à concevoir des études et à développer "
                "des médicaments orphelins.</p>",
            ),
            (
                "paragraph",
                "<p>Créée en 2008 par EURORDIS, la Journée internationale des maladies rares a lieu le "
                "dernier jour de février, le 29 les années bissextiles. Elle rappelle aussi l'existence des "
                "protocoles nationaux de diagnostic et de soins (PNDS) : rédigés par les centres de "
                "référence selon une méthode de la Haute Autorité de santé, ils doivent être mis à jour "
                "tous les cinq ans.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Journalistes",
                    "text": "<p>Pour une demande d'information, contactez le service de presse ci-dessous.</p>",
                },
            ),
        ],
    },
    "en": {
        "title": "Rare Disease Day: OrphanDev brings its expertise to clinical trials",
        "slug": "rare-disease-day-orphandev",
        "standfirst": (
            "For Rare Disease Day, on the last day of February, F-CRIN presents OrphanDev, its "
            "multidisciplinary expertise network devoted to rare diseases, coordinated by Prof. Olivier Blin "
            "(AP-HM, La Timone Hospital, Marseille)."
        ),
        "body": [
            ("heading", {"text": "Few patients, trials to be invented", "level": "h2"}),
            (
                "paragraph",
                "<p>When a disease affects only a few people, setting up a clinical trial calls for suitable "
                "methods. OrphanDev is one of F-CRIN's three expertise "
                "and methodology networks, alongside those devoted to medical devices and epidemiology. It "
                "helps teams design studies and develop orphan drugs.</p>",
            ),
            (
                "paragraph",
                "<p>Created in 2008 by EURORDIS, Rare Disease Day falls on the last day of February, the "
                "29th in leap years. It is also a reminder of the national diagnosis and care protocols "
                "(PNDS): written by the reference centres following a method of the French National "
                "Authority for Health, they are to be updated every five years.</p>",
            ),
            (
                "callout",
                {
                    "heading": "Journalists",
                    "text": "<p>For information requests, please contact the press office below.</p>",
                },
            ),
        ],
    },
}

NETWORK_RELEASES = [ASTHMA, SEPSIS, STROKE, RARE_DISEASES]
