"""Importing people from a spreadsheet (.xlsx or .csv): `import_people` and the admin's upload.

A file goes through four steps, each refusing bad input as early and as cheaply as it can:

1. `_check_xlsx` reads only the zip directory: member count, declared uncompressed sizes and
   each member's compression ratio, so a zip bomb is refused before a byte is decompressed.
   (zipfile never inflates a member past its declared size, so the directory is a real bound.)
2. `read_rows` streams rows (openpyxl read-only, or the csv module line by line); the header row
   is mapped to fields, and a formula, an over-long cell or too many rows end the read.
3. `validate` cleans each row (NFC text, phone numbers, localities with or without diacritics,
   former provinces), looks up existing people in chunks and plans create / update / unchanged.
4. `apply` writes the plan in one transaction with bulk queries, then fills the class.

Nothing is written unless every row is valid or the caller asked for the valid rows only. A file
refused raises `ImportFileError` (one line); a row refused becomes a `RowError`. Both carry an
English msgid from FILE_MESSAGES / ROW_MESSAGES, rendered in the active language, so the admin
reads Vietnamese and the command prints both.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import re
import secrets
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePath

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from . import audit
from .models import (
    AdministrativeUnit,
    Agency,
    AudienceGroup,
    ClassMembership,
    ImportJob,
    Profile,
    TrainingClass,
)
from .roles import is_admin
from .services import class_members_add
from .text import clean_text, fold, normalize_phone

MAX_FILE_BYTES = 20 * 1024 * 1024  # the upload itself (a .csv is read line by line)
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all members of an .xlsx, as its zip directory declares
MAX_RATIO = 100  # a sheet's XML compresses 5-20 times; a run of zeros, a thousand times
MAX_ZIP_MEMBERS = 1_000
MAX_ROWS = 50_000
MAX_CELL_CHARS = 1_000
MAX_COLUMNS = 40
ASYNC_ROWS = 1_000  # larger files are applied by a Celery task with a progress bar
CHUNK = 1_000
HEADER_SEARCH_ROWS = 10  # a title or a blank line may sit above the header row

FILE_MESSAGES = {
    "file_type": gettext_noop("Only .xlsx and .csv files can be imported: save the sheet as “Excel Workbook (.xlsx)”."),
    "empty": gettext_noop("The file is empty."),
    "too_big": gettext_noop("The file is larger than %(limit)s MB; split it into smaller files."),
    "not_xlsx": gettext_noop("The file is not a valid .xlsx workbook (it is damaged or of another type)."),
    "zip_bomb": gettext_noop("The workbook would unpack to more than %(limit)s MB or is compressed like no real spreadsheet; it was refused."),
    "damaged": gettext_noop("The workbook could not be read: it is damaged or not an Excel file."),
    "no_sheet": gettext_noop("The workbook has no worksheet."),
    "not_text": gettext_noop("The .csv file is not readable text: save it again as “CSV UTF-8”."),
    "formula": gettext_noop("Cell %(cell)s holds a formula: copy the sheet and paste values only, then try again."),
    "long_cell": gettext_noop("Cell %(cell)s is longer than %(limit)s characters; nothing was imported."),
    "long_cell_line": gettext_noop("A cell on line %(line)s is longer than %(limit)s characters; nothing was imported."),
    "no_header": gettext_noop("No header row found: the first row must name the columns, for example “Họ và tên”, “Email”, “Số điện thoại” (download the template)."),
    "unknown_columns": gettext_noop("Unknown column(s): %(names)s. Use the headers of the template."),
    "duplicate_column": gettext_noop("The column “%(name)s” appears twice."),
    "missing_name": gettext_noop("The column “Họ và tên” (full name) is missing."),
    "missing_contact": gettext_noop("The file needs an “Email” or a “Số điện thoại” (phone) column."),
    "too_many_rows": gettext_noop("The file has more than %(limit)s rows; split it into smaller files."),
    "no_rows": gettext_noop("The file has no rows of people under the header."),
    "conflict": gettext_noop("Some of these people were changed while the file was being imported; nothing was saved, try again."),
    "file_gone": gettext_noop("The uploaded file is no longer available; upload it again."),
    "error": gettext_noop("The import failed unexpectedly; nothing was saved."),
}  # fmt: skip

ROW_MESSAGES = {
    "too_long": gettext_noop("“%(column)s” is longer than %(limit)s characters."),
    "full_name": gettext_noop("The full name is missing."),
    "full_name_letters": gettext_noop("The full name must contain letters."),
    "contact": gettext_noop("An e-mail or a phone number is needed."),
    "email": gettext_noop("The e-mail address is not valid."),
    "phone": gettext_noop("The phone number is not a Vietnamese phone number (10 digits starting with 0)."),
    "national_id": gettext_noop("The national ID must have 12 digits."),
    "sex": gettext_noop("Sex must be “Nam” or “Nữ”."),
    "birth_year": gettext_noop("The year of birth must be a year from %(low)s to %(high)s."),
    "audience": gettext_noop("Audience “%(value)s” is not in the list of audience groups."),
    "agency": gettext_noop("Agency “%(value)s” is not in the list of agencies; ask an administrator to add it."),
    "agency_ambiguous": gettext_noop("Several agencies are called “%(value)s”: fill in the province to tell them apart."),
    "province": gettext_noop("Province “%(value)s” was not found."),
    "commune": gettext_noop("Commune or ward “%(value)s” was not found."),
    "commune_in": gettext_noop("Commune or ward “%(value)s” was not found in %(province)s."),
    "commune_ambiguous": gettext_noop("Several communes or wards in %(province)s are called “%(value)s”: write “Xã …” or “Phường …”."),
    "commune_needs_province": gettext_noop("Communes or wards called “%(value)s” exist in several provinces: fill in the province."),
    "same_email": gettext_noop("Same e-mail as line %(line)s."),
    "same_phone": gettext_noop("Same phone number as line %(line)s."),
    "same_national_id": gettext_noop("Same national ID as line %(line)s."),
    "same_person": gettext_noop("Same person as line %(line)s."),
    "conflict": gettext_noop("The e-mail, phone number and national ID belong to different people already registered."),
    "email_differs": gettext_noop("This person is already registered with another e-mail (or none); e-mail addresses are changed on the person's profile, not by import."),
    "phone_differs": gettext_noop("This person is already registered with another phone number; change it on their profile, not by import."),
    "national_id_differs": gettext_noop("This person is already registered with another national ID; change it on their profile, not by import."),
}  # fmt: skip


class Message:
    """An English msgid and its parameters, rendered in whichever language is active."""

    def __init__(self, msgid: str, **params):
        self.msgid, self.params = msgid, params

    def __str__(self) -> str:
        text = gettext(self.msgid)
        return text % self.params if self.params else text

    def in_language(self, code: str) -> str:
        with translation.override(code):
            return str(self)

    def bilingual(self) -> str:
        """Vietnamese, then the English in parentheses (once the catalogue has the Vietnamese)."""
        vi, en = self.in_language("vi"), self.in_language("en")
        return vi if vi == en else f"{vi} ({en})"

    def as_json(self) -> dict:
        return {"msgid": self.msgid, "params": self.params}

    @classmethod
    def from_json(cls, data: dict) -> Message:
        return cls(data["msgid"], **data.get("params", {}))


class ImportFileError(Exception):
    """The whole file is refused; `str()` is one line in the active language."""

    def __init__(self, code: str, **params):
        self.code, self.message = code, Message(FILE_MESSAGES[code], **params)
        super().__init__(code)

    def __str__(self) -> str:
        return str(self.message)

    def as_json(self) -> dict:
        return {"line": None, "code": self.code, **self.message.as_json()}


class RowRefused(Exception):
    """One row is refused; the rest of the file is still read."""

    def __init__(self, code: str, **params):
        self.code, self.message = code, Message(ROW_MESSAGES[code], **params)


@dataclass
class RowError:
    line: int
    code: str
    message: Message

    @classmethod
    def of(cls, row_line: int, code: str, /, **params) -> RowError:
        return cls(row_line, code, Message(ROW_MESSAGES[code], **params))

    def as_json(self) -> dict:
        return {"line": self.line, "code": self.code, **self.message.as_json()}


# --- Columns ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # Vietnamese, as in the template
    english: str
    note: str
    example: str
    aliases: tuple[str, ...] = ()
    max_length: int = 255


COLUMNS = (
    Column("full_name", "Họ và tên", "Full name", _("Required."), "Nguyễn Văn An", ("Họ tên", "Tên", "Name"), 150),
    Column("email", "Email", "E-mail", _("E-mail or phone number required; used to log in and to find people already registered."), "nguyenvanan@example.vn", ("E-mail", "Thư điện tử", "Địa chỉ email", "Địa chỉ thư điện tử"), 254),
    Column("phone", "Số điện thoại", "Phone", _("10 digits starting with 0; +84 and spaces are accepted."), "0912 345 678", ("Điện thoại", "SĐT", "Số ĐT", "Phone number", "Mobile"), 20),
    Column("national_id", "Số định danh cá nhân", "National ID", _("12 digits (citizen identity card number). Optional."), "001088012345", ("Số định danh", "Số CCCD", "CCCD", "Căn cước công dân", "Số căn cước", "National ID number"), 20),
    Column("audience", "Đối tượng", "Audience", _("An audience group, by name or short name (list in the sheet “Danh mục”)."), "Báo cáo viên pháp luật", ("Nhóm đối tượng", "Audience group"), 200),
    Column("agency", "Cơ quan", "Agency", _("The agency's name as in the list of agencies."), "Sở Tư pháp tỉnh Lạng Sơn", ("Cơ quan, đơn vị", "Đơn vị công tác", "Cơ quan công tác", "Organisation", "Organization"), 255),
    Column("position", "Chức vụ", "Position", _("Optional."), "Chuyên viên", ("Job title",), 150),
    Column("province", "Tỉnh/Thành phố", "Province", _("Current or former province, with or without diacritics (“Dak Nong” is accepted)."), "Lạng Sơn", ("Tỉnh", "Tỉnh, thành phố", "Tỉnh thành"), 120),
    Column("commune", "Xã/Phường", "Commune", _("A current commune, ward or special zone of that province."), "Phường Lương Văn Tri", ("Xã", "Phường", "Xã, phường", "Xã/Phường/Đặc khu", "Ward", "Commune or ward"), 120),
    Column("sex", "Giới tính", "Sex", _("“Nam” or “Nữ”. Optional."), "Nam", ("Gender",), 10),
    Column("birth_year", "Năm sinh", "Year of birth", _("Four digits. Optional."), "1988", ("Birth year",), 10),
    Column("ethnicity", "Dân tộc", "Ethnicity", _("Optional; sensitive data, used only in anonymous totals."), "Kinh", (), 60),
)  # fmt: skip
IGNORED_HEADERS = ("STT", "TT", "Số thứ tự", "Ghi chú", "No", "Note", "Notes")
HEADER_NAMES = {column.field: column.header for column in COLUMNS}


def header_key(text) -> str:
    """`Tỉnh/Thành phố (*)` -> `tinh thanh pho`: case, diacritics, punctuation, notes ignored."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", clean_text(str(text or "")))
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


