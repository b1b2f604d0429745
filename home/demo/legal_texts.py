"""The legal pages of the demo, written for this project: a legal notice, a privacy policy and an
accessibility statement (RGAA), in French and English, with the same blocks in the same order so that
wagtail-localize pairs their strings. Nothing here names a real person; the host is left for the web
team to fill in."""

LEGAL_NOTICE = {
    "fr": {
        "title": "Mentions légales",
        "slug": "mentions-legales",
        "body": (
            "<h2>Éditeur du site</h2>"
            "<p>Ce site est édité par F-CRIN (French Clinical Research Infrastructure Network), "
            "infrastructure nationale de recherche clinique portée par l'Inserm. Son unité de coordination "
            "nationale est installée à Toulouse.</p>"
            "<h2>Directeur de la publication</h2>"
            "<p>La direction de la publication est assurée par la coordination nationale de F-CRIN, "
            "en la personne de son ou sa coordinateur·rice national·e en fonction.</p>"
            "<h2>Hébergement</h2>"
            "<p>Contenu de démonstration : la raison sociale, l'adresse et le téléphone de l'hébergeur sont "
            "à compléter par l'équipe web avant la mise en ligne.</p>"
            "<h2>Propriété intellectuelle</h2>"
            "<p>Les communiqués de presse et leurs images peuvent être repris par les médias pour "
            "en rendre compte, avec la mention des crédits indiqués. Toute autre réutilisation demande "
            "l'accord préalable de F-CRIN.</p>"
            "<h2>Liens vers d'autres sites</h2>"
            "<p>La revue de presse renvoie vers des articles publiés par des médias tiers, qui en sont "
            "seuls responsables.</p>"
        ),
    },
    "en": {
        "title": "Legal notice",
        "slug": "legal-notice",
        "body": (
            "<h2>Publisher</h2>"
            "<p>This website is published by F-CRIN (French Clinical Research Infrastructure Network), "
            "the French national clinical research infrastructure supported by Inserm. Its national "
            "coordination unit is based in Toulouse.</p>"
            "<h2>Director of publication</h2>"
            "<p>The director of publication is F-CRIN's national coordination, in the person of its "
            "national coordinator in office.</p>"
            "<h2>Hosting</h2>"
            "<p>Demonstration content: the host's company name, address and telephone number are to be "
            "filled in by the web team before the site goes online.</p>"
            "<h2>Intellectual property</h2>"
            "<p>Media may reuse the press releases and their images to report on them, with the credits "
            "given. Any other reuse requires F-CRIN's prior consent.</p>"
            "<h2>Links to other websites</h2>"
            "<p>The press coverage page links to articles published by third-party media, who alone are "
            "responsible for them.</p>"
        ),
    },
}

PRIVACY = {
    "fr": {
        "title": "Données personnelles",
        "slug": "donnees-personnelles",
        "body": (
            "<p>F-CRIN traite des données personnelles pour faire fonctionner son espace presse, dans le "
            "respect du règlement général sur la protection des données (RGPD) et de la loi Informatique "
            "et Libertés.</p>"
            "<h2>Contacts presse</h2>"
            "<p>Les nom, fonction, organisme, adresse électronique et téléphone des personnes chargées des "
            "relations presse sont publiés sur les communiqués et dans des cartes de visite (vCard), pour "
            "que les journalistes puissent les joindre. Ils sont publiés avec l'accord de ces personnes et "
            "retirés dès la fin de leur mission.</p>"
            "<h2>Alertes par courriel</h2>"
            "<p>Si vous vous abonnez aux alertes, votre adresse électronique et vos choix de thèmes ou de "
            "réseaux servent uniquement à vous envoyer les nouveaux communiqués. Chaque message contient un "
            "lien de désabonnement ; votre adresse est supprimée dès votre désabonnement.</p>"
            "<h2>Experts</h2>"
            "<p>L'annuaire des experts présente des chercheurs et cliniciens qui ont accepté de répondre aux "
            "médias : nom, titre, affiliation, domaines, langues parlées, courte biographie et photographie. "
            "Leur adresse électronique n'est affichée que s'ils l'ont accepté ; sinon, les demandes passent "
            "par le service de presse. Chaque expert peut retirer sa fiche à tout moment.</p>"
            "<h2>Mesure d'audience et cookies</h2>"
            "<p>Le site public ne dépose aucun cookie publicitaire ni de mesure d'audience. Seul l'espace "
            "d'administration utilise des cookies techniques, nécessaires à la connexion des rédacteurs.</p>"
            "<h2>Vos droits</h2>"
            "<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur "
            "traitement ou en demander la limitation en écrivant au service de presse, dont les coordonnées "
            "figurent sur chaque communiqué. Si vous estimez que vos droits ne sont pas respectés, vous "
            "pouvez adresser une réclamation à la CNIL.</p>"
        ),
    },
    "en": {
        "title": "Privacy policy",
        "slug": "privacy",
        "body": (
            "<p>F-CRIN processes personal data to run its press office website, in accordance with the "
            "General Data Protection Regulation (GDPR) and the French Data Protection Act.</p>"
            "<h2>Press contacts</h2>"
            "<p>The name, role, organisation, e-mail address and telephone number of the people in charge "
            "of press relations are published on the releases and in contact cards (vCards), so that "
            "journalists can reach them. They are published with these people's consent and removed when "
            "their assignment ends.</p>"
            "<h2>E-mail alerts</h2>"
            "<p>If you subscribe to alerts, your e-mail address and your choice of topics or networks are "
            "used only to send you new press releases. Every message has an unsubscribe link; your address "
            "is deleted as soon as you unsubscribe.</p>"
            "<h2>Experts</h2>"
            "<p>The experts directory presents researchers and clinicians who have agreed to talk to the "
            "media: name, title, affiliation, fields, languages spoken, a short biography and a photograph. "
            "Their e-mail address is shown only if they agreed; otherwise requests go through the press "
            "office. Each expert may withdraw their entry at any time.</p>"
            "<h2>Audience measurement and cookies</h2>"
            "<p>The public website sets no advertising or audience measurement cookies. Only the "
            "administration area uses technical cookies, which editors need to sign in.</p>"
            "<h2>Your rights</h2>"
            "<p>You may access your data, have it corrected or erased, object to its processing or ask "
            "for it to be restricted by writing to the press office, whose details are on every press "
            "release. If you believe your rights are not respected, you may lodge a complaint with the "
            "CNIL, the French data protection authority.</p>"
        ),
    },
}

