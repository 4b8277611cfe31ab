"""Marking essays (the queue and the marking screen), a class's quiz results (screen and .xlsx)
and the trainee's own results page."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import include, path, reverse
from openpyxl import load_workbook

import lms.urls
from assessments import marking, services
from assessments.models import Answer, Attempt, Question, QuestionCategory, QuizQuestion
from courses.models import ActivityResult
from people.models import AuditEvent, Profile, TrainingClass
from people.roles import TRAINERS_GROUP
from people.services import class_members_add
from tests.assessments.factories import question, quiz_in_lesson
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

# The trainee's page is included in lms/urls.py by hand; until then the tests mount it here.
_included = any(
    getattr(p, "urlconf_name", None) == "assessments.urls_results" for p in lms.urls.urlpatterns
)
urlpatterns = (
    lms.urls.urlpatterns
    if _included
    else [
        *lms.urls.urlpatterns[:-1],
        path("", include("assessments.urls_results")),
        lms.urls.urlpatterns[-1],
    ]
)


# Data --------------------------------------------------------------------------------------


def essay(bank):
    """A 2-point essay in the sub-category "Chung / Viết"."""
    category = bank["category"]
    writing = QuestionCategory.objects.create(bank=category.bank, name="Viết", parent=category)
    return question(category.bank, writing, "essay", "Viết đoạn văn", points=2)


@pytest.fixture
def quiz(demo):
    quiz, lesson, course, bank = quiz_in_lesson(essay=essay, pass_mark=50)
    return {
        "quiz": quiz,
        "lesson": lesson,
        "course": course,
        "bank": bank,
        "essay": quiz.fixed_questions.get().question,
    }


@pytest.fixture
def trainer(demo):
    return User.objects.get(username="giangvien")


@pytest.fixture
def other_trainer(demo):
    user = UserFactory(username="giangvien.khac")
    user.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    return user


def new_class(slug: str, trainer, course) -> TrainingClass:
    model = TrainingClass.objects.exclude(locality=None).first()
    training_class = TrainingClass.objects.create(
        slug=slug,
        title=f"Lớp {slug}",
        organiser=model.organiser,
        starts_on=model.starts_on,
        ends_on=model.ends_on,
        locality=model.locality,
    )
    training_class.trainers.set([trainer])
    training_class.courses.set([course])
    return training_class


def members(training_class, prefix: str, names: list[str]) -> list:
    users = []
    for n, name in enumerate(names):
        user = UserFactory(username=f"{prefix}.{n}")
        Profile.objects.create(user=user, full_name=name)
        users.append(user)
    class_members_add(training_class=training_class, users=users)
    return users


def choice(q: Question, text: str) -> int:
    return q.choices.get(text=text).pk


def answers(bank, essay_q, *, single=True, multiple=2, truefalse=True, short=True, text="Bài"):
    """An answer sheet: `multiple` is how many right choices of the multiple-response question
    (0, 1: half the points, 2: all); a False answers wrongly; None leaves it out."""
    sheet = {}
    if single is not None:
        sheet[bank["single"].pk] = {
            "choices": [choice(bank["single"], "30 ngày" if single else "10 ngày")]
        }
    if multiple:
        right = ["Cổng thông tin", "Loa truyền thanh"][:multiple]
        sheet[bank["multiple"].pk] = {"choices": [choice(bank["multiple"], t) for t in right]}
    if truefalse is not None:
        sheet[bank["truefalse"].pk] = {
            "choices": [choice(bank["truefalse"], "Sai" if truefalse else "Đúng")]
        }
    if short is not None:
        sheet[bank["short"].pk] = {"text": "407" if short else "sai"}
    if text is not None:
        sheet[essay_q.pk] = {"text": text}
    return sheet


def take(user, q, sheet) -> Attempt:
    attempt = services.attempt_start(user=user, quiz=q["quiz"], lesson=q["lesson"])
    return services.attempt_submit(user=user, attempt_id=attempt.pk, answers=sheet)


def essay_answer(attempt) -> Answer:
    return Answer.objects.get(
        paper_question__attempt=attempt, paper_question__question__kind="essay"
    )


def mark(attempt, score, marker) -> Attempt:
    return services.answer_mark(marker=marker, answer=essay_answer(attempt), score=Decimal(score))


@pytest.fixture
def classes(quiz, trainer, other_trainer):
    """Two classes of the quiz's course: the demo trainer's and another trainer's, each with
    members who submitted an essay."""
    mine = new_class("lop-cua-toi", trainer, quiz["course"])
    theirs = new_class("lop-khac", other_trainer, quiz["course"])
    lan, minh = members(mine, "toi", ["Nguyễn Thị Lan", "Trần Văn Minh"])
    (hung,) = members(theirs, "khac", ["Lê Văn Hùng"])
    attempts = {}
    for user, text in ((lan, "Bài của Lan"), (minh, "Bài của Minh"), (hung, "Bài của Hùng")):
        attempts[user.username] = take(user, quiz, answers(quiz["bank"], quiz["essay"], text=text))
    return {
        "mine": mine,
        "theirs": theirs,
        "lan": lan,
        "minh": minh,
        "hung": hung,
        "attempts": attempts,
    }


# The marking queue -------------------------------------------------------------------------


def test_the_queue_shows_only_the_essays_of_the_trainers_own_classes(
    client, trainer, other_trainer, classes
):
    assert all(a.state == "needs_marking" for a in classes["attempts"].values())
    client.force_login(trainer)
    page = client.get(reverse("assessments_marking_queue")).content.decode()
    assert "Nguyễn Thị Lan" in page and "Trần Văn Minh" in page
    assert "Lê Văn Hùng" not in page
    queue = list(marking.marking_queue(trainer))
    assert [a.paper_question.attempt.user for a in queue] == [classes["lan"], classes["minh"]]
    # Filtering by another trainer's class shows nothing; by their own class, their members.
    other = client.get(reverse("assessments_marking_queue"), {"lop": classes["theirs"].pk})
    assert "Lê Văn Hùng" not in other.content.decode() and not other.context["page"].object_list
    own = client.get(
        reverse("assessments_marking_queue"),
        {"lop": classes["mine"].pk, "kiem-tra": classes["attempts"]["toi.0"].quiz_id},
    )
    assert len(own.context["page"].object_list) == 2
    # The menu item with its count, for trainers.
    admin_home = client.get("/admin/").content.decode()
    assert reverse("assessments_marking_queue") in admin_home

    client.force_login(other_trainer)
    page = client.get(reverse("assessments_marking_queue")).content.decode()
    assert "Lê Văn Hùng" in page and "Nguyễn Thị Lan" not in page

    client.force_login(User.objects.get(username="admin"))
    assert len(client.get(reverse("assessments_marking_queue")).context["page"]) == 3

    client.force_login(User.objects.get(username="thongke"))
    assert client.get(reverse("assessments_marking_queue")).status_code == 403
    assert reverse("assessments_marking_queue") not in client.get("/admin/").content.decode()


def test_marking_grades_the_attempt_and_the_lesson_then_opens_the_next_essay(
    client, trainer, quiz, classes
):
    client.force_login(trainer)
    lan_attempt = classes["attempts"]["toi.0"]
    answer = essay_answer(lan_attempt)
    url = reverse("assessments_marking_answer", args=[answer.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bài của Lan" in html and "Viết đoạn văn?" in html  # the answer and the question

    # Out of range: refused by the form, nothing changes.
    response = client.post(url, {"score": "2.5", "comment": ""})
    assert response.status_code == 200 and response.context["form"].errors
    answer.refresh_from_db()
    assert answer.marked_at is None

    response = client.post(url, {"score": "1.5", "comment": "Khá tốt"})
    minh_answer = essay_answer(classes["attempts"]["toi.1"])
    assert response.url == reverse("assessments_marking_answer", args=[minh_answer.pk])
    answer.refresh_from_db()
    assert answer.score == Decimal("1.5") and answer.marked_by == trainer
    assert answer.comment == "Khá tốt"
    lan_attempt.refresh_from_db()
    # 4 of 4 automatic points and 1.5 of 2 for the essay.
    assert lan_attempt.state == "graded" and lan_attempt.percent == Decimal("91.67")
    assert lan_attempt.passed
    result = ActivityResult.objects.get(
        user=classes["lan"], lesson=quiz["lesson"], key=f"quiz:{quiz['quiz'].pk}"
    )
    assert result.passed and result.score == Decimal("91.67")
    assert AuditEvent.objects.filter(actor=trainer, action="change", subject=classes["lan"])

    # The last essay of the queue leads back to the (now empty) queue.
    response = client.post(
        reverse("assessments_marking_answer", args=[minh_answer.pk]), {"score": "0"}
    )
    assert response.url == reverse("assessments_marking_queue")
    assert not marking.marking_queue(trainer).exists()
    # A mark can be changed later.
    client.post(url, {"score": "2", "comment": ""})
    answer.refresh_from_db()
    assert answer.score == 2


def test_the_answer_is_escaped(client, trainer, quiz, classes):
    (ha,) = members(classes["mine"], "toi2", ["Phạm Thu Hà"])
    attempt = take(
        ha, quiz, answers(quiz["bank"], quiz["essay"], text='<script>alert("x")</script>')
    )
    client.force_login(trainer)
    html = client.get(
        reverse("assessments_marking_answer", args=[essay_answer(attempt).pk])
    ).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)" in html


def test_another_trainer_cannot_mark_and_nobody_marks_an_attempt_in_progress(
    client, trainer, other_trainer, quiz, classes
):
    answer = essay_answer(classes["attempts"]["toi.0"])
    url = reverse("assessments_marking_answer", args=[answer.pk])
    client.force_login(other_trainer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"score": "2"}).status_code == 403
    client.force_login(User.objects.get(username="thongke"))
    assert client.post(url, {"score": "2"}).status_code == 403
    answer.refresh_from_db()
    assert answer.marked_at is None and answer.score is None

    # An attempt still in progress: its essay is saved but not submitted.
    (tu,) = members(classes["mine"], "toi3", ["Đỗ Văn Tú"])
    attempt = services.attempt_start(user=tu, quiz=quiz["quiz"], lesson=quiz["lesson"])
    services.answers_save(
        user=tu, attempt_id=attempt.pk, answers={quiz["essay"].pk: {"text": "Đang viết"}}
    )
    open_answer = essay_answer(attempt)
    client.force_login(trainer)
    assert not marking.marking_queue(trainer).filter(pk=open_answer.pk).exists()
    url = reverse("assessments_marking_answer", args=[open_answer.pk])
    assert client.post(url, {"score": "2"}).status_code == 403
    open_answer.refresh_from_db()
    attempt.refresh_from_db()
    assert open_answer.marked_at is None and attempt.state == "in_progress"


# Results -------------------------------------------------------------------------------------


@pytest.fixture
def dataset(quiz, trainer, other_trainer):
    """A hand-built class: Lan all right (essay 2/2: 100 %); Minh single right, multiple half,
    true/false and short wrong, essay 1/2 (2.5/6: 41.67 %); Tú twice, first nothing but an
    essay marked 0 (0 %), then all right with essay 1/2 (83.33 %); Hà never. Hùng, of
    another class, scores 100 % and must not count."""
    bank, essay_q = quiz["bank"], quiz["essay"]
    mine = new_class("lop-ket-qua", trainer, quiz["course"])
    theirs = new_class("lop-ngoai", other_trainer, quiz["course"])
    lan, minh, tu, ha = members(
        mine, "kq", ["Nguyễn Thị Lan", "Trần Văn Minh", "Đỗ Văn Tú", "Phạm Thu Hà"]
    )
    (hung,) = members(theirs, "ngoai", ["Lê Văn Hùng"])
    mark(take(lan, quiz, answers(bank, essay_q)), 2, trainer)
    wrong = answers(bank, essay_q, multiple=1, truefalse=False, short=False)
    mark(take(minh, quiz, wrong), 1, trainer)
    nothing = answers(
        bank, essay_q, single=None, multiple=0, truefalse=None, short=None, text="..."
    )
    mark(take(tu, quiz, nothing), 0, trainer)
    mark(take(tu, quiz, answers(bank, essay_q)), 1, trainer)
    mark(take(hung, quiz, answers(bank, essay_q)), 2, other_trainer)
    return {"class": mine, "lan": lan, "minh": minh, "tu": tu, "ha": ha, **quiz}


def results_url(training_class, **query) -> str:
    url = reverse("assessments_class_results", args=[training_class.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


EXPECTED_QUESTIONS = {
    # title: (answers, correct %, partly correct %, mean score)
    "Thời hạn đăng dự thảo": (4, "75.00", "0.00", "0.75"),
    "Kênh truyền thông": (4, "50.00", "25.00", "0.63"),
    "Dự thảo là quy định": (4, "50.00", "0.00", "0.50"),
    "Số quyết định": (4, "50.00", "0.00", "0.50"),
    "Viết đoạn văn": (4, "25.00", "50.00", "1.00"),
}


def test_the_results_numbers(client, trainer, dataset):
    client.force_login(trainer)
    response = client.get(results_url(dataset["class"]))
    assert response.status_code == 200
    results = response.context["results"]
    by_name = {m["name"]: m for m in results.members}
    assert set(by_name) == {"Nguyễn Thị Lan", "Trần Văn Minh", "Đỗ Văn Tú", "Phạm Thu Hà"}
    expected = {
        "Nguyễn Thị Lan": (1, Decimal("100"), True),
        "Trần Văn Minh": (1, Decimal("41.67"), False),
        "Đỗ Văn Tú": (2, Decimal("83.33"), True),
        "Phạm Thu Hà": (0, None, False),
    }
    for name, (count, grade, passed) in expected.items():
        member = by_name[name]
        assert (member["attempts"], member["grade"], member["passed"]) == (count, grade, passed)
        if count:  # the same grade as services.quiz_grade
            assert (grade, passed) == services.quiz_grade(
                user=member["user"], quiz=dataset["quiz"], lesson=dataset["lesson"]
            )
    assert by_name["Đỗ Văn Tú"]["best"] == Decimal("83.33")
    assert results.passed_count == 2 and results.mean_grade == Decimal("75.00")
    assert results.graded_attempts == 4

    questions = {
        q["title"]: (q["count"], str(q["correct_percent"]), str(q["partial_percent"]))
        + (str(q["mean_score"]),)
        for q in results.questions
    }
    assert questions == EXPECTED_QUESTIONS
    categories = {c["name"]: (c["questions"], str(c["percent"])) for c in results.categories}
    # Chung: 9.5 of 16 points; Chung / Viết: 4 of 8.
    assert categories == {"Chung": (4, "59.38"), "Chung / Viết": (1, "50.00")}
    buckets = {b["low"]: b["count"] for b in results.histogram}
    assert buckets == {0: 0, 10: 0, 20: 0, 30: 0, 40: 1, 50: 0, 60: 0, 70: 0, 80: 1, 90: 1}

    html = response.content.decode()
    # The charts, drawn on the server, and their numbers as tables for screen readers.
    assert '<svg class="results-histogram"' in html and 'id="results-histogram"' in html
    assert 'class="results-bar__correct" style="width: 75.00%"' in html
    assert 'id="results-questions"' in html and 'id="results-categories"' in html
    assert "Lê Văn Hùng" not in html
    assert AuditEvent.objects.filter(
        actor=trainer, action="view", detail__screen="quiz results"
    ).exists()


def test_the_results_file_reads_back_the_same_numbers(client, trainer, dataset):
    client.force_login(trainer)
    response = client.get(results_url(dataset["class"], **{"dinh-dang": "xlsx"}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Học viên", "Câu hỏi", "Danh mục"]

    sheet = book["Học viên"]
    assert [c.value for c in sheet[5]][:7] == [
        "STT",
        "Họ và tên",
        "Số lần làm bài",
        "Số lần đã chấm",
        "Điểm cao nhất (%)",
        "Điểm (%)",
        "Kết quả",
    ]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=6, max_row=9, values_only=True)}
    assert rows["Nguyễn Thị Lan"][2:7] == (1, 1, 100, 100, "Đạt")
    assert rows["Trần Văn Minh"][5:7] == (41.67, "Chưa đạt")
    assert rows["Đỗ Văn Tú"][2:7] == (2, 2, 83.33, 83.33, "Đạt")
    assert rows["Phạm Thu Hà"][2:6] == (0, 0, None, None)
    total = [c.value for c in sheet[10]]
    assert total[1] == "Tổng cộng" and total[2] == 4 and total[5] == 75 and total[6] == "2/4 đạt"

    sheet = book["Câu hỏi"]
    assert [c.value for c in sheet[5]] == [
        "STT",
        "Câu hỏi",
        "Danh mục",
        "Điểm tối đa",
        "Số lượt trả lời",
        "Số lượt đúng",
        "Số lượt đúng một phần",
        "Tỷ lệ đúng (%)",
        "Điểm trung bình",
    ]
    read = {
        row[1]: (row[4], row[7], row[8])
        for row in sheet.iter_rows(min_row=6, max_row=10, values_only=True)
    }
    assert read == {
        title: (count, float(correct), float(mean))
        for title, (count, correct, _partial, mean) in EXPECTED_QUESTIONS.items()
    }
    total = [c.value for c in sheet[11]]
    assert total[1] == "Tổng cộng" and total[4] == 20 and total[5] == 10 and total[7] == 50

    sheet = book["Danh mục"]
    assert [c.value for c in sheet[5]][1] == "Danh mục"
    read = {row[1]: row[2:] for row in sheet.iter_rows(min_row=6, max_row=7, values_only=True)}
    assert read == {"Chung": (4, 9.5, 16, 59.38), "Chung / Viết": (1, 4, 8, 50)}
    total = [c.value for c in sheet[8]]
    assert total[1:] == ["Tổng cộng", 5, 13.5, 24, 56.25]
    assert AuditEvent.objects.filter(
        actor=trainer, action="export", detail__screen="quiz results xlsx"
    ).exists()


def test_the_results_are_open_as_the_progress_screen(client, other_trainer, dataset):
    url = results_url(dataset["class"])
    client.force_login(other_trainer)
    assert client.get(url).status_code == 403
    assert client.get(url + "?dinh-dang=xlsx").status_code == 403
    client.force_login(dataset["lan"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(User.objects.get(username="admin"))
    assert client.get(url).status_code == 200
    assert client.get(results_url(dataset["class"], **{"kiem-tra": "999999"})).status_code == 404


def class_of(size: int, extra_questions: int, q, trainer) -> TrainingClass:
    """A class of `size` members who all took the quiz once, after `extra_questions` more
    questions were added to it (so the papers grow with the class)."""
    bank = q["bank"]
    for n in range(extra_questions):
        extra = question(
            bank["single"].bank,
            bank["category"],
            "truefalse",
            f"Thêm {size}.{n}",
            [("Đúng", 100), ("Sai", 0)],
        )
        QuizQuestion.objects.create(quiz=q["quiz"], question=extra)
    training_class = new_class(f"lop-{size}", trainer, q["course"])
    people = members(training_class, f"c{size}", [f"Học Viên {size} {n}" for n in range(size)])
    for n, user in enumerate(people):
        attempt = take(user, q, answers(bank, q["essay"], multiple=n % 3))
        mark(attempt, n % 3, trainer)
    return training_class


def test_the_results_read_a_constant_number_of_queries(
    client, trainer, quiz, django_assert_num_queries, django_assert_max_num_queries
):
    small = class_of(2, 0, quiz, trainer)
    large = class_of(7, 3, quiz, trainer)
    client.force_login(trainer)
    client.get(results_url(small))  # warm Wagtail's per-process caches
    with django_assert_max_num_queries(40) as counted:
        assert client.get(results_url(small)).status_code == 200
    with django_assert_num_queries(len(counted.captured_queries)):
        response = client.get(results_url(large))
    assert len(response.context["results"].members) == 7
    assert len(response.context["results"].questions) > 5
    with django_assert_max_num_queries(40) as counted:
        client.get(results_url(small, **{"dinh-dang": "xlsx"}))
    with django_assert_num_queries(len(counted.captured_queries)):
        client.get(results_url(large, **{"dinh-dang": "xlsx"}))


# The trainee's own results ---------------------------------------------------------------------


@pytest.mark.urls(__name__)
def test_the_trainee_sees_only_their_own_attempts(client, trainer, dataset):
    tu, lan = dataset["tu"], dataset["lan"]
    url = reverse("assessment_results:mine")
    assert url == "/hoc-tap/ket-qua/"
    assert "/login/" in client.get(url)["Location"]
    client.force_login(tu)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for attempt in Attempt.objects.filter(user=tu):
        assert reverse("assessments:result", args=[attempt.pk]) in html
    for attempt in Attempt.objects.exclude(user=tu):
        assert reverse("assessments:result", args=[attempt.pk]) not in html
    (group,) = response.context["groups"]
    assert [a.percent for a in group["attempts"]] == [Decimal("0"), Decimal("83.33")]
    assert group["grade"] == Decimal("83.33") and group["passed"]
    assert dataset["quiz"].title in html and dataset["lesson"].title in html
    assert "83,3" in html or "83.3" in html
    client.force_login(lan)
    html = client.get(url).content.decode()
    assert str(Attempt.objects.get(user=lan).pk) in html
    assert (
        reverse("assessments:result", args=[Attempt.objects.filter(user=tu).first().pk]) not in html
    )
