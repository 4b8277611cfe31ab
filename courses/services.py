"""Writes about learning: enrolment, progress, activity results and completion.

Every service is atomic and safe to run twice. Completion is recorded exactly once: the only
writes to `completed_at` are conditional updates (`... WHERE completed_at IS NULL`), so when the
same event arrives twice, or two requests race, one update changes a row and the other none;
only the winner sends `course_completed`.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CoursePage, LessonPage
from .records import ActivityResult, Enrolment, LessonProgress
from .signals import course_completed, lesson_completed


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
    """Unenrol, keeping the row, its progress and its completion for history."""
    if enrolment.unenrolled_at is None:
        enrolment.unenrolled_at = timezone.now()
        enrolment.save(update_fields=["unenrolled_at"])
    return enrolment


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """The live prerequisite courses `user` has not completed."""
    required = list(course.prerequisites.live())
    if not required:
        return []
    done = set(
        Enrolment.objects.filter(
            user=user, course__in=required, completed_at__isnull=False
        ).values_list("course_id", flat=True)
    )
    return [c for c in required if c.pk not in done]


def enrolment_self_create(*, user, course: CoursePage) -> Enrolment:
    """A trainee enrols themselves, where the course allows it and its prerequisites are done.
    Enrolling again re-activates the earlier enrolment with its progress."""
    if not user.is_authenticated:
        raise PermissionDenied
    if not course.live:
        raise ValidationError(_("This course is not open."))
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing is None and not course.self_enrolment:
        raise ValidationError(
            _("This course is taught in training classes only; ask your organiser to enrol you.")
        )
    missing = missing_prerequisites(user=user, course=course)
    if missing and existing is None:
        raise ValidationError(
            _("Complete these courses first: %(courses)s.")
            % {"courses": ", ".join(c.title for c in missing)}
        )
    enrolments_create(users=[user], courses=[course], source=Enrolment.Source.SELF)
    return Enrolment.objects.get(user=user, course=course)


def _progress_row(*, user, lesson: LessonPage, course: CoursePage) -> LessonProgress:
    """The (user, lesson) row, created on first use; a racing creator finds the winner's row."""
    try:
        with transaction.atomic():
            return LessonProgress.objects.get_or_create(
                user=user, lesson=lesson, defaults={"course": course}
            )[0]
    except IntegrityError:
        return LessonProgress.objects.get(user=user, lesson=lesson)


def lesson_open(*, user, lesson: LessonPage, course: CoursePage) -> None:
    """Record that an enrolled trainee opened a lesson ("continue where I left off").
    One UPDATE on every later visit; the row is made on the first."""
    now = timezone.now()
    if not LessonProgress.objects.filter(user=user, lesson=lesson).update(last_opened_at=now):
        row = _progress_row(user=user, lesson=lesson, course=course)
        LessonProgress.objects.filter(pk=row.pk).update(last_opened_at=now)


def active_enrolment(*, user, course: CoursePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course=course, unenrolled_at__isnull=True).first()


def _checked_lesson(*, user, lesson_id: int) -> tuple[LessonPage, CoursePage, Enrolment]:
    """The live lesson and the user's active enrolment in its course, or a refusal: a lesson
    the user cannot see is refused the same way whether or not it exists."""
    from .selectors import course_of

    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    course = course_of(lesson) if lesson is not None else None
    enrolment = active_enrolment(user=user, course=course) if course is not None else None
    if enrolment is None or not course.live:
        raise PermissionDenied(_("You are not enrolled in the course of this lesson."))
    return lesson, course, enrolment


EVENTS = {"read": "read_at", "done": "marked_done_at"}


def lesson_progress_record(*, user, lesson_id: int, event: str) -> LessonProgress:
    """A trainee read a lesson to the end or marked it done. Refused (PermissionDenied) for a
    lesson the trainee cannot see; repeated events change nothing."""
    if event not in EVENTS:
        raise ValidationError(_("Unknown progress event."))
    lesson, course, enrolment = _checked_lesson(user=user, lesson_id=lesson_id)
    row = _progress_row(user=user, lesson=lesson, course=course)
    field = EVENTS[event]
    LessonProgress.objects.filter(pk=row.pk, **{f"{field}__isnull": True}).update(
        **{field: timezone.now()}
    )
    lesson_completion_evaluate(user=user, lesson=lesson, course=course, enrolment=enrolment)
    row.refresh_from_db()
    return row


