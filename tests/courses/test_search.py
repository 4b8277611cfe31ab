"""The site search: Vietnamese with or without diacritics, live pages of the site only, marked
words, constant queries. Runs on SQLite (FTS5) and PostgreSQL alike."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from courses.models import CoursePage, GuideChapterPage, GuidePage, LessonPage
from courses.search import (
    MAX_QUERY_LENGTH,
    fold_words,
    highlight,
    query_terms,
    snippet,
    stream_text,
)
from lms.models import HomePage
from tests.factories import publish_child

pytestmark = pytest.mark.django_db

URL = "/tim-kiem/"


def search(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    return response


def result_ids(client, query) -> list[int]:
    """Every matching page id, in result order (all pages of results)."""
    return list(search(client, query).context["results"].paginator.object_list)


def chapter(guide, slug, text, *, title=None, publish=True):
    page = GuideChapterPage(
        title=title or f"Chuyên đề {slug}",
        slug=slug,
        number=90,
        summary="",
        body=[("paragraph", f"<p>{text}</p>")],
    )
    if publish:
        return publish_child(guide, page)
    page.live = False
    guide.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def guide(demo):
    return GuidePage.objects.get()


# Folding ------------------------------------------------------------------------------------


def test_query_terms_fold_like_the_index():
    assert query_terms("  Truyền THÔNG dự thảo, dự thảo! ") == ["truyen", "thong", "du", "thao"]
    assert query_terms("Quyết định 407/QĐ-TTg") == ["quyet", "dinh", "407", "qd", "ttg"]
    assert fold_words("Đắk Nông: 407/QĐ-TTg") == "dak nong 407 qd ttg"
    assert query_terms("\"'*()-:^") == []


def test_demo_pages_are_indexed_with_their_folded_text(demo):
    plan = GuideChapterPage.objects.get(slug="lap-ke-hoach-truyen-thong")
    assert "truyen thong du thao chinh sach" in plan.search_folded_text
    assert "Bảy câu hỏi của một bản kế hoạch" in stream_text(plan.body)
    assert plan.search_folded_title == "lap ke hoach truyen thong du thao chinh sach"


@pytest.mark.parametrize(
    ("folded", "accented"),
    [
        ("du thao", "dự thảo"),
        ("truyen thong du thao", "truyền thông dự thảo"),
        ("bao chi", "Báo chí"),
        ("ke hoach", "KẾ HOẠCH"),
        # English stop words once folded: PostgreSQL's "english" configuration would drop them.
        ("the", "thể"),
        ("he thong", "hệ thống"),
    ],
)
def test_folded_and_accented_queries_find_the_same_pages(client, demo, folded, accented):
    found = result_ids(client, folded)
    assert found
    assert result_ids(client, accented) == found


def test_phrase_without_diacritics_finds_the_pages_holding_it_first(client, demo):
    plan = GuideChapterPage.objects.get(slug="lap-ke-hoach-truyen-thong")
    assert "truyền thông dự thảo" in plan.title
    found = result_ids(client, "truyen thong du thao")
    assert plan.pk in found
    pages = {page.pk: page for page in Page.objects.filter(pk__in=found).specific()}
    holds_phrase = ["truyen thong du thao" in pages[pk].search_folded_text for pk in found]
    assert holds_phrase[0]
    # Pages titled with the phrase come first of all.
    in_title = ["truyen thong du thao" in fold_words(pages[pk].title) for pk in found]
    assert in_title[0] and in_title == sorted(in_title, reverse=True)
    # Pages holding the words as a phrase come before pages holding them apart.
    assert holds_phrase == sorted(holds_phrase, reverse=True)
    # Every word must be on the page.
    for pk in found:
        assert set(pages[pk].search_folded_text.split()) >= {"truyen", "thong", "du", "thao"}


def test_every_word_must_match(client, demo):
    assert result_ids(client, "du thao zqxwvutsr") == []


# What is searched ------------------------------------------------------------------------------


def test_a_newly_published_page_is_found_at_once(client, guide):
    page = chapter(guide, "moi", "Phản biện xã hội về quả măng cụt Lái Thiêu.")
    assert result_ids(client, "mang cut lai thieu") == [page.pk]
    assert result_ids(client, "măng cụt") == [page.pk]


def test_a_draft_is_never_found(client, guide):
    chapter(guide, "nhap", "Nội dung bí mật về quả sầu riêng Cái Mơn.", publish=False)
    assert result_ids(client, "sau rieng cai mon") == []


def test_an_unpublished_page_and_a_draft_edit_are_not_found(client, guide):
    page = chapter(guide, "go-xuong", "Bài viết về chôm chôm Vĩnh Long.")
    assert result_ids(client, "chom chom") == [page.pk]
    page.unpublish()
    assert result_ids(client, "chom chom") == []

    other = chapter(guide, "ban-nhap", "Bài viết về thanh long Bình Thuận.")
    draft = other.get_latest_revision_as_object()
    draft.body = [("paragraph", "<p>Đoạn mới về vú sữa Lò Rèn.</p>")]
    draft.save_revision()
    assert result_ids(client, "vu sua lo ren") == []
    assert result_ids(client, "thanh long binh thuan")[0] == other.pk


def test_only_pages_of_the_current_site_are_found(client, demo, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "khac.example"]
    root = Page.get_first_root_node()
    other_home = root.add_child(
        instance=HomePage(title="Trang khác", slug="trang-khac", hero_title="Trang khác")
    )
    Site.objects.create(hostname="khac.example", root_page=other_home, site_name="Khác")
    other_guide = other_home.add_child(instance=GuidePage(title="Cẩm nang khác", slug="cn"))
    page = chapter(other_guide, "khac", "Chỉ có ở trang khác: hạt điều Bình Phước.")
    assert result_ids(client, "hat dieu") == []
    response = client.get(URL, {"q": "hat dieu"}, HTTP_HOST="khac.example")
    assert list(response.context["results"].paginator.object_list) == [page.pk]


def test_courses_and_lessons_are_found_and_labelled(client, demo):
    course = CoursePage.objects.live().first()
    lesson = LessonPage.objects.live().child_of(course).first()
    response = search(client, fold_words(course.title))
    assert course.pk in response.context["results"].paginator.object_list
    hit = next(h for h in response.context["hits"] if h.page.pk == course.pk)
    assert hit.kind == "Khoá học"
    response = search(client, fold_words(lesson.title))
    hit = next(h for h in response.context["hits"] if h.page.pk == lesson.pk)
    assert hit.kind == "Bài học"
    assert hit.parent_title == course.title
    assert hit.url == lesson.url


def test_lesson_bodies_are_not_shown_to_people_who_may_not_read_them(client, demo):
    course = CoursePage.objects.live().first()
    lesson = LessonPage.objects.live().child_of(course).first()
    lesson.summary = "Tóm tắt công khai."
    lesson.body = [("paragraph", "<p>Nội dung riêng cho học viên: quả bòn bon Quảng Nam.</p>")]
    lesson.save_revision().publish()
    response = search(client, "bon bon quang nam")
    (hit,) = response.context["hits"]
    assert hit.page.pk == lesson.pk
    assert "Tóm tắt công khai." in hit.snippet
    assert "Quảng Nam" not in response.content.decode()


# The page -----------------------------------------------------------------------------------


def test_highlighting_ignores_diacritics():
    assert highlight("Truyền thông DỰ THẢO", ["du", "thao"]) == "Truyền thông <mark>DỰ THẢO</mark>"
    assert (
        highlight("<b>dự</b> & đủ", ["du"])
        == "&lt;b&gt;<mark>dự</mark>&lt;/b&gt; &amp; <mark>đủ</mark>"
    )
    # Whole words only: "du" is not marked inside "dung".
    assert highlight("nội dung", ["du"]) == "nội dung"
    text = (
        "Mở đầu. " + "Chữ không liên quan. " * 30 + "Cần truyền thông dự thảo sớm. " + "Hết. " * 40
    )
    cut = snippet(text, query_terms("truyen thong du thao"), length=120)
    assert "<mark>truyền thông dự thảo</mark>" in cut
    assert cut.startswith("… ") and cut.endswith(" …")
    assert len(cut) < 200


def test_results_page_marks_the_words_typed_without_diacritics(client, demo):
    response = search(client, "truyen thong du thao")
    html = response.content.decode()
    assert "<mark>truyền thông dự thảo</mark>" in html.lower()
    plan = GuideChapterPage.objects.get(slug="lap-ke-hoach-truyen-thong")
    assert f'href="{plan.url}"' in html
    assert "Lập kế hoạch <mark>truyền thông dự thảo</mark> chính sách" in html
    assert "Chuyên đề cẩm nang" in html  # its kind
    assert "kết quả" in html  # the count


def test_results_are_paginated_by_ten(client, guide):
    for n in range(12):
        chapter(guide, f"sen-{n}", f"Hoa sen Đồng Tháp số {n}.")
    first = search(client, "hoa sen dong thap")
    assert first.context["results"].paginator.count == 12
    assert len(first.context["hits"]) == 10
    html = first.content.decode()
    assert "trang=2" in html
    second = search(client, "hoa sen dong thap", trang=2)
    assert len(second.context["hits"]) == 2
    assert search(client, "hoa sen dong thap", trang="abc").context["results"].number == 1


def test_no_results_offers_suggestions(client, demo):
    response = search(client, "zqxwvutsr")
    html = response.content.decode()
    assert response.context["results"].paginator.count == 0
    assert "Đọc cẩm nang" in html and "Xem các khoá học" in html
    assert "không dấu" in html


def test_empty_query_shows_the_form_only(client, demo):
    response = search(client, "   ")
    assert response.context["searched"] is False
    assert 'name="q"' in response.content.decode()
    assert "hits" not in response.context


def test_a_too_long_query_gets_a_message_not_an_error(client, demo):
    response = search(client, "dự thảo " * 40)
    assert "hits" not in response.context
    html = response.content.decode()
    assert str(MAX_QUERY_LENGTH) in html
    assert 'role="alert"' in html
    assert "quá dài" in html
    # Right at the limit is fine.
    assert search(client, "a" * MAX_QUERY_LENGTH).context["searched"] is True


def test_odd_characters_do_not_break_the_search(client, demo):
    for query in ['"', "dự thảo\"'", "AND OR NOT", "*", "(", "du-thao:", "NEAR(du thao)", "'; --"]:
        search(client, query)
    html = search(client, "<script>alert(1)</script> dự thảo").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; dự thảo" in html


def test_the_header_has_a_labelled_search_box(client, demo):
    html = client.get("/").content.decode()
    assert 'action="/tim-kiem/"' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html
    assert 'id="site-search-q"' in html


# Queries ------------------------------------------------------------------------------------


def count_queries(client, query) -> int:
    with CaptureQueriesContext(connection) as captured:
        search(client, query)
    return len(captured)


def test_query_count_does_not_grow_with_results(client, guide, django_assert_num_queries):
    """One query per page type among the ten results shown, so both sets are guide chapters."""
    three = [chapter(guide, f"ba-{n}", f"Quả xoài cát Hoà Lộc số {n}.").pk for n in range(3)]
    twenty = [chapter(guide, f"hai-muoi-{n}", f"Quả bưởi Năm Roi số {n}.").pk for n in range(20)]
    assert sorted(result_ids(client, "xoai cat hoa loc")) == sorted(three)
    assert sorted(result_ids(client, "buoi nam roi")) == sorted(twenty)
    few = count_queries(client, "xoai cat hoa loc")
    with django_assert_num_queries(few):
        response = search(client, "buoi nam roi")
    assert len(response.context["hits"]) == 10
