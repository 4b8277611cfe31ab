"""The statistics API (/api/v1/): the figures of `reports.figures.compute`, scoped to the caller.

Token or session authentication (settings.REST_FRAMEWORK); statisticians and admins only. The
filter is read and checked exactly as on the dashboard (`views_dashboard.report_filter`): bad
dates or unknown codes answer 400, a jurisdiction the caller does not hold 403, both with a
Vietnamese `detail` and no figures. drf-spectacular describes every endpoint in
/api/v1/openapi.json from the serializers below.
"""

from dataclasses import replace

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from people.roles import is_admin, is_statistician

from .figures import BREAKDOWNS as BREAKDOWN_NAMES
from .figures import ReportQuery
from .views_dashboard import METRICS, BadReportInput, held_province, report_filter


class IsStatistician(permissions.BasePermission):
    message = gettext_lazy("The statistics API is for statisticians.")

    def has_permission(self, request, view):
        return is_admin(request.user) or is_statistician(request.user)


class ReportAPIView(APIView):
    """Turn the filter's errors into 400 / 403 answers with a message and nothing else."""

    permission_classes = [permissions.IsAuthenticated, IsStatistician]

    def checked_filter(self, data, *, period=None):
        try:
            return report_filter(self.request.user, data, period=period, use_default_period=False)
        except BadReportInput as error:
            raise ValidationError({"detail": str(error)}) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error) or _("You do not hold this jurisdiction.")) from None

    def report(self, chosen) -> dict:
        from .figures import ReportInputError, compute

        query = chosen.query()
        tables = ReportQuery.table_names(self.request.query_params.get("tables", "")[:300])
        if tables:
            query = replace(query, tables=tables)
        try:
            report = compute(query)
        except ReportInputError as error:
            raise ValidationError({"detail": str(error)}) from None
        return self.shown(report, self.request.query_params)

    def shown(self, report: dict, params) -> dict:
        """The report as the caller may see it: ?suppress=1 (for publishing) hides small cells
        everywhere; tables showing people outside the caller's jurisdiction always."""
        from .access import tables_outside
        from .privacy import suppress_for

        published = params.get("suppress") in ("1", "true", "on")
        return suppress_for(report, published=published, outside=tables_outside(self.request.user))


# ---------------------------------------------------------------- schema of the answers


def _metrics_fields() -> dict:
    """One nullable number per metric: a cell is null when suppressed (fewer than 5 people, or
    hidden so that one cannot be worked out), and then named in `suppressed`."""
    return {
        **{
            name: serializers.FloatField(allow_null=True, required=False, help_text=str(label))
            for name, label in METRICS
        },
        "suppressed": serializers.ListField(
            child=serializers.CharField(),
            required=False,
            help_text="Metrics hidden in this row (counts under 5 and the cells protecting them)",
        ),
        "suppressed_secondary": serializers.ListField(
            child=serializers.CharField(),
            required=False,
            help_text="Of those, the ones hidden only so that a count under 5 cannot be "
            "worked out (they may be 5 or more)",
        ),
    }


Metrics = inline_serializer("Metrics", fields=_metrics_fields())
BreakdownRow = inline_serializer(
    "BreakdownRow",
    fields={
        "key": serializers.CharField(help_text="Code or id of the group"),
        "label": serializers.CharField(),
        **_metrics_fields(),
    },
)
ProvinceAudienceRow = inline_serializer(
    "ProvinceAudienceRow",
    fields={
        "province": serializers.CharField(allow_null=True),
        "province_label": serializers.CharField(),
        "audience": serializers.CharField(allow_null=True),
        "audience_label": serializers.CharField(),
        **_metrics_fields(),
    },
)
MonthlyRow = inline_serializer(
    "MonthlyRow", fields={"month": serializers.CharField(help_text="YYYY-MM"), **_metrics_fields()}
)
Report = inline_serializer(
    "TrainingReport",
    fields={
        "query": serializers.DictField(help_text="The period and jurisdiction answered"),
        "totals": Metrics,
        "breakdowns": inline_serializer(
            "Breakdowns",
            fields={
                name: BreakdownRow.__class__(many=True, required=False) for name in BREAKDOWN_NAMES
            },
        ),
        "province_audience": ProvinceAudienceRow.__class__(many=True),
        "monthly": MonthlyRow.__class__(many=True),
        "not_additive": serializers.DictField(
            help_text="Tables whose rows may add up to more than the total, with the metrics "
            "concerned (one person counted in several rows)"
        ),
        "suppression": serializers.DictField(
            required=False,
            help_text="Present when small cells are hidden: {minimum, tables} (tables null: "
            "every table, as published)",
        ),
    },
)
Error = inline_serializer("Error", fields={"detail": serializers.CharField()})
ERRORS = {
    400: Error,
    401: Error,
    403: Error,
}

