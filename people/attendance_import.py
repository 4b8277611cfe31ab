"""Sign-in sheets: the file format, a template pre-filled with a class's members, and reading an
uploaded sheet into one session's attendance, matched to the class's members. Nothing here writes
to the database: the view shows the result for confirmation, then saves it.

The format (one sheet per session, .xlsx or .csv): a header row within the first ten rows with
the columns "Họ và tên" and "Có mặt", and "Số điện thoại" and/or "Email" (recommended: they
match people whose names are spelt differently). Other columns ("STT", "Cơ quan", ...) are
ignored. "Có mặt" holds x / có (present), vắng or nothing (absent), có phép (excused).
"""

import csv
import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.datavalidation import DataValidation

from .models import Attendance
from .text import clean_text, fold, normalize_phone

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SCAN_ROWS = 10

NAME, PHONE, EMAIL, MARK = "Họ và tên", "Số điện thoại", "Email", "Có mặt"
TEMPLATE_COLUMNS = ("STT", NAME, PHONE, EMAIL, "Cơ quan", MARK)
_HEADERS = {fold(NAME): "name", fold(PHONE): "phone", fold(EMAIL): "email", fold(MARK): "mark"}
_HEADERS.update({"e-mail": "email", "dien thoai": "phone", "sdt": "phone", "ho ten": "name"})

Status = Attendance.Status
# What trainers write in "Có mặt", folded (lower case, no diacritics). An empty cell is "absent":
# on a sign-in sheet, a member with no mark did not come.
MARKS = {
    **dict.fromkeys(["x", "co", "co mat", "1", "true", "✓", "✔", "present"], Status.PRESENT),
    **dict.fromkeys(["", "vang", "vang mat", "khong", "0", "false", "-", "absent"], Status.ABSENT),
    **dict.fromkeys(["co phep", "vang co phep", "p", "cp", "excused"], Status.EXCUSED),
}
# How a status is written back into a template, so a filled-in sheet round-trips unchanged.
MARK_OF_STATUS = {Status.PRESENT: "x", Status.ABSENT: "vắng", Status.EXCUSED: "có phép"}


class SheetError(Exception):
    """The file cannot be read as a sign-in sheet; the message is one line for the trainer."""


@dataclass(frozen=True)
class SheetRow:
    line: int
    name: str
    phone: str
    email: str
    mark: str


@dataclass(frozen=True)
class MatchedRow:
    line: int
    name_in_sheet: str
    user_id: int
    member_name: str
    matched_by: str  # "phone", "email" or "name"
    status: str


@dataclass(frozen=True)
class UnmatchedRow:
    line: int
    name_in_sheet: str
    reason: str


@dataclass
class SheetPreview:
    matched: list[MatchedRow] = field(default_factory=list)
    unmatched: list[UnmatchedRow] = field(default_factory=list)


# Reading -----------------------------------------------------------------------------------


def read_sheet(upload) -> list[SheetRow]:
    """The data rows of an uploaded .xlsx or .csv sign-in sheet; SheetError when it is unusable."""
    if upload.size > MAX_BYTES:
        raise SheetError(_("The file is larger than 5 MB."))
    name = (upload.name or "").lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(upload)
    elif name.endswith(".csv"):
        rows = _csv_rows(upload)
    else:
        raise SheetError(_("Upload an .xlsx or .csv file."))
    try:
        return _sheet_rows(rows)
    finally:
        rows.close()  # closes the workbook when reading stopped early


def _xlsx_rows(upload):
    """Rows of the first sheet as (line number, values), streamed by openpyxl's read-only mode."""
    if not zipfile.is_zipfile(upload):
        raise SheetError(_("The file is not a valid .xlsx workbook."))
    upload.seek(0)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # openpyxl fails in many ways on a damaged workbook; each means the same
        raise SheetError(_("The file is not a valid .xlsx workbook.")) from None
    try:
        yield from enumerate(workbook.worksheets[0].iter_rows(values_only=True), 1)
    except Exception:
        raise SheetError(_("The file is not a valid .xlsx workbook.")) from None
    finally:
        workbook.close()


