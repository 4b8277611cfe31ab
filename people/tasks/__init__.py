"""Celery tasks of the people app (autodiscovered as `people.tasks`), one module per concern."""

from .imports import *  # noqa: F403
from .reminders import *  # noqa: F403
