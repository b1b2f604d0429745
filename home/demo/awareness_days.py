"""The awareness days F-CRIN's networks time their releases to (from the shared domain research).

Each day: French name, English name, rule in the ``kind:…`` grammar, network acronyms, whether
the date is confirmed by a source, and the slugs of its topics (see ``TOPICS``). ``SUMMARIES``
gives each day a line in each language, by English name.
"""

TOPICS = {
    "neurology": (("Neurologie", "neurologie"), ("Neurology", "neurology")),
    "intensive-care": (
        ("Sepsis et réanimation", "sepsis-reanimation"),
        ("Sepsis and intensive care", "sepsis-intensive-care"),
    ),
    "respiratory": (
        ("Maladies respiratoires", "maladies-respiratoires"),
        ("Respiratory diseases", "respiratory-diseases"),
    ),
    "cardiovascular": (
        ("Maladies cardio-vasculaires", "maladies-cardio-vasculaires"),
        ("Cardiovascular diseases", "cardiovascular-diseases"),
    ),
    "metabolic": (
        ("Obésité et maladies métaboliques", "obesite-maladies-metaboliques"),
        ("Obesity and metabolic diseases", "obesity-metabolic-diseases"),
    ),
    "kidney": (("Maladies rénales", "maladies-renales"), ("Kidney diseases", "kidney-diseases")),
    "eye": (("Maladies de l'œil", "maladies-oeil"), ("Eye diseases", "eye-diseases")),
    "autoimmune": (
        ("Maladies auto-immunes et auto-inflammatoires", "maladies-auto-immunes"),
        ("Autoimmune and autoinflammatory diseases", "autoimmune-diseases"),
    ),
    "rare": (("Maladies rares", "maladies-rares"), ("Rare diseases", "rare-diseases")),
    "vaccines": (("Vaccination", "vaccination"), ("Vaccination", "vaccination")),
    "mental-health": (("Santé mentale", "sante-mentale"), ("Mental health", "mental-health")),
    "skin": (("Dermatologie", "dermatologie"), ("Dermatology", "dermatology")),
    "children": (("Pédiatrie", "pediatrie"), ("Paediatrics", "paediatrics")),
    "primary-care": (("Soins primaires", "soins-primaires"), ("Primary care", "primary-care")),
    "clinical-research": (("Recherche clinique", "recherche-clinique"), ("Clinical research", "clinical-research")),
    "infections": (("Maladies infectieuses", "maladies-infectieuses"), ("Infectious diseases", "infectious-diseases")),
}

