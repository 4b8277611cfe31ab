"""Marking essays and reading a class's quiz results, in the Wagtail admin.

- /admin/cham-bai/: the essays waiting for marking, oldest first, from the members of the
  marker's own classes (admins: everyone's); query parameters `kiem-tra` (a quiz, by id) and
  `lop` (one of the marker's classes, by id). Open to trainers and admins; others get 403.
- /admin/cham-bai/<answer id>/: one essay with the question, the trainee's answer and a form
  for the mark and a comment; saving goes through `services.answer_mark` (the attempt, the
  lesson and the course follow) and opens the next essay of the queue. An essay of someone
  outside the marker's classes, or of an attempt still in progress, is refused with 403.
- /admin/lop-hoc/<class id>/ket-qua/: a class's results on one quiz of its courses (query
  parameter `kiem-tra`: "<quiz id>-<lesson id>", or a quiz id; the first quiz by default),
  and `dinh-dang=xlsx` for the same as an .xlsx file. Access as the class's progress screen:
  the class's trainers, admins, and statisticians whose jurisdiction holds the class.

The queue, the marking screen, the results and the file show personal data: each is written
to the audit log.
"""

import io
from decimal import Decimal
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from people import audit
from people.admin_views.classes import class_view
from people.admin_views.common import forbidden
from people.roles import is_admin, is_trainer

from . import marking, services
from .models import Answer, Attempt, Question, Quiz

TEMPLATES = "assessments/marking/"
RESULTS_TEMPLATE = "assessments/results/class_results.html"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PER_PAGE = 50


# Access ------------------------------------------------------------------------------------


def _may_mark(user) -> bool:
    return is_admin(user) or is_trainer(user)


def _forbidden(request, message=None):
    return forbidden(
        request,
        title=_("Not allowed"),
        message=message
        or _("You can mark only the answers of the members of the classes you run."),
        icon="edit",
    )


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


def _filters(request) -> dict:
    """The queue's filters from the query string (unknown values are ignored)."""
    return {"quiz_id": _int(request.GET.get("kiem-tra")), "class_id": _int(request.GET.get("lop"))}


def _filter_query(filters: dict) -> str:
    pairs = [("kiem-tra", filters["quiz_id"]), ("lop", filters["class_id"])]
    return urlencode([(key, value) for key, value in pairs if value is not None])


# The queue ---------------------------------------------------------------------------------


@login_required
def marking_queue(request):
    user = request.user
    if not _may_mark(user):
        return _forbidden(request)
    filters = _filters(request)
    queue = marking.marking_queue(user, **filters)
    page = Paginator(queue, PER_PAGE).get_page(request.GET.get("p"))
    for answer in page:
        answer.trainee_name = _name(answer.paper_question.attempt.user)
    audit.record(actor=user, action="view", screen="marking queue", count=page.paginator.count)
    context = {
        "page_title": _("Marking"),
        "page": page,
        "filters": filters,
        "filter_query": _filter_query(filters),
        "quizzes": marking.queue_quizzes(user),
        "classes": marking.marking_classes(user).order_by("-starts_on", "title"),
        "filtered": any(value is not None for value in filters.values()),
    }
    return TemplateResponse(request, TEMPLATES + "queue.html", context)


def _name(user) -> str:
    from people.attendance_import import member_name

    return member_name(user)


# One essay ---------------------------------------------------------------------------------


class MarkForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment for the trainee"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    field_order = ["score", "comment"]

    def __init__(self, *args, points: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"] = forms.DecimalField(
            label=_("Mark"),
            min_value=0,
            max_value=points,
            max_digits=6,
            decimal_places=2,
            help_text=_("Between 0 and %(max)s points.") % {"max": _points(points)},
            widget=forms.NumberInput(
                attrs={"step": "0.01", "min": 0, "max": points, "aria-describedby": "id_score-help"}
            ),
        )
        self.order_fields(self.field_order)