ACCESSIBILITY = {
    "fr": {
        "title": "Déclaration d'accessibilité",
        "slug": "accessibilite",
        "body": (
            "<p>F-CRIN s'engage à rendre son espace presse accessible conformément à l'article 47 de la "
            "loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au présent site.</p>"
            "<h2>État de conformité</h2>"
            "<p>Ce site est <b>non conforme</b> avec le référentiel général d'amélioration de "
            "l'accessibilité (RGAA), version 4.1 : aucun audit de conformité n'a encore été réalisé.</p>"
            "<h2>Résultats des tests</h2>"
            "<p>En l'absence d'audit, aucun taux de conformité ne peut être indiqué. Les principales pages "
            "sont vérifiées automatiquement avec l'outil axe-core à chaque modification du site, ce qui ne "
            "remplace pas un audit.</p>"
            "<h2>Contenus non accessibles</h2>"
            "<p>Non-conformités connues :</p>"
            "<ul>"
            "<li>les communiqués au format PDF ne sont pas balisés pour les technologies d'assistance ; "
            "la version HTML de chaque communiqué en reprend tout le contenu ;</li>"
            "<li>certaines images des dossiers de presse n'ont pas d'alternative textuelle dans le "
            "fichier téléchargé ;</li>"
            "<li>les fichiers de calendrier et les cartes de visite téléchargeables n'ont pas été évalués.</li>"
            "</ul>"
            "<h2>Dérogations</h2>"
            "<p>Contenus non soumis à l'obligation d'accessibilité : les articles de médias tiers vers "
            "lesquels renvoie la revue de presse, et les documents bureautiques publiés avant le "
            "23 septembre 2018.</p>"
            "<h2>Établissement de cette déclaration</h2>"
            "<p>Technologies utilisées : HTML5, CSS et JavaScript (le site reste utilisable sans "
            "JavaScript).</p>"
            "<h2>Retour d'information et contact</h2>"
            "<p>Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez au service de presse, "
            "dont les coordonnées figurent sur chaque communiqué : nous vous indiquerons une autre manière "
            "d'y accéder ou vous enverrons le contenu sous une autre forme.</p>"
            "<h2>Voies de recours</h2>"
            "<p>Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, "
            "vous pouvez saisir le Défenseur des droits :</p>"
            "<ul>"
            "<li>par le formulaire en ligne du Défenseur des droits ;</li>"
            "<li>en contactant le délégué du Défenseur des droits de votre région ;</li>"
            "<li>par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, "
            "75342 Paris CEDEX 07.</li>"
            "</ul>"
        ),
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "body": (
            "<p>F-CRIN is committed to making its press office website accessible, in accordance with "
            "article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to this "
            "website.</p>"
            "<h2>Compliance status</h2>"
            "<p>This website is <b>not compliant</b> with the French accessibility framework (RGAA), "
            "version 4.1: no compliance audit has been carried out yet.</p>"
            "<h2>Test results</h2>"
            "<p>Without an audit, no compliance rate can be given. The main pages are checked "
            "automatically with the axe-core tool at every change to the site, which does not replace "
            "an audit.</p>"
            "<h2>Non-accessible content</h2>"
            "<p>Known non-compliances:</p>"
            "<ul>"
            "<li>press releases in PDF are not tagged for assistive technologies; the HTML version of "
            "each release has all of its content;</li>"
            "<li>some images in press kits have no text alternative in the downloaded file;</li>"
            "<li>the downloadable calendar files and contact cards have not been assessed.</li>"
            "</ul>"
            "<h2>Exemptions</h2>"
            "<p>Content not subject to the accessibility obligation: the articles of third-party media "
            "the press coverage page links to, and office documents published before "
            "23 September 2018.</p>"
            "<h2>Preparation of this statement</h2>"
            "<p>Technologies used: HTML5, CSS and JavaScript (the site remains usable without "
            "JavaScript).</p>"
            "<h2>Feedback and contact</h2>"
            "<p>If you cannot access a piece of content or a service, write to the press office, whose "
            "details are on every press release: we will tell you another way to access it or send you "
            "the content in another form.</p>"
            "<h2>Remedies</h2>"
            "<p>If you reported an accessibility problem to us and did not get a satisfactory answer, "
            "you may refer the matter to the Défenseur des droits (the French Defender of Rights):</p>"
            "<ul>"
            "<li>through the Défenseur des droits' online form;</li>"
            "<li>by contacting the Défenseur des droits' delegate in your region;</li>"
            "<li>by free post, without a stamp: Défenseur des droits, Libre réponse 71120, "
            "75342 Paris CEDEX 07.</li>"
            "</ul>"
        ),
    },
}

LEGAL_PAGES = {"legal-notice": LEGAL_NOTICE, "privacy": PRIVACY, "accessibility": ACCESSIBILITY}
