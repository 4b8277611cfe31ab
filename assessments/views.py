"""The trainee's side of a quiz: start, answer, submit, see the result.

Pages show questions and choices only: no correctness, weight or accepted answer reaches the
browser before the attempt is submitted (or, with feedback after each question, before that
question's answer is locked). Every post names an attempt; one that is not the poster's own is
refused and logged like any other tampering.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import LessonPage

from . import services
from .models import Answer, Attempt, AttemptChoice, AttemptQuestion, Question, Quiz


def _lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


@require_POST
@login_required
def quiz_start(request, quiz_id: int, lesson_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    lesson = _lesson(lesson_id)
    try:
        attempt = services.attempt_start(user=request.user, quiz=quiz, lesson=lesson)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(lesson.get_url(request))
    if attempt.state != Attempt.State.IN_PROGRESS:
        return redirect("assessments:result", attempt_id=attempt.pk)
    return redirect("assessments:attempt", attempt_id=attempt.pk)


def _posted_answers(request) -> dict[int, dict]:
    """{question id: {"choices": [...], "text": "..."}} from the attempt form. Anything that is
    not a number where a number belongs is refused as tampering."""
    answers = {}
    try:
        for raw in request.POST.getlist("questions"):
            question_id = int(raw)
            answers[question_id] = {
                "choices": [int(c) for c in request.POST.getlist(f"q-{question_id}")],
                "text": request.POST.get(f"q-{question_id}-text", ""),
            }
    except ValueError:
        services.refuse(user=request.user, reason="malformed post", data=dict(request.POST))
    return answers


def _own_attempt_or_404(request, attempt_id: int) -> Attempt:
    attempt = Attempt.objects.select_related("quiz", "lesson").filter(pk=attempt_id).first()
    if attempt is None or attempt.user_id != request.user.pk:
        raise Http404
    return attempt


@require_http_methods(["GET", "POST"])
@login_required
def attempt_page(request, attempt_id: int):
    if request.method == "POST":
        return _attempt_post(request, attempt_id)
    attempt = _own_attempt_or_404(request, attempt_id)
    attempt = services.attempt_expire_if_due(attempt)
    if attempt.state != Attempt.State.IN_PROGRESS:
        return redirect("assessments:result", attempt_id=attempt.pk)
    return TemplateResponse(
        request,
        "assessments/attempt.html",
        {"attempt": attempt, "quiz": attempt.quiz, "items": _paper(attempt, reveal=False)},
    )


def _attempt_post(request, attempt_id: int):
    action = request.POST.get("action", "save")
    try:
        answers = _posted_answers(request)
        if action == "submit":
            attempt = services.attempt_submit(
                user=request.user, attempt_id=attempt_id, answers=answers
            )
            return redirect("assessments:result", attempt_id=attempt.pk)
        lock = []
        if action.startswith("check-"):
            lock = [int(action.removeprefix("check-"))]
        services.answers_save(user=request.user, attempt_id=attempt_id, answers=answers, lock=lock)
    except (services.Refused, ValueError) as refusal:
        messages.error(request, str(refusal))
        attempt = Attempt.objects.filter(pk=attempt_id, user=request.user).first()
        if attempt is not None and attempt.state != Attempt.State.IN_PROGRESS:
            return redirect("assessments:result", attempt_id=attempt.pk)
        if attempt is None:
            raise Http404 from refusal
        return redirect("assessments:attempt", attempt_id=attempt_id)
    messages.success(request, _saved_message(action))
    anchor = f"#q-{lock[0]}" if lock else ""
    return redirect(f"{request.path}{anchor}")


def _saved_message(action: str) -> str:
    from django.utils.translation import gettext as _

    return _("Answer checked.") if action.startswith("check-") else _("Your answers are saved.")


def _paper(attempt: Attempt, *, reveal: bool) -> list[dict]:
    """The attempt's questions in paper order with the choices as shown, the trainee's answers
    and, only where `reveal` (or the answer is locked), the correctness and feedback."""
    papers = (
        AttemptQuestion.objects.filter(attempt=attempt)
        .select_related("question", "question__image")
        .prefetch_related(
            Prefetch(
                "choice_order",
                queryset=AttemptChoice.objects.select_related("choice").order_by("position"),
            )
        )
    )
    answers = {
        a.paper_question_id: a
        for a in Answer.objects.filter(paper_question__attempt=attempt).prefetch_related("selected")
    }
    items = []
    for paper in papers:
        answer = answers.get(paper.pk)
        selected = {s.choice_id for s in answer.selected.all()} if answer else set()
        show = reveal or (answer is not None and answer.locked_at is not None)
        choices = [
            {
                "id": shown.choice_id,
                "text": shown.choice.text,
                "selected": shown.choice_id in selected,
                "correct": shown.choice.weight > 0 if show else None,
                "feedback": shown.choice.feedback
                if show and (reveal or shown.choice_id in selected)
                else "",
            }
            for shown in paper.choice_order.all()
        ]
        items.append(
            {
                "paper": paper,
                "question": paper.question,
                "multiple": paper.question.kind == Question.Kind.MULTIPLE,
                "choices": choices,
                "answer": answer,
                "locked": answer is not None and answer.locked_at is not None,
                "show": show,
                "accepted": [c.text for c in paper.question.choices.all()]
                if show and paper.question.kind == Question.Kind.SHORT
                else [],
            }
        )
    return items


@login_required
def attempt_result(request, attempt_id: int):
    attempt = _own_attempt_or_404(request, attempt_id)
    attempt = services.attempt_expire_if_due(attempt)
    if attempt.state == Attempt.State.IN_PROGRESS:
        return redirect("assessments:attempt", attempt_id=attempt.pk)
    quiz = attempt.quiz
    now = timezone.now()
    reveal = quiz.review == Quiz.Review.AFTER_ATTEMPT or (
        quiz.review == Quiz.Review.AFTER_CLOSE
        and quiz.closes_at is not None
        and now >= quiz.closes_at
    )
    window = services.quiz_window(quiz=quiz, user=request.user)
    attempts = list(
        Attempt.objects.filter(user=request.user, quiz=quiz, lesson=attempt.lesson).order_by(
            "number"
        )
    )
    grade, passed = services.quiz_grade(user=request.user, quiz=quiz, lesson=attempt.lesson)
    can_retry = (
        attempt.lesson is not None
        and window.is_open(now)
        and (not window.max_attempts or len(attempts) < window.max_attempts)
        and not any(a.state == Attempt.State.IN_PROGRESS for a in attempts)
    )
    return TemplateResponse(
        request,
        "assessments/result.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "items": _paper(attempt, reveal=reveal),
            "reveal": reveal,
            "attempts": attempts,
            "grade": grade,
            "grade_passed": passed,
            "can_retry": can_retry,
        },
    )
