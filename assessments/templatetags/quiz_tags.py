"""The quiz panel inside a lesson: what the trainee has done and the button to go on."""

from django import template

from ..models import Attempt
from ..services import quiz_grade, quiz_window

register = template.Library()


@register.inclusion_tag("assessments/includes/quiz_panel.html", takes_context=True)
def quiz_panel(context, quiz, required=True):
    request, lesson = context.get("request"), context.get("page")
    user = getattr(request, "user", None)
    panel = {"quiz": quiz, "lesson": lesson, "required": required, "request": request}
    if quiz is None or lesson is None or not getattr(user, "is_authenticated", False):
        return panel
    attempts = list(Attempt.objects.filter(user=user, quiz=quiz, lesson=lesson).order_by("number"))
    window = quiz_window(quiz=quiz, user=user)
    grade, passed = quiz_grade(user=user, quiz=quiz, lesson=lesson)
    open_attempt = next((a for a in attempts if a.state == Attempt.State.IN_PROGRESS), None)
    panel.update(
        enrolled=context.get("enrolment") is not None,
        attempts=attempts,
        open_attempt=open_attempt,
        grade=grade,
        passed=passed,
        window=window,
        attempts_left=(window.max_attempts - len(attempts)) if window.max_attempts else None,
        waiting=any(a.state == Attempt.State.NEEDS_MARKING for a in attempts),
    )
    return panel
