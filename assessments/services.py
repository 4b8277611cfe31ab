"""Taking a quiz: start or resume an attempt, save answers, submit, grade, mark essays.

Everything is decided here, on the server: which questions an attempt gets, whether an answer
may still change, what it scores. Refused posts (tampering) raise `Refused` and leave a
`TamperingEvent`; they never change a score.

Exactly once, without locks: attempt numbers are unique per (quiz, person, lesson) and only one
attempt may be in progress, so of two racing starts one insert fails and that request resumes
the winner's attempt; submitting is a conditional UPDATE from "in progress", so a replayed or
double-clicked submission finds nothing to change.
"""

import random
import unicodedata
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from people.text import fold

from .models import (
    Answer,
    Attempt,
    AttemptChoice,
    AttemptQuestion,
    Choice,
    Question,
    Quiz,
    SelectedChoice,
    TamperingEvent,
)

HUNDRED = Decimal(100)
# A post that left the browser just before the time limit may arrive a little after it.
GRACE = timedelta(seconds=5)


class Refused(Exception):
    """A post that is not allowed; the message is for the trainee."""


class QuizClosed(Refused):
    pass


@dataclass(frozen=True)
class Window:
    opens_at: datetime | None
    closes_at: datetime | None
    max_attempts: int  # 0: unlimited

    def is_open(self, now: datetime) -> bool:
        return (self.opens_at is None or now >= self.opens_at) and (
            self.closes_at is None or now < self.closes_at
        )


def quiz_window(*, quiz: Quiz, user) -> Window:
    """The quiz's dates and attempts for this person: a class override for one of their current
    classes replaces the quiz's own values (the most generous when several apply)."""
    overrides = list(
        quiz.class_overrides.filter(
            training_class__memberships__user=user,
            training_class__memberships__removed_at__isnull=True,
        )
    )
    if not overrides:
        return Window(quiz.opens_at, quiz.closes_at, quiz.max_attempts)
    opens = [o.opens_at for o in overrides]
    closes = [o.closes_at for o in overrides]
    attempts = [
        o.max_attempts if o.max_attempts is not None else quiz.max_attempts for o in overrides
    ]
    return Window(
        None if None in opens else min(opens),
        None if None in closes else max(closes),
        0 if 0 in attempts else max(attempts),
    )


def refuse(*, user, reason: str, attempt_id=None, message: str | None = None, **detail):
    TamperingEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        attempt_id_claimed=attempt_id,
        reason=reason,
        detail={k: str(v) for k, v in detail.items()},
    )
    raise Refused(message or _("This answer cannot be accepted."))


# --- Starting -----------------------------------------------------------------------------------


def quiz_in_lesson(*, quiz: Quiz, lesson) -> bool:
    return any(
        child.block_type == "quiz" and child.value.get("quiz") and child.value["quiz"].pk == quiz.pk
        for child in lesson.body
    )


def _checked_place(*, user, quiz: Quiz, lesson) -> None:
    """The quiz is in this live lesson and the user is enrolled in its course."""
    from courses.selectors import course_of
    from courses.services import active_enrolment

    course = course_of(lesson) if lesson.live else None
    if course is None or not quiz_in_lesson(quiz=quiz, lesson=lesson):
        refuse(user=user, reason="quiz not in lesson", quiz=quiz.pk, lesson=lesson.pk)
    if active_enrolment(user=user, course=course) is None:
        raise Refused(_("You are not enrolled in the course of this lesson."))


def attempt_in_progress(*, user, quiz: Quiz, lesson) -> Attempt | None:
    return Attempt.objects.filter(
        user=user, quiz=quiz, lesson=lesson, state=Attempt.State.IN_PROGRESS
    ).first()


def attempt_start(*, user, quiz: Quiz, lesson) -> Attempt:
    """Resume the attempt in progress, or start the next one if the quiz is open and attempts
    remain. Two racing starts make one attempt."""
    _checked_place(user=user, quiz=quiz, lesson=lesson)
    current = attempt_in_progress(user=user, quiz=quiz, lesson=lesson)
    if current is not None:
        return attempt_expire_if_due(current) if _past_deadline(current) else current
    window = quiz_window(quiz=quiz, user=user)
    now = timezone.now()
    if not window.is_open(now):
        raise QuizClosed(_("This quiz is not open now."))
    done = Attempt.objects.filter(user=user, quiz=quiz, lesson=lesson).aggregate(n=Max("number"))
    number = (done["n"] or 0) + 1
    if window.max_attempts and number > window.max_attempts:
        raise QuizClosed(_("You have used all your attempts at this quiz."))
    deadline = None
    if quiz.time_limit_minutes:
        deadline = now + timedelta(minutes=quiz.time_limit_minutes)
    if window.closes_at and (deadline is None or window.closes_at < deadline):
        deadline = window.closes_at
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz, user=user, lesson=lesson, number=number, deadline_at=deadline
            )
            _build_paper(attempt)
    except IntegrityError:
        current = attempt_in_progress(user=user, quiz=quiz, lesson=lesson)
        if current is None:  # the other request's attempt was the last one allowed
            raise QuizClosed(_("You have used all your attempts at this quiz.")) from None
        return current
    return attempt


