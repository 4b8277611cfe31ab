"""Writes of the reports app: freezing submitted figures, and exports run in the background."""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import resolve_jurisdiction
from .figures import METRICS, ReportQuery, compute, metric_labels, suppress_small
from .models import ReportingPeriod, ReportSnapshot

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------- freezing


def report_freeze(
    *, period_id: int, actor, province_code=None, commune_code=None
) -> ReportSnapshot:
    """Freeze today's figures of a period and jurisdiction as the submitted snapshot.

    The actor must hold the jurisdiction (PermissionDenied otherwise; unknown codes ValueError).
    A snapshot is never overwritten: freezing again makes version n + 1, unless the figures are
    the same as the latest version's, which is then returned (so a double click makes one).
    """
    scope = resolve_jurisdiction(actor, province_code, commune_code)
    with transaction.atomic():
        period = ReportingPeriod.objects.select_for_update().get(pk=period_id)
        report = compute(period.query(scope.province_code, scope.commune_code))
        latest = (
            ReportSnapshot.objects.filter(
                period=period,
                province_code=scope.province_code or "",
                commune_code=scope.commune_code or "",
            )
            .order_by("-version")
            .first()
        )
        if latest is not None and _comparable(latest.data) == _comparable(report):
            return latest
        return ReportSnapshot.objects.create(
            period=period,
            province_code=scope.province_code or "",
            commune_code=scope.commune_code or "",
            scope_label=scope.label,
            version=(latest.version + 1) if latest else 1,
            data=report,
            frozen_by=actor if getattr(actor, "pk", None) else None,
        )


def _comparable(report: dict) -> dict:
    return {k: v for k, v in report.items() if k != "query"}


def _cells(report: dict):
    """(table, key, label, metric) -> value for every cell of a report."""
    out = {}
    for metric in METRICS:
        out[("totals", None, "", metric)] = report["totals"].get(metric)
    for name, rows in report["breakdowns"].items():
        for row in rows:
            for metric in METRICS:
                out[(name, row["key"], row.get("label", ""), metric)] = row.get(metric)
    for row in report.get("province_audience", []):
        key = f"{row['province']}/{row['audience']}"
        label = f"{row['province_label']} – {row['audience_label']}"
        for metric in METRICS:
            out[("province_audience", key, label, metric)] = row.get(metric)
    for row in report.get("monthly", []):
        for metric in METRICS:
            out[("monthly", row["month"], row["month"], metric)] = row.get(metric)
    return out


def report_diff(frozen: dict, current: dict) -> list[dict]:
    """The cells whose value differs between two reports of the same query, in table order."""
    before, after = _cells(frozen), _cells(current)
    by_key_before = {(t, k, m): v for (t, k, _label, m), v in before.items()}
    by_key_after = {(t, k, m): v for (t, k, _label, m), v in after.items()}
    labels = {(t, k, m): label for (t, k, label, m) in list(before) + list(after)}
    labels_of_metrics = metric_labels()
    order = list(dict.fromkeys(list(by_key_before) + list(by_key_after)))
    changes = []
    for cell in order:
        old, new = by_key_before.get(cell), by_key_after.get(cell)
        if old != new:
            table, key, metric = cell
            changes.append(
                {
                    "table": table,
                    "key": key,
                    "label": labels.get(cell, ""),
                    "metric": metric,
                    "metric_label": labels_of_metrics.get(metric, metric),
                    "frozen": old,
                    "current": new,
                }
            )
    return changes


def snapshot_diff(snapshot: ReportSnapshot) -> list[dict]:
    """How today's figures differ from a frozen snapshot: one dict per changed cell
    (table, key, label, metric, metric_label, frozen, current). The snapshot is not touched."""
    return report_diff(snapshot.data, compute(snapshot.query()))


# ---------------------------------------------------------------- exports

EXPORT_TTL = 24 * 3600
FORMATS = ("xlsx", "docx", "json")


def _job_key(job_id: str) -> str:
    return f"reports:export:{job_id}"


def _query_to_dict(query: ReportQuery) -> dict:
    return {
        "start": query.start.isoformat(),
        "end": query.end.isoformat(),
        "cutoff": query.cutoff.isoformat() if query.cutoff else None,
        "province_code": query.province_code,
        "commune_code": query.commune_code,
    }


def _query_from_dict(data: dict) -> ReportQuery:
    from datetime import date

    return ReportQuery(
        start=date.fromisoformat(data["start"]),
        end=date.fromisoformat(data["end"]),
        cutoff=date.fromisoformat(data["cutoff"]) if data.get("cutoff") else None,
        province_code=data.get("province_code"),
        commune_code=data.get("commune_code"),
    )


def report_export_status(job_id: str) -> dict | None:
    """The job's state ("pending", "running", "done", "failed"), percent, file name and
    download address (when done), error message (when failed), and the user who asked."""
    return cache.get(_job_key(str(job_id)))


def _set_status(job_id: str, **changes) -> dict:
    status = cache.get(_job_key(job_id)) or {}
    status.update(changes)
    cache.set(_job_key(job_id), status, EXPORT_TTL)
    return status


def report_export_start(*, user, query: ReportQuery, fmt: str, suppress: bool = False) -> str:
    """Queue an export of the report of `query` (already checked against the user's
    jurisdiction) and return the job id; `report_export_status(job_id)` follows it."""
    from .tasks import export_report

    if fmt not in FORMATS:
        raise ValueError(_("Unknown export format: %(value)s") % {"value": fmt})
    query.validate()
    job_id = uuid.uuid4().hex
    _set_status(
        job_id,
        state="pending",
        percent=0,
        format=fmt,
        suppress=bool(suppress),
        query=_query_to_dict(query),
        user_id=getattr(user, "pk", None),
        file_name="",
        url="",
        error="",
        created_at=timezone.now().isoformat(),
    )
    transaction.on_commit(lambda: export_report.delay(job_id))
    return job_id


def report_export_run(*, job_id: str) -> dict:
    """Compute, render and store one export, updating its progress in the cache."""
    from .exports import EXPORTERS

    status = report_export_status(job_id)
    if status is None:
        raise ValueError(f"unknown export job {job_id}")
    if status.get("state") == "done":
        return status
    try:
        _set_status(job_id, state="running", percent=10)
        report = compute(_query_from_dict(status["query"]))
        if status.get("suppress"):
            report = suppress_small(report)
        _set_status(job_id, percent=60)
        content = EXPORTERS[status["format"]](report)
        _set_status(job_id, percent=90)
        query = report["query"]
        name = default_storage.save(
            f"reports/exports/{job_id}/bao-cao-{query['start']}-{query['end']}.{status['format']}",
            ContentFile(content),
        )
        return _set_status(
            job_id, state="done", percent=100, file_name=name, url=default_storage.url(name)
        )
    except Exception as error:  # the progress page must say it failed, whatever the cause
        logger.exception("report export %s failed", job_id)
        return _set_status(job_id, state="failed", error=str(error) or _("The export failed."))
