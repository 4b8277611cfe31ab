"""Certificate templates in the admin: images judged by their content and prepared for print,
refusals in Vietnamese, the live preview; issued certificates revoked with a reason; a class's
certificates issued by its trainer."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from certificates import services
from certificates.models import Certificate, CertificateTemplate
from people.models import TrainingClass
from people.roles import TRAINERS_GROUP
from tests.factories import UserFactory

from .factories import (
    CertificateTemplateFactory,
    completed_enrolment,
    course_with_template,
    holder,
    issuing_agency,
)
from .test_issue import _class_with

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/certificates/certificatetemplate/add/"


def png(size=(800, 400), mode="RGBA", color=(0, 0, 120, 0), fmt="PNG") -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, color).save(output, fmt)
    return output.getvalue()


def upload(content: bytes, name: str = "chu-ky.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/png")


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="quantri.mau", is_superuser=True, is_staff=True))
    return client


def form_data(**files) -> dict:
    return {
        "name": "Mẫu Sở Tư pháp",
        "issuing_agency": issuing_agency().pk,
        "governing_body": "UBND tỉnh Lạng Sơn",
        "issuer_name": "Sở Tư pháp tỉnh Lạng Sơn",
        "serial_suffix": "GCN-STP",
        "place": "Lạng Sơn",
        "title": "GIẤY CHỨNG NHẬN",
        "body_text": "Đã hoàn thành khóa bồi dưỡng",
        "signer_title": "Giám đốc",
        "signer_name": "Hoàng Văn Dũng",
        **files,
    }


def test_a_template_with_proper_images_is_saved_with_them_prepared(admin_client):
    signature = png(size=(2400, 1200))  # a big scan: scaled to print size
    background = png(size=(800, 600), mode="RGB", color=(250, 245, 230), fmt="WEBP")
    response = admin_client.post(
        ADD_URL,
        form_data(
            signature_image=upload(signature),
            seal_image=upload(png(size=(500, 500))),
            background_image=upload(background, "nen.webp"),
        ),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    template = CertificateTemplate.objects.get(name="Mẫu Sở Tư pháp")
    with template.signature_image.open("rb") as stored:
        prepared = Image.open(stored)
        assert prepared.format == "PNG" and prepared.mode == "RGBA"
        assert prepared.size == (600, 300)
    with template.background_image.open("rb") as stored:
        assert Image.open(stored).format == "JPEG"


@pytest.mark.parametrize(
    ("field", "content", "message"),
    [
        ("signature_image", b"%PDF-1.4 not an image at all", "không phải là ảnh dùng được"),
        ("seal_image", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "không phải là ảnh dùng được"),
        ("background_image", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1), "Ảnh quá lớn"),
        # Decompression bombs made with Pillow: tiny files, huge pixel counts. The first is
        # over our limit, the second over Pillow's own bomb threshold.
        ("background_image", None, "quá nhiều điểm ảnh"),
        ("background_image", "pillow-bomb", "quá nhiều điểm ảnh"),
        # Printed over the page: an opaque signature would hide it.
        ("signature_image", png(mode="RGB", color=(255, 255, 255)), "nền trong suốt"),
        ("seal_image", png(fmt="JPEG", mode="RGB", color=(255, 0, 0)), "nền trong suốt"),
    ],
)
def test_bad_images_are_refused_with_a_message(admin_client, field, content, message):
    if content is None:
        content = png(size=(6000, 4000), mode="1", color=0)  # 24 megapixels
    elif content == "pillow-bomb":
        content = png(size=(10000, 9500), mode="1", color=0)  # 95 megapixels, 12 KB
    response = admin_client.post(ADD_URL, form_data(**{field: upload(content)}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CertificateTemplate.objects.filter(name="Mẫu Sở Tư pháp").exists()


def test_a_phone_photo_is_stored_the_way_up_it_was_taken():
    # Phones store the sensor's pixels and an EXIF note "turn me 90 degrees": a background
    # photographed upright must not print lying on its side.
    from PIL import ImageOps

    from certificates.images import image_prepare

    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to view
    output = io.BytesIO()
    Image.new("RGB", (400, 200), (250, 245, 230)).save(output, "JPEG", exif=exif)
    prepared = image_prepare(upload(output.getvalue(), "nen.jpg"), field="background_image")
    image = Image.open(io.BytesIO(prepared.read()))
    assert image.size == (200, 400)
    assert ImageOps.exif_transpose(image).size == (200, 400)  # no orientation note left


def test_the_certificates_menu_and_template_list_are_vietnamese(admin_client):
    CertificateTemplateFactory(name="Mẫu Sở Tư pháp Lạng Sơn")
    home = admin_client.get("/admin/").content.decode()
    sidebar = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', home, re.S)
    menu = json.dumps(json.loads(sidebar.group(1)), ensure_ascii=False)
    assert "Mẫu giấy chứng nhận" in menu and "Giấy chứng nhận đã cấp" in menu
    listing = admin_client.get("/admin/snippets/certificates/certificatetemplate/")
    assert "Mẫu Sở Tư pháp Lạng Sơn" in listing.content.decode()
    form = admin_client.get(ADD_URL).content.decode()
    for label in ("Đơn vị cấp", "Ký hiệu số hiệu", "Chữ ký", "Con dấu", "Hình nền", "Tối đa 5 MB"):
        assert label in form


def test_the_live_preview_shows_the_layout_as_html_and_as_pdf(admin_client):
    template = CertificateTemplateFactory(issuer_name="Sở Tư pháp tỉnh Cao Bằng")
    preview_url = f"/admin/snippets/certificates/certificatetemplate/preview/{template.pk}/"
    data = form_data(issuer_name="Sở Tư pháp tỉnh Cao Bằng", signer_name="Lương Thị Hạnh")
    assert admin_client.post(preview_url, data).json()["is_valid"] is True
    html = admin_client.get(preview_url).content.decode()
    assert "Lương Thị Hạnh" in html and "GIẤY CHỨNG NHẬN" in html
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html and "<svg" in html
    pdf = admin_client.get(preview_url, {"mode": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_an_admin_revokes_a_certificate_only_with_a_reason(admin_client, demo, settings):
    settings.CERTIFICATE_RENDER_ON_ISSUE = False
    enrolment = completed_enrolment(course=course_with_template())
    certificate = services.certificate_issue(enrolment_id=enrolment.pk)
    detail = f"/admin/chung-nhan/{certificate.pk}/"
    assert certificate.serial in admin_client.get("/admin/chung-nhan/").content.decode()
    assert "Thu hồi giấy chứng nhận này" in admin_client.get(detail).content.decode()

    response = admin_client.post(f"{detail}thu-hoi/", {"revoke-reason": "   "}, follow=True)
    assert "Hãy ghi rõ lý do." in response.content.decode()
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"

    admin_client.post(f"{detail}thu-hoi/", {"revoke-reason": "Hồ sơ không hợp lệ"})
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_reason == "Hồ sơ không hợp lệ"
    page = admin_client.get(detail).content.decode()
    assert "Hồ sơ không hợp lệ" in page and "Thu hồi giấy chứng nhận này" not in page


def test_a_trainer_issues_their_class_certificates_and_others_cannot(client, demo, settings):
    from django.contrib.auth.models import Group

    settings.CERTIFICATE_RENDER_ON_ISSUE = False
    course = course_with_template()
    members = [holder(full_name=f"Thành Viên {n}") for n in range(3)]
    training_class = _class_with(course, members)
    for member in members[:2]:
        completed_enrolment(course=course, user=member)
    trainer = UserFactory(username="giangvien.cn", is_staff=True)
    trainer.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    training_class.trainers.add(trainer)
    url = f"/admin/lop-hoc/{training_class.pk}/chung-nhan/"

    stranger = UserFactory(username="giangvien.khac", is_staff=True)
    stranger.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    client.force_login(stranger)
    assert client.post(url, {"course": course.pk}).status_code == 403
    assert not Certificate.objects.filter(training_class=training_class).exists()

    client.force_login(trainer)
    page = client.get(url).content.decode()
    assert "Cấp các giấy chứng nhận còn thiếu" in page
    response = client.post(url, {"course": course.pk}, follow=True)
    assert "Đã cấp 2 giấy chứng nhận." in response.content.decode()
    issued = Certificate.objects.filter(training_class=training_class)
    assert sorted(issued.values_list("user_id", flat=True)) == sorted(m.pk for m in members[:2])
    assert TrainingClass.objects.get(pk=training_class.pk).certificates.count() == 2
