"""xAPI from the H5P player: the server decides who and what a statement is about, what counts
toward the lesson, where a trainee left off, and what a learning record store gets."""

import itertools
import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, LessonProgress
from courses.records import ActivityResult
from courses.services import activity_result_record, enrolments_create, lesson_progress_record
from media.models import H5PContent, H5PState, XAPIStatement
from media.serving import content_token
from media.xapi import VERBS, activity_iri
from media.xapi import result_of as result_of_statement
from tests.factories import UserFactory

_numbers = itertools.count(1)

pytestmark = pytest.mark.django_db


def h5p_content(title="Đúng hay sai") -> H5PContent:
    return H5PContent.objects.create(
        title=title, package="h5p/packages/thu.h5p", sha256="0" * 64, status="ready"
    )


@pytest.fixture
def catalogue(db):
    """The demo's course catalogue (seeded again only if a live-server test flushed it)."""
    found = CourseIndexPage.objects.first()
    if found is None:
        from lms.demo.seed import seed_demo

        seed_demo()
        found = CourseIndexPage.objects.get()
    return found


def course_with_activity(catalogue, content, *, required=True, **course_fields):
    """A live course of one lesson holding the activity (pages made live directly, without
    revisions: what these tests read is the live page, and publishing costs time)."""
    course = CoursePage(
        title="Khoá có H5P", slug=f"khoa-h5p-{next(_numbers)}", summary="Tóm tắt.", **course_fields
    )
    catalogue.add_child(instance=course)
    block = {"content": content.pk, "required": required, "caption": ""}
    lesson = LessonPage(
        title="Bài tương tác", slug="bai-1", body=json.dumps([{"type": "h5p", "value": block}])
    )
    course.add_child(instance=lesson)
    return course, LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture
def activity(catalogue):
    content = h5p_content()
    course, lesson = course_with_activity(catalogue, content)
    trainee = UserFactory()
    enrolments_create(users=[trainee], courses=[course])
    client = Client()
    client.force_login(trainee)
    token = content_token(user=trainee, content=content, lesson=lesson)
    return {
        "content": content,
        "course": course,
        "lesson": lesson,
        "trainee": trainee,
        "client": client,
        "token": token,
    }


def statement(content, verb="answered", sub=None, **result) -> dict:
    iri = activity_iri(content.pk) + (f"?subContentId={sub}" if sub else "")
    data = {
        "id": str(uuid.uuid4()),
        "actor": {"name": "Người khác", "mbox": "mailto:nguoi.khac@example.vn"},
        "verb": {"id": VERBS + verb, "display": {"en-US": verb}},
        "object": {
            "id": iri,
            "objectType": "Activity",
            "definition": {"extensions": {"http://h5p.org/x-api/h5p-local-content-id": "c1"}},
        },
        "context": {
            "contextActivities": {
                "category": [{"id": "http://h5p.org/libraries/H5P.TrueFalse-1.6"}]
            }
        },
    }
    if sub:
        data["context"]["contextActivities"]["parent"] = [{"id": activity_iri(content.pk)}]
    if result:
        data["result"] = result
    return data


def post(activity, data, token=None):
    return activity["client"].post(
        "/h5p/xapi/",
        data=json.dumps({"token": token or activity["token"], "statement": data}),
        content_type="application/json",
    )


def result_of(activity):
    return ActivityResult.objects.filter(
        user=activity["trainee"], key=f"h5p:{activity['content'].pk}"
    ).first()


def test_the_actor_is_the_logged_in_trainee_whatever_the_browser_says(activity):
    sent = statement(activity["content"], result={"score": {"scaled": 1}, "success": True})
    response = post(activity, sent)
    assert response.status_code == 200, response.content
    row = XAPIStatement.objects.get()
    assert row.user == activity["trainee"]
    assert row.statement["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": "http://testserver", "name": str(activity["trainee"].pk)},
    }
    assert "nguoi.khac" not in json.dumps(row.statement)
    assert str(row.statement_id) == sent["id"]
    assert row.lesson == activity["lesson"] and row.course.pk == activity["course"].pk


