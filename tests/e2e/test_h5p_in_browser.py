"""Both H5P fixtures import and play in chromium; a trainee on a 360 px phone answers the
TrueFalse activity and its lesson completes."""

import json
import time
from pathlib import Path

import pytest

from courses.models import CourseIndexPage, LessonPage, LessonProgress
from courses.records import ActivityResult
from courses.services import enrolments_create
from media.models import H5PState, XAPIStatement
from media.services import h5p_package_import
from tests.factories import UserFactory, add_course

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).parent.parent / "media" / "fixtures"


def h5p_body(content, required: bool) -> str:
    intro = {"type": "paragraph", "value": "<p>Đọc câu hỏi rồi trả lời.</p>"}
    block = {"type": "h5p", "value": {"content": content.pk, "required": required, "caption": ""}}
    return json.dumps([intro, block])


def test_a_trainee_answers_truefalse_on_a_phone_and_dragtext_renders(site, phone, monkeypatch):
    monkeypatch.setattr("media.blocks.SAVE_EVERY_SECONDS", 1)  # the player saves its state
    # As an operator would (import_h5p): the packages install their libraries.
    truefalse = h5p_package_import(
        file=FIXTURES / "truefalse-h5p-standalone-test.h5p", install_libraries=True
    )
    dragtext = h5p_package_import(file=FIXTURES / "dragtext.h5p", install_libraries=True)
    truefalse.refresh_from_db()
    dragtext.refresh_from_db()
    assert (truefalse.status, dragtext.status) == ("ready", "ready")

    course = add_course(CourseIndexPage.objects.get(), "Khoá tương tác", lessons=2)
    first, second = LessonPage.objects.live().descendant_of(course).order_by("path")
    first.body = h5p_body(truefalse, required=True)
    first.save_revision().publish()
    second.body = h5p_body(dragtext, required=False)
    second.save_revision().publish()
    user = UserFactory(username="hv.h5p", email="hv.h5p@example.vn")
    enrolments_create(users=[user], courses=[course])

    phone.goto(site + "/accounts/login/")
    phone.fill("input[name=login]", "hv.h5p@example.vn")
    phone.fill("input[name=password]", "Demo@407")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(site + "/")

    phone.goto(site + first.url)
    assert not [url for url in phone.requests_made if "h5p-standalone" in url]
    # Read to the end, but the required activity is not passed: not complete yet.
    phone.locator("#lesson-status").scroll_into_view_if_needed()
    phone.get_by_text("Chưa đạt").first.wait_for()
    phone.get_by_role("button", name="Bắt đầu").click()
    frame = phone.frame_locator("iframe.h5p-iframe")
    frame.get_by_text("Is this false?").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    frame.locator(".h5p-true-false-answer", has_text="False").click()
    for _ in range(50):
        if H5PState.objects.filter(user=user, content=truefalse).exists():
            break
        time.sleep(0.1)
    frame.get_by_role("button", name="Check").click()

    phone.get_by_text("Đã ghi nhận kết quả: đạt.").wait_for()
    phone.get_by_text("Bạn đã hoàn thành bài học này.").wait_for()
    assert phone.locator("#lesson-status .state--completed").inner_text() == "Đạt"
    progress = LessonProgress.objects.get(user=user, lesson=first)
    assert progress.completed_at is not None
    result = ActivityResult.objects.get(user=user, lesson=first)
    assert (result.key, result.passed, result.score) == (f"h5p:{truefalse.pk}", True, 100)
    stored = XAPIStatement.objects.filter(user=user, is_sub=False).first()
    assert stored.statement["actor"]["account"]["name"] == str(user.pk)

    # Back to the lesson: the activity opens where the trainee left it.
    phone.reload()
    phone.get_by_role("button", name="Bắt đầu").click()
    chosen = phone.frame_locator("iframe.h5p-iframe").locator("[aria-checked=true]")
    assert chosen.inner_text() == "False"

    phone.goto(site + second.url)
    phone.get_by_role("button", name="Bắt đầu").click()
    dragging = phone.frame_locator("iframe.h5p-iframe")
    dragging.get_by_text("What are the colors of these berries").wait_for()
    words = dragging.locator(".h5p-drag-draggables-container")
    for word in ("blue", "red", "orange"):  # the words to drag into the text's gaps
        assert words.get_by_text(word, exact=True).is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    # Nothing came from another host (no CDN, no h5p.org).
    assert all(url.startswith((site, "data:", "about:")) for url in phone.requests_made), [
        url for url in phone.requests_made if not url.startswith(site)
    ]