HEADERS: dict[str, str | None] = {header_key(name): None for name in IGNORED_HEADERS}
for _column in COLUMNS:
    for _name in (_column.header, _column.english, _column.field, *_column.aliases):
        HEADERS[header_key(_name)] = _column.field


# --- Reading ------------------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: how a spreadsheet names a column."""
    letters, index = "", index + 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cell(value, line: int, index: int):
    """A cell as clean text (or an int for a whole number); formulas and huge cells end the read."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    # openpyxl gives a formula as "=..." (or an ArrayFormula object) since data_only=False.
    if not isinstance(value, str) or value.startswith("="):
        raise ImportFileError("formula", cell=f"{column_letter(index)}{line}")
    if len(value) > MAX_CELL_CHARS:
        cell = f"{column_letter(index)}{line}"
        raise ImportFileError("long_cell", cell=cell, limit=MAX_CELL_CHARS)
    return clean_text(value)


def _size(handle) -> int:
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(0)
    return size


def _check_xlsx(handle) -> None:
    """Refuse anything but a plausible workbook, reading only the zip's central directory."""
    if not zipfile.is_zipfile(handle):
        raise ImportFileError("not_xlsx")
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ImportFileError("not_xlsx") from None
    handle.seek(0)
    too_compressed = any(
        m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if (
        len(members) > MAX_ZIP_MEMBERS
        or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES
        or too_compressed
    ):
        raise ImportFileError("zip_bomb", limit=MAX_UNPACKED_BYTES // (1024 * 1024))
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise ImportFileError("not_xlsx")


def _xlsx_rows(handle) -> Iterator[tuple[int, tuple]]:
    from openpyxl import load_workbook

    _check_xlsx(handle)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(handle, read_only=True, data_only=False)
    except Exception:  # openpyxl raises a dozen types for a broken file
        raise ImportFileError("damaged") from None
    try:
        if not workbook.worksheets:
            raise ImportFileError("no_sheet")
        rows = workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS, values_only=True)
        yield from enumerate(rows, start=1)
    except ImportFileError:
        raise
    except Exception:  # broken XML or a bad CRC half-way through the sheet
        raise ImportFileError("damaged") from None
    finally:
        workbook.close()


def _csv_encoding(handle) -> str:
    """utf-8 (with or without BOM) when the whole file decodes as such, else Windows-1258."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := handle.read(1024 * 1024):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "cp1258"
    handle.seek(0)
    return encoding


def _csv_rows(handle) -> Iterator[tuple[int, list]]:
    decoder = codecs.getincrementaldecoder(_csv_encoding(handle))()
    # Django's File splits lines at \n, \r\n and a lone \r (old Mac exports) alike.
    lines = (decoder.decode(raw) for raw in File(handle))
    reader = None
    try:
        first = next(lines, "")
        reader = csv.reader(_chain(first, lines), delimiter=max(",;\t", key=first.count))
        yield from enumerate(reader, start=1)
    except UnicodeDecodeError:
        raise ImportFileError("not_text") from None
    except csv.Error as exc:
        if "field larger" in str(exc):  # the csv module's own limit, 128 KiB
            line = reader.line_num if reader else 1
            raise ImportFileError("long_cell_line", line=line, limit=MAX_CELL_CHARS) from None
        raise ImportFileError("not_text") from None


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def read_rows(handle, name: str) -> tuple[dict[int, str], Iterator[tuple[int, dict]]]:
    """The header's {column index: field}, and an iterator of (line, {field: value}) rows.

    `handle` is a seekable binary file. Blank rows are skipped; the iterator raises
    ImportFileError past MAX_ROWS rows, on a formula or on a cell over MAX_CELL_CHARS.
    """
    suffix = PurePath(name).suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ImportFileError("file_type")
    size = _size(handle)
    if size == 0:
        raise ImportFileError("empty")
    if size > MAX_FILE_BYTES:
        raise ImportFileError("too_big", limit=MAX_FILE_BYTES // (1024 * 1024))
    raw = _xlsx_rows(handle) if suffix == ".xlsx" else _csv_rows(handle)
    cells = ((line, [_cell(v, line, i) for i, v in enumerate(row)]) for line, row in raw)
    rows = ((line, row) for line, row in cells if any(v != "" for v in row))
    columns = _find_header(rows)
    return columns, _data_rows(columns, rows)


def _find_header(rows: Iterator[tuple[int, list]]) -> dict[int, str]:
    for _line, row in _take(rows, HEADER_SEARCH_ROWS):
        keys = [header_key(value) for value in row]
        if sum(1 for key in keys if HEADERS.get(key)) >= 2:
            return _map_header(row, keys)
    raise ImportFileError("no_header")


def _take(items: Iterator, count: int) -> Iterator:
    for _n, item in zip(range(count), items, strict=False):
        yield item


def _map_header(row: list, keys: list[str]) -> dict[int, str]:
    unknown = [str(row[i])[:40] for i, key in enumerate(keys) if key and key not in HEADERS]
    if unknown:
        names = ", ".join(f"“{name}”" for name in unknown[:5])
        raise ImportFileError("unknown_columns", names=names)
    columns: dict[int, str] = {}
    for index, key in enumerate(keys):
        name = HEADERS.get(key)
        if name in columns.values():
            raise ImportFileError("duplicate_column", name=HEADER_NAMES[name])
        if name is not None:
            columns[index] = name
    if "full_name" not in columns.values():
        raise ImportFileError("missing_name")
    if not {"email", "phone"} & set(columns.values()):
        raise ImportFileError("missing_contact")
    return columns


def _data_rows(columns: dict[int, str], rows) -> Iterator[tuple[int, dict]]:
    for count, (line, row) in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise ImportFileError("too_many_rows", limit=MAX_ROWS)
        yield line, {name: row[i] if i < len(row) else "" for i, name in columns.items()}


# --- Reference data: audiences, agencies, localities --------------------------------------------

PROVINCE_PREFIXES = ("tinh ", "thanh pho ", "tp ")
COMMUNE_PREFIXES = ("xa ", "phuong ", "dac khu ", "thi tran ", "p ", "x ", "tt ")


def place_keys(text: str, prefixes: tuple[str, ...]) -> tuple[str, str]:
    """A place name's key as written and without its type (`Phường Đông Kinh` -> `dong kinh`)."""
    key = re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()
    for prefix in prefixes:
        if key.startswith(prefix):
            return key, key[len(prefix) :]
    return key, key


class Places:
    """Provinces (current and former) and current communes, indexed for matching as typed."""

    def __init__(self):
        self.units: dict[int, tuple[str, bool, int | None]] = {}
        self.provinces: dict[str, set[int]] = defaultdict(set)
        for pk, name, is_current, successor in AdministrativeUnit.objects.filter(
            level=AdministrativeUnit.Level.PROVINCE
        ).values_list("pk", "name", "is_current", "successor_id"):
            self.units[pk] = (name, is_current, successor)
            for key in place_keys(name, PROVINCE_PREFIXES):
                self.provinces[key].add(pk)
        self._communes: dict[str, list[tuple[int, int]]] | None = None

    def current(self, pk: int) -> int:
        """The current province a (possibly former) province rolls up to."""
        for _hop in range(10):
            name, is_current, successor = self.units[pk]
            if is_current or successor is None:
                break
            pk = successor
        return pk

    def name(self, pk: int) -> str:
        return self.units[pk][0]

    @property
    def communes(self) -> dict[str, list[tuple[int, int]]]:
        if self._communes is None:
            self._communes = defaultdict(list)
            for pk, name, parent in AdministrativeUnit.objects.filter(
                level=AdministrativeUnit.Level.COMMUNE, is_current=True
            ).values_list("pk", "name", "parent_id"):
                for key in set(place_keys(name, COMMUNE_PREFIXES)):
                    self._communes[key].append((pk, parent))
        return self._communes

    def province(self, text: str) -> int:
        """A province as written; a current one wins over a former one of the same name."""
        for key in place_keys(text, PROVINCE_PREFIXES):
            found = self.provinces.get(key, set())
            current = [pk for pk in found if self.units[pk][1]]
            if len(current) == 1:
                return current[0]
            if len(found) == 1:
                return next(iter(found))
        raise RowRefused("province", value=text[:60])

    def commune(self, text: str, province: int | None) -> tuple[int, int]:
        """(commune, its province): a current commune, within the province when one is given."""
        where = {"value": text[:60]}
        if province is not None:  # searched, and named, as the current province
            where["province"] = self.name(self.current(province))
        for key in place_keys(text, COMMUNE_PREFIXES):
            found = self.communes.get(key, [])
            if province is not None:
                found = [c for c in found if c[1] == self.current(province)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                code = "commune_ambiguous" if province else "commune_needs_province"
                raise RowRefused(code, **where)
        raise RowRefused("commune_in" if province else "commune", **where)


class References:
    """Everything a row may name, loaded once per import (never one query per row)."""

    def __init__(self, fields: Iterable[str]):
        fields = set(fields)
        self.places = Places() if {"province", "commune"} & fields else None
        self.audiences: dict[str, int] = {}
        if "audience" in fields:
            for pk, name, slug in AudienceGroup.objects.values_list("pk", "name", "slug"):
                self.audiences[header_key(name)] = pk
                self.audiences[slug.lower()] = pk
        self.agencies: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
        if "agency" in fields:
            for pk, name, province in Agency.objects.values_list("pk", "name", "province_id"):
                self.agencies[header_key(name)].append((pk, province))

    def audience(self, text: str) -> int:
        found = self.audiences.get(text.lower()) or self.audiences.get(header_key(text))
        if found is None:
            raise RowRefused("audience", value=text[:60])
        return found

    def agency(self, text: str, province: int | None) -> int:
        """An agency by name; one of the same name elsewhere is told apart by the province."""
        found = self.agencies.get(header_key(text), [])
        if len(found) > 1 and province is not None and self.places is not None:
            here = self.places.current(province)
            found = [
                a for a in found if a[1] is not None and self.places.current(a[1]) == here
            ] or [a for a in found if a[1] is None]
        if len(found) == 1:
            return found[0][0]
        raise RowRefused("agency_ambiguous" if found else "agency", value=text[:60])


# --- Cleaning one row ---------------------------------------------------------------------------

SEXES = {"nam": "male", "male": "male", "m": "male", "nu": "female", "female": "female", "f": "female"}  # fmt: skip


def _phone(value) -> str:
    text = str(value)
    if re.fullmatch(r"[1-9]\d{8}", text):  # a number cell lost its leading zero
        text = "0" + text
    try:
        return normalize_phone(text)
    except ValueError:
        raise RowRefused("phone") from None


def _national_id(value) -> str:
    # A number cell drops the leading zeros of an ID such as 001088012345.
    text = f"{value:012d}" if isinstance(value, int) else re.sub(r"[\s.\-]", "", value)
    if not re.fullmatch(r"\d{12}", text):
        raise RowRefused("national_id")
    return text


def _email(value) -> str:
    text = str(value).strip().lower()
    try:
        validate_email(text)
    except ValidationError:
        raise RowRefused("email") from None
    return text


def _birth_year(value) -> int:
    low, high = 1920, timezone.localdate().year - 10
    match = re.fullmatch(r"(\d{4})(-\d\d-\d\d)?|\d{1,2}/\d{1,2}/(\d{4})", str(value))
    year = int(match.group(1) or match.group(3)) if match else 0
    if not low <= year <= high:
        raise RowRefused("birth_year", low=low, high=high)
    return year


def _sex(value) -> str:
    sex = SEXES.get(fold(str(value)))
    if sex is None:
        raise RowRefused("sex")
    return sex


def clean_row(raw: dict, refs: References) -> dict:
    """A row's values, cleaned and resolved to ids; raises RowRefused with the first problem."""
    for column in COLUMNS:
        if len(str(raw.get(column.field, ""))) > column.max_length:
            raise RowRefused("too_long", column=column.header, limit=column.max_length)
    given = {name: value for name, value in raw.items() if value != ""}
    values = {"full_name": str(given.get("full_name", ""))}
    if not values["full_name"]:
        raise RowRefused("full_name")
    if not any(ch.isalpha() for ch in values["full_name"]):
        raise RowRefused("full_name_letters")
    if "email" in given:
        values["email"] = _email(given["email"])
    if "phone" in given:
        values["phone"] = _phone(given["phone"])
    if not values.get("email") and not values.get("phone"):
        raise RowRefused("contact")
    for name, clean in (("national_id", _national_id), ("sex", _sex), ("birth_year", _birth_year)):
        if name in given:
            values[name] = clean(given[name])
    for name in ("position", "ethnicity"):
        if name in given:
            values[name] = str(given[name])
    if "audience" in given:
        values["audience_id"] = refs.audience(str(given["audience"]))
    province = refs.places.province(str(given["province"])) if "province" in given else None
    if "commune" in given:
        values["commune_id"], parent = refs.places.commune(str(given["commune"]), province)
        province = parent if province is None else province
    if province is not None:
        values["province_id"] = province  # as written: a former province stays on the record
    if "agency" in given:
        values["agency_id"] = refs.agency(str(given["agency"]), province)
    return values


# --- Validation and plan ------------------------------------------------------------------------

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
ACTION_LABELS = {
    CREATE: _("new person"),
    UPDATE: _("profile updated"),
    UNCHANGED: _("no change"),
    "kept": _("registered, profile kept (not in your classes)"),
}
PROFILE_FIELDS = (
    "full_name", "audience_id", "agency_id", "position", "province_id", "commune_id", "phone",
    "national_id", "sex", "birth_year", "ethnicity",
)  # fmt: skip
IDENTIFIERS = ("email", "phone", "national_id")


@dataclass(slots=True)
class RowPlan:
    line: int
    values: dict
    user_id: int | None = None
    action: str = CREATE
    changes: tuple[str, ...] = ()
    username: str = ""
    has_profile: bool = False
    kept: bool = False  # registered, outside the importer's classes: joins the class only


@dataclass
class Validation:
    """The outcome of reading a whole file: a plan for every valid row and every row refused."""

    rows: list[RowPlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.rows) + len(self.errors)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def summary(self) -> dict:
        return {
            "total": self.total,
            "create": self.count(CREATE),
            "update": self.count(UPDATE),
            "unchanged": self.count(UNCHANGED),
            "rejected": len(self.errors),
        }


def validate(handle, name: str, *, actor=None) -> Validation:
    """Read and check a whole file, then plan each valid row against the people already known.

    `actor` is who imports (None for the command line): a trainer updates the profiles of the
    people in their own classes only; anyone else registered is matched and left as they are.
    """
    columns, rows = read_rows(handle, name)
    refs = References(columns.values())
    result = Validation()
    for line, raw in rows:
        try:
            result.rows.append(RowPlan(line, clean_row(raw, refs)))
        except RowRefused as refused:
            result.errors.append(RowError(line, refused.code, refused.message))
    if not result.total:
        raise ImportFileError("no_rows")
    _refuse_duplicates(result)
    _match_existing(result)
    _plan_updates(result, _managed_by(actor, {row.user_id for row in result.rows if row.user_id}))
    _plan_new_accounts(result)
    result.errors.sort(key=lambda error: error.line)
    return result


def _refuse(result: Validation, bad: dict[int, RowError]) -> None:
    result.errors.extend(bad.values())
    result.rows = [row for row in result.rows if row.line not in bad]


def _refuse_duplicates(result: Validation) -> None:
    first: dict[tuple[str, str], int] = {}
    bad: dict[int, RowError] = {}
    for row in result.rows:
        for name in IDENTIFIERS:
            if value := row.values.get(name):
                seen = first.setdefault((name, value), row.line)
                if seen != row.line and row.line not in bad:
                    bad[row.line] = RowError.of(row.line, f"same_{name}", line=seen)
    _refuse(result, bad)


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _lookup(values: set, query) -> dict[str, list[int]]:
    """{identifier: [user ids]} for the identifiers found, queried CHUNK at a time."""
    found: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(sorted(values)):
        for key, user_id in query(chunk):
            found[key].append(user_id)
    return found


def _match_existing(result: Validation) -> None:
    """Attach each row to the person already registered with its e-mail, phone or national ID."""
    User = get_user_model()
    queries = {
        "email": lambda chunk: (
            User.objects.annotate(key=Lower("email")).filter(key__in=chunk).values_list("key", "pk")
        ),
        "phone": lambda chunk: Profile.objects.filter(phone__in=chunk).values_list(
            "phone", "user_id"
        ),
        "national_id": lambda chunk: Profile.objects.filter(national_id__in=chunk).values_list(
            "national_id", "user_id"
        ),
    }
    by = {}
    for name, query in queries.items():
        by[name] = _lookup({r.values[name] for r in result.rows if name in r.values}, query)
    bad: dict[int, RowError] = {}
    claimed: dict[int, int] = {}
    for row in result.rows:
        matches = {pk for name in IDENTIFIERS for pk in by[name].get(row.values.get(name), [])}
        if len(matches) > 1:
            bad[row.line] = RowError.of(row.line, "conflict")
        elif matches:
            row.user_id = matches.pop()
            first = claimed.setdefault(row.user_id, row.line)
            if first != row.line:
                bad[row.line] = RowError.of(row.line, "same_person", line=first)
    _refuse(result, bad)


def _managed_by(actor, user_ids: set[int]) -> set[int] | None:
    """Which of these people the importer may change (PersonPolicy.can_manage); None: all."""
    if actor is None or is_admin(actor):
        return None
    managed: set[int] = set()
    for chunk in _chunks(sorted(user_ids)):
        managed.update(
            ClassMembership.objects.filter(
                training_class__trainers=actor, removed_at__isnull=True, user_id__in=chunk
            ).values_list("user_id", flat=True)
        )
    return managed


def _plan_updates(result: Validation, managed: set[int] | None) -> None:
    """Compare each matched person's profile with their row: update, or unchanged."""
    User = get_user_model()
    matched = {row.user_id: row for row in result.rows if row.user_id}
    users, profiles = {}, {}
    for chunk in _chunks(sorted(matched)):
        for user in User.objects.filter(pk__in=chunk).values("pk", "email"):
            users[user["pk"]] = user
        for profile in Profile.objects.filter(user_id__in=chunk).values("user_id", *PROFILE_FIELDS):
            profiles[profile["user_id"]] = profile
    bad: dict[int, RowError] = {}
    for pk, row in matched.items():
        profile = profiles.get(pk)
        if managed is not None and pk not in managed:
            row.action, row.kept = UNCHANGED, True
            continue
        if refused := _identifier_change(row, users[pk], profile or {}):
            bad[row.line] = RowError(row.line, refused.code, refused.message)
            continue
        row.has_profile = profile is not None
        row.changes = tuple(
            name
            for name in PROFILE_FIELDS
            if name in row.values and (profile is None or profile[name] != row.values[name])
        )
        row.action = UPDATE if row.changes else UNCHANGED
    _refuse(result, bad)


def _identifier_change(row: RowPlan, user: dict, profile: dict) -> RowRefused | None:
    """E-mail, phone and national ID of someone registered are never replaced by an import.

    An e-mail set from a file could take the account over through a password reset, and a phone
    number is a log-in name. A blank phone number or national ID may be filled in.
    """
    email = row.values.get("email")
    if email and email != (user["email"] or "").lower():
        return RowRefused("email_differs")
    for name in ("phone", "national_id"):
        if row.values.get(name) and profile.get(name) and profile[name] != row.values[name]:
            return RowRefused(f"{name}_differs")
    return None


def _plan_new_accounts(result: Validation) -> None:
    """Usernames for new people: their e-mail, else their phone number, made unique."""
    User = get_user_model()
    new = [row for row in result.rows if row.user_id is None]
    for row in new:
        row.username = (row.values.get("email") or row.values["phone"])[:140]
    taken: set[str] = set()
    for chunk in _chunks(sorted({row.username for row in new})):
        taken.update(User.objects.filter(username__in=chunk).values_list("username", flat=True))
    for row in new:
        if row.username in taken:  # rare: an account named like this e-mail but without it
            used = taken | set(
                User.objects.filter(username__startswith=row.username).values_list(
                    "username", flat=True
                )
            )
            row.username = next(f"{row.username}-{n}" for n in range(2, 10**6) if f"{row.username}-{n}" not in used)  # fmt: skip
        taken.add(row.username)


# --- Apply --------------------------------------------------------------------------------------


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    joined: int = 0


def apply(
    validation: Validation,
    *,
    training_class: TrainingClass | None = None,
    valid_rows_only: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Write the plan in one transaction: new accounts (with an unusable password, so people set
    their own through a password reset), profile updates, then everyone into the class."""
    if validation.errors and not valid_rows_only:
        raise ValueError("the file has invalid rows; pass valid_rows_only=True to skip them")
    outcome = Outcome(rejected=len(validation.errors))
    try:
        with transaction.atomic():
            user_ids, done = [], 0
            for chunk in _chunks(validation.rows):
                user_ids += _create(chunk, outcome) + _update(chunk, outcome)
                done += len(chunk)
                if progress:
                    progress(done)
            if training_class is not None:
                User = get_user_model()
                for ids in _chunks(user_ids):
                    outcome.joined += class_members_add(
                        training_class=training_class, users=User.objects.filter(pk__in=ids)
                    )
    except IntegrityError:  # someone registered the same phone or ID since validation
        raise ImportFileError("conflict") from None
    return outcome


def unusable_password() -> str:
    """What `make_password(None)` stores ("!" and 40 random characters), 40 times cheaper."""
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)


def _profile_values(values: dict) -> dict:
    return {name: values[name] for name in PROFILE_FIELDS if name in values}


def _create(rows: list[RowPlan], outcome: Outcome) -> list[int]:
    User = get_user_model()
    new = [row for row in rows if row.action == CREATE]
    users = [
        User(
            username=row.username,
            email=row.values.get("email", ""),
            first_name=row.values["full_name"],
            password=unusable_password(),
        )
        for row in new
    ]
    User.objects.bulk_create(users)
    Profile.objects.bulk_create(
        Profile(user=user, **_profile_values(row.values)) for user, row in zip(users, new, strict=True)
    )  # fmt: skip
    outcome.created += len(new)
    return [user.pk for user in users]


def _update(rows: list[RowPlan], outcome: Outcome) -> list[int]:
    matched = [row for row in rows if row.action != CREATE]
    changed = {row.user_id: row for row in matched if row.action == UPDATE}
    Profile.objects.bulk_create(
        Profile(user_id=row.user_id, **_profile_values(row.values))
        for row in changed.values()
        if not row.has_profile
    )
    profiles = list(Profile.objects.filter(user_id__in=[r.user_id for r in changed.values() if r.has_profile]))  # fmt: skip
    now = timezone.now()
    for profile in profiles:
        row = changed[profile.user_id]
        for name in row.changes:
            setattr(profile, name, row.values[name])
        profile.updated_at = now
    if profiles:
        fields = sorted({name for row in changed.values() for name in row.changes})
        Profile.objects.bulk_update(profiles, [*fields, "updated_at"])
    outcome.updated += len(changed)
    outcome.unchanged += len(matched) - len(changed)
    return [row.user_id for row in matched]


# --- Jobs: the admin's upload, preview, confirmation and background run -------------------------


def progress_key(job_id: int) -> str:
    return f"people:import:{job_id}:progress"


def job_create(
    *, upload, actor, training_class, valid_rows_only: bool
) -> tuple[ImportJob, Validation]:
    """Validate an upload and keep it as a job waiting for confirmation.

    Raises ImportFileError, saving nothing (not even the file), when the file itself is refused.
    """
    validation = validate(upload, upload.name, actor=actor)
    name = PurePath(upload.name).name[:200]
    job = ImportJob(
        created_by=actor,
        original_name=name,
        training_class=training_class,
        valid_rows_only=valid_rows_only,
        total_rows=validation.total,
        errors=[error.as_json() for error in validation.errors],
    )
    job.file.save(name, upload, save=False)
    job.save()
    return job, validation


def job_apply(job_id: int, *, redelivered: bool = False) -> ImportJob:
    """Apply a confirmed job once: validate its file again against today's data, then write it.

    Safe to run twice: a job already done, failed or running is left alone, except a running one
    redelivered after its worker died (its transaction was rolled back, so nothing was written).
    """
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.VALIDATED).update(
        status=ImportJob.Status.RUNNING, processed_rows=0
    )
    job = ImportJob.objects.select_related("training_class", "created_by").get(pk=job_id)
    if not claimed and not (redelivered and job.status == ImportJob.Status.RUNNING):
        return job
    cache.set(progress_key(job.pk), {"phase": "checking", "processed": 0}, 3600)
    try:
        validation = _job_validate(job)
        if validation.errors and not job.valid_rows_only:
            job.status = ImportJob.Status.VALIDATED  # back to the preview, with today's errors
            job.errors = [error.as_json() for error in validation.errors]
            job.save(update_fields=["status", "errors"])
            return job
        _job_write(job, validation)
    except ImportFileError as refused:
        _job_failed(job, refused)
    except Exception:
        _job_failed(job, ImportFileError("error"))
        raise
    finally:
        cache.delete(progress_key(job.pk))
    if job.file:  # the people's data now lives in their profiles
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")
    return job


def _job_validate(job: ImportJob) -> Validation:
    try:
        with job.file.open("rb") as handle:
            return validate(handle, job.original_name, actor=job.created_by)
    except (OSError, ValueError):  # deleted from storage, or never stored
        raise ImportFileError("file_gone") from None


def _job_failed(job: ImportJob, refused: ImportFileError) -> None:
    job.status, job.finished_at = ImportJob.Status.FAILED, timezone.now()
    job.errors = [refused.as_json()]
    job.save(update_fields=["status", "finished_at", "errors"])


def _job_write(job: ImportJob, validation: Validation) -> None:
    def progress(done: int) -> None:
        # Other connections see the row only after the commit: the status page reads the cache.
        cache.set(progress_key(job.pk), {"phase": "saving", "processed": done}, 3600)
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=done)

    with transaction.atomic():
        if ImportJob.objects.select_for_update().get(pk=job.pk).status == ImportJob.Status.DONE:
            job.status = ImportJob.Status.DONE
            return
        outcome = apply(
            validation,
            training_class=job.training_class,
            valid_rows_only=job.valid_rows_only,
            progress=progress,
        )
        job.status, job.finished_at = ImportJob.Status.DONE, timezone.now()
        job.total_rows, job.processed_rows = validation.total, len(validation.rows)
        job.created_count, job.updated_count = outcome.created, outcome.updated
        job.errors = [error.as_json() for error in validation.errors]
        job.save()
        record_import(actor=job.created_by, job=job, outcome=outcome)


def record_import(*, actor, job: ImportJob, outcome: Outcome) -> None:
    """One audit event per applied import: who, which file, how many people it touched."""
    audit.record(
        actor=actor,
        action="import",
        obj=job.original_name,
        job=job.pk,
        created=outcome.created,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        rejected=outcome.rejected,
        joined=outcome.joined,
        training_class=job.training_class.slug if job.training_class_id else None,
    )


def job_queued(job: ImportJob) -> None:
    """Mark a confirmed job as waiting for a worker, for the status page."""
    cache.set(progress_key(job.pk), {"phase": "queued", "processed": 0}, 3600)


def job_progress(job: ImportJob) -> dict:
    """What the status page shows; while the task runs, live figures come from the cache."""
    live = cache.get(progress_key(job.pk)) if job.status in ("validated", "running") else None
    processed = live["processed"] if live else job.processed_rows
    planned = max(job.total_rows - len(job.errors), 1)
    return {
        "status": job.status,
        "label": str(job.get_status_display()),
        "phase": live["phase"] if live else job.status,
        "processed": processed,
        "total": planned,
        "percent": min(100, round(100 * processed / planned)),
        "created": job.created_count,
        "updated": job.updated_count,
        "finished": job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED),
    }


def job_errors(job: ImportJob) -> list[tuple[int | None, Message]]:
    return [(error.get("line"), Message.from_json(error)) for error in job.errors]


# --- The template -------------------------------------------------------------------------------


def template_workbook() -> bytes:
    """The .xlsx template: Vietnamese headers with a note on each, a guide sheet with an example
    row, and the audience groups to choose from."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    sheet.append([column.header for column in COLUMNS])
    for index, column in enumerate(COLUMNS):
        cell = sheet.cell(row=1, column=index + 1)
        cell.font, cell.fill, cell.comment = bold, fill, Comment(str(column.note), "LMS 407")
        sheet.column_dimensions[column_letter(index)].width = max(14, len(column.header) + 6)
        if column.field in ("phone", "national_id"):  # text, so Excel keeps the leading zero
            for row in range(2, 1002):
                sheet.cell(row=row, column=index + 1).number_format = "@"
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append([str(_("Column")), str(_("Note")), str(_("Example"))])
    for column in COLUMNS:
        guide.append([column.header, str(column.note), column.example])
    guide.append([])
    guide.append([str(_("An example row (type your people in the first sheet):"))])
    guide.append([column.header for column in COLUMNS])
    guide.append([column.example for column in COLUMNS])
    for cell in (*guide[1], *guide[guide.max_row - 1]):
        cell.font = bold
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 24, 80
    lists = workbook.create_sheet("Danh mục")
    lists.append(["Đối tượng"])
    for name in AudienceGroup.objects.values_list("name", flat=True):
        lists.append([name])
    if lists.max_row > 1:
        letter = column_letter([c.field for c in COLUMNS].index("audience"))
        choice = DataValidation(type="list", formula1=f"='Danh mục'!$A$2:$A${lists.max_row}")
        choice.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
        sheet.add_data_validation(choice)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
