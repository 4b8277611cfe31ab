"""Signal receivers, connected in CertificatesConfig.ready()."""

from django.db import transaction


def issue_on_completion(sender, enrolment_id: int, **kwargs) -> None:
    """A course was completed: issue its certificate in the background. The signal comes after
    commit already; on_commit keeps it right if a caller ever sends it inside a transaction."""
    from courses.models import CoursePage

    from .tasks import certificate_issue_task

    if not CoursePage.objects.filter(
        enrolments=enrolment_id, certificate_template__isnull=False
    ).exists():
        return
    transaction.on_commit(lambda: certificate_issue_task.delay(enrolment_id))
