"""Photos of ideas that are not public reach only those who may see the idea; file names
cannot be guessed; no metadata (a JPEG comment carrying markup included) survives in the
stored original or any rendition."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ideas import services
from ideas.photos import DETAIL_RENDITION, LIST_RENDITION
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

XSS = b"<img src=x onerror=alert(1)>"
# Markers a re-encoded JPEG needs; anything else (COM, APP1 EXIF/XMP, APP2 ICC, APP13...) is
# metadata. APP0 is the JFIF header libjpeg writes.
PIXEL_MARKERS = {0xD8, 0xE0, 0xDB, 0xC0, 0xC1, 0xC2, 0xC4, 0xDD, 0xDA}


def _jpeg_with_comment() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (70, 140, 60)).save(buffer, "JPEG", quality=90, comment=XSS)
    data = buffer.getvalue()
    assert XSS in data and _markers(data) & {0xFE}
    return data


def _markers(data: bytes) -> set[int]:
    """The segment markers of a JPEG up to the start of scan."""
    found, position = set(), 2
    found.add(0xD8)
    while position < len(data) - 4 and data[position] == 0xFF:
        marker = data[position + 1]
        found.add(marker)
        if marker == 0xDA:
            break
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")
    return found


def _share(challenge, author, *, submit=True, title="Shade sails over the Riverside playground"):
    upload = SimpleUploadedFile("playground.jpg", _jpeg_with_comment(), content_type="image/jpeg")
    return services.idea_create(
        challenge=challenge,
        author=author,
        title=title,
        summary="The slide gets too hot to touch from June; sails would let children play at noon.",
        photo=upload,
        photo_alt="The playground slide in full sun",
        photo_consent=True,
        submit=submit,
    )


def _read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def test_a_jpeg_comment_survives_in_no_stored_file(challenge, author):
    idea = _share(challenge, author)
    files = [_read(idea.image.file)]
    files += [_read(idea.image.get_rendition(spec).file) for spec in (LIST_RENDITION, DETAIL_RENDITION)]
    for data in files:
        assert b"onerror" not in data
        assert _markers(data) <= PIXEL_MARKERS, sorted(hex(marker) for marker in _markers(data))


def test_photo_file_names_cannot_be_guessed(challenge, author):
    first = _share(challenge, author)
    second = _share(challenge, author, title="Drinking fountain by the Riverside courts")
    names = [first.image.file.name, second.image.file.name]
    assert not any("idea-photo" in name or "playground" in name for name in names)
    assert len({name.rsplit("/", 1)[-1].split(".")[0] for name in names}) == 2
    assert all(len(name.rsplit("/", 1)[-1].split(".")[0]) >= 20 for name in names)


def _media_path(url: str) -> str:
    assert url.startswith("/media/")
    return url


def test_a_drafts_photo_is_hidden_from_visitors_and_shown_to_its_author(client, challenge, author):
    draft = _share(challenge, author, submit=False)
    original = "/media/" + draft.image.file.name
    rendition = draft.image.get_rendition(DETAIL_RENDITION).url
    protected = f"/ideas/{draft.pk}/photo/detail/"

    for path in (original, rendition, protected):
        assert client.get(path).status_code == 404, path
    client.force_login(UserFactory(roles=["Residents"]))
    for path in (original, rendition, protected):
        assert client.get(path).status_code == 404, path

    client.force_login(author)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert protected in page and rendition not in page
    response = client.get(protected)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    api = client.get(f"/api/v1/ideas/{draft.pk}/").json()
    assert api["photo"]["url"] == protected


def test_a_withdrawn_ideas_photo_disappears_from_its_old_address(client, challenge, author):
    idea = _share(challenge, author)
    rendition = idea.image.get_rendition(LIST_RENDITION).url
    assert client.get(_media_path(rendition)).status_code == 200

    services.idea_withdraw(idea=idea, actor=author)

    assert client.get(rendition).status_code == 404
    assert client.get(f"/ideas/{idea.pk}/photo/list/").status_code == 404


def test_public_ideas_keep_fast_rendition_addresses(client, challenge, author):
    idea = _share(challenge, author)
    page = client.get(challenge.url).content.decode()
    rendition = idea.image.get_rendition(LIST_RENDITION).url
    assert rendition in page
    assert client.get(rendition).status_code == 200
    api = client.get(f"/api/v1/ideas/{idea.pk}/").json()
    assert api["photo"]["url"].startswith("/media/images/")


def test_a_photo_without_the_uploaders_promise_is_refused_by_the_service(challenge, author):
    from innovation.errors import Invalid

    upload = SimpleUploadedFile("playground.jpg", _jpeg_with_comment(), content_type="image/jpeg")
    with pytest.raises(Invalid) as refused:
        services.idea_create(
            challenge=challenge,
            author=author,
            title="Shade sails over the Riverside playground",
            summary="The slide gets too hot to touch from June; sails would let children play at noon.",
            photo=upload,
            photo_alt="The playground slide in full sun",
        )
    assert "photo_consent" in refused.value.message_dict
    assert not challenge.ideas.exists()
