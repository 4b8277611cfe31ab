"""Authoring with Wagtail's own tools: roles, the approval workflow, drafts, previews, revisions
and scheduled publishing (migration lms/0002, `lms.tasks.publish_scheduled_pages`)."""

import importlib
import uuid
from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageLogEntry,
    Revision,
    Workflow,
    WorkflowState,
)
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from courses.models import (
    CourseIndexPage,
    CoursePage,
    GuideChapterPage,
    GuidePage,
    LessonPage,
)
from courses.services import enrolments_create
from lms.blocks import RICH_TEXT_FEATURES
from lms.demo.seed import DEMO_PASSWORD
from lms.models import HomePage
from lms.tasks import publish_scheduled_pages
from people.roles import REVIEWERS_GROUP, STATISTICIANS_GROUP, TRAINERS_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

roles_migration = importlib.import_module("lms.migrations.0002_authoring_roles")

BODY_HEADING = "Ba bước chuẩn bị buổi đối thoại"
BODY_TEXT = "Gửi dự thảo cho người dân trước buổi đối thoại ít nhất bảy ngày."


def trainer():
    user = UserFactory(username="gv.soan")
    user.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    return user


def reviewer():
    user = UserFactory(username="nd.duyet")
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


def demo_course() -> CoursePage:
    return CoursePage.objects.live().order_by("path").first()


