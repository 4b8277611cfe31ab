"""Certificates benchmark: issuing a class's certificates and rendering their PDFs.

    .venv/bin/python bench/certificates.py [--trainees 1000] [--pdfs 60]

Targets (issue 7): the 1,000 certificates of a class issued (rows, serial numbers, snapshots,
history) within 2 s, through the bulk path the class action and `issue_certificates --class`
use; at least 4 PDFs per second per worker process. The issuing time leaves out what happens
after commit (one render task and one e-mail per certificate, queued to workers in production);
rendering is measured on its own, the way the render task does it: from the snapshot to the
stored file and its history row, in one process, after the first render (which loads fonts).
The template carries a signature, a seal and a background like the demo's (drawn by the demo's
code, then prepared by the template form's image checks), so every PDF embeds them as real
ones do. The PDF target is judged on wall-clock PDFs per second of this one process; the rate
per CPU second is printed beside it, with the machine's load average, to tell a slow renderer
from a busy machine.
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import setup_django  # noqa: E402

ISSUE_TARGET_S = 2.0
PDF_TARGET_PER_S = 4.0


def build(trainees: int):
    """A course with a certificate template and a class of `trainees` members who all
    completed it (written in bulk: completion has its own benchmark)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from certificates.models import CertificateTemplate
    from courses.models import CourseIndexPage, CoursePage
    from courses.records import Enrolment
    from lms.demo.seed import seed_demo
    from people.models import Agency, ClassMembership, Profile, TrainingClass

    seed_demo()
    template = CertificateTemplate(
        name="Mẫu đo hiệu năng",
        issuing_agency=Agency.objects.get(name="Sở Tư pháp tỉnh Lạng Sơn"),
        governing_body="UBND tỉnh Lạng Sơn",
        issuer_name="Sở Tư pháp tỉnh Lạng Sơn",
        serial_suffix="GCN-DO",
        place="Lạng Sơn",
        signer_title="Giám đốc",
        signer_name="Hoàng Văn Dũng",
    )
    for field, prepared in template_images().items():
        getattr(template, field).save(prepared.name, prepared, save=False)
    template.save()
    course = CoursePage(
        title="Khoá đo hiệu năng cấp chứng nhận",
        slug="khoa-do-chung-nhan",
        summary="Đo.",
        certificate_template=template,
        certificate_validity_months=24,
    )
    CourseIndexPage.objects.get().add_child(instance=course)
    course.save_revision().publish()
    sample = TrainingClass.objects.first()
    training_class = TrainingClass.objects.create(
        slug="lop-do-chung-nhan",
        title="Lớp đo hiệu năng",
        organiser=sample.organiser,
        locality=sample.locality,
        starts_on=datetime.date(2026, 10, 1),
        ends_on=datetime.date(2026, 11, 30),
    )
    training_class.courses.add(course)
    User = get_user_model()
    users = User.objects.bulk_create(User(username=f"do.cn.{n}") for n in range(trainees))
    users = list(User.objects.filter(username__startswith="do.cn."))
    Profile.objects.bulk_create(
        Profile(user=u, full_name=f"Nguyễn Thị Ngọc Ánh {n}", birth_year=1980 + n % 20)
        for n, u in enumerate(users)
    )
    ClassMembership.objects.bulk_create(
        ClassMembership(training_class=training_class, user=u) for u in users
    )
    now = timezone.now()
    Enrolment.objects.bulk_create(
        Enrolment(user=u, course=course, training_class=training_class, completed_at=now)
        for u in users
    )
    return training_class, course


def template_images() -> dict:
    """The demo's signature, seal and background, through the template form's checks (the
    stored sizes and formats an uploaded set would have)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from certificates.images import image_prepare
    from lms.demo.certificates import background_jpg, seal_png, signature_png

    drawn = {
        "signature_image": ("chu-ky.png", signature_png()),
        "seal_image": ("con-dau.png", seal_png()),
        "background_image": ("nen.jpg", background_jpg()),
    }
    return {
        field: image_prepare(SimpleUploadedFile(name, content.read()), field=field)
        for field, (name, content) in drawn.items()
    }


def measure_issue(training_class) -> tuple[int, float, int]:
    """(certificates issued, seconds, queries) for the class action, after-commit work left out."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from certificates import services

    after_commit = services._after_issue
    services._after_issue = lambda ids: None
    try:
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            issued = services.certificates_issue_for_class(training_class_id=training_class.pk)
            elapsed = time.perf_counter() - start
    finally:
        services._after_issue = after_commit
    return len(issued), elapsed, len(queries)


def check_serials(course) -> bool:
    from certificates.models import Certificate

    numbers = sorted(
        Certificate.objects.filter(course=course).values_list("serial_number", flat=True)
    )
    return numbers == list(range(1, len(numbers) + 1))


def measure_pdfs(course, count: int) -> tuple[float, float, float, int]:
    """(first render in s, PDFs per wall-clock second, PDFs per CPU second of this process,
    mean PDF size in bytes)."""
    from certificates import services
    from certificates.models import Certificate

    ids = list(
        Certificate.objects.filter(course=course).order_by("pk").values_list("pk", flat=True)
    )
    start = time.perf_counter()
    services.certificate_pdf_render(certificate_id=ids[0])
    first = time.perf_counter() - start
    sizes = []
    start, cpu_start = time.perf_counter(), time.process_time()
    for certificate_id in ids[1 : count + 1]:
        sizes.append(services.certificate_pdf_render(certificate_id=certificate_id).pdf.size)
    wall_rate = len(sizes) / (time.perf_counter() - start)
    cpu_rate = len(sizes) / (time.process_time() - cpu_start)
    return first, wall_rate, cpu_rate, sum(sizes) // max(len(sizes), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=60)
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    training_class, course = build(args.trainees)
    count, seconds, queries = measure_issue(training_class)
    gapless = check_serials(course)
    print(f"database: {connection.vendor}; class of {args.trainees} trainees, all completed")
    print(
        f"issue (bulk, one transaction): {count} certificates in {seconds:.2f} s "
        f"= {count / seconds:,.0f} certificates/s; {queries} queries; "
        f"serials 1..{count} without gaps: {'yes' if gapless else 'NO'}"
    )
    first, wall_rate, rate, size = measure_pdfs(course, args.pdfs)
    print(
        f"PDF (one process, signature + seal + background): first {first:.2f} s (fonts "
        f"loaded), then {wall_rate:.1f} PDFs/s wall clock ({1000 / wall_rate:.0f} ms each), "
        f"{rate:.1f} PDFs per CPU second, {size / 1024:.0f} KB each, over {args.pdfs}; load "
        f"average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    issue_ok = count == args.trainees and seconds * 1000 / max(args.trainees, 1) <= ISSUE_TARGET_S
    pdf_ok = wall_rate >= PDF_TARGET_PER_S
    print(
        f"targets: 1,000 issued <= {ISSUE_TARGET_S:.0f} s -> "
        f"{seconds * 1000 / max(args.trainees, 1):.2f} s per 1,000 "
        f"{'OK' if issue_ok else 'ABOVE TARGET'}; >= {PDF_TARGET_PER_S:.0f} PDFs/s per process "
        f"(wall clock) -> {wall_rate:.1f} {'OK' if pdf_ok else 'BELOW TARGET'}"
    )
    if not (issue_ok and pdf_ok and gapless):
        sys.exit(1)


if __name__ == "__main__":
    main()
