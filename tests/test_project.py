"""Project-level gates: deploy settings, translation catalogues, upload rules."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(p for p in ROOT.glob("*/locale/fr/LC_MESSAGES/django.po") if ".venv" not in p.parts) + [
    ROOT / "locale/fr/LC_MESSAGES/django.po"
]


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_french_catalogue_is_complete(catalogue):
    po = polib.pofile(str(catalogue))

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def test_production_settings_pass_the_deploy_check():
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is a test-only relaxation that check --deploy rightly flags.
    env = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "fcrin_site.settings.production",
        "DJANGO_SECRET_KEY": "a-production-like-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "presse.fcrin.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_uploads_refuse_svg_and_documents_download():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert "svg" not in settings.WAGTAILDOCS_EXTENSIONS
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == []


def test_base_settings_are_safe_by_default():
    from fcrin_site.settings import base

    assert base.DEBUG is False
    assert base.TIME_ZONE == "Europe/Paris"
    assert base.LANGUAGE_CODE == "fr"
