"""Learner records in the Wagtail admin: read-only lists (HOUSE_STYLE: records are written by
the services as trainees learn, never edited by hand), filtered by who may see whom."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from people.permissions import PersonPolicy

from .records import Enrolment, LessonProgress

READ_ONLY_ACTIONS = {"view"}


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Model permissions for viewing; adding, changing and deleting are never offered."""

    def user_has_permission(self, user, action):
        return action in READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LearnerRecordViewSet(ModelViewSet):
    inspect_view_enabled = True
    add_to_admin_menu = False
    copy_view_enabled = False
    exclude_form_fields: list[str] = []  # no form is ever shown: the policy denies edits

    def get_queryset(self, request):
        people = PersonPolicy.visible(request.user).values("pk")
        return (
            self.model._default_manager.filter(user__in=people)
            .select_related("user", "course")
            .order_by("-pk")
        )


register_permission_policy(Enrolment, ReadOnlyPolicy(Enrolment))
register_permission_policy(LessonProgress, ReadOnlyPolicy(LessonProgress))


class EnrolmentViewSet(LearnerRecordViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    list_display = ["user", "course", "source", "enrolled_at", "completed_at", "score"]
    list_filter = ["source", "course"]
    search_fields = ["user__username", "user__profile__full_name"]
    inspect_view_fields = [
        "user",
        "course",
        "training_class",
        "source",
        "enrolled_at",
        "unenrolled_at",
        "completed_at",
        "completed_revision",
        "score",
    ]


class LessonProgressViewSet(LearnerRecordViewSet):
    model = LessonProgress
    icon = "tasks"
    menu_label = _("Lesson progress")
    list_display = ["user", "lesson", "first_opened_at", "completed_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__profile__full_name"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("lesson")


class LearnerRecordsGroup(ModelViewSetGroup):
    menu_label = _("Learner records")
    menu_icon = "table"
    menu_order = 250
    items = (EnrolmentViewSet("enrolments"), LessonProgressViewSet("lesson_progress"))


@hooks.register("register_admin_viewset")
def register_learner_records():
    return LearnerRecordsGroup()
