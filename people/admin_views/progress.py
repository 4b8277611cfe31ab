"""A class's progress in one of its courses, for its trainers: a grid of members × lessons, and
the same grid as an .xlsx file.

Mounted at /admin/lop-hoc/<id>/tien-do/ by people/wagtail_hooks.py, beside the other class
screens. Query parameters: `khoa-hoc` (a course of the class, by id; the first by default),
`trang-thai` (completed, in_progress or not_started, at course level), `q` (part of a name, with
or without diacritics) and `dinh-dang=xlsx` for the file. Open to the class's trainers, admins
and statisticians whose jurisdiction holds the class (read-only, as the printed roster); anyone
else gets the 403 page. Both the screen and the file show personal data: each is written to
the audit log (a view, an export).
"""

import io

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from courses.grid import class_progress_grid
from courses.selectors import COMPLETED, IN_PROGRESS, NOT_STARTED

from .. import audit
from .classes import class_view

TEMPLATE = "people/admin/class_progress.html"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Short symbols on screen, each with its words for screen readers (and in the legend).
STATES = [
    (COMPLETED, "✓", gettext_lazy("Completed")),
    (IN_PROGRESS, "◐", gettext_lazy("In progress")),
    (NOT_STARTED, "–", gettext_lazy("Not started")),
]

# The file is a Vietnamese working document whatever the screen language, as the sign-in sheet.
HEADER_ROW = 5
SHEET_STATE = {IN_PROGRESS: "Đang học", NOT_STARTED: "Chưa học"}
SHEET_STATUS = {COMPLETED: "Hoàn thành", IN_PROGRESS: "Đang học", NOT_STARTED: "Chưa bắt đầu"}
SHEET_NOT_ENROLLED = "Chưa ghi danh"
SHEET_UNENROLLED = "đã rút khỏi khoá học"
SHEET_BEFORE = ["STT", "Họ và tên", "Xã, phường", "Cơ quan"]
SHEET_AFTER = [
    "Số bài bắt buộc đã hoàn thành",
    "Tỷ lệ hoàn thành (%)",
    "Ngày hoàn thành khoá học",
    "Điểm (%)",
    "Trạng thái",
]
SHEET_TOTAL = "Tổng cộng"


def _selected_course(request, courses):
    """The course asked for in `khoa-hoc` (404 if it is not one of the class's), else the first."""
    wanted = request.GET.get("khoa-hoc", "")
    if not wanted:
        return courses[0]
    for course in courses:
        if str(course.pk) == wanted:
            return course
    raise Http404


@class_view(read_only=True)
def class_progress(request, training_class):
    courses = list(training_class.courses.order_by("path"))
    context = {
        "training_class": training_class,
        "current": "progress",
        "page_title": _("Progress"),
        "courses": courses,
        "states": STATES,
    }
    if not courses:
        return TemplateResponse(request, TEMPLATE, context)
    course = _selected_course(request, courses)
    grid = class_progress_grid(
        training_class=training_class,
        course=course,
        status=request.GET.get("trang-thai"),
        query=request.GET.get("q"),
    )
    if request.GET.get("dinh-dang") == "xlsx":
        return _xlsx_response(request, grid)
    audit.record(
        actor=request.user,
        action="view",
        obj=training_class,
        screen="progress",
        course=course.pk,
        count=len(grid["rows"]),
    )
    export = request.GET.copy()
    export["khoa-hoc"] = str(course.pk)
    export["dinh-dang"] = "xlsx"
    context.update(
        course=course,
        grid=grid,
        rows=[_screen_row(row) for row in grid["rows"]],
        filtered=bool(grid["status"] or grid["query"]),
        export_query=export.urlencode(),
        status_choices=[(value, label) for value, _symbol, label in STATES],
    )
    return TemplateResponse(request, TEMPLATE, context)


_SYMBOLS = {value: (symbol, label) for value, symbol, label in STATES}


