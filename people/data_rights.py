"""A person's rights over their personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).

- A copy of everything the platform holds about a person (`personal_data_collect`, as JSON or
  XLSX). It is assembled from a registry of sections, so each app adds what it holds itself.
  A later app registers a section in a module it imports from its `AppConfig.ready()`::

      from people.data_rights import personal_data_section

      @personal_data_section(
          "quiz_attempts",
          title=_("Quiz attempts"),
          columns={"quiz": _("Quiz"), "score": _("Score"), "submitted_at": _("Submitted at")},
      )
      def quiz_attempts(user) -> list[dict]:
          return [{"quiz": a.quiz.title, "score": a.score, "submitted_at": a.submitted_at}
                  for a in Attempt.objects.filter(user=user).select_related("quiz")]

  A collector returns rows (dicts keyed like `columns`) about that person only, never about
  anyone else (no other learner's name, no trainer who recorded something). Values are plain:
  text, numbers, booleans, dates and datetimes (shown in local time). `single=True` marks a
  section that is one record (the account, the profile).
- Data-subject requests (`DataRequest`): one open request per kind; acknowledged within
  2 working days (`data_request_due_on`).
- Erasure (`person_erase`): anonymisation, so every figure already reported stays right. What
  it keeps and what it erases, and why, is written on the function. An app holding personal
  data of its own (a certificate's name snapshot) registers a `personal_data_eraser`.

Writes are atomic and safe to run twice.
"""

import io
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from courses.models import Enrolment

from .audit import record
from .models import Attendance, AuditEvent, ClassMembership, ConsentRecord, DataRequest, Profile

User = get_user_model()

ACKNOWLEDGE_WITHIN_WORKING_DAYS = 2
OPEN_STATUSES = (DataRequest.Status.RECEIVED, DataRequest.Status.ACKNOWLEDGED)
ERASED_USERNAME_PREFIX = "da-xoa-"
ERASED_NAME = "Người dùng đã xoá #{id}"

Row = dict[str, object]


# --- The copy of a person's data -------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One part of a person's data: a JSON key, an XLSX sheet."""

    key: str
    title: str | Promise
    columns: dict[str, str | Promise]
    collect: Callable[..., list[Row]]
    single: bool = False


_SECTIONS: dict[str, Section] = {}


def personal_data_section(
    key: str, *, title: str | Promise, columns: dict[str, str | Promise], single: bool = False
) -> Callable:
    """Register `collect(user) -> list[dict]` as a section of the copy (see the module doc).

    Registering a key again replaces the section, so re-importing a module is harmless.
    """
    if key == "exported_at":
        raise ValueError("'exported_at' is reserved for the time of the export")

    def register(collect: Callable[..., list[Row]]) -> Callable[..., list[Row]]:
        _SECTIONS[key] = Section(key, title, dict(columns), collect, single)
        return collect

    return register


def personal_data_sections() -> list[Section]:
    return list(_SECTIONS.values())


