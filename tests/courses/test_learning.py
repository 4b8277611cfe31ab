"""Enrolment, lesson access, progress and completion, as a trainee meets them."""

from datetime import date

import pytest
from django.urls import reverse

from courses import selectors, services
from courses.activities import ActivityRequirement
from courses.models import (
    CourseIndexPage,
    CourseModulePage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
)
from courses.signals import course_completed
from lms.demo.people import pass_quizzes
from tests.factories import UserFactory, add_course, publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(demo):
    return add_course(CourseIndexPage.objects.get(), "Khoá thử nghiệm", lessons=3)


@pytest.fixture
def trainee(client):
    user = UserFactory()
    client.force_login(user)
    return user


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def enrol(client, course):
    return client.post(reverse("learning:enrol", args=[course.pk]))


def done(client, lesson, event="done", **extra):
    return client.post(reverse("learning:progress", args=[lesson.pk]), {"event": event}, **extra)


# --- Enrolment --------------------------------------------------------------------------------


def test_a_trainee_enrols_themselves_and_is_taken_to_the_first_lesson(client, course, trainee):
    response = enrol(client, course)
    first = lessons_of(course)[0]
    assert response.status_code == 302 and response.url == first.url
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert enrolment.source == Enrolment.Source.SELF and enrolment.is_active


def test_a_class_only_course_refuses_self_enrolment_with_a_reason(client, course, trainee):
    course.self_enrolment = False
    course.save_revision().publish()
    response = enrol(client, course)
    assert not Enrolment.objects.filter(user=trainee, course=course).exists()
    page = client.get(response.url).content.decode()
    assert "lớp bồi dưỡng" in page


def test_prerequisites_must_be_completed_before_enrolling(client, course, trainee, demo):
    first_course = add_course(CourseIndexPage.objects.get(), "Khoá nền tảng", lessons=1)
    course.prerequisites = [first_course]
    course.save_revision().publish()
    enrol(client, course)
    assert not Enrolment.objects.filter(user=trainee, course=course).exists()
    assert "Khoá nền tảng" in client.get(course.url).content.decode()
    enrol(client, first_course)
    done(client, lessons_of(first_course)[0])
    enrol(client, course)
    assert Enrolment.objects.filter(user=trainee, course=course).exists()


def test_leaving_keeps_history_and_enrolling_again_restores_progress(client, course, trainee):
    enrol(client, course)
    lesson = lessons_of(course)[0]
    done(client, lesson)
    client.post(reverse("learning:unenrol", args=[course.pk]))
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert enrolment.unenrolled_at is not None
    assert client.get(lesson.url).status_code == 403  # no longer enrolled: offered again
    enrol(client, course)
    enrolment.refresh_from_db()
    assert enrolment.unenrolled_at is None
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at is not None


# --- Who reads a lesson -----------------------------------------------------------------------


def test_a_visitor_is_offered_log_in_and_never_sees_the_lesson(client, course):
    lesson = lessons_of(course)[0]
    lesson.body = '[{"type": "paragraph", "value": "<p>Nội dung bí mật của bài</p>"}]'
    lesson.save_revision().publish()
    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Nội dung bí mật" not in html
    assert reverse("account_login") in html


def test_a_trainee_not_enrolled_is_offered_enrolment(client, course, trainee):
    response = client.get(lessons_of(course)[1].url)
    assert response.status_code == 403
    assert reverse("learning:enrol", args=[course.pk]) in response.content.decode()
    assert not LessonProgress.objects.filter(user=trainee).exists()


def test_an_unpublished_lesson_is_not_found_even_when_enrolled(client, course, trainee):
    enrol(client, course)
    lesson = lessons_of(course)[0]
    url = lesson.url
    lesson.unpublish()
    assert client.get(url).status_code == 404


def test_staff_read_lessons_without_enrolling_and_record_nothing(client, course, demo):
    from django.contrib.auth import get_user_model

    trainer = get_user_model().objects.get(username="giangvien")
    client.force_login(trainer)
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 200
    assert not LessonProgress.objects.filter(user=trainer).exists()


# --- Progress and completion ------------------------------------------------------------------


def test_marking_every_lesson_done_completes_the_course_once(
    client, course, trainee, django_capture_on_commit_callbacks
):
    enrol(client, course)
    sent = []

    def listener(sender, enrolment_id, **kwargs):
        sent.append(enrolment_id)

    course_completed.connect(listener)
    try:
        for lesson in lessons_of(course):
            assert client.get(lesson.url).status_code == 200
            with django_capture_on_commit_callbacks(execute=True):
                done(client, lesson)
                done(client, lesson)  # a double click
    finally:
        course_completed.disconnect(listener)
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert enrolment.completed_at is not None
    assert len(sent) == 1 and sent[0] == enrolment.pk
    assert LessonProgress.objects.filter(user=trainee, completed_at__isnull=False).count() == 3


