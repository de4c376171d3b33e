"""Uploads are limited in size and type: images (Wagtail's checks, with our size limit)
and documents (only the listed extensions); what is refused is named and not stored."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    return client


def png(size=(640, 480)) -> SimpleUploadedFile:
    return SimpleUploadedFile("kuva.png", get_test_image_file(size=size).file.getvalue())


def upload_image(client, file):
    return client.post("/admin/images/add/", {"title": "Kuva", "file": file, "collection": 1})


def errors(response) -> str:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(e.get_text(" ", strip=True) for e in page.select(".error-message"))


def test_an_image_too_large_or_not_an_image_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = upload_image(admin_client, png())
    assert response.status_code == 200
    assert "Tiedosto on liian suuri" in errors(response)  # the admin speaks Finnish
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    fake = SimpleUploadedFile("kuva.png", b"<script>alert(1)</script>", "image/png")
    response = upload_image(admin_client, fake)
    assert response.status_code == 200
    assert "Ei kelvollinen .png-kuva" in errors(response)  # a script is not an image
    assert not get_image_model().objects.exists()
    assert upload_image(admin_client, png()).status_code == 302
    assert get_image_model().objects.count() == 1


def test_a_document_of_an_unlisted_type_is_refused(admin_client):
    program = SimpleUploadedFile("ohjelma.exe", b"MZ\x90\x00", "application/octet-stream")
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Ohjelma", "file": program, "collection": 1}
    )
    assert response.status_code == 200
    assert 'Pääte "exe" ei ole sallittu' in errors(response)
    assert not get_document_model().objects.exists()
