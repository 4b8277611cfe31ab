"""Import tasks: large people imports (over 1,000 rows) are applied by a worker."""

from celery import shared_task

from people import imports as people_imports

__all__ = ["import_people_job"]


@shared_task(bind=True, name="people.tasks.import_people_job")
def import_people_job(self, job_id: int) -> str:
    """Apply a confirmed ImportJob (validate its file again, then write it in one transaction),
    updating its progress as it goes. Safe to run twice: a job already done or running is not
    applied again, unless this delivery replaces one whose worker died mid-way."""
    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    return people_imports.job_apply(job_id, redelivered=redelivered).status
