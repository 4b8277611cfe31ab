"""Template tags for pages that show a trainee's certificate (the course page)."""

from django import template

from certificates.selectors import certificate_for_enrolment

register = template.Library()


@register.simple_tag
def certificate_of(enrolment):
    """The valid certificate of an enrolment, or None (no query unless it is completed)."""
    return certificate_for_enrolment(enrolment)
