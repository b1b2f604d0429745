"""The press coverage page in both languages and the demo clippings (fictional outlets, example addresses)."""

from home.models import HomePage
from news.models import Clipping, ClippingNetwork, ClippingRelease, ClippingTopic, CoveragePage, PressReleasePage

from .coverage_texts import CLIPPINGS, COVERAGE_PAGE
from .press import network_page
from .press_texts import TOPICS
from .topics import ensure_topic
from .translation import translate


def load(demo):
    ensure_coverage_page(demo)
    for data in CLIPPINGS:
        if Clipping.objects.filter(url=data["url"]).exists():
            continue
        fields = {name: data[name] for name in ("outlet", "headline", "published_on", "language", "url", "excerpt")}
        clipping = Clipping(**fields)
        release = PressReleasePage.objects.filter(locale=demo.fr, slug=data.get("release", "")).first()
        if release is not None:
            clipping.release_links = [ClippingRelease(release=release)]
        network = network_page(demo, data.get("network"))
        if network is not None:
            clipping.network_links = [ClippingNetwork(network=network)]
        clipping.topic_links = [ClippingTopic(topic=ensure_topic(demo, *TOPICS[key])) for key in data["topics"]]
        clipping.save()
        demo.report(clipping)


def ensure_coverage_page(demo):
    fr_home = HomePage.objects.get(locale=demo.fr)
    page = CoveragePage.objects.child_of(fr_home).first()
    if page is None:
        page = CoveragePage(locale=demo.fr, show_in_menus=True, **COVERAGE_PAGE["fr"])
        fr_home.add_child(instance=page)
        page.save_revision().publish()
        demo.report(page)
    if not page.has_translation(demo.en):
        translate(page, demo.en, CoveragePage(locale=demo.en, show_in_menus=True, **COVERAGE_PAGE["en"]))
        demo.stdout.write(f"  + translation: {COVERAGE_PAGE['en']['title']}")
    return page
