"""Importing questions into a bank, from GIFT (assessments/gift.py) or our .xlsx template
(assessments/question_xlsx.py): `import_questions` and the admin's upload → preview → confirm.

Both readers turn a file into `ParsedQuestion`s and a list of `Problem`s (line or row number and
an English msgid, rendered in the active language). `plan` checks every question against Moodle's
rules and the bank as it is now, and decides create / update / unchanged: a question is the same
question when it has the same category and title. `apply` writes a plan without problems in one
transaction; a file with any problem saves nothing.

The file-level checks and messages are those of people/imports.py (zip directory checks before
openpyxl opens an .xlsx, `Message` rendered in Vietnamese or English).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from django.db import transaction
from django.utils.translation import gettext_noop

from people.imports import MAX_FILE_BYTES, Message, _size

from .models import AttemptChoice, Choice, Question, QuestionBank, QuestionCategory

MAX_TITLE = 255
MAX_CHOICE = 1000
MAX_CATEGORY = 200
MAX_QUESTIONS = 5_000
TITLE_FROM_TEXT = 100  # a question without a title is named after the start of its text
TRUE_TEXT, FALSE_TEXT = "Đúng", "Sai"
KINDS = {kind.value for kind in Question.Kind}

MESSAGES = {
    # The whole file
    "file_type": gettext_noop("Only GIFT (.gift, .txt) and .xlsx files can be imported."),
    "empty": gettext_noop("The file is empty."),
    "too_big": gettext_noop("The file is larger than %(limit)s MB; split it into smaller files."),
    "not_utf8": gettext_noop("Line %(line)s is not UTF-8 text: save the file again as “UTF-8”."),
    "no_questions": gettext_noop("The file holds no questions."),
    "too_many": gettext_noop("The file has more than %(limit)s questions; split it into smaller files."),
    "bank_name": gettext_noop("Give the name of the question bank (at most 200 characters)."),
    "conflict": gettext_noop("The bank was changed while the file was being imported; nothing was saved, try again."),
    # GIFT
    "unclosed_brace": gettext_noop("The answers opened with “{” on this line are never closed with “}”."),
    "stray_brace": gettext_noop("A “}” without its “{”: put a backslash before a brace that belongs to the text."),
    "two_blocks": gettext_noop("A question can have only one block of answers { … }."),
    "unclosed_title": gettext_noop("The title opened with “::” is not closed with “::”."),
    "unsupported_matching": gettext_noop("Matching questions are not supported; this question was not imported."),
    "unsupported_numeric": gettext_noop("Numerical questions are not supported; this question was not imported."),
    "unsupported_description": gettext_noop("Descriptions (text without answers) are not supported; this text was not imported."),
    "unsupported_missing_word": gettext_noop("Missing-word questions are supported only with one right answer (=) or accepted answers; this one was not imported."),
    "bad_weight": gettext_noop("The weight “%(value)s” is not a percentage from -100 to 100."),
    "bad_answers": gettext_noop("Each answer must start with = (right) or ~ (wrong); a true/false answer is T, F, TRUE or FALSE."),
    "empty_answer": gettext_noop("An answer is empty."),
    # .xlsx
    "no_sheet": gettext_noop("The workbook has no sheet “Câu hỏi”."),
    "no_header": gettext_noop("No header row found: the first row must name the columns, for example “Loại”, “Câu hỏi”, “Phương án 1” (download the template)."),
    "unknown_columns": gettext_noop("Unknown column(s): %(names)s. Use the headers of the template."),
    "duplicate_column": gettext_noop("The column “%(name)s” appears twice."),
    "missing_column": gettext_noop("The column “%(name)s” is missing."),
    "formula": gettext_noop("Cell %(cell)s holds a formula: paste values only."),
    "long_cell": gettext_noop("Cell %(cell)s is longer than %(limit)s characters."),
    "bad_kind": gettext_noop("Unknown type “%(value)s”: use Một lựa chọn, Nhiều lựa chọn, Đúng-Sai, Trả lời ngắn or Tự luận."),
    "bad_points": gettext_noop("The points “%(value)s” are not a number from 0 to 9999."),
    "bad_flag": gettext_noop("“%(column)s” must be “Có” or “Không” (or left empty)."),
    "weight_without_choice": gettext_noop("Weight or feedback %(number)s is filled in, but choice %(number)s is empty."),
    # Every question
    "no_text": gettext_noop("The question has no text."),
    "long_title": gettext_noop("The title is longer than %(limit)s characters."),
    "long_category": gettext_noop("A category name is longer than %(limit)s characters."),
    "long_choice": gettext_noop("An answer or its feedback is longer than %(limit)s characters."),
    "weight_range": gettext_noop("The weight %(value)s%% is outside -100%% to 100%%."),
    "single_right": gettext_noop("A single-choice question needs exactly one right answer (weight 100%%) and the others at 0%% or below; it has %(count)s at 100%%."),
    "single_partial": gettext_noop("In a single-choice question only the right answer may have a positive weight; “%(choice)s” has %(value)s%%."),
    "too_few_choices": gettext_noop("A choice question needs at least two choices."),
    "no_right": gettext_noop("The question has no right answer (no answer with a positive weight)."),
    "multiple_sum": gettext_noop("In a multiple-response question the positive weights must add up to 100%%; they add up to %(total)s%%."),
    "truefalse_choices": gettext_noop("A true/false question has the two answers “Đúng” and “Sai”, one at 100%% and the other at 0%%."),
    "short_none": gettext_noop("A short-answer question needs at least one accepted answer."),
    "short_full": gettext_noop("A short-answer question needs one accepted answer at 100%%, and no weight at 0%% or below."),
    "essay_choices": gettext_noop("An essay question has no answers to choose from."),
    "same_title": gettext_noop("Same category and title as the question on line %(line)s: give each question its own title."),
    "ambiguous": gettext_noop("The bank already has several questions with this title in this category; rename them first."),
    "used_choice": gettext_noop("Answer “%(choice)s” would be removed, but it was already shown in attempts; keep it in the file."),
}  # fmt: skip

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


class QuestionFileError(Exception):
    """The whole file is refused; `str()` is one line in the active language."""

    def __init__(self, code: str | None = None, *, message: Message | None = None, **params):
        self.code = code or "file"
        self.message = message or Message(MESSAGES[code], **params)
        super().__init__(self.code)

    def __str__(self) -> str:
        return str(self.message)


@dataclass
class Problem:
    """Something wrong at a line of a GIFT file or a row of a sheet."""

    line: int
    code: str
    message: Message

    @classmethod
    def of(cls, line: int, code: str, /, **params) -> Problem:
        return cls(line, code, Message(MESSAGES[code], **params))

    def __str__(self) -> str:
        return str(self.message)


@dataclass
class ParsedChoice:
    text: str
    weight: Decimal
    feedback: str = ""


@dataclass
class ParsedQuestion:
    """One question as read from a file. None means "the format does not say": a new question
    gets the model's default, an existing one keeps its value."""

    line: int
    kind: str
    title: str
    text: str  # HTML
    category: tuple[str, ...] = ()
    choices: list[ParsedChoice] = field(default_factory=list)
    explanation: str = ""  # HTML
    points: Decimal | None = None
    ignore_case: bool | None = None
    ignore_diacritics: bool | None = None
    tags: list[str] | None = None