JURISDICTION_PARAMETERS = [
    OpenApiParameter(
        "province",
        OpenApiTypes.STR,
        description="Current province code (34 provinces since 1/7/2025). Empty: national for "
        "a national statistician, the caller's own province for a provincial one.",
    ),
    OpenApiParameter("commune", OpenApiTypes.STR, description="Current commune code."),
]
SUPPRESS_PARAMETER = OpenApiParameter(
    "suppress",
    OpenApiTypes.BOOL,
    description="1: for publishing, every count of fewer than 5 people is null (listed in the "
    "row's `suppressed`), with the cells that would let it be worked out (also in "
    "`suppressed_secondary`). Tables showing people outside the caller's jurisdiction are "
    "always treated so.",
)
TABLES_PARAMETER = OpenApiParameter(
    "tables",
    OpenApiTypes.STR,
    description="Comma-separated tables to compute (audience, province, commune, course, "
    "class, mode, sex, origin, province_audience, monthly); the others come back empty. "
    "Default: all. `tables=province_audience` is the annual report by province and audience, "
    "the fastest to answer at national scale. The totals are always there.",
)
REPORT_PARAMETERS = [
    OpenApiParameter(
        "from", OpenApiTypes.DATE, description="First day (YYYY-MM-DD); default 1 January."
    ),
    OpenApiParameter(
        "to", OpenApiTypes.DATE, description="Last day (YYYY-MM-DD); default 31 December."
    ),
    OpenApiParameter(
        "cutoff", OpenApiTypes.DATE, description="Actual data to this day (optional)."
    ),
    *JURISDICTION_PARAMETERS,
    SUPPRESS_PARAMETER,
    TABLES_PARAMETER,
]


# ---------------------------------------------------------------- endpoints


class TrainingReportView(ReportAPIView):
    """Training figures for a date range and a jurisdiction."""

    @extend_schema(
        operation_id="training_report",
        summary="Training figures / Số liệu bồi dưỡng",
        parameters=REPORT_PARAMETERS,
        responses={200: Report, **ERRORS},
    )
    def get(self, request):
        chosen = self.checked_filter(request.query_params)
        return Response(self.report(chosen))


class PeriodSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="__str__")
    start = serializers.DateField()
    end = serializers.DateField()
    cutoff = serializers.DateField(allow_null=True, required=False)


class PeriodListView(ReportAPIView):
    """Reporting periods (calendar years, six months, custom ranges) with their cut-off dates."""

    @extend_schema(operation_id="periods", responses={200: PeriodSerializer(many=True), **ERRORS})
    def get(self, request):
        from .models import ReportingPeriod

        periods = ReportingPeriod.objects.order_by("-start", "-end")
        return Response(PeriodSerializer(periods, many=True).data)


