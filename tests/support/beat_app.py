"""The project's Celery app with a one-second schedule, for the beat test.

`celery -A tests.support.beat_app beat` runs lms/celery.py's app unchanged except for the
schedule, which sends tests.write_marker to the queue named in BEAT_TEST_QUEUE every second.
"""

import os

from tests.support.worker_tasks import app

# The test settings run tasks in-process; beat must publish to Redis as it does in production.
app.conf.task_always_eager = False
app.conf.beat_schedule = {
    "write-marker-every-second": {
        "task": "tests.write_marker",
        "schedule": 1.0,
        "args": (os.environ["BEAT_TEST_MARKER"], "beat"),
        "options": {"queue": os.environ["BEAT_TEST_QUEUE"]},
    }
}
