"""Importing and exporting questions in the Wagtail admin, at /admin/assessments/import/.

Upload a GIFT or .xlsx file for a bank (chosen or typed), see what would happen (counts per type
and per category, every problem with its line), then confirm to save. The upload is kept in the
cache between the preview and the confirmation (Redis in production, shared by the workers) and
is checked again on confirmation. Each bank can be exported to GIFT or .xlsx, and the blank
template downloaded. Only users with `assessments.add_question` get in. The URLs are registered in
assessments/wagtail_hooks.py.
"""

import functools
import secrets
from io import BytesIO
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, re_path, reverse_lazy
from django.utils.text import slugify
from django.utils.translation import gettext as __
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from people.admin_views.common import forbidden

from . import gift, imports, question_xlsx
from .models import QuestionBank

PERMISSION = "assessments.add_question"
TEMPLATES = "assessments/admin"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
KEEP_SECONDS = 3600
SHOWN_PROBLEMS = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def may_import(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(PERMISSION))


def importers_only(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not may_import(request.user):
            return forbidden(
                request,
                title=_("Import questions"),
                message=_("Only people who may add questions can import or export them."),
                icon="upload",
            )
        return view(request, *args, **kwargs)

    return wrapped


class UploadForm(forms.Form):
    bank = forms.ModelChoiceField(
        label=_("Question bank"),
        queryset=QuestionBank.objects.all(),
        required=False,
        empty_label=_("— a new bank, named below —"),
    )
    new_bank = forms.CharField(
        label=_("Or a new bank named"), max_length=200, required=False, strip=True
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "GIFT (.gift or .txt, UTF-8, as Moodle exports it) or .xlsx in our template; at most 5 MB. "
            "Questions with the same category and title as one in the bank are updated."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".gift,.txt,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                str(imports.QuestionFileError("too_big", limit=MAX_UPLOAD_BYTES // (1024 * 1024)))
            )
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("bank") and not data.get("new_bank"):
            self.add_error("new_bank", __("Choose a bank or type the name of a new one."))
        return data

    def bank_name(self) -> str:
        bank = self.cleaned_data.get("bank")
        return bank.name if bank else self.cleaned_data["new_bank"]


def _key(token: str) -> str:
    return f"assessments:question-import:{token}"


def _page(request, form, **context):
    context = {"form": form, "banks": QuestionBank.objects.all(), **context}
    return render(request, f"{TEMPLATES}/import.html", context)


def _preview(request, stored: dict, token: str, form=None):
    """Read the kept file again and show the plan; the confirm button only without problems."""
    try:
        parsed = imports.read_file(BytesIO(stored["data"]), stored["name"])
        result = imports.plan(parsed, stored["bank"])
    except imports.QuestionFileError as refused:
        cache.delete(_key(token))
        form = form or UploadForm()
        form.add_error(None, str(refused))
        return _page(request, form), None
    rows = PurePath(stored["name"]).suffix.lower() == ".xlsx"
    problems = [(p.line, str(p.message)) for p in result.problems]
    context = {
        "token": token,
        "file_name": stored["name"],
        "bank_name": result.bank_name,
        "new_bank": result.bank_id is None,
        "counts": result.counts(),
        "per_kind": result.per_kind(),
        "per_category": result.per_category(),
        "new_categories": [" / ".join(p) for p in result.new_categories],
        "problems": problems[:SHOWN_PROBLEMS],
        "more_problems": max(0, len(problems) - SHOWN_PROBLEMS),
        "line_label": __("Row") if rows else __("Line"),
    }
    return render(request, f"{TEMPLATES}/preview.html", context), result


@importers_only
def import_questions(request):
    if request.method != "POST":
        return _page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form)
    upload = form.cleaned_data["file"]
    token = secrets.token_urlsafe(16)
    stored = {
        "user": request.user.pk,
        "name": PurePath(upload.name).name[:200],
        "bank": form.bank_name(),
        "data": upload.read(),
    }
    response, result = _preview(request, stored, token, form)
    if result is not None and not result.problems:  # only a file that can be saved is kept
        cache.set(_key(token), stored, KEEP_SECONDS)
    return response


@importers_only
def confirm(request):
    if request.method != "POST":
        return redirect("assessments_question_import")
    token = request.POST.get("token", "")
    stored = cache.get(_key(token)) if token else None
    if not stored or stored["user"] != request.user.pk:
        messages.error(request, __("The uploaded file is no longer available; upload it again."))
        return redirect("assessments_question_import")
    response, result = _preview(request, stored, token)
    if result is None or result.problems:
        return response  # the bank changed since the preview: show today's problems
    try:
        outcome = imports.apply(result)
    except imports.QuestionFileError as refused:
        messages.error(request, str(refused))
        return redirect("assessments_question_import")
    cache.delete(_key(token))
    messages.success(
        request,
        __(
            "Imported into the bank “%(bank)s”: %(created)s created, %(updated)s updated, %(unchanged)s unchanged."
        )
        % {
            "bank": result.bank_name,
            "created": outcome.created,
            "updated": outcome.updated,
            "unchanged": outcome.unchanged,
        },
    )
    return redirect("assessments_question_import")


def _download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@importers_only
def export(request, pk: int, fmt: str):
    bank = get_object_or_404(QuestionBank, pk=pk)
    name = slugify(bank.name, allow_unicode=False) or f"bank-{bank.pk}"
    if fmt == "gift":
        return _download(gift.write(bank).encode(), f"{name}.gift", "text/plain; charset=utf-8")
    return _download(question_xlsx.write(bank), f"{name}.xlsx", XLSX)


@importers_only
def template(request):
    return _download(question_xlsx.template(), "mau-nhap-cau-hoi.xlsx", XLSX)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


admin_urlpatterns = [
    path("assessments/import/", import_questions, name="assessments_question_import"),
    path("assessments/import/confirm/", confirm, name="assessments_question_import_confirm"),
    path("assessments/import/template.xlsx", template, name="assessments_question_template"),
    re_path(
        r"^assessments/import/export/(?P<pk>[0-9]+)/(?P<fmt>gift|xlsx)/$",
        export,
        name="assessments_question_export",
    ),
]
menu_items = [
    ImportMenuItem(
        _("Import questions"),
        reverse_lazy("assessments_question_import"),
        name="assessments-question-import",
        icon_name="upload",
        order=320,
    )
]
