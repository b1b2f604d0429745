"""Query budgets that must not grow with what a page holds (sections, releases, links).

Every public page type's budget, warm and cold, from a small archive to 10,000 releases, is in
tests/demo/test_query_budgets_demo.py.
"""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import wagtail_factories

from tests.factories import BoilerplateFactory, PressContactFactory, PressReleasePageFactory, TopicFactory

WARM_BUDGET = 12


def test_home_page_queries_do_not_grow_with_its_sections(page_queries, home):
    wagtail_factories.PageFactory(parent=home["fr"], title="Première rubrique", show_in_menus=True)
    few = page_queries("/fr/")
    for number in range(2, 12):
        wagtail_factories.PageFactory(parent=home["fr"], title=f"Rubrique {number}", show_in_menus=True)
    many = page_queries("/fr/")

    assert "Rubrique 11" in many.response.content.decode()
    assert len(many) == len(few), many


def test_filtered_press_room_fits_the_budget_whatever_the_archive(page_queries, press_room):
    fr = press_room["fr"].locale
    topic = TopicFactory(locale=fr)
    url = press_room["fr"].url + f"?topic={topic.slug}&year=2026"

    def add_releases(count):
        for n in range(count):
            release = PressReleasePageFactory(
                parent=press_room["fr"], locale=fr, hero_image=wagtail_factories.ImageFactory(title=f"Image {n}")
            )
            release.topic_links.create(topic=topic)
            release.save_revision().publish()

    add_releases(1)
    few = page_queries(url)
    add_releases(19)
    many = page_queries(url)

    # The count, the page of results and their renditions, whatever the number of releases.
    assert len(page_queries(url, fragments=True)) <= WARM_BUDGET
    assert len(many) == len(few), many
    assert many.response.content.decode().count('class="release-card"') == 10


def _release_with(press_room, count):
    fr = press_room["fr"].locale
    images = [wagtail_factories.ImageFactory(title=f"Image {n}") for n in range(count)]
    body = []
    for n, image in enumerate(images):
        body += [
            {"type": "paragraph", "value": f"<p>Paragraphe {n}</p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "", "caption": f"Légende {n}", "credit": "F-CRIN"},
            },
            {"type": "key_figures", "value": {"heading": "", "figures": [{"value": str(n), "label": "centres"}]}},
        ]
    release = PressReleasePageFactory(parent=press_room["fr"], locale=fr, hero_image=images[0], body=body)
    for n in range(count):
        release.topic_links.create(topic=TopicFactory(locale=fr))
        release.network_links.create(
            network=wagtail_factories.PageFactory(parent=press_room["fr"].get_parent(), title=f"Réseau {count}-{n}")
        )
        release.contact_links.create(contact=PressContactFactory(locale=fr))
        release.boilerplate_links.create(boilerplate=BoilerplateFactory(locale=fr))
        document = get_document_model().objects.create(
            title=f"Annexe {n}", file=ContentFile(b"%PDF-1.4", name=f"annexe-{n}.pdf")
        )
        release.attachments.create(document=document)
    release.save_revision().publish()
    return release


def test_press_release_fits_the_budget_whatever_it_holds(press_room, page_queries):
    one, twenty = _release_with(press_room, 1), _release_with(press_room, 20)

    few, many = page_queries(one.url), page_queries(twenty.url)

    # The release, its links, its attachments and the body's images, whatever the number of items.
    assert len(page_queries(twenty.url, fragments=True)) <= WARM_BUDGET
    assert len(many) == len(few), many
    assert many.response.content.decode().count('class="figure"') == 20
