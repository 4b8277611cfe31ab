"""The PDF: A4 landscape, every Vietnamese diacritic as text in an embedded font, a QR code with
the verification address; rendered after issue, stored, re-rendered on demand; downloaded
only by its holder (and staff)."""

import ctypes
import io
import logging

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
import zxingcpp

from certificates import services
from certificates.pdf import image_data_uri, render_pdf
from tests.factories import UserFactory

from .factories import HOLDER_NAME, completed_enrolment, course_with_template, holder

pytestmark = pytest.mark.django_db

A4_LANDSCAPE = (841.89, 595.28)  # points


def pdf_text_and_qr(content: bytes) -> tuple[str, list[str], tuple[float, float]]:
    """The text layer, the QR codes found on the rasterised page, and the page size."""
    document = pdfium.PdfDocument(content)
    try:
        page = document[0]
        text = page.get_textpage().get_text_range()
        image = page.render(scale=2).to_pil()
        size = page.get_size()
    finally:
        document.close()
    return text, [code.text for code in zxingcpp.read_barcodes(image)], size


def pdf_fonts(content: bytes) -> set[tuple[str, bool]]:
    """(base font name, embedded?) of every font the page's text is drawn with."""
    document = pdfium.PdfDocument(content)
    fonts = set()
    try:
        for text in document[0].get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_TEXT]):
            font = pdfium_raw.FPDFTextObj_GetFont(text.raw)
            size = pdfium_raw.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(size)
            pdfium_raw.FPDFFont_GetBaseFontName(font, name, size)
            # Subset fonts are named "ABCDEF+Name".
            fonts.add(
                (name.value.decode().split("+")[-1], bool(pdfium_raw.FPDFFont_GetIsEmbedded(font)))
            )
    finally:
        document.close()
    return fonts


@pytest.fixture
def certificate(demo, django_capture_on_commit_callbacks):
    course = course_with_template(title="Kỹ năng phổ biến dự thảo: Ưu tiên Đồng bào Dân tộc")
    enrolment = completed_enrolment(course=course, user=holder(birth_year=1979), score=92)
    with django_capture_on_commit_callbacks(execute=True):  # the PDF task runs on commit
        return services.certificate_issue(enrolment_id=enrolment.pk)


def test_issuing_renders_and_stores_a_pdf_that_says_everything(certificate):
    certificate.refresh_from_db()
    assert certificate.pdf.name and certificate.pdf_rendered_at is not None
    assert certificate.events.filter(action="rendered").exists()
    with certificate.pdf.open("rb") as stored:
        content = stored.read()
    assert content.startswith(b"%PDF")
    text, codes, size = pdf_text_and_qr(content)
    assert size == pytest.approx(A4_LANDSCAPE, abs=1)
    # The text layer holds the composed Vietnamese letters, so every diacritic was drawn from
    # the font (a missing glyph would extract as nothing or a box).
    for expected in (
        HOLDER_NAME,
        "Kỹ năng phổ biến dự thảo: Ưu tiên Đồng bào Dân tộc",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "GIẤY CHỨNG NHẬN",
        "SỞ TƯ PHÁP TỈNH LẠNG SƠN",
        "Năm sinh: 1979",
        "Hoàn thành, điểm 92/100",
        certificate.snapshot["date_text"],
        certificate.serial,
        "Hoàng Văn Dũng",
    ):
        assert expected in text
    assert codes == [certificate.snapshot["verify_url"]]
    # Be Vietnam Pro (declared as "Certificate Sans") is embedded in every style used.
    assert pdf_fonts(content) == {
        ("Certificate-Sans", True),
        ("Certificate-Sans-Bold", True),
        ("Certificate-Sans-Italic", True),
    }


def test_every_vietnamese_letter_survives_the_pdf():
    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    name = f"{letters} {letters.upper()}"
    text, _, _ = pdf_text_and_qr(render_pdf({"holder_name": name, "verify_url": "http://x/"}))
    assert name.replace(" ", "") in "".join(text.split())  # the long name wraps


def test_the_holder_downloads_the_pdf_and_others_cannot(client, certificate):
    url = f"/hoc-tap/chung-chi/{certificate.code}/pdf/"
    assert client.get(url).status_code == 302  # to the log-in
    client.force_login(UserFactory(username="nguoi.khac"))
    assert client.get(url).status_code == 404
    client.force_login(certificate.user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_a_missing_pdf_is_rendered_again_from_the_snapshot(client, certificate):
    certificate.refresh_from_db()
    certificate.pdf.storage.delete(certificate.pdf.name)
    client.force_login(certificate.user)
    response = client.get(f"/hoc-tap/chung-chi/{certificate.code}/pdf/")
    assert response.status_code == 200
    text, codes, _ = pdf_text_and_qr(response.content)
    assert HOLDER_NAME in text and codes == [certificate.snapshot["verify_url"]]
    certificate.refresh_from_db()
    assert certificate.pdf.storage.exists(certificate.pdf.name)


def test_the_course_page_offers_the_download_once_completed(client, certificate):
    client.force_login(certificate.user)
    page = client.get(certificate.course.url).content.decode()
    assert f"/hoc-tap/chung-chi/{certificate.code}/pdf/" in page
    assert "Tải giấy chứng nhận (PDF)" in page


def test_a_missing_image_is_logged_and_found_once_it_is_back(settings, tmp_path, caplog):
    # A seal missing for a moment (storage hiccup, restore in progress) must not be remembered
    # as "no seal" for every later PDF of this process.
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    name = "certificates/templates/con-dau-tam-vang.png"
    with caplog.at_level(logging.ERROR, logger="certificates.pdf"):
        assert image_data_uri(name) == ""
    assert name in caplog.text

    png = io.BytesIO()
    Image.new("RGBA", (20, 20), (200, 16, 46, 128)).save(png, "PNG")
    assert default_storage.save(name, ContentFile(png.getvalue())) == name
    assert image_data_uri(name).startswith("data:image/png;base64,")
