"""The four roles and the group names that carry them."""

from django.contrib.auth.models import AnonymousUser

TRAINERS_GROUP = "Giảng viên"
STATISTICIANS_GROUP = "Thống kê viên"
# Publishes pages: approves what trainers submit in the "Biên soạn và duyệt" workflow.
REVIEWERS_GROUP = "Người duyệt nội dung"

ADMIN, STATISTICIAN, TRAINER, TRAINEE, ANONYMOUS = (
    "admin",
    "statistician",
    "trainer",
    "trainee",
    "anonymous",
)


def group_names(user) -> set[str]:
    """The user's group names, read once per request object."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_lms_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._lms_group_names = cached
    return cached


def is_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def is_trainer(user) -> bool:
    return TRAINERS_GROUP in group_names(user)


def is_statistician(user) -> bool:
    return STATISTICIANS_GROUP in group_names(user)


def role_of(user: AnonymousUser) -> str:
    if not user.is_authenticated:
        return ANONYMOUS
    if is_admin(user):
        return ADMIN
    if is_statistician(user):
        return STATISTICIAN
    if is_trainer(user):
        return TRAINER
    return TRAINEE
