"""Celery against real Redis and real worker processes: round trip, and a worker killed mid-task."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from lms.celery import app

ROOT = Path(__file__).resolve().parents[2]


def test_task_settings_make_tasks_survive_a_lost_worker():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


def test_beat_schedule_names_registered_tasks():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


def test_expired_sessions_are_cleared(db):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from lms.tasks import clear_expired_sessions

    Session.objects.create(
        session_key="old", session_data="x", expire_date=timezone.now() - timedelta(days=1)
    )
    Session.objects.create(
        session_key="new", session_data="x", expire_date=timezone.now() + timedelta(days=1)
    )
    clear_expired_sessions.delay()
    clear_expired_sessions.delay()  # a second run finds nothing to do and fails nothing
    assert list(Session.objects.values_list("session_key", flat=True)) == ["new"]


def start_celery(*args: str, **env: str) -> subprocess.Popen:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", **env}
    command = [sys.executable, "-m", "celery", *args, "-l", "WARNING"]
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def start_worker(queue: str, hostname: str, visibility_timeout: int = 3) -> subprocess.Popen:
    options = ["-Q", queue, "-n", f"{hostname}@%h", "-c", "1", "--pool", "prefork"]
    quiet = ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    return start_celery(
        "-A", "tests.support.worker_tasks", "worker", *options, *quiet,
        CELERY_VISIBILITY_TIMEOUT=str(visibility_timeout),
    )  # fmt: skip


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def wait_for(path: Path, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def broker():
    from tests.support import worker_tasks  # registers the tasks on the app

    app.conf.task_always_eager = False
    app.conf.broker_url = os.environ["REDIS_URL"]
    app.conf.broker_transport_options = {"visibility_timeout": 3}
    queue = f"test-{uuid.uuid4().hex[:8]}"
    yield worker_tasks, queue
    app.conf.task_always_eager = True


@pytest.mark.redis
def test_a_real_worker_runs_a_task_sent_through_redis(broker, tmp_path):
    tasks, queue = broker
    worker = start_worker(queue, "roundtrip")
    try:
        target = tmp_path / "marker.txt"
        tasks.write_marker.apply_async(args=[str(target), "xin chào"], queue=queue)
        assert wait_for(target, 60), "the worker did not run the task"
        assert target.read_text() == "xin chào"
    finally:
        stop(worker)


@pytest.mark.redis
def test_a_task_survives_its_worker_being_killed(broker, tmp_path):
    tasks, queue = broker
    target = tmp_path / "result.txt"
    first = start_worker(queue, "doomed")
    try:
        tasks.slow_write.apply_async(args=[str(target), 2.0], queue=queue)
        assert wait_for(Path(str(target) + ".started"), 60), (
            "the first worker never started the task"
        )
        stop(first, signal.SIGKILL)  # the whole worker, parent and child, dies at once
    finally:
        stop(first, signal.SIGKILL)
    assert not target.exists()
    second = start_worker(queue, "rescuer")
    try:
        assert wait_for(target, 90), "the task was lost with its worker"
        assert target.read_text() == "done\n"
        assert Path(str(target) + ".started").read_text().count("started") == 2
    finally:
        stop(second)


@pytest.mark.redis
def test_beat_sends_scheduled_tasks_to_a_worker(broker, tmp_path):
    _tasks, queue = broker
    marker = tmp_path / "beat.txt"
    worker = start_worker(queue, "scheduled")
    beat = start_celery(
        "-A",
        "tests.support.beat_app",
        "beat",
        "--max-interval",
        "1",
        "-s",
        str(tmp_path / "celerybeat-schedule"),
        BEAT_TEST_QUEUE=queue,
        BEAT_TEST_MARKER=str(marker),
    )
    try:
        assert wait_for(marker, 60), "beat's scheduled task never ran"
        assert marker.read_text() == "beat"
    finally:
        stop(beat)
        stop(worker)
