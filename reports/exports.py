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
    from . import xlsx

    labels = metric_labels()
    titles = sheet_titles()
    book = xlsx.Book()

    def style_of(metric, bold=False):
        if metric in RATE_METRICS:
            return xlsx.BOLD_RATE if bold else xlsx.RATE
        return xlsx.BOLD_COUNT if bold else xlsx.COUNT

    def figure_of(row, metric, bold=False):
        """(value, style): the figure, or its hidden mark ("<5", "x") aligned like numbers."""
        mark = hidden_mark(report, row, metric)
        if mark:
            return mark, xlsx.BOLD_RIGHT if bold else xlsx.RIGHT
        return row.get(metric), style_of(metric, bold)

    # Summary.
    sheet = book.sheet(titles["summary"], widths=[44, 24], freeze="A2")
    sheet.append([_("Training report"), _("Value")], [xlsx.HEADER, xlsx.HEADER])
    for label, value in summary_lines(report):
        sheet.append([label, value])
    for metric in metric_columns("total"):
        value, style = figure_of(report["totals"], metric)
        sheet.append([labels[metric], value], [xlsx.DEFAULT, style])
    sheet.append([])
    sheet.append([_("Summary paragraph")], [xlsx.BOLD])
    sheet.append([summary_paragraph(report)], [xlsx.WRAP])

    from .figures import mode_names as _mode_names

    mode_names = _mode_names()
    for name in SHEET_ORDER:
        rows = table_rows(report, name)
        lead = leading_columns(name)
        metrics = metric_columns(name)
        widths = [12] * len(lead) + [14] * len(metrics)
        for index, (key, _header) in enumerate(lead):
            if key in ("label", "province_label", "audience_label"):
                widths[index] = 40 if name != "class" else 60
        freeze = "A2" if len(lead) < 2 else f"{xlsx.column_letter(len(lead) + 1)}2"
        sheet = book.sheet(titles[name], widths=widths, freeze=freeze)
        sheet.append(
            [h for _k, h in lead] + [labels[m] for m in metrics],
            [xlsx.HEADER] * (len(lead) + len(metrics)),
        )
        plain = [xlsx.DEFAULT] * len(lead) + [style_of(m) for m in metrics]
        for row in rows:
            values = [row.get(key) for key, _h in lead]
            if name == "class":
                at = [key for key, _h in lead].index("mode")
                values[at] = mode_names.get(values[at], values[at])
            styles = plain
            for metric in metrics:
                mark = hidden_mark(report, row, metric)
                if mark:
                    if styles is plain:
                        styles = list(plain)
                    styles[len(values)] = xlsx.RIGHT
                    values.append(mark)
                else:
                    values.append(row.get(metric))
            sheet.append(values, styles)
        total, styles = [total_label(report, name)] + [None] * (len(lead) - 1), [xlsx.BOLD]
        styles += [xlsx.DEFAULT] * (len(lead) - 1)
        for metric in metrics:
            value, style = figure_of(report["totals"], metric, bold=True)
            total.append(value)
            styles.append(style)
        sheet.append(total, styles)
        if report.get("not_additive", {}).get(name):
            sheet.append(
                [
                    _(
                        "Note: a person may appear in several rows of this table; the total "
                        "counts each person once."
                    )
                ]
            )
    return book.save()


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