def activity_result_record(
    *,
    user,
    lesson_id: int,
    key: str,
    kind: str,
    passed: bool,
    score: Decimal | float | None = None,
    keep_best: bool = False,
) -> ActivityResult:
    """Store the result of an activity embedded in a lesson (the Assessments and H5P apps call
    this after grading) and complete the lesson and course if their rules are now met. A result
    never goes from passed back to failed: completion, once earned, stays. The score is the
    latest (a quiz reports its grade by its own method, which may go down), or with
    `keep_best` the best so far (H5P: every statement is another try)."""
    lesson, course, enrolment = _checked_lesson(user=user, lesson_id=lesson_id)
    score = None if score is None else Decimal(str(score)).quantize(Decimal("0.01"))
    try:
        with transaction.atomic():
            result, created = ActivityResult.objects.get_or_create(
                user=user,
                lesson=lesson,
                key=key,
                defaults={"course": course, "kind": kind, "passed": passed, "score": score},
            )
    except IntegrityError:
        result, created = ActivityResult.objects.get(user=user, lesson=lesson, key=key), False
    if not created:
        result.passed = result.passed or passed
        if not keep_best or (score is not None and (result.score is None or score > result.score)):
            result.score = score
        result.save(update_fields=["passed", "score", "updated_at"])
    lesson_completion_evaluate(user=user, lesson=lesson, course=course, enrolment=enrolment)
    return result


def _lesson_rule_met(*, row: LessonProgress, lesson: LessonPage, satisfied: set[str]) -> bool:
    if lesson.completion_mode == LessonPage.CompletionMode.MARK:
        done = row.marked_done_at is not None
    else:
        done = row.read_at is not None or row.marked_done_at is not None
    return done and all(req.key in satisfied for req in lesson.required_activities())


def lesson_completion_evaluate(
    *, user, lesson: LessonPage, course: CoursePage, enrolment: Enrolment
) -> bool:
    """Complete the lesson if its rule is met, then the course if its rule is. Returns whether
    this call completed the lesson (False when it already was, or is not yet)."""
    from .selectors import satisfied_activity_keys

    row = _progress_row(user=user, lesson=lesson, course=course)
    results = dict(
        ActivityResult.objects.filter(user=user, lesson=lesson).values_list("key", "passed")
    )
    satisfied = satisfied_activity_keys(results=results, course=course)
    if not _lesson_rule_met(row=row, lesson=lesson, satisfied=satisfied):
        return False
    won = LessonProgress.objects.filter(pk=row.pk, completed_at__isnull=True).update(
        completed_at=timezone.now()
    )
    if won:
        transaction.on_commit(
            lambda: lesson_completed.send(sender=LessonProgress, user=user, lesson=lesson)
        )
    course_completion_evaluate(enrolment=enrolment)
    return bool(won)


def course_completion_evaluate(*, enrolment: Enrolment) -> bool:
    """Complete the enrolment when every required live lesson is complete and the overall score
    (if the course sets a minimum) is reached; record the course version and score. Returns
    whether this call completed it. Safe to call any number of times, concurrently."""
    from .selectors import course_outline

    if enrolment.completed_at is not None:
        return False
    course = CoursePage.objects.get(pk=enrolment.course_id)
    required = {i["lesson"].pk for i in course_outline(course) if i["lesson"].required}
    completed = set(
        LessonProgress.objects.filter(
            user_id=enrolment.user_id, course=course, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    if not required <= completed:
        return False
    score = overall_score(user_id=enrolment.user_id, course=course)
    if course.min_overall_score is not None and (score or 0) < course.min_overall_score:
        return False
    won = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=timezone.now(),
        completed_revision_id=course.live_revision_id,
        score=score,
    )
    if won:
        enrolment_id = enrolment.pk
        transaction.on_commit(
            lambda: course_completed.send(sender=Enrolment, enrolment_id=enrolment_id)
        )
    return bool(won)


def overall_score(*, user_id: int, course: CoursePage) -> Decimal | None:
    """The mean of the trainee's scored activity results in the course (quizzes; H5P only where
    the course lets its advisory scores count), or None when nothing is scored."""
    scores = [
        s
        for s in ActivityResult.objects.filter(
            user_id=user_id, course=course, kind__in=scored_kinds(course)
        ).values_list("score", flat=True)
        if s is not None
    ]
    if not scores:
        return None
    return (sum(scores) / len(scores)).quantize(Decimal("0.01"))


def scored_kinds(course: CoursePage) -> list[str]:
    kinds = [ActivityResult.Kind.QUIZ]
    if getattr(course, "h5p_scores_count", False):
        kinds.append(ActivityResult.Kind.H5P)
    return kinds