DAYS = [
    (
        "Journée mondiale de la maladie de Parkinson",
        "World Parkinson's Day",
        "fixed:04-11",
        ["NS-PARK"],
        True,
        ["neurology"],
    ),
    ("Journée mondiale du sepsis", "World Sepsis Day", "fixed:09-13", ["CRICS-TRIGGERSEP"], True, ["intensive-care"]),
    ("Journée mondiale de l'asthme", "World Asthma Day", "nth_weekday:5:1:TUE", ["CRISALIS"], True, ["respiratory"]),
    (
        "Journée mondiale de la thrombose",
        "World Thrombosis Day",
        "fixed:10-13",
        ["INNOVTE", "FACT"],
        True,
        ["cardiovascular"],
    ),
    ("Journée mondiale de l'obésité", "World Obesity Day", "fixed:03-04", ["FORCE"], True, ["metabolic"]),
    ("Journée mondiale du rein", "World Kidney Day", "nth_weekday:3:2:THU", ["INI-CRCT"], True, ["kidney"]),
    ("Journée mondiale du cœur", "World Heart Day", "fixed:09-29", ["FACT", "INI-CRCT"], True, ["cardiovascular"]),
    ("Journée mondiale de la sclérose en plaques", "World MS Day", "fixed:05-30", ["FCRIN4MS"], True, ["neurology"]),
    ("Journée mondiale de la vue", "World Sight Day", "nth_weekday:10:2:THU", ["FRCRnet"], True, ["eye"]),
    ("Journée mondiale de la rétine", "World Retina Day", "last_weekday:9:SUN", ["FRCRnet"], False, ["eye"]),
    ("Journée mondiale du lupus", "World Lupus Day", "fixed:05-10", ["CRI-IMIDIATE"], True, ["autoimmune", "rare"]),
    (
        "Journée mondiale de la sclérodermie",
        "World Scleroderma Day",
        "fixed:06-29",
        ["CRI-IMIDIATE"],
        True,
        ["autoimmune", "rare"],
    ),
    ("Journée mondiale de l'arthrite", "World Arthritis Day", "fixed:10-12", ["CRI-IMIDIATE"], True, ["autoimmune"]),
    (
        "Journée mondiale des maladies rhumatismales de l'enfant et de l'adolescent (WORD Day)",
        "World Young Rheumatic Diseases Day (WORD Day)",
        "fixed:03-18",
        ["CRI-IMIDIATE", "PEDSTART"],
        True,
        ["autoimmune", "children"],
    ),
    (
        "Journée mondiale de l'arthrite auto-immune",
        "World Autoimmune Arthritis Day",
        "fixed:05-20",
        ["CRI-IMIDIATE"],
        False,
        ["autoimmune"],
    ),
    (
        "Journée internationale des maladies rares",
        "Rare Disease Day",
        "last_day:02",
        ["OrphanDev", "CRI-IMIDIATE"],
        True,
        ["rare"],
    ),
    (
        "Semaine mondiale de la vaccination",
        "World Immunization Week",
        "fixed_range:04-24:04-30",
        ["I-REIVAC"],
        True,
        ["vaccines", "infections"],
    ),
    (
        "Journée mondiale de l'AVC",
        "World Stroke Day",
        "fixed:10-29",
        ["StrokeLink"],
        True,
        ["neurology", "cardiovascular"],
    ),
    (
        "Journée mondiale de la santé mentale",
        "World Mental Health Day",
        "fixed:10-10",
        ["F-PsyNET"],
        True,
        ["mental-health"],
    ),
    (
        "Journées de la schizophrénie",
        "Schizophrenia Awareness Days",
        "variable",
        ["F-PsyNET"],
        False,
        ["mental-health"],
    ),
    (
        "Journée mondiale de la dermatite atopique",
        "World Atopic Dermatitis Day",
        "fixed:09-14",
        ["FRADEN"],
        True,
        ["skin"],
    ),
    (
        "Journée mondiale de la SLA (maladie de Charcot)",
        "Global ALS/MND Awareness Day",
        "fixed:06-21",
        ["ACT4ALS-MND"],
        True,
        ["neurology", "rare"],
    ),
    (
        "Journée internationale des droits de l'enfant",
        "World Children's Day",
        "fixed:11-20",
        ["PEDSTART"],
        True,
        ["children"],
    ),
    (
        "Journée mondiale du médecin de famille",
        "World Family Doctor Day",
        "fixed:05-19",
        ["MUST"],
        True,
        ["primary-care"],
    ),
    (
        "Journée internationale des essais cliniques",
        "International Clinical Trials Day",
        "fixed:05-20",
        ["F-CRIN-PLATFORM", "RECaP", "Tech4Health", "OrphanDev"],
        True,
        ["clinical-research"],
    ),
    ("Journée mondiale de la santé", "World Health Day", "fixed:04-07", ["RECaP"], True, ["clinical-research"]),
    (
        "Journée mondiale du diabète",
        "World Diabetes Day",
        "fixed:11-14",
        ["FORCE", "FRCRnet", "FACT"],
        True,
        ["metabolic"],
    ),
    (
        "Journée mondiale de la tuberculose",
        "World Tuberculosis Day",
        "fixed:03-24",
        [],
        True,
        ["infections", "respiratory"],
    ),
    ("Journée mondiale de l'amylose", "World Amyloidosis Day", "fixed:10-26", [], True, ["rare"]),
    (
        "Semaine mondiale de sensibilisation à la résistance aux antimicrobiens",
        "World AMR Awareness Week",
        "fixed_range:11-18:11-24",
        ["CRICS-TRIGGERSEP"],
        False,
        ["infections", "intensive-care"],
    ),
]

