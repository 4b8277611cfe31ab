"""The lesson outline, written in Python: a course of 60 lessons puts 60 list items on every
lesson page, and rendering them through template tags cost more than the rest of the page."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()


@register.simple_tag
def lesson_outline(outline, current=None, link=False, show_states=False):
    """An <ol> of the outline's lessons (module headings between them), each with its state."""
    labels = {
        "completed": format_html(
            '<span class="state state--completed">{}</span>', pgettext("lesson state", "Completed")
        ),
        "in_progress": format_html(
            '<span class="state state--in-progress">{}</span>', _("In progress")
        ),
        "not_started": format_html('<span class="state">{}</span>', _("Not started"))
        if show_states
        else "",
    }
    minutes, optional = pgettext("minutes", "min"), _("optional")
    current_pk = getattr(current, "pk", None)
    rows, module = [], None
    for item in outline:
        lesson = item["lesson"]
        if item["module"] is not None and item["module"] != module:
            rows.append(
                format_html(
                    '<li class="lesson-list__module"><strong>{}</strong></li>', item["module"].title
                )
            )
        module = item["module"]
        is_current = lesson.pk == current_pk
        title = (
            format_html(
                '<a href="{}"{}>{}</a>',
                lesson.url,
                mark_safe(' aria-current="page"') if is_current else "",
                lesson.title,
            )
            if link
            else lesson.title
        )
        rows.append(
            format_html(
                '<li class="lesson-list__item lesson-list__item--{}{}">{} '
                '<span class="meta">· {} {}{}</span> {}</li>',
                item.get("state", "not_started"),
                " lesson-list__item--current" if is_current else "",
                title,
                lesson.estimated_minutes,
                minutes,
                "" if lesson.required else f" · {optional}",
                labels[item.get("state", "not_started")],
            )
        )
    return format_html('<ol class="lesson-list">{}</ol>', mark_safe("".join(rows)))