def test_a_post_with_someone_elses_token_is_refused(activity):
    other = UserFactory()
    enrolments_create(users=[other], courses=[activity["course"]])
    theirs = content_token(user=other, content=activity["content"], lesson=activity["lesson"])
    response = post(activity, statement(activity["content"], "passed"), token=theirs)
    assert response.status_code == 403
    assert response.json()["error"] == "Kết quả này thuộc về người khác nên không được lưu."
    assert not XAPIStatement.objects.exists() and result_of(activity) is None


def test_a_post_about_another_activity_is_refused(activity):
    other = h5p_content("Kéo thả từ")
    response = post(activity, statement(other, "passed"))  # the token is for the first content
    assert response.status_code == 403
    assert "hoạt động khác" in response.json()["error"]
    token_for_other = content_token(user=activity["trainee"], content=other)
    response = post(activity, statement(activity["content"], "passed"), token=token_for_other)
    assert response.status_code == 403
    tampered = activity["token"][:-2] + ("AA" if activity["token"][-2:] != "AA" else "BB")
    response = post(activity, statement(activity["content"], "passed"), token=tampered)
    assert response.status_code == 403
    assert "tải lại trang" in response.json()["error"]
    assert not XAPIStatement.objects.exists() and result_of(activity) is None


def test_a_statement_that_is_not_xapi_is_refused(activity):
    broken = statement(activity["content"])
    broken["verb"] = {"id": "passed"}
    response = post(activity, broken)
    assert response.status_code == 400
    assert response.json()["error"] == "Câu lệnh xAPI không có động từ (verb) hợp lệ."
    for body in ("{", '{"token": "x", "statement": {"result": {"score": {"scaled": NaN}}}}'):
        response = activity["client"].post("/h5p/xapi/", data=body, content_type="application/json")
        assert response.status_code == 400
        assert response.json()["error"] == "Đây không phải là câu lệnh xAPI."
    assert not XAPIStatement.objects.exists()


def test_sub_question_statements_never_change_the_score(activity):
    content = activity["content"]
    sub = statement(content, "answered", sub="a1b2", score={"scaled": 1}, success=True)
    assert post(activity, sub).json()["counted"] is False
    assert result_of(activity) is None
    post(activity, statement(content, "answered", score={"scaled": 0.25}, success=False))
    post(activity, statement(content, "passed", sub="a1b2", score={"scaled": 1}, success=True))
    result = result_of(activity)
    assert (result.passed, result.score) == (False, 25)
    assert XAPIStatement.objects.filter(is_sub=True).count() == 2


@pytest.mark.parametrize(
    ("verb", "result", "passed", "score"),
    [
        ("passed", {"score": {"scaled": 0.8}}, True, 80),
        ("failed", {"score": {"scaled": 0.2}, "success": False}, False, 20),
        ("answered", {"score": {"raw": 1, "max": 1}, "success": True}, True, 100),
        ("answered", {"score": {"scaled": 0}, "success": False}, False, 0),
        ("answered", {"completion": True}, True, None),  # a survey question: no right answer
        ("completed", {}, True, None),
        ("completed", {"success": False, "score": {"scaled": 0.5}}, False, 50),
    ],
)
def test_verbs_map_to_passed_and_score(verb, result, passed, score):
    assert result_of_statement(verb, result) == (passed, score)


def test_a_passed_statement_records_the_activity_and_other_verbs_do_not(activity):
    content = activity["content"]
    post(activity, statement(content, "experienced"))
    post(activity, statement(content, "interacted", score={"scaled": 1}, success=True))
    assert result_of(activity) is None
    post(activity, statement(content, "passed", score={"scaled": 0.8}, success=True))
    row = result_of(activity)
    assert (row.kind, row.passed, row.score) == ("h5p", True, 80)


