"""Offline reading and media in Chromium on a 360 px phone: the service worker keeps the guide
chapters a trainee opened, shows the offline page for the rest, and a video's captions load."""

import json
import re

import pytest
from django.core.files.base import ContentFile

from courses.models import GuideChapterPage, GuidePage

pytestmark = pytest.mark.e2e

PAGES_CACHE = "lms-pages-v1"
OPEN_PAGES = f"caches.open({json.dumps(PAGES_CACHE)})"
SAVED = f"async (url) => Boolean(await (await {OPEN_PAGES}).match(url, {{ignoreVary: true}}))"


def chapters() -> list[GuideChapterPage]:
    guide = GuidePage.objects.live().get()
    return list(GuideChapterPage.objects.child_of(guide).live().order_by("path"))


def wait_until_saved(page, url: str, seconds: float = 10) -> None:
    # evaluate() awaits the promise; wait_for_function() would take a pending promise as true.
    for _ in range(int(seconds * 10)):
        if page.evaluate(SAVED, url):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{url} was not saved for offline reading")


def wait_for_worker(page):
    page.wait_for_function(
        "navigator.serviceWorker.controller !== null"
        " && navigator.serviceWorker.controller.state === 'activated'"
    )


def test_opened_chapters_stay_readable_offline(site, phone):
    first, second, *_ = chapters()
    guide = GuidePage.objects.live().get()

    phone.goto(site + guide.url)
    wait_for_worker(phone)
    phone.goto(site + first.url)
    wait_until_saved(phone, site + first.url)
    text = phone.locator("article").inner_text()
    assert first.title in text

    phone.context.set_offline(True)
    phone.reload()
    assert phone.locator("h1").inner_text() == first.title
    assert phone.locator("article").inner_text() == text

    # The guide's table of contents was saved too.
    phone.goto(site + guide.url)
    assert phone.get_by_role("link", name=first.title).is_visible()

    # A chapter never opened: the offline page, in Vietnamese.
    phone.goto(site + second.url)
    assert phone.locator("h1").inner_text() == "Không có kết nối mạng"
    assert "chưa được lưu" in phone.locator("main").inner_text()
    assert phone.locator("html").get_attribute("lang") == "vi"

    # Pages not marked for offline reading are never saved (a course, the home page).
    phone.context.set_offline(False)
    phone.goto(site + "/")
    saved = phone.evaluate(f"async () => (await (await {OPEN_PAGES}).keys()).map(r => r.url)")
    assert sorted(saved) == sorted([site + guide.url, site + first.url])


def test_the_first_page_opened_is_saved_too(site, phone):
    """A chapter opened before the worker ran (the very first visit) is saved when it starts."""
    chapter = chapters()[2]
    phone.goto(site + chapter.url)
    wait_for_worker(phone)
    wait_until_saved(phone, site + chapter.url)
    phone.context.set_offline(True)
    phone.reload()
    assert phone.locator("h1").inner_text() == chapter.title


def test_service_worker_script(site, phone):
    response = phone.request.get(site + "/sw.js")
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/javascript")
    assert response.headers["service-worker-allowed"] == "/"
    assert "no-cache" in response.headers["cache-control"]
    assert response.text().startswith("self.LMS_OFFLINE = ")


WEBVTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào các học viên.\n".encode()


def test_video_captions_load_in_the_browser(site, phone):
    from wagtail.documents.models import Document

    from lms.demo.seed import stream

    video = Document(title="Giới thiệu")
    # Never played (preload="none"): a few bytes stand for the video.
    video.file.save("gioi-thieu.webm", ContentFile(b"\x1aE\xdf\xa3" + b"\0" * 60), save=False)
    video.save()
    captions = Document(title="Phụ đề")
    captions.file.save("gioi-thieu.vtt", ContentFile(WEBVTT), save=False)
    captions.save()
    guide = GuidePage.objects.live().get()
    chapter = GuideChapterPage(
        title="Chuyên đề có video",
        slug="chuyen-de-co-video",
        number=99,
        body=stream(
            [
                (
                    "media",
                    {
                        "title": "Giới thiệu cẩm nang",
                        "kind": "video",
                        "media": video.pk,
                        "captions": [
                            {"file": captions.pk, "language": "vi", "label": "Tiếng Việt"}
                        ],
                        "poster": None,
                        "transcript": "<p>Xin chào các học viên.</p>",
                    },
                )
            ]
        ),
    )
    guide.add_child(instance=chapter)
    chapter.save_revision().publish()

    phone.goto(site + chapter.url)
    track = phone.locator("video track")
    assert track.get_attribute("srclang") == "vi"
    assert track.get_attribute("default") is not None
    phone.wait_for_function("document.querySelector('video track').readyState === 2")
    cues = phone.evaluate(
        "Array.from(document.querySelector('video').textTracks[0].cues).map(c => c.text)"
    )
    assert cues == ["Xin chào các học viên."]
    # The video itself is not fetched until played; the transcript is in the page.
    assert not [url for url in phone.requests_made if url.endswith(".webm")]
    transcript = phone.locator("details")
    assert "Xin chào các học viên." in transcript.text_content()
    transcript.locator("summary").click()
    assert "Xin chào các học viên." in transcript.inner_text()


def test_print_version_prints_chapters_on_their_own_pages(site, phone):
    guide = GuidePage.objects.live().get()
    phone.goto(site + guide.url)
    phone.get_by_role("link", name="Bản in / Lưu PDF").click()
    phone.wait_for_url(site + guide.url + "ban-in/")
    phone.emulate_media(media="print")
    assert not phone.locator(".site-header").is_visible()
    assert not phone.locator(".site-footer").is_visible()
    breaks = phone.eval_on_selector_all(
        ".guide-print__chapter", "els => els.map(el => getComputedStyle(el).breakBefore)"
    )
    assert breaks == ["page"] * len(chapters())
    pdf = phone.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    # A cover with the contents, then every chapter from a new page.
    assert pages >= len(chapters()) + 1
