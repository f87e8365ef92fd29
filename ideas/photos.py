"""Photos of ideas: checked from their bytes, re-encoded so that no metadata (EXIF, GPS)
survives, and stored as Wagtail images so the site serves renditions for lists and pages."""

import io
import re
import secrets
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, UnidentifiedImageError

# Whoever adds a photo (the idea form, the API) promises this first.
PHOTO_CONSENT_REQUIRED = gettext_lazy(
    "Please confirm that you may share this photo and that it shows no one without their agreement."
)

# Detected format -> file extension of the re-encoded photo.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAGIC = {
    "JPEG": (b"\xff\xd8\xff",),
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "WEBP": (b"RIFF",),
}
# Markup or archives hidden inside an image file: a polyglot meant to be read as something else.
_SMUGGLED = re.compile(rb"<\s*(script|html|svg|\?php|iframe|body)|PK\x03\x04|%PDF-", re.IGNORECASE)
LIST_RENDITION = "fill-640x400"
DETAIL_RENDITION = "max-1200x900"


@dataclass(frozen=True)
class PreparedPhoto:
    content: bytes
    extension: str
    width: int
    height: int


def _max_bytes() -> int:
    return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def _max_pixels() -> int:
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _trailing_data(data: bytes, image_format: str) -> bool:
    """Bytes after the image's own end marker: a file that is also something else.

    Phones append their own data to JPEGs (extra pictures, maker trailers); re-encoding drops
    it, so for JPEG only markup or archives (checked separately) count."""
    if image_format == "JPEG":
        return False
    if image_format == "PNG":
        end = data.rfind(b"IEND")
        return end == -1 or len(data) - (end + 8) > 0
    if image_format == "WEBP":
        declared = int.from_bytes(data[4:8], "little") + 8
        return len(data) > declared + 1
    return True


def prepare_photo(upload) -> PreparedPhoto:
    """Check an uploaded photo from its bytes (never its name) and re-encode it.

    Refused, with a message a resident understands: files over the size limit, anything but
    JPEG, PNG or WebP (an SVG or a renamed document), images over the pixel limit
    (decompression bombs), and files that carry something else inside (polyglots)."""
    size = getattr(upload, "size", None)
    if size is not None and size > _max_bytes():
        raise ValidationError(
            _("This photo is too large (at most %(mb)s MB).") % {"mb": _max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(_max_bytes() + 1)
    if len(data) > _max_bytes():
        raise ValidationError(
            _("This photo is too large (at most %(mb)s MB).") % {"mb": _max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    not_a_photo = ValidationError(
        _("Please choose a photo in JPEG, PNG or WebP format. This file is not one, whatever its name says."),
        code="invalid_format",
    )
    detected = next(
        (name for name, prefixes in MAGIC.items() if any(data.startswith(prefix) for prefix in prefixes)), None
    )
    if detected == "WEBP" and data[8:12] != b"WEBP":
        detected = None
    if detected is None:
        raise not_a_photo
    if detected == "JPEG" and b"\xff\xd9" not in data:
        raise not_a_photo  # cut short: no end of image
    if _SMUGGLED.search(data) or _trailing_data(data, detected):
        raise ValidationError(
            _("This file contains more than a photo, so it cannot be accepted. Please export the photo again."),
            code="polyglot",
        )
    too_many_pixels = ValidationError(
        _("This photo has too many pixels (at most %(mp)s megapixels). Please resize it.")
        % {"mp": _max_pixels() // 1_000_000},
        code="too_many_pixels",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data), formats=[detected]) as probe:
                width, height = probe.size
                if width * height > _max_pixels():
                    raise too_many_pixels
                probe.verify()
            with PILImage.open(io.BytesIO(data), formats=[detected]) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                return _re_encode(image, detected)
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        raise too_many_pixels from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise not_a_photo from exc


def _pixels_only(image: PILImage.Image, mode: str) -> PILImage.Image:
    """A new image holding only the pixels, in sRGB: Pillow carries ``info`` (JPEG comments,
    XMP, ICC profiles) over to ``convert()`` and writes some of it back on save."""
    icc = image.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the pixels as they are
    converted = image.convert(mode)
    return PILImage.frombytes(mode, converted.size, converted.tobytes())


def _re_encode(image: PILImage.Image, image_format: str) -> PreparedPhoto:
    """Write the pixels only: no EXIF, GPS, XMP, ICC profile or comment survives."""
    out = io.BytesIO()
    if image_format == "JPEG":
        _pixels_only(image, "RGB").save(out, "JPEG", quality=85, optimize=True)
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info else "RGB"
        if image_format == "PNG":
            _pixels_only(image, mode).save(out, "PNG", optimize=True)
        else:
            _pixels_only(image, mode).save(out, "WEBP", quality=85)
    return PreparedPhoto(
        content=out.getvalue(), extension=ACCEPTED_FORMATS[image_format], width=image.width, height=image.height
    )


def store_photo(photo: PreparedPhoto, *, alt: str, title: str, owner):
    """Save a prepared photo as a Wagtail image in the root collection, under a random file
    name: the address of a photo (and of its renditions) cannot be guessed."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    image = image_model(
        title=title[:255],
        description=alt[:255],
        uploaded_by_user=owner,
        file=ImageFile(io.BytesIO(photo.content), name=f"{secrets.token_urlsafe(18)}.{photo.extension}"),
    )
    image.save()
    return image
