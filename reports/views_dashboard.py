"""The statisticians' dashboard under /thong-ke/: figures as tables and charts, exports, freezing.

Every page reads the same filter (`ReportFilter`: a reporting period or a custom range, and a
jurisdiction), checks it against what the user holds with `reports.access.resolve_jurisdiction`
and only then computes. Bad input is a 400 page, a jurisdiction not held a 403 page: neither
shows any figure. The tables are the accessible source; the charts (Chart.js from our static
files) are drawn from the same numbers, passed with json_script.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from people.models import AdministrativeUnit, Jurisdiction
from people.roles import is_admin, is_statistician

# Metric names of reports.figures.compute(), in the order the tables show them.
METRICS = [
    ("classes", gettext_lazy("Classes held")),
    ("attendances", gettext_lazy("Attendances")),
    ("people_trained", gettext_lazy("People trained")),
    ("enrolments", gettext_lazy("Enrolments")),
    ("completions", gettext_lazy("Completions")),
    ("completion_rate", gettext_lazy("Completion rate (%)")),
    ("quiz_pass_rate", gettext_lazy("Quiz pass rate (%)")),
    ("quiz_mean_score", gettext_lazy("Mean quiz score (%)")),
    ("certificates_valid", gettext_lazy("Certificates (valid)")),
    ("certificates_revoked", gettext_lazy("Certificates (revoked)")),
    ("registered", gettext_lazy("People registered")),
]
BREAKDOWNS = [
    ("province", gettext_lazy("By province")),
    ("commune", gettext_lazy("By commune")),
    ("audience", gettext_lazy("By audience group")),
    ("course", gettext_lazy("By course")),
    ("class", gettext_lazy("By training class")),
    ("mode", gettext_lazy("By mode")),
    ("sex", gettext_lazy("By sex")),
    ("origin", gettext_lazy("Attendances by the attendee's province")),
]
EXPORT_FORMATS = ["xlsx", "docx", "json"]


class BadReportInput(ValueError):
    """A filter that cannot be answered (dates, codes): shown as a 400 with the message."""


@dataclass
class ReportFilter:
    """What the statistician asked for, checked: the period and the jurisdiction held."""

    start: date
    end: date
    cutoff: date | None = None
    province_code: str | None = None
    commune_code: str | None = None
    period: object | None = None
    suppress: bool = False
    scope_label: str = ""

    def query(self):
        from .figures import ReportQuery

        return ReportQuery(
            start=self.start,
            end=self.end,
            cutoff=self.cutoff,
            province_code=self.province_code,
            commune_code=self.commune_code,
        )

    def params(self) -> dict:
        """The filter as query-string parameters (for links and the export form)."""
        params = {}
        if self.period is not None:
            params["period"] = self.period.pk
        else:
            params["from"] = self.start.isoformat()
            params["to"] = self.end.isoformat()
            if self.cutoff:
                params["cutoff"] = self.cutoff.isoformat()
        if self.province_code:
            params["province"] = self.province_code
        if self.commune_code:
            params["commune"] = self.commune_code
        return params


def held_province(user) -> AdministrativeUnit | None:
    """The province a statistician holds; None for national (and for admins)."""
    if is_admin(user):
        return None
    jurisdiction = Jurisdiction.objects.filter(user=user).select_related("province").first()
    if jurisdiction is None:
        raise PermissionDenied(_("No jurisdiction has been assigned to your account."))
    return jurisdiction.province


def _date(data, name: str, label: str) -> date | None:
    raw = (data.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = parse_date(raw)
    except ValueError:
        value = None
    if value is None:
        raise BadReportInput(
            _("%(field)s is not a valid date (use YYYY-MM-DD): %(value)s")
            % {"field": label, "value": raw[:20]}
        )
    return value


def _period(raw: str):
    from .models import ReportingPeriod

    try:
        return ReportingPeriod.objects.get(pk=int(raw))
    except (ValueError, ReportingPeriod.DoesNotExist):
        raise BadReportInput(
            _("Unknown reporting period: %(value)s") % {"value": raw[:20]}
        ) from None


def _default_period():
    from .models import ReportingPeriod

    today = timezone.localdate()
    return (
        ReportingPeriod.objects.filter(start__lte=today).order_by("-start", "-end").first()
        or ReportingPeriod.objects.order_by("-start").first()
    )


def report_filter(user, data, *, period=None, use_default_period: bool = True) -> ReportFilter:
    """Read and check a filter from GET/POST data (or the API's query parameters).

    Raises BadReportInput (400) for bad dates and unknown codes, PermissionDenied (403) for a
    jurisdiction the user does not hold (`reports.access.resolve_jurisdiction`, which also
    gives a provincial statistician their own province when the filter names none).
    """
    start = _date(data, "from", _("Start date"))
    end = _date(data, "to", _("End date"))
    cutoff = _date(data, "cutoff", _("Cut-off date"))
    if period is None and data.get("period") and not (start or end):
        period = _period(str(data.get("period")))
    if period is None and not (start or end) and use_default_period:
        period = _default_period()
    if period is not None:
        start, end = period.start, period.end
        cutoff = cutoff or period.cutoff
    today = timezone.localdate()
    if start is None and end is None:
        start, end = date(today.year, 1, 1), date(today.year, 12, 31)
    elif start is None or end is None:
        raise BadReportInput(_("Give both a start date and an end date."))
    if start > end:
        raise BadReportInput(_("The start date is after the end date."))
    if cutoff is not None and cutoff < start:
        raise BadReportInput(_("The cut-off date is before the start of the period."))
    from .access import resolve_jurisdiction

    try:
        scope = resolve_jurisdiction(
            user,
            (data.get("province") or "").strip() or None,
            (data.get("commune") or "").strip() or None,
        )
    except ValueError as error:
        raise BadReportInput(str(error)) from None
    return ReportFilter(
        start=start,
        end=end,
        cutoff=cutoff,
        province_code=scope.province_code,
        commune_code=scope.commune_code,
        period=period,
        suppress=data.get("suppress") in ("1", "on", "true"),
        scope_label=scope.label,
    )


# ---------------------------------------------------------------- access


def _statistician_view(view):
    """Statisticians and admins only: others get a 403 page, anonymous people the log-in."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (is_admin(request.user) or is_statistician(request.user)):
            return _error(request, 403, _("This page is for statisticians."))
        from .figures import ReportInputError

        try:
            return view(request, *args, **kwargs)
        except (BadReportInput, ReportInputError) as error:
            return _error(request, 400, str(error))
        except PermissionDenied as error:
            return _error(request, 403, str(error) or _("You do not hold this jurisdiction."))

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _error(request, status: int, message: str):
    if request.headers.get("accept", "").startswith("application/json"):
        return JsonResponse({"detail": message}, status=status)
    return render(
        request,
        "reports/dashboard_error.html",
        {"status": status, "message": message, "dashboard_url": reverse("reports:dashboard")},
        status=status,
    )


# ---------------------------------------------------------------- the dashboard


def _jurisdiction_choices(user, chosen: ReportFilter) -> dict:
    """Provinces the user may pick, and the communes of the chosen province."""
    held = held_province(user)
    provinces = AdministrativeUnit.objects.filter(level="province", is_current=True)
    if held is not None:
        provinces = provinces.filter(pk=held.pk)
    communes = AdministrativeUnit.objects.none()
    if chosen.province_code:
        communes = AdministrativeUnit.objects.filter(
            level="commune", is_current=True, parent__code=chosen.province_code,
            parent__level="province", parent__is_current=True,
        )  # fmt: skip
    return {
        "national_allowed": held is None,
        "provinces": list(provinces.order_by("name").values("code", "name")),
        "communes": list(communes.order_by("name").values("code", "name")),
    }


def display(value) -> str:
    """A figure as Vietnamese readers write it: 1.234 and 85,5; no figure as a dash."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return number_format(value, 0, force_grouping=True)
    return number_format(value, 1, force_grouping=True)


def cell_text(row: dict, name: str, minimum: int = 5) -> str:
    """One figure for display: "<5" for a count hidden because it is small, "x" for a cell
    hidden so that such a count cannot be worked out (reports.privacy), else the number."""
    if name in row.get("suppressed_secondary", ()):
        return "x"
    if name in row.get("suppressed", ()):
        return f"<{minimum}"
    return display(row.get(name))


def _cells(row: dict, minimum: int = 5) -> list[str]:
    """The row's figures in METRICS order (see cell_text)."""
    return [cell_text(row, name, minimum) for name, _label in METRICS]


def _table(rows: list[dict], key_label: str, minimum: int) -> dict:
    return {
        "key_label": key_label,
        "rows": [
            {"label": row.get("label") or row.get("key"), "cells": _cells(row, minimum)}
            for row in rows
        ],
    }


def _chart_data(report: dict) -> dict:
    """Series for the three charts, from the same numbers as the tables."""
    breakdowns = report.get("breakdowns", {})

    def bars(rows):
        return {
            "labels": [str(row.get("label") or row.get("key")) for row in rows],
            "series": [
                {
                    "label": str(_("People trained")),
                    "data": [row.get("people_trained") for row in rows],
                },
                {"label": str(_("Attendances")), "data": [row.get("attendances") for row in rows]},
            ],
        }

    monthly = report.get("monthly", [])
    return {
        "province": bars(breakdowns.get("province", [])),
        "audience": bars(breakdowns.get("audience", [])),
        "monthly": {
            "labels": [row["month"] for row in monthly],
            "series": [
                {"label": str(_("Enrolments")), "data": [row.get("enrolments") for row in monthly]},
                {
                    "label": str(_("Completions")),
                    "data": [row.get("completions") for row in monthly],
                },
                {
                    "label": str(_("Attendances")),
                    "data": [row.get("attendances") for row in monthly],
                },
            ],
        },
    }


def _periods():
    from .models import ReportingPeriod

    return list(ReportingPeriod.objects.order_by("-start", "-end"))


def _snapshots(chosen: ReportFilter) -> list:
    """Frozen snapshots of the chosen period and jurisdiction, newest first (one query: each
    one's name shows its period)."""
    from .models import ReportSnapshot

    if chosen.period is None:
        return []
    snapshots = ReportSnapshot.objects.filter(
        period=chosen.period,
        province_code=chosen.province_code or "",
        commune_code=chosen.commune_code or "",
    ).select_related("period")
    return list(snapshots.order_by("-pk")[:10])


@require_GET
@_statistician_view
def dashboard(request):
    """The figures of one period and jurisdiction: totals, every breakdown, three charts."""
    from .access import tables_outside
    from .figures import compute
    from .privacy import privacy_note, suppress_for

    chosen = report_filter(request.user, request.GET)
    report = suppress_for(
        compute(chosen.query()), published=chosen.suppress, outside=tables_outside(request.user)
    )
    minimum = report.get("suppression", {}).get("minimum", 5)
    breakdowns = report.get("breakdowns", {})
    tables = [
        {"name": name, "title": title, **_table(breakdowns[name], title, minimum)}
        for name, title in BREAKDOWNS
        if breakdowns.get(name)
    ]
    totals = _cells(report.get("totals", {}), minimum)
    context = {
        "report": report,
        "chosen": chosen,
        "scope_label": chosen.scope_label,
        "metrics": METRICS,
        "privacy_note": privacy_note(report),
        "totals": totals,
        "total_items": list(zip(METRICS, totals, strict=True)),
        "tables": tables,
        "province_audience": [
            {
                "province": row.get("province_label"),
                "audience": row.get("audience_label"),
                "cells": _cells(row, minimum),
            }
            for row in report.get("province_audience", [])
        ],  # fmt: skip
        "monthly": [
            {"month": f"{row['month'][5:7]}/{row['month'][:4]}", "cells": _cells(row, minimum)}
            for row in report.get("monthly", [])
        ],
        "charts": _chart_data(report),
        "periods": _periods(),
        "choices": _jurisdiction_choices(request.user, chosen),
        "export_formats": EXPORT_FORMATS,
        "params": chosen.params(),
        "snapshots": _snapshots(chosen),
        "can_freeze": chosen.period is not None,
    }
    return render(request, "reports/dashboard.html", context)


# ---------------------------------------------------------------- exports


@require_POST
@_statistician_view
def export_start(request):
    """Start an export of the filtered figures as a background task; go to its progress page."""
    from . import services

    fmt = request.POST.get("format", "")
    if fmt not in EXPORT_FORMATS:
        raise BadReportInput(_("Unknown export format: %(value)s") % {"value": fmt[:10]})
    chosen = report_filter(request.user, request.POST)
    job_id = services.report_export_start(
        user=request.user, query=chosen.query(), fmt=fmt, published=chosen.suppress
    )
    return redirect("reports:export", job_id=job_id)


def _status(request, job_id: str) -> dict:
    from . import services

    status = services.report_export_status(job_id)
    # Only the person who asked sees the job or gets its file (not even another statistician).
    if not status or status.get("user_id") != request.user.pk:
        raise Http404
    return status


@require_GET
@_statistician_view
def export_progress(request, job_id: str):
    """The export's progress bar (refreshed by dashboard.js, or by reloading without JS)."""
    status = _status(request, job_id)
    return render(
        request,
        "reports/dashboard_export.html",
        {
            "status": {**status, "url": _download_url(job_id, status)},
            "job_id": job_id,
            "status_url": reverse("reports:export_status", args=[job_id]),
        },
    )


@require_GET
@_statistician_view
def export_status(request, job_id: str):
    """The export's progress as JSON: state, percent, and the download address once done."""
    status = _status(request, job_id)
    return JsonResponse(
        {
            "state": status.get("state"),
            "percent": status.get("percent", 0),
            "url": _download_url(job_id, status),
            "error": status.get("error") or "",
        }
    )


def _download_url(job_id: str, status: dict) -> str:
    if status.get("state") != "done" or not status.get("file_name"):
        return ""
    return reverse("reports:export_download", args=[job_id])


@require_GET
@_statistician_view
def export_download(request, job_id: str):
    """The exported file, to the person who asked for it only (never a public media address)."""
    from django.core.files.storage import default_storage
    from django.http import FileResponse

    status = _status(request, job_id)
    name = status.get("file_name")
    if status.get("state") != "done" or not name or not default_storage.exists(name):
        raise Http404
    return FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=name.rsplit("/", 1)[-1],
    )


