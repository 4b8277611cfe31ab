"""The certificate as a PDF (WeasyPrint, A4 landscape), rendered from its snapshot alone.

Be Vietnam Pro is embedded from the fontpkg package's TTF files (regular, italic, bold, bold
italic all declared, so WeasyPrint never fakes a style and every stacked diacritic comes from
the font). The font configuration and the parsed stylesheet are built once per process and
reused: parsing them is most of the cost of a small document. Images (signature, seal,
background) are read through the storage API, so they work on S3 as on disk, and kept in a
small per-process cache keyed by their storage name (a re-uploaded image gets a new name). An
image missing from storage is logged as an error and looked for again next time, never
remembered as absent.
"""

import atexit
import base64
import logging
import mimetypes
from functools import lru_cache
from pathlib import Path

import segno
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

TEMPLATE = "certificates/pdf.html"
CSS_FILE = Path(__file__).resolve().parent / "static" / "certificates" / "pdf.css"
FONT_FAMILY = "Certificate Sans"
FONT_FACES = (  # (file, weight, style)
    ("BeVietnamPro-Regular.ttf", 400, "normal"),
    ("BeVietnamPro-Italic.ttf", 400, "italic"),
    ("BeVietnamPro-Bold.ttf", 700, "normal"),
    ("BeVietnamPro-BoldItalic.ttf", 700, "italic"),
)


def font_dir() -> Path:
    import fontpkg_be_vietnam_pro

    return Path(fontpkg_be_vietnam_pro.__file__).resolve().parent / "files"


def font_face_css() -> str:
    """@font-face rules pointing at the packaged TTF files (file:// URLs)."""
    rules = []
    for filename, weight, style in FONT_FACES:
        url = (font_dir() / filename).as_uri()
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{url}"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)


def page_css() -> str:
    return CSS_FILE.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _weasy():
    """(FontConfiguration, parsed stylesheet), once per process."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    stylesheet = CSS(string=font_face_css() + "\n" + page_css(), font_config=fonts)
    return fonts, stylesheet


# Let the font configuration go while the interpreter is whole (its finaliser needs modules
# that shutdown would already have torn down).
atexit.register(_weasy.cache_clear)


@lru_cache(maxsize=32)
def _stored_data_uri(name: str) -> str:
    """Raises FileNotFoundError, which lru_cache does not remember."""
    if not default_storage.exists(name):
        raise FileNotFoundError(name)
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    kind = mimetypes.guess_type(name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def image_data_uri(name: str) -> str:
    """A stored image as a data: URI ("" when the name is empty or the file is gone)."""
    if not name:
        return ""
    try:
        return _stored_data_uri(name)
    except FileNotFoundError:
        logger.error("certificate image %s is missing from storage: printed without it", name)
        return ""


def qr_svg(url: str) -> str:
    """The verification URL as an inline SVG QR code (error correction M survives a crease)."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=4, border=0, omitsize=True, dark="#000")


def html_for(snapshot: dict, *, images: bool = True) -> str:
    """The certificate's HTML (for WeasyPrint, or for the admin's preview)."""
    context = {
        "c": snapshot,
        "qr": qr_svg(snapshot.get("verify_url") or "-"),
        "signature": image_data_uri(snapshot.get("signature_image", "")) if images else "",
        "seal": image_data_uri(snapshot.get("seal_image", "")) if images else "",
        "background": image_data_uri(snapshot.get("background_image", "")) if images else "",
    }
    return render_to_string(TEMPLATE, context)


def render_pdf(snapshot: dict) -> bytes:
    """The PDF of a certificate, from its snapshot."""
    from weasyprint import HTML

    fonts, stylesheet = _weasy()
    document = HTML(string=html_for(snapshot), base_url=str(font_dir()))
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)
