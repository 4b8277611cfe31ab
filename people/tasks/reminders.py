"""Deadline reminder tasks."""

__all__: list[str] = []