def lesson_form(client, parent: Page, *, title: str, slug: str, text: str, block_id: str) -> dict:
    """What the admin's add form posts for a lesson: the form's own fields as rendered, then
    the title and a StreamField body in Wagtail's form encoding (count, type, value, order,
    deleted, id; a paragraph's value is Draftail contentstate JSON)."""
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", parent.pk))
    response = client.get(add_url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    body = streamfield(
        [
            ("heading", BODY_HEADING),
            ("paragraph", rich_text(f"<p>{text}</p>", features=RICH_TEXT_FEATURES)),
        ]
    )
    body["0"]["id"] = block_id
    body["1"]["id"] = str(uuid.uuid4())
    data.update(
        nested_form_data(
            {
                "title": title,
                "slug": slug,  # the form's script fills it in from the title
                "summary": "Chuẩn bị và điều hành một buổi đối thoại về dự thảo.",
                "estimated_minutes": "20",
                "required": "on",  # a ticked checkbox, as a browser sends it
                "body": body,
            }
        )
    )
    return data


def add_lesson_as(client, parent: Page, *, title: str, slug: str, text: str) -> LessonPage:
    data = lesson_form(
        client, parent, title=title, slug=slug, text=text, block_id=str(uuid.uuid4())
    )
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", parent.pk))
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return LessonPage.objects.child_of(parent).get(title=title)


# --- Roles -------------------------------------------------------------------------------------


def test_migration_group_names_are_the_roles_constants():
    assert roles_migration.TRAINERS_GROUP == TRAINERS_GROUP
    assert roles_migration.REVIEWERS_GROUP == REVIEWERS_GROUP
    assert roles_migration.STATISTICIANS_GROUP == STATISTICIANS_GROUP


def test_trainers_draft_and_reviewers_publish_under_one_workflow():
    root = Page.get_first_root_node()
    codenames = {
        name: set(
            GroupPagePermission.objects.filter(group__name=name, page=root).values_list(
                "permission__codename", flat=True
            )
        )
        for name in (TRAINERS_GROUP, REVIEWERS_GROUP)
    }
    assert codenames[TRAINERS_GROUP] == {"add_page", "change_page"}
    assert codenames[REVIEWERS_GROUP] == {"add_page", "change_page", "publish_page"}
    assert not GroupPagePermission.objects.filter(
        group__name=TRAINERS_GROUP, permission__codename="publish_page"
    ).exists()

    workflow = Workflow.objects.get(name="Biên soạn và duyệt")
    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert task.name == "Duyệt nội dung"
    assert [group.name for group in task.groups.all()] == [REVIEWERS_GROUP]
    for page in (root, demo_course(), GuidePage.objects.get()):
        assert page.get_workflow() == workflow


def test_roles_reach_the_images_and_documents_they_need():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.permissions import policy_registry

    images = policy_registry.get_by_type(get_image_model())
    documents = policy_registry.get_by_type(get_document_model())
    author, approver = trainer(), reviewer()
    assert author.has_perm("wagtailadmin.access_admin")
    assert author.has_perm("people.change_trainingclass")
    for action in ("add", "choose"):
        assert images.user_has_permission(author, action)
        assert documents.user_has_permission(author, action)
    # "add" lets a trainer change what they uploaded, not anyone else's images.
    own = get_image_model().objects.create(
        title="Ảnh của tôi", file=get_test_image_file(), uploaded_by_user=author
    )
    others = get_image_model().objects.create(title="Ảnh khác", file=get_test_image_file())
    assert images.user_has_permission_for_instance(author, "change", own)
    assert not images.user_has_permission_for_instance(author, "change", others)

    assert approver.has_perm("wagtailadmin.access_admin")
    assert images.user_has_permission(approver, "choose")
    assert documents.user_has_permission(approver, "choose")
    assert not images.user_has_permission(approver, "add")


def test_roles_can_be_rebuilt_without_creating_anything_twice():
    counts = lambda: {  # noqa: E731
        model: django_apps.get_model(model).objects.count()
        for model in (
            "auth.Group",
            "auth.Permission",
            "wagtailcore.GroupPagePermission",
            "wagtailcore.GroupCollectionPermission",
            "wagtailcore.Workflow",
            "wagtailcore.WorkflowTask",
            "wagtailcore.WorkflowPage",
            "wagtailcore.Task",
        )
    }
    before = counts()
    roles_migration.ensure_authoring_roles(django_apps)
    roles_migration.forwards(django_apps, None)
    assert counts() == before


def test_demo_reviewer_logs_in_to_the_admin(client):
    assert client.login(username="duyet", password=DEMO_PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    user = Group.objects.get(name=REVIEWERS_GROUP).user_set.get()
    assert user.username == "duyet"


# --- Author → reviewer → live ----------------------------------------------------------------


def test_lesson_goes_from_the_trainers_form_through_review_to_the_site(client):
    course = demo_course()
    author, approver = trainer(), reviewer()
    client.force_login(author)

    # 1. The trainer fills in the admin's add form and saves a draft.
    block_id = str(uuid.uuid4())
    data = lesson_form(
        client,
        course,
        title="Điều hành buổi đối thoại",
        slug="dieu-hanh-buoi-doi-thoai",
        text=BODY_TEXT,
        block_id=block_id,
    )
    assert data["body-count"] == "2"
    assert data["body-0-type"] == "heading"
    assert data["body-0-id"] == block_id
    assert '"blocks"' in data["body-1-value"]  # Draftail contentstate, not HTML
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk))
    response = client.post(add_url, data)
    assert response.status_code == 302
    lesson = LessonPage.objects.child_of(course).get(title="Điều hành buổi đối thoại")
    assert lesson.slug == "dieu-hanh-buoi-doi-thoai"
    assert not lesson.live
    assert lesson.has_unpublished_changes
    draft = lesson.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph"]
    assert draft.body[0].id == block_id
    assert draft.body[0].value == BODY_HEADING
    assert BODY_TEXT in str(draft.body[1].value)
    assert client.get(lesson.url).status_code == 404

    # 2. Trainers cannot publish; they submit to the workflow.
    edit_url = reverse("wagtailadmin_pages:edit", args=(lesson.pk,))
    page = client.get(edit_url).content.decode()
    assert 'name="action-submit"' in page
    assert 'name="action-publish"' not in page
    # The edit form posts the same fields (its StreamField inputs are drawn by script).
    client.post(edit_url, {**data, "action-publish": "1"})
    lesson.refresh_from_db()
    assert not lesson.live  # a forged publish is saved as a draft at most
    response = client.post(edit_url, {**data, "action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == author
    lesson.refresh_from_db()
    assert not lesson.live
    task_state = lesson.current_workflow_task_state
    assert 'data-workflow-action-name="approve"' not in client.get(edit_url).content.decode()
    # The trainer cannot approve their own lesson.
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(lesson.pk, "approve", task_state.pk)
    )
    client.post(approve_url)
    lesson.refresh_from_db()
    assert not lesson.live

    # 3. The reviewer approves: the lesson is published.
    client.force_login(approver)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    html = client.get(edit_url).content.decode()
    assert 'data-workflow-action-name="approve"' in html
    assert 'name="action-publish"' in html
    response = client.post(approve_url, follow=True)
    assert response.status_code == 200
    lesson.refresh_from_db()
    assert lesson.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert PageLogEntry.objects.filter(page=lesson, action="wagtail.publish").exists()
    assert lesson.body[0].id == block_id  # the revision the trainer submitted went live

    # 4. Its body is on the public site, for an enrolled trainee.
    learner = UserFactory(username="hv.doc")
    enrolments_create(users=[learner], courses=[course])
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert BODY_HEADING in html
    assert BODY_TEXT in html
    client.logout()  # anyone else is offered enrolment, not the lesson
    assert BODY_TEXT not in client.get(lesson.url).content.decode()


def test_statistician_cannot_author(client):
    user = UserFactory(username="tk.xem")
    user.groups.add(Group.objects.get(name=STATISTICIANS_GROUP))
    client.force_login(user)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", demo_course().pk))
    assert client.get(add_url).status_code in (302, 403)


# --- Where each page type may go -------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "parent_model", "allowed"),
    [
        (LessonPage, CoursePage, True),
        (LessonPage, GuidePage, False),
        (LessonPage, HomePage, False),
        (CoursePage, HomePage, False),
        (CoursePage, CourseIndexPage, True),
        (GuideChapterPage, GuidePage, True),
        (GuideChapterPage, CourseIndexPage, False),
        (GuidePage, HomePage, True),
        (GuidePage, CoursePage, False),
    ],
)
def test_page_types_only_go_under_their_parents(model, parent_model, allowed):
    parent = parent_model.objects.order_by("path").first()
    assert model.can_create_at(parent) is allowed
    assert (model in parent.specific_class.allowed_subpage_models()) is allowed


