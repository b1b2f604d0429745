from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

pytestmark = pytest.mark.django_db


def test_documents_are_served_as_downloads(client, home):
    document = get_document_model().objects.create(
        title="Dossier de presse", file=ContentFile(b"%PDF-1.4 demo", name="dossier-de-presse.pdf")
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "dossier-de-presse" in response["Content-Disposition"]


def test_a_downloaded_document_cannot_run_in_the_browser(client, home):
    document = get_document_model().objects.create(
        title="Programme", file=ContentFile(b"%PDF-1.4 <script>alert(1)</script>", name="programme.pdf")
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_the_password_form_of_a_private_document_is_a_page_of_the_site(client, home):
    collection = Collection.get_first_root_node().add_child(name="Sous embargo")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="presse"
    )
    document = get_document_model().objects.create(
        title="Dossier", collection=collection, file=ContentFile(b"%PDF-1.4 demo", name="dossier.pdf")
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert "sandbox" not in response.get("Content-Security-Policy", "")
    assert "attachment" not in response.get("Content-Disposition", "")
