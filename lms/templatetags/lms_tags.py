from django import template
from django.conf import settings
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live pages directly under the site's home page that authors marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(Page.objects.live().in_menu().child_of(site.root_page).specific())


@register.simple_tag
def language_choices():
    """The site's languages, each named in itself ("Tiếng Việt", "English"), never translated."""
    return settings.LANGUAGES
