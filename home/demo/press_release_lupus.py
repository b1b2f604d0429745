"""The World Lupus Day release of CRI-IMIDIATE, rewritten for the demo in French and English.

Figures and the expert's points come from the network's release in ../shared/reference/; the
wording is new. The quotes restate Pr Fautrel's points and are not his exact words.
"""

import datetime

SPEAKER_FR = "Pr Bruno Fautrel"
SPEAKER_EN = "Prof. Bruno Fautrel"
ROLE_FR = (
    "Co-coordonnateur du réseau CRI-IMIDIATE (F-CRIN), chef du service de rhumatologie "
    "de la Pitié-Salpêtrière (AP-HP), Paris"
)
ROLE_EN = (
    "Co-coordinator of the CRI-IMIDIATE network (F-CRIN), head of the rheumatology department "
    "at Pitié-Salpêtrière Hospital (AP-HP), Paris"
)
HAS_PNDS = "https://www.has-sante.fr/portail/jcms/c_1340879/fr/protocoles-nationaux-de-diagnostic-et-de-soins-pnds"

LUPUS = {
    "network": "CRI-IMIDIATE",
    "awareness_day": {"kind": "fixed", "month": 5, "day": 10},
    "release_date": datetime.date(2026, 5, 5),
    "dateline": "Paris",
    "topics": ["autoimmune", "lupus", "rare"],
    "boilerplates": ["about-cri-imidiate", "about-fcrin"],
    "contacts": ["agency"],
    "banner": {
        "title": "Bandeau – Journée mondiale du lupus, CRI-IMIDIATE",
        "colour": (122, 38, 112),
        "lines": ["CRI-IMIDIATE · F-CRIN", "10.05"],
    },
    "fr": {
        "title": "Journée mondiale du lupus : CRI-IMIDIATE mise sur les cellules CAR-T et les protocoles de soins",
        "slug": "journee-mondiale-du-lupus-cri-imidiate",
        "standfirst": (
            "Le 10 mai, c'est la Journée mondiale du lupus. Pour l'occasion, CRI-IMIDIATE, réseau de "
            "recherche clinique labellisé par F-CRIN, présente une voie thérapeutique nouvelle pour les "
            "maladies auto-immunes, les cellules CAR-T, et rappelle combien les protocoles nationaux de "
            "diagnostic et de soins (PNDS) comptent pour les malades atteints de formes rares."
        ),
        "lay_summary": (
            "Dans le lupus, les défenses du corps s'attaquent au corps lui-même. "
            "D'autres maladies font de même : on les appelle maladies auto-immunes. "
            "Des médecins étudient un nouveau traitement, les cellules CAR-T. "
            "On prélève des globules blancs du malade, on les modifie, puis on les lui rend. "
            "Pour les maladies rares, des guides nationaux disent aux médecins comment soigner. "
            "Demandez à votre médecin si un guide existe pour votre maladie."
        ),
        "hero_alt_text": "Bandeau violet portant la mention CRI-IMIDIATE · F-CRIN et la date du 10 mai.",
        "hero_caption": "Le 10 mai, Journée mondiale du lupus.",
        "body": [
            ("heading", {"text": "Des maladies fréquentes, souvent pour la vie", "level": "h2"}),
            (
                "paragraph",
                "<p>Quand le système immunitaire s'attaque à l'organisme qu'il devrait protéger, il peut "
                "déclencher plus de 80 maladies différentes : lupus, polyarthrite rhumatoïde, sclérose en "
                "plaques, sclérodermie… Près de 3 millions de personnes en vivent une en France ; à l'échelle "
                "du globe, la proportion grimpe jusqu'à 10 %. Huit malades sur dix sont des femmes.</p>"
                "<p>La plupart de ces maladies ont plusieurs causes à la fois. Beaucoup obligent à voir "
                "un médecin jusqu'à la fin de ses jours, bouleversent le quotidien et demandent à la fois beaucoup de "
                "recherche et un diagnostic posé tôt.</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "Repères",
                    "figures": [
                        {"value": "3 millions", "label": "de personnes touchées en France"},
                        {"value": "jusqu'à 10 %", "label": "de la population mondiale concernée"},
                        {"value": "80 %", "label": "des malades sont des femmes"},
                        {"value": "plus de 80", "label": "maladies auto-immunes différentes"},
                        {
                            "value": "jusqu'à 70 %",
                            "label": "de rémissions dans la polyarthrite rhumatoïde grâce aux biothérapies",
                        },
                        {"value": "54", "label": "centres cliniques dans le réseau CRI-IMIDIATE"},
                    ],
                },
            ),
            (
                "paragraph",
                "<p>En vingt-cinq ans, les biothérapies ont changé la donne : dans la polyarthrite "
                "rhumatoïde, jusqu'à 70 % des patients peuvent désormais entrer en rémission. Certaines "
                "formes résistent pourtant à tous les traitements disponibles. Et si ces médicaments "
                "neutralisent bien les cytokines ou les cellules immunitaires qui circulent dans le sang, "
                "ils atteignent plus difficilement les tissus où la maladie s'est installée.</p>",
            ),
            ("heading", {"text": "Les cellules CAR-T, un espoir pour les formes réfractaires", "level": "h2"}),
            (
                "paragraph",
                "<p>Les cellules CAR-T sont des lymphocytes T prélevés chez le patient, équipés en "
                "laboratoire d'un récepteur artificiel dit « chimérique » (CAR), puis réinjectés. Ainsi "
                "armés, ils repèrent et éliminent les cellules qui entretiennent l'auto-immunité et "
                "l'inflammation, dans le sang comme dans les tissus : articulations, muscles, cerveau.</p>"
                "<p>Conçue au départ contre certains cancers du sang, la technique a déjà obtenu des "
                "rémissions durables chez des personnes atteintes d'un lupus systémique sévère, comme si "
                "le système immunitaire avait été remis à zéro. La sclérodermie, les myopathies "
                "inflammatoires, la polyarthrite rhumatoïde ou le syndrome de Gougerot-Sjögren sont les "
                "prochaines candidates. Produire ces cellules reste long et coûteux, mais le traitement est court et bien "
                "toléré à court terme.</p>",
            ),
            (
                "quote",
                {
                    "words": (
                        "Notre rôle est de faire connaître cette approche et de repérer les centres qui "
                        "maîtrisent ces maladies, pour qu'ils puissent inclure les patients en échec de "
                        "traitement. Universitaires et industriels vont lancer des projets autour de cette technique, "
                        "et ce traitement bref pourrait bouleverser la façon de soigner ces maladies."
                    ),
                    "speaker": SPEAKER_FR,
                    "role": ROLE_FR,
                },
            ),
            ("heading", {"text": "Les PNDS, une boussole pour les maladies rares", "level": "h2"}),
            (
                "paragraph",
                "<p>Lorsqu'une maladie ne touche que peu de personnes, il est difficile de conduire des "
                "essais randomisés. Les protocoles nationaux de diagnostic et de soins (PNDS) prennent "
                "alors le relais. Rédigés par les experts des centres de référence selon une méthode "
                "fixée par la Haute Autorité de santé, ils décrivent comment reconnaître, traiter et "
                "suivre chaque maladie, rapprochent les pratiques d'une région à l'autre et peuvent "
                "ouvrir la voie à des médicaments qui attendent encore leur autorisation de mise sur le "
                "marché. La filière de santé FAI²R et le réseau CRI-IMIDIATE y travaillent ensemble pour "
                "élever le niveau d'expertise dans la prise en charge.</p>"
                "<p>Pour les maladies très rares qui laissent de lourdes séquelles, comme les "
                "interféronopathies, des dérèglements de l'immunité souvent repérés chez des enfants d'un "
                "ou deux ans, chaque semaine compte. Le PNDS qui leur est consacré aide à reconnaître "
                "vite les signes, à orienter les familles vers un centre de référence et à accéder à des "
                "traitements innovants comme les inhibiteurs de la voie de l'interféron.</p>",
            ),
            (
                "quote",
                {
                    "words": (
                        "Voilà dix ans que nous contribuons aux PNDS des maladies auto-immunes et "
                        "auto-inflammatoires avec les patients et les experts. Ils restent trop peu connus. "
                        "La recherche génétique demandera du temps : d'ici là, médecins, patients et "
                        "familles doivent savoir que ces protocoles existent."
                    ),
                    "speaker": SPEAKER_FR,
                    "role": ROLE_FR,
                },
            ),
            (
                "callout",
                {
                    "heading": "Journée mondiale du lupus, le 10 mai",
                    "text": (
                        "<p>Patients, proches et médecins : les PNDS en vigueur sont rassemblés sur le "
                        f'<a href="{HAS_PNDS}">site de la Haute Autorité de santé</a>. Journalistes : pour '
                        "une interview, adressez-vous au contact presse ci-dessous.</p>"
                    ),
                },
            ),
        ],
    },
    "en": {
        "title": "World Lupus Day: CRI-IMIDIATE looks to CAR-T cells and national care protocols",
        "slug": "world-lupus-day-cri-imidiate",
        "standfirst": (
            "10 May is World Lupus Day. To mark it, CRI-IMIDIATE, a clinical research network "
            "labelled by F-CRIN, presents a new line of treatment for autoimmune diseases, CAR-T cells, "
            "and explains why the national diagnosis and care protocols (PNDS) matter so much to people "
            "with rare forms."
        ),
        "lay_summary": (
            "In lupus, the body's defences attack the body itself. "
            "Other diseases do the same: they are called autoimmune diseases. "
            "Doctors are studying a new treatment, CAR-T cells. "
            "Some of the patient's white blood cells are taken, changed, then given back. "
            "For rare diseases, national guides tell doctors how to diagnose and treat them. "
            "Ask your doctor whether there is a guide for your disease."
        ),
        "hero_alt_text": "Purple banner reading CRI-IMIDIATE · F-CRIN with the date 10 May.",
        "hero_caption": "10 May, World Lupus Day.",
        "body": [
            ("heading", {"text": "Common diseases, often lifelong", "level": "h2"}),
            (
                "paragraph",
                "<p>When the immune system attacks the body it should protect, it can set off more than "
                "80 different diseases, among them lupus, rheumatoid arthritis, multiple sclerosis and "
                "scleroderma. Nearly 3 million people in France live with one, and up to 10% of the "
                "world's population is affected. Eight patients in ten are women.</p>"
                "<p>Most of these diseases have several causes at once. Many mean seeing a doctor for "
                "the rest of one's life, turn daily life upside down, and need both a great deal of research "
                "and an early diagnosis.</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "Key figures",
                    "figures": [
                        {"value": "3 million", "label": "people affected in France"},
                        {"value": "up to 10%", "label": "of the world's population affected"},
                        {"value": "80%", "label": "of patients are women"},
                        {"value": "80+", "label": "different autoimmune diseases"},
                        {"value": "up to 70%", "label": "remission in rheumatoid arthritis with biological therapies"},
                        {"value": "54", "label": "clinical centres in the CRI-IMIDIATE network"},
                    ],
                },
            ),
            (
                "paragraph",
                "<p>In twenty-five years, biological therapies have changed the picture: in rheumatoid "
                "arthritis, up to 70% of patients can now reach remission. Some forms, however, resist "
                "every treatment available. And while these drugs are good at neutralising cytokines or "
                "immune cells circulating in the blood, they reach the tissues where the disease has "
                "settled far less easily.</p>",
            ),
            ("heading", {"text": "CAR-T cells: hope for hard-to-treat forms", "level": "h2"}),
            (
                "paragraph",
                "<p>CAR-T cells are T lymphocytes collected from the patient, fitted in the laboratory "
                "with an artificial, so-called chimeric antigen receptor (CAR), and infused back. Thus "
                "equipped, they find and destroy the cells that keep autoimmunity and inflammation going, "
                "in the blood as well as in tissues such as joints, muscles or the brain.</p>"
                "<p>First designed against some blood cancers, the technique has already brought lasting "
                "remissions to people with severe systemic lupus, as if the immune system had been "
                "reset. Scleroderma, inflammatory myopathies, rheumatoid arthritis or Sjögren's syndrome "
                "are the next candidates. Making these cells is still slow and costly, but the treatment itself is "
                "short and well tolerated in the short term.</p>",
            ),
            (
                "quote",
                {
                    "words": (
                        "Our job is to spread the word about this approach and to identify the centres "
                        "that know these diseases well, so that they can enrol the patients whom current "
                        "treatments have failed. Universities and industry will start projects around this technique, "
                        "and this brief treatment could overturn the way these diseases are treated."
                    ),
                    "speaker": SPEAKER_EN,
                    "role": ROLE_EN,
                },
            ),
            ("heading", {"text": "PNDS: a compass for rare diseases", "level": "h2"}),
            (
                "paragraph",
                "<p>When a disease affects only a few people, randomised trials are hard to run. The "
                "national diagnosis and care protocols (PNDS) step in. Drawn up by specialists from the "
                "reference centres following a method set by the French National Authority for Health "
                "(HAS), they explain how to recognise, treat and follow each disease, bring practice "
                "closer from one region to another, and can pave the way for medicines still awaiting "
                "their marketing authorisation. The FAI²R rare disease network and CRI-IMIDIATE work on "
                "them together to raise the level of expertise in patient care.</p>"
                "<p>For very rare diseases that leave severe after-effects, such as interferonopathies, "
                "immune disorders often detected in children aged one or two, every week counts. The PNDS "
                "devoted to them helps doctors recognise the signs quickly, refer families to a reference "
                "centre and reach innovative treatments such as interferon pathway inhibitors.</p>",
            ),
            (
                "quote",
                {
                    "words": (
                        "For ten years we have been contributing to the PNDS for autoimmune and "
                        "autoinflammatory diseases, together with patients and experts. They are still "
                        "too little known. Genetic research will take time: until it delivers, doctors, "
                        "patients and families need to know these protocols exist."
                    ),
                    "speaker": SPEAKER_EN,
                    "role": ROLE_EN,
                },
            ),
            (
                "callout",
                {
                    "heading": "World Lupus Day, 10 May",
                    "text": (
                        "<p>Patients, families and doctors: the current PNDS are listed on the "
                        f'<a href="{HAS_PNDS}">website of the French National Authority for Health</a> '
                        "(in French). Journalists: for an interview, please get in touch with the press "
                        "contact below.</p>"
                    ),
                },
            ),
        ],
    },
}
