"""The reports app in the Wagtail admin."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from people.roles import is_admin, is_statistician

# --- The statistics dashboard (reports-web: reports/views_dashboard.py) --------------------------


class StatisticsMenuItem(MenuItem):
    """A link to /thong-ke/, shown to statisticians and admins only."""

    def is_shown(self, request):
        return is_admin(request.user) or is_statistician(request.user)


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return StatisticsMenuItem(
        _("Training statistics"),
        reverse_lazy("reports:dashboard"),
        name="training-statistics",
        icon_name="table",
        order=900,
    )


# --- End of the statistics dashboard ---------------------------------------------------------------


# --- Reporting periods and submitted figures (reports-core: reports/models.py) -------------------

from wagtail.snippets.models import register_snippet  # noqa: E402
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup  # noqa: E402

from .models import ReportingPeriod, ReportSnapshot  # noqa: E402


class ReportingPeriodViewSet(SnippetViewSet):
    """Statisticians and admins define the periods (Django model permissions, migration 0002)."""

    model = ReportingPeriod
    icon = "date"
    menu_label = _("Reporting periods")
    list_display = ["name", "kind", "start", "end", "cutoff", "deadline"]
    search_fields = ["name"]


class ReportSnapshotViewSet(SnippetViewSet):
    """Submitted figures: listed and inspected, never edited (freezing is on the dashboard)."""

    model = ReportSnapshot
    icon = "lock"
    menu_label = _("Submitted figures")
    list_display = ["period", "scope_label", "version", "frozen_by", "frozen_at"]
    list_filter = ["period"]
    inspect_view_enabled = True
    inspect_view_fields = ["period", "scope_label", "version", "frozen_by", "frozen_at"]

    def get_urlpatterns(self):
        # No add or edit screens: a snapshot is made only by freezing and never changed.
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in ("add", "edit", "delete", "copy", "revisions_revert")
        ]


class ReportsViewSetGroup(SnippetViewSetGroup):
    items = (ReportingPeriodViewSet, ReportSnapshotViewSet)
    menu_icon = "date"
    menu_label = _("Reporting periods")
    menu_name = "reporting-periods"
    menu_order = 901


register_snippet(ReportsViewSetGroup)
