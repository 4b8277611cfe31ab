"""Tasks registered on the project's real Celery app, for tests that start real workers.

`celery -A tests.support.worker_tasks worker` runs the app from lms/celery.py with all of its
settings (late acks, re-queue on worker loss); these tasks only make its behaviour observable.
"""

import time
from pathlib import Path

from lms.celery import app


@app.task(name="tests.write_marker")
def write_marker(path: str, text: str) -> str:
    Path(path).write_text(text)
    return text


@app.task(name="tests.slow_write")
def slow_write(path: str, seconds: float) -> None:
    """Say it started, work for a while, then write the result (appending: a rerun shows)."""
    started = Path(path + ".started")
    with started.open("a") as log:
        log.write("started\n")
    time.sleep(seconds)
    with Path(path).open("a") as out:
        out.write("done\n")
