"""The demo question bank about the guide, and the quiz at the end of each demo course."""

import unicodedata
from collections import Counter
from decimal import Decimal

import pytest
from django.apps import apps
from wagtail.models import Revision

from assessments.models import Choice, Question, QuestionBank, Quiz
from courses.activities import required_activities
from courses.models import CoursePage
from lms.demo import content
from lms.demo.questions import BANK_NAME, CATEGORIES, COURSE_QUIZZES, ESSAY_QUIZ, last_lesson
from lms.demo.seed import seed_demo

pytestmark = pytest.mark.django_db

Kind = Question.Kind


def bank_questions():
    return Question.objects.filter(bank__name=BANK_NAME).prefetch_related("choices")


def test_bank_has_enough_questions_of_every_kind(demo):
    questions = list(bank_questions())
    assert len(questions) >= 36
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == set(Kind.values)
    assert kinds[Kind.MULTIPLE] >= 5
    assert kinds[Kind.SHORT] >= 3
    assert kinds[Kind.ESSAY] == 2
    assert kinds[Kind.SINGLE] + kinds[Kind.TRUE_FALSE] > len(questions) / 2


def test_categories_follow_the_guide_chapters(demo):
    bank = QuestionBank.objects.get(name=BANK_NAME)
    names = set(bank.categories.values_list("name", flat=True))
    assert names == set(CATEGORIES.values())
    assert len(content.GUIDE["chapters"]) == 5  # one category per chapter, plus the essays
    for category in bank.categories.exclude(name=CATEGORIES["tu-luan"]):
        assert category.questions.exclude(kind=Kind.ESSAY).count() >= 8, category.name
        assert not category.questions.filter(kind=Kind.ESSAY).exists(), category.name


def test_every_question_is_complete(demo):
    titles = Counter()
    for question in bank_questions():
        titles[question.title] += 1
        assert question.title.strip() and question.text.strip(), question.pk
        assert len(question.explanation) > 40, question.title
        assert question.category_id is not None, question.title

    assert max(titles.values()) == 1


def test_choice_weights_make_sense(demo):
    for question in bank_questions():
        weights = [c.weight for c in question.choices.all()]
        if question.kind == Kind.SINGLE:
            assert len(weights) == 4, question.title
            assert sorted(weights) == [0, 0, 0, 100], question.title
        elif question.kind == Kind.TRUE_FALSE:
            assert [c.text for c in question.choices.all()] == ["Đúng", "Sai"], question.title
            assert sorted(weights) == [0, 100], question.title
        elif question.kind == Kind.MULTIPLE:
            assert sum(w for w in weights if w > 0) == Decimal(100), question.title
            assert sum(1 for w in weights if w > 0) >= 2, question.title
            wrong = [w for w in weights if w <= 0]
            assert wrong and all(w < 0 for w in wrong), question.title
        elif question.kind == Kind.SHORT:
            assert len(weights) >= 2 and all(w == 100 for w in weights), question.title
        else:
            assert weights == [], question.title
        for choice in question.choices.all():
            if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
                assert choice.feedback, f"{question.title}: {choice.text}"


def test_all_text_is_nfc(demo):
    def nfc(value):
        return value == unicodedata.normalize("NFC", value)

    for question in bank_questions():
        for value in (question.title, question.text, question.explanation):
            assert nfc(value), question.title
        for choice in question.choices.all():
            assert nfc(choice.text) and nfc(choice.feedback), question.title
    for quiz in Quiz.objects.all():
        for value in (quiz.title, quiz.intro, quiz.success_text, quiz.fail_text):
            assert nfc(value), quiz.title


def test_short_answers_accept_the_variants_people_type(demo):
    from assessments.services import _normalise

    question = bank_questions().get(title="Thời hạn đăng toàn văn dự thảo")
    accepted = {_normalise(c.text, question) for c in question.choices.all()}
    for typed in ["30", " 30  ngày ", "30 NGAY", "ba mươi ngày"]:
        assert _normalise(typed, question) in accepted


def quiz_blocks(lesson):
    return [child.value for child in lesson.body if child.block_type == "quiz"]


@pytest.mark.parametrize("slug", COURSE_QUIZZES)
def test_last_lesson_of_each_course_requires_its_quiz(demo, slug):
    course = CoursePage.objects.get(slug=slug)
    lesson = last_lesson(course)
    required = [v for v in quiz_blocks(lesson) if v["required"]]
    assert len(required) == 1
    quiz = required[0]["quiz"]
    assert quiz.title == COURSE_QUIZZES[slug]["title"]
    assert lesson.body[-1].block_type == "quiz"
    assert [r.key for r in required_activities(lesson.body)] == [f"quiz:{quiz.pk}"]
    assert lesson.live and not lesson.has_unpublished_changes

    assert (quiz.pass_mark, quiz.max_attempts, quiz.grading) == (70, 3, Quiz.Grading.HIGHEST)
    assert quiz.shuffle_questions and quiz.shuffle_choices
    assert quiz.feedback == Quiz.Feedback.END
    assert quiz.review == Quiz.Review.AFTER_ATTEMPT
    assert quiz.success_text and quiz.fail_text

    fixed = [f.question for f in quiz.fixed_questions.all()]
    assert fixed and all(q.kind != Kind.ESSAY for q in fixed)
    draws = list(quiz.draws.select_related("category"))
    assert draws
    for draw in draws:
        assert draw.category.bank.name == BANK_NAME
        pool = draw.category.questions.exclude(pk__in=[q.pk for q in fixed])
        assert not pool.filter(kind=Kind.ESSAY).exists(), draw.category.name
        # enough for a different paper on each attempt, not just one
        assert pool.count() >= draw.count + 3, draw.category.name
    assert 10 <= len(fixed) + sum(d.count for d in draws) <= 20


def test_essays_are_an_optional_exercise(demo):
    lesson = last_lesson(CoursePage.objects.get(slug=ESSAY_QUIZ["course"]))
    optional = [v for v in quiz_blocks(lesson) if not v["required"]]
    assert [v["quiz"].title for v in optional] == [ESSAY_QUIZ["title"]]
    quiz = optional[0]["quiz"]
    assert not quiz.draws.exists()
    assert {f.question.kind for f in quiz.fixed_questions.all()} == {Kind.ESSAY}
    assert quiz.fixed_questions.count() == 2


def test_seed_is_idempotent(demo):
    def snapshot():
        counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
        counts["revisions"] = list(Revision.objects.order_by("pk").values_list("pk", flat=True))
        return counts

    seed_demo()
    first = snapshot()
    report = seed_demo()
    assert snapshot() == first
    assert report.created == []
    for slug in COURSE_QUIZZES:
        lesson = last_lesson(CoursePage.objects.get(slug=slug))
        titles = [v["quiz"].title for v in quiz_blocks(lesson)]
        assert len(titles) == len(set(titles))
    assert Choice.objects.filter(question__bank__name=BANK_NAME).exists()
