"""Moodle's GIFT format: a parser and a writer, written for this project.

Supported: `//` comments (and Moodle's `// [tag:name]` comment lines), `$CATEGORY: a/b/c`,
`::title::`, the [html] / [moodle] / [markdown] / [plain] format markers (html is kept as HTML,
the others are escaped into paragraphs), single choice `{=right ~wrong}`, multiple response
`{~%50%a ~%50%b ~%-100%c}`, true/false `{T}` `{FALSE#wrong#right}`, short answer `{=a =%50%b}`,
essay `{}`, answer feedback `#…`, general feedback `####…`, the escapes \\~ \\= \\# \\{ \\} \\:
\\\\ and \\n, questions over several lines, blank lines between questions, and missing-word
questions (answers in the middle of the text) of the single-choice and short-answer kinds.

Matching, numerical, descriptions and other missing-word questions are reported with their line,
never dropped silently. Moodle's rules: a blank line ends a question; `=` among the answers makes
a single-choice question, `~` only a multiple-response one, `=` only a short-answer one.
"""

from __future__ import annotations

import codecs
import html
import re
from decimal import Decimal

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
    html_to_plain,
    looks_like_html,
    nfc,
    parse_weight,
    plain_to_html,
    title_from_text,
    weight_text,
)
from .models import Question, QuestionBank

ESCAPABLE = "~=#{}:\\"
FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.I)
WEIGHT = re.compile(r"^%(-?[0-9]+(?:[.,][0-9]+)?)%")
BAD_WEIGHT = re.compile(r"^%([^%\s]*)%")
TAG = re.compile(r"\[tag:([^\]]+)\]")
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
MISSING_WORD_BLANK = "_____"


# --- Reading -------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) in NFC; QuestionFileError naming the first line that is not."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QuestionFileError("not_utf8", line=data[: error.start].count(b"\n") + 1) from None
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def find(text: str, target: str, start: int = 0) -> int:
    """The index of `target` at or after `start`, skipping escaped characters; -1 if none."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def split(text: str, separator: str) -> list[str]:
    parts, start = [], 0
    while (at := find(text, separator, start)) != -1:
        parts.append(text[start:at])
        start = at + len(separator)
    parts.append(text[start:])
    return parts


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in ESCAPABLE:
                out.append(nxt)
                i += 2
                continue
            if nxt == "n":
                out.append("\n")
                i += 2
                continue
        out.append(text[i])
        i += 1
    return "".join(out)


def answer_text(text: str) -> str:
    """An answer or feedback as plain text: Moodle writes `[html]<p>…</p>` for answers typed in
    its editor; our choices are plain text."""
    text = unescape(FORMAT.sub("", text, count=1)).strip()
    return html_to_plain(text) if looks_like_html(text) else text


def as_html(text: str, fmt: str) -> str:
    text = unescape(text).strip()
    return text if fmt == "html" else plain_to_html(text)


class Block:
    """One question's text (comment lines removed) and where each of its characters came from."""

    def __init__(self, lines: list[tuple[int, str]], category: tuple[str, ...], tags: list[str]):
        self.text = "\n".join(text for _number, text in lines)
        self.starts = []  # (offset, line number) of each line
        offset = 0
        for number, text in lines:
            self.starts.append((offset, number))
            offset += len(text) + 1
        self.category, self.tags = category, tags

    def line(self, offset: int) -> int:
        number = self.starts[0][1]
        for start, line in self.starts:
            if start > offset:
                break
            number = line
        return number


def parse(data: bytes) -> Parsed:
    """A whole GIFT file. Raises QuestionFileError only when it is not UTF-8 text."""
    text = decode(data)
    parsed = Parsed()
    category: tuple[str, ...] = ()
    lines: list[tuple[int, str]] = []
    tags: list[str] = []

    def flush():
        nonlocal lines, tags
        if lines:
            _question(Block(lines, category, tags), parsed)
        lines, tags = [], []

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            tags += [nfc(t.strip()) for t in TAG.findall(stripped) if t.strip()]
            continue
        if not stripped:
            flush()
            continue
        if not lines and stripped.startswith("$CATEGORY:"):
            flush()
            category = _category(stripped[len("$CATEGORY:") :])
            continue
        lines.append((number, line))
    flush()
    return parsed


