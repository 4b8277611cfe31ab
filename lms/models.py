"""The home page: the programme explained to a newcomer, with the way into the guide and courses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock


class HomePage(Page):
    """The site's root page. One per site; the guide and the course catalogue live under it."""

    hero_title = models.CharField(_("headline"), max_length=200)
    hero_text = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.GuidePage", "courses.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.models import CourseIndexPage
        from courses.selectors import course_catalogue, guide_for_home
        from people.models import AudienceGroup

        context = super().get_context(request, *args, **kwargs)
        context["guide"] = guide_for_home(home=self)
        context["courses"] = course_catalogue(root=self)
        context["catalogue"] = CourseIndexPage.objects.live().child_of(self).first()
        context["audiences"] = AudienceGroup.objects.all()
        return context
