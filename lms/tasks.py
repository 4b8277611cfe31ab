"""Housekeeping tasks of the project itself; each app keeps its own tasks in <app>/tasks.py."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def clear_expired_sessions() -> None:
    """Delete expired sessions (run daily by beat); deleting nothing is a valid second run."""
    call_command("clearsessions")