def _category(text: str) -> tuple[str, ...]:
    """Moodle writes `$course$/top/Default for X/a`: its context and `top` are not names."""
    path = category_path(text)
    if path and re.fullmatch(r"\$[a-z0-9]+\$", path[0]):
        path = path[1:]
        if path and path[0] == "top":
            path = path[1:]
    return path


def _question(block: Block, parsed: Parsed) -> None:
    text = block.text
    first_line = block.line(0)

    def problem(code: str, offset: int = 0, **params) -> None:
        parsed.problems.append(Problem.of(block.line(offset), code, **params))

    body, title = text.lstrip(), ""
    lead = len(text) - len(body)
    if body.startswith("::"):
        end = find(body, "::", 2)
        if end == -1:
            return problem("unclosed_title", lead)
        title = re.sub(r"\s+", " ", unescape(body[2:end])).strip()
        lead += end + 2
        body = body[end + 2 :]
    fmt = "moodle"
    if found := FORMAT.match(body):
        fmt = found.group(1).lower()
        lead += found.end()
        body = body[found.end() :]
    opening = find(body, "{")
    closing_stray = find(body, "}")
    if opening == -1:
        if closing_stray != -1:
            return problem("stray_brace", lead + closing_stray)
        return problem("unsupported_description", lead)
    if closing_stray != -1 and closing_stray < opening:
        return problem("stray_brace", lead + closing_stray)
    closing = find(body, "}", opening + 1)
    if closing == -1:
        return problem("unclosed_brace", lead + opening)
    after = body[closing + 1 :]
    if find(after, "{") != -1:
        return problem("two_blocks", lead + closing + 1 + find(after, "{"))
    if find(after, "}") != -1:
        return problem("stray_brace", lead + closing + 1 + find(after, "}"))
    answers_at = lead + opening + 1
    answers = body[opening + 1 : closing]
    before = body[:opening]
    missing_word = bool(after.strip())
    question_text = (
        f"{before.rstrip()} {MISSING_WORD_BLANK} {after.lstrip()}" if missing_word else before
    )
    question = ParsedQuestion(
        line=first_line,
        kind="",
        title=title,
        text=as_html(question_text, fmt),
        category=block.category,
        tags=list(dict.fromkeys(block.tags)),
    )
    if not _answers(question, answers, answers_at, fmt, block, parsed):
        return
    if missing_word and question.kind not in (Question.Kind.SINGLE, Question.Kind.SHORT):
        return problem("unsupported_missing_word", lead + opening)
    if not question.title:
        question.title = title_from_text(question.text)
    parsed.questions.append(question)


def _answers(
    question: ParsedQuestion, answers: str, at: int, fmt: str, block: Block, parsed: Parsed
) -> bool:
    """Fill in the kind, choices and general feedback; False (and a problem) if unsupported."""

    def problem(code: str, offset: int = 0, **params) -> bool:
        parsed.problems.append(Problem.of(block.line(at + offset), code, **params))
        return False

    content, *general = split(answers, "####")
    if general:
        feedback = "####".join(general)
        found = FORMAT.match(feedback)
        feedback_fmt = found.group(1).lower() if found else fmt
        question.explanation = as_html(feedback[found.end() :] if found else feedback, feedback_fmt)
    stripped = content.strip()
    skip = len(content) - len(content.lstrip())
    if not stripped:
        question.kind = Question.Kind.ESSAY
        return True
    if stripped.startswith("#"):
        return problem("unsupported_numeric", skip)
    head, *feedbacks = split(stripped, "#")
    if head.strip().upper() in TRUE_FALSE:
        right = TRUE_FALSE[head.strip().upper()]
        wrong_feedback = answer_text(feedbacks[0]) if feedbacks else ""
        right_feedback = answer_text("#".join(feedbacks[1:])) if len(feedbacks) > 1 else ""
        question.kind = Question.Kind.TRUE_FALSE
        question.choices = [
            ParsedChoice(
                TRUE_TEXT, Decimal(100 if right else 0), right_feedback if right else wrong_feedback
            ),
            ParsedChoice(
                FALSE_TEXT,
                Decimal(0 if right else 100),
                wrong_feedback if right else right_feedback,
            ),
        ]
        return True
    if stripped[0] not in "=~":
        return problem("bad_answers", skip)
    marks = []  # (offset, marker) of each unescaped = or ~ starting an answer
    i = 0
    while i < len(content):
        if content[i] == "\\":
            i += 2
            continue
        if content[i] in "=~":
            marks.append((i, content[i]))
        i += 1
    pieces = [
        (offset, marker, content[offset + 1 : marks[n + 1][0] if n + 1 < len(marks) else None])
        for n, (offset, marker) in enumerate(marks)
    ]
    if any(find(piece, "->") != -1 for _o, marker, piece in pieces if marker == "="):
        return problem("unsupported_matching", skip)
    has_right = any(marker == "=" for _o, marker, _p in pieces)
    has_wrong = any(marker == "~" for _o, marker, _p in pieces)
    if has_right and has_wrong:
        question.kind = Question.Kind.SINGLE
    elif has_wrong:
        question.kind = Question.Kind.MULTIPLE
    else:
        question.kind = Question.Kind.SHORT
    for offset, marker, piece in pieces:
        weight = Decimal(100 if marker == "=" else 0)
        piece = piece.strip()
        if found := WEIGHT.match(piece):
            weight = parse_weight(found.group(1))
            piece = piece[found.end() :]
        elif (bad := BAD_WEIGHT.match(piece)) and re.fullmatch(r"[-+0-9.,]+", bad.group(1)):
            return problem("bad_weight", offset, value=bad.group(1))
        text, *feedback = split(piece, "#")
        question.choices.append(
            ParsedChoice(
                text=answer_text(text), weight=weight, feedback=answer_text("#".join(feedback))
            )
        )
        if not question.choices[-1].text:
            return problem("empty_answer", offset)
    return True


