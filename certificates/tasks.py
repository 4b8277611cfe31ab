"""Background work for certificates. Each task takes ids, calls one service and is safe to run
twice (the services are idempotent); database hiccups are retried."""

import logging

from celery import shared_task
from django.db import OperationalError

from . import services

logger = logging.getLogger(__name__)

RETRY = {"autoretry_for": (OperationalError,), "retry_backoff": 5, "max_retries": 5}


@shared_task(**RETRY)
def certificate_issue_task(enrolment_id: int) -> int | None:
    """Issue the certificate of a completed enrolment (enqueued when a course is completed).
    Returns the certificate's id, or None when the enrolment cannot have one."""
    try:
        return services.certificate_issue(enrolment_id=enrolment_id).pk
    except services.NotIssuable as refusal:
        logger.info("no certificate for enrolment %s: %s", enrolment_id, refusal)
        return None


@shared_task(**RETRY)
def certificate_render_task(certificate_id: int) -> int:
    """Render and store the PDF of a certificate (enqueued when it is issued)."""
    return services.certificate_pdf_render(certificate_id=certificate_id).pk
