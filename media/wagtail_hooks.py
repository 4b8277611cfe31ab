"""H5P in the Wagtail admin: one "H5P" menu with the content (a snippet, so lessons can choose it
with `SnippetChooserBlock("media.H5PContent")`) and the installed libraries. The snippet's create
form is replaced by the package upload (media/admin_views.py); editing changes the title only;
deleting also removes the content's files."""

from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    DeleteView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import admin_views, selectors, services
from .models import H5PContent


class H5PContentDeleteView(DeleteView):
    def delete_action(self):
        services.h5p_content_files_delete(content=self.object)
        super().delete_action()


class H5PContentInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "uploaded_by":  # the model gives it no label of its own
            return gettext("uploaded by")
        return super().get_field_label(field_name, field)


class H5PContentChooserViewSet(SnippetChooserViewSet):
    def get_object_list(self):
        """Authors choose among content that plays: READY, no blocked library."""
        return selectors.playable_contents().order_by("-created_at", "-pk")


class H5PContentViewSet(SnippetViewSet):
    model = H5PContent
    icon = "media"
    menu_label = _("H5P content")
    menu_name = "h5p-content"
    url_prefix = "h5p/content"
    panels = [FieldPanel("title")]
    list_display = [
        "title",
        Column("status_label", label=_("status"), accessor=admin_views.content_status_label),
        Column("main_library", label=_("main library")),
        Column("library_count", label=_("libraries")),
        DateColumn("created_at", label=_("uploaded at")),
    ]
    list_filter = ["status"]
    search_fields = ["title", "original_name"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "status",
        "error",
        "original_name",
        "main_library",
        "language",
        "uploaded_by",
        "created_at",
        "extracted_at",
    ]
    delete_view_class = H5PContentDeleteView
    inspect_view_class = H5PContentInspectView
    chooser_viewset_class = H5PContentChooserViewSet
    copy_view_enabled = False

    def get_queryset(self, request):
        return selectors.contents_for_admin()

    @property
    def add_view(self):
        return self.construct_view(admin_views.H5PUploadView)


class LibraryMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_libraries(request.user)


class H5PLibraryViewSet(ViewSet):
    name = "h5p_libraries"
    url_prefix = "h5p/libraries"
    icon = "code"
    menu_label = _("H5P libraries")
    menu_name = "h5p-libraries"
    add_to_admin_menu = False

    @property
    def menu_item_class(self):
        return LibraryMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.libraries, name="index"),
            path("<int:pk>/switch/", admin_views.library_switch, name="switch"),
        ]


class H5PViewSetGroup(SnippetViewSetGroup):
    items = (H5PContentViewSet, H5PLibraryViewSet)
    menu_label = "H5P"
    menu_icon = "media"
    menu_name = "h5p"
    menu_order = 330


register_snippet(H5PViewSetGroup)
