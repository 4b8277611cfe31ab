"""Our .xlsx template for questions: read, write a bank, and the blank template.

One sheet “Câu hỏi”, one question per row, Vietnamese headers (English ones are accepted too):
Danh mục, Loại, Tiêu đề, Câu hỏi, Điểm, Phương án 1..8, Trọng số 1..8 (%), Phản hồi 1..8,
Giải thích, Thẻ, Không phân biệt hoa thường, Không phân biệt dấu. A second sheet “Hướng dẫn”
explains each column and shows an example row of each type.

A workbook is checked from its zip directory (people.imports._check_xlsx) before openpyxl opens
it, then streamed row by row; each problem names its row.
"""

from __future__ import annotations

import datetime
import re
import warnings
from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext_lazy as _

from people.imports import ImportFileError, _check_xlsx, column_letter, header_key

from .imports import (
    FALSE_TEXT,
    TRUE_TEXT,
    Parsed,
    ParsedChoice,
    ParsedQuestion,
    Problem,
    QuestionFileError,
    category_path,
    category_text,
    looks_like_html,
    nfc,
    parse_weight,
    plain_to_html,
    title_from_text,
    weight_text,
)
from .models import Question, QuestionBank

SHEET, GUIDE = "Câu hỏi", "Hướng dẫn"
TEMPLATE_CHOICES = 8
MAX_CHOICES = 20
MAX_COLUMNS = 12 + 3 * MAX_CHOICES
MAX_CELL_CHARS = 10_000
HEADER_SEARCH_ROWS = 10

# field: (Vietnamese header, English header, note for the guide)
COLUMNS = {
    "category": ("Danh mục", "Category", _("Category path, sub-categories after a slash: “Chuyên đề 1/Khái niệm”. Empty: no category.")),
    "kind": ("Loại", "Type", _("Một lựa chọn, Nhiều lựa chọn, Đúng-Sai, Trả lời ngắn or Tự luận (or single, multiple, truefalse, short, essay).")),
    "title": ("Tiêu đề", "Title", _("Short title for lists and reports; a question with the same category and title is updated on the next import. Empty: the start of the question.")),
    "text": ("Câu hỏi", "Question", _("The question. Line breaks are kept.")),
    "points": ("Điểm", "Points", _("Points for a full answer. Empty: 1 (or unchanged).")),
    "choice": ("Phương án", "Choice", _("A choice, or an accepted answer for a short answer. For Đúng-Sai write “Đúng” or “Sai”: the right answer.")),
    "weight": ("Trọng số", "Weight", _("Share of the points in %: single choice 100 for the right answer and 0 (or less) for the others; multiple response, the right ones add up to 100 and wrong ones may be negative; short answer 100 (empty means 100).")),
    "feedback": ("Phản hồi", "Feedback", _("Shown to the trainee who chose this answer. Optional.")),
    "explanation": ("Giải thích", "Explanation", _("General explanation shown after answering. Optional.")),
    "tags": ("Thẻ", "Tags", _("Tags separated by commas. Optional.")),
    "ignore_case": ("Không phân biệt hoa thường", "Ignore case", _("Short answer: “Có” to accept any upper or lower case (the default).")),
    "ignore_diacritics": ("Không phân biệt dấu", "Ignore diacritics", _("Short answer: “Có” to accept answers typed without Vietnamese diacritics.")),
}  # fmt: skip
NUMBERED = ("choice", "weight", "feedback")
KINDS = {
    "mot lua chon": Question.Kind.SINGLE,
    "single": Question.Kind.SINGLE,
    "nhieu lua chon": Question.Kind.MULTIPLE,
    "multiple": Question.Kind.MULTIPLE,
    "dung sai": Question.Kind.TRUE_FALSE,
    "truefalse": Question.Kind.TRUE_FALSE,
    "true false": Question.Kind.TRUE_FALSE,
    "tra loi ngan": Question.Kind.SHORT,
    "short": Question.Kind.SHORT,
    "tu luan": Question.Kind.ESSAY,
    "essay": Question.Kind.ESSAY,
}
KIND_NAMES = {
    Question.Kind.SINGLE: "Một lựa chọn",
    Question.Kind.MULTIPLE: "Nhiều lựa chọn",
    Question.Kind.TRUE_FALSE: "Đúng-Sai",
    Question.Kind.SHORT: "Trả lời ngắn",
    Question.Kind.ESSAY: "Tự luận",
}
YES = {"co", "x", "1", "true", "yes", "dung", "c", "y"}
NO = {"khong", "0", "false", "no", "sai", "k", "n"}
TRUTH = {"dung": True, "true": True, "t": True, "d": True, "sai": False, "false": False, "f": False, "s": False}  # fmt: skip

