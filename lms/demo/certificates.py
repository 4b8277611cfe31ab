"""The demo's certificates: two Departments of Justice each with their own template and series
(both print "GCN-STP" and each numbers from 1: Lạng Sơn on the Lạng Sơn courses, Lâm Đồng on the
commune propagandists' course of its class), with a signature, a seal (transparent PNGs) and a
background (guilloche paper, JPEG) drawn here with Pillow, nothing to download, and a few
trainees who finish their class's course through the learning services and hold certificates:

- Hoàng Thị Hoa (ls.hoa) and Vi Văn Tuấn (ls.tuan), Lạng Sơn class: Tuấn's first certificate was
  revoked and reissued (a damaged paper copy), so the history shows the trail;
- Phạm Ngọc Lan (ld.lan), Lâm Đồng class: 1/GCN-STP of the Lâm Đồng series.

Certificates are issued through the certificates service, as a completion would. Idempotent:
what exists is kept; images missing from storage (a fresh media folder) are drawn again. PDFs
render in the background as usual; the demo sends no letters (each certificate gets the
"letter handled" mark first).
"""

import datetime
import io
import math

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from certificates.mail import NO_MAIL_REASON
from certificates.models import Certificate, CertificateEvent, CertificateTemplate
from courses.models import CoursePage
from courses.records import Enrolment
from people.models import Agency

from . import content
from .people import redate

SERIAL_SUFFIX = "GCN-STP"
COMMON = {
    "title": "GIẤY CHỨNG NHẬN",
    "body_text": "Đã hoàn thành khóa bồi dưỡng",
    "signer_title": "GIÁM ĐỐC",
}
# (agency name in people.Agency, template fields, courses: slug prefixes)
TEMPLATES = [
    (
        "Sở Tư pháp tỉnh Lạng Sơn",
        {
            "name": "Sở Tư pháp tỉnh Lạng Sơn",
            "governing_body": "UBND TỈNH LẠNG SƠN",
            "issuer_name": "SỞ TƯ PHÁP TỈNH LẠNG SƠN",
            "place": "Lạng Sơn",
            "signer_name": "Hoàng Văn Dũng",
        },
        ("bao-chi", "to-chuc"),
    ),
    (
        "Sở Tư pháp tỉnh Lâm Đồng",
        {
            "name": "Sở Tư pháp tỉnh Lâm Đồng",
            "governing_body": "UBND TỈNH LÂM ĐỒNG",
            "issuer_name": "SỞ TƯ PHÁP TỈNH LÂM ĐỒNG",
            "place": "Lâm Đồng",
            "signer_name": "Nguyễn Thị Minh Trang",
        },
        ("tuyen-truyen",),
    ),
]
# Trainees who finish their class's first course: (username, class slug).
FINISHERS = [
    ("ls.tuan", "ls-bao-cao-vien-2026"),
    ("ld.lan", "ld-tuyen-truyen-vien-2026"),
]
# A certificate revoked and reissued, to show the history: (username, reason).
REISSUED = ("ls.tuan", "Cấp lại theo đề nghị của học viên: bản giấy cấp trước bị hỏng.")
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


def background_jpg() -> ContentFile:
    """Cream paper with a faint guilloche of waves and a rosette in the middle (A4 landscape at
    150 dpi, the size the template form stores), light enough to print text over."""
    width, height = 1754, 1240
    image = Image.new("RGB", (width, height), (252, 248, 236))
    draw = ImageDraw.Draw(image)
    for row, y0 in enumerate(range(-20, height + 20, 16)):
        phase = row * 0.7
        points = [
            (x, y0 + 7 * math.sin(x / 37 + phase) + 4 * math.sin(x / 11 - phase))
            for x in range(0, width + 8, 8)
        ]
        draw.line(points, fill=(238, 226, 198), width=2)
    centre_x, centre_y = width / 2, height / 2
    for ring in range(36):
        angle = ring * math.pi / 18
        petal = [
            (
                centre_x + (120 + 210 * math.sin(3 * t / 40)) * math.cos(angle + t / 160),
                centre_y + (120 + 210 * math.sin(3 * t / 40)) * math.sin(angle + t / 160),
            )
            for t in range(0, 161, 4)
        ]
        draw.line(petal, fill=(232, 214, 178), width=2)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue())


def _missing(field) -> bool:
    return not field or not field.storage.exists(field.name)


