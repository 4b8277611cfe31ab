"""The site search (/tim-kiem/?q=...): the guide and the courses, with or without diacritics.

A constant number of queries whatever the number of results: the search itself (two queries,
see `courses.search.search_page_ids`), then for the ten results shown their specific pages (one
query per page type), their parents and courses (one), and the reader's enrolments (at most
one). Snippets are read from the pages' stored text, never from images or documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from people.text import clean_text

from .models import CourseIndexPage, CoursePage, GuideChapterPage, GuidePage, LessonPage
from .records import Enrolment
from .search import MAX_QUERY_LENGTH, highlight, query_terms, search_page_ids, snippet

RESULTS_PER_PAGE = 10
SEARCHED_TYPES = (GuidePage, GuideChapterPage, CoursePage, LessonPage)
STEPLEN = Page.steplen


@dataclass
class SearchHit:
    page: Page
    url: str
    kind: str
    title: SafeString
    snippet: SafeString
    parent_title: str = ""
    parent_url: str = ""


def searchable_pages(site: Site):
    """Live, public guide and course pages of `site`."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(site.root_page, inclusive=True)
        .type(*SEARCHED_TYPES)
    )


def search(request):
    query = clean_text(request.GET.get("q", ""))
    context = {"query": query, "max_length": MAX_QUERY_LENGTH, "searched": False}
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = _(
            "Your search is too long: use at most %(limit)s characters, a few key words are enough."
        ) % {"limit": MAX_QUERY_LENGTH}
        return render(request, "courses/search.html", context)
    if not query:
        return render(request, "courses/search.html", context)

    terms = query_terms(query)
    site = Site.find_for_request(request)
    ids = search_page_ids(searchable_pages(site), terms) if site and terms else []
    results = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("trang"))
    context.update(
        searched=True,
        results=results,
        hits=_hits(request, list(results.object_list), terms),
    )
    if not ids and site:
        context["suggestions"] = _suggestions(site)
    return render(request, "courses/search.html", context)


def _hits(request, ids: list[int], terms: list[str]) -> list[SearchHit]:
    if not ids:
        return []
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    pages = [pages[pk] for pk in ids if pk in pages]

    # Parents and, for lessons inside a module, the course above it: one query.
    paths = {page.path[:-STEPLEN] for page in pages}
    paths |= {page.path[: -2 * STEPLEN] for page in pages if isinstance(page, LessonPage)}
    ancestors = {page.path: page for page in Page.objects.filter(path__in=paths)}
    course_type = ContentType.objects.get_for_model(CoursePage).pk
    site_root_paths = {root.root_path for root in Site.get_site_root_paths()}

    def course_of(lesson):
        for path in (lesson.path[:-STEPLEN], lesson.path[: -2 * STEPLEN]):
            ancestor = ancestors.get(path)
            if ancestor is not None and ancestor.content_type_id == course_type:
                return ancestor
        return None

    readable = _readable_courses(request.user, pages)
    hits = []
    for page in pages:
        parent = course_of(page) if isinstance(page, LessonPage) else None
        parent = parent or ancestors.get(page.path[:-STEPLEN])
        if parent is not None and parent.url_path in site_root_paths:
            parent = None  # the home page says nothing about where a result sits
        text = page.search_plain_text()
        if isinstance(page, LessonPage) and not _may_read(readable, course_of(page)):
            text = page.summary  # lesson bodies are for enrolled trainees only
        hits.append(
            SearchHit(
                page=page,
                url=page.get_url(request) or "",
                kind=capfirst(page._meta.verbose_name),
                title=highlight(page.title, terms),
                snippet=snippet(text, terms),
                parent_title=parent.title if parent else "",
                parent_url=(parent.get_url(request) or "") if parent else "",
            )
        )
    return hits


def _readable_courses(user, pages) -> set[int] | None:
    """Ids of the courses whose lessons `user` may read (None: every course, for course staff)."""
    from .selectors import is_course_staff

    if not any(isinstance(page, LessonPage) for page in pages) or not user.is_authenticated:
        return set()
    if is_course_staff(user):
        return None
    return set(
        Enrolment.objects.filter(user=user, unenrolled_at__isnull=True).values_list(
            "course_id", flat=True
        )
    )


def _may_read(readable: set[int] | None, course) -> bool:
    return readable is None or (course is not None and course.pk in readable)


def _suggestions(site: Site) -> dict:
    """Where to browse when nothing matched: the guide and the course catalogue."""
    return {
        "guide": GuidePage.objects.live().descendant_of(site.root_page).first(),
        "catalogue": CourseIndexPage.objects.live().descendant_of(site.root_page).first(),
    }
