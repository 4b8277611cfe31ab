"""xAPI statements from the H5P player, and the player's saved state, per person.

The browser is not trusted. Every post carries the player token the lesson page was given
(`media.serving.content_token`: signed, bound to one person, one H5P content and one lesson);
a post is refused unless the token is valid and names the logged-in person, and the statement
is about that content (its object id is the content's activity IRI, or a sub-question of it).
The actor the browser sends is thrown away and replaced by the logged-in person's pseudonymous
account (`actor_for`). Statements are stored once per (person, statement id): the page gives
each statement an id before posting, so a retried post changes nothing.

Only statements about the activity itself count: a completed, passed, failed or answered
statement becomes an `ActivityResult` ("h5p:<content id>") through
`courses.services.activity_result_record`, which completes the lesson and course by their
rules. Statements about a sub-question (object id with `?subContentId=`, or a context parent)
are stored and exported but never change the score. H5P scores are advisory: they count toward
a course's minimum overall score only where `CoursePage.h5p_scores_count` is on
(`courses.services.scored_kinds`).
"""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass
from datetime import UTC, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from .models import H5PContent, H5PState, XAPIStatement

VERBS = "http://adlnet.gov/expapi/verbs/"
RESULT_VERBS = {"completed", "passed", "failed", "answered"}
XAPI_VERSION = "1.0.3"
# A statement from H5P is a few kilobytes; a sub-question's statement can carry the question's
# text and choices. Anything far beyond that is not the player talking.
STATEMENT_MAX_BYTES = 64 * 1024
# The player's saved state (answers typed so far, the slide reached). Course Presentation and
# Interactive Book keep one entry per sub-activity: generous, but bounded.
STATE_MAX_BYTES = getattr(settings, "H5P_STATE_MAX_BYTES", 256 * 1024)
# A statement dated in the future by more than this is dated now (a phone's clock can be wrong).
CLOCK_SKEW = timedelta(minutes=5)


