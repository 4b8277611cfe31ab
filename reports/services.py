"""Writes of the reports app: freezing submitted figures, and exports run in the background."""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from datetime import timedelta

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import resolve_jurisdiction
from .figures import METRICS, ReportQuery, compute, metric_labels
from .models import ReportingPeriod, ReportSnapshot
from .privacy import suppress_for, suppress_small

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


def _value(row: dict, metric: str):
    """A cell's value, or how it is shown when hidden ("<5", "x": reports.privacy)."""
    if metric in row.get("suppressed_secondary", ()):
        return "x"
    if metric in row.get("suppressed", ()):
        return "<5"
    return row.get(metric)


def _cells(report: dict):
    """(table, key, label, metric) -> value for every cell of a report."""
    out = {}
    for metric in METRICS:
        out[("totals", None, "", metric)] = _value(report["totals"], metric)
    for name, rows in report["breakdowns"].items():
        for row in rows:
            for metric in METRICS:
                out[(name, row["key"], row.get("label", ""), metric)] = _value(row, metric)
    for row in report.get("province_audience", []):
        key = f"{row['province']}/{row['audience']}"
        label = f"{row['province_label']} – {row['audience_label']}"
        for metric in METRICS:
            out[("province_audience", key, label, metric)] = _value(row, metric)
    for row in report.get("monthly", []):
        for metric in METRICS:
            out[("monthly", row["month"], row["month"], metric)] = _value(row, metric)
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


def snapshot_diff(snapshot: ReportSnapshot, hide=()) -> list[dict]:
    """How today's figures differ from a frozen snapshot: one dict per changed cell
    (table, key, label, metric, metric_label, frozen, current). The snapshot is not touched.

    Today's figures answer the query the snapshot answered (its dates and cut-off as stored
    in it), not the period as it may have been edited since. `hide`: tables whose small cells
    the reader may not see (`access.tables_outside`), hidden on both sides first."""
    frozen = snapshot.data
    current = compute(_query_from_dict(frozen["query"]))
    if hide:
        frozen = suppress_small(frozen, tables=set(hide))
        current = suppress_small(current, tables=set(hide))
    return report_diff(frozen, current)


# ---------------------------------------------------------------- exports

EXPORT_TTL = 24 * 3600  # the job's status, and the exported file (report_exports_purge)
FORMATS = ("xlsx", "docx", "json")
EXPORTS_DIR = "reports/exports"


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
    """The job's state ("pending", "running", "done", "failed"), percent, stored file name
    (when done), error message (when failed), and the user who asked."""
    return cache.get(_job_key(str(job_id)))


def _set_status(job_id: str, **changes) -> dict:
    status = cache.get(_job_key(job_id)) or {}
    status.update(changes)
    cache.set(_job_key(job_id), status, EXPORT_TTL)
    return status


def report_export_start(*, user, query: ReportQuery, fmt: str, published: bool = False) -> str:
    """Queue an export of the report of `query` (already checked against the user's
    jurisdiction) and return the job id; `report_export_status(job_id)` follows it.

    `published`: every table with its small cells hidden (for publishing); otherwise only the
    tables showing people outside the user's jurisdiction (`access.tables_outside`)."""
    from .access import tables_outside
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
        published=bool(published),
        outside=sorted(tables_outside(user)),
        query=_query_to_dict(query),
        user_id=getattr(user, "pk", None),
        file_name="",
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
        report = suppress_for(
            compute(_query_from_dict(status["query"])),
            published=status.get("published", False),
            outside=status.get("outside", ()),
        )
        _set_status(job_id, percent=60)
        content = EXPORTERS[status["format"]](report)
        _set_status(job_id, percent=90)
        query = report["query"]
        name = default_storage.save(
            f"{EXPORTS_DIR}/{job_id}/bao-cao-{query['start']}-{query['end']}.{status['format']}",
            ContentFile(content),
        )
        # No storage address is kept: the file is served by the dashboard to its owner only.
        return _set_status(job_id, state="done", percent=100, file_name=name)
    except Exception as error:  # the progress page must say it failed, whatever the cause
        logger.exception("report export %s failed", job_id)
        return _set_status(job_id, state="failed", error=str(error) or _("The export failed."))


def report_exports_purge(*, older_than: timedelta | None = None) -> int:
    """Delete the exported files made more than a day ago (`EXPORT_TTL`, when their job's
    status has left the cache too) and return how many went. Safe to run twice, or while an
    export is being written: a file already gone is skipped, a recent one kept."""
    older_than = older_than if older_than is not None else timedelta(seconds=EXPORT_TTL)
    now = timezone.now()
    try:
        folders, _files = default_storage.listdir(EXPORTS_DIR)
    except FileNotFoundError:
        return 0
    removed = 0
    for folder in folders:
        path = f"{EXPORTS_DIR}/{folder}"
        try:
            _dirs, files = default_storage.listdir(path)
        except FileNotFoundError:
            continue
        for name in files:
            try:
                made = default_storage.get_modified_time(f"{path}/{name}")
            except FileNotFoundError:
                continue
            if now - made >= older_than:
                default_storage.delete(f"{path}/{name}")
                removed += 1
        _remove_empty_folder(path)
    return removed


def _remove_empty_folder(path: str) -> None:
    """On disk, the job's folder goes with its last file (object storage has no folders)."""
    with contextlib.suppress(NotImplementedError, OSError):
        os.rmdir(default_storage.path(path))