def seed_template(agency_name: str, fields: dict, report) -> CertificateTemplate:
    agency = Agency.objects.filter(name=agency_name).order_by("pk").first()
    template = CertificateTemplate.objects.filter(
        issuing_agency=agency, serial_suffix=SERIAL_SUFFIX
    ).first()
    if template is None:
        template = CertificateTemplate.objects.create(
            issuing_agency=agency, serial_suffix=SERIAL_SUFFIX, **COMMON, **fields
        )
        report.add(f"certificate template: {template.name}")
    drawn = []
    if _missing(template.signature_image):
        template.signature_image.save("chu-ky-giam-doc-stp.png", signature_png(), save=False)
        drawn.append("signature_image")
    if _missing(template.seal_image):
        seal = seal_png(fields["issuer_name"])
        template.seal_image.save(f"con-dau-{agency.pk}.png", seal, save=False)
        drawn.append("seal_image")
    if _missing(template.background_image):
        template.background_image.save("nen-giay-chung-nhan.jpg", background_jpg(), save=False)
        drawn.append("background_image")
    if drawn:
        template.save(update_fields=drawn)
    return template


def seed_course_templates(template: CertificateTemplate, prefixes, report) -> list[CoursePage]:
    """The demo courses whose slug starts with one of `prefixes` issue the template's
    certificates. Written into the live row and into the latest revision (what the admin's
    editor opens and a later publish copies), which is what publishing a revision would do, at
    a tenth of its cost."""
    slugs = [c["slug"] for c in content.COURSES if c["slug"].startswith(tuple(prefixes))]
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


def seed_finishers(report) -> None:
    """The trainees of FINISHERS finish their class's first course, lesson by lesson through
    the learning services (a trainee already under way is left as they are)."""
    from courses import selectors
    from courses.models import LessonPage, LessonProgress
    from courses.services import lesson_progress_record
    from people.models import TrainingClass

    from .people import date_progress, pass_quizzes

    User = get_user_model()
    for username, class_slug in FINISHERS:
        user = User.objects.filter(username=username).first()
        training_class = TrainingClass.objects.filter(slug=class_slug).first()
        if user is None or training_class is None:
            continue
        course = training_class.courses.order_by("path").first()
        if course is None or LessonProgress.objects.filter(user=user, course=course).exists():
            continue
        for item in selectors.course_outline(course):
            lesson = LessonPage.objects.get(pk=item["lesson"].pk)
            pass_quizzes(user=user, lesson=lesson)
            lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")
        date_progress(training_class, course, [user])
        report.add(f"progress: {username} finished {course.title}")


def _no_letter(certificate: Certificate) -> None:
    CertificateEvent.objects.get_or_create(
        certificate=certificate, action=CertificateEvent.Action.MAILED, reason=NO_MAIL_REASON
    )


def seed_holders(courses: list[CoursePage], report) -> None:
    """A certificate for every completed enrolment in the demo courses that has none yet."""
    from certificates.services import NotIssuable, certificate_issue

    done = Certificate.objects.filter(course__in=courses).values_list("enrolment_id", flat=True)
    due = Enrolment.objects.filter(
        course__in=courses, completed_at__isnull=False, course__certificate_template__isnull=False
    ).exclude(pk__in=done)
    for enrolment in due.order_by("completed_at", "pk"):
        try:
            # Dated at completion, as the completion's own issuing would (demo dates: 2026).
            certificate = certificate_issue(
                enrolment_id=enrolment.pk, issued_at=enrolment.completed_at
            )
        except NotIssuable:
            continue
        _no_letter(certificate)
        redate(
            CertificateEvent.objects.filter(certificate=certificate), certificate.issued_at, "at"
        )
        report.add(f"certificate: {certificate.serial} ({enrolment.user.username})")


def seed_reissue(report) -> None:
    """REISSUED's first certificate revoked and replaced by an administrator, once."""
    from certificates.services import certificate_reissue

    username, reason = REISSUED
    first = (
        Certificate.objects.filter(user__username=username, replaces__isnull=True)
        .order_by("pk")
        .first()
    )
    if first is None or Certificate.objects.filter(replaces=first).exists():
        return
    admin = get_user_model().objects.filter(username="admin").first()
    # A week after the first was issued, inside the demo's 2026 (see lms/demo/people.py).
    moment = first.issued_at + datetime.timedelta(days=7)
    new = certificate_reissue(certificate_id=first.pk, reason=reason, actor=admin, issued_at=moment)
    _no_letter(new)
    redate(Certificate.objects.filter(pk=first.pk), moment, "revoked_at")
    trail = CertificateEvent.objects.filter(certificate=first, action__in=["revoked", "reissued"])
    redate(trail | CertificateEvent.objects.filter(certificate=new), moment, "at")
    report.add(f"certificate: {first.serial} revoked, reissued as {new.serial} ({username})")


def seed_certificates(report) -> None:
    courses = []
    for agency_name, fields, prefixes in TEMPLATES:
        template = seed_template(agency_name, fields, report)
        courses += seed_course_templates(template, prefixes, report)
    seed_finishers(report)
    seed_holders(courses, report)
    seed_reissue(report)
