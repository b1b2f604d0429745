import json
from pathlib import Path

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision

import pytest
from bs4 import BeautifulSoup

from networks.models import NetworkPage
from news.models import Topic

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parent.parent / "networks" / "data" / "sample_networks.json"


def sample():
    return json.loads(SAMPLE.read_text())


def write(tmp_path, data):
    path = tmp_path / "networks.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(path, capsys):
    call_command("import_networks", str(path))
    return capsys.readouterr().out


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "topics": Topic.objects.count(),
    }


def test_import_creates_french_pages_and_english_translations(network_index, capsys, client):
    out = run(SAMPLE, capsys)

    assert "Created: 3 (CRI-IMIDIATE, StrokeLink, Plateforme de services F-CRIN)" in out
    fr = NetworkPage.objects.get(locale__language_code="fr", acronym="CRI-IMIDIATE")
    en = fr.get_translation(network_index["en"].locale)
    assert (fr.live, en.live) == (True, True)
    assert en.full_name == "F-CRIN network for immune-mediated inflammatory diseases"
    assert (fr.centres, en.centres) == (54, 54)
    assert [c.title for c in en.coordinators.all()] == ["Co-coordinator"]
    # The English page links the English topic, not the French one.
    assert [link.topic.name for link in en.topic_links.all()] == ["Systemic lupus"]
    html = BeautifulSoup(client.get("/en/networks/cri-imidiate/").content, "html.parser")
    assert html.h1.get_text(strip=True) == "CRI-IMIDIATE"
    assert "Systemic lupus" in html.main.get_text()
    platform = NetworkPage.objects.get(locale__language_code="en", slug="services-platform")
    assert (platform.acronym, platform.title) == ("", "F-CRIN services platform")


def test_import_twice_changes_nothing(network_index, capsys):
    run(SAMPLE, capsys)
    first = snapshot()

    out = run(SAMPLE, capsys)

    assert "Created: 0\nUpdated: 0\nUnchanged: 3" in out
    assert snapshot() == first


def test_import_updates_by_acronym_in_both_languages(network_index, capsys, tmp_path):
    run(SAMPLE, capsys)
    data = sample()
    data[0]["acronym"] = "cri-imidiate"  # matched whatever the case
    data[0]["centres"] = 55
    data[0]["coordinators"][0]["title_en"] = "Network co-coordinator"

    out = run(write(tmp_path, data), capsys)

    assert "Updated: 1 (cri-imidiate)" in out and "Unchanged: 2" in out
    en = NetworkPage.objects.get(locale__language_code="en", slug="cri-imidiate")
    assert en.centres == 55
    assert [c.title for c in en.coordinators.all()] == ["Network co-coordinator"]
    assert NetworkPage.objects.filter(acronym__iexact="CRI-IMIDIATE").count() == 2


def drop(key):
    def change(data):
        del data[1][key]

    return change


def setter(index, key, value):
    def change(data):
        data[index][key] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: "[{not json", "is not valid JSON"),
        (lambda data: {"networks": data}, "must hold a JSON list"),
        (drop("summary_en"), 'record 2 (StrokeLink), field "summary_en": missing'),
        (drop("acronym"), 'record 2, field "acronym": missing'),
        (setter(1, "kind", "consortium"), 'record 2 (StrokeLink), field "kind": unknown kind "consortium"'),
        (setter(2, "acronym", "strokelink"), 'records 2 and 3 have the same acronym "strokelink"'),
        (setter(1, "centres", "about twenty"), 'record 2 (StrokeLink), field "centres": expected a whole number'),
        (setter(1, "website", "strokelink"), 'record 2 (StrokeLink), field "website"'),
        (setter(0, "topics", [{"slug_fr": "lupus", "name_fr": "Lupus"}]), 'field "topics[1].slug_en": missing'),
        (setter(1, "coordinators", [{"title_fr": "Coordinatrice"}]), 'field "coordinators[1].name": missing'),
    ],
    ids=[
        "invalid-json",
        "not-a-list",
        "missing-field",
        "missing-acronym",
        "unknown-kind",
        "duplicate-acronym",
        "bad-number",
        "bad-website",
        "bad-topic",
        "bad-coordinator",
    ],
)
def test_bad_files_stop_with_a_clear_message_and_write_nothing(network_index, capsys, tmp_path, change, message):
    run(SAMPLE, capsys)
    data = sample()
    data[0]["centres"] = 60  # a valid change earlier in the file must not be written either
    changed = change(data)
    path = write(tmp_path, data if changed is None else changed)
    before = snapshot()

    with pytest.raises(CommandError) as error:
        call_command("import_networks", str(path))

    assert message in str(error.value)
    assert str(error.value).startswith("Nothing imported")
    assert snapshot() == before
    assert NetworkPage.objects.get(locale__language_code="fr", acronym="CRI-IMIDIATE").centres == 54


def test_a_failure_while_writing_rolls_everything_back(network_index, capsys, tmp_path):
    # A valid file, but its last French slug is taken by a network edited in the admin: found while writing.
    from tests.factories import NetworkPageFactory

    run(SAMPLE, capsys)
    NetworkPageFactory(parent=network_index["fr"], locale=network_index["fr"].locale, title="OTHER", slug="autre")
    data = sample()
    data[0]["centres"] = 60
    data.append({**data[1], "acronym": "NEW", "slug_fr": "autre", "slug_en": "new"})
    before = snapshot()

    with pytest.raises(CommandError, match=r"record 4 \(NEW\)"):
        call_command("import_networks", str(write(tmp_path, data)))

    assert snapshot() == before
    assert NetworkPage.objects.get(locale__language_code="fr", acronym="CRI-IMIDIATE").centres == 54


def test_import_needs_the_directory(home, capsys):
    with pytest.raises(CommandError, match="no networks directory"):
        call_command("import_networks", str(SAMPLE))
    assert not NetworkPage.objects.exists()
