"""Assessments in the Wagtail admin: the snippets (admin_snippets), the question import screen
and, below, the marking and results screens."""

from . import admin_snippets  # noqa: F401