def _plain(value):
    """Values as the person should read them: local times, text instead of lazy strings."""
    if isinstance(value, datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    if isinstance(value, Promise):
        return str(value)
    return value


def personal_data_collect(*, user) -> dict:
    """Everything held about `user`, by section: {"exported_at": ..., section key: rows}.

    A `single` section is one dict (or None when there is nothing), the others lists of dicts.
    """
    data: dict = {"exported_at": timezone.localtime()}
    for section in _SECTIONS.values():
        rows = [
            {column: _plain(row.get(column)) for column in section.columns}
            for row in section.collect(user)
        ]
        data[section.key] = (rows[0] if rows else None) if section.single else rows
    return data


def personal_data_json(*, user) -> bytes:
    """The copy as UTF-8 JSON, readable by people and programs alike."""
    data = personal_data_collect(user=user)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_cell(sheet, value) -> WriteOnlyCell:
    """A cell that shows text as text: never a formula, whatever the person typed."""
    value = _plain(value)
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if isinstance(value, datetime):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(value, date):
        cell.number_format = "DD/MM/YYYY"
    return cell


def _sheet_rows(section: Section, data) -> list[list]:
    if section.single:
        record_ = data or {}
        header = [gettext("Field"), gettext("Value")]
        return [header] + [[label, record_.get(key)] for key, label in section.columns.items()]
    header = list(section.columns.values())
    return [header] + [[row.get(key) for key in section.columns] for row in data]


def personal_data_xlsx(*, user) -> bytes:
    """The copy as a spreadsheet: one sheet per section, headings in the current language."""
    data = personal_data_collect(user=user)
    workbook = Workbook(write_only=True)
    for section in _SECTIONS.values():
        sheet = workbook.create_sheet(_SHEET_NAME_FORBIDDEN.sub("-", str(section.title))[:31])
        rows = _sheet_rows(section, data[section.key])
        for number in range(1, len(rows[0]) + 1):
            sheet.column_dimensions[get_column_letter(number)].width = 28
        for row in rows:
            sheet.append([_sheet_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- What the people app holds ----------------------------------------------------------------


@personal_data_section(
    "account",
    title=_("Account"),
    single=True,
    columns={
        "username": _("User name"),
        "email": _("E-mail"),
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "date_joined": _("Date joined"),
        "last_login": _("Last log-in"),
        "is_active": _("Active"),
    },
)
def _account(user) -> list[Row]:
    user = User.objects.get(pk=user.pk)
    fields = ("username", "email", "first_name", "last_name", "date_joined", "last_login")
    return [{**{field: getattr(user, field) for field in fields}, "is_active": user.is_active}]


@personal_data_section(
    "email_addresses",
    title=_("E-mail addresses"),
    columns={"email": _("E-mail"), "verified": _("Verified"), "primary": _("Primary")},
)
def _email_addresses(user) -> list[Row]:
    return list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary"))


@personal_data_section(
    "profile",
    title=_("Profile"),
    single=True,
    columns={
        "full_name": _("Full name"),
        "audience": _("Audience group"),
        "agency": _("Agency"),
        "position": _("Position"),
        "province": _("Province"),
        "province_code": _("Province code"),
        "commune": _("Commune"),
        "commune_code": _("Commune code"),
        "phone": _("Phone"),
        "national_id": _("National ID number"),
        "sex": _("Sex"),
        "birth_year": _("Year of birth"),
        "ethnicity": _("Ethnicity"),
        "created_at": _("Created at"),
        "updated_at": _("Updated at"),
        "anonymised_at": _("Anonymised at"),
    },
)
def _profile(user) -> list[Row]:
    profile = (
        Profile.objects.filter(user=user)
        .select_related("audience", "agency", "province", "commune")
        .first()
    )
    if profile is None:
        return []
    own = ("full_name", "position", "phone", "national_id", "birth_year", "ethnicity")
    row: Row = {field: getattr(profile, field) for field in own}
    row.update(
        audience=profile.audience and profile.audience.name,
        agency=profile.agency and profile.agency.name,
        province=profile.province and str(profile.province),
        province_code=profile.province and profile.province.code,
        commune=profile.commune and str(profile.commune),
        commune_code=profile.commune and profile.commune.code,
        sex=profile.get_sex_display(),
        created_at=profile.created_at,
        updated_at=profile.updated_at,
        anonymised_at=profile.anonymised_at,
    )
    return [row]


@personal_data_section(
    "consents",
    title=_("Consents"),
    columns={
        "policy_version": _("Privacy notice version"),
        "purpose": _("Purpose"),
        "given_at": _("Given at"),
        "withdrawn_at": _("Withdrawn at"),
        "ip_address": _("IP address"),
    },
)
def _consents(user) -> list[Row]:
    return list(
        ConsentRecord.objects.filter(user=user)
        .order_by("given_at")
        .values("policy_version", "purpose", "given_at", "withdrawn_at", "ip_address")
    )


@personal_data_section(
    "class_memberships",
    title=_("Classes"),
    columns={
        "class_title": _("Class"),
        "class_code": _("Short name"),
        "organiser": _("Organising agency"),
        "starts_on": _("Starts on"),
        "ends_on": _("Ends on"),
        "added_at": _("Added at"),
        "removed_at": _("Removed at"),
    },
)
def _class_memberships(user) -> list[Row]:
    memberships = (
        ClassMembership.objects.filter(user=user)
        .select_related("training_class__organiser")
        .order_by("added_at")
    )
    return [
        {
            "class_title": m.training_class.title,
            "class_code": m.training_class.slug,
            "organiser": m.training_class.organiser.name,
            "starts_on": m.training_class.starts_on,
            "ends_on": m.training_class.ends_on,
            "added_at": m.added_at,
            "removed_at": m.removed_at,
        }
        for m in memberships
    ]


@personal_data_section(
    "attendance",
    title=_("Attendance"),
    columns={
        "class_title": _("Class"),
        "session": _("Session"),
        "session_starts_at": _("Session starts at"),
        "status": _("Status"),
        "recorded_at": _("Recorded at"),
    },
)
def _attendance(user) -> list[Row]:
    attendances = (
        Attendance.objects.filter(user=user)
        .select_related("session__training_class")
        .order_by("session__starts_at")
    )
    return [
        {
            "class_title": a.session.training_class.title,
            "session": a.session.title,
            "session_starts_at": a.session.starts_at,
            "status": a.get_status_display(),
            "recorded_at": a.recorded_at,
        }
        for a in attendances
    ]


@personal_data_section(
    "enrolments",
    title=_("Enrolments"),
    columns={
        "course_title": _("Course"),
        "class_title": _("Class"),
        "source": _("Source"),
        "enrolled_at": _("Enrolled at"),
        "unenrolled_at": _("Unenrolled at"),
        "completed_at": _("Completed at"),
    },
)
def _enrolments(user) -> list[Row]:
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("course", "training_class")
        .order_by("enrolled_at", "pk")
    )
    return [
        {
            "course_title": e.course.title,
            "class_title": e.training_class and e.training_class.title,
            "source": e.get_source_display(),
            "enrolled_at": e.enrolled_at,
            "unenrolled_at": e.unenrolled_at,
            "completed_at": e.completed_at,
        }
        for e in enrolments
    ]


@personal_data_section(
    "data_requests",
    title=_("Data requests"),
    columns={
        "kind": _("Kind"),
        "status": _("Status"),
        "reason": _("Reason"),
        "received_at": _("Received at"),
        "acknowledged_at": _("Acknowledged at"),
        "completed_at": _("Completed at"),
    },
)
def _data_requests(user) -> list[Row]:
    return [
        {
            "kind": r.get_kind_display(),
            "status": r.get_status_display(),
            "reason": r.reason,
            "received_at": r.received_at,
            "acknowledged_at": r.acknowledged_at,
            "completed_at": r.completed_at,
        }
        for r in DataRequest.objects.filter(user=user).order_by("received_at")
    ]


# --- Data-subject requests --------------------------------------------------------------------


def working_days_after(day: date, count: int) -> date:
    """The date `count` working days after `day`, Saturdays and Sundays skipped.

    Public holidays are not known here: a request received before Tết is due by this count.
    """
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def data_request_due_on(request: DataRequest) -> date:
    """The last day to acknowledge a request: 2 working days after the day it was received."""
    received_on = timezone.localdate(request.received_at)
    return working_days_after(received_on, ACKNOWLEDGE_WITHIN_WORKING_DAYS)


def data_request_is_overdue(request: DataRequest, *, today: date | None = None) -> bool:
    """Still not acknowledged after its due date."""
    today = today or timezone.localdate()
    return request.status == DataRequest.Status.RECEIVED and today > data_request_due_on(request)


@transaction.atomic
def data_request_create(*, user, kind: str, reason: str = "") -> DataRequest:
    """Record a person's request. A second click while one of that kind is open returns it."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # one request at a time
    existing = (
        DataRequest.objects.filter(user=user, kind=kind, status__in=OPEN_STATUSES)
        .order_by("received_at")
        .first()
    )
    if existing is not None:
        return existing
    request = DataRequest(user=user, kind=kind, reason=reason.strip())
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def data_request_acknowledge(*, request: DataRequest, staff) -> DataRequest:
    """Record that staff took the request up; the person sees it on their data page."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    if request.status == DataRequest.Status.RECEIVED:
        request.status = DataRequest.Status.ACKNOWLEDGED
        request.acknowledged_at = timezone.now()
        request.handled_by = staff
        request.save(update_fields=["status", "acknowledged_at", "handled_by"])
    return request


@transaction.atomic
def data_request_complete(*, request: DataRequest, staff) -> DataRequest:
    """Carry out a request: an erasure runs `person_erase`; a copy is marked as sent."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    if request.status in (DataRequest.Status.DONE, DataRequest.Status.REJECTED):
        return request
    if request.kind == DataRequest.Kind.ERASURE:
        person_erase(user=request.user, staff=staff)
        request.refresh_from_db()
        return request
    now = timezone.now()
    request.status = DataRequest.Status.DONE
    request.acknowledged_at = request.acknowledged_at or now
    request.completed_at = now
    request.handled_by = staff
    request.save(update_fields=["status", "acknowledged_at", "completed_at", "handled_by"])
    return request


# --- Erasure ----------------------------------------------------------------------------------

#: Profile fields erasure keeps: the breakdowns reports are made of. Everything else is erased.
ERASURE_KEEPS = ("audience", "agency", "province", "commune", "sex")

_ERASERS: list[Callable[..., None]] = []


def personal_data_eraser(erase: Callable[..., None]) -> Callable[..., None]:
    """Register `erase(*, user, label)`, run inside `person_erase` for data another app holds.

    For example certificates, which keep a snapshot of the name at issue time: the eraser
    replaces that name with `label` and keeps the certificate (it is counted). It runs once per
    person, in the same transaction, after the people app's own fields are erased.
    """
    if erase not in _ERASERS:
        _ERASERS.append(erase)
    return erase


def erased_name(user) -> str:
    return ERASED_NAME.format(id=user.pk)


def person_is_erased(user) -> bool:
    profile = Profile.objects.filter(user=user).only("anonymised_at").first()
    if profile is not None:
        return profile.anonymised_at is not None
    return not user.is_active and user.username.startswith(ERASED_USERNAME_PREFIX)


@transaction.atomic
def person_erase(*, user, staff=None) -> None:
    """Erase a person by anonymising them: nobody can tell who they were, every figure stays.

    Reports count sessions, attendances and distinct people by audience group, locality
    (province and commune, rolled up both ways), agency and sex, and certificates. So the rows
    behind those figures stay and keep pointing at the (now anonymous) user: class memberships,
    attendance, enrolments, later progress, attempts and certificates. The profile keeps
    `ERASURE_KEEPS`: audience group, agency, province, commune and sex.

    Erased: the full name (becomes "Người dùng đã xoá #<id>"), e-mail (also allauth's
    addresses), phone, national ID, position (free text that often names the person:
    "Chủ tịch UBND xã ..."), birth year (no report uses it, and with sex and commune it singles
    people out), ethnicity (sensitive data held only on the person's consent, which the request
    withdraws: breakdowns by ethnicity move them to "not stated", totals do not change), the
    account's names, the user name (random), the password (unusable), the last log-in, the admin
    avatar, consent IP addresses, free text in their requests, and their name in the audit log
    and the admin's history. The account is deactivated, consents are marked withdrawn (the
    records stay as proof consent was given), and open erasure requests are marked done.

    The audit events stay, pointing at the anonymous user: who read the data remains
    accountable. Other apps erase what they hold with `personal_data_eraser`. Running it again
    changes nothing.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if not person_is_erased(user):
        profile = Profile.objects.filter(user=user).first()
        former = [user.get_username(), user.email, profile.full_name if profile else ""]
        label = erased_name(user)
        _erase_account(user)
        if profile is not None:
            _erase_profile(profile, label)
        _erase_traces(user, profile, former, label)
        for erase in _ERASERS:
            erase(user=user, label=label)
        record(actor=staff, action=AuditEvent.Action.ERASE, subject=user, obj=label)
    _close_erasure_requests(user, staff)


def _erase_account(user) -> None:
    user.username = f"{ERASED_USERNAME_PREFIX}{secrets.token_hex(8)}"
    user.email = user.first_name = user.last_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.last_login = None
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    admin_profile = UserProfile.objects.filter(user=user).exclude(avatar="").first()
    if admin_profile is not None:
        avatar = admin_profile.avatar
        storage, name = avatar.storage, avatar.name
        admin_profile.avatar = None
        admin_profile.save(update_fields=["avatar"])
        transaction.on_commit(lambda: storage.delete(name))


def _erase_profile(profile: Profile, label: str) -> None:
    profile.full_name = label
    profile.phone = profile.national_id = profile.position = profile.ethnicity = ""
    profile.birth_year = None
    profile.anonymised_at = timezone.now()
    profile.save()


def _erase_traces(user, profile: Profile | None, former: list[str], label: str) -> None:
    ConsentRecord.objects.filter(user=user).update(ip_address=None)
    ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    DataRequest.objects.filter(user=user).exclude(reason="").update(reason="")
    events = AuditEvent.objects.filter(subject=user)
    # Longest first, so an e-mail is replaced whole before the user name inside it.
    for text in sorted({t for t in former if len(t) >= 3}, key=len, reverse=True):
        events.update(object_repr=Replace("object_repr", Value(text), Value(label)))
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(label=label)
    if profile is not None:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Profile), object_id=str(profile.pk)
        ).update(label=label)


def _close_erasure_requests(user, staff) -> None:
    now = timezone.now()
    for request in DataRequest.objects.filter(
        user=user, kind=DataRequest.Kind.ERASURE, status__in=OPEN_STATUSES
    ):
        request.status = DataRequest.Status.DONE
        request.acknowledged_at = request.acknowledged_at or now
        request.completed_at = now
        request.handled_by = staff
        request.save(update_fields=["status", "acknowledged_at", "completed_at", "handled_by"])
