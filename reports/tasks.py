"""Background work of the reports app."""

from celery import shared_task


@shared_task
def export_report(job_id: str) -> None:
    """Run one export queued by `reports.services.report_export_start`."""
    from .services import report_export_run

    report_export_run(job_id=job_id)


@shared_task
def purge_exports() -> int:
    """Beat, hourly: delete exported files older than a day (safe to run twice)."""
    from .services import report_exports_purge

    return report_exports_purge()


@shared_task
def compact_summary() -> int:
    """Beat, every 10 minutes: merge the summary's delta rows (safe to run twice, and
    alongside writers)."""
    from .summary import compact

    return compact()
