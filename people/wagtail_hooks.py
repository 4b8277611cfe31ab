"""People in the Wagtail admin: every list is filtered by the policies in people/permissions.py."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import classes as classes_admin
from .admin_views import data_rights as data_rights_admin
from .admin_views import imports as imports_admin
from .admin_views import progress as progress_admin
from .models import (
    AdministrativeUnit,
    Agency,
    AudienceGroup,
    AuditEvent,
    Jurisdiction,
    Profile,
    TrainingClass,
)
from .permissions import ClassPolicy, PersonPolicy


class ClassPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per class by ClassPolicy (a trainer edits only their classes)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in ("change", "delete"):
            return ClassPolicy.can_manage(user, instance)
        return ClassPolicy.can_view(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if action in ("change", "delete"):
            return ClassPolicy.manageable(user)
        return ClassPolicy.visible(user)


register_permission_policy(TrainingClass, ClassPermissionPolicy(TrainingClass))


class ObjectPermissionMixin:
    """Wagtail's generic edit and delete views check model permissions only; this adds the
    per-object check of the model's permission policy, so a trainer can open only their classes."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        action = self.permission_required or "change"
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, obj
        ):
            raise PermissionDenied
        return obj


class ClassEditView(ObjectPermissionMixin, snippet_views.EditView):
    pass


class ClassDeleteView(ObjectPermissionMixin, snippet_views.DeleteView):
    pass


class TrainingClassViewSet(SnippetViewSet):
    model = TrainingClass
    edit_view_class = ClassEditView
    delete_view_class = ClassDeleteView
    icon = "group"
    list_display = ["title", "mode", "starts_on", "locality"]
    list_filter = ["mode"]
    search_fields = ["title"]

    def get_queryset(self, request):
        return ClassPolicy.visible(request.user).select_related("locality")


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    list_display = ["full_name", "audience", "province", "commune"]
    search_fields = ["full_name"]

    def get_queryset(self, request):
        return Profile.objects.filter(user__in=PersonPolicy.visible(request.user)).select_related(
            "audience", "province", "commune"
        )


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "home"
    list_display = ["name", "kind", "province"]
    search_fields = ["name"]


class AdministrativeUnitViewSet(SnippetViewSet):
    model = AdministrativeUnit
    icon = "site"
    list_display = ["name", "code", "level", "is_current", "successor"]
    list_filter = ["level", "is_current"]
    search_fields = ["name"]


class AudienceGroupViewSet(SnippetViewSet):
    model = AudienceGroup
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class JurisdictionViewSet(SnippetViewSet):
    model = Jurisdiction
    icon = "globe"
    list_display = ["user", "province"]


class AuditEventViewSet(SnippetViewSet):
    model = AuditEvent
    icon = "history"
    list_display = ["at", "actor", "action", "subject", "object_repr"]
    list_filter = ["action"]
    inspect_view_enabled = True


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (
        TrainingClassViewSet,
        ProfileViewSet,
        AgencyViewSet,
        AudienceGroupViewSet,
        AdministrativeUnitViewSet,
        JurisdictionViewSet,
        AuditEventViewSet,
    )
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"


register_snippet(PeopleViewSetGroup)

_ADMIN_VIEW_MODULES = (classes_admin, progress_admin, imports_admin, data_rights_admin)


@hooks.register("register_admin_urls")
def people_admin_urls():
    return [url for module in _ADMIN_VIEW_MODULES for url in module.admin_urlpatterns]


for _module in _ADMIN_VIEW_MODULES:
    for _item in _module.menu_items:
        hooks.register("register_admin_menu_item", lambda item=_item: item)

from . import audit_hooks  # noqa: E402,F401
