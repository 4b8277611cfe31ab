"""A trainee enrols on a phone, works through every lesson of a course and sees it completed."""

import pytest
from django.utils import timezone

from courses.models import CourseIndexPage, Enrolment, LessonPage
from tests.factories import UserFactory, add_course

pytestmark = pytest.mark.e2e


def test_trainee_completes_a_course_and_sees_it_on_the_dashboard(site, phone):
    user = UserFactory(username="hoc.vien.moi", email="hoc.vien.moi@example.vn")
    # A course of lessons only (the demo courses end with a quiz: tests/e2e/test_quiz_in_browser).
    course = add_course(CourseIndexPage.objects.get(), "Khoá tự học", lessons=3)
    body = next(
        lesson.body
        for lesson in LessonPage.objects.live().order_by("path")
        if not any(block.block_type == "quiz" for block in lesson.body)
    )
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    for lesson in lessons:
        lesson.body = body.raw_data
        lesson.save_revision().publish()

    phone.goto(site + "/accounts/login/")
    phone.fill("input[name=login]", "hoc.vien.moi@example.vn")
    phone.fill("input[name=password]", "Demo@407")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(site + "/")

    phone.goto(site + course.url)
    phone.get_by_role("button", name="Đăng ký khoá học").click()
    phone.wait_for_url(site + lessons[0].url)

    # The first lesson completes by reading it to the end (progress.js, no button pressed).
    phone.locator("#lesson-status").scroll_into_view_if_needed()
    phone.get_by_text("Bạn đã hoàn thành bài học này.").wait_for()

    for lesson in lessons[1:]:
        phone.locator("a[rel=next]").click()
        phone.wait_for_url(site + lesson.url)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        phone.get_by_role("button", name="Đánh dấu đã học xong bài này").click()
        phone.get_by_text("Bạn đã hoàn thành bài học này.").wait_for()

    phone.get_by_role("link", name="Học tập của tôi").first.click()
    card = phone.locator(f"[data-course='{course.slug}']")
    text = card.inner_text()
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert "100%" in text
    assert f"Hoàn thành ngày {today}" in text
    assert Enrolment.objects.get(user=user, course=course).completed_at is not None