def test_posting_the_same_statement_again_changes_nothing(activity):
    sent = statement(activity["content"], "failed", score={"scaled": 0.1}, success=False)
    first = post(activity, sent).json()
    assert first["stored"] is True and first["counted"] is True
    post(activity, statement(activity["content"], "passed", score={"scaled": 1}, success=True))
    again = post(activity, sent).json()
    assert again["stored"] is False and again["counted"] is False and again["id"] == sent["id"]
    assert XAPIStatement.objects.count() == 2
    assert result_of(activity).score == 100  # the replayed failure did not overwrite it


def test_a_later_worse_attempt_does_not_lower_the_best_result(activity):
    content = activity["content"]
    post(activity, statement(content, "answered", score={"scaled": 0.5}, success=False))
    post(activity, statement(content, "passed", score={"scaled": 0.9}, success=True))
    post(activity, statement(content, "failed", score={"scaled": 0.3}, success=False))
    result = result_of(activity)
    assert (result.passed, result.score) == (True, 90)


def test_a_quiz_result_still_follows_the_quiz_grade_down(activity):
    """Quizzes report their grade by the quiz's own method (last attempt, average, a trainer's
    re-marking), which may go down; only H5P keeps its best."""
    trainee, lesson = activity["trainee"], activity["lesson"]
    for score in (80, 60):
        activity_result_record(
            user=trainee, lesson_id=lesson.pk, key="quiz:9", kind="quiz", passed=True, score=score
        )
    assert ActivityResult.objects.get(user=trainee, key="quiz:9").score == 60


def test_passing_a_required_activity_completes_the_lesson_and_the_course(activity):
    trainee, lesson = activity["trainee"], activity["lesson"]
    lesson_progress_record(user=trainee, lesson_id=lesson.pk, event="read")
    progress = LessonProgress.objects.get(user=trainee, lesson=lesson)
    assert progress.completed_at is None  # read, but the activity is not passed yet
    answer = post(
        activity,
        statement(activity["content"], "answered", score={"scaled": 1}, success=True),
    ).json()
    assert answer["lesson_completed"] is True and answer["passed"] is True
    progress.refresh_from_db()
    assert progress.completed_at is not None
    assert Enrolment.objects.get(user=trainee).completed_at is not None


@pytest.mark.parametrize(("scores_count", "completes"), [(False, True), (True, False)])
def test_h5p_scores_count_toward_the_minimum_only_when_the_course_says(
    catalogue, scores_count, completes
):
    content = h5p_content()
    course, lesson = course_with_activity(
        catalogue, content, min_overall_score=70, h5p_scores_count=scores_count
    )
    trainee = UserFactory()
    enrolments_create(users=[trainee], courses=[course])
    activity_result_record(
        user=trainee, lesson_id=lesson.pk, key="quiz:1", kind="quiz", passed=True, score=90
    )
    lesson_progress_record(user=trainee, lesson_id=lesson.pk, event="read")
    client = Client()
    client.force_login(trainee)
    token = content_token(user=trainee, content=content, lesson=lesson)
    # Passed at 40 %: the activity's own pass mark is low, the course asks 70 overall.
    sent = statement(content, "answered", score={"scaled": 0.4}, success=True)
    client.post(
        "/h5p/xapi/",
        data=json.dumps({"token": token, "statement": sent}),
        content_type="application/json",
    )
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at is not None
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert (enrolment.completed_at is not None) is completes
    if completes:
        assert enrolment.score == 90  # the quiz alone


# --- Saved state ---------------------------------------------------------------------------------


def state_url(activity, token=None):
    return f"/h5p/state/{activity['content'].pk}/?t={token or activity['token']}&dataType=state&subContentId=0"


