"""A report (the dict of `reports.figures.compute`) as XLSX, DOCX or JSON bytes.

All three are written from the same dict, so their numbers are the same numbers: the DOCX
paragraph is built from the totals and the audience and mode tables it sits above.
"""

from __future__ import annotations

import io
import json
from datetime import date

from django.utils.translation import gettext as _

from .figures import BASES, NOT_APPLICABLE, metric_labels

SHEET_ORDER = [
    "audience",
    "province",
    "commune",
    "course",
    "class",
    "mode",
    "sex",
    "origin",
    "province_audience",
    "monthly",
]
RATE_METRICS = {"completion_rate", "quiz_pass_rate", "quiz_mean_score"}
# Rows above which a table is left out of the DOCX (it stays in the XLSX).
DOCX_MAX_ROWS = 300


def sheet_titles() -> dict:
    return {
        "summary": _("Summary"),
        "audience": _("Audience groups"),
        "province": _("Provinces"),
        "commune": _("Communes"),
        "course": _("Courses table"),
        "class": _("Training classes"),
        "mode": _("Modes"),
        "sex": _("Sex table"),
        "origin": _("Attendees' provinces"),
        "province_audience": _("Province x audience"),
        "monthly": _("Months"),
    }


def metric_columns(name: str) -> list[str]:
    """The metric columns of a table: those that apply to it, then the bases of its rates."""
    from .figures import METRICS

    skip = NOT_APPLICABLE.get(name, set())
    return [m for m in METRICS + BASES if m not in skip]


def leading_columns(name: str) -> list[tuple[str, str]]:
    """(row key, header) of the descriptive columns before the metrics."""
    code, label = _("Code"), _("Name")
    return {
        "commune": [
            ("key", _("Commune code")),
            ("label", _("Commune")),
            ("province", _("Province code")),
            ("province_label", _("Province")),
        ],
        "class": [("key", code), ("label", _("Training class")), ("mode", _("Mode")),
                  ("province", _("Province code"))],
        "province_audience": [
            ("province", _("Province code")),
            ("province_label", _("Province")),
            ("audience", _("Audience code")),
            ("audience_label", _("Audience group")),
        ],
        "monthly": [("month", _("Month"))],
    }.get(name, [("key", code), ("label", label)])  # fmt: skip


def table_rows(report: dict, name: str) -> list[dict]:
    if name == "province_audience":
        return report["province_audience"]
    if name == "monthly":
        return report["monthly"]
    return report["breakdowns"][name]


def total_label(report: dict, name: str) -> str:
    if report.get("not_additive", {}).get(name):
        return _("Total (people counted once)")
    return _("Total")


def period_text(report: dict) -> str:
    """ "Năm 2026", "6 tháng đầu năm 2026", or "Từ ngày ... đến ngày ..."."""
    query = report["query"]
    start, end = date.fromisoformat(query["start"]), date.fromisoformat(query["end"])
    if start.year == end.year and (start.month, start.day) == (1, 1):
        if (end.month, end.day) == (12, 31):
            return _("In %(year)s") % {"year": start.year}
        if (end.month, end.day) == (6, 30):
            return _("In the first six months of %(year)s") % {"year": start.year}
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (7, 1, 12, 31):
        return _("In the last six months of %(year)s") % {"year": start.year}
    return _("From %(start)s to %(end)s") % {
        "start": start.strftime("%d/%m/%Y"),
        "end": end.strftime("%d/%m/%Y"),
    }


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def number(value) -> str:
    """A count the Vietnamese way: 12.345."""
    if value is None:
        return "—"
    return f"{value:,}".replace(",", ".")


def hidden_mark(report: dict, row: dict, metric: str) -> str | None:
    """How a cell hidden by reports.privacy is shown: "<5" for a count under 5, "x" for a cell
    hidden so that such a count cannot be worked out; None for a cell that is shown."""
    if metric in row.get("suppressed_secondary", ()):
        return "x"
    if metric in row.get("suppressed", ()):
        minimum = report.get("suppression", {}).get("minimum", 5)
        return f"<{minimum}"
    return None


def figure(report: dict, row: dict, metric: str) -> str:
    """A count of a row for a sentence, or its hidden mark."""
    return hidden_mark(report, row, metric) or number(row.get(metric))


def rate(value) -> str:
    return f"{value:.1f}".replace(".", ",")


