"""A small bank and quiz placed in a published lesson, for the attempt tests."""

import json

from assessments.models import Choice, Question, QuestionBank, QuestionCategory, Quiz, QuizDraw
from courses.models import CourseIndexPage, LessonPage
from tests.factories import add_course


def question(bank, category, kind, title, choices=(), points=1, **extra) -> Question:
    q = Question(
        bank=bank,
        category=category,
        kind=kind,
        title=title,
        text=f"<p>{title}?</p>",
        points=points,
        **extra,
    )
    q.choices = [
        Choice(text=text, weight=weight, feedback=f"Phản hồi {text}") for text, weight in choices
    ]
    q.save()
    return q


def small_bank() -> dict:
    bank = QuestionBank.objects.create(name="Ngân hàng thử")
    category = QuestionCategory.objects.create(bank=bank, name="Chung")
    return {
        "single": question(
            bank,
            category,
            "single",
            "Thời hạn đăng dự thảo",
            [("30 ngày", 100), ("10 ngày", 0), ("5 ngày", 0)],
        ),
        "multiple": question(
            bank,
            category,
            "multiple",
            "Kênh truyền thông",
            [("Cổng thông tin", 50), ("Loa truyền thanh", 50), ("Thư riêng", -100)],
        ),
        "truefalse": question(
            bank, category, "truefalse", "Dự thảo là quy định", [("Đúng", 0), ("Sai", 100)]
        ),
        "short": question(
            bank,
            category,
            "short",
            "Số quyết định",
            [("407", 100), ("407/QĐ-TTg", 100)],
            ignore_diacritics=True,
        ),
        "category": category,
    }


def quiz_in_lesson(*, pass_mark=70, max_attempts=0, time_limit=None, essay=None, **fields):
    bank = small_bank()
    quiz = Quiz(
        title="Kiểm tra thử",
        pass_mark=pass_mark,
        max_attempts=max_attempts,
        time_limit_minutes=time_limit,
        **fields,
    )
    quiz.draws = [QuizDraw(category=bank["category"], count=4)]
    quiz.save()
    if essay is not None:
        from assessments.models import QuizQuestion

        QuizQuestion.objects.create(quiz=quiz, question=essay(bank))
    course = add_course(CourseIndexPage.objects.get(), "Khoá có kiểm tra", lessons=1)
    lesson = LessonPage.objects.child_of(course).get()
    lesson.body = json.dumps([{"type": "quiz", "value": {"quiz": quiz.pk, "required": True}}])
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return quiz, lesson, course, bank
