"""What the marking queue and a class's quiz results read: selectors only, no writes.

- The marking queue: essays of submitted attempts that nobody has marked yet, from the people a
  marker may mark (admins: everyone; trainers: the current members of the classes they train;
  anyone else: nobody), oldest submission first.
- A class's results on one quiz in one lesson: per member (attempts, grade by the quiz's
  grading method, passed, last submission), per question (share of correct and partly correct
  answers, mean score), per category (points scored over points available, in percent) and
  the grades in 10 % buckets. Every number is read in a fixed number of queries, whatever the
  size of the class or of the quiz.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Count, DecimalField, F, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from people.attendance_import import member_name
from people.models import ClassMembership, TrainingClass
from people.roles import is_admin, is_trainer
from people.text import fold

from .models import Answer, Attempt, AttemptQuestion, Question, Quiz

User = get_user_model()
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
BUCKETS = 10  # grades in 10 % steps: 0–9, 10–19, … 90–100


# The marking queue -------------------------------------------------------------------------


def markable_users(marker) -> QuerySet | None:
    """Whose essays `marker` may mark: None for everyone (admins), else a queryset of user ids
    (empty for someone who trains no class)."""
    if is_admin(marker):
        return None
    if is_trainer(marker):
        return ClassMembership.objects.filter(
            training_class__trainers=marker, removed_at__isnull=True
        ).values("user_id")
    return ClassMembership.objects.none().values("user_id")


def marking_classes(marker) -> QuerySet:
    """The classes the marker can filter the queue by."""
    if is_admin(marker):
        return TrainingClass.objects.all()
    if is_trainer(marker):
        return TrainingClass.objects.filter(trainers=marker)
    return TrainingClass.objects.none()


def essays(marker) -> QuerySet:
    """Every essay answer the marker may see (marked or not, of any attempt)."""
    answers = Answer.objects.filter(paper_question__question__kind=Question.Kind.ESSAY)
    users = markable_users(marker)
    if users is not None:
        answers = answers.filter(paper_question__attempt__user_id__in=users)
    return answers


def marking_queue(marker, *, quiz_id: int | None = None, class_id: int | None = None) -> QuerySet:
    """Unmarked essays of submitted attempts, oldest submission first, optionally of one quiz
    and of the current members of one of the marker's classes."""
    answers = (
        essays(marker)
        .filter(marked_at__isnull=True)
        .exclude(paper_question__attempt__state=Attempt.State.IN_PROGRESS)
    )
    if quiz_id is not None:
        answers = answers.filter(paper_question__attempt__quiz_id=quiz_id)
    if class_id is not None:
        members = ClassMembership.objects.filter(
            training_class__in=marking_classes(marker).filter(pk=class_id), removed_at__isnull=True
        ).values("user_id")
        answers = answers.filter(paper_question__attempt__user_id__in=members)
    return answers.select_related(
        "paper_question__attempt__quiz",
        "paper_question__attempt__lesson",
        "paper_question__attempt__user__profile",
        "paper_question__question",
    ).order_by("paper_question__attempt__submitted_at", "paper_question__attempt_id", "pk")


def marking_count(marker) -> int:
    return marking_queue(marker).count()


def queue_quizzes(marker) -> QuerySet:
    """The quizzes with essays waiting for this marker (for the queue's filter)."""
    waiting = marking_queue(marker).values("paper_question__attempt__quiz_id")
    return Quiz.objects.filter(pk__in=waiting).order_by("title")


# A class's results on a quiz --------------------------------------------------------------


@dataclass
class QuizPlace:
    """A quiz as placed in one lesson of one of the class's courses."""

    quiz: Quiz
    lesson: object
    course: object

    @property
    def key(self) -> str:
        return f"{self.quiz.pk}-{self.lesson.pk}"


