"""The guide and the courses as Wagtail pages. Pages hold presentation only.

Page tree:  HomePage ─┬─ GuidePage ── GuideChapterPage*
                      └─ CourseIndexPage ── CoursePage* ── LessonPage*
                                              └─ CourseModulePage ── LessonPage*
Learner records (enrolment, progress, activity results) are plain models in `records.py`.
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from assessments.blocks import QuizBlock
from lms.blocks import BaseStreamBlock
from media.blocks import H5PBlock

from .activities import required_activities
from .records import ActivityResult, Enrolment, LessonProgress  # noqa: F401
from .search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin


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


class GuidePage(RoutablePageMixin, FoldedSearchMixin, Page):
    """The communication-skills guide: an introduction and its chapters (chuyên đề).

    `ban-in/` (route "print"): the whole guide on one page, to print or save as a PDF."""

    intro = models.TextField(_("introduction"), blank=True)
    menu_title = models.CharField(
        _("menu title"),
        max_length=40,
        blank=True,
        help_text=_("A short name for the site menu, read on narrow phone screens."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("menu_title")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), *FOLDED_SEARCH_FIELDS]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.GuideChapterPage"]

    class Meta:
        verbose_name = _("guide")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = GuideChapterPage.objects.child_of(self).live()
        context["print_url"] = (self.get_url(request) or "") + self.reverse_subpage("print")
        return context

    @path("ban-in/", name="print")
    def print_version(self, request):
        """Every live chapter in order, with its body. GuideChapterPage rows come with their
        page fields in one query, so the query count does not grow with the chapters
        (blocks that fetch images or documents still look them up once per chapter)."""
        chapters = list(GuideChapterPage.objects.child_of(self).live().order_by("path"))
        return self.render(
            request,
            template="courses/guide_print.html",
            context_overrides={"chapters": chapters, "print_version": True},
        )


class GuideChapterPage(FoldedSearchMixin, SiblingNavigationMixin, Page):
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
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *FOLDED_SEARCH_FIELDS,
    ]
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


class CoursePage(FoldedSearchMixin, Page):
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
    self_enrolment = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("Trainees may enrol themselves. Otherwise only a training class enrols them."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisites"),
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text=_("Courses a trainee must complete before enrolling in this one."),
    )
    min_overall_score = models.PositiveSmallIntegerField(
        _("minimum overall score (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Optional. The course is complete only when the mean score of its scored "
            "activities reaches this level. Leave empty to require only the lessons."
        ),
    )
    h5p_scores_count = models.BooleanField(
        _("H5P scores count toward completion"),
        default=False,
        help_text=_(
            "H5P activities report their results from the trainee's browser, so they are "
            "advisory. Unticked: a required H5P activity is done once the trainee has completed "
            "or answered it, and its score does not count toward the minimum overall score. "
            "Ticked: the trainee must pass it, and its score counts."
        ),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text=_("Completing the course issues a certificate in this layout. Empty: none."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for certificates that do not expire."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcomes"),
        FieldPanel("estimated_minutes"),
        MultiFieldPanel(
            [
                FieldPanel("self_enrolment"),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
                FieldPanel("min_overall_score"),
                FieldPanel("h5p_scores_count"),
            ],
            heading=_("Enrolment and completion"),
        ),
        MultiFieldPanel(
            [FieldPanel("certificate_template"), FieldPanel("certificate_validity_months")],
            heading=_("Certificate"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("outcomes"),
        *FOLDED_SEARCH_FIELDS,
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "courses.CourseModulePage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_view

        context = super().get_context(request, *args, **kwargs)
        context.update(course_view(user=request.user, course=self))
        return context


class CourseModulePage(Page):
    """A group of lessons inside a course (a module, phần), for courses long enough to need it.
    It has no page of its own to read: visiting it leads to the course."""

    summary = models.TextField(_("summary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course module")

    def serve(self, request, *args, **kwargs):
        return redirect(self.get_parent().get_url(request) or "/")


class LessonStreamBlock(BaseStreamBlock):
    """A lesson's body: the shared palette plus the embedded activities (a quiz, an H5P
    activity) that count toward completion; their blocks subclass
    `courses.activities.ActivityBlock` and are added here by the apps that run them."""

    quiz = QuizBlock()
    h5p = H5PBlock()


class LessonPage(FoldedSearchMixin, Page):
    """One lesson of a course, read on a phone. Only enrolled trainees (and staff) read it;
    opening it records progress, and it is complete when its rule is met (`completion_mode`,
    plus every required activity in its body passed)."""

    class CompletionMode(models.TextChoices):
        READ = "read", _("read to the end (or marked done)")
        MARK = "mark", _("marked done by the trainee")

    summary = models.TextField(_("summary"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=15)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    completion_mode = models.CharField(
        _("complete when"),
        max_length=10,
        choices=CompletionMode.choices,
        default=CompletionMode.READ,
    )
    required = models.BooleanField(
        _("required for the course"),
        default=True,
        help_text=_("Optional lessons are offered but do not hold back course completion."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("completion_mode"), FieldPanel("required")],
            heading=_("Completion"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *FOLDED_SEARCH_FIELDS,
    ]
    parent_page_types = ["courses.CoursePage", "courses.CourseModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    def required_activities(self) -> list:
        return required_activities(self.body)

    def serve(self, request, *args, **kwargs):
        """Enrolled trainees and staff read the lesson; anyone else is offered enrolment."""
        from .selectors import lesson_view

        view = lesson_view(user=request.user, lesson=self)
        if view is None:
            raise Http404
        if not view["allowed"] and not getattr(request, "is_preview", False):
            return TemplateResponse(request, "courses/lesson_locked.html", view, status=403)
        request.lms_lesson_view = view
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_view

        context = super().get_context(request, *args, **kwargs)
        view = getattr(request, "lms_lesson_view", None) or lesson_view(
            user=request.user, lesson=self
        )
        context.update(view or {})
        return context
