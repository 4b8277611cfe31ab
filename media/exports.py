"""Stored xAPI statements as JSON lines, one complete statement per line, for a learning record
store (xAPI 1.0.3: id, actor, verb, object, result, context, timestamp, stored, version).

The actor is the site's pseudonymous account for the person (account homePage = the site's
address, name = the user id), rebuilt at export so a moved site exports its current address.
Rows are read with `.iterator()`, a few hundred at a time, and written as they are read: an
export of a million statements needs no more memory than one of ten.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.db.models import QuerySet

from .models import XAPIStatement
from .xapi import XAPI_VERSION, actor_for

JSONL_CONTENT_TYPE = "application/x-ndjson; charset=utf-8"
CHUNK = 500


class _Person:
    """Enough of a user for `actor_for`, without loading the user row."""

    def __init__(self, pk: int):
        self.pk = pk


def statements_of_course(course) -> QuerySet:
    return XAPIStatement.objects.filter(course=course).order_by("stored", "pk")


def statements_of_class(training_class) -> QuerySet:
    """Statements of the class's members (removed members included: their work was done in the
    class) in the class's courses."""
    members = training_class.memberships.values("user_id")
    courses = training_class.courses.values("pk")
    return XAPIStatement.objects.filter(user_id__in=members, course_id__in=courses).order_by(
        "stored", "pk"
    )


def statement_document(row: XAPIStatement) -> dict:
    """The complete statement, as an LRS would return it."""
    document = dict(row.statement)
    document["id"] = str(row.statement_id)
    document["actor"] = actor_for(_Person(row.user_id))
    document["timestamp"] = row.timestamp.isoformat()
    document["stored"] = row.stored.isoformat()
    document["version"] = XAPI_VERSION
    return document


def jsonl_lines(statements: QuerySet) -> Iterator[str]:
    rows = statements.only("statement_id", "user_id", "statement", "timestamp", "stored").iterator(
        chunk_size=CHUNK
    )
    for row in rows:
        yield json.dumps(statement_document(row), ensure_ascii=False, separators=(",", ":")) + "\n"


def write_jsonl(statements: QuerySet, handle) -> int:
    """Write the statements to a text file; returns how many were written."""
    count = 0
    for line in jsonl_lines(statements):
        handle.write(line)
        count += 1
    return count
