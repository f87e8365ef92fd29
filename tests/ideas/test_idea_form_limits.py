"""The idea form: the photo needs the uploader's confirmation; each field shows its limit."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

pytestmark = pytest.mark.django_db


def _jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 60)).save(buffer, "JPEG")
    return SimpleUploadedFile("square.jpg", buffer.getvalue(), content_type="image/jpeg")


def _post(client, challenge, **extra):
    data = {
        "title": "Shade sails over the Market Square benches",
        "summary": "Summer afternoons on the square are too hot to sit.",
        "action": "submit",
    }
    data.update(extra)
    return client.post(f"/ideas/new/{challenge.pk}/", data)


def test_a_photo_without_the_uploaders_confirmation_is_refused(client, challenge, author):
    client.force_login(author)
    response = _post(client, challenge, photo=_jpeg(), photo_alt="The square at noon, no shade")
    assert response.status_code == 400
    assert "Please confirm that you may share this photo" in response.content.decode()
    assert not author.ideas.exists()
    ok = _post(client, challenge, photo=_jpeg(), photo_alt="The square at noon, no shade", photo_consent="on")
    assert ok.status_code == 302
    assert author.ideas.get().image is not None


def test_each_field_shows_its_limit_and_the_description_is_capped_in_words(client, challenge, author):
    client.force_login(author)
    form = client.get(f"/ideas/new/{challenge.pk}/").content.decode()
    assert 'data-char-limit="140"' in form and 'maxlength="140"' in form and "At most 140 characters." in form
    assert 'data-word-limit="600"' in form and "At most 600 words." in form
    response = _post(client, challenge, body="bench " * 601)
    assert response.status_code == 400
    assert "Please shorten the description to 600 words (it has 601)." in response.content.decode()
