"""The legal pages under each home page: legal notice, privacy policy and accessibility statement."""

import datetime

from home.models import HomePage, LegalPage

from .legal_texts import LEGAL_PAGES
from .translation import translate

STATEMENT_DATE = datetime.date(2026, 12, 1)


def load(demo):
    fr_home = HomePage.objects.get(locale=demo.fr)
    for kind, texts in LEGAL_PAGES.items():
        page = LegalPage.objects.filter(locale=demo.fr, kind=kind).first()
        if page is None:
            page = LegalPage(locale=demo.fr, kind=kind, last_updated=STATEMENT_DATE, **texts["fr"])
            fr_home.add_child(instance=page)
            page.save_revision().publish()
            demo.report(page)
        if not page.has_translation(demo.en):
            translate(page, demo.en, LegalPage(locale=demo.en, kind=kind, last_updated=STATEMENT_DATE, **texts["en"]))
            demo.stdout.write(f"  + translation: {texts['en']['title']}")
