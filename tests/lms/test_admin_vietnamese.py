"""The Wagtail screens a course author uses read in Vietnamese, not in Wagtail's English.

Wagtail ships Vietnamese for about a sixth of its admin; locale/wagtail/ (see build.py there)
completes it for the page editor, snippets, images, documents and workflows. Each screen's text
is checked against every English msgid of Wagtail's catalogues: a text still equal to one of them,
though that msgid has Vietnamese, reached the author in English. The .mo files must be compiled
(`make messages`) for these tests to see the Vietnamese.
"""

import functools
import html
import io
import json
import sys

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image as PILImage

sys.path.insert(0, str(settings.BASE_DIR / "locale" / "wagtail"))
import build  # noqa: E402
import po  # noqa: E402

pytestmark = pytest.mark.django_db

# English that Wagtail never passes through gettext, so no catalogue can translate it: the
# screen-reader label of the page field in the workflow form (Django's pretty_name("page")).
UNTRANSLATABLE = {"workflow create": {"Page"}, "workflow edit": {"Page"}}
# Text in a screen's JSON (the editor's client-side UI, the sidebar) under these keys is shown.
SHOWN_JSON_KEYS = {"label", "title", "text", "helpText", "help_text", "description", "placeholder"}


@functools.cache
def english_with_vietnamese(domain: str = "django") -> dict[str, str]:
    """English text of Wagtail's msgids (plural forms too) -> its Vietnamese, where it differs:
    the Vietnamese gettext finds, or else the one locale/wagtail/ means to give (so a catalogue
    left uncompiled shows up as English, not as an untranslated msgid)."""
    ours = po.translations(build.OUTPUT[domain])
    found = {}
    with translation.override("vi"):
        for label in po.CATALOGUES:
            path = po.catalogue(label, "en")
            if po.domain(label) != domain or not path.exists():
                continue
            for entry in po.read(path):
                if entry.msgctxt:
                    forms = {entry.msgid: translation.pgettext(entry.msgctxt, entry.msgid)}
                elif entry.msgid_plural:
                    vi = translation.ngettext(entry.msgid, entry.msgid_plural, 1)
                    forms = {entry.msgid: vi, entry.msgid_plural: vi}
                else:
                    forms = {entry.msgid: translation.gettext(entry.msgid)}
                for english, vietnamese in forms.items():
                    if vietnamese == english:
                        vietnamese = ours.get(entry.key, english)
                    if vietnamese != english:
                        found.setdefault(" ".join(english.split()), vietnamese)
    return found


def json_texts(value, key=None, shown=False):
    """The strings of a JSON document a person reads: under SHOWN_JSON_KEYS or a strings table."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_texts(v, k, shown or k in {"strings", "STRINGS"})
    elif isinstance(value, list):
        for v in value:
            yield from json_texts(v, key, shown)
    elif isinstance(value, str) and (shown or key in SHOWN_JSON_KEYS):
        yield value


def english_left(page: str) -> list[str]:
    """The texts of an admin page that are still a translated Wagtail msgid's English."""
    soup = BeautifulSoup(page, "html.parser")
    texts = []
    for script in soup.find_all("script", type="application/json"):
        if script.get("id") != "comments-data":
            texts += json_texts(json.loads(script.string or "null"))
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name in ("placeholder", "title"):
                texts.append(value)
            elif name.startswith("data-w-block-") and name.endswith("-value") and value[:1] in "[{":
                texts += json_texts(json.loads(value))
    for hidden in soup.select("script, style, [hidden]"):
        hidden.decompose()
    texts += soup.stripped_strings
    english = english_with_vietnamese()
    left = {" ".join(html.unescape(t).split()) for t in texts if isinstance(t, str)}
    return sorted(t for t in left if t in english)


@pytest.fixture
def author(client, demo):
    client.force_login(get_user_model().objects.get(username="admin"))
    client.cookies["lms_language"] = "vi"
    return client


