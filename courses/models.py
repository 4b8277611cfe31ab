"""The guide and the courses as Wagtail pages. Pages hold presentation only.

Page tree:  HomePage ─┬─ GuidePage ── GuideChapterPage*
                      └─ CourseIndexPage ── CoursePage* ── LessonPage*
Enrolment, progress and completion (plain models, not pages) arrive with the Courses issue.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.blocks import BaseStreamBlock


class SiblingNavigationMixin:
    """Previous and next live pages among a page's siblings, in the order authors set."""

    def sibling_pages(self) -> tuple:
        # Titles and URLs are all the pager shows: plain pages, not their specific bodies.
        siblings = list(self.get_siblings().live())
        position = next(i for i, page in enumerate(siblings) if page.pk == self.pk)
        previous_page = siblings[position - 1] if position > 0 else None
        next_page = siblings[position + 1] if position + 1 < len(siblings) else None
        return previous_page, next_page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["previous_page"], context["next_page"] = self.sibling_pages()
        return context


class GuidePage(Page):
    """The communication-skills guide: an introduction and its chapters (chuyên đề)."""

    intro = models.TextField(_("introduction"), blank=True)
    menu_title = models.CharField(
        _("menu title"),
        max_length=40,
        blank=True,
        help_text=_("A short name for the site menu, read on narrow phone screens."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("menu_title")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.GuideChapterPage"]

    class Meta:
        verbose_name = _("guide")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = GuideChapterPage.objects.child_of(self).live()
        return context


class GuideChapterPage(SiblingNavigationMixin, Page):
    """One topic of the guide, read in order with previous/next links and a table of contents."""

    number = models.PositiveSmallIntegerField(_("topic number"))
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.GuidePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide chapter")


class CourseIndexPage(Page):
    """The course catalogue, filterable by audience group."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from people.models import AudienceGroup

        from .selectors import course_catalogue

        context = super().get_context(request, *args, **kwargs)
        audience = request.GET.get("doi-tuong", "")
        context["audiences"] = AudienceGroup.objects.all()
        context["selected_audience"] = audience
        context["courses"] = course_catalogue(root=self, audience_slug=audience or None)
        return context


class CoursePage(Page):
    """A course for one or more audiences: what it teaches, for whom, and its lessons."""

    summary = models.TextField(_("summary"))
    audiences = ParentalManyToManyField(
        "people.AudienceGroup", verbose_name=_("audiences"), blank=True, related_name="courses"
    )
    outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("Learning outcome")))],
        verbose_name=_("learning outcomes"),
        blank=True,
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=60)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcomes"),
        FieldPanel("estimated_minutes"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = LessonPage.objects.child_of(self).live()
        return context


class LessonPage(SiblingNavigationMixin, Page):
    """One lesson of a course, read on a phone: a body of shared blocks, previous and next."""

    summary = models.TextField(_("summary"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=15)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")


class Enrolment(models.Model):
    """A person taking a course: once per (person, course), whether they enrolled themselves or
    a training class enrolled them. Unenrolling keeps the row (`unenrolled_at`) for history."""

    class Source(models.TextChoices):
        SELF = "self", _("self-enrolled")
        CLASS = "class", _("training class")
        IMPORT = "import", _("import")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    training_class = models.ForeignKey(
        "people.TrainingClass",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.SELF
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    unenrolled_at = models.DateTimeField(_("unenrolled at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="enrolment_unique")]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"
