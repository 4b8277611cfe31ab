"""Issue the missing certificates of a course (optionally only in one class).

    manage.py issue_certificates --course SLUG [--class SLUG] [--dry-run]

Every completed enrolment without a certificate gets one (a revoked certificate is left for a
deliberate reissue). Running it twice issues nothing the second time.
"""

from django.core.management.base import BaseCommand, CommandError

from certificates import services
from certificates.models import Certificate
from courses.models import CoursePage
from courses.records import Enrolment
from people.models import TrainingClass


class Command(BaseCommand):
    help = "Issue the missing certificates of a course (optionally of one training class)."

    def add_arguments(self, parser):
        parser.add_argument("--course", required=True, help="the course page's slug")
        parser.add_argument("--class", dest="class_slug", help="only this training class (slug)")
        parser.add_argument("--dry-run", action="store_true", help="count, write nothing")

    def handle(self, *args, course: str, class_slug: str | None, dry_run: bool, **options):
        course_page = CoursePage.objects.filter(slug=course).first()
        if course_page is None:
            raise CommandError(f"Không có khoá học nào có tên rút gọn (slug) '{course}'.")
        if course_page.certificate_template_id is None:
            raise CommandError(f"Khoá học '{course}' chưa chọn mẫu giấy chứng nhận.")
        training_class = None
        if class_slug:
            training_class = TrainingClass.objects.filter(slug=class_slug).first()
            if training_class is None:
                raise CommandError(f"Không có lớp nào có tên rút gọn (slug) '{class_slug}'.")
            if not training_class.courses.filter(pk=course_page.pk).exists():
                raise CommandError(f"Lớp '{class_slug}' không học khoá '{course}'.")
        due = self._due(course_page, training_class)
        if dry_run:
            self.stdout.write(f"Sẽ cấp {len(due)} giấy chứng nhận (chạy thử, chưa ghi gì).")
            return
        if training_class is not None:
            issued = services.certificates_issue_for_class(
                training_class_id=training_class.pk, course_id=course_page.pk
            )
            count = len(issued)
        else:
            count = sum(1 for e in due if self._issue(e))
        self.stdout.write(self.style.SUCCESS(f"Đã cấp {count} giấy chứng nhận."))

    def _due(self, course, training_class) -> list[int]:
        """Completed enrolments with no certificate at all (valid or revoked)."""
        enrolments = Enrolment.objects.filter(course=course, completed_at__isnull=False)
        if training_class is not None:
            enrolments = enrolments.filter(
                user__class_memberships__training_class=training_class,
                user__class_memberships__removed_at__isnull=True,
            )
        has_one = Certificate.objects.filter(course=course).values("enrolment_id")
        return list(enrolments.exclude(pk__in=has_one).values_list("pk", flat=True))

    def _issue(self, enrolment_id: int) -> bool:
        try:
            services.certificate_issue(enrolment_id=enrolment_id)
        except services.NotIssuable as refusal:
            self.stderr.write(f"Lượt học {enrolment_id}: {refusal}")
            return False
        return True