def test_reading_to_the_end_completes_a_read_lesson_but_not_a_mark_lesson(client, course, trainee):
    enrol(client, course)
    read_lesson, mark_lesson, _ = lessons_of(course)
    mark_lesson.completion_mode = LessonPage.CompletionMode.MARK
    mark_lesson.save_revision().publish()
    answer = done(client, read_lesson, event="read", HTTP_ACCEPT="application/json")
    assert answer.json()["completed"] is True
    answer = done(client, mark_lesson, event="read", HTTP_ACCEPT="application/json")
    assert answer.json()["completed"] is False
    answer = done(client, mark_lesson, event="done", HTTP_ACCEPT="application/json")
    assert answer.json()["completed"] is True


def test_optional_lessons_do_not_hold_back_the_course(client, course, trainee):
    enrol(client, course)
    *required, optional = lessons_of(course)
    optional.required = False
    optional.save_revision().publish()
    for lesson in required:
        done(client, lesson)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None


def test_progress_for_a_lesson_one_cannot_see_is_refused(client, course, trainee, demo):
    other = add_course(CourseIndexPage.objects.get(), "Khoá khác", lessons=1)
    lesson = lessons_of(other)[0]
    assert done(client, lesson).status_code == 403
    answer = done(client, lesson, HTTP_ACCEPT="application/json")
    assert answer.status_code == 403 and "error" in answer.json()
    enrol(client, other)
    lesson.unpublish()
    assert done(client, lesson).status_code == 403
    assert not LessonProgress.objects.filter(user=trainee, completed_at__isnull=False).exists()
    client.logout()
    assert done(client, lessons_of(course)[0]).status_code == 403


def test_progress_accepts_only_posts_and_known_events(client, course, trainee):
    enrol(client, course)
    lesson = lessons_of(course)[0]
    assert client.get(reverse("learning:progress", args=[lesson.pk])).status_code == 405
    assert done(client, lesson, event="finish", HTTP_ACCEPT="application/json").status_code == 400


def test_continue_goes_to_the_next_unfinished_lesson(client, course, trainee):
    enrol(client, course)
    first, second, third = lessons_of(course)
    url = reverse("learning:continue", args=[course.pk])
    assert client.get(url).url == first.url
    client.get(second.url)
    assert client.get(url).url == second.url  # where I left off
    done(client, second)
    assert client.get(url).url == third.url  # the next unfinished after it
    done(client, third)
    assert client.get(url).url == first.url  # back to the one skipped
    done(client, first)
    assert client.get(url).url == course.url  # all done


def test_required_activities_hold_the_lesson_until_passed(client, course, trainee, monkeypatch):
    enrol(client, course)
    lesson = lessons_of(course)[0]
    quiz = ActivityRequirement(kind="quiz", key="quiz:1", title="Kiểm tra nhanh")
    monkeypatch.setattr(
        LessonPage,
        "required_activities",
        lambda self: [quiz] if self.pk == lesson.pk else [],
    )
    done(client, lesson)
    progress = LessonProgress.objects.get(user=trainee, lesson=lesson)
    assert progress.completed_at is None
    assert "Kiểm tra nhanh" in client.get(lesson.url).content.decode()
    services.activity_result_record(
        user=trainee, lesson_id=lesson.pk, key="quiz:1", kind="quiz", passed=False, score=40
    )
    progress.refresh_from_db()
    assert progress.completed_at is None
    services.activity_result_record(
        user=trainee, lesson_id=lesson.pk, key="quiz:1", kind="quiz", passed=True, score=90
    )
    progress.refresh_from_db()
    assert progress.completed_at is not None


def test_a_minimum_overall_score_holds_the_course(client, course, trainee):
    course.min_overall_score = 80
    course.save_revision().publish()
    enrol(client, course)
    lessons = lessons_of(course)
    services.activity_result_record(
        user=trainee, lesson_id=lessons[0].pk, key="quiz:1", kind="quiz", passed=True, score=60
    )
    for lesson in lessons:
        done(client, lesson)
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert enrolment.completed_at is None
    services.activity_result_record(
        user=trainee, lesson_id=lessons[0].pk, key="quiz:1", kind="quiz", passed=True, score=95
    )
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None and enrolment.score == 95


def test_an_authors_edit_keeps_progress_and_completion_records_the_version(client, course, trainee):
    enrol(client, course)
    first, second, third = lessons_of(course)
    done(client, first)
    first.title = "Bài 1 (sửa đổi)"
    first.save_revision().publish()
    course.summary = "Tóm tắt mới sau khi sửa."
    revision = course.save_revision()
    revision.publish()
    assert LessonProgress.objects.get(user=trainee, lesson=first).completed_at is not None
    done(client, second)
    done(client, third)
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert enrolment.completed_revision_id == revision.pk
    course.summary = "Một lần sửa nữa."
    course.save_revision().publish()
    enrolment.refresh_from_db()
    assert enrolment.completed_revision_id == revision.pk


