"""Reminders before a class's completion deadline, sent by Celery beat every morning."""

import datetime
import logging
from collections import defaultdict

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils import timezone

from courses.models import Enrolment

from ..attendance_import import member_name
from ..models import ClassMembership, TrainingClass

__all__ = ["send_deadline_reminders"]

logger = logging.getLogger(__name__)

DEFAULT_DAYS_BEFORE = (7, 1)
SENT_KEY_TIMEOUT = 2 * 24 * 60 * 60  # seconds: outlives the day the reminder is due


@shared_task(name="people.tasks.send_deadline_reminders")
def send_deadline_reminders() -> int:
    """E-mail each member of a class whose completion deadline is N days away (N in
    settings.CLASS_REMINDER_DAYS_BEFORE, default 7 and 1) and who has not finished one of the
    class's courses. Returns how many e-mails were sent.

    Safe to run twice: a reminder is due only on the exact day (deadline − N days), and each one
    sent is marked in the cache with `cache.add` for two days, keyed by (class, person, deadline,
    N), so a second run that day sends nothing again. Trade-offs, accepted because a reminder is
    a courtesy and the project has no model for sent mail: a day on which beat did not run at
    all is not caught up; and the marks are only as shared as the cache, so with the local-memory
    cache (no REDIS_URL) two worker processes could each send one. Production uses Redis, shared
    by every worker. The mark is set before sending, so a worker killed in between loses that one
    reminder rather than sending it twice; a failed send removes its mark for the next run.
    """
    today = timezone.localdate()
    days_before = getattr(settings, "CLASS_REMINDER_DAYS_BEFORE", DEFAULT_DAYS_BEFORE)
    sent = 0
    for days in sorted(set(days_before)):
        deadline = today + datetime.timedelta(days=days)
        for training_class in TrainingClass.objects.filter(
            completion_deadline=deadline
        ).select_related("organiser"):
            sent += _remind_class(training_class, days)
    return sent


def _remind_class(training_class: TrainingClass, days: int) -> int:
    sent = 0
    links = {course.pk: _course_link(course) for course in training_class.courses.all()}
    for user, courses in _unfinished_courses(training_class).items():
        key = (
            f"people:deadline-reminder:{training_class.pk}:{user.pk}:"
            f"{training_class.completion_deadline:%Y%m%d}:{days}"
        )
        if not cache.add(key, True, SENT_KEY_TIMEOUT):
            continue
        try:
            send_mail(
                _subject(training_class, days),
                _body(training_class, user, [(c.title, links[c.pk]) for c in courses], days),
                None,
                [user.email],
            )
        except Exception:
            cache.delete(key)  # not sent: let the next run try again
            logger.exception("deadline reminder to user %s failed", user.pk)
            continue
        sent += 1
    return sent


def _unfinished_courses(training_class: TrainingClass) -> dict:
    """{member: [course, ...]} for current members who have an unfinished, still active
    enrolment in one of the class's courses (one query)."""
    members = ClassMembership.objects.filter(
        training_class=training_class, removed_at__isnull=True
    ).values("user_id")
    enrolments = (
        Enrolment.objects.filter(
            user_id__in=members,
            course__in=training_class.courses.all(),
            completed_at__isnull=True,
            unenrolled_at__isnull=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .exclude(user__profile__anonymised_at__isnull=False)
        .select_related("user__profile", "course")
        .order_by("user_id", "course__title")
    )
    courses = defaultdict(list)
    users = {}
    for enrolment in enrolments:
        users.setdefault(enrolment.user_id, enrolment.user)
        courses[enrolment.user_id].append(enrolment.course)
    return {users[user_id]: found for user_id, found in courses.items()}


def vietnamese_date(day: datetime.date) -> str:
    """ "ngày 15 tháng 12 năm 2026", as Vietnamese official letters write a date."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def _course_link(course) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    parts = course.get_url_parts()
    return base + (parts[2] if parts else "/")


# The e-mail is in Vietnamese, the platform's first language: a background task does not know
# the recipient's language choice, and every trainee reads Vietnamese.
def _subject(training_class: TrainingClass, days: int) -> str:
    return f"Còn {days} ngày để hoàn thành khoá học: {training_class.title}"


def _body(training_class: TrainingClass, user, courses: list[tuple[str, str]], days: int) -> str:
    lines = [
        f"Kính gửi {member_name(user)},",
        "",
        f"Anh/Chị đang tham gia “{training_class.title}” do {training_class.organiser} "
        f"tổ chức. Thời hạn hoàn thành các khoá học của lớp là "
        f"{vietnamese_date(training_class.completion_deadline)} (còn {days} ngày).",
        "",
        "Các khoá học Anh/Chị chưa hoàn thành:",
        *(f"- {title}\n  {link}" for title, link in courses),
        "",
        "Mời Anh/Chị đăng nhập và tiếp tục học theo các đường dẫn trên. "
        "Nếu Anh/Chị đã hoàn thành, xin bỏ qua thư này.",
        "",
        "Trân trọng,",
        str(training_class.organiser),
    ]
    return "\n".join(lines)