@pytest.fixture
def lesson(demo):
    from courses.models import LessonPage

    return LessonPage.objects.live().first()


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 3), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("anh-minh-hoa.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def image(demo):
    from wagtail.images.models import Image

    return Image.objects.create(title="Ảnh minh hoạ", file=png())


@pytest.fixture
def document(demo):
    from wagtail.documents.models import Document

    file = SimpleUploadedFile("tai-lieu.txt", "Tài liệu".encode(), content_type="text/plain")
    return Document.objects.create(title="Tài liệu tham khảo", file=file)


def screens(lesson, image, document):
    from wagtail.models import Task, Workflow

    from people.models import AudienceGroup

    parent = lesson.get_parent()
    group = AudienceGroup.objects.first()
    snippets = "/admin/snippets/people/audiencegroup"
    return {
        "page edit": f"/admin/pages/{lesson.pk}/edit/",
        "page create": f"/admin/pages/add/courses/lessonpage/{parent.pk}/",
        "choose page type": f"/admin/pages/{parent.pk}/add_subpage/",
        "explorer": f"/admin/pages/{parent.pk}/",
        "history": f"/admin/pages/{lesson.pk}/history/",
        "revisions compare": f"/admin/pages/{lesson.pk}/revisions/compare/earliest...live/",
        "workflow history": f"/admin/pages/{lesson.pk}/workflow_history/",
        "delete page": f"/admin/pages/{lesson.pk}/delete/",
        "unpublish page": f"/admin/pages/{lesson.pk}/unpublish/",
        "move page": f"/admin/pages/{lesson.pk}/move/",
        "copy page": f"/admin/pages/{lesson.pk}/copy/",
        "page chooser": "/admin/choose-page/",
        "dashboard": "/admin/",
        "images": "/admin/images/",
        "image add": "/admin/images/multiple/add/",
        "image edit": f"/admin/images/{image.pk}/",
        "image delete": f"/admin/images/{image.pk}/delete/",
        "image chooser": "/admin/images/chooser/",
        "documents": "/admin/documents/",
        "document add": "/admin/documents/multiple/add/",
        "document edit": f"/admin/documents/edit/{document.pk}/",
        "document chooser": "/admin/documents/chooser/",
        "snippet listing": f"{snippets}/",
        "snippet create": f"{snippets}/add/",
        "snippet edit": f"{snippets}/edit/{group.pk}/",
        "snippet delete": f"{snippets}/delete/{group.pk}/",
        "workflows": "/admin/workflows/list/",
        "workflow create": "/admin/workflows/add/",
        "workflow edit": f"/admin/workflows/edit/{Workflow.objects.first().pk}/",
        "tasks": "/admin/workflows/tasks/index/",
        "task edit": f"/admin/workflows/tasks/edit/{Task.objects.first().pk}/",
        "task type chooser": "/admin/workflows/task_chooser/",
    }


def test_author_screens_show_no_english_that_has_vietnamese(author, lesson, image, document):
    left = {}
    for name, url in screens(lesson, image, document).items():
        response = author.get(url)
        if response.status_code != 200:
            left[name] = f"{url} answered {response.status_code}"
            continue
        content = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            content = json.loads(content).get("html", "")
        assert 'lang="vi"' in content or name.endswith("chooser"), name
        if found := sorted(set(english_left(content)) - UNTRANSLATABLE.get(name, set())):
            left[name] = found
    assert left == {}


def test_page_editor_action_menu_reads_in_vietnamese(author, lesson):
    page = author.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    # The demo assigns a workflow, so "Submit for moderation" reads "Submit to <workflow>".
    for label in ("Lưu bản nháp", "Xuất bản", "Gửi vào quy trình", "Xem trước", "Ngừng xuất bản"):
        assert label in page, label
    assert "Lên lịch xuất bản" in page or "Đặt lịch" in page
    for english in ("Save draft", "Publish", "Submit to", "Unpublish"):
        assert f">{english}<" not in page, english


def test_workflow_screens_read_in_vietnamese(author):
    assert "Quy trình duyệt" in author.get("/admin/workflows/list/").content.decode()
    assert "Bước duyệt" in author.get("/admin/workflows/tasks/index/").content.decode()


def test_editor_client_side_strings_are_vietnamese(author):
    """The StreamField and rich-text UI are drawn by JavaScript from /admin/jsi18n/."""
    catalogue = author.get("/admin/jsi18n/").content.decode()
    for label in ("Nhân bản", "Chèn khối nội dung", "Chuyển lên", "Thu gọn tất cả"):
        assert json.dumps(label)[1:-1] in catalogue, label


def test_moderation_emails_read_in_vietnamese(lesson):
    """Submitting a lesson e-mails its reviewers and its author, in Vietnamese."""
    from django.core import mail

    admin = get_user_model().objects.get(username="admin")
    lesson.save_revision(user=admin)
    lesson.get_workflow().start(lesson, admin)
    assert mail.outbox
    for message in mail.outbox:
        assert message.subject.startswith("Trang ")
        assert "Chào " in message.body
        for english in ("has been submitted", "You can", "Hello", "notification preferences"):
            assert english not in message.subject + message.body


def test_author_catalogues_are_complete_and_up_to_date():
    texts, problems = build.render()
    assert problems == []
    for domain, text in texts.items():
        assert build.OUTPUT[domain].read_text(encoding="utf-8") == text, (
            "run locale/wagtail/build.py"
        )
    for label in po.AUTHOR_CATALOGUES:
        ours = po.translations(build.OUTPUT[po.domain(label)])
        missing = [e.key for e in po.read(po.catalogue(label, "en")) if e.key not in ours]
        assert missing == [], label


def test_makemessages_and_compilemessages_reach_the_wagtail_catalogue():
    assert settings.LOCALE_PATHS[1] == settings.BASE_DIR / "locale" / "wagtail"
    for domain in po.DOMAINS:
        assert build.OUTPUT[domain].with_suffix(".mo").exists(), "run `make messages`"


def test_moderation_screens_show_no_english_that_has_vietnamese(author, lesson):
    """A lesson in its workflow: the reviewer's dashboard panels, approve and reject dialogs,
    the editor's moderation actions and the workflow history."""
    admin = get_user_model().objects.get(username="admin")
    lesson.save_revision(user=admin)
    workflow_state = lesson.get_workflow().start(lesson, admin)
    task_state = workflow_state.current_task_state
    action = f"/admin/pages/workflow/collect_action_data/{lesson.pk}"
    left = {}
    for name, url in {
        "dashboard": "/admin/",
        "page edit": f"/admin/pages/{lesson.pk}/edit/",
        "approve dialog": f"{action}/approve/{task_state.pk}/",
        "reject dialog": f"{action}/reject/{task_state.pk}/",
        "workflow history": f"/admin/pages/{lesson.pk}/workflow_history/",
        "workflow detail": (
            f"/admin/pages/{lesson.pk}/workflow_history/detail/{workflow_state.pk}/"
        ),
    }.items():
        response = author.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        content = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            content = json.loads(content).get("html", "")
        if found := english_left(content):
            left[name] = found
        if name == "dashboard":
            assert "Đang chờ bạn duyệt" in content
        if name == "page edit":
            assert "Phê duyệt" in content and "Yêu cầu chỉnh sửa" in content
    assert left == {}
