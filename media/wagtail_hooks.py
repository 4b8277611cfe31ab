"""H5P in the Wagtail admin: one "H5P" menu with the content (a snippet, so lessons can choose it
with `SnippetChooserBlock("media.H5PContent")`) and the installed libraries. The snippet's create
form is replaced by the package upload (media/admin_views.py); editing changes the title only;
deleting also removes the content's files."""

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    DeleteView,
    IndexView,
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


def retry_button(view, content: H5PContent) -> ListingButton | None:
    """ "Giải nén lại" for a FAILED content, to those who may change content."""
    if content.status != H5PContent.Status.FAILED or not view.request.user.has_perm(
        admin_views.CHANGE_CONTENT_PERMISSION
    ):
        return None
    url = reverse(f"{view.retry_url_namespace}:retry", args=[content.pk])
    return ListingButton(_("Extract again"), url=url, icon_name="rotate", priority=5)


class H5PContentIndexView(IndexView):
    retry_url_namespace = None  # set by the viewset

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        retry = retry_button(self, instance)
        return [retry, *buttons] if retry else buttons


class H5PContentInspectView(InspectView):
    retry_url_namespace = None  # set by the viewset

    def get_header_more_buttons(self):
        buttons = super().get_header_more_buttons()
        retry = retry_button(self, self.object)
        return [retry, *buttons] if retry else buttons

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
    index_view_class = H5PContentIndexView
    inspect_view_class = H5PContentInspectView
    chooser_viewset_class = H5PContentChooserViewSet
    copy_view_enabled = False

    def get_queryset(self, request):
        return selectors.contents_for_admin()

    @property
    def add_view(self):
        return self.construct_view(admin_views.H5PUploadView)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(retry_url_namespace=self.url_namespace, **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(retry_url_namespace=self.url_namespace, **kwargs)

    @property
    def retry_view(self):
        return admin_views.H5PRetryView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<int:pk>/", self.retry_view, name="retry"),
        ]


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