# ---------------------------------------------------------------- freezing


@require_POST
@_statistician_view
def freeze(request):
    """Freeze the chosen period's figures for the jurisdiction as the submitted snapshot."""
    from django.contrib import messages

    from .services import report_freeze

    chosen = report_filter(request.user, request.POST, use_default_period=False)
    if chosen.period is None:
        raise BadReportInput(_("Choose a reporting period to freeze."))
    snapshot = report_freeze(
        period_id=chosen.period.pk,
        province_code=chosen.province_code,
        commune_code=chosen.commune_code,
        actor=request.user,
    )
    messages.success(request, _("The figures were frozen as the submitted snapshot."))
    return redirect("reports:snapshot", snapshot_id=snapshot.pk)


@require_GET
@_statistician_view
def snapshot_detail(request, snapshot_id: int):
    """A frozen snapshot and how today's figures differ from it."""
    from .access import resolve_jurisdiction, tables_outside
    from .models import ReportSnapshot
    from .services import snapshot_diff

    snapshot = (
        ReportSnapshot.objects.select_related("period", "frozen_by").filter(pk=snapshot_id).first()
    )
    if snapshot is None:
        raise Http404
    try:
        resolve_jurisdiction(
            request.user, snapshot.province_code or None, snapshot.commune_code or None
        )
    except ValueError:
        raise Http404 from None
    differences = snapshot_diff(snapshot, hide=tables_outside(request.user))
    return render(
        request,
        "reports/dashboard_snapshot.html",
        {"snapshot": snapshot, "differences": differences, "metrics": METRICS},
    )


# ---------------------------------------------------------------- API token


@require_http_methods(["GET", "POST"])
@_statistician_view
def api_token(request):
    """The user's API token: shown, created or replaced (the old one stops working at once)."""
    from rest_framework.authtoken.models import Token

    token = Token.objects.filter(user=request.user).first()
    if request.method == "POST":
        if token is not None:
            token.delete()
        token = Token.objects.create(user=request.user)
        from django.contrib import messages

        messages.success(request, _("A new token was made; the previous one no longer works."))
        return redirect("reports:api_token")
    return render(
        request,
        "reports/dashboard_api_token.html",
        {"token": token, "openapi_url": reverse("api:openapi")},
    )
