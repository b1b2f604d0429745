"""Embargo preview links: shown with a bilingual banner while active, 404 once revoked or expired, 302 after the lift."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from news.models import EmbargoPreviewLink, PressReleasePage
from tests.factories import PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db

# 08:00 in Paris (summer time) on 2 June 2099: far enough to stay in the future.
LIFT = datetime.datetime(2099, 6, 2, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def embargoed(press_room):
    """A French release scheduled for LIFT with its English translation, neither public yet."""
    room = press_room["fr"]
    release = PressReleasePageFactory(
        parent=room, locale=room.locale, title="Résultats de l'essai Zéphyr", slug="essai-zephyr", live=False
    )
    english = publish_translation(release, "en", title="Zephyr trial results", slug="zephyr-trial")
    release.go_live_at = LIFT
    release.save_revision().publish()
    release.refresh_from_db()
    assert not release.live and not PressReleasePage.objects.published().exists()
    return {"fr": release, "en": english}


@pytest.fixture
def link(embargoed, admin_user):
    return EmbargoPreviewLink.objects.create(
        release=embargoed["fr"], label="Le Monde – A. Martin", created_by=admin_user
    )


def test_active_link_shows_the_embargoed_release_with_a_bilingual_banner(client, embargoed, link):
    response = client.get(link.get_url("fr"))
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert soup.h1.get_text(strip=True) == "Résultats de l'essai Zéphyr"
    banner = soup.select(".embargo-banner p")
    assert [p["lang"] for p in banner] == ["fr", "en"]
    assert " ".join(banner[0].get_text().split()) == (
        "Sous embargo jusqu’au 2 juin 2099 à 08:00 (heure de Paris). Ne pas publier ni diffuser avant."
    )
    assert " ".join(banner[1].get_text().split()) == (
        "Under embargo until 2 June 2099, 08:00 (Paris time). Not for publication or broadcast before then."
    )
    assert soup.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert response["X-Robots-Tag"].startswith("noindex")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert not soup.select("a.press-kit__link")


def test_english_address_shows_the_english_translation_banner_in_english_first(client, embargoed, link):
    soup = BeautifulSoup(client.get(link.get_url("en")).content, "html.parser")

    assert soup.h1.get_text(strip=True) == "Zephyr trial results"
    assert [p["lang"] for p in soup.select(".embargo-banner p")] == ["en", "fr"]
    # The public address of the translation still says nothing.
    assert client.get(embargoed["en"].url).status_code == 404


def test_revoked_expired_and_unknown_links_are_not_found(client, embargoed, link):
    revoked = EmbargoPreviewLink.objects.create(release=embargoed["fr"], label="x", revoked_at=timezone.now())
    expired = EmbargoPreviewLink.objects.create(
        release=embargoed["fr"], label="y", expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    for gone in (revoked, expired):
        assert client.get(gone.get_url("fr")).status_code == 404
        assert client.get(gone.get_url("en")).status_code == 404
    assert client.get(reverse("news:embargo_preview", kwargs={"token": "not-a-token"})).status_code == 404


def test_after_the_lift_the_link_leads_to_the_public_release(client, embargoed, link):
    fr = embargoed["fr"]
    fr.go_live_at = None
    fr.save_revision().publish()

    french = client.get(link.get_url("fr"))
    english = client.get(link.get_url("en"))

    assert french.status_code == 302 and french["Location"] == "/fr/communiques/essai-zephyr/"
    assert english.status_code == 302 and english["Location"] == "/en/press-releases/zephyr-trial/"


def test_links_are_long_random_and_unique(embargoed):
    tokens = {EmbargoPreviewLink.objects.create(release=embargoed["fr"], label=str(n)).token for n in range(5)}

    assert len(tokens) == 5
    assert all(len(token) >= 40 for token in tokens)


class TestAdmin:
    def test_editor_creates_a_link(self, admin_client, admin_user, embargoed):
        expiry = timezone.localtime(LIFT).replace(tzinfo=None)
        response = admin_client.post(
            reverse("embargo_preview_links:add"),
            {
                "release": embargoed["fr"].pk,
                "label": "AFP – C. Durand",
                "expires_at": expiry.strftime("%Y-%m-%d %H:%M"),
            },
        )

        assert response.status_code == 302
        link = EmbargoPreviewLink.objects.get()
        assert (link.label, link.created_by, link.revoked_at) == ("AFP – C. Durand", admin_user, None)
        assert link.expires_at == LIFT
        listing = admin_client.get(reverse("embargo_preview_links:index"))
        assert f"http://localhost{link.get_url('fr')}" in listing.content.decode()

    def test_editor_revokes_a_link(self, admin_client, link):
        response = admin_client.post(
            reverse("embargo_preview_links:edit", args=[link.pk]),
            {
                "release": link.release.pk,
                "label": link.label,
                "expires_at": timezone.localtime(link.expires_at).strftime("%Y-%m-%d %H:%M"),
                "revoked": "on",
            },
        )

        assert response.status_code == 302
        link.refresh_from_db()
        assert link.revoked_at is not None
        assert not link.is_active()