def _draw_questions(quiz: Quiz) -> list[Question]:
    chosen = [fixed.question for fixed in quiz.fixed_questions.select_related("question")]
    taken = {q.pk for q in chosen}
    for draw in quiz.draws.all():
        pool = [q for q in Question.objects.filter(category=draw.category) if q.pk not in taken]
        picked = random.sample(pool, min(draw.count, len(pool)))
        taken.update(q.pk for q in picked)
        chosen.extend(picked)
    if quiz.shuffle_questions:
        random.shuffle(chosen)
    return chosen


def _build_paper(attempt: Attempt) -> None:
    """The questions and choice orders of this attempt, fixed once: a reload shows the same."""
    quiz = attempt.quiz
    questions = _draw_questions(quiz)
    papers = AttemptQuestion.objects.bulk_create(
        AttemptQuestion(attempt=attempt, question=q, position=i, points=q.points)
        for i, q in enumerate(questions, 1)
    )
    choices: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question__in=questions).order_by("sort_order", "pk"):
        choices.setdefault(choice.question_id, []).append(choice)
    rows = []
    for paper in papers:
        if paper.question.kind in (Question.Kind.SHORT, Question.Kind.ESSAY):
            continue  # their choices are accepted answers: never shown
        options = list(choices.get(paper.question_id, []))
        if quiz.shuffle_choices and paper.question.kind != Question.Kind.TRUE_FALSE:
            random.shuffle(options)
        rows += [
            AttemptChoice(paper_question=paper, choice=c, position=i)
            for i, c in enumerate(options, 1)
        ]
    AttemptChoice.objects.bulk_create(rows)
    attempt.max_score = sum((q.points for q in questions), Decimal(0))
    attempt.save(update_fields=["max_score"])


# --- Answering ----------------------------------------------------------------------------------


def _past_deadline(attempt: Attempt, now: datetime | None = None) -> bool:
    return attempt.deadline_at is not None and (now or timezone.now()) > attempt.deadline_at + GRACE


def _own_attempt(*, user, attempt_id: int) -> Attempt:
    attempt = Attempt.objects.select_related("quiz").filter(pk=attempt_id).first()
    if attempt is None or attempt.user_id != getattr(user, "pk", None):
        refuse(user=user, reason="not own attempt", attempt_id=attempt_id)
    return attempt


def answers_save(
    *, user, attempt_id: int, answers: dict[int, dict], lock: Iterable[int] = ()
) -> Attempt:
    """Store the trainee's answers ({question id: {"choices": [ids], "text": str}}) on their
    attempt in progress. Every question must be on the paper and every choice must belong to its
    question; after the time limit nothing is stored. `lock` names questions whose feedback the
    trainee asked for: their answers are final."""
    attempt = _own_attempt(user=user, attempt_id=attempt_id)
    if attempt.state != Attempt.State.IN_PROGRESS:
        refuse(
            user=user,
            reason="attempt already submitted",
            attempt_id=attempt_id,
            message=_("This attempt has already been submitted."),
        )
    if _past_deadline(attempt):
        attempt_expire_if_due(attempt)
        refuse(
            user=user,
            reason="after time limit",
            attempt_id=attempt_id,
            message=_("The time limit has passed: answers after it are not counted."),
        )
    papers = {
        p.question_id: p
        for p in AttemptQuestion.objects.filter(attempt=attempt).select_related("question")
    }
    shown = set(
        AttemptChoice.objects.filter(paper_question__attempt=attempt).values_list(
            "paper_question__question_id", "choice_id"
        )
    )
    for question_id, answer in answers.items():
        paper = papers.get(question_id)
        if paper is None:
            refuse(
                user=user,
                reason="question not on paper",
                attempt_id=attempt_id,
                question=question_id,
            )
        choice_ids = set(answer.get("choices", []))
        if any((question_id, c) not in shown for c in choice_ids):
            refuse(
                user=user,
                reason="choice of another question",
                attempt_id=attempt_id,
                question=question_id,
                choices=sorted(choice_ids),
            )
        if (
            paper.question.kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE)
            and len(choice_ids) > 1
        ):
            refuse(
                user=user,
                reason="several choices for a single-choice question",
                attempt_id=attempt_id,
                question=question_id,
            )
    _store_answers({papers[q]: answer for q, answer in answers.items()}, lock=set(lock))
    return attempt


