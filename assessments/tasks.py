"""Background work for quizzes."""

from celery import shared_task

from . import services


@shared_task
def close_overdue_attempts() -> int:
    """Submit attempts whose time limit has passed with the answers stored before it, so the
    lesson and course see the result even if the trainee never came back (beat, every minute).
    A second run finds nothing overdue."""
    return services.attempts_expire()
