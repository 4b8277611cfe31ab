"""Both H5P fixtures import and play in chromium; a trainee on a 360 px phone answers the
TrueFalse activity and its lesson completes, with the player in the lesson page (the embedded
default) and in a frame from a separate content origin (H5P_CONTENT_ORIGIN)."""

import json
import time
import uuid
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


def log_in(phone, site, email):
    phone.goto(site + "/accounts/login/")
    phone.fill("input[name=login]", email)
    phone.fill("input[name=password]", "Demo@407")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(site + "/")


def forged_statement(content, site) -> dict:
    """What a page would post to pass the activity without answering it."""
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "account": {"homePage": site, "name": "1"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
        "object": {"objectType": "Activity", "id": f"{site}/h5p/activity/{content.pk}"},
        "result": {"success": True, "completion": True, "score": {"scaled": 1, "raw": 1, "max": 1}},
    }


def test_with_a_content_origin_the_player_runs_in_a_frame_of_that_origin(
    live_server, site, phone, settings, monkeypatch
):
    """The site on http://127.0.0.1:<port>, H5P on http://localhost:<port>: the same server,
    two origins. The player cannot reach the lesson page, and the lesson page takes nothing
    from any window but its own player frame."""
    monkeypatch.setattr("media.blocks.SAVE_EVERY_SECONDS", 1)
    port = live_server.url.rsplit(":", 1)[1]
    site, h5p_origin = f"http://127.0.0.1:{port}", f"http://localhost:{port}"
    settings.WAGTAILADMIN_BASE_URL = site
    settings.H5P_CONTENT_ORIGIN = h5p_origin
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    truefalse = h5p_package_import(
        file=FIXTURES / "truefalse-h5p-standalone-test.h5p", install_libraries=True
    )
    course = add_course(CourseIndexPage.objects.get(), "Khoá tương tác tách nguồn", lessons=1)
    lesson = LessonPage.objects.live().descendant_of(course).get()
    lesson.body = h5p_body(truefalse, required=True)
    lesson.save_revision().publish()
    user = UserFactory(username="hv.h5p.frame", email="hv.h5p.frame@example.vn")
    enrolments_create(users=[user], courses=[course])
    problems = []
    phone.on("console", lambda message: problems.append(message.text))
    phone.on("pageerror", lambda error: problems.append(f"pageerror {error}"))

    log_in(phone, site, "hv.h5p.frame@example.vn")
    phone.goto(site + lesson.url)
    assert not [url for url in phone.requests_made if "h5p-standalone" in url or "/h5p/" in url]
    phone.locator("#lesson-status").scroll_into_view_if_needed()  # read to the end
    phone.get_by_text("Chưa đạt").first.wait_for()
    phone.get_by_role("button", name="Bắt đầu").click()
    outer = phone.frame_locator("iframe.h5p-activity__frame")
    question = outer.frame_locator("iframe.h5p-iframe")
    question.get_by_text("Is this false?").wait_for()
    player = next(f for f in phone.frames if f.url.startswith(f"{h5p_origin}/h5p/play/"))
    inner = next(f for f in phone.frames if f.parent_frame == player)

    # Another origin: neither the player page nor H5P's own frame can read the lesson page.
    assert player.evaluate("location.origin") == h5p_origin
    assert inner.evaluate("self.origin") == h5p_origin
    reach = "() => { try { return window.top.document.title; } catch (e) { return e.name; } }"
    assert player.evaluate(reach) == "SecurityError"
    assert inner.evaluate(reach) == "SecurityError"
    assert not player.evaluate("document.cookie")  # no session of the site there
    # The frame is as tall as the activity, and nothing scrolls sideways on the phone.
    assert player.evaluate("document.documentElement.scrollHeight <= innerHeight + 1")
    assert player.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    # Messages that are not from the player frame are ignored: this page posting to itself,
    # and another window of the content origin. Each sender then posts a probe: messages from
    # one window arrive in order, so once the probe is in, the forged ones have been handled,
    # and the page would have called fetch while handling them.
    phone.evaluate(
        """() => { window.sent = []; const real = window.fetch;
           window.fetch = (...args) => { window.sent.push(String(args[0])); return real(...args); };
           window.probes = 0;
           window.addEventListener('message', e => { if (e.data === 'probe') window.probes++; }); }"""
    )
    forged_here = forged_statement(truefalse, site)
    phone.evaluate(
        """s => { window.postMessage({type: 'lms-h5p:xapi', statement: s}, '*');
           window.postMessage({type: 'lms-h5p:state', data: '{"forged": 1}'}, '*');
           window.postMessage('probe', '*'); }""",
        forged_here,
    )
    phone.evaluate(
        """src => new Promise(done => { const f = document.createElement('iframe');
           f.src = src; f.onload = done; document.body.appendChild(f); })""",
        f"{h5p_origin}/static/media/h5p-frame.css",
    )
    stranger = next(f for f in phone.frames if f.url.endswith("h5p-frame.css"))
    assert stranger.evaluate("location.origin") == h5p_origin
    forged_there = forged_statement(truefalse, site)
    stranger.evaluate(
        """s => { parent.postMessage({type: 'lms-h5p:xapi', statement: s}, '*');
           parent.postMessage({type: 'lms-h5p:state', data: '{"forged": 2}'}, '*');
           parent.postMessage('probe', '*'); }""",
        forged_there,
    )
    phone.wait_for_function("window.probes === 2")
    assert phone.evaluate("window.sent") == []

    # Answering goes through the frame: its state is saved on the site (every second here).
    question.locator(".h5p-true-false-answer", has_text="False").click()
    for _ in range(100):
        if H5PState.objects.filter(user=user, content=truefalse).exists():
            break
        time.sleep(0.1)
    saved = H5PState.objects.get(user=user, content=truefalse).data
    assert "forged" not in saved and "answer" in saved
    assert any("/h5p/state/" in url for url in phone.evaluate("window.sent"))
    question.get_by_role("button", name="Check").click()
    phone.get_by_text("Đã ghi nhận kết quả: đạt.").wait_for()
    phone.get_by_text("Bạn đã hoàn thành bài học này.").wait_for()
    assert LessonProgress.objects.get(user=user, lesson=lesson).completed_at is not None
    stored = XAPIStatement.objects.filter(user=user, is_sub=False).first()
    assert stored.statement["actor"]["account"] == {"homePage": site, "name": str(user.pk)}
    forged_ids = {uuid.UUID(forged_here["id"]), uuid.UUID(forged_there["id"])}
    assert not XAPIStatement.objects.filter(statement_id__in=forged_ids).exists()

    # Back to the lesson: the frame gets the saved state and opens where the trainee left it.
    phone.reload()
    phone.get_by_role("button", name="Bắt đầu").click()
    chosen = phone.frame_locator("iframe.h5p-activity__frame").frame_locator("iframe.h5p-iframe")
    assert chosen.locator("[aria-checked=true]").inner_text() == "False"
    # The player and its files came from the content origin; nothing from any other host.
    assert [url for url in phone.requests_made if "h5p-standalone" in url]
    assert all(url.startswith(h5p_origin) for url in phone.requests_made if "h5p-standalone" in url)
    assert all(url.startswith((site, h5p_origin, "data:", "about:")) for url in phone.requests_made)
    # No script error and nothing refused by the player page's Content-Security-Policy.
    assert not problems, problems

    # An expired link: the player page refuses to play, and the lesson says it could not load
    # the activity and offers Start again.
    settings.H5P_TOKEN_MAX_AGE = -1
    phone.reload()
    phone.get_by_role("button", name="Bắt đầu").click()
    phone.get_by_text("Không tải được hoạt động.").wait_for()
    assert phone.get_by_role("button", name="Bắt đầu").is_enabled()
    assert phone.locator("iframe.h5p-activity__frame").count() == 0
