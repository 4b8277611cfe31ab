"""The demo's certificates: a template of the Lạng Sơn Department of Justice (serial "GCN-STP")
with a signature and a seal drawn here with Pillow (transparent PNGs, nothing to download), set
on the demo courses, and the certificates of the demo trainees who have completed one (ls.hoa
finishes the Lạng Sơn course in `people.seed_progress`), issued through the certificates
service as a completion would. Idempotent: what exists is kept; images missing from storage
(a fresh media folder) are drawn again. PDFs render in the background as usual; the demo sends
no letters.
"""

import io
import math

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from certificates.mail import NO_MAIL_REASON
from certificates.models import Certificate, CertificateEvent, CertificateTemplate
from courses.models import CoursePage
from courses.records import Enrolment

from . import content
from .people import redate

SERIAL_SUFFIX = "GCN-STP"
TEMPLATE = {
    "name": "Sở Tư pháp tỉnh Lạng Sơn",
    "governing_body": "UBND TỈNH LẠNG SƠN",
    "issuer_name": "SỞ TƯ PHÁP TỈNH LẠNG SƠN",
    "place": "Lạng Sơn",
    "title": "GIẤY CHỨNG NHẬN",
    "body_text": "Đã hoàn thành khóa bồi dưỡng",
    "signer_title": "GIÁM ĐỐC",
    "signer_name": "Hoàng Văn Dũng",
}
SEAL_RED = (200, 16, 46, 235)
INK_BLUE = (22, 45, 120, 255)


def _font(size: int):
    try:
        import fontpkg_be_vietnam_pro  # noqa: F401 - the PDF's font, installed with the project

        from certificates.pdf import font_dir

        return ImageFont.truetype(str(font_dir() / "BeVietnamPro-Bold.ttf"), size)
    except (ImportError, OSError):
        return ImageFont.load_default(size)


def _png(image: Image.Image) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue())


def seal_png(text: str = "SỞ TƯ PHÁP TỈNH LẠNG SƠN") -> ContentFile:
    """A round red seal: two rings, the agency's name around, a star in the middle."""
    size, centre = 400, 200
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), outline=SEAL_RED, width=12)
    draw.ellipse((86, 86, size - 86, size - 86), outline=SEAL_RED, width=5)
    star = [
        (
            centre + (70 if i % 2 == 0 else 28) * math.sin(math.pi * i / 5),
            centre - (70 if i % 2 == 0 else 28) * math.cos(math.pi * i / 5),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill=SEAL_RED)
    font = _font(34)
    letters = f"{text} · "
    for index, letter in enumerate(letters):
        angle = 2 * math.pi * index / len(letters)
        glyph = Image.new("RGBA", (48, 48), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((24, 24), letter, font=font, fill=SEAL_RED, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.BICUBIC)
        x = centre + 145 * math.sin(angle) - 24
        y = centre - 145 * math.cos(angle) - 24
        image.alpha_composite(glyph, (round(x), round(y)))
    return _png(image)


def signature_png() -> ContentFile:
    """A handwritten-looking flourish in blue ink."""
    width, height = 560, 220
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(240):
        t = step / 239
        x = 40 + 470 * t + 30 * math.sin(9 * math.pi * t)
        y = 120 - 55 * math.sin(5 * math.pi * t) * (1 - t * 0.6) - 25 * math.cos(13 * t)
        points.append((x, y))
    draw.line(points, fill=INK_BLUE, width=5, joint="curve")
    draw.line([(70, 175), (300, 160), (500, 168)], fill=INK_BLUE, width=4, joint="curve")
    return _png(image)


def _missing(field) -> bool:
    return not field or not field.storage.exists(field.name)


def seed_template(report) -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(serial_suffix=SERIAL_SUFFIX).first()
    if template is None:
        template = CertificateTemplate.objects.create(serial_suffix=SERIAL_SUFFIX, **TEMPLATE)
        report.add(f"certificate template: {template.name}")
    drawn = []
    if _missing(template.signature_image):
        template.signature_image.save("chu-ky-giam-doc-stp.png", signature_png(), save=False)
        drawn.append("signature_image")
    if _missing(template.seal_image):
        template.seal_image.save("con-dau-stp-lang-son.png", seal_png(), save=False)
        drawn.append("seal_image")
    if drawn:
        template.save(update_fields=drawn)
    return template


def seed_course_templates(template: CertificateTemplate, report) -> list[CoursePage]:
    """The demo courses issue the template's certificates. Written into the live row and into
    the latest revision (what the admin's editor opens and a later publish copies), which is
    what publishing a revision would do, at a tenth of its cost."""
    slugs = [course["slug"] for course in content.COURSES]
    courses = list(CoursePage.objects.filter(slug__in=slugs))
    for course in courses:
        if course.certificate_template_id is not None:
            continue
        CoursePage.objects.filter(pk=course.pk).update(certificate_template=template)
        course.certificate_template = template
        revision = course.latest_revision
        if revision is not None:
            revision.content["certificate_template"] = template.pk
            revision.save(update_fields=["content"])
        report.add(f"certificates for: {course.title}")
    return courses


def seed_holders(courses: list[CoursePage], report) -> None:
    """A certificate for every completed enrolment in the demo courses that has none yet."""
    from certificates.services import NotIssuable, certificate_issue

    done = Certificate.objects.filter(course__in=courses).values_list("enrolment_id", flat=True)
    due = Enrolment.objects.filter(
        course__in=courses, completed_at__isnull=False, course__certificate_template__isnull=False
    ).exclude(pk__in=done)
    for enrolment in due.order_by("completed_at"):
        try:
            # Dated at completion, as the completion's own issuing would (demo dates: 2026).
            certificate = certificate_issue(
                enrolment_id=enrolment.pk, issued_at=enrolment.completed_at
            )
        except NotIssuable:
            continue
        CertificateEvent.objects.create(
            certificate=certificate, action=CertificateEvent.Action.ISSUED, reason=NO_MAIL_REASON
        )
        redate(
            CertificateEvent.objects.filter(certificate=certificate), certificate.issued_at, "at"
        )
        report.add(f"certificate: {certificate.serial} ({enrolment.user.username})")


def seed_certificates(report) -> None:
    template = seed_template(report)
    courses = seed_course_templates(template, report)
    seed_holders(courses, report)
