"""`seed_demo`: a Vietnamese demo that a newcomer can learn from, built once however often it runs."""

import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.models import Page, Revision

from courses.models import CoursePage, GuideChapterPage, LessonPage
from lms.demo.h5p import CONTENT_VI, TITLE
from lms.demo.seed import DEMO_LOGINS, DEMO_PASSWORD
from media.models import H5PContent
from media.selectors import content_is_playable

pytestmark = pytest.mark.django_db

PLACEHOLDERS = re.compile(r"lorem|ipsum|todo|tbd|xxx|placeholder|đang cập nhật", re.IGNORECASE)


def snapshot() -> dict:
    """Row counts of every model, plus the latest revision of every page."""
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    counts["revisions"] = list(Revision.objects.order_by("pk").values_list("pk", flat=True))
    return counts


def test_second_run_changes_nothing(capsys):
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first
    assert "không thay đổi gì" in capsys.readouterr().out


def test_prints_every_demo_log_in(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for login in DEMO_LOGINS:
        assert login.username in out


def test_one_course_for_each_audience_cluster(demo):
    audiences_with_courses = set(
        CoursePage.objects.live().values_list("audiences__slug", flat=True)
    )
    assert {"bao-chi", "bao-cao-vien", "phap-che", "tuyen-truyen-vien-xa"} <= audiences_with_courses
    assert CoursePage.objects.live().count() >= 3


# Each topic as groups of words: a course must use one word of every group. The commune
# course speaks plainly ("bốn điều", "vì sao"), the others in the handbook's terms.
CORE_TOPICS = {
    "the four criteria": [["tiêu chí", "bốn điều"]],
    "what the communication must cover": [["sự cần thiết", "vì sao"], ["áp dụng", "đối tượng"]],
    "the channels": [
        ["loa"],
        ["zalo", "facebook", "mạng xã hội"],
        ["họp", "hội nghị", "đối thoại"],
    ],
    "receiving and answering comments": [["góp ý"], ["trả lời", "phản hồi"]],
    "handling contested issues": [["ý kiến khác nhau"]],
}


@pytest.mark.parametrize("topic", CORE_TOPICS)
def test_every_course_teaches_the_core_topics(demo, topic):
    for course in CoursePage.objects.live():
        text = " ".join(
            str(lesson.body) + lesson.title
            for lesson in LessonPage.objects.child_of(course).specific()
        ).lower()
        for group in CORE_TOPICS[topic]:
            assert any(word in text for word in group), (
                f"{course.title} does not cover {topic} ({group})"
            )


def test_content_is_real_text(demo):
    pages = [*GuideChapterPage.objects.all(), *LessonPage.objects.all()]
    assert len(GuideChapterPage.objects.all()) >= 4
    for page in pages:
        body = str(page.body)
        assert len(re.sub(r"<[^>]+>", "", body)) > 1200, (
            f"{page.title} is too short to teach anything"
        )
        assert not PLACEHOLDERS.search(body), page.title


def test_demo_home_replaces_the_wagtail_welcome_page(demo):
    from wagtail.models import Site

    assert Site.objects.get(is_default_site=True).root_page.specific == demo
    assert not Page.objects.filter(title__icontains="Welcome to your new Wagtail site").exists()


def test_demo_users_can_log_in_where_their_role_works(client, demo):
    User = get_user_model()
    assert client.login(username="hocvien", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 302  # a trainee has no admin
    client.logout()
    assert client.login(username="giangvien", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200
    course = CoursePage.objects.first()
    assert client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200
    client.logout()
    assert client.login(username="thongke", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{course.pk}/edit/").status_code in (302, 403)
    assert User.objects.get(username="admin").is_superuser


@pytest.mark.parametrize("login", ["hocvien@demo.lms.local", "0912000001", "+84 912 000 001"])
def test_trainee_logs_in_by_email_or_phone(client, demo, login):
    response = client.post(
        "/accounts/login/", {"login": login, "password": DEMO_PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert "Lê Hoàng Nam" in response.content.decode()


def test_wrong_password_is_refused_in_vietnamese(client, demo):
    bad = client.post("/accounts/login/", {"login": "hocvien@demo.lms.local", "password": "sai"})
    assert bad.status_code == 200
    assert "không chính xác" in bad.content.decode()


def test_the_demo_holds_one_h5p_activity_that_plays(demo):
    """One H5P content, READY and playable, in one lesson's body, however often seed_demo runs;
    its Vietnamese question survives the content filter."""
    call_command("seed_demo")
    content = H5PContent.objects.get(title=TITLE)
    assert content.status == "ready" and content_is_playable(content)
    holders = [
        lesson
        for lesson in LessonPage.objects.live()
        for block in lesson.body
        if block.block_type == "h5p" and block.value["content"].pk == content.pk
    ]
    assert len(holders) == 1
    assert default_storage.exists(f"h5p/libraries/{content.main_library.folder}/library.json")
    with default_storage.open(f"{content.storage_prefix}content/content.json") as stored:
        params = json.load(stored)
    assert params["question"] == CONTENT_VI["question"]


def test_demo_trainees_hold_certificates_of_two_agencies_and_one_history(demo):
    from certificates.models import Certificate

    held = {
        (c.user.username, c.serial, c.issuing_agency.name, c.status)
        for c in Certificate.objects.select_related("user", "issuing_agency")
    }
    assert held == {
        ("ls.hoa", "1/GCN-STP", "Sở Tư pháp tỉnh Lạng Sơn", "valid"),
        ("ls.tuan", "2/GCN-STP", "Sở Tư pháp tỉnh Lạng Sơn", "revoked"),
        ("ls.tuan", "3/GCN-STP", "Sở Tư pháp tỉnh Lạng Sơn", "valid"),
        ("ld.lan", "1/GCN-STP", "Sở Tư pháp tỉnh Lâm Đồng", "valid"),
    }
    revoked = Certificate.objects.get(user__username="ls.tuan", status="revoked")
    assert revoked.replaced_by.status == "valid"
    history = revoked.events.exclude(action="rendered")  # PDFs render when the seed commits
    assert list(history.values_list("action", flat=True)) == [
        "issued",
        "mailed",
        "revoked",
        "reissued",
    ]
    assert "bị hỏng" in revoked.revoked_reason
    # The demo announces nothing: each certificate is marked as needing no letter.
    assert not Certificate.objects.exclude(events__action="mailed").exists()
