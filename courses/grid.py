"""A training class's progress in one course, as a grid of people × lessons, for its trainers.

Four queries whatever the size of the class and the course: the outline (one), the current
members with their profiles, their enrolments in the course, and their progress in its lessons
(not read at all when the course has no live lesson).
Filters (course-level status, a name typed with or without diacritics) are applied in Python on
rows already read, so they never change the number of queries.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from people.text import fold

from .records import Enrolment, LessonProgress
from .selectors import COMPLETED, IN_PROGRESS, NOT_STARTED, course_outline, progress_summary

STATUSES = (COMPLETED, IN_PROGRESS, NOT_STARTED)


def _display_name(user) -> str:
    profile = getattr(user, "profile", None)
    return (profile.full_name if profile else "") or user.get_full_name() or user.username


def _roster_key(row: dict) -> tuple:
    """A Vietnamese roster's order: by given name (the last word), then the full name,
    ignoring diacritics (as the class's member list is sorted)."""
    name = row["name"]
    return (fold(name.rsplit(" ", 1)[-1]), fold(name), row["user"].pk)


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def _column_groups(lessons: list[dict]) -> list[dict]:
    """Consecutive lessons of the same module, for a header row spanning their columns."""
    groups: list[dict] = []
    for item in lessons:
        module = item["module"]
        if groups and groups[-1]["module"] == module:
            groups[-1]["span"] += 1
        else:
            groups.append({"module": module, "title": module.title if module else "", "span": 1})
    return groups


def class_progress_grid(*, training_class, course, status=None, query=None) -> dict:
    """The progress of a class's current members in `course`.

    Returns a dict with:
    - `lessons`: the columns in course order, each {"lesson", "module", "module_title",
      "required"}, and `column_groups` (module headers with their span);
    - `rows`: one per current member (in roster order, after the filters), each with the
      member's `user`, `name`, `commune`, `agency`, `enrolment` ({"completed_at",
      "completed_on", "score", "unenrolled"} or None when not enrolled), course-level `status`,
      `cells` (per lesson: {"lesson", "state", "completed_at", "completed_on"}) and `done`,
      `total`, `percent` of the required lessons completed;
    - `member_count`, `counts` (members per status) and `lesson_counts` (members who
      completed each lesson), over all current members, before the filters;
    - the filters as applied: `status` (None unless one of STATUSES) and `query`.
    """
    from people.models import ClassMembership

    status = status if status in STATUSES else None
    query = (query or "").strip()
    outline = course_outline(course)
    lesson_ids = [item["lesson"].pk for item in outline]
    current = ClassMembership.objects.filter(
        training_class=training_class, removed_at__isnull=True
    ).values("user_id")

    members = list(
        get_user_model()
        .objects.filter(pk__in=current)
        .select_related("profile__commune", "profile__agency")
        .order_by()
    )
    enrolments = {
        e["user_id"]: e
        for e in Enrolment.objects.filter(course=course, user_id__in=current).values(
            "user_id", "completed_at", "score", "unenrolled_at"
        )
    }
    progress: dict[int, dict[int, dict]] = {}
    rows = LessonProgress.objects.filter(lesson_id__in=lesson_ids, user_id__in=current).values_list(
        "user_id", "lesson_id", "completed_at"
    )
    for user_id, lesson_id, completed_at in rows:
        progress.setdefault(user_id, {})[lesson_id] = {
            "state": COMPLETED if completed_at else IN_PROGRESS,
            "completed_at": completed_at,
        }

    grid_rows = [
        _row(user, outline, enrolments.get(user.pk), progress.get(user.pk, {})) for user in members
    ]
    grid_rows.sort(key=_roster_key)
    counts = dict.fromkeys(STATUSES, 0)
    lesson_counts = dict.fromkeys(lesson_ids, 0)
    for row in grid_rows:
        counts[row["status"]] += 1
        for cell in row["cells"]:
            if cell["state"] == COMPLETED:
                lesson_counts[cell["lesson"].pk] += 1

    shown = grid_rows
    if status:
        shown = [row for row in shown if row["status"] == status]
    folded = fold(query)
    if folded:
        shown = [row for row in shown if folded in row["name_folded"]]

    lessons = [
        {
            "lesson": item["lesson"],
            "module": item["module"],
            "module_title": item["module"].title if item["module"] else "",
            "required": item["lesson"].required,
            "completed_count": lesson_counts[item["lesson"].pk],
        }
        for item in outline
    ]
    return {
        "training_class": training_class,
        "course": course,
        "lessons": lessons,
        "column_groups": _column_groups(lessons),
        "has_modules": any(item["module"] for item in outline),
        "rows": shown,
        "member_count": len(grid_rows),
        "counts": counts,
        "lesson_counts": lesson_counts,
        "status": status,
        "query": query,
    }


def _row(user, outline: list[dict], enrolment: dict | None, states: dict[int, dict]) -> dict:
    profile = getattr(user, "profile", None)
    name = _display_name(user)
    cells = []
    for item in outline:
        state = states.get(item["lesson"].pk)
        completed_at = state["completed_at"] if state else None
        cells.append(
            {
                "lesson": item["lesson"],
                "state": state["state"] if state else NOT_STARTED,
                "completed_at": completed_at,
                "completed_on": _local_date(completed_at),
            }
        )
    summary = progress_summary(outline, states)
    if enrolment is not None and enrolment["completed_at"]:
        status = COMPLETED
    elif states:
        status = IN_PROGRESS
    else:
        status = NOT_STARTED
    return {
        "user": user,
        "name": name,
        "name_folded": fold(name),
        "commune": profile.commune if profile and profile.commune_id else None,
        "agency": profile.agency if profile and profile.agency_id else None,
        "enrolment": None
        if enrolment is None
        else {
            "completed_at": enrolment["completed_at"],
            "completed_on": _local_date(enrolment["completed_at"]),
            "score": enrolment["score"],
            "unenrolled": enrolment["unenrolled_at"] is not None,
        },
        "status": status,
        "cells": cells,
        **summary,
    }
