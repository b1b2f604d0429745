from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "translations": StringTranslation.objects.count(),
    }


def test_demo_content_creates_both_languages_and_is_idempotent(client, demo_content):
    first = snapshot()
    call_command("load_initial_data")

    assert snapshot() == first
    fr_home = HomePage.objects.get(locale__language_code="fr")
    en_home = HomePage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_page_id == fr_home.pk
    assert en_home.translation_key == fr_home.translation_key
    assert en_home.live and fr_home.live
    # A real wagtail-localize translation, with English text, that editors can sync later.
    assert Translation.objects.filter(source__object_id=fr_home.translation_key, target_locale=en_home.locale).exists()
    assert en_home.standfirst != fr_home.standfirst
    assert "journalists" in en_home.standfirst
    assert client.get("/en/").status_code == 200


def test_demo_content_leaves_editor_content_alone(django_user_model, demo_content):
    editor = django_user_model.objects.create_user("editor", password="x")
    fr_home = HomePage.objects.get(locale__language_code="fr")
    fr_home.title = "Titre choisi par la rédaction"
    fr_home.save_revision(user=editor).publish()
    HomePage.objects.filter(locale__language_code="en").delete()

    call_command("load_initial_data")
    assert not HomePage.objects.filter(locale__language_code="en").exists()

    call_command("load_initial_data", force=True)
    assert HomePage.objects.get(locale__language_code="fr").title == "Titre choisi par la rédaction"
    assert HomePage.objects.filter(locale__language_code="en").exists()


def test_ensure_superuser_generates_a_password_once(django_user_model, monkeypatch, capsys):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)

    call_command("ensure_superuser")
    printed = capsys.readouterr().out
    call_command("ensure_superuser")

    password = printed.split("write it down): ")[1].strip()
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert (admin.first_name, admin.last_name, admin.wagtail_userprofile.preferred_language) == (
        "Admin",
        "F-CRIN",
        "fr",
    )
    assert capsys.readouterr().out == "Administrator: admin (already there, password unchanged)\n"
    assert django_user_model.objects.count() == 1


def test_ensure_superuser_takes_the_password_from_the_environment(django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-chosen-passphrase")

    call_command("ensure_superuser")

    assert django_user_model.objects.get(username="admin").check_password("a-long-chosen-passphrase")


def test_the_first_administrator_can_change_their_admin_language_at_once(client, django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-chosen-passphrase")
    call_command("ensure_superuser", stdout=None)
    client.force_login(django_user_model.objects.get(username="admin"))
    url = reverse("wagtailadmin_account")

    html = BeautifulSoup(client.get(url).content, "html.parser")
    form = html.find("select", attrs={"name": lambda name: name and name.endswith("preferred_language")}).find_parent(
        "form"
    )
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("checkbox", "radio", "file") and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        else:
            data[name] = field.get("value", field.get_text() if field.name == "textarea" else "")
    language_field = next(name for name in data if name.endswith("preferred_language"))
    data[language_field] = "en"

    response = client.post(url, data)

    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)[:500]
    assert django_user_model.objects.get(username="admin").wagtail_userprofile.preferred_language == "en"


def test_no_demo_translation_is_out_of_date_on_a_fresh_install(demo_content):
    from news.editorial.translation_status import (
        STALE,
        in_state,
        source_locale,
        target_locales,
        with_translation_states,
    )

    source = source_locale()
    targets = target_locales(source)
    pages = with_translation_states(Page.objects.filter(locale=source, depth__gt=1), source, targets)

    assert list(pages.filter(in_state(targets, STALE)).values_list("title", flat=True)) == []
