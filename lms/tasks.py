"""Housekeeping tasks of the project itself; each app keeps its own tasks in <app>/tasks.py."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def clear_expired_sessions() -> None:
    """Delete expired sessions (run daily by beat); deleting nothing is a valid second run."""
    call_command("clearsessions")


@shared_task
def publish_scheduled_pages() -> None:
    """Publish the pages (and snippets) whose approved go-live time has passed and unpublish
    those whose expiry has passed: Wagtail's `publish_scheduled` (run every 5 minutes by beat).

    A second run finds nothing due: a published revision's schedule is cleared as it goes live.
    """
    call_command("publish_scheduled")
