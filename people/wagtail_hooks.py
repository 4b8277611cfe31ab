from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AudienceGroup


class AudienceGroupViewSet(SnippetViewSet):
    model = AudienceGroup
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (AudienceGroupViewSet,)
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"


register_snippet(PeopleViewSetGroup)