@pytest.mark.parametrize(
    ("model_name", "parent_model"),
    [("lessonpage", GuidePage), ("coursepage", HomePage), ("guidechapterpage", CourseIndexPage)],
)
def test_admin_refuses_a_page_under_the_wrong_parent(client, model_name, parent_model):
    client.force_login(trainer())
    parent = parent_model.objects.order_by("path").first()
    count = Page.objects.count()
    url = reverse("wagtailadmin_pages:add", args=("courses", model_name, parent.pk))
    refused = reverse("wagtailadmin_home")  # with "you do not have permission"
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, refused)
    response = client.post(url, {"title": "Sai chỗ", "slug": "sai-cho"})
    assert (response.status_code, response["Location"]) == (302, refused)
    assert Page.objects.count() == count
    # The "add a page here" chooser does not offer it either.
    offered = client.get(reverse("wagtailadmin_pages:add_subpage", args=(parent.pk,)))
    assert url not in offered.content.decode()


# --- Drafts, previews and revisions ----------------------------------------------------------


def test_preview_renders_the_unsaved_and_the_draft_body(client):
    course = demo_course()
    client.force_login(trainer())
    lesson = add_lesson_as(
        client, course, title="Bài xem trước", slug="bai-xem-truoc", text=BODY_TEXT
    )

    # The saved draft, as the admin's "view draft" shows it.
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(lesson.pk,)))
    assert response.status_code == 200
    assert BODY_TEXT in response.content.decode()

    # Unsaved edits, through the edit form's live preview.
    unsaved = "Nội dung mới chưa lưu: lắng nghe trước, trả lời sau."
    data = lesson_form(
        client, course, title="Bài xem trước", slug=lesson.slug, text=unsaved, block_id="b1"
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(lesson.pk,))
    response = client.post(preview_url, data)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url)
    assert response.status_code == 200
    assert unsaved in response.content.decode()
    lesson.refresh_from_db()
    assert BODY_TEXT in str(lesson.get_latest_revision_as_object().body)  # preview saves nothing


