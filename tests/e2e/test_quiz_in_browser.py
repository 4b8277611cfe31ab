"""A trainee fails a quiz on a phone, tries again, passes and sees the course complete."""

import pytest

from courses.models import Enrolment
from courses.services import enrolments_create
from tests.assessments.factories import quiz_in_lesson
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e


def log_in(phone, site, email):
    phone.goto(site + "/accounts/login/")
    phone.fill("input[name=login]", email)
    phone.fill("input[name=password]", "Demo@407")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(site + "/")


def test_fail_retry_pass_and_the_course_completes(site, phone):
    quiz, lesson, course, bank = quiz_in_lesson(max_attempts=3)
    user = UserFactory(username="hv.kiem.tra", email="hv.kiem.tra@example.vn")
    enrolments_create(users=[user], courses=[course])
    log_in(phone, site, "hv.kiem.tra@example.vn")

    phone.goto(site + lesson.url)
    phone.get_by_role("button", name="Đánh dấu đã học xong bài này").click()
    phone.get_by_role("button", name="Bắt đầu làm bài").click()
    phone.get_by_label("5 ngày").check()
    phone.get_by_role("button", name="Nộp bài").click()
    phone.get_by_text("Chưa đạt").first.wait_for()
    assert Enrolment.objects.get(user=user).completed_at is None

    phone.get_by_role("button", name="Làm lại").click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    for label in ("30 ngày", "Cổng thông tin", "Loa truyền thanh", "Sai"):
        phone.get_by_label(label, exact=True).check()
    phone.get_by_label("Câu trả lời của bạn").fill("407")
    phone.get_by_role("button", name="Nộp bài").click()
    phone.get_by_text("Đạt.", exact=True).wait_for()

    phone.get_by_role("link", name="Quay lại bài học").click()
    phone.get_by_text("Bạn đã hoàn thành bài học này.").wait_for()
    phone.goto(site + "/hoc-tap/")
    card = phone.locator(f"[data-course='{course.slug}']")
    assert "100%" in card.inner_text() and "Hoàn thành ngày" in card.inner_text()
    assert Enrolment.objects.get(user=user).completed_at is not None
