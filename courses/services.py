"""Writes about learning. Every service is atomic and safe to run twice."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .models import CoursePage, Enrolment


@transaction.atomic
def enrolments_create(
    *,
    users: Iterable,
    courses: Iterable[CoursePage],
    source: str = Enrolment.Source.SELF,
    training_class=None,
) -> int:
    """Enrol every user in every course; existing enrolments are kept (re-activated if they had
    been ended). Returns how many enrolments are new. One query to read, one to insert."""
    users = list(users)
    courses = list(courses)
    if not users or not courses:
        return 0
    existing = Enrolment.objects.filter(user__in=users, course__in=courses)
    seen = {(e.user_id, e.course_id) for e in existing}
    existing.filter(unenrolled_at__isnull=False).update(unenrolled_at=None)
    new = [
        Enrolment(user=user, course=course, source=source, training_class=training_class)
        for user in users
        for course in courses
        if (user.pk, course.pk) not in seen
    ]
    Enrolment.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def enrolment_end(*, enrolment: Enrolment) -> Enrolment:
    """Unenrol, keeping the row and its history."""
    if enrolment.unenrolled_at is None:
        enrolment.unenrolled_at = timezone.now()
        enrolment.save(update_fields=["unenrolled_at"])
    return enrolment