def _points(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"


@login_required
def mark_answer(request, answer_id: int):
    user = request.user
    if not _may_mark(user):
        return _forbidden(request)
    answer = get_object_or_404(
        Answer.objects.select_related(
            "paper_question__question",
            "paper_question__attempt__quiz",
            "paper_question__attempt__lesson",
            "paper_question__attempt__user__profile",
            "marked_by",
        ),
        pk=answer_id,
        paper_question__question__kind=Question.Kind.ESSAY,
    )
    if not marking.essays(user).filter(pk=answer.pk).exists():
        return _forbidden(request)
    paper = answer.paper_question
    attempt = paper.attempt
    if attempt.state == Attempt.State.IN_PROGRESS:
        return _forbidden(request, _("This attempt has not been submitted yet."))
    filters = _filters(request)
    initial = {"score": answer.score, "comment": answer.comment} if answer.marked_at else None
    form = MarkForm(request.POST or None, initial=initial, points=paper.points)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_mark(
                marker=user,
                answer=answer,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"].strip(),
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            audit.record(
                actor=user,
                action="change",
                subject=attempt.user,
                obj=attempt,
                screen="marking",
                answer=answer.pk,
            )
            messages.success(
                request,
                _("Mark saved for %(name)s.") % {"name": _name(attempt.user)},
            )
            following = marking.marking_queue(user, **filters).exclude(pk=answer.pk).first()
            query = _filter_query(filters)
            if following is None:
                return redirect(
                    reverse("assessments_marking_queue") + (f"?{query}" if query else "")
                )
            return redirect(
                reverse("assessments_marking_answer", args=[following.pk])
                + (f"?{query}" if query else "")
            )
    audit.record(actor=user, action="view", subject=attempt.user, obj=attempt, screen="marking")
    waiting = marking.marking_queue(user, **filters)
    context = {
        "page_title": _("Mark an essay"),
        "answer": answer,
        "paper": paper,
        "attempt": attempt,
        "question": paper.question,
        "trainee_name": _name(attempt.user),
        "points": _points(paper.points),
        "form": form,
        "filter_query": _filter_query(filters),
        "waiting": waiting.count(),
        "skip": _after(waiting, answer),
    }
    return TemplateResponse(request, TEMPLATES + "mark.html", context)


def _after(queue, answer):
    """The essay that follows `answer` in the queue's order (to skip this one for now)."""
    attempt = answer.paper_question.attempt
    if attempt.submitted_at is None:
        return None
    at = "paper_question__attempt__submitted_at"
    same = {at: attempt.submitted_at}
    return queue.filter(
        Q(**{f"{at}__gt": attempt.submitted_at})
        | Q(**same, paper_question__attempt_id__gt=attempt.pk)
        | Q(**same, paper_question__attempt_id=attempt.pk, pk__gt=answer.pk)
    ).first()


# A class's results -------------------------------------------------------------------------

# The file is a Vietnamese working document whatever the screen language, as the other exports.
SHEET_GRADING = {
    Quiz.Grading.HIGHEST: "lần cao nhất",
    Quiz.Grading.LAST: "lần cuối cùng",
    Quiz.Grading.FIRST: "lần đầu tiên",
    Quiz.Grading.AVERAGE: "trung bình các lần",
}
HEADER_ROW = 5
SHEET_MEMBERS = "Học viên"
SHEET_QUESTIONS = "Câu hỏi"
SHEET_CATEGORIES = "Danh mục"
MEMBER_HEADERS = [
    "STT",
    "Họ và tên",
    "Số lần làm bài",
    "Số lần đã chấm",
    "Điểm cao nhất (%)",
    "Điểm (%)",
    "Kết quả",
    "Lần nộp gần nhất",
]
QUESTION_HEADERS = [
    "STT",
    "Câu hỏi",
    "Danh mục",
    "Điểm tối đa",
    "Số lượt trả lời",
    "Số lượt đúng",
    "Số lượt đúng một phần",
    "Tỷ lệ đúng (%)",
    "Điểm trung bình",
]
CATEGORY_HEADERS = [
    "STT",
    "Danh mục",
    "Số câu hỏi",
    "Tổng điểm đạt được",
    "Tổng điểm tối đa",
    "Tỷ lệ điểm trung bình (%)",
]
SHEET_TOTAL = "Tổng cộng"
SHEET_PASSED, SHEET_FAILED, SHEET_WAITING = "Đạt", "Chưa đạt", "Chờ chấm"
SHEET_NO_CATEGORY = "Chưa phân loại"


def _selected_place(request, places: list[marking.QuizPlace]) -> marking.QuizPlace:
    wanted = request.GET.get("kiem-tra", "")
    if not wanted:
        return places[0]
    for place in places:
        if wanted in (place.key, str(place.quiz.pk)):
            return place
    raise Http404


def _number(value):
    return float(value) if value is not None else None


def _histogram_svg(histogram: list[dict]) -> dict:
    """Geometry of the grade histogram, drawn as inline SVG by the template."""
    width, height, gap, top = 40, 160, 8, 20
    tallest = max((bucket["count"] for bucket in histogram), default=0) or 1
    bars = []
    for index, bucket in enumerate(histogram):
        bar = round(bucket["count"] * height / tallest)
        x = index * (width + gap) + gap
        bars.append(
            {
                **bucket,
                "x": x,
                "y": top + height - bar,
                "height": bar,
                "text_x": x + width // 2,
                "text_y": top + height - bar - 4,
            }
        )
    return {
        "bars": bars,
        "bar_width": width,
        "width": len(histogram) * (width + gap) + gap,
        "baseline": top + height,
        "height": top + height + 24,
        "label_y": top + height + 16,
    }


@class_view(read_only=True)
def class_results(request, training_class):
    places = marking.class_quizzes(training_class)
    context = {
        "training_class": training_class,
        "current": "results",
        "page_title": _("Quiz results"),
        "places": places,
    }
    if not places:
        return TemplateResponse(request, RESULTS_TEMPLATE, context)
    place = _selected_place(request, places)
    results = marking.class_results(training_class, place)
    if request.GET.get("dinh-dang") == "xlsx":
        return _xlsx_response(request, results, place)
    audit.record(
        actor=request.user,
        action="view",
        obj=training_class,
        screen="quiz results",
        quiz=place.quiz.pk,
        lesson=place.lesson.pk,
        count=len(results.members),
    )
    context.update(
        place=place,
        results=results,
        histogram=_histogram_svg(results.histogram),
        export_query=urlencode({"kiem-tra": place.key, "dinh-dang": "xlsx"}),
    )
    return TemplateResponse(request, RESULTS_TEMPLATE, context)


def _sheet_head(sheet, results: marking.ClassResults, place) -> None:
    sheet.append([results.training_class.title])
    sheet.append([f"Bài kiểm tra: {place.quiz.title} – bài học: {place.lesson.title}"])
    sheet.append(
        [
            f"Ngày xuất: {timezone.localdate():%d/%m/%Y} · Cách tính điểm: "
            f"{SHEET_GRADING[place.quiz.grading]} · Điểm đạt: {place.quiz.pass_mark}%"
        ]
    )
    sheet.append([])


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _member_status(member: dict) -> str:
    if member["grade"] is None:
        return SHEET_WAITING if member["waiting"] else ""
    return SHEET_PASSED if member["passed"] else SHEET_FAILED


def results_workbook(results: marking.ClassResults, place) -> bytes:
    """The results as an .xlsx file: members, questions and categories, each with totals."""
    workbook = Workbook()
    members = workbook.active
    members.title = SHEET_MEMBERS
    _sheet_head(members, results, place)
    members.append(MEMBER_HEADERS)
    for number, member in enumerate(results.members, 1):
        members.append(
            [
                number,
                member["name"],
                member["attempts"],
                member["graded"],
                _number(member["best"]),
                _number(member["grade"]),
                _member_status(member),
                _local(member["last_submitted"]),
            ]
        )
    graded = len(results.graded_members)
    members.append(
        [
            None,
            SHEET_TOTAL,
            sum(m["attempts"] for m in results.members),
            results.graded_attempts,
            None,
            _number(results.mean_grade),
            f"{results.passed_count}/{len(results.members)} đạt",
            f"{graded} học viên có điểm",
        ]
    )
    _style(members, columns=len(MEMBER_HEADERS), rows=len(results.members))
    _widths(members, [6, 28, 10, 10, 12, 10, 14, 18])

    questions = workbook.create_sheet(SHEET_QUESTIONS)
    _sheet_head(questions, results, place)
    questions.append(QUESTION_HEADERS)
    for number, item in enumerate(results.questions, 1):
        questions.append(
            [
                number,
                item["title"],
                item["category"] or SHEET_NO_CATEGORY,
                _number(item["points"]),
                item["count"],
                item["correct"],
                item["partial"],
                _number(item["correct_percent"]),
                _number(item["mean_score"]),
            ]
        )
    answered = sum(q["count"] for q in results.questions)
    correct = sum(q["correct"] for q in results.questions)
    questions.append(
        [
            None,
            SHEET_TOTAL,
            f"{len(results.questions)} câu hỏi",
            _number(sum((q["points"] for q in results.questions), Decimal(0))),
            answered,
            correct,
            sum(q["partial"] for q in results.questions),
            _number(marking._percent(correct, answered)),
            None,
        ]
    )
    _style(questions, columns=len(QUESTION_HEADERS), rows=len(results.questions))
    _widths(questions, [6, 40, 24, 10, 12, 10, 12, 12, 12])

    categories = workbook.create_sheet(SHEET_CATEGORIES)
    _sheet_head(categories, results, place)
    categories.append(CATEGORY_HEADERS)
    for number, item in enumerate(results.categories, 1):
        categories.append(
            [
                number,
                item["name"] or SHEET_NO_CATEGORY,
                item["questions"],
                _number(item["scored"]),
                _number(item["available"]),
                _number(item["percent"]),
            ]
        )
    scored = sum((c["scored"] for c in results.categories), Decimal(0))
    available = sum((c["available"] for c in results.categories), Decimal(0))
    categories.append(
        [
            None,
            SHEET_TOTAL,
            sum(c["questions"] for c in results.categories),
            _number(scored),
            _number(available),
            _number(marking._percent(scored, available)),
        ]
    )
    _style(categories, columns=len(CATEGORY_HEADERS), rows=len(results.categories))
    _widths(categories, [6, 36, 10, 14, 14, 14])

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _style(sheet, *, columns: int, rows: int) -> None:
    thin = Side(style="thin")
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
                cell.number_format = "dd/mm/yyyy hh:mm"
                cell.alignment = Alignment(horizontal="center")
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)


def _widths(sheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _xlsx_response(request, results: marking.ClassResults, place) -> HttpResponse:
    training_class = results.training_class
    audit.record(
        actor=request.user,
        action="export",
        obj=training_class,
        screen="quiz results xlsx",
        quiz=place.quiz.pk,
        lesson=place.lesson.pk,
        count=len(results.members),
    )
    response = HttpResponse(results_workbook(results, place), content_type=XLSX)
    name = f"ket-qua-{training_class.slug}-{place.quiz.pk}-{place.lesson.pk}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


# Registration (assessments/wagtail_hooks_marking.py) ---------------------------------------


class MarkingMenuItem(MenuItem):
    """ "Marking", with the number of essays waiting when there are some."""

    def is_shown(self, request):
        return _may_mark(request.user)

    def render_component(self, request):
        waiting = marking.marking_count(request.user)
        label = f"{self.label} ({waiting})" if waiting else self.label
        return LinkMenuItemComponent(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


admin_urlpatterns = [
    path("cham-bai/", marking_queue, name="assessments_marking_queue"),
    path("cham-bai/<int:answer_id>/", mark_answer, name="assessments_marking_answer"),
    path("lop-hoc/<int:pk>/ket-qua/", class_results, name="assessments_class_results"),
]

menu_items = [
    MarkingMenuItem(
        gettext_lazy("Marking"),
        reverse_lazy("assessments_marking_queue"),
        name="marking",
        icon_name="edit",
        order=260,
    )
]