# --- Writing -------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text safe inside GIFT: special characters escaped, line breaks as \\n (no blank lines)."""
    text = "".join("\\" + ch if ch in ESCAPABLE else ch for ch in text)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _answer(marker: str, choice, *, weight: bool) -> str:
    text = escape(choice.text)
    if weight or text.startswith("%"):
        marker += f"%{weight_text(choice.weight)}%"
    feedback = f"#{escape(choice.feedback)}" if choice.feedback else ""
    return f"\t{marker}{text}{feedback}"


def write_question(question: Question) -> str:
    tags = "".join(f"// [tag:{tag}]\n" for tag in sorted(question.tags.names()))
    head = f"::{escape(question.title)}::[html]{escape(question.text)}"
    choices = list(question.choices.all())
    general = f"\t####[html]{escape(question.explanation)}" if question.explanation else ""
    lines = []
    if question.kind == Question.Kind.TRUE_FALSE:
        right = next((c for c in choices if c.weight > 0), None)
        is_true = right is not None and right.text == TRUE_TEXT
        wrong = next((c for c in choices if c is not right), None)
        answer = "TRUE" if is_true else "FALSE"
        wrong_feedback = escape(wrong.feedback) if wrong and wrong.feedback else ""
        right_feedback = escape(right.feedback) if right and right.feedback else ""
        if right_feedback:
            answer += f"#{wrong_feedback}#{right_feedback}"
        elif wrong_feedback:
            answer += f"#{wrong_feedback}"
        return f"{tags}{head}{{{answer}{general.strip() and ' ' + general.strip()}}}\n"
    if question.kind == Question.Kind.SINGLE:
        lines = [
            _answer("=" if c.weight == 100 else "~", c, weight=c.weight not in (0, 100))
            for c in choices
        ]
    elif question.kind == Question.Kind.MULTIPLE:
        lines = [_answer("~", c, weight=True) for c in choices]
    elif question.kind == Question.Kind.SHORT:
        lines = [_answer("=", c, weight=c.weight != 100) for c in choices]
    if general:
        lines.append(general)
    if not lines:
        return f"{tags}{head}{{}}\n"
    return f"{tags}{head}{{\n" + "\n".join(lines) + "\n}\n"


def write(bank: QuestionBank) -> str:
    """The bank as GIFT, category by category; importing it gives back the same questions."""
    from .imports import _category_paths

    paths = {pk: path for path, pk in _category_paths(bank.pk).items()}
    questions = (
        Question.objects.filter(bank=bank)
        .prefetch_related("choices", "tagged_items__tag")
        .order_by("pk")
    )
    grouped: dict[tuple[str, ...], list[Question]] = {}
    for question in questions:
        grouped.setdefault(paths.get(question.category_id, ()), []).append(question)
    name = html.unescape(bank.name).replace("\n", " ")
    out = [f"// {name}\n// GIFT (Moodle)\n"]
    for path in sorted(grouped):
        if path:
            out.append(f"$CATEGORY: {category_text(path)}\n")
        out.extend(write_question(q) for q in grouped[path])
    return "\n".join(out)
