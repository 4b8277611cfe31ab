"""What a visitor sees: the Vietnamese home page, the guide, the courses, the language switch."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, GuideChapterPage, LessonPage
from people.models import AudienceGroup
from tests.factories import UserFactory, add_course

pytestmark = pytest.mark.django_db


class ResourceCollector(HTMLParser):
    """Every URL a browser fetches on its own when it loads a page (links a person may follow
    are not fetched, so anchors are left out)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in {"src", "srcset", "poster", "data", "action"} or (
                name == "href" and tag == "link"
            ):
                self.urls.append(value)
            if name == "style" and "url(" in value:
                self.urls.append(value)


def external_urls(html: str) -> list[str]:
    collector = ResourceCollector()
    collector.feed(html)
    return [u for u in collector.urls if re.match(r"^(https?:)?//", u) and "testserver" not in u]


def test_home_page_is_vietnamese_and_explains_the_programme(client, demo):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "407/QĐ-TTg" in html
    assert demo.hero_title in html
    for course in CoursePage.objects.live():
        assert course.title in html


def test_every_page_loads_nothing_from_another_host(client, demo):
    lessons = {p.url for p in LessonPage.objects.live()}
    paths = ["/", "/accounts/login/", "/admin/login/"] + [
        p.url for p in Page.objects.live().filter(depth__gte=2)
    ]
    for path in paths:
        response = client.get(path)
        # A lesson offers enrolment to a visitor who is not enrolled (403, with the offer).
        assert response.status_code == (403 if path in lessons else 200), path
        assert external_urls(response.content.decode()) == [], path


def test_language_switch_turns_the_interface_english(client, demo):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    response = client.post("/i18n/setlang/", {"language": "vi", "next": "/"}, follow=True)
    assert "Chuyển đến nội dung chính" in response.content.decode()


def test_guide_has_contents_and_chapters_link_in_order(client, demo):
    chapters = list(GuideChapterPage.objects.live().order_by("path"))
    assert len(chapters) >= 4
    guide_html = client.get(chapters[0].get_parent().url).content.decode()
    positions = [guide_html.index(chapter.title) for chapter in chapters]
    assert positions == sorted(positions)
    second = client.get(chapters[1].url).content.decode()
    assert f'rel="prev" href="{chapters[0].url}"' in second
    assert f'rel="next" href="{chapters[2].url}"' in second


def test_course_catalogue_filters_by_audience(client, demo):
    catalogue = CourseIndexPage.objects.get()
    everything = client.get(catalogue.url).content.decode()
    press_only = client.get(catalogue.url, {"doi-tuong": "bao-chi"}).content.decode()
    press_courses = CoursePage.objects.filter(audiences__slug="bao-chi")
    other_courses = CoursePage.objects.exclude(audiences__slug="bao-chi")
    assert press_courses and other_courses
    for course in press_courses:
        assert course.title in press_only
    for course in other_courses:
        assert course.title in everything
        assert course.title not in press_only


def test_course_page_lists_its_lessons_and_lessons_link_onwards(client, demo):
    course = CoursePage.objects.live().first()
    lessons = list(LessonPage.objects.child_of(course).live())
    html = client.get(course.url).content.decode()
    for lesson in lessons:
        assert lesson.title in html
    client.force_login(UserFactory())
    client.post(reverse("learning:enrol", args=[course.pk]))
    first = client.get(lessons[0].url).content.decode()
    assert course.title in first
    assert f'rel="next" href="{lessons[1].url}"' in first


def test_home_page_queries_do_not_grow_with_courses(client, demo, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get("/")
    catalogue = CourseIndexPage.objects.get()
    audiences = AudienceGroup.objects.all()[:2]
    for n in range(5):
        add_course(catalogue, f"Khoá bổ sung {n}", audiences=audiences, lessons=2)
    with django_assert_max_num_queries(len(before)):
        html = client.get("/").content.decode()
    assert "Khoá bổ sung 4" in html
    assert html.count("2 bài học") >= 5


def test_unknown_page_says_so_in_vietnamese(client, demo):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_health_check_reports_each_service(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["cache"] == "ok"
