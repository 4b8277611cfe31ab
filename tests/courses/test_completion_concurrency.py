"""Completion is recorded exactly once when the same event races in from several requests."""

import threading

import pytest
from django.db import connection

from courses import services
from courses.models import CourseIndexPage, Enrolment, LessonPage, LessonProgress
from courses.signals import course_completed, lesson_completed
from tests.factories import UserFactory, add_course

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RACERS = 8


def race(target) -> list[BaseException]:
    """Run `target` in RACERS threads released together; each thread has its own connection."""
    barrier = threading.Barrier(RACERS)
    errors: list[BaseException] = []

    def run():
        try:
            barrier.wait()
            target()
        except BaseException as error:  # noqa: BLE001 - reported to the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_the_same_completion_posted_concurrently_completes_once(demo):
    course = add_course(CourseIndexPage.objects.get(), "Khoá chạy đua", lessons=1)
    lesson = LessonPage.objects.child_of(course).get()
    user = UserFactory()
    services.enrolments_create(users=[user], courses=[course])
    completions: list[int] = []
    lessons_done: list[int] = []

    def on_course(sender, enrolment_id, **kwargs):
        completions.append(enrolment_id)

    def on_lesson(sender, user, lesson, **kwargs):
        lessons_done.append(lesson.pk)

    course_completed.connect(on_course)
    lesson_completed.connect(on_lesson)
    try:
        errors = race(
            lambda: services.lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")
        )
    finally:
        course_completed.disconnect(on_course)
        lesson_completed.disconnect(on_lesson)
    assert errors == []
    assert LessonProgress.objects.filter(user=user, lesson=lesson).count() == 1
    enrolment = Enrolment.objects.get(user=user, course=course)
    assert enrolment.completed_at is not None
    assert completions == [enrolment.pk]
    assert lessons_done == [lesson.pk]

    # The same for results of an activity reported concurrently (one flush of the database
    # per transactional test is the slow part, so both races share this test).
    course = add_course(CourseIndexPage.objects.get(), "Khoá điểm số", lessons=1)
    lesson = LessonPage.objects.child_of(course).get()
    user = UserFactory()
    services.enrolments_create(users=[user], courses=[course])
    services.lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")
    errors = race(
        lambda: services.activity_result_record(
            user=user, lesson_id=lesson.pk, key="quiz:7", kind="quiz", passed=True, score=80
        )
    )
    assert errors == []
    assert user.activity_results.count() == 1
    assert Enrolment.objects.get(user=user, course=course).completed_at is not None