SUMMARIES = {
    "World Parkinson's Day": (
        "Date anniversaire de la naissance de James Parkinson, soutenue par l'OMS depuis 1997.",
        "James Parkinson's birthday, backed by the WHO since 1997.",
    ),
    "World Sepsis Day": (
        "Portée par la Global Sepsis Alliance depuis 2012 ; F-CRIN y a déjà consacré un communiqué.",
        "Led by the Global Sepsis Alliance since 2012; F-CRIN has already issued a release for it.",
    ),
    "World Asthma Day": (
        "Organisée par la GINA depuis 1998, le premier mardi de mai.",
        "Organised by GINA since 1998, on the first Tuesday of May.",
    ),
    "World Thrombosis Day": (
        "Lancée par l'ISTH en 2014, le jour anniversaire de Rudolf Virchow.",
        "Launched by the ISTH in 2014, on Rudolf Virchow's birthday.",
    ),
    "World Obesity Day": (
        "Organisée par la World Obesity Federation, fixée au 4 mars depuis 2020.",
        "Run by the World Obesity Federation, held on 4 March since 2020.",
    ),
    "World Kidney Day": (
        "Organisée par l'ISN et l'IFKF depuis 2006, le deuxième jeudi de mars.",
        "Organised by the ISN and the IFKF since 2006, on the second Thursday of March.",
    ),
    "World Heart Day": (
        "Portée par la World Heart Federation, fixée au 29 septembre depuis 2012.",
        "Led by the World Heart Federation, set on 29 September since 2012.",
    ),
    "World MS Day": ("Organisée par la MSIF depuis 2009.", "Organised by the MSIF since 2009."),
    "World Sight Day": ("Coordonnée par l'IAPB depuis 2000.", "Coordinated by the IAPB since 2000."),
    "World Retina Day": (
        "Portée par Retina International ; les sources ne s'accordent pas sur la date.",
        "Promoted by Retina International; sources disagree on its date.",
    ),
    "World Lupus Day": (
        "Célébrée depuis 2004 avec la World Lupus Federation.",
        "Held since 2004 with the World Lupus Federation.",
    ),
    "World Scleroderma Day": (
        "Date anniversaire de la mort de Paul Klee (1940), mondiale depuis 2010 à l'initiative de la FESCA.",
        "The anniversary of Paul Klee's death (1940), worldwide since 2010 at FESCA's initiative.",
    ),
    "World Arthritis Day": (
        "Créée en 1996 par Arthritis and Rheumatism International et relayée par l'EULAR.",
        "Created in 1996 by Arthritis and Rheumatism International and promoted by EULAR.",
    ),
    "World Young Rheumatic Diseases Day (WORD Day)": (
        "Portée par PReS et ENCA depuis 2019 ; le nom français est une traduction.",
        "Led by PReS and ENCA since 2019.",
    ),
    "World Autoimmune Arthritis Day": (
        "Date à vérifier : la seule source trouvée est une liste générale.",
        "Date to be checked: the only source found is a general list.",
    ),
    "Rare Disease Day": (
        "Organisée par EURORDIS depuis 2008 : le 29 février les années bissextiles, le 28 sinon.",
        "Organised by EURORDIS since 2008: 29 February in leap years, 28 February otherwise.",
    ),
    "World Immunization Week": (
        "Semaine de l'OMS ; les dates de la semaine européenne peuvent varier d'une année à l'autre.",
        "A WHO week; the dates of the European week may vary from year to year.",
    ),
    "World Stroke Day": (
        "Organisée par la World Stroke Organization depuis 2006.",
        "Organised by the World Stroke Organization since 2006.",
    ),
    "World Mental Health Day": (
        "Portée par la World Federation for Mental Health depuis 1992.",
        "Led by the World Federation for Mental Health since 1992.",
    ),
    "Schizophrenia Awareness Days": (
        "Une semaine de mars dans les pays francophones, aux dates annoncées chaque année.",
        "A week in March in French-speaking countries, on dates announced each year.",
    ),
    "World Atopic Dermatitis Day": ("Créée en 2018 par l'IADPO.", "Established in 2018 by IADPO."),
    "Global ALS/MND Awareness Day": (
        "Portée depuis 1997 par l'Alliance internationale des associations SLA/MND, au solstice d'été.",
        "Held since 1997 by the International Alliance of ALS/MND Associations, on the summer solstice.",
    ),
    "World Children's Day": (
        "Anniversaire de la Déclaration de 1959 et de la Convention de 1989 relatives aux droits de l'enfant.",
        "The anniversary of the 1959 Declaration and the 1989 Convention on the Rights of the Child.",
    ),
    "World Family Doctor Day": ("Portée par la WONCA depuis 2010-2011.", "Promoted by WONCA since 2010-2011."),
    "International Clinical Trials Day": (
        "Anniversaire de l'essai de James Lind sur le scorbut (1747) ; l'ECRIN l'organise chaque année.",
        "The anniversary of James Lind's 1747 scurvy trial; ECRIN holds an event every year.",
    ),
    "World Health Day": ("Anniversaire de la fondation de l'OMS.", "The anniversary of the WHO's founding."),
    "World Diabetes Day": (
        "Une journée qui touche l'obésité, la rétinopathie diabétique et les complications cardiovasculaires.",
        "A day that touches obesity, diabetic retinopathy and cardiovascular complications.",
    ),
    "World Tuberculosis Day": (
        "Une date pour parler de la recherche sur les infections à mycobactéries.",
        "A date to talk about research on mycobacterial infections.",
    ),
    "World Amyloidosis Day": (
        "Portée par l'Amyloidosis Alliance depuis 2021.",
        "Led by the Amyloidosis Alliance since 2021.",
    ),
    "World AMR Awareness Week": (
        "Dates à vérifier : elles n'ont pas pu être rattachées à une source.",
        "Dates to be checked: they could not be traced to a source.",
    ),
}
