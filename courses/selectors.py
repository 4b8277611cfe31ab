"""Reads of the course catalogue that pages and other apps use. Constant query counts."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .models import CoursePage, GuideChapterPage, GuidePage, LessonPage


def _live_children_count(model):
    """A subquery counting a page's live children of `model` (treebeard paths, no join)."""
    children = (
        model.objects.live()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .values("depth")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(children, output_field=IntegerField()), 0)


def course_catalogue(*, root: Page, audience_slug: str | None = None):
    """Live courses under `root`, with their audiences and lesson counts, in tree order."""
    courses = (
        CoursePage.objects.live()
        .descendant_of(root)
        .prefetch_related("audiences")
        .annotate(lesson_count=_live_children_count(LessonPage))
        .order_by("path")
    )
    if audience_slug:
        courses = courses.filter(audiences__slug=audience_slug).distinct()
    return courses


def guide_for_home(*, home: Page) -> GuidePage | None:
    """The guide shown on the home page, with its number of live chapters."""
    return (
        GuidePage.objects.live()
        .descendant_of(home)
        .annotate(chapter_count=_live_children_count(GuideChapterPage))
        .order_by("path")
        .first()
    )
