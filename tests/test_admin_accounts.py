"""Admin accounts: sign-in throttling (django-axes) and two-step verification (django-otp)."""

from base64 import b32encode
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide"
LOGIN = "/admin/login/"
SETUP = "/admin/account/two-factor/"
VERIFY = "/admin/account/two-factor/verify/"


@pytest.fixture
def publisher():
    user = get_user_model().objects.create_user("editrice", "editrice@fcrin.example", PASSWORD)
    user.groups.add(Group.objects.get(name="Publication"))
    return user


@pytest.fixture
def two_factor_required(settings):
    settings.FCRIN_REQUIRE_2FA_GROUPS = ["Publication"]


def text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def sign_in(client, password=PASSWORD, language="fr", address="192.0.2.10"):
    return client.post(
        LOGIN,
        {"username": "editrice", "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
        REMOTE_ADDR=address,
    )


def code(device, drift=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + drift):0{device.digits}d}"


def wrong_code(device):
    valid = {code(device, drift) for drift in (-1, 0, 1)}
    return next(candidate for candidate in ("000000", "111111", "222222", "333333") if candidate not in valid)


def enrol(client, user):
    """The setup page's key is the device's: what a phone scanning its QR code would compute from."""
    response = client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    shown_key = BeautifulSoup(response.content, "html.parser").select_one("figcaption code").get_text()
    assert shown_key.replace(" ", "") == b32encode(device.bin_key).decode()
    assert "<svg" in response.content.decode()
    return device, client.post(SETUP, {"code": code(device), "next": "/admin/"})


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Trop de mots de passe erronés pour ce compte"),
        ("en", "Too many wrong passwords for this account"),
    ],
)
def test_wrong_passwords_lock_the_account_out_in_the_browsers_language(client, publisher, language, message):
    with freeze_time() as clock:
        for _attempt in range(4):
            response = sign_in(client, "mauvais", language)
            assert response.status_code == 200
            assert message not in text(response)
        response = sign_in(client, "mauvais", language)
        assert response.status_code == 429
        assert message in text(response)
        assert "15" in text(response)

        clock.tick(timedelta(minutes=10))
        response = sign_in(client, PASSWORD, language)
        assert response.status_code == 429
        assert message in text(response)
        assert client.get("/admin/").status_code == 302

        # A try during the lockout starts the cool-off again.
        clock.tick(timedelta(minutes=10))
        assert sign_in(client, PASSWORD, language).status_code == 429
        clock.tick(timedelta(minutes=16))
        response = sign_in(client, PASSWORD, language)
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200


def test_the_lockout_is_for_one_username_from_one_address(client, publisher):
    for _attempt in range(5):
        sign_in(client, "mauvais")
    assert sign_in(client).status_code == 429

    assert sign_in(client, address="198.51.100.7").status_code == 302


def test_a_right_password_clears_earlier_failures(client, publisher):
    for _attempt in range(4):
        sign_in(client, "mauvais")
    assert sign_in(client).status_code == 302
    client.logout()
    for _attempt in range(4):
        assert sign_in(client, "mauvais").status_code == 200
    assert sign_in(client).status_code == 302


def test_a_publisher_must_enrol_then_gives_a_code_at_each_sign_in(client, publisher, two_factor_required):
    with freeze_time() as clock:
        assert sign_in(client).status_code == 302
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"] == f"{SETUP}?next=/admin/"
        assert client.get("/admin/pages/").status_code == 302

        response = client.get(SETUP)
        assert "Votre groupe doit utiliser la validation en deux étapes" in text(response)
        device, response = enrol(client, publisher)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

        client.post(reverse("wagtailadmin_logout"))
        clock.tick(timedelta(minutes=1))
        assert sign_in(client).status_code == 302
        response = client.get("/admin/")
        assert response["Location"] == f"{VERIFY}?next=/admin/"
        # Not even the enrolment page: it could replace the device.
        assert client.get(SETUP)["Location"].startswith(VERIFY)

        response = client.post(VERIFY, {"code": wrong_code(device), "next": "/admin/"})
        assert response.status_code == 200
        assert "Ce code n'est pas le bon" in text(response)
        assert client.get("/admin/").status_code == 302

        # django-otp makes the next try wait after a wrong code, the right one included.
        response = client.post(VERIFY, {"code": code(device), "next": "/admin/"})
        assert "Trop de codes erronés à la suite" in text(response)

        clock.tick(timedelta(seconds=5))
        response = client.post(VERIFY, {"code": code(device), "next": "/admin/"})
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        response = client.get("/admin/")
        assert response.status_code == 200
        assert "Tableau de bord" in text(response)


def test_a_required_device_cannot_be_turned_off(client, publisher, two_factor_required):
    client.force_login(publisher)
    enrol(client, publisher)
    response = client.post(SETUP, {"turn_off": "1"}, follow=True)
    assert "ne peut pas être désactivée" in text(response)
    assert TOTPDevice.objects.filter(user=publisher, confirmed=True).exists()


def test_without_the_setting_nothing_changes_until_someone_enrols(client, publisher):
    assert sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200
    account = text(client.get(reverse("wagtailadmin_account")))
    assert "Validation en deux étapes" in account

    enrol(client, publisher)
    client.post(reverse("wagtailadmin_logout"))
    assert sign_in(client).status_code == 302
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=/admin/"

    client.post(reverse("wagtailadmin_logout"))
    output = StringIO()
    call_command("remove_two_factor", "editrice", stdout=output)
    assert output.getvalue() == "editrice: 1 device(s) removed.\n"
    assert sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_optional_device_can_be_turned_off(client, publisher):
    client.force_login(publisher)
    enrol(client, publisher)
    response = client.post(SETUP, {"turn_off": "1"}, follow=True)
    assert "La validation en deux étapes est désactivée" in text(response)
    assert not TOTPDevice.objects.filter(user=publisher, confirmed=True).exists()


def test_a_password_alone_opens_no_page_of_the_site_to_a_user_with_a_device(client, publisher, home):
    client.force_login(publisher)
    enrol(client, publisher)
    client.post(reverse("wagtailadmin_logout"))
    assert client.get("/fr/").status_code == 200

    assert sign_in(client).status_code == 302
    response = client.get("/fr/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=/fr/"
