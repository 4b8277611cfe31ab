"""Media, offline and print: the video/audio block, phone-sized images, the service worker's
script, the offline page and the guide's print version."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import features
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.models import GuideChapterPage, GuidePage
from lms.blocks import BaseStreamBlock, CaptionedImageBlock, MediaBlock
from lms.demo.seed import stream

pytestmark = pytest.mark.django_db

WEBVTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào.\n".encode()


def document(name: str, content: bytes = b"\0" * 32) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def media_value(media: Document, kind="video", captions=(), poster=None) -> dict:
    return {
        "title": "Giới thiệu",
        "kind": kind,
        "media": media.pk,
        "captions": [{"file": c.pk, "language": "vi", "label": "Tiếng Việt"} for c in captions],
        "poster": poster,
        "transcript": "<p>Lời giới thiệu của giảng viên.</p>",
    }


def clean(value: dict):
    block = MediaBlock()
    return block.clean(block.to_python(value))


def test_media_block_is_in_every_body():
    assert isinstance(BaseStreamBlock().child_blocks["media"], MediaBlock)


@pytest.mark.parametrize(
    ("kind", "name", "ok"),
    [
        ("video", "a.mp4", True),
        ("video", "a.webm", True),
        ("video", "a.m4v", True),
        ("video", "a.mp3", False),
        ("video", "a.pdf", False),
        ("audio", "a.mp3", True),
        ("audio", "a.m4a", True),
        ("audio", "a.ogg", True),
        ("audio", "a.wav", True),
        ("audio", "a.webm", True),
        ("audio", "a.mp4", False),
    ],
)
def test_media_block_accepts_only_playable_files(kind, name, ok):
    value = media_value(document(name), kind=kind)
    if ok:
        assert clean(value)["media"].file_extension == name.rsplit(".", 1)[1]
    else:
        with pytest.raises(StructBlockValidationError) as error:
            clean(value)
        assert "media" in error.value.block_errors
        assert f".{name.rsplit('.', 1)[1]}" in str(error.value.block_errors["media"])


def test_captions_must_be_webvtt():
    with pytest.raises(StructBlockValidationError) as error:
        clean(media_value(document("v.mp4"), captions=[document("phu-de.srt")]))
    assert "captions" in error.value.block_errors
    assert clean(media_value(document("v.mp4"), captions=[document("phu-de.vtt", WEBVTT)]))


def test_transcript_is_required():
    value = media_value(document("v.mp4"))
    value["transcript"] = ""
    with pytest.raises(StructBlockValidationError) as error:
        clean(value)
    assert "transcript" in error.value.block_errors


def test_video_renders_without_preloading_with_captions_transcript_and_download():
    video = document("gioi-thieu.mp4")
    captions = document("gioi-thieu.vtt", WEBVTT)
    poster = Image.objects.create(title="Ảnh", file=get_test_image_file(size=(1280, 720)))
    block = MediaBlock()
    html = block.render(block.to_python(media_value(video, "video", [captions], poster.pk)))
    soup = BeautifulSoup(html, "html.parser")
    player = soup.find("video")
    assert player.has_attr("controls") and player.has_attr("playsinline")
    assert player["preload"] == "none"
    assert player["poster"].endswith(".webp") and player["width"] == "720"
    assert soup.find("source")["src"] == video.url
    assert soup.find("source")["type"] == "video/mp4"
    track = soup.find("track")
    assert track["kind"] == "captions" and track["srclang"] == "vi"
    assert track["label"] == "Tiếng Việt" and track.has_attr("default")
    assert track["src"] == captions.url
    transcript = soup.find("details")
    assert "Lời giới thiệu của giảng viên." in transcript.get_text()
    assert soup.find("a", href=video.url).has_attr("download")


def test_audio_renders_an_audio_player():
    block = MediaBlock()
    html = block.render(block.to_python(media_value(document("bai.mp3"), kind="audio")))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("video") is None
    assert soup.find("audio")["preload"] == "none"
    assert soup.find("source")["type"] == "audio/mpeg"


def test_documents_serve_captions_as_webvtt_and_media_inline(client):
    captions = document("phu-de.vtt", WEBVTT)
    response = client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert response.get("Content-Disposition", "inline").startswith("inline")
    assert b"".join(response.streaming_content) == WEBVTT
    for name, content_type in [
        ("v.mp4", "video/mp4"),
        ("v.webm", "video/webm"),
        ("a.mp3", "audio/mpeg"),
    ]:
        response = client.get(document(name).url)
        assert response["Content-Type"] == content_type
        assert response.get("Content-Disposition", "inline").startswith("inline")


def test_images_are_phone_sized_and_in_modern_formats():
    image = Image.objects.create(title="Sơ đồ", file=get_test_image_file(size=(1600, 1000)))
    block = CaptionedImageBlock()
    html = block.render(block.to_python({"image": image.pk, "alt_text": "Sơ đồ", "caption": ""}))
    soup = BeautifulSoup(html, "html.parser")
    types = [source["type"] for source in soup.find_all("source")]
    expected = (["image/avif"] if features.check("avif") else []) + ["image/webp"]
    assert types == expected
    for source in soup.find_all("source"):
        assert [c.split()[-1] for c in source["srcset"].split(", ")] == ["360w", "720w", "1080w"]
        assert source["sizes"]
    img = soup.find("img")
    # The test image is a PNG: the fallback stays PNG (sharp diagrams, transparency).
    assert img["src"].endswith(".png")
    assert img["alt"] == "Sơ đồ" and img["loading"] == "lazy" and img["decoding"] == "async"
    assert img["width"] == "360" and img["height"] == "225"


# --- Offline ----------------------------------------------------------------------------


def test_service_worker_is_served_at_the_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert body.startswith("self.LMS_OFFLINE = {")
    assert "/static/lms/css/site.css" in body
    assert "be-vietnam-pro-vietnamese-400-normal.woff2" in body
    assert "latin-ext" not in body.split("\n", 1)[0]
    # Unchanged: the browser's update check costs a 304.
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_offline_page_is_vietnamese_and_names_nobody(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="hocvien"))
    html = client.get("/ngoai-tuyen/").content.decode()
    assert "Không có kết nối mạng" in html
    assert "Lê Hoàng Nam" not in html and "csrfmiddlewaretoken" not in html


def test_guide_pages_are_marked_for_offline_reading_and_lessons_are_not(client, demo):
    guide = GuidePage.objects.live().get()
    chapter = GuideChapterPage.objects.child_of(guide).live().first()
    for url in (guide.url, chapter.url, guide.url + "ban-in/"):
        assert 'data-lms-offline="keep"' in client.get(url).content.decode(), url
    assert 'data-lms-offline="keep"' not in client.get("/").content.decode()
    assert 'src="/static/lms/js/offline.js"' in client.get("/").content.decode()


# --- The guide's print version -------------------------------------------------------------


def test_guide_links_to_its_print_version(client, demo):
    guide = GuidePage.objects.live().get()
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    link = soup.find("a", string="Bản in / Lưu PDF")
    assert link["href"] == guide.url + "ban-in/"


def test_print_version_has_every_live_chapter_in_order(client, demo):
    guide = GuidePage.objects.live().get()
    chapters = list(GuideChapterPage.objects.child_of(guide).live().order_by("path"))
    chapters[-1].unpublish()
    response = client.get(guide.url + "ban-in/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [h.get_text() for h in soup.select(".guide-print__chapter-title")]
    assert titles == [c.title for c in chapters[:-1]]
    assert [a["href"] for a in soup.select(".guide-print__toc a")] == [
        f"#chuyen-de-{c.slug}" for c in chapters[:-1]
    ]
    assert soup.find("link", href="/static/lms/css/print.css", media="print")
    # Bodies are there, with the Vietnamese topic numbers.
    assert "Chuyên đề 1" in soup.get_text()
    assert chapters[0].body[1].value.source[:40] in response.content.decode()


def chapter_count_queries(client, guide: GuidePage, count: int) -> int:
    existing = GuideChapterPage.objects.child_of(guide).count()
    body = stream(
        [
            ("heading", "Mục"),
            ("paragraph", "<p>Nội dung chuyên đề.</p>"),
            ("callout", {"kind": "tip", "title": "Mẹo", "body": "<p>Một mẹo.</p>"}),
        ]
    )
    for number in range(existing + 1, count + 1):
        chapter = GuideChapterPage(
            title=f"Chuyên đề {number}", slug=f"chuyen-de-{number}", number=number, body=body
        )
        guide.add_child(instance=chapter)
        chapter.save_revision().publish()
    assert GuideChapterPage.objects.child_of(guide).live().count() == count
    client.get(guide.url + "ban-in/")  # warm the site-root cache, as any earlier request would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(guide.url + "ban-in/")
    assert response.status_code == 200
    assert response.content.decode().count("guide-print__chapter-title") == count
    return len(queries)


def test_print_version_queries_do_not_grow_with_chapters(client, demo):
    guide = GuidePage.objects.live().get()
    assert GuideChapterPage.objects.child_of(guide).count() <= 5
    with_5 = chapter_count_queries(client, guide, 5)
    with_12 = chapter_count_queries(client, guide, 12)
    assert with_12 == with_5
