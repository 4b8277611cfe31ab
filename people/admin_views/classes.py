"""What a trainer needs to run a class, in the Wagtail admin: their classes, a class's members and
sessions, the attendance grid, the sign-in sheet import, and the printed roster.

Mounted under /admin/lop-hoc/ by people/wagtail_hooks.py. Every view answers 403 unless
`ClassPolicy.can_manage` (admins and the class's own trainers); the printed roster and attendance
sheet are also open, read-only, to statisticians whose jurisdiction holds the class. Opening a
class's member list or roster is written to the audit log: it is personal data.
"""

import datetime
import re
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from .. import audit
from ..attendance_import import SheetError, match_rows, member_name, read_sheet, template_workbook
from ..models import Attendance, ClassMembership, ClassSession, Profile, TrainingClass
from ..permissions import ClassPolicy
from ..roles import is_admin, is_statistician, is_trainer
from ..services import attendance_record, class_member_remove, class_members_add
from ..text import clean_text, fold, normalize_phone
from .common import forbidden

User = get_user_model()
TEMPLATES = "people/admin/classes/"
SEARCH_LIMIT = 50
IMPORT_SALT = "people.attendance-import"
IMPORT_MAX_AGE = 60 * 60  # seconds between the preview and its confirmation
# The printed forms are Vietnamese administrative documents whatever the screen language.
PRINTED_STATUS = {"present": "Có mặt", "absent": "Vắng", "excused": "Vắng có phép"}


# Access ------------------------------------------------------------------------------------


def _forbidden(request) -> TemplateResponse:
    return forbidden(
        request,
        title=_("Not allowed"),
        message=_(
            "You can open only the classes you run. Ask an administrator if you should run this one."
        ),
        icon="group",
    )


