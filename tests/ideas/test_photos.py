"""Photos are checked from their bytes and re-encoded without metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ideas.photos import prepare_photo


def _upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _image_bytes(fmt: str, size=(80, 60), **save) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, fmt, **save)
    return buffer.getvalue()


def _jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (52.0, 22.0, 1.0), 3: "E", 4: (4.0, 53.0, 2.0)}  # GPS
    return _image_bytes("JPEG", exif=exif.tobytes())


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_accepted_formats_are_re_encoded(fmt):
    photo = prepare_photo(_upload(_image_bytes(fmt), name="anything.bin"))
    assert photo.extension == {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[fmt]
    assert (photo.width, photo.height) == (80, 60)


def test_no_exif_or_gps_survives():
    original = _jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif()
    photo = prepare_photo(_upload(original))
    cleaned = Image.open(io.BytesIO(photo.content))
    assert not cleaned.getexif()
    assert b"PhoneMaker" not in photo.content


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg", "JPEG, PNG or WebP"),
        (b"%PDF-1.7 a renamed document", "holiday.jpg", "JPEG, PNG or WebP"),
        (_image_bytes("GIF"), "animated.png", "JPEG, PNG or WebP"),
        (_image_bytes("JPEG") + b"<html><script>alert(1)</script></html>", "polyglot.jpg", "more than a photo"),
        (_image_bytes("PNG") + b"PK\x03\x04zipped", "polyglot.png", "more than a photo"),
        (_image_bytes("JPEG")[:200], "cut.jpg", "JPEG, PNG or WebP"),
        (_image_bytes("JPEG") + b"%PDF-1.4 hidden document", "polyglot.jpg", "more than a photo"),
    ],
)
def test_dangerous_or_fake_files_are_refused_with_a_clear_message(data, name, message):
    with pytest.raises(ValidationError) as error:
        prepare_photo(_upload(data, name))
    assert message in error.value.messages[0]


def test_a_phone_trailer_after_the_jpeg_is_accepted_and_dropped():
    photo = prepare_photo(_upload(_image_bytes("JPEG") + b"SEFH" + b"\0" * 64 + b"SEFT"))
    assert b"SEFT" not in photo.content


def test_decompression_bomb_is_refused(settings):
    # A tiny PNG that claims 10,000 x 10,000 pixels.
    bomb = _image_bytes("PNG", size=(10_000, 10_000), optimize=True)
    assert len(bomb) < 1_000_000
    with pytest.raises(ValidationError) as error:
        prepare_photo(_upload(bomb, "bomb.png"))
    assert "too many pixels" in error.value.messages[0]


def test_files_over_the_size_limit_are_refused(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    with pytest.raises(ValidationError) as error:
        prepare_photo(_upload(_image_bytes("PNG", size=(400, 400)) + b"\0" * 2000))
    assert "too large" in error.value.messages[0]