def test_a_lesson_added_later_is_needed_by_those_who_have_not_finished(client, course, trainee):
    enrol(client, course)
    first, second, _ = lessons_of(course)
    done(client, first)
    publish_child(course, LessonPage(title="Bài bổ sung", slug="bai-bo-sung", body="[]"))
    for lesson in lessons_of(course)[1:-1]:
        done(client, lesson)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None
    done(client, lessons_of(course)[-1])
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None


# --- Modules and structure --------------------------------------------------------------------


def test_lessons_in_modules_read_in_order_and_count(client, course, trainee):
    module = CourseModulePage(title="Phần hai", slug="phan-hai")
    publish_child(course, module)
    extra = publish_child(module, LessonPage(title="Bài trong phần", slug="bai-phan", body="[]"))
    enrol(client, course)
    html = client.get(course.url).content.decode()
    assert "Phần hai" in html and "Bài trong phần" in html
    last_top = lessons_of(course)[2]
    assert f'rel="next" href="{extra.url}"' in client.get(last_top.url).content.decode()
    assert client.get(module.url).url == course.url
    for lesson in lessons_of(course):
        done(client, lesson)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None


def test_page_types_only_build_valid_structures(demo):
    assert LessonPage.allowed_parent_page_models() == [CoursePage, CourseModulePage]
    assert CourseModulePage.allowed_parent_page_models() == [CoursePage]
    assert set(CoursePage.allowed_subpage_models()) == {LessonPage, CourseModulePage}


# --- What the trainee sees --------------------------------------------------------------------


def test_the_course_page_shows_each_lessons_state(client, course, trainee):
    enrol(client, course)
    first, second, _ = lessons_of(course)
    done(client, first)
    client.get(second.url)
    html = client.get(course.url).content.decode()
    assert html.count("lesson-list__item--completed") == 1
    assert html.count("lesson-list__item--in_progress") == 1
    assert html.count("lesson-list__item--not_started") == 1
    assert "33%" in html


def test_the_dashboard_shows_progress_next_lesson_deadline_and_completion(client, demo):
    from django.contrib.auth import get_user_model

    from people.models import TrainingClass

    trainee = get_user_model().objects.get(username="hocvien")
    client.force_login(trainee)
    training_class = TrainingClass.objects.get(slug="ls-bao-cao-vien-2026")
    training_class.completion_deadline = date(2026, 12, 15)
    training_class.save()
    course = training_class.courses.first()
    lessons = lessons_of(course)
    done(client, lessons[2])  # the demo trainee has done the first two already
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert course.title in html
    assert "15/12/2026" in html
    assert "60%" in html
    assert f"Bài tiếp theo: {lessons[3].title}" in html
    for lesson in lessons[3:]:
        pass_quizzes(user=trainee, lesson=LessonPage.objects.get(pk=lesson.pk))
        done(client, lesson)
    html = client.get(reverse("learning:dashboard")).content.decode()
    completed_on = Enrolment.objects.get(user=trainee, course=course).completed_at
    assert "100%" in html
    assert completed_on.astimezone().strftime("%d/%m/%Y") in html


def test_the_dashboard_needs_a_log_in(client):
    response = client.get(reverse("learning:dashboard"))
    assert response.status_code == 302 and reverse("account_login") in response.url


# --- Query counts -----------------------------------------------------------------------------


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # the first visit makes the progress row
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_lesson_page_costs_the_same_queries_for_5_and_60_lessons(
    client, trainee, demo, django_assert_num_queries
):
    catalogue = CourseIndexPage.objects.get()
    small = add_course(catalogue, "Khoá 5 bài", lessons=5)
    large = add_course(catalogue, "Khoá 60 bài", lessons=60)
    for course in (small, large):
        enrol(client, course)
        done(client, lessons_of(course)[0])
    small_count = _queries(client, lessons_of(small)[2].url)
    url = lessons_of(large)[30].url
    client.get(url)
    with django_assert_num_queries(small_count):
        assert client.get(url).status_code == 200


def test_course_page_and_dashboard_queries_do_not_grow(
    client, trainee, demo, django_assert_num_queries
):
    catalogue = CourseIndexPage.objects.get()
    small = add_course(catalogue, "Khoá 5 bài", lessons=5)
    enrol(client, small)
    course_count = _queries(client, small.url)
    dashboard_count = _queries(client, reverse("learning:dashboard"))
    large = add_course(catalogue, "Khoá 60 bài", lessons=60)
    for n in range(4):
        enrol(client, add_course(catalogue, f"Khoá thêm {n}", lessons=8))
    enrol(client, large)
    done(client, lessons_of(large)[3])
    with django_assert_num_queries(course_count):
        client.get(large.url)
    with django_assert_num_queries(dashboard_count):
        client.get(reverse("learning:dashboard"))


def test_selectors_next_lesson_handles_empty_courses(course):
    assert selectors.next_lesson([], {}) is None