def class_quizzes(training_class) -> list[QuizPlace]:
    """The quizzes placed in the live lessons of the class's courses, in course and lesson
    order (three queries whatever the number of lessons)."""
    from courses.models import LessonPage

    courses = list(training_class.courses.order_by("path"))
    if not courses:
        return []
    lessons = list(
        LessonPage.objects.live()
        .filter(reduce(or_, (Q(path__startswith=c.path) for c in courses)))
        .order_by("path")
    )
    wanted: list[tuple[int, object, object]] = []
    seen: set[tuple[int, int]] = set()
    for lesson in lessons:
        course = next(c for c in courses if lesson.path.startswith(c.path))
        for block in lesson.body.raw_data:
            if block.get("type") != "quiz":
                continue
            quiz_id = (block.get("value") or {}).get("quiz")
            if isinstance(quiz_id, int) and (quiz_id, lesson.pk) not in seen:
                seen.add((quiz_id, lesson.pk))
                wanted.append((quiz_id, lesson, course))
    quizzes = Quiz.objects.in_bulk({quiz_id for quiz_id, _l, _c in wanted})
    return [
        QuizPlace(quizzes[quiz_id], lesson, course)
        for quiz_id, lesson, course in wanted
        if quiz_id in quizzes
    ]


def grade_of(percents: list[Decimal], quiz: Quiz) -> Decimal | None:
    """services.quiz_grade's rule on percents already read (in attempt-number order)."""
    if not percents:
        return None
    return {
        Quiz.Grading.HIGHEST: max(percents),
        Quiz.Grading.LAST: percents[-1],
        Quiz.Grading.FIRST: percents[0],
        Quiz.Grading.AVERAGE: (sum(percents) / len(percents)).quantize(CENT),
    }[quiz.grading]


def _percent(part, whole) -> Decimal | None:
    if not whole:
        return None
    return _round(Decimal(part) * HUNDRED / Decimal(whole))


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class ClassResults:
    training_class: TrainingClass
    quiz: Quiz
    lesson: object
    members: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    histogram: list[dict] = field(default_factory=list)
    graded_attempts: int = 0

    @property
    def graded_members(self) -> list[dict]:
        return [m for m in self.members if m["grade"] is not None]

    @property
    def passed_count(self) -> int:
        return sum(1 for m in self.members if m["passed"])

    @property
    def mean_grade(self) -> Decimal | None:
        grades = [m["grade"] for m in self.graded_members]
        return _round(sum(grades) / len(grades)) if grades else None


def _current_members(training_class) -> list:
    members = list(
        User.objects.filter(
            class_memberships__training_class=training_class,
            class_memberships__removed_at__isnull=True,
        ).select_related("profile")
    )
    for user in members:
        user.display_name = member_name(user)
    return sorted(
        members, key=lambda u: (fold(u.display_name.rsplit(" ", 1)[-1]), fold(u.display_name), u.pk)
    )