@transaction.atomic
def _store_answers(answers: dict[AttemptQuestion, dict], *, lock: set[int]) -> None:
    """Write the answers in a constant number of queries whatever the number of questions.
    An answer whose feedback was shown (locked) stays as it was."""
    now = timezone.now()
    rows = {a.paper_question_id: a for a in Answer.objects.filter(paper_question__in=answers)}
    missing = [Answer(paper_question=paper) for paper in answers if paper.pk not in rows]
    Answer.objects.bulk_create(missing, ignore_conflicts=True)
    if missing:  # re-read: ignore_conflicts leaves no primary keys, and a racing save may win
        rows = {a.paper_question_id: a for a in Answer.objects.filter(paper_question__in=answers)}
    open_rows, wanted = [], {}
    for paper, answer in answers.items():
        row = rows[paper.pk]
        if row.locked_at is not None:
            continue  # checked already: the answer stays as it was when its feedback was shown
        row.text = unicodedata.normalize("NFC", (answer.get("text") or "").strip())[:20000]
        row.answered_at = now
        if paper.question_id in lock:
            row.locked_at = now
        open_rows.append(row)
        wanted[row.pk] = set(answer.get("choices", []))
    Answer.objects.bulk_update(open_rows, ["text", "answered_at", "locked_at"])
    have: dict[int, set[int]] = {pk: set() for pk in wanted}
    for answer_id, choice_id in SelectedChoice.objects.filter(answer__in=wanted).values_list(
        "answer_id", "choice_id"
    ):
        have[answer_id].add(choice_id)
    stale = Q()
    for answer_id, choices in have.items():
        if choices - wanted[answer_id]:
            stale |= Q(answer_id=answer_id, choice_id__in=choices - wanted[answer_id])
    if stale:
        SelectedChoice.objects.filter(stale).delete()
    SelectedChoice.objects.bulk_create(
        [
            SelectedChoice(answer_id=answer_id, choice_id=c)
            for answer_id, choices in wanted.items()
            for c in choices - have[answer_id]
        ],
        ignore_conflicts=True,
    )


# --- Scoring ------------------------------------------------------------------------------------


def _normalise(text: str, question: Question) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if question.ignore_diacritics:
        return fold(text)
    return text.casefold() if question.ignore_case else text


def answer_score(
    paper: AttemptQuestion, answer: Answer | None, choices: list[Choice]
) -> Decimal | None:
    """Points for one answer; None for an essay not yet marked. Never below 0."""
    question = paper.question
    if question.kind == Question.Kind.ESSAY:
        return answer.score if answer is not None and answer.marked_at else None
    if answer is None:
        return Decimal(0)
    if question.kind == Question.Kind.SHORT:
        given = _normalise(answer.text, question)
        weights = [c.weight for c in choices if given and _normalise(c.text, question) == given]
        share = max(weights, default=Decimal(0))
    else:
        selected = {s.choice_id for s in answer.selected.all()}
        share = sum((c.weight for c in choices if c.pk in selected), Decimal(0))
    share = min(max(share, Decimal(0)), HUNDRED)
    return (paper.points * share / HUNDRED).quantize(Decimal("0.01"))


def attempt_grade(attempt: Attempt) -> Attempt:
    """Score every answer of a submitted attempt; graded when nothing waits for a marker."""
    papers = list(
        AttemptQuestion.objects.filter(attempt=attempt)
        .select_related("question", "answer")
        .prefetch_related("answer__selected")
    )
    choices: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question__in=[p.question_id for p in papers]):
        choices.setdefault(choice.question_id, []).append(choice)
    total, pending, rescored = Decimal(0), False, []
    for paper in papers:
        answer = getattr(paper, "answer", None)
        score = answer_score(paper, answer, choices.get(paper.question_id, []))
        if score is None:
            pending = True
            continue
        total += score
        if (
            answer is not None
            and answer.score != score
            and paper.question.kind != Question.Kind.ESSAY
        ):
            answer.score = score
            rescored.append(answer)
    Answer.objects.bulk_update(rescored, ["score"])
    attempt.score = total
    attempt.percent = (
        (total * HUNDRED / attempt.max_score).quantize(Decimal("0.01"))
        if attempt.max_score
        else HUNDRED
    )
    attempt.state = Attempt.State.NEEDS_MARKING if pending else Attempt.State.GRADED
    attempt.passed = None if pending else attempt.percent >= attempt.quiz.pass_mark
    Attempt.objects.filter(pk=attempt.pk).update(
        score=attempt.score, percent=attempt.percent, state=attempt.state, passed=attempt.passed
    )
    return attempt