class PeriodReportView(ReportAPIView):
    """The figures of one reporting period, for a jurisdiction."""

    @extend_schema(
        operation_id="period_report",
        parameters=[*JURISDICTION_PARAMETERS, SUPPRESS_PARAMETER, TABLES_PARAMETER],
        responses={200: Report, 404: Error, **ERRORS},
    )
    def get(self, request, period_id: int):
        from .models import ReportingPeriod

        period = ReportingPeriod.objects.filter(pk=period_id).first()
        if period is None:
            raise NotFound(_("Unknown reporting period: %(value)s") % {"value": period_id})
        params = {k: v for k, v in request.query_params.items() if k in ("province", "commune")}
        chosen = self.checked_filter(params, period=period)
        return Response(self.report(chosen))


SnapshotSchema = inline_serializer(
    "Snapshot",
    fields={
        "id": serializers.IntegerField(),
        "period": serializers.IntegerField(),
        "version": serializers.IntegerField(),
        "province": serializers.CharField(allow_null=True),
        "commune": serializers.CharField(allow_null=True),
        "scope_label": serializers.CharField(),
        "frozen_at": serializers.DateTimeField(),
        "frozen_by": serializers.CharField(allow_null=True),
        "url": serializers.CharField(help_text="The snapshot with its figures"),
    },
)
SnapshotDetailSchema = inline_serializer(
    "SnapshotDetail",
    fields={
        "snapshot": SnapshotSchema,
        "report": serializers.DictField(help_text="The figures as frozen (same shape as a report)"),
    },
)


def _snapshot_json(snapshot) -> dict:
    """A snapshot without its figures (`frozen_by` selected with it)."""
    from django.urls import reverse

    return {
        "id": snapshot.pk,
        "period": snapshot.period_id,
        "version": snapshot.version,
        "province": snapshot.province_code or None,
        "commune": snapshot.commune_code or None,
        "scope_label": snapshot.scope_label,
        "frozen_at": snapshot.frozen_at,
        "frozen_by": snapshot.frozen_by.get_username() if snapshot.frozen_by else None,
        "url": reverse("api:snapshot", args=[snapshot.pk]),
    }


def _visible_snapshots(user):
    """The snapshots of the user's jurisdiction: all for a national statistician or an admin,
    their province's (and its communes') for a provincial one."""
    from .models import ReportSnapshot

    snapshots = ReportSnapshot.objects.select_related("frozen_by")
    held = None if is_admin(user) else held_province(user)
    if held is not None:
        snapshots = snapshots.filter(province_code=held.code)
    return snapshots


class SnapshotListView(ReportAPIView):
    """Frozen (submitted) snapshots within the caller's jurisdiction, newest first; the figures
    of each are at its `url`."""

    @extend_schema(
        operation_id="snapshots",
        parameters=[OpenApiParameter("period", OpenApiTypes.INT, description="Period id.")],
        responses={200: SnapshotSchema.__class__(many=True), **ERRORS},
    )
    def get(self, request):
        snapshots = _visible_snapshots(request.user).order_by("-pk")
        period = request.query_params.get("period")
        if period:
            if not period.isdigit():
                raise ValidationError(
                    {"detail": _("Unknown reporting period: %(value)s") % {"value": period[:20]}}
                )
            snapshots = snapshots.filter(period_id=int(period))
        return Response([_snapshot_json(s) for s in snapshots[:500]])


class SnapshotDetailView(ReportAPIView):
    """One frozen snapshot with its figures (cells outside the caller's jurisdiction, or all
    with ?suppress=1, protected as in a report)."""

    @extend_schema(
        operation_id="snapshot",
        parameters=[SUPPRESS_PARAMETER],
        responses={200: SnapshotDetailSchema, 404: Error, **ERRORS},
    )
    def get(self, request, snapshot_id: int):
        snapshot = _visible_snapshots(request.user).filter(pk=snapshot_id).first()
        if snapshot is None:
            raise NotFound(_("No such snapshot in your jurisdiction."))
        return Response(
            {
                "snapshot": _snapshot_json(snapshot),
                "report": self.shown(snapshot.data, request.query_params),
            }
        )


def only_api_v1(endpoints):
    """drf-spectacular preprocessing hook: describe /api/v1/ only, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