def trainee_in(catalogue, **course_fields) -> dict:
    """A trainee enrolled in a new course whose one lesson requires an H5P activity, logged in
    with the player's token, having read the lesson and scored 90 in a quiz."""
    content = h5p_content()
    course, lesson = course_with_activity(catalogue, content, **course_fields)
    trainee = UserFactory()
    enrolments_create(users=[trainee], courses=[course])
    activity_result_record(
        user=trainee, lesson_id=lesson.pk, key="quiz:1", kind="quiz", passed=True, score=90
    )
    lesson_progress_record(user=trainee, lesson_id=lesson.pk, event="read")
    client = Client()
    client.force_login(trainee)
    token = content_token(user=trainee, content=content, lesson=lesson)
    return {"content": content, "course": course, "lesson": lesson, "trainee": trainee,
            "client": client, "token": token}  # fmt: skip


def lesson_done(found) -> bool:
    return (
        LessonProgress.objects.get(user=found["trainee"], lesson=found["lesson"]).completed_at
        is not None
    )


def activity_state(found) -> str:
    html = found["client"].get(found["lesson"].url).content.decode()
    item = BeautifulSoup(html, "html.parser").select_one(".activity-list li .state")
    return item.get_text(strip=True)


def test_with_h5p_scores_advisory_answering_completes_a_required_activity(catalogue):
    found = trainee_in(catalogue, h5p_scores_count=False, min_overall_score=70)
    content = found["content"]
    # Looking around, or answering a sub-question, is not having done the activity.
    post(found, statement(content, "interacted"))
    post(found, statement(content, "answered", sub="q1", score={"scaled": 1}, success=True))
    assert not lesson_done(found) and activity_state(found) == "Chưa đạt"

    answer = post(found, statement(content, "answered", score={"scaled": 0.2}, success=False))
    assert answer.json()["lesson_completed"] is True
    assert lesson_done(found)
    assert activity_state(found) == "Đã làm"
    enrolment = Enrolment.objects.get(user=found["trainee"], course=found["course"])
    # The browser's 20 % does not count: the quiz's 90 alone reaches the course's 70.
    assert enrolment.completed_at is not None and enrolment.score == 90


def test_with_h5p_scores_counting_a_pass_is_needed_and_the_score_counts(catalogue):
    found = trainee_in(catalogue, h5p_scores_count=True, min_overall_score=70)
    content = found["content"]
    answer = post(found, statement(content, "answered", score={"scaled": 0.2}, success=False))
    assert answer.json()["lesson_completed"] is False
    assert not lesson_done(found) and activity_state(found) == "Chưa đạt"

    post(found, statement(content, "passed", score={"scaled": 0.6}, success=True))
    assert lesson_done(found) and activity_state(found) == "Đạt"
    enrolment = Enrolment.objects.get(user=found["trainee"], course=found["course"])
    assert enrolment.completed_at is not None and enrolment.score == 75  # (90 + 60) / 2


def test_state_is_saved_and_read_back_per_person(activity):
    # H5P core's jQuery sends no CSRF header: the token in the URL stands for it.
    client = Client(enforce_csrf_checks=True)
    client.force_login(activity["trainee"])
    assert client.get(state_url(activity)).json() == {"success": True, "data": False}
    saved = json.dumps({"answers": [True], "progress": 1})
    response = client.post(state_url(activity), {"data": saved, "preload": 1, "invalidate": 0})
    assert response.json() == {"success": True}
    assert client.get(state_url(activity)).json() == {"success": True, "data": saved}

    other = UserFactory()
    enrolments_create(users=[other], courses=[activity["course"]])
    theirs = content_token(user=other, content=activity["content"], lesson=activity["lesson"])
    other_client = Client()
    other_client.force_login(other)
    assert other_client.get(state_url(activity, theirs)).json()["data"] is False
    # Someone else's token: no reading, no overwriting.
    refused = other_client.post(state_url(activity), {"data": "{}"})
    assert refused.status_code == 403 and refused.json()["success"] is False
    assert other_client.get(state_url(activity)).status_code == 403
    assert H5PState.objects.get(user=activity["trainee"]).data == saved

    client.post(state_url(activity), {"data": "0"})  # H5P core's "forget"
    assert not H5PState.objects.exists()


