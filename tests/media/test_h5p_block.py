"""The H5P block in a lesson: light until started, settings for the reader, Vietnamese UI."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from courses.services import enrolments_create
from media.models import H5PContent, H5PLibrary
from tests.factories import UserFactory
from tests.media.test_xapi import catalogue, course_with_activity, h5p_content  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_page(catalogue, client):  # noqa: F811
    content = h5p_content("Đúng hay sai về Đề án")
    course, lesson = course_with_activity(catalogue, content)
    trainee = UserFactory()
    enrolments_create(users=[trainee], courses=[course])
    client.force_login(trainee)
    return content, lesson, trainee


def settings_of(html: str) -> dict:
    soup = BeautifulSoup(html, "html.parser")
    section = soup.select_one("main [data-h5p-activity]")
    return json.loads(section.select_one("script[type='application/json']").string)


def test_the_player_loads_only_when_the_trainee_starts(client, lesson_page):
    content, lesson, trainee = lesson_page
    html = client.get(lesson.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("main [data-h5p-start]").get_text(strip=True) == "Bắt đầu"
    scripts = [tag["src"] for tag in soup.find_all("script", src=True)]
    assert not [src for src in scripts if "h5p-standalone" in src], scripts
    ours = [tag for tag in soup.find_all("script", src=True) if "h5p-block.js" in tag["src"]]
    assert len(ours) == 1 and ours[0].has_attr("defer")
    options = settings_of(html)
    assert options["lms"]["player"].endswith("vendor/h5p-standalone/main.bundle.js")
    for name in ("main.bundle.js", "frame.bundle.js", "styles/h5p.css"):
        assert finders.find(f"vendor/h5p-standalone/{name}"), name
    # The lesson names the activity among those to pass.
    assert "Đúng hay sai về Đề án" in soup.select_one("#lesson-status").get_text()


def test_settings_carry_a_token_for_this_reader_and_vietnamese_strings(client, lesson_page):
    content, lesson, trainee = lesson_page
    options = settings_of(client.get(lesson.url).content.decode())
    token = options["lms"]["token"]
    assert options["h5pJsonPath"] == f"/h5p/t/{token}"
    assert options["contentJsonPath"] == f"/h5p/t/{token}/content"
    assert options["xAPIObjectIRI"] == f"http://testserver/h5p/activity/{content.pk}"
    assert options["ajax"]["contentUserDataUrl"].startswith(f"/h5p/state/{content.pk}/?t={token}")
    assert options["translations"]["H5P"]["fullscreen"] == "Toàn màn hình"
    assert options["lms"]["messages"]["lessonDone"] == "Bạn đã hoàn thành bài học này."
    assert str(trainee.email) not in json.dumps(options)
    # The token opens the content's files for this reader only.
    from media.serving import token_claims

    claims = token_claims(token)
    assert (claims.user_id, claims.content_id, claims.lesson_id) == (
        trainee.pk,
        content.pk,
        lesson.pk,
    )


def test_a_lesson_without_h5p_loads_nothing_of_it(client, catalogue):  # noqa: F811
    from courses.models import LessonPage
    from tests.factories import add_course

    course = add_course(catalogue, "Khoá chỉ có bài đọc")
    trainee = UserFactory()
    enrolments_create(users=[trainee], courses=[course])
    client.force_login(trainee)
    html = client.get(LessonPage.objects.child_of(course).get().url).content.decode()
    assert "h5p" not in html.lower()


def test_content_that_cannot_play_says_so(client, lesson_page):
    content, lesson, trainee = lesson_page
    library = H5PLibrary.objects.create(
        machine_name="H5P.Blocked", major_version=1, minor_version=0, title="Blocked"
    )
    content.libraries.add(library)
    library.allowed = False
    library.save()
    html = client.get(lesson.url).content.decode()
    assert "Hoạt động này hiện chưa sử dụng được." in html
    assert "data-h5p-start" not in html
    H5PContent.objects.filter(pk=content.pk).update(status="pending")
    assert "Hoạt động này hiện chưa sử dụng được." in client.get(lesson.url).content.decode()