def _csv_rows(upload):
    raw = upload.read(MAX_BYTES + 1)
    if b"\x00" in raw:
        raise SheetError(_("The file is not a CSV text file."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1258", errors="replace")  # Excel's "CSV" on Vietnamese Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for values in reader:
            yield reader.line_num, values
    except csv.Error:
        raise SheetError(_("The file is not a CSV text file.")) from None


def _sheet_rows(rows) -> list[SheetRow]:
    columns = None
    found: list[SheetRow] = []
    for line, values in rows:
        if line > 2 * MAX_ROWS + HEADER_SCAN_ROWS:  # also bounds a sheet of styled empty rows
            raise SheetError(_("The sheet has more than 5,000 rows."))
        cells = [_cell_text(value) for value in values or ()]
        if columns is None:
            columns = _header_columns(cells)
            if columns is None and line >= HEADER_SCAN_ROWS:
                break
            continue
        if not any(cells):
            continue
        if len(found) >= MAX_ROWS:
            raise SheetError(_("The sheet has more than 5,000 rows."))
        found.append(_sheet_row(line, cells, columns))
    if columns is None:
        raise SheetError(_("No header row with the columns “Họ và tên” and “Có mặt” was found."))
    return found


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number: 912345678.0
    return clean_text(str(value))


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Which column holds what, when `cells` is the header row; None when it is not."""
    columns = {}
    for index, cell in enumerate(cells):
        key = _HEADERS.get(fold(cell))
        if key and key not in columns:
            columns[key] = index
    if "name" not in columns:
        return None
    if "mark" not in columns:
        raise SheetError(_("The header row has no column “Có mặt”."))
    return columns


def _sheet_row(line: int, cells: list[str], columns: dict[str, int]) -> SheetRow:
    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    return SheetRow(line, cell("name"), cell("phone"), cell("email"), cell("mark"))


# Matching ----------------------------------------------------------------------------------


def member_name(user) -> str:
    profile = getattr(user, "profile", None)
    return (profile.full_name if profile else "") or user.get_full_name() or user.username


def match_rows(rows: list[SheetRow], members) -> SheetPreview:
    """Each row matched to one member: by phone, else by e-mail, else by name without diacritics.

    `members` are users with their profiles loaded. A row that matches nobody, several people,
    or a member already matched on an earlier line is reported with its reason, never guessed.
    """
    index = _MemberIndex(members)
    preview = SheetPreview()
    matched_on: dict[int, int] = {}
    for row in rows:
        status = MARKS.get(fold(row.mark))
        user, how, reason = index.find(row)
        if status is None:
            reason = _("“%(mark)s” in “Có mặt” is not x, có, vắng or có phép.") % {"mark": row.mark}
        elif user is not None and user.pk in matched_on:
            reason = _("Same member as line %(line)s.") % {"line": matched_on[user.pk]}
        if reason:
            preview.unmatched.append(UnmatchedRow(row.line, row.name, reason))
            continue
        matched_on[user.pk] = row.line
        preview.matched.append(
            MatchedRow(row.line, row.name, user.pk, member_name(user), how, status)
        )
    return preview


class _MemberIndex:
    def __init__(self, members):
        self.by_phone, self.by_email, self.by_name = {}, {}, defaultdict(list)
        for user in members:
            profile = getattr(user, "profile", None)
            if profile and profile.phone:
                self.by_phone[profile.phone] = user
            if user.email:
                self.by_email[user.email.strip().lower()] = user
            self.by_name[fold(member_name(user))].append(user)

    def find(self, row: SheetRow):
        """(user, how, reason): a member and how they were found, or None and why not."""
        digits = re.sub(r"\D", "", row.phone)
        if len(digits) == 9 and digits[0] != "0":
            digits = "0" + digits  # typed as a number, Excel dropped the leading 0
        try:
            phone = normalize_phone(digits if len(digits) == 10 else row.phone)
        except ValueError:
            phone = ""
        if phone in self.by_phone:
            return self.by_phone[phone], "phone", ""
        if row.email.lower() in self.by_email:
            return self.by_email[row.email.lower()], "email", ""
        if not row.name:
            return None, "", _("No member of this class has this phone number or e-mail.")
        namesakes = self.by_name.get(fold(row.name), [])
        if len(namesakes) == 1:
            return namesakes[0], "name", ""
        if namesakes:
            return None, "", _("Several members have this name: add a phone number or e-mail.")
        return None, "", _("No member of this class has this phone number, e-mail or name.")


# The template ------------------------------------------------------------------------------


def template_workbook(*, training_class, session, members, statuses: dict[int, str]) -> bytes:
    """A sign-in sheet for one session, pre-filled with the members (and any recorded status)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Điểm danh"
    sheet.append([training_class.title])
    sheet.append([f"{session} – {session.starts_at:%d/%m/%Y}"])
    sheet.append([])
    sheet.append(list(TEMPLATE_COLUMNS))
    for number, user in enumerate(members, 1):
        profile = getattr(user, "profile", None)
        sheet.append(
            [
                number,
                member_name(user),
                profile.phone if profile else "",
                user.email,
                str(profile.agency) if profile and profile.agency_id else "",
                MARK_OF_STATUS.get(statuses.get(user.pk), ""),
            ]
        )
    _style_template(sheet, rows=len(members))
    _add_instructions(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _style_template(sheet, *, rows: int) -> None:
    thin = Side(style="thin")
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in sheet.iter_rows(min_row=4, max_row=4 + rows):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for letter, width in zip("ABCDEF", (6, 30, 16, 28, 36, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    # Phone numbers stay text, so Excel keeps their leading 0.
    for (cell,) in sheet.iter_rows(min_row=5, max_row=4 + rows, min_col=3, max_col=3):
        cell.number_format = "@"
    marks = DataValidation(type="list", formula1='"x,vắng,có phép"', allow_blank=True)
    marks.add(f"F5:F{max(5, 4 + rows + 200)}")
    sheet.add_data_validation(marks)
    sheet.freeze_panes = "C5"


def _add_instructions(workbook) -> None:
    sheet = workbook.create_sheet("Hướng dẫn")
    for line in (
        "Cách điền danh sách điểm danh",
        "Cột “Có mặt”: x hoặc có = có mặt; vắng hoặc để trống = vắng; có phép = vắng có phép.",
        "Giữ nguyên dòng tiêu đề (Họ và tên, Số điện thoại, Email, Có mặt).",
        "Học viên được nhận ra theo số điện thoại, rồi email, rồi họ và tên (có dấu hoặc không dấu).",
        "Có thể thêm dòng cho người chưa có trong danh sách: hệ thống sẽ báo dòng không khớp.",
        "Tệp .xlsx hoặc .csv, tối đa 5 MB và 5.000 dòng.",
    ):
        sheet.append([line])
    sheet["A1"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 100