def test_state_must_be_json_and_not_too_large(activity):
    client = activity["client"]
    response = client.post(state_url(activity), {"data": "not json"})
    assert response.status_code == 400
    assert response.json()["message"] == "Dữ liệu lưu tiến độ của hoạt động này không hợp lệ."
    huge = json.dumps({"x": "a" * (300 * 1024)})
    assert client.post(state_url(activity), {"data": huge}).status_code == 413
    assert not H5PState.objects.exists()


# --- Export --------------------------------------------------------------------------------------


def post_as(user, content, lesson, data):
    client = Client()
    client.force_login(user)
    token = content_token(user=user, content=content, lesson=lesson)
    return client.post(
        "/h5p/xapi/",
        data=json.dumps({"token": token, "statement": data}),
        content_type="application/json",
    )


def test_exports_are_json_lines_of_that_course_or_class_only(activity, capsys, tmp_path):
    from people.models import ClassMembership, TrainingClass

    content, course, lesson = activity["content"], activity["course"], activity["lesson"]
    post(activity, statement(content, "answered", score={"scaled": 1}, success=True))
    post(activity, statement(content, "answered", sub="q2", score={"scaled": 1}, success=True))
    stranger = UserFactory()  # same course, not in the class
    enrolments_create(users=[stranger], courses=[course])
    post_as(stranger, content, lesson, statement(content, "failed", success=False))
    elsewhere = h5p_content("Khoá khác")
    other_course, other_lesson = course_with_activity(CourseIndexPage.objects.get(), elsewhere)
    enrolments_create(users=[activity["trainee"]], courses=[other_course])
    post_as(activity["trainee"], elsewhere, other_lesson, statement(elsewhere, "passed"))
    assert XAPIStatement.objects.count() == 4

    call_command("export_xapi", "--course", course.slug, "-o", "-")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 3
    for line in lines:
        assert set(line) >= {"id", "actor", "verb", "object", "timestamp", "stored", "version"}
        uuid.UUID(line["id"])
        assert set(line["actor"]) == {"objectType", "account"}
        assert line["actor"]["account"]["homePage"] == "http://testserver"
        assert line["object"]["id"].startswith(activity_iri(content.pk))
        assert line["version"] == "1.0.3" and line["verb"]["id"].startswith("http")

    training_class = TrainingClass.objects.first()
    training_class.courses.set([course])
    ClassMembership.objects.get_or_create(training_class=training_class, user=activity["trainee"])
    target = tmp_path / "lop.jsonl"
    call_command("export_xapi", "--class", training_class.slug, "-o", str(target))
    exported = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(exported) == 2
    assert {line["actor"]["account"]["name"] for line in exported} == {str(activity["trainee"].pk)}

    with pytest.raises(CommandError, match="khong-co"):
        call_command("export_xapi", "--course", "khong-co", "-o", "-")


def test_a_class_trainer_downloads_the_class_statements_others_cannot(activity):
    from people.models import ClassMembership, TrainingClass

    training_class = TrainingClass.objects.first()
    training_class.courses.set([activity["course"]])
    ClassMembership.objects.get_or_create(training_class=training_class, user=activity["trainee"])
    post(activity, statement(activity["content"], "passed", score={"scaled": 1}, success=True))
    admin = Client()
    admin.force_login(UserFactory(username="qtv.h5p", is_superuser=True, is_staff=True))
    page = admin.get(reverse("people_class_detail", args=[training_class.pk])).content.decode()
    link = BeautifulSoup(page, "html.parser").find("a", string="Tải kết quả H5P (xAPI)")
    url = link["href"]
    response = admin.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert [json.loads(line)["verb"]["id"] for line in lines] == [VERBS + "passed"]

    assert activity["client"].get(url).status_code == 403  # a member is not a trainer