def _screen_row(row: dict) -> dict:
    """A grid row with each state's symbol and its words for screen readers."""
    return {
        **row,
        "cells": [
            {**cell, "symbol": _SYMBOLS[cell["state"]][0], "label": _SYMBOLS[cell["state"]][1]}
            for cell in row["cells"]
        ],
        "status_label": _SYMBOLS[row["status"]][1],
    }


# The file --------------------------------------------------------------------------------


def _lesson_header(item: dict) -> str:
    title = item["lesson"].title
    return f"{item['module_title']}: {title}" if item["module_title"] else title


def _sheet_status(row: dict) -> str:
    enrolment = row["enrolment"]
    if enrolment is None:
        return SHEET_NOT_ENROLLED
    text = SHEET_STATUS[row["status"]]
    return f"{text} ({SHEET_UNENROLLED})" if enrolment["unenrolled"] else text


def progress_workbook(grid: dict) -> bytes:
    """The grid as an .xlsx file: a title, the header row (frozen), one row per member, one
    column per lesson (the date it was completed, or its state), then a totals row."""
    training_class, course, rows = grid["training_class"], grid["course"], grid["rows"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tiến độ học tập"
    sheet.append([training_class.title])
    sheet.append([f"Khoá học: {course.title}"])
    note = f"Ngày xuất: {timezone.localdate():%d/%m/%Y}"
    if grid["status"]:
        note += f" · Trạng thái: {SHEET_STATUS[grid['status']]}"
    if grid["query"]:
        note += f" · Tìm theo tên: {grid['query']}"
    sheet.append([note])
    sheet.append([])
    lessons = grid["lessons"]
    sheet.append([*SHEET_BEFORE, *(_lesson_header(item) for item in lessons), *SHEET_AFTER])
    for number, row in enumerate(rows, 1):
        enrolment = row["enrolment"] or {}
        sheet.append(
            [
                number,
                row["name"],
                str(row["commune"]) if row["commune"] else "",
                str(row["agency"]) if row["agency"] else "",
                *(cell["completed_on"] or SHEET_STATE[cell["state"]] for cell in row["cells"]),
                f"{row['done']}/{row['total']}",
                row["percent"],
                enrolment.get("completed_on"),
                float(enrolment["score"]) if enrolment.get("score") is not None else None,
                _sheet_status(row),
            ]
        )
    completed = sum(1 for row in rows if row["status"] == COMPLETED)
    lesson_totals = [
        sum(1 for row in rows if row["cells"][index]["state"] == COMPLETED)
        for index in range(len(lessons))
    ]
    mean = round(sum(row["percent"] for row in rows) / len(rows)) if rows else 0
    sheet.append(
        [
            None,
            SHEET_TOTAL,
            f"{len(rows)} học viên",
            None,
            *lesson_totals,
            None,
            mean,
            completed,
            None,
            f"{completed}/{len(rows)} hoàn thành",
        ]
    )
    _style(sheet, lessons=len(lessons), rows=len(rows))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _style(sheet, *, lessons: int, rows: int) -> None:
    thin = Side(style="thin")
    columns = len(SHEET_BEFORE) + lessons + len(SHEET_AFTER)
    last = HEADER_ROW + rows + 1
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"].font = Font(bold=True)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in sheet[last]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=last, max_col=columns):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if hasattr(cell.value, "year"):
                cell.number_format = "dd/mm/yyyy"
                cell.alignment = Alignment(horizontal="center")
    widths = [6, 28, 22, 30, *([14] * lessons), 14, 12, 14, 9, 22]
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)


def _xlsx_response(request, grid: dict) -> HttpResponse:
    training_class, course = grid["training_class"], grid["course"]
    audit.record(
        actor=request.user,
        action="export",
        obj=training_class,
        screen="progress xlsx",
        course=course.pk,
        count=len(grid["rows"]),
    )
    response = HttpResponse(progress_workbook(grid), content_type=XLSX)
    name = f"tien-do-{training_class.slug}-{course.slug}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


admin_urlpatterns = [
    path("lop-hoc/<int:pk>/tien-do/", class_progress, name="people_class_progress"),
]
menu_items: list = []
