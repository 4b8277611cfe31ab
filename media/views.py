"""The H5P player's endpoints (xAPI statements, saved state) and the class's xAPI download.

The statement endpoint is an ordinary same-site JSON POST with Django's CSRF check (the lesson
page's script sends the token header). The state endpoint is called by H5P core's own jQuery
inside the player frame, which cannot send the CSRF header: there the player token in the URL
(signed, bound to the logged-in person and the content, unknown to other sites) does that job.
With a content origin, the lesson page calls both for the player's frame (media/player.py), with
the session; the frame itself never reaches them.
"""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import exports, xapi

# Above the statement limit: room for the token and the JSON around the statement.
BODY_MAX_BYTES = xapi.STATEMENT_MAX_BYTES + 4096


def _no_constants(name: str):
    raise ValueError(name)  # NaN and Infinity are not JSON, and PostgreSQL refuses them


def _refusal(error: xapi.XAPIRefused) -> JsonResponse:
    return JsonResponse({"error": error.message}, status=error.status)


@never_cache
@require_POST
def xapi_statement(request):
    """One statement from the player: {"token": ..., "statement": {...}}."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Please log in again.")}, status=401)
    if len(request.body) > BODY_MAX_BYTES:
        return JsonResponse({"error": _("This statement is too large.")}, status=413)
    try:
        payload = json.loads(request.body, parse_constant=_no_constants)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return JsonResponse({"error": _("This is not an xAPI statement.")}, status=400)
    try:
        outcome = xapi.xapi_statement_record(
            user=request.user, token=payload.get("token"), statement=payload.get("statement")
        )
    except xapi.XAPIRefused as error:
        return _refusal(error)
    return JsonResponse(
        {
            "id": str(outcome.statement.statement_id),
            "stored": outcome.created,
            "counted": outcome.counted,
            "passed": outcome.passed,
            "score": None if outcome.score is None else float(outcome.score),
            "lesson_completed": outcome.lesson_completed,
        }
    )


@csrf_exempt
@never_cache
def h5p_state(request, content_id: int):
    """H5P core's contentUserData endpoint: GET answers {"success": true, "data": "<JSON>"}
    (data false when nothing is saved); POST takes the form fields data ("0" forgets the
    state), preload and invalidate."""
    token = request.GET.get("t", "")
    data_type = request.GET.get("dataType", "state")
    sub_content = request.GET.get("subContentId", "0")
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        if request.method == "GET":
            if data_type != "state" or sub_content not in ("0", ""):
                xapi.grant_for(user=request.user, token=token, content_id=content_id)
                return JsonResponse({"success": True, "data": False})
            data = xapi.h5p_state_read(user=request.user, token=token, content_id=content_id)
            return JsonResponse({"success": True, "data": data if data is not None else False})
        if data_type != "state" or sub_content not in ("0", ""):
            raise xapi.XAPIRefused(_("Only the activity's own state can be saved."))
        raw = request.POST.get("data")
        if raw is None:
            raise xapi.XAPIRefused(_("The saved state of this activity is not valid."))
        xapi.h5p_state_save(
            user=request.user,
            token=token,
            content_id=content_id,
            data=None if raw == "0" else raw,
        )
    except xapi.XAPIRefused as error:
        return JsonResponse({"success": False, "message": error.message}, status=error.status)
    return JsonResponse({"success": True})


@login_required
def class_statements_download(request, class_id: int):
    """The xAPI statements of a class's members in its courses, as JSON lines (streamed).
    For the class's trainers and admins."""
    from people import audit
    from people.models import TrainingClass
    from people.permissions import ClassPolicy

    training_class = get_object_or_404(TrainingClass, pk=class_id)
    if not ClassPolicy.can_manage(request.user, training_class):
        raise PermissionDenied(_("Only the class's trainers can download its results."))
    statements = exports.statements_of_class(training_class)
    audit.record(
        actor=request.user,
        action="export",
        obj=training_class,
        screen="xapi statements",
        count=statements.count(),
    )
    stamp = timezone.localdate().isoformat()
    response = StreamingHttpResponse(
        exports.jsonl_lines(statements), content_type=exports.JSONL_CONTENT_TYPE
    )
    response["Content-Disposition"] = (
        f'attachment; filename="xapi-{training_class.slug}-{stamp}.jsonl"'
    )
    return response
