"""The Celery application: `celery -A lms worker` and `celery -A lms beat` run it unchanged.

Configuration comes from Django settings under the CELERY_ namespace (lms/settings/base.py):
late acknowledgement, re-queue on worker loss, one message prefetched at a time.
"""

import logging
import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


@signals.worker_init.connect
def report_unreachable_broker(**kwargs) -> None:
    """Say in one line, naming the variable, when the broker does not answer at start-up.

    The worker keeps retrying (a broker may start after its workers), but the operator should
    not have to read kombu's retry messages to learn which setting is wrong.
    """
    from django.conf import settings

    from lms.config import redact, tcp_unreachable_reason

    url = settings.CELERY_BROKER_URL
    if not url:
        return
    reason = tcp_unreachable_reason(url)
    if reason:
        logger.error(
            "%s: cannot connect to %s (%s); retrying",
            settings.CELERY_BROKER_VARIABLE,
            redact(url),
            reason,
        )