def class_view(*, read_only: bool = False):
    """Resolve the class in the URL and let through only those who may run it (or, for
    `read_only` views, statisticians who may see it)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, pk: int, **kwargs):
            training_class = get_object_or_404(
                TrainingClass.objects.select_related("organiser__parent", "locality"), pk=pk
            )
            user = request.user
            allowed = ClassPolicy.can_manage(user, training_class) or (
                read_only and is_statistician(user) and ClassPolicy.can_view(user, training_class)
            )
            if not allowed:
                return _forbidden(request)
            return view(request, training_class, **kwargs)

        return login_required(wrapped)

    return decorator


def _members(training_class) -> list:
    """The class's current members with what the screens show, in the order of a Vietnamese
    roster: by given name (the last word), then by full name, ignoring diacritics."""
    members = list(
        User.objects.filter(
            class_memberships__training_class=training_class,
            class_memberships__removed_at__isnull=True,
        ).select_related("profile__audience", "profile__agency", "profile__commune")
    )
    for user in members:
        user.display_name = member_name(user)
    return sorted(
        members, key=lambda u: (fold(u.display_name.rsplit(" ", 1)[-1]), fold(u.display_name), u.pk)
    )


def _recorded(training_class) -> dict[tuple[int, int], str]:
    """Every attendance of the class as {(session id, user id): status}, in one query."""
    rows = Attendance.objects.filter(session__training_class=training_class)
    return {(s, u): status for s, u, status in rows.values_list("session_id", "user_id", "status")}


def _frame(training_class, current: str, title: str) -> dict:
    """What every class screen's frame shows: the heading and the class's navigation."""
    return {
        "training_class": training_class,
        "current": current,
        "page_title": title,
    }


# My classes --------------------------------------------------------------------------------


@login_required
def class_list(request):
    user = request.user
    if not (is_admin(user) or is_trainer(user)):
        return _forbidden(request)
    classes = (
        ClassPolicy.manageable(user)
        .select_related("organiser", "locality")
        .annotate(
            member_count=Count(
                "memberships", filter=Q(memberships__removed_at__isnull=True), distinct=True
            ),
            session_count=Count("sessions", distinct=True),
        )
        .order_by("-starts_on", "title")
    )
    page = Paginator(classes, 50).get_page(request.GET.get("p"))
    context = {"page": page, "page_title": _("My classes")}
    return TemplateResponse(request, TEMPLATES + "list.html", context)


# A class: details, members, sessions -------------------------------------------------------


def _search_scope(user, training_class):
    """Whom the person may add: admins anyone; a trainer, people of the class's province
    (including those recorded under a province merged into it in 2025)."""
    people = Profile.objects.filter(anonymised_at__isnull=True).exclude(
        user_id__in=ClassMembership.objects.filter(
            training_class=training_class, removed_at__isnull=True
        ).values("user_id")
    )
    if is_admin(user):
        return people
    province = training_class.locality.current_province()
    if province is None:
        return people.none()
    return people.filter(Q(province=province) | Q(province__successor=province))


def _find_people(scope, query: str) -> list[Profile]:
    """People in `scope` whose e-mail or phone is `query`, or whose name contains it, compared
    without diacritics ("nguyen thi" finds "Nguyễn Thị Lan"). The names are folded in Python,
    reading (id, name) pairs only, and the search stops at SEARCH_LIMIT people."""
    ids: list[int] = []
    direct = Q(user__email__iexact=query) if "@" in query else Q(pk__in=[])
    digits = re.sub(r"\D", "", query)
    if len(digits) >= 4 and not re.search(r"[^\d\s.+()-]", query):
        try:
            direct |= Q(phone=normalize_phone(query))
        except ValueError:
            direct |= Q(phone__contains=digits)
    ids.extend(scope.filter(direct).values_list("pk", flat=True)[:SEARCH_LIMIT])
    folded = fold(query)
    if "@" not in query and not digits:
        for pk, full_name in scope.values_list("pk", "full_name").iterator(chunk_size=2000):
            if len(ids) >= SEARCH_LIMIT:
                break
            if folded in fold(full_name):
                ids.append(pk)
    found = Profile.objects.filter(pk__in=ids).select_related(
        "user", "audience", "agency", "commune"
    )
    for profile in found:
        # Enough to tell namesakes apart without showing the whole number.
        profile.phone_hint = f"…{profile.phone[-3:]}" if profile.phone else ""
    return sorted(found, key=lambda p: fold(p.full_name))


@class_view()
def class_detail(request, training_class):
    members = _members(training_class)
    query = clean_text(request.GET.get("q"))
    results = None
    if len(query) >= 2:
        results = _find_people(_search_scope(request.user, training_class), query)
    sessions = training_class.sessions.annotate(attendance_count=Count("attendances"))
    audit.record(
        actor=request.user, action="view", obj=training_class, screen="members", count=len(members)
    )
    context = {
        **_frame(training_class, "detail", _("Members and sessions")),
        "members": members,
        "sessions": sessions,
        "trainers": training_class.trainers.select_related("profile"),
        "courses": training_class.courses.all(),
        "audiences": training_class.audiences.all(),
        "query": query,
        "results": results,
        "search_limit": SEARCH_LIMIT,
    }
    return TemplateResponse(request, TEMPLATES + "detail.html", context)


@require_POST
@class_view()
def members_add(request, training_class):
    wanted = [int(pk) for pk in request.POST.getlist("person") if pk.isdigit()]
    scope = _search_scope(request.user, training_class).filter(user_id__in=wanted)
    users = list(User.objects.filter(pk__in=scope.values("user_id")))
    if not users:
        messages.warning(request, _("Choose at least one person to add."))
        return redirect("people_class_detail", pk=training_class.pk)
    added = class_members_add(training_class=training_class, users=users)
    audit.record(
        actor=request.user, action="change", obj=training_class, added=sorted(u.pk for u in users)
    )
    messages.success(
        request,
        ngettext(
            "%(count)s person added to the class and enrolled in its courses.",
            "%(count)s people added to the class and enrolled in its courses.",
            added,
        )
        % {"count": added},
    )
    return redirect("people_class_detail", pk=training_class.pk)


@require_POST
@class_view()
def member_remove(request, training_class, user_id: int):
    membership = get_object_or_404(
        ClassMembership.objects.select_related("user__profile"),
        training_class=training_class,
        user_id=user_id,
        removed_at__isnull=True,
    )
    user = membership.user
    class_member_remove(training_class=training_class, user=user)
    audit.record(
        actor=request.user, action="change", subject=user, obj=training_class, removed=user.pk
    )
    messages.success(
        request,
        _("%(name)s was taken out of the class; their records stay.") % {"name": member_name(user)},
    )
    return redirect("people_class_detail", pk=training_class.pk)


class SessionForm(forms.ModelForm):
    class Meta:
        model = ClassSession
        fields = ["starts_at", "title", "venue"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )
        }


def _new_session(training_class) -> ClassSession:
    """A session to fill in: numbered after the others, a day after the last one (or at 8:00 on
    the class's first day), at the class's venue."""
    sessions = list(training_class.sessions.all())
    if sessions:
        starts_at = sessions[-1].starts_at + datetime.timedelta(days=1)
    else:
        starts_at = timezone.make_aware(
            datetime.datetime.combine(training_class.starts_on, datetime.time(8))
        )
    return ClassSession(
        training_class=training_class,
        title=_("Session %(number)s") % {"number": len(sessions) + 1},
        starts_at=starts_at,
        venue=training_class.venue,
    )


def _session_form(request, training_class, session: ClassSession | None):
    session = session or _new_session(training_class)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Session “%(session)s” saved.") % {"session": session})
        return redirect("people_class_detail", pk=training_class.pk)
    title = _("Edit the session") if session.pk else _("Add a session")
    context = {**_frame(training_class, "detail", title), "form": form, "session": session}
    return TemplateResponse(request, TEMPLATES + "session_form.html", context)


@class_view()
def session_add(request, training_class):
    return _session_form(request, training_class, None)


@class_view()
def session_edit(request, training_class, session_id: int):
    session = get_object_or_404(ClassSession, pk=session_id, training_class=training_class)
    return _session_form(request, training_class, session)


@class_view()
def session_delete(request, training_class, session_id: int):
    session = get_object_or_404(ClassSession, pk=session_id, training_class=training_class)
    if request.method == "POST":
        session.delete()
        messages.success(request, _("Session “%(session)s” deleted.") % {"session": session})
        return redirect("people_class_detail", pk=training_class.pk)
    context = {
        **_frame(training_class, "detail", _("Delete the session")),
        "session": session,
        "attendance_count": session.attendances.count(),
    }
    return TemplateResponse(request, TEMPLATES + "session_delete.html", context)


# Attendance --------------------------------------------------------------------------------


def _cell(session_id: int, user_id: int) -> str:
    return f"a-{session_id}-{user_id}"


def _grid_changes(data, members, sessions, recorded) -> list[tuple]:
    """(session, member, status) for every cell whose submitted status differs from the
    recorded one; empty and unknown values are left alone."""
    changes = []
    for session in sessions:
        for user in members:
            status = data.get(_cell(session.pk, user.pk), "")
            if status in Attendance.Status.values and recorded.get((session.pk, user.pk)) != status:
                changes.append((session, user, status))
    return changes


@class_view()
def attendance(request, training_class):
    """Members × sessions, each cell a status; one POST saves every changed cell."""
    members = _members(training_class)
    sessions = list(training_class.sessions.all())
    recorded = _recorded(training_class)
    if request.method == "POST":
        changes = _grid_changes(request.POST, members, sessions, recorded)
        with transaction.atomic():
            for session, user, status in changes:
                attendance_record(
                    session=session, user=user, status=status, recorded_by=request.user
                )
        messages.success(
            request,
            ngettext("%(count)s attendance saved.", "%(count)s attendances saved.", len(changes))
            % {"count": len(changes)},
        )
        return redirect("people_class_attendance", pk=training_class.pk)
    rows = [
        (
            user,
            [
                (session, _cell(session.pk, user.pk), recorded.get((session.pk, user.pk), ""))
                for session in sessions
            ],
        )
        for user in members
    ]
    audit.record(
        actor=request.user,
        action="view",
        obj=training_class,
        screen="attendance",
        count=len(members),
    )
    context = {
        **_frame(training_class, "attendance", _("Attendance")),
        "sessions": sessions,
        "rows": rows,
        "statuses": Attendance.Status.choices,
    }
    return TemplateResponse(request, TEMPLATES + "attendance.html", context)


class SignInSheetForm(forms.Form):
    session = forms.ModelChoiceField(
        label=gettext_lazy("Session"), queryset=ClassSession.objects.none()
    )
    file = forms.FileField(
        label=gettext_lazy("Sign-in sheet"),
        help_text=gettext_lazy(".xlsx or .csv, at most 5 MB and 5,000 rows."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, training_class, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = training_class.sessions.all()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.rows = read_sheet(upload)
        except SheetError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


@class_view()
def attendance_import(request, training_class):
    """Upload one session's sign-in sheet, see how its lines match the members, then confirm.

    The preview carries the matched (member, status) pairs signed in the page; the confirmation
    checks them again against the class's current members before anything is saved."""
    if request.method == "POST" and "payload" in request.POST:
        return _import_confirm(request, training_class)
    form = SignInSheetForm(
        request.POST or None, request.FILES or None, training_class=training_class
    )
    if request.method == "POST" and form.is_valid():
        session = form.cleaned_data["session"]
        preview = match_rows(form.rows, _members(training_class))
        payload = signing.dumps(
            {
                "class": training_class.pk,
                "session": session.pk,
                "marks": [[row.user_id, row.status] for row in preview.matched],
            },
            salt=IMPORT_SALT,
            compress=True,
        )
        context = {
            **_frame(training_class, "import", _("Check the sign-in sheet")),
            "session": session,
            "preview": preview,
            "payload": payload,
            "file_name": form.cleaned_data["file"].name,
        }
        return TemplateResponse(request, TEMPLATES + "import_preview.html", context)
    context = {
        **_frame(training_class, "import", _("Import a sign-in sheet")),
        "form": form,
        "sessions": training_class.sessions.all(),
    }
    return TemplateResponse(request, TEMPLATES + "import.html", context)


def _import_confirm(request, training_class):
    try:
        data = signing.loads(request.POST["payload"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        messages.error(request, _("The preview has expired: upload the sheet again."))
        return redirect("people_class_attendance_import", pk=training_class.pk)
    if data["class"] != training_class.pk:
        return _forbidden(request)
    session = get_object_or_404(ClassSession, pk=data["session"], training_class=training_class)
    members = {user.pk: user for user in _members(training_class)}
    recorded = {
        user_id: status
        for (session_id, user_id), status in _recorded(training_class).items()
        if session_id == session.pk
    }
    marks = [
        (members[user_id], status)
        for user_id, status in data["marks"]
        if user_id in members and status in Attendance.Status.values
    ]
    with transaction.atomic():
        for user, status in marks:
            if recorded.get(user.pk) != status:
                attendance_record(
                    session=session, user=user, status=status, recorded_by=request.user
                )
    audit.record(
        actor=request.user, action="import", obj=session, rows=len(marks), screen="sign-in sheet"
    )
    messages.success(
        request,
        ngettext(
            "%(count)s attendance imported for %(session)s.",
            "%(count)s attendances imported for %(session)s.",
            len(marks),
        )
        % {"count": len(marks), "session": session},
    )
    return redirect("people_class_attendance", pk=training_class.pk)


@class_view()
def attendance_template(request, training_class, session_id: int):
    """The sign-in sheet of one session as .xlsx, pre-filled with the members."""
    session = get_object_or_404(ClassSession, pk=session_id, training_class=training_class)
    members = _members(training_class)
    statuses = {
        user_id: status
        for (recorded_session, user_id), status in _recorded(training_class).items()
        if recorded_session == session.pk
    }
    content = template_workbook(
        training_class=training_class, session=session, members=members, statuses=statuses
    )
    audit.record(
        actor=request.user, action="export", obj=session, screen="sign-in sheet", count=len(members)
    )
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"diem-danh-{training_class.slug}-{session.starts_at:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# Printed roster and attendance sheet -------------------------------------------------------


def _printed(request, training_class, *, kind: str):
    members = _members(training_class)
    sessions = []
    if kind == "attendance":
        sessions = list(training_class.sessions.all())
        if request.GET.get("buoi", "").isdigit():
            sessions = [s for s in sessions if s.pk == int(request.GET["buoi"])]
    recorded = _recorded(training_class) if sessions else {}
    rows = [
        (user, [PRINTED_STATUS.get(recorded.get((s.pk, user.pk)), "") for s in sessions])
        for user in members
    ]
    audit.record(
        actor=request.user,
        action="view",
        obj=training_class,
        screen=f"printed {kind}",
        count=len(members),
    )
    context = {
        "training_class": training_class,
        "title": "DANH SÁCH ĐIỂM DANH" if kind == "attendance" else "DANH SÁCH HỌC VIÊN",
        "kind": kind,
        "sessions": sessions,
        "rows": rows,
        "landscape": len(sessions) > 2,
        "back_url": reverse("people_class_detail", args=[training_class.pk])
        if ClassPolicy.can_manage(request.user, training_class)
        else reverse("wagtailsnippets_people_trainingclass:list"),
    }
    return TemplateResponse(request, "people/print/class_sheet.html", context)


@class_view(read_only=True)
def roster(request, training_class):
    return _printed(request, training_class, kind="roster")


@class_view(read_only=True)
def attendance_sheet(request, training_class):
    return _printed(request, training_class, kind="attendance")


# Mounting ----------------------------------------------------------------------------------

# (path under lop-hoc/, view, URL name after "people_class_")
_ROUTES = [
    ("", class_list, "list"),
    ("<int:pk>/", class_detail, "detail"),
    ("<int:pk>/hoc-vien/them/", members_add, "members_add"),
    ("<int:pk>/hoc-vien/<int:user_id>/xoa/", member_remove, "member_remove"),
    ("<int:pk>/buoi-hoc/them/", session_add, "session_add"),
    ("<int:pk>/buoi-hoc/<int:session_id>/", session_edit, "session_edit"),
    ("<int:pk>/buoi-hoc/<int:session_id>/xoa/", session_delete, "session_delete"),
    ("<int:pk>/diem-danh/", attendance, "attendance"),
    ("<int:pk>/diem-danh/nhap/", attendance_import, "attendance_import"),
    ("<int:pk>/diem-danh/mau/<int:session_id>/", attendance_template, "attendance_template"),
    ("<int:pk>/in/danh-sach/", roster, "roster"),
    ("<int:pk>/in/diem-danh/", attendance_sheet, "attendance_sheet"),
]
admin_urlpatterns = [
    path(f"lop-hoc/{route}", view, name=f"people_class_{name}") for route, view, name in _ROUTES
]


class MyClassesMenuItem(MenuItem):
    def is_shown(self, request):
        return is_admin(request.user) or is_trainer(request.user)


menu_items = [
    MyClassesMenuItem(
        gettext_lazy("My classes"),
        reverse_lazy("people_class_list"),
        name="my-classes",
        icon_name="group",
        order=250,
    )
]