def class_results(training_class, place: QuizPlace) -> ClassResults:
    """The class's current members' results on one quiz in one lesson (see the module doc)."""
    quiz, lesson = place.quiz, place.lesson
    results = ClassResults(training_class=training_class, quiz=quiz, lesson=lesson)
    members = _current_members(training_class)
    member_ids = [u.pk for u in members]
    attempts = Attempt.objects.filter(quiz=quiz, lesson=lesson, user_id__in=member_ids)
    by_user: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in attempts.order_by("number").only(
        "user_id", "number", "state", "percent", "passed", "submitted_at"
    ):
        by_user[attempt.user_id].append(attempt)

    for user in members:
        mine = by_user.get(user.pk, [])
        graded = [a.percent for a in mine if a.state == Attempt.State.GRADED]
        grade = grade_of(graded, quiz)
        submitted = [a.submitted_at for a in mine if a.submitted_at]
        results.members.append(
            {
                "user": user,
                "name": user.display_name,
                "attempts": len(mine),
                "graded": len(graded),
                "waiting": sum(1 for a in mine if a.state == Attempt.State.NEEDS_MARKING),
                "best": max(graded) if graded else None,
                "grade": grade,
                "passed": grade is not None and grade >= quiz.pass_mark,
                "last_submitted": max(submitted) if submitted else None,
            }
        )
    results.graded_attempts = sum(m["graded"] for m in results.members)

    # Per question, over every paper of the members' graded attempts (an unanswered question
    # scores 0; correct: the full points; partly correct: between 0 and the full points).
    papers = AttemptQuestion.objects.filter(
        attempt__quiz=quiz,
        attempt__lesson=lesson,
        attempt__user_id__in=member_ids,
        attempt__state=Attempt.State.GRADED,
    )
    zero = Value(Decimal(0), output_field=DecimalField(max_digits=6, decimal_places=2))
    rows = (
        papers.values(
            "question_id",
            "question__title",
            "question__kind",
            "question__category_id",
            "question__category__name",
            "question__category__parent__name",
        )
        .annotate(
            answered=Count("pk"),
            correct=Count("pk", filter=Q(answer__score=F("points"))),
            partial=Count("pk", filter=Q(answer__score__gt=0, answer__score__lt=F("points"))),
            scored=Sum(Coalesce("answer__score", zero)),
            available=Sum("points"),
            points=Max("points"),
        )
        .order_by("question__category__name", "question__title", "question_id")
    )
    categories: dict[int | None, dict] = {}
    for row in rows:
        count = row["answered"]
        scored, available = Decimal(row["scored"] or 0), Decimal(row["available"] or 0)
        results.questions.append(
            {
                "id": row["question_id"],
                "title": row["question__title"],
                "kind": row["question__kind"],
                "category": _category_name(row),
                "points": Decimal(row["points"]),
                "count": count,
                "correct": row["correct"],
                "partial": row["partial"],
                "wrong": count - row["correct"] - row["partial"],
                "correct_percent": _percent(row["correct"], count),
                "partial_percent": _percent(row["partial"], count),
                "mean_score": _round(scored / count) if count else None,
            }
        )
        category = categories.setdefault(
            row["question__category_id"],
            {"name": _category_name(row), "questions": 0, "scored": Decimal(0), "available": 0},
        )
        category["questions"] += 1
        category["scored"] += scored
        category["available"] += available
    for category in categories.values():
        category["percent"] = _percent(category["scored"], category["available"])
    results.categories = sorted(
        categories.values(), key=lambda c: (c["name"] is None, fold(c["name"] or ""))
    )

    counts = [0] * BUCKETS
    for member in results.graded_members:
        counts[min(int(member["grade"] // 10), BUCKETS - 1)] += 1
    results.histogram = [
        {
            "low": 10 * index,
            "high": 100 if index == BUCKETS - 1 else 10 * index + 9,
            "count": count,
        }
        for index, count in enumerate(counts)
    ]
    return results


def _category_name(row: dict) -> str | None:
    name = row["question__category__name"]
    if name and row["question__category__parent__name"]:
        return f"{row['question__category__parent__name']} / {name}"
    return name


# The trainee's own results -------------------------------------------------------------------


def own_results(user) -> list[dict]:
    """The person's attempts grouped by quiz and lesson, each group with its grade."""
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz", "lesson")
        .order_by("quiz__title", "quiz_id", "lesson_id", "number")
    )
    groups: dict[tuple, dict] = {}
    for attempt in attempts:
        group = groups.setdefault(
            (attempt.quiz_id, attempt.lesson_id),
            {"quiz": attempt.quiz, "lesson": attempt.lesson, "attempts": []},
        )
        group["attempts"].append(attempt)
    for group in groups.values():
        graded = [a.percent for a in group["attempts"] if a.state == Attempt.State.GRADED]
        group["grade"] = grade_of(graded, group["quiz"])
        group["passed"] = group["grade"] is not None and group["grade"] >= group["quiz"].pass_mark
    return list(groups.values())