@dataclass
class Parsed:
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# --- Text helpers shared by the readers ----------------------------------------------------------

HTML_START = re.compile(r"^\s*<(p|ul|ol|div|h[1-6]|blockquote|table|pre)[\s>/]", re.I)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def plain_to_html(text: str) -> str:
    """Plain text as paragraphs: escaped, a blank line between paragraphs, <br/> within one."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(html.escape(line.strip(), quote=False) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )  # fmt: skip


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text))


def html_to_plain(text: str) -> str:
    """The text of some HTML, for titles made from the question."""
    text = re.sub(r"<br\s*/?>|</p>|</li>", " ", text, flags=re.I)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip()


def title_from_text(text_html: str) -> str:
    """Moodle names an untitled question after its text; so do we, cut at a word."""
    plain = html_to_plain(text_html)
    if len(plain) <= TITLE_FROM_TEXT:
        return plain
    cut = plain[:TITLE_FROM_TEXT].rsplit(" ", 1)[0]
    return (cut or plain[:TITLE_FROM_TEXT]) + "…"


def parse_weight(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def category_path(text: str) -> tuple[str, ...]:
    """`a/b/c` -> ("a", "b", "c"); `//` is a slash within a name, as in Moodle."""
    parts = re.split(r"(?<!/)/(?!/)", text.strip())
    return tuple(
        name for name in (re.sub(r"\s+", " ", p.replace("//", "/")).strip() for p in parts) if name
    )


def category_text(path: tuple[str, ...]) -> str:
    return "/".join(name.replace("/", "//") for name in path)


def weight_text(weight: Decimal) -> str:
    """50.00 -> "50", 33.33 -> "33.33"."""
    text = format(Decimal(weight).quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- Reading a file ------------------------------------------------------------------------------

GIFT_SUFFIXES = (".gift", ".txt")


def read_file(handle, name: str) -> Parsed:
    """Parse an uploaded or opened file by its suffix; raises QuestionFileError."""
    from . import gift, question_xlsx

    suffix = PurePath(name).suffix.lower()
    if suffix not in (*GIFT_SUFFIXES, ".xlsx"):
        raise QuestionFileError("file_type")
    size = _size(handle)
    if size == 0:
        raise QuestionFileError("empty")
    if size > MAX_FILE_BYTES:
        raise QuestionFileError("too_big", limit=MAX_FILE_BYTES // (1024 * 1024))
    parsed = question_xlsx.read(handle) if suffix == ".xlsx" else gift.parse(handle.read())
    if len(parsed.questions) > MAX_QUESTIONS:
        raise QuestionFileError("too_many", limit=MAX_QUESTIONS)
    if not parsed.questions and not parsed.problems:
        raise QuestionFileError("no_questions")
    return parsed


# --- Checking one question ----------------------------------------------------------------------

HUNDRED = Decimal(100)


def check(question: ParsedQuestion) -> list[Problem]:
    """Moodle's rules for each type, and the model's limits."""
    line, problems = question.line, []

    def refuse(code: str, **params) -> None:
        problems.append(Problem.of(line, code, **params))

    if not html_to_plain(question.text):
        refuse("no_text")
    if len(question.title) > MAX_TITLE:
        refuse("long_title", limit=MAX_TITLE)
    if any(len(name) > MAX_CATEGORY for name in question.category):
        refuse("long_category", limit=MAX_CATEGORY)
    choices = question.choices
    if any(len(c.text) > MAX_CHOICE or len(c.feedback) > MAX_CHOICE for c in choices):
        refuse("long_choice", limit=MAX_CHOICE)
    if any(not c.text.strip() for c in choices):
        refuse("empty_answer")
    for choice in choices:
        if not -HUNDRED <= choice.weight <= HUNDRED:
            refuse("weight_range", value=weight_text(choice.weight))
    if problems:
        return problems
    kind = question.kind
    if kind == Question.Kind.SINGLE:
        right = [c for c in choices if c.weight == HUNDRED]
        if len(choices) < 2:
            refuse("too_few_choices")
        elif len(right) != 1:
            refuse("single_right", count=len(right))
        else:
            for c in choices:
                if 0 < c.weight < HUNDRED:
                    refuse("single_partial", choice=c.text[:60], value=weight_text(c.weight))
    elif kind == Question.Kind.MULTIPLE:
        total = sum((c.weight for c in choices if c.weight > 0), Decimal(0))
        if len(choices) < 2:
            refuse("too_few_choices")
        elif total == 0:
            refuse("no_right")
        elif abs(total - HUNDRED) > Decimal("0.05"):
            refuse("multiple_sum", total=weight_text(total))
    elif kind == Question.Kind.TRUE_FALSE:
        texts = [c.text for c in choices]
        weights = sorted(c.weight for c in choices)
        if texts != [TRUE_TEXT, FALSE_TEXT] or weights != [0, HUNDRED]:
            refuse("truefalse_choices")
    elif kind == Question.Kind.SHORT:
        if not choices:
            refuse("short_none")
        elif not any(c.weight > 0 for c in choices):
            refuse("no_right")
        elif not any(c.weight == HUNDRED for c in choices) or any(c.weight <= 0 for c in choices):
            refuse("short_full")
    elif kind == Question.Kind.ESSAY and choices:
        refuse("essay_choices")
    return problems


# --- The plan ------------------------------------------------------------------------------------


@dataclass
class Step:
    question: ParsedQuestion
    action: str = CREATE
    existing_id: int | None = None


@dataclass
class Plan:
    bank_name: str
    bank_id: int | None
    steps: list[Step] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    new_categories: list[tuple[str, ...]] = field(default_factory=list)

    def counts(self) -> dict:
        found = Counter(step.action for step in self.steps)
        return {
            "total": len(self.steps),
            CREATE: found[CREATE],
            UPDATE: found[UPDATE],
            UNCHANGED: found[UNCHANGED],
            "errors": len(self.problems),
        }

    def per_kind(self) -> list[tuple[str, int]]:
        labels = dict(Question.Kind.choices)
        found = Counter(step.question.kind for step in self.steps)
        return [(str(labels[kind]), found[kind]) for kind in labels if found[kind]]

    def per_category(self) -> list[tuple[str, int]]:
        found = Counter(" / ".join(step.question.category) for step in self.steps)
        return sorted(found.items())


def _category_paths(bank_id: int | None) -> dict[tuple[str, ...], int]:
    """Every category of the bank by its path of names."""
    if bank_id is None:
        return {}
    rows = {
        pk: (name, parent)
        for pk, name, parent in QuestionCategory.objects.filter(bank_id=bank_id).values_list(
            "pk", "name", "parent_id"
        )
    }

    def path(pk: int, depth: int = 0) -> tuple[str, ...]:
        name, parent = rows[pk]
        if parent is None or parent not in rows or depth > 50:
            return (name,)
        return (*path(parent, depth + 1), name)

    return {path(pk): pk for pk in rows}


def _snapshot(question: Question) -> dict:
    return {
        "kind": question.kind,
        "text": question.text,
        "explanation": question.explanation,
        "points": Decimal(question.points),
        "ignore_case": question.ignore_case,
        "ignore_diacritics": question.ignore_diacritics,
        "tags": sorted(question.tags.names()),
        "choices": [
            (c.text, Decimal(c.weight).quantize(Decimal("0.01")), c.feedback)
            for c in question.choices.all()
        ],
    }


def _wanted(parsed: ParsedQuestion, current: dict | None) -> dict:
    """The question's values once imported: the file's, or the current ones it does not give."""
    current = current or {
        "points": Decimal(1),
        "ignore_case": True,
        "ignore_diacritics": False,
        "tags": [],
    }
    return {
        "kind": parsed.kind,
        "text": parsed.text,
        "explanation": parsed.explanation,
        "points": current["points"] if parsed.points is None else Decimal(parsed.points),
        "ignore_case": current["ignore_case"] if parsed.ignore_case is None else parsed.ignore_case,
        "ignore_diacritics": (
            current["ignore_diacritics"]
            if parsed.ignore_diacritics is None
            else parsed.ignore_diacritics
        ),
        "tags": current["tags"] if parsed.tags is None else sorted(set(parsed.tags)),
        "choices": [
            (c.text, Decimal(c.weight).quantize(Decimal("0.01")), c.feedback)
            for c in parsed.choices
        ],
    }


def plan(parsed: Parsed, bank_name: str) -> Plan:
    """Check every question and decide what happens to it; reads the database, writes nothing."""
    bank_name = re.sub(r"\s+", " ", nfc(bank_name or "")).strip()
    if not bank_name or len(bank_name) > 200:
        raise QuestionFileError("bank_name")
    bank = QuestionBank.objects.filter(name=bank_name).first()
    result = Plan(bank_name=bank_name, bank_id=bank.pk if bank else None)
    result.problems = list(parsed.problems)
    seen: dict[tuple, int] = {}
    for question in parsed.questions:
        result.problems += check(question)
        key = (question.category, question.title)
        if key in seen:
            result.problems.append(Problem.of(question.line, "same_title", line=seen[key]))
        seen.setdefault(key, question.line)
        result.steps.append(Step(question))
    categories = _category_paths(result.bank_id)
    wanted_paths = {step.question.category[:n] for step in result.steps for n in range(1, len(step.question.category) + 1)}  # fmt: skip
    result.new_categories = sorted(p for p in wanted_paths if p not in categories)
    if result.bank_id is not None:
        _match_existing(result, categories)
    result.problems.sort(key=lambda p: p.line)
    return result


def _match_existing(result: Plan, categories: dict[tuple[str, ...], int]) -> None:
    by_key: dict[tuple[int | None, str], list[int]] = {}
    for pk, category, title in Question.objects.filter(bank_id=result.bank_id).values_list(
        "pk", "category_id", "title"
    ):
        by_key.setdefault((category, title), []).append(pk)
    matched: dict[int, Step] = {}
    for step in result.steps:
        question = step.question
        if question.category and question.category not in categories:
            continue  # a new category: a new question
        category = categories[question.category] if question.category else None
        found = by_key.get((category, question.title), [])
        if len(found) > 1:
            result.problems.append(Problem.of(question.line, "ambiguous"))
        elif found:
            matched[found[0]] = step
    existing = Question.objects.filter(pk__in=matched).prefetch_related("choices", "tagged_items__tag")  # fmt: skip
    used = set(
        AttemptChoice.objects.filter(choice__question_id__in=matched).values_list(
            "choice_id", flat=True
        )
    )
    for current in existing:
        step = matched[current.pk]
        step.existing_id = current.pk
        before = _snapshot(current)
        step.action = UNCHANGED if _wanted(step.question, before) == before else UPDATE
        kept = {c.text for c in step.question.choices}
        for choice in current.choices.all():
            if choice.pk in used and choice.text not in kept:
                result.problems.append(
                    Problem.of(step.question.line, "used_choice", choice=choice.text[:60])
                )


# --- Applying ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    bank_created: bool = False
    categories_created: int = 0


def apply(result: Plan) -> Outcome:
    """Write a plan without problems in one transaction."""
    if result.problems:
        raise ValueError("the file has problems; nothing may be saved")
    outcome = Outcome()
    with transaction.atomic():
        bank, outcome.bank_created = QuestionBank.objects.get_or_create(name=result.bank_name)
        if (result.bank_id is None) != outcome.bank_created:
            raise QuestionFileError("conflict")
        categories = _category_paths(bank.pk)
        for path in sorted({s.question.category for s in result.steps if s.question.category}):
            for depth in range(1, len(path) + 1):
                if path[:depth] not in categories:
                    parent = categories[path[: depth - 1]] if depth > 1 else None
                    created = QuestionCategory.objects.create(
                        bank=bank, name=path[depth - 1], parent_id=parent
                    )
                    categories[path[:depth]] = created.pk
                    outcome.categories_created += 1
        existing = {
            q.pk: q
            for q in Question.objects.select_for_update(of=("self",))
            .filter(pk__in=[s.existing_id for s in result.steps if s.action == UPDATE])
            .prefetch_related("choices", "tagged_items__tag")
        }
        for step in result.steps:
            if step.action == UNCHANGED:
                outcome.unchanged += 1
                continue
            category = categories.get(step.question.category) if step.question.category else None
            if step.action == UPDATE:
                _write(existing[step.existing_id], step.question, category)
                outcome.updated += 1
            else:
                _write(Question(bank=bank), step.question, category)
                outcome.created += 1
    return outcome


def _write(question: Question, parsed: ParsedQuestion, category_id: int | None) -> None:
    current = _snapshot(question) if question.pk else None
    values = _wanted(parsed, current)
    question.category_id = category_id
    question.title = parsed.title
    for name in ("kind", "text", "explanation", "points", "ignore_case", "ignore_diacritics"):
        setattr(question, name, values[name])
    # Choices are matched by their text, so the rows shown in past attempts stay the same rows.
    old = {c.text: c for c in question.choices.all()} if question.pk else {}
    rows = []
    for order, wanted in enumerate(parsed.choices):
        row = old.pop(wanted.text, None) or Choice(text=wanted.text)
        row.weight = Decimal(wanted.weight).quantize(Decimal("0.01"))
        row.feedback, row.sort_order = wanted.feedback, order
        rows.append(row)
    question.choices = rows
    question.tags.set(values["tags"])
    question.save()


# --- Errors as lines -----------------------------------------------------------------------------

LINE = gettext_noop("Line %(line)s: %(reason)s")
ROW = gettext_noop("Row %(line)s: %(reason)s")


def problem_line(problem: Problem, *, row: bool = False, language: str | None = None) -> str:
    """`Dòng 5: <lý do>` in the active language (or `language`)."""
    if language is None:
        return str(Message(ROW if row else LINE, line=problem.line, reason=str(problem.message)))
    return Message(
        ROW if row else LINE, line=problem.line, reason=problem.message.in_language(language)
    ).in_language(language)
