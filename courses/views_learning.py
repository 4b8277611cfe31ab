"""The trainee's side of learning: enrol, unenrol, continue, record progress, the dashboard.

Every view acts on `request.user` only: no URL names another person, so nobody can read or
write someone else's progress here. Progress posts work without JavaScript (a form posts and is
redirected back) and from `progress.js` (fetch, JSON answer).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .models import CoursePage


def _course_or_404(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _back(request, fallback: str) -> HttpResponseRedirect:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return HttpResponseRedirect(target)


@require_POST
@login_required
def enrol(request, course_id: int):
    course = _course_or_404(course_id)
    try:
        services.enrolment_self_create(user=request.user, course=course)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(course.get_url(request))
    messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    target = selectors.next_lesson(selectors.course_outline(course, request), {})
    return _back(request, target.url if target else course.get_url(request))


@require_POST
@login_required
def unenrol(request, course_id: int):
    course = _course_or_404(course_id)
    enrolment = services.active_enrolment(user=request.user, course=course)
    if enrolment is not None:
        services.enrolment_end(enrolment=enrolment)
        messages.success(
            request,
            _("You have left “%(course)s”. Your progress is kept if you enrol again.")
            % {"course": course.title},
        )
    return redirect(course.get_url(request))


@require_GET
@login_required
def continue_course(request, course_id: int):
    """ "Continue where I left off": to the next unfinished lesson, or the course page."""
    course = _course_or_404(course_id)
    if services.active_enrolment(user=request.user, course=course) is None:
        return redirect(course.get_url(request))
    outline = selectors.course_outline(course, request)
    states = selectors.lesson_states(
        user=request.user, lesson_ids=[item["lesson"].pk for item in outline]
    )
    target = selectors.next_lesson(outline, states)
    return redirect(target.url if target else course.get_url(request))


@require_POST
def lesson_progress(request, lesson_id: int):
    """Record "read to the end" or "marked done" for the signed-in trainee's own progress."""
    wants_json = "application/json" in request.headers.get("Accept", "")
    if not request.user.is_authenticated:
        if wants_json:
            return JsonResponse({"error": _("Please log in again.")}, status=401)
        raise PermissionDenied
    try:
        row = services.lesson_progress_record(
            user=request.user, lesson_id=lesson_id, event=request.POST.get("event", "")
        )
    except ValidationError as error:
        if wants_json:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        raise Http404 from error
    except PermissionDenied as error:
        if wants_json:
            return JsonResponse({"error": str(error)}, status=403)
        raise
    if wants_json:
        return JsonResponse(
            {
                "completed": row.completed_at is not None,
                "completed_at": row.completed_at.isoformat() if row.completed_at else None,
            }
        )
    if row.completed_at is not None and request.POST.get("event") == "done":
        messages.success(request, _("Lesson completed."))
    return _back(request, row.lesson.get_url(request) or "/")


@require_GET
@login_required
def dashboard(request):
    """My learning: courses with progress, the next lesson, class deadlines, results."""
    context = selectors.learner_dashboard(user=request.user)
    return TemplateResponse(request, "courses/dashboard.html", context)
