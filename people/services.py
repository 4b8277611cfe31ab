"""Writes about people and classes. Atomic, and safe to run twice."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from courses.models import Enrolment
from courses.services import enrolments_create

from .models import Attendance, ClassMembership, ClassSession, TrainingClass


@transaction.atomic
def class_members_add(*, training_class: TrainingClass, users: Iterable) -> int:
    """Put people in a class and enrol them in all its courses, in one step.

    People already in the class stay (those who had been removed come back). Returns how many
    people joined.
    """
    users = list(users)
    existing = ClassMembership.objects.filter(training_class=training_class, user__in=users)
    present = set(existing.values_list("user_id", flat=True))
    existing.filter(removed_at__isnull=False).update(removed_at=None)
    ClassMembership.objects.bulk_create(
        [
            ClassMembership(training_class=training_class, user=user)
            for user in users
            if user.pk not in present
        ],
        ignore_conflicts=True,
    )
    enrolments_create(
        users=users,
        courses=training_class.courses.all(),
        source=Enrolment.Source.CLASS,
        training_class=training_class,
    )
    return len([user for user in users if user.pk not in present])


def class_member_remove(*, training_class: TrainingClass, user) -> None:
    """Take someone out of a class; their membership, enrolments and attendance stay as history."""
    ClassMembership.objects.filter(
        training_class=training_class, user=user, removed_at__isnull=True
    ).update(removed_at=timezone.now())


def attendance_record(*, session: ClassSession, user, status: str, recorded_by=None) -> Attendance:
    """Set one person's attendance at one session (the last word wins; never two rows)."""
    attendance, _ = Attendance.objects.update_or_create(
        session=session, user=user, defaults={"status": status, "recorded_by": recorded_by}
    )
    return attendance
