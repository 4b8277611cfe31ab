"""Who may see and change what: one policy per kind of object, used by every view, admin screen,
export and API. Each policy answers with a queryset (`visible`) so lists are filtered in the
database, and with a yes/no for one object (`can_view`, `can_manage`).

- admin: everything.
- statistician: people (and their records) whose province, rolled up to the current unit, lies
  in their jurisdiction; every class held there. National jurisdiction: everything, read-only.
- trainer: the classes they run and the people in them.
- trainee: themselves only.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from .models import AdministrativeUnit, Jurisdiction, TrainingClass
from .roles import is_admin, is_statistician, is_trainer

User = get_user_model()


def jurisdiction_provinces(user) -> QuerySet | None:
    """The units (current province and its predecessors) a statistician covers.

    None means national; an empty queryset means none (a statistician without a jurisdiction).
    """
    jurisdiction = Jurisdiction.objects.filter(user=user).select_related("province").first()
    if jurisdiction is None:
        return AdministrativeUnit.objects.none()
    if jurisdiction.province_id is None:
        return None
    return AdministrativeUnit.objects.filter(
        Q(pk=jurisdiction.province_id) | Q(successor_id=jurisdiction.province_id)
    )


def _in_provinces(provinces: QuerySet, field: str) -> Q:
    return Q(**{f"{field}__in": provinces})


class PersonPolicy:
    """People (auth users with their profiles)."""

    @staticmethod
    def visible(user) -> QuerySet:
        if not user.is_authenticated:
            return User.objects.none()
        if is_admin(user):
            return User.objects.all()
        scopes = Q(pk=user.pk)
        if is_statistician(user):
            provinces = jurisdiction_provinces(user)
            if provinces is None:
                return User.objects.all()
            scopes |= _in_provinces(provinces, "profile__province")
        if is_trainer(user):
            scopes |= Q(
                class_memberships__training_class__trainers=user,
                class_memberships__removed_at__isnull=True,
            )
        return User.objects.filter(scopes).distinct()

    @classmethod
    def can_view(cls, user, person) -> bool:
        return cls.visible(user).filter(pk=person.pk).exists()

    @staticmethod
    def can_manage(user, person) -> bool:
        """Change a person's record: admins, and trainers for members of their own classes."""
        if is_admin(user):
            return True
        return bool(
            is_trainer(user)
            and person.class_memberships.filter(
                training_class__trainers=user, removed_at__isnull=True
            ).exists()
        )


class ClassPolicy:
    """Training classes, their members, sessions and attendance."""

    @staticmethod
    def visible(user) -> QuerySet:
        if not user.is_authenticated:
            return TrainingClass.objects.none()
        if is_admin(user):
            return TrainingClass.objects.all()
        scopes = Q(memberships__user=user, memberships__removed_at__isnull=True)
        if is_trainer(user):
            scopes |= Q(trainers=user)
        if is_statistician(user):
            provinces = jurisdiction_provinces(user)
            if provinces is None:
                return TrainingClass.objects.all()
            scopes |= Q(locality__in=provinces) | Q(locality__parent__in=provinces)
        return TrainingClass.objects.filter(scopes).distinct()

    @classmethod
    def can_view(cls, user, training_class) -> bool:
        return cls.visible(user).filter(pk=training_class.pk).exists()

    @staticmethod
    def can_manage(user, training_class) -> bool:
        """Add people, take attendance, edit: admins and the class's own trainers."""
        if is_admin(user):
            return True
        return bool(is_trainer(user) and training_class.trainers.filter(pk=user.pk).exists())

    @staticmethod
    def manageable(user) -> QuerySet:
        if is_admin(user):
            return TrainingClass.objects.all()
        if is_trainer(user):
            return TrainingClass.objects.filter(trainers=user)
        return TrainingClass.objects.none()