# --- Submitting ---------------------------------------------------------------------------------


def attempt_submit(*, user, attempt_id: int, answers: dict[int, dict] | None = None) -> Attempt:
    """Store the last answers (unless the time limit has passed: then they do not count), close
    the attempt once, grade it and report the quiz result to the lesson. A replayed submission
    changes nothing and is logged."""
    attempt = _own_attempt(user=user, attempt_id=attempt_id)
    if attempt.state != Attempt.State.IN_PROGRESS:
        refuse(
            user=user,
            reason="replayed submission",
            attempt_id=attempt_id,
            message=_("This attempt has already been submitted."),
        )
    if answers and not _past_deadline(attempt):
        answers_save(user=user, attempt_id=attempt_id, answers=answers)
    return _close(attempt)


@transaction.atomic
def _close(attempt: Attempt) -> Attempt:
    now = timezone.now()
    submitted_at = min(now, attempt.deadline_at + GRACE) if attempt.deadline_at else now
    won = Attempt.objects.filter(pk=attempt.pk, state=Attempt.State.IN_PROGRESS).update(
        state=Attempt.State.GRADED, submitted_at=submitted_at
    )
    attempt.refresh_from_db()
    if won:
        attempt_grade(attempt)
        quiz_result_report(user=attempt.user, quiz=attempt.quiz, lesson=attempt.lesson)
    return attempt


def attempt_expire_if_due(attempt: Attempt) -> Attempt:
    """Close an attempt whose time limit has passed, with the answers stored before it."""
    if attempt.state == Attempt.State.IN_PROGRESS and _past_deadline(attempt):
        return _close(attempt)
    return attempt


def attempts_expire() -> int:
    """Close every overdue attempt (beat runs this; safe to run twice)."""
    overdue = Attempt.objects.filter(
        state=Attempt.State.IN_PROGRESS, deadline_at__lt=timezone.now() - GRACE
    ).select_related("quiz", "user", "lesson")
    return sum(1 for attempt in overdue if _close(attempt).submitted_at is not None)


# --- Grades and completion ------------------------------------------------------------------------


def quiz_grade(*, user, quiz: Quiz, lesson) -> tuple[Decimal | None, bool]:
    """The person's grade on a quiz in a lesson by the quiz's grading method, and whether any
    graded attempt passed."""
    graded = list(
        Attempt.objects.filter(user=user, quiz=quiz, lesson=lesson, state=Attempt.State.GRADED)
        .order_by("number")
        .values_list("percent", "passed")
    )
    if not graded:
        return None, False
    percents = [p for p, _passed in graded]
    grade = {
        Quiz.Grading.HIGHEST: max(percents),
        Quiz.Grading.LAST: percents[-1],
        Quiz.Grading.FIRST: percents[0],
        Quiz.Grading.AVERAGE: (sum(percents) / len(percents)).quantize(Decimal("0.01")),
    }[quiz.grading]
    return grade, grade >= quiz.pass_mark


def quiz_result_report(*, user, quiz: Quiz, lesson) -> None:
    """Tell the lesson (and so the course) how this person stands on this quiz."""
    if lesson is None:
        return
    from courses.services import activity_result_record

    grade, passed = quiz_grade(user=user, quiz=quiz, lesson=lesson)
    if grade is None:
        return
    # No longer enrolled: the attempt keeps its grade, the lesson is not theirs to complete.
    with suppress(PermissionDenied):
        activity_result_record(
            user=user,
            lesson_id=lesson.pk,
            key=f"quiz:{quiz.pk}",
            kind="quiz",
            passed=passed,
            score=grade,
        )


# --- Marking ------------------------------------------------------------------------------------


def answer_mark(*, marker, answer: Answer, score: Decimal, comment: str = "") -> Attempt:
    """A trainer marks an essay; the attempt's grade, the lesson and the course follow."""
    paper = answer.paper_question
    if score < 0 or score > paper.points:
        raise Refused(_("The mark must be between 0 and %(max)s.") % {"max": paper.points})
    with transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(
            score=score, comment=comment, marked_by=marker, marked_at=timezone.now()
        )
        attempt = Attempt.objects.select_related("quiz", "user", "lesson").get(pk=paper.attempt_id)
        if attempt.state == Attempt.State.IN_PROGRESS:
            raise Refused(_("This attempt has not been submitted yet."))
        attempt_grade(attempt)
    quiz_result_report(user=attempt.user, quiz=attempt.quiz, lesson=attempt.lesson)
    return attempt