HEADERS: dict[str, tuple[str, int]] = {}
for _field, (_vi, _en, _note) in COLUMNS.items():
    if _field not in NUMBERED:
        HEADERS[header_key(_vi)] = (_field, 0)
        HEADERS[header_key(_en)] = (_field, 0)
for _n in range(1, MAX_CHOICES + 1):
    for _field in NUMBERED:
        _vi, _en, _note = COLUMNS[_field]
        HEADERS[header_key(f"{_vi} {_n}")] = (_field, _n)
        HEADERS[header_key(f"{_en} {_n}")] = (_field, _n)


def headers(choices: int = TEMPLATE_CHOICES) -> list[str]:
    names = [COLUMNS[f][0] for f in ("category", "kind", "title", "text", "points")]
    for n in range(1, choices + 1):
        names += [f"Phương án {n}", f"Trọng số {n} (%)", f"Phản hồi {n}"]
    names += [COLUMNS[f][0] for f in ("explanation", "tags", "ignore_case", "ignore_diacritics")]
    return names


# --- Reading -------------------------------------------------------------------------------------


def _cell(value, row: int, index: int):
    """Text (NFC, line breaks kept), or a number as it is; a formula or a huge cell ends the read."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    if not isinstance(value, str) or value.startswith("="):
        raise QuestionFileError("formula", cell=f"{column_letter(index)}{row}")
    if len(value) > MAX_CELL_CHARS:
        raise QuestionFileError("long_cell", cell=f"{column_letter(index)}{row}", limit=MAX_CELL_CHARS)  # fmt: skip
    return nfc(value.replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")).strip()


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(handle):
    from openpyxl import load_workbook

    try:
        _check_xlsx(handle)
    except ImportFileError as refused:  # not a zip, a zip bomb, not a workbook
        raise QuestionFileError(refused.code, message=refused.message) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(handle, read_only=True, data_only=False)
    except Exception:  # openpyxl raises a dozen types for a broken file
        raise QuestionFileError(message=ImportFileError("damaged").message) from None
    try:
        names = workbook.sheetnames
        if SHEET in names:
            sheet = workbook[SHEET]
        elif names and names[0] != GUIDE:
            sheet = workbook.worksheets[0]
        else:
            raise QuestionFileError("no_sheet")
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
            yield number, [_cell(v, number, i) for i, v in enumerate(row)]
    except QuestionFileError:
        raise
    except Exception:  # broken XML or a bad CRC half-way through the sheet
        raise QuestionFileError(message=ImportFileError("damaged").message) from None
    finally:
        workbook.close()


def _header(rows) -> dict[int, tuple[str, int]]:
    for count, (_number, row) in enumerate(rows, start=1):
        keys = [header_key(_text(v)) if v != "" else "" for v in row]
        if sum(1 for key in keys if key in HEADERS) >= 2:
            unknown = [_text(row[i])[:40] for i, key in enumerate(keys) if key and key not in HEADERS]  # fmt: skip
            if unknown:
                names = ", ".join(f"“{name}”" for name in unknown[:5])
                raise QuestionFileError("unknown_columns", names=names)
            columns: dict[int, tuple[str, int]] = {}
            for index, key in enumerate(keys):
                if not key:
                    continue
                if HEADERS[key] in columns.values():
                    raise QuestionFileError("duplicate_column", name=_text(row[index]))
                columns[index] = HEADERS[key]
            for needed in ("kind", "text"):
                if (needed, 0) not in columns.values():
                    raise QuestionFileError("missing_column", name=COLUMNS[needed][0])
            return columns
        if count >= HEADER_SEARCH_ROWS:
            break
    raise QuestionFileError("no_header")


def read(handle) -> Parsed:
    parsed = Parsed()
    rows = _rows(handle)
    columns = _header(rows)
    for number, row in rows:
        if all(v == "" for v in row):
            continue
        values = {key: row[i] if i < len(row) else "" for i, key in columns.items()}
        if question := _question(number, values, parsed):
            parsed.questions.append(question)
    return parsed


def _flag(values: dict, field: str, number: int, parsed: Parsed) -> bool | None:
    if (field, 0) not in values:
        return None
    value = values[(field, 0)]
    if isinstance(value, bool):
        return value
    key = header_key(_text(value))
    if not key:
        return None
    if key in YES or key in NO:
        return key in YES
    parsed.problems.append(Problem.of(number, "bad_flag", column=COLUMNS[field][0]))
    return None


def _question(number: int, values: dict, parsed: Parsed) -> ParsedQuestion | None:
    def refuse(code: str, **params) -> None:
        parsed.problems.append(Problem.of(number, code, **params))

    def get(name: str, n: int = 0) -> str:
        value = values.get((name, n), "")
        return value if isinstance(value, str) else _text(value)

    kind = KINDS.get(header_key(get("kind")))
    if kind is None:
        refuse("bad_kind", value=get("kind")[:40])
        return None
    text = get("text")
    text_html = text if looks_like_html(text) else _plain(text)
    explanation = get("explanation")
    points = None
    if (raw := values.get(("points", 0), "")) != "":
        points = parse_weight(_text(raw))
        if points is None or not 0 <= points <= 9999:
            refuse("bad_points", value=_text(raw)[:20])
            points = None
    choices = []
    for n in range(1, MAX_CHOICES + 1):
        choice, weight, feedback = get("choice", n), get("weight", n), get("feedback", n)
        if not choice:
            if weight or feedback:
                refuse("weight_without_choice", number=n)
            continue
        if weight:
            value = parse_weight(weight.rstrip("%"))
            if value is None:
                refuse("bad_weight", value=weight[:20])
                continue
        else:
            value = Decimal(100 if kind == Question.Kind.SHORT else 0)
        choices.append(ParsedChoice(choice, value, feedback))
    if kind == Question.Kind.TRUE_FALSE:
        choices = _true_false(choices)
    tags = None
    if ("tags", 0) in values:
        tags = [nfc(t.strip()) for t in get("tags").split(",") if t.strip()]
    question = ParsedQuestion(
        line=number,
        kind=kind,
        title=re.sub(r"\s+", " ", get("title")).strip() or title_from_text(text_html),
        text=text_html,
        category=category_path(get("category")),
        choices=choices,
        explanation=(explanation if looks_like_html(explanation) else _plain(explanation)),
        points=points,
        ignore_case=_flag(values, "ignore_case", number, parsed),
        ignore_diacritics=_flag(values, "ignore_diacritics", number, parsed),
        tags=tags,
    )
    return question


def _plain(text: str) -> str:
    return plain_to_html(text) if text else ""


def _true_false(choices: list[ParsedChoice]) -> list[ParsedChoice]:
    """“Đúng” or “Sai” alone names the right answer; two rows keep their weights."""
    named = [(TRUTH.get(header_key(c.text)), c) for c in choices]
    if any(truth is None for truth, _c in named):
        return choices  # refused by the checks, naming the two answers expected
    if len(named) == 1:
        right = named[0][0]
        feedback = named[0][1].feedback
        return [
            ParsedChoice(TRUE_TEXT, Decimal(100 if right else 0), feedback if right else ""),
            ParsedChoice(FALSE_TEXT, Decimal(0 if right else 100), "" if right else feedback),
        ]
    ordered = sorted(named, key=lambda pair: not pair[0])
    return [
        ParsedChoice(TRUE_TEXT if truth else FALSE_TEXT, c.weight, c.feedback)
        for truth, c in ordered
    ]


# --- Writing -------------------------------------------------------------------------------------


def _number(value: Decimal):
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _row(question: Question, path: tuple[str, ...], width: int) -> list:
    choices = list(question.choices.all())
    row = [
        category_text(path),
        KIND_NAMES[question.kind],
        question.title,
        question.text,
        _number(question.points),
    ]
    for n in range(width):
        if n < len(choices):
            c = choices[n]
            row += [c.text, _number(c.weight), c.feedback]
        else:
            row += ["", "", ""]
    row += [
        question.explanation,
        ", ".join(sorted(question.tags.names())),
        "Có" if question.ignore_case else "Không",
        "Có" if question.ignore_diacritics else "Không",
    ]
    return row


def _workbook(rows: list[list], choices: int):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(headers(choices))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text that starts with "=" stays text
    for index, name in enumerate(headers(choices)):
        sheet.column_dimensions[column_letter(index)].width = 40 if name == "Câu hỏi" else 16
    sheet.freeze_panes = "A2"
    return workbook


def _guide(workbook) -> None:
    from openpyxl.styles import Font

    guide = workbook.create_sheet(GUIDE)
    bold = Font(bold=True)
    guide.append([str(_("Column")), str(_("Note"))])
    for field, (vi, _en, note) in COLUMNS.items():
        name = f"{vi} 1..{TEMPLATE_CHOICES}" if field in NUMBERED else vi
        guide.append([name, str(note)])
    guide.append([])
    guide.append([str(_("Examples (copy a row into the sheet “Câu hỏi”):"))])
    guide.append(headers())
    for row in EXAMPLES:
        guide.append(row + [""] * (len(headers()) - len(row)) if len(row) < len(headers()) else row)
    for cell in (*guide[1], *guide[len(COLUMNS) + 4]):
        cell.font = bold
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 28, 100


def _example(category, kind, title, text, points, choices, explanation="", tags="", case="Có", marks="Không"):  # fmt: skip
    row = [category, kind, title, text, points]
    for n in range(TEMPLATE_CHOICES):
        row += list(choices[n]) if n < len(choices) else ["", "", ""]
    return row + [explanation, tags, case, marks]


EXAMPLES = [
    _example("Chuyên đề 1/Khái niệm", "Một lựa chọn", "Thời hạn lấy ý kiến", "Dự thảo văn bản quy phạm pháp luật được đăng tải để lấy ý kiến trong thời gian tối thiểu bao lâu?", 1, [("30 ngày", 100, "Đúng: ít nhất 30 ngày."), ("10 ngày", 0, ""), ("60 ngày", 0, "")], "Luật Ban hành văn bản quy phạm pháp luật quy định ít nhất 30 ngày.", "luật, thời hạn"),
    _example("Chuyên đề 1/Khái niệm", "Nhiều lựa chọn", "Kênh truyền thông", "Những kênh nào dùng để truyền thông dự thảo chính sách?", 2, [("Cổng thông tin điện tử", 50, ""), ("Hội nghị, hội thảo", 50, ""), ("Thư riêng cho từng người", -100, "Không phải kênh truyền thông công khai.")]),
    _example("Chuyên đề 2", "Đúng-Sai", "Dự thảo là quy định", "Dự thảo chính sách đã có hiệu lực thi hành.", 1, [("Sai", "", "Dự thảo chưa có hiệu lực.")]),
    _example("Chuyên đề 2", "Trả lời ngắn", "Số quyết định", "Quyết định của Thủ tướng về truyền thông dự thảo chính sách có số hiệu là gì?", 1, [("407/QĐ-TTg", 100, ""), ("407", 100, "")], marks="Có"),
    _example("Chuyên đề 3", "Tự luận", "Kế hoạch truyền thông", "Trình bày các bước xây dựng kế hoạch truyền thông một dự thảo chính sách.", 5, []),
]  # fmt: skip


def _save(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write(bank: QuestionBank) -> bytes:
    """The bank in our template; importing it gives back the same questions."""
    from .imports import _category_paths

    paths = {pk: path for path, pk in _category_paths(bank.pk).items()}
    questions = list(
        Question.objects.filter(bank=bank)
        .prefetch_related("choices", "tagged_items__tag")
        .order_by("pk")
    )
    width = max([TEMPLATE_CHOICES, *(len(q.choices.all()) for q in questions)])
    rows = [_row(q, paths.get(q.category_id, ()), width) for q in questions]
    workbook = _workbook(rows, width)
    _guide(workbook)
    return _save(workbook)


def template() -> bytes:
    """The blank template: headers in “Câu hỏi”, the notes and an example of each type in
    “Hướng dẫn”."""
    workbook = _workbook([], TEMPLATE_CHOICES)
    _guide(workbook)
    return _save(workbook)


__all__ = ["read", "write", "template", "headers", "weight_text"]