def summary_paragraph(report: dict) -> str:
    """The ready-to-paste paragraph, every number taken from the report's tables."""
    totals = report["totals"]
    query = report["query"]
    modes = {row["key"]: row for row in report["breakdowns"]["mode"]}
    mode_parts = [
        _("%(n)s in person") % {"n": figure(report, modes["in_person"], "classes")},
        _("%(n)s online") % {"n": figure(report, modes["online"], "classes")},
        _("%(n)s blended") % {"n": figure(report, modes["blended"], "classes")},
    ]
    text = _(
        "%(period)s, %(subject)s organised %(classes)s training classes (%(modes)s) with "
        "%(attendances)s attendances of officials"
    ) % {
        "period": period_text(report),
        "subject": query.get("scope_subject") or query.get("scope_label", ""),
        "classes": figure(report, totals, "classes"),
        "modes": ", ".join(mode_parts),
        "attendances": figure(report, totals, "attendances"),
    }
    # The classes and attendances are those held in the jurisdiction; the people are those
    # recorded there, wherever they trained: the sentence says so.
    people = {
        "people": figure(report, totals, "people_trained"),
        "place": query.get("scope_place"),
    }
    if people["place"]:
        text += (
            _(
                "; %(people)s people recorded in %(place)s were trained (at a class or by "
                "completing a course)"
            )
            % people
        )
    else:
        text += (
            _("; %(people)s people were trained nationwide (at a class or by completing a course)")
            % people
        )
    audiences = [
        row
        for row in report["breakdowns"]["audience"]
        if row.get("people_trained") or "people_trained" in row.get("suppressed", ())
    ]
    if audiences:
        text += _(", including ") + "; ".join(
            _("%(n)s %(audience)s")
            % {
                "n": figure(report, row, "people_trained"),
                "audience": _lower_first(row["label"]),
            }
            for row in audiences
        )
    text += ". "
    text += _("There were %(enrolments)s course enrolments and %(completions)s completions") % {
        "enrolments": figure(report, totals, "enrolments"),
        "completions": figure(report, totals, "completions"),
    }
    if totals.get("completion_rate") is not None:
        text += _(" (completion rate %(rate)s%%)") % {"rate": rate(totals["completion_rate"])}
    text += "; "
    text += _("%(valid)s certificates were issued and remain valid, %(revoked)s were revoked.") % {
        "valid": figure(report, totals, "certificates_valid"),
        "revoked": figure(report, totals, "certificates_revoked"),
    }
    if query.get("effective_end") and query["effective_end"] != query["end"]:
        text += " " + _("Actual data up to %(day)s.") % {
            "day": date.fromisoformat(query["effective_end"]).strftime("%d/%m/%Y")
        }
    return text


def summary_lines(report: dict) -> list[tuple[str, object]]:
    query = report["query"]
    lines = [
        (_("Jurisdiction"), query.get("scope_label", "")),
        (_("From"), date.fromisoformat(query["start"]).strftime("%d/%m/%Y")),
        (_("To"), date.fromisoformat(query["end"]).strftime("%d/%m/%Y")),
        (
            _("Actual data up to"),
            date.fromisoformat(query["effective_end"]).strftime("%d/%m/%Y"),
        ),
    ]
    if report.get("suppression"):
        from .privacy import privacy_note

        lines.append((_("Privacy"), privacy_note(report)))
    return lines


# ---------------------------------------------------------------- XLSX


