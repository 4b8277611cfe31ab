"""Staff opening or changing personal data in the Wagtail admin leaves an AuditEvent.

Covers the Profile snippet screens and Wagtail's own user screens. Opening the edit form (a GET:
Wagtail runs `before_edit_*` on every request to the view) counts as a view; a saved form as a
change, with the names of the fields that changed (never their values). Imported at the end of
people/wagtail_hooks.py.
"""

from django.forms.models import model_to_dict
from wagtail import hooks

from .audit import record
from .models import AuditEvent, Profile

_BEFORE = "_people_audit_before"


def _values(instance) -> dict:
    return model_to_dict(instance, fields=[f.name for f in instance._meta.concrete_fields])


def _opened(request, instance, subject) -> None:
    """A GET shows the data (a view); before a POST, remember the values to name what changed."""
    if request.method == "GET":
        record(
            actor=request.user,
            action=AuditEvent.Action.VIEW,
            subject=subject,
            obj=instance,
            via="admin",
        )
    elif request.method == "POST":
        setattr(request, _BEFORE, _values(instance))


def _changed(request, instance, subject, operation: str) -> None:
    before = getattr(request, _BEFORE, None)
    after = _values(instance)
    fields = sorted(k for k, v in after.items() if before is None or before.get(k) != v)
    record(
        actor=request.user,
        action=AuditEvent.Action.CHANGE,
        subject=subject,
        obj=instance,
        via="admin",
        operation=operation,
        fields=fields,
    )


@hooks.register("before_edit_snippet")
def profile_opened(request, instance):
    if isinstance(instance, Profile):
        _opened(request, instance, instance.user)


@hooks.register("after_edit_snippet")
def profile_changed(request, instance):
    if isinstance(instance, Profile):
        _changed(request, instance, instance.user, "edit")


@hooks.register("after_create_snippet")
def profile_created(request, instance):
    if isinstance(instance, Profile):
        _changed(request, instance, instance.user, "create")


@hooks.register("after_delete_snippet")
def profiles_deleted(request, instances):
    for instance in instances:
        if isinstance(instance, Profile):
            record(
                actor=request.user,
                action=AuditEvent.Action.CHANGE,
                subject=instance.user,
                via="admin",
                operation="delete",
            )


@hooks.register("before_edit_user")
def user_opened(request, user):
    _opened(request, user, user)


@hooks.register("after_edit_user")
def user_changed(request, user):
    _changed(request, user, user, "edit")


@hooks.register("after_create_user")
def user_created(request, user):
    _changed(request, user, user, "create")


@hooks.register("before_delete_user")
def user_deleted(request, user):
    # Recorded before the deletion, while the user exists; the event's subject then becomes empty.
    if request.method == "POST":
        record(
            actor=request.user,
            action=AuditEvent.Action.CHANGE,
            subject=user,
            via="admin",
            operation="delete",
            user_id=user.pk,
        )