def test_two_saves_make_two_revisions_to_compare_and_revert(client):
    course = demo_course()
    client.force_login(trainer())
    first_text = "Bản đầu: đăng toàn văn dự thảo."
    second_text = "Bản sau: đăng toàn văn dự thảo và bản thuyết minh."
    lesson = add_lesson_as(
        client, course, title="Bài có hai bản", slug="bai-co-hai-ban", text=first_text
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=(lesson.pk,))
    data = lesson_form(
        client, course, title="Bài có hai bản", slug=lesson.slug, text=second_text, block_id="b2"
    )
    assert client.post(edit_url, data).status_code == 302

    revisions = list(Revision.page_revisions.filter(object_id=str(lesson.pk)).order_by("pk"))
    assert len(revisions) == 2
    older, newer = revisions
    assert first_text in str(older.as_object().body)
    assert second_text in str(newer.as_object().body)

    compare = reverse("wagtailadmin_pages:revisions_compare", args=(lesson.pk, older.pk, newer.pk))
    response = client.get(compare)
    assert response.status_code == 200
    assert "Bản đầu" in response.content.decode()
    assert "Bản sau" in response.content.decode()

    # Reverting opens the edit form with the older body; saving it makes a third revision.
    revert = reverse("wagtailadmin_pages:revisions_revert", args=(lesson.pk, older.pk))
    response = client.get(revert)
    assert response.status_code == 200
    shown = response.context["form"]["body"].value()
    assert first_text in str(shown)
    assert second_text not in str(shown)
    form = lesson_form(
        client, course, title="Bài có hai bản", slug=lesson.slug, text=first_text, block_id="b1"
    )
    assert client.post(revert, form).status_code == 302
    lesson.refresh_from_db()
    latest = lesson.get_latest_revision()
    assert Revision.page_revisions.filter(object_id=str(lesson.pk)).count() == 3
    assert first_text in str(latest.as_object().body)
    assert not lesson.live


# --- Scheduled publishing --------------------------------------------------------------------


def test_a_scheduled_lesson_goes_live_when_the_task_runs():
    course = demo_course()
    past = timezone.now() - timedelta(minutes=10)
    lesson = LessonPage(
        title="Bài hẹn giờ",
        slug="bai-hen-gio",
        body="[]",
        live=False,
        go_live_at=past,
    )
    course.add_child(instance=lesson)
    # What the admin does when a reviewer publishes with a "go live" date: an approved,
    # scheduled revision; the page itself stays offline until the scheduler runs.
    revision = lesson.save_revision(approved_go_live_at=past)
    lesson.refresh_from_db()
    assert not lesson.live
    assert lesson.get_latest_revision().approved_go_live_at == past  # "scheduled"

    publish_scheduled_pages.delay()
    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.live_revision_id == revision.pk
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    published_at = lesson.last_published_at

    revisions = Revision.page_revisions.filter(object_id=str(lesson.pk)).count()
    log_entries = PageLogEntry.objects.filter(page=lesson).count()
    publish_scheduled_pages()  # a second run (a re-delivered task) finds nothing to do
    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.last_published_at == published_at
    assert Revision.page_revisions.filter(object_id=str(lesson.pk)).count() == revisions
    assert PageLogEntry.objects.filter(page=lesson).count() == log_entries
    assert PageLogEntry.objects.filter(page=lesson, action="wagtail.publish.scheduled").count() == 1


def test_a_future_schedule_waits():
    course = demo_course()
    future = timezone.now() + timedelta(days=1)
    lesson = LessonPage(title="Bài ngày mai", slug="bai-ngay-mai", body="[]", live=False)
    course.add_child(instance=lesson)
    lesson.go_live_at = future
    lesson.save_revision().publish()  # publishing with a future date only schedules it
    publish_scheduled_pages()
    lesson.refresh_from_db()
    assert not lesson.live
    assert lesson.get_latest_revision().approved_go_live_at == future


def test_beat_runs_the_scheduler_every_five_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert entry["task"] == "lms.tasks.publish_scheduled_pages"
    assert entry["schedule"].minute == set(range(0, 60, 5))
    assert entry["schedule"].hour == set(range(24))
