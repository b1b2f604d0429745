from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

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