class XAPIRefused(Exception):
    """A post the server will not store; the message is shown to the person (Vietnamese)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Outcome:
    statement: XAPIStatement
    created: bool
    counted: bool = False  # the statement reached the activity's result
    passed: bool | None = None
    score: Decimal | None = None
    lesson_completed: bool = False


# --- Identity ------------------------------------------------------------------------------------


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def activity_iri(content_id: int) -> str:
    """The xAPI activity id of an H5P content: the same in the player, the store and exports."""
    return f"{site_url()}/h5p/activity/{content_id}"


def actor_for(user) -> dict:
    """The person as an xAPI agent: an account on this site named by the user id, so exports
    carry no name, e-mail or phone."""
    return {"objectType": "Agent", "account": {"homePage": site_url(), "name": str(user.pk)}}


def grant_for(*, user, token: str, content_id: int | None = None):
    """The verified grant of a player token, or XAPIRefused (403) when the token is not valid,
    names someone else, or is for another content than `content_id`."""
    from . import serving

    if not getattr(user, "is_authenticated", False):
        raise XAPIRefused(_("Please log in again."), status=403)
    claims = serving.token_claims(token) if isinstance(token, str) and token else None
    if claims is None:
        raise XAPIRefused(
            _("This activity's session has expired. Reload the page to continue."), status=403
        )
    grant = claims  # media.serving.TokenClaims: user_id, content_id, lesson_id
    if grant.user_id != user.pk:
        raise XAPIRefused(_("This result belongs to another person and was not saved."), 403)
    if content_id is not None and grant.content_id != content_id:
        raise XAPIRefused(_("This result is about another activity and was not saved."), 403)
    return grant


# --- Statements ----------------------------------------------------------------------------------


def _is_iri(value) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 500 and "://" in value[:20]


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _check_result(result) -> None:
    bad = XAPIRefused(_("The result in this statement is not valid."))
    if not isinstance(result, dict):
        raise bad
    for flag in ("success", "completion"):
        if flag in result and not isinstance(result[flag], bool):
            raise bad
    score = result.get("score")
    if score is None:
        return
    if not isinstance(score, dict):
        raise bad
    for key in ("scaled", "raw", "min", "max"):
        if key in score and _number(score[key]) is None:
            raise bad
    if "scaled" in score and not -1 <= score["scaled"] <= 1:
        raise bad


def _statement_id(statement: dict, user) -> uuid.UUID:
    raw = statement.get("id")
    if raw is None:
        # No id from the page: the same statement posted twice gets the same id.
        canonical = json.dumps(statement, sort_keys=True, ensure_ascii=False)
        return uuid.uuid5(uuid.NAMESPACE_URL, f"{site_url()}/xapi/{user.pk}/{canonical}")
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise XAPIRefused(_("The statement id is not valid.")) from None


def _timestamp(statement: dict):
    now = timezone.now()
    raw = statement.get("timestamp")
    when = parse_datetime(raw) if isinstance(raw, str) else None
    if when is None:
        return now
    if timezone.is_naive(when):
        when = when.replace(tzinfo=UTC)
    return now if when > now + CLOCK_SKEW else when


def statement_checked(statement, *, content_id: int) -> tuple[dict, bool]:
    """The statement's shape checked (xAPI 1.0.3, as far as H5P uses it) and whether it is about
    a sub-question. XAPIRefused (400) for anything else, or a statement about another activity."""
    if not isinstance(statement, dict):
        raise XAPIRefused(_("This is not an xAPI statement."))
    if len(json.dumps(statement, ensure_ascii=False).encode()) > STATEMENT_MAX_BYTES:
        raise XAPIRefused(_("This statement is too large."))
    verb, obj = statement.get("verb"), statement.get("object")
    if not isinstance(verb, dict) or not _is_iri(verb.get("id")):
        raise XAPIRefused(_("The statement has no valid verb."))
    if not isinstance(obj, dict) or not _is_iri(obj.get("id")):
        raise XAPIRefused(_("The statement has no valid object."))
    if obj.get("objectType", "Activity") != "Activity":
        raise XAPIRefused(_("The statement has no valid object."))
    if "result" in statement:
        _check_result(statement["result"])
    context = statement.get("context", {})
    if not isinstance(context, dict):
        raise XAPIRefused(_("The statement's context is not valid."))
    iri = activity_iri(content_id)
    if obj["id"] == iri:
        is_sub = False
    elif obj["id"].startswith(iri + "?subContentId="):
        is_sub = True
    else:
        raise XAPIRefused(_("This result is about another activity and was not saved."), 403)
    activities = context.get("contextActivities") or {}
    if isinstance(activities, dict) and activities.get("parent"):
        is_sub = True
    return statement, is_sub


def _stored_form(statement: dict, *, user, statement_id: uuid.UUID, timestamp) -> dict:
    """The statement as kept and exported: our actor, id and timestamp; what only a learning
    record store may set (stored, authority, version) is dropped."""
    kept = {
        key: value
        for key, value in statement.items()
        if key not in {"actor", "id", "timestamp", "stored", "authority", "version", "attachments"}
    }
    kept["id"] = str(statement_id)
    kept["actor"] = actor_for(user)
    kept["timestamp"] = timestamp.isoformat()
    return kept


def _score_percent(result: dict) -> Decimal | None:
    score = result.get("score") or {}
    if "scaled" in score:
        value = score["scaled"] * 100
    elif _number(score.get("raw")) is not None and (_number(score.get("max")) or 0) > 0:
        value = score["raw"] / score["max"] * 100
    else:
        return None
    return Decimal(str(round(min(max(value, 0), 100), 2)))


def result_of(verb: str, result: dict) -> tuple[bool, Decimal | None]:
    """(passed, score %) for a statement about the activity itself. passed/failed say it
    outright; otherwise `success`, and without it `completion` (a survey, a "completed"
    interactive video): having finished is what the activity asks."""
    if verb == "passed":
        passed = True
    elif verb == "failed":
        passed = False
    elif isinstance(result.get("success"), bool):
        passed = result["success"]
    else:
        passed = result.get("completion") is True or (
            verb == "completed" and "completion" not in result
        )
    return passed, _score_percent(result)


def _store(*, user, grant, statement: dict, is_sub: bool) -> tuple[XAPIStatement, bool]:
    from courses.models import LessonPage
    from courses.selectors import course_of

    statement_id = _statement_id(statement, user)
    existing = XAPIStatement.objects.filter(user=user, statement_id=statement_id).first()
    if existing is not None:
        return existing, False
    lesson = LessonPage.objects.filter(pk=grant.lesson_id).first() if grant.lesson_id else None
    course = course_of(lesson) if lesson is not None else None
    timestamp = _timestamp(statement)
    result = statement.get("result") or {}
    score = (result.get("score") or {}).get("scaled")
    row = XAPIStatement(
        statement_id=statement_id,
        user=user,
        content_id=grant.content_id,
        lesson=lesson,
        course=course,
        verb=statement["verb"]["id"][:255],
        object_id=statement["object"]["id"][:500],
        is_sub=is_sub,
        score_scaled=None if score is None else Decimal(str(round(score, 4))),
        success=result.get("success"),
        completion=result.get("completion"),
        statement=_stored_form(
            statement, user=user, statement_id=statement_id, timestamp=timestamp
        ),
        timestamp=timestamp,
    )
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        return XAPIStatement.objects.get(user=user, statement_id=statement_id), False
    return row, True


@transaction.atomic
def xapi_statement_record(*, user, token: str, statement) -> Outcome:
    """Store one statement from the player for the logged-in `user`, and let a statement about
    the activity itself complete it. Safe to post twice (same id: stored once, counted once).
    Raises XAPIRefused (403 for another person's token or another activity, 400 for a statement
    that is not valid); nothing is stored then."""
    grant = grant_for(user=user, token=token)
    if not H5PContent.objects.filter(pk=grant.content_id).exists():
        raise XAPIRefused(_("This activity no longer exists."), status=404)
    statement, is_sub = statement_checked(statement, content_id=grant.content_id)
    row, created = _store(user=user, grant=grant, statement=statement, is_sub=is_sub)
    outcome = Outcome(statement=row, created=created)
    verb = row.verb[len(VERBS) :] if row.verb.startswith(VERBS) else ""
    if not created or is_sub or verb not in RESULT_VERBS or row.lesson_id is None:
        return outcome
    passed, score = result_of(verb, statement.get("result") or {})
    outcome.passed, outcome.score = passed, score
    outcome.counted, outcome.lesson_completed = _record_result(
        user=user, lesson_id=row.lesson_id, content_id=grant.content_id, passed=passed, score=score
    )
    return outcome


def _record_result(*, user, lesson_id: int, content_id: int, passed: bool, score) -> tuple:
    from courses.selectors import lesson_states
    from courses.services import activity_result_record

    try:
        activity_result_record(
            user=user,
            lesson_id=lesson_id,
            key=f"h5p:{content_id}",
            kind="h5p",
            passed=passed,
            score=score,
            keep_best=True,  # a later, worse try does not undo a pass or lower the best score
        )
    except PermissionDenied:
        # Course staff trying the activity: the statement is kept, there is no result to record.
        return False, False
    state = lesson_states(user=user, lesson_ids=[lesson_id]).get(lesson_id) or {}
    return True, state.get("completed_at") is not None


# --- Saved state ---------------------------------------------------------------------------------


def h5p_state_read(*, user, token: str, content_id: int) -> str | None:
    """The player state `user` saved for this content (a JSON string), or None."""
    grant_for(user=user, token=token, content_id=content_id)
    return (
        H5PState.objects.filter(user=user, content_id=content_id)
        .values_list("data", flat=True)
        .first()
    )


@transaction.atomic
def h5p_state_save(*, user, token: str, content_id: int, data: str | None) -> H5PState | None:
    """Save (or, with None, forget) where `user` is in this content. The state must be JSON and
    at most STATE_MAX_BYTES; only its owner can write it."""
    grant_for(user=user, token=token, content_id=content_id)
    if data is None:
        H5PState.objects.filter(user=user, content_id=content_id).delete()
        return None
    if not isinstance(data, str) or len(data.encode()) > STATE_MAX_BYTES:
        raise XAPIRefused(_("The saved state of this activity is too large."), status=413)
    try:
        json.loads(data)
    except ValueError:
        raise XAPIRefused(_("The saved state of this activity is not valid.")) from None
    state, _created = H5PState.objects.update_or_create(
        user=user, content_id=content_id, defaults={"data": data}
    )
    return state