def report_xlsx(report: dict) -> bytes:
    """One summary sheet, then one sheet per table; header frozen, totals row last."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    labels = metric_labels()
    titles = sheet_titles()
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE7F0")
    wrap = Alignment(wrap_text=True, vertical="top")

    def styled(sheet, value, font=None, fill=None, fmt=None, align=None):
        cell = WriteOnlyCell(sheet, value=value)
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
        if fmt:
            cell.number_format = fmt
        if align:
            cell.alignment = align
        return cell

    def fmt_of(metric):
        return "0.0" if metric in RATE_METRICS else "#,##0"

    right = Alignment(horizontal="right")

    def value_cell(sheet, row, metric, fmt, font=None):
        """A figure, or its hidden mark ("<5", "x") as text aligned like the numbers."""
        mark = hidden_mark(report, row, metric)
        if mark:
            return styled(sheet, mark, font, align=right)
        return styled(sheet, row.get(metric), font, fmt=fmt)

    # Summary.
    sheet = book.create_sheet(titles["summary"])
    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions["B"].width = 24
    sheet.freeze_panes = "A2"
    sheet.append(
        [
            styled(sheet, _("Training report"), bold, header_fill),
            styled(sheet, _("Value"), bold, header_fill),
        ]
    )
    for label, value in summary_lines(report):
        sheet.append([label, value])
    for metric in metric_columns("total"):
        sheet.append([labels[metric], value_cell(sheet, report["totals"], metric, fmt_of(metric))])
    sheet.append([])
    sheet.append([styled(sheet, _("Summary paragraph"), bold)])
    sheet.append([styled(sheet, summary_paragraph(report), align=wrap)])

    for name in SHEET_ORDER:
        rows = table_rows(report, name)
        lead = leading_columns(name)
        metrics = metric_columns(name)
        sheet = book.create_sheet(titles[name])
        sheet.freeze_panes = "A2" if len(lead) < 2 else f"{get_column_letter(len(lead) + 1)}2"
        widths = [12] * len(lead) + [14] * len(metrics)
        for index, (key, _header) in enumerate(lead):
            if key in ("label", "province_label", "audience_label"):
                widths[index] = 40 if name != "class" else 60
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        header = [styled(sheet, h, bold, header_fill, align=wrap) for _k, h in lead]
        header += [styled(sheet, labels[m], bold, header_fill, align=wrap) for m in metrics]
        sheet.append(header)
        formats = [fmt_of(m) for m in metrics]
        # One styled cell per column, given each row's value in turn: openpyxl's write-only
        # sheet writes a row as it is appended, and making a styled cell per figure was most
        # of the time of a national export (20,000 classes).
        columns = [styled(sheet, None, fmt=fmt) for fmt in formats]
        mode_names = None
        if name == "class":
            from .figures import mode_names as _mode_names

            mode_names = _mode_names()
        for row in rows:
            values = []
            for key, _h in lead:
                value = row.get(key)
                if key == "mode" and mode_names is not None:
                    value = mode_names.get(value, value)
                values.append(value)
            for metric, column in zip(metrics, columns, strict=True):
                mark = hidden_mark(report, row, metric)
                value = row.get(metric)
                if mark:
                    values.append(styled(sheet, mark, align=right))
                elif value is None:
                    values.append(None)
                else:
                    column.value = value
                    values.append(column)
            sheet.append(values)
        total = [styled(sheet, total_label(report, name), bold)] + [None] * (len(lead) - 1)
        for metric, fmt in zip(metrics, formats, strict=True):
            total.append(value_cell(sheet, report["totals"], metric, fmt, bold))
        sheet.append(total)
        if report.get("not_additive", {}).get(name):
            sheet.append(
                [
                    _(
                        "Note: a person may appear in several rows of this table; the total "
                        "counts each person once."
                    )
                ]
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- DOCX


def report_docx(report: dict) -> bytes:
    """Title, the ready-to-paste paragraph, then the tables (very long ones left to the XLSX)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    labels = metric_labels()
    titles = sheet_titles()
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    heading = document.add_heading(
        _("Training report: %(scope)s") % {"scope": report["query"].get("scope_label", "")}, 0
    )
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for label, value in summary_lines(report):
        document.add_paragraph(f"{label}: {value}")
    document.add_heading(_("Summary paragraph"), 1)
    paragraph = document.add_paragraph(summary_paragraph(report))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    document.add_heading(titles["summary"], 1)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = _("Figure")
    table.rows[0].cells[1].text = _("Value")
    for metric in metric_columns("total"):
        cells = table.add_row().cells
        cells[0].text = labels[metric]
        cells[1].text = _cell_text(report, report["totals"], metric)

    for name in SHEET_ORDER:
        rows = table_rows(report, name)
        document.add_heading(titles[name], 1)
        if len(rows) > DOCX_MAX_ROWS:
            document.add_paragraph(
                _("%(n)s rows: see the XLSX export for this table.") % {"n": number(len(rows))}
            )
            continue
        lead = [c for c in leading_columns(name) if c[0] not in ("key", "province", "audience")]
        lead = lead or leading_columns(name)
        metrics = [m for m in metric_columns(name) if m not in BASES]
        table = document.add_table(rows=1, cols=len(lead) + len(metrics))
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, [h for _k, h in lead] + [labels[m] for m in metrics], strict=True
        ):
            cell.text = text
        for row in rows:
            cells = table.add_row().cells
            values = [str(row.get(k) or "") for k, _h in lead]
            values += [_cell_text(report, row, m) for m in metrics]
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
        cells = table.add_row().cells
        values = [total_label(report, name)] + [""] * (len(lead) - 1)
        values += [_cell_text(report, report["totals"], m) for m in metrics]
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cell_text(report: dict, row: dict, metric: str) -> str:
    mark = hidden_mark(report, row, metric)
    if mark:
        return mark
    value = row.get(metric)
    if value is None:
        return "—"
    if metric in RATE_METRICS:
        return rate(value)
    return number(value)


# ---------------------------------------------------------------- JSON


def report_json(report: dict) -> bytes:
    return json.dumps(report, ensure_ascii=False, indent=1, default=str).encode("utf-8")


EXPORTERS = {"xlsx": report_xlsx, "docx": report_docx, "json": report_json}
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
}
