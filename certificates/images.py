"""Checking and preparing the images of a certificate template with Pillow.

An upload is judged by its content, never its name: Pillow must recognise PNG, JPEG or WebP.
The file size is checked before Pillow opens it and the pixel count before any pixel is
decoded (Pillow reads only the header on open), so a decompression bomb is refused without
being expanded. The signature and the seal are printed over the page, so they must have a
transparent background. Accepted images are turned the way up their EXIF orientation says,
scaled down to their print size and stored
normalised (PNG for signature and seal, JPEG for the background), which keeps PDFs small.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 20_000_000
FORMATS = {"PNG", "JPEG", "WEBP"}


@dataclass(frozen=True)
class Slot:
    """One image of the template: its print size in pixels (300 dpi) and whether it must be
    transparent."""

    name: str
    max_size: tuple[int, int]
    transparent: bool


SLOTS = {
    "signature_image": Slot("signature", (600, 320), transparent=True),
    "seal_image": Slot("seal", (480, 480), transparent=True),
    # A4 landscape at 150 dpi: enough for a decorative frame, small in the PDF.
    "background_image": Slot("background", (1754, 1240), transparent=False),
}


def _has_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA"):
        return image.getextrema()[-1][0] < 255
    return "transparency" in image.info


def _opened(upload) -> Image.Image:
    """The image, opened (header only) and checked for size, format and pixel count."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The image is too large (%(size).1f MB); the limit is %(limit)d MB.")
            % {"size": upload.size / 1024 / 1024, "limit": MAX_BYTES // 1024 // 1024}
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=sorted(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_too_many_pixels()) from None
    except (OSError, ValueError, SyntaxError):
        raise ValidationError(
            _("This file is not an image we can use. Upload a PNG, JPEG or WebP image.")
        ) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(_too_many_pixels())
    return image


def _too_many_pixels() -> str:
    return _("The image has too many pixels; the limit is %(limit)d megapixels.") % {
        "limit": MAX_PIXELS // 1_000_000
    }


def image_prepare(upload, *, field: str) -> SimpleUploadedFile:
    """Check an uploaded template image and return it prepared for printing, or raise
    ValidationError with a message for the person who uploaded it."""
    slot = SLOTS[field]
    image = _opened(upload)
    try:
        image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("The image is damaged and cannot be read.")) from None
    # A phone photo keeps the sensor's pixels and an EXIF note of how to turn them; the stored
    # image is written without EXIF, so turn it now or it prints on its side.
    image = ImageOps.exif_transpose(image)
    if slot.transparent and not _has_transparency(image):
        raise ValidationError(
            _(
                "The signature and the seal must be PNG (or WebP) images with a transparent "
                "background, so that they print over the page. Remove the white background "
                "first."
            )
        )
    image = image.convert("RGBA" if slot.transparent else "RGB")
    image.thumbnail(slot.max_size, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    if slot.transparent:
        image.save(output, "PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        image.save(output, "JPEG", quality=85, optimize=True)
        extension, content_type = "jpg", "image/jpeg"
    return SimpleUploadedFile(f"{slot.name}.{extension}", output.getvalue(), content_type)
