"""Importing people in the Wagtail admin: upload, preview, confirm, and a progress page.

Admins import anyone, into any class or none; trainers import only into a class they run; every
other user gets a 403. A file of more than `imports.ASYNC_ROWS` rows is applied by a Celery task
(people.tasks.import_people_job) whose progress the status page polls as JSON. The URLs and menu
item are registered in people/wagtail_hooks.py.
"""

import functools

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext as __
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from people import imports
from people.admin_views.common import forbidden
from people.models import ImportJob, TrainingClass
from people.permissions import ClassPolicy
from people.roles import is_admin, is_trainer

PREVIEW_ROWS = 200
SHOWN_ERRORS = 1_000
FIELD_COLUMNS = {"audience_id": "audience", "agency_id": "agency", "province_id": "province", "commune_id": "commune"}  # fmt: skip
TEMPLATES = "people/admin/imports"


def may_import(user) -> bool:
    return is_admin(user) or is_trainer(user)


def import_refused(request) -> HttpResponse:
    return forbidden(
        request,
        title=_("Import people"),
        message=_("Only administrators, and trainers for the classes they run, can import people."),
        icon="upload",
    )


def importers_only(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not may_import(request.user):
            return import_refused(request)
        return view(request, *args, **kwargs)

    return wrapped


def user_job(request, pk: int) -> ImportJob | None:
    """The job if this user may see it: an admin, or its author while they still run its class."""
    job = get_object_or_404(ImportJob.objects.select_related("training_class"), pk=pk)
    if is_admin(request.user):
        return job
    if job.created_by_id != request.user.pk:
        return None
    if job.training_class and not ClassPolicy.can_manage(request.user, job.training_class):
        return None
    return job


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            ".xlsx or .csv with the template's headers; at most 20 MB and 50,000 rows. "
            "People already registered are found by e-mail, phone number or national ID."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    training_class = forms.ModelChoiceField(
        label=_("Add everyone to the class"),
        queryset=TrainingClass.objects.none(),
        required=False,
        empty_label=_("— no class —"),
    )
    valid_rows_only = forms.BooleanField(
        label=_("Import the valid rows only"),
        required=False,
        help_text=_(
            "Rows with errors are skipped and listed. Unticked, nothing is saved until every row is valid."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["training_class"]
        field.queryset = ClassPolicy.manageable(user).order_by("-starts_on", "title")
        if not is_admin(user):
            field.required, field.empty_label = True, None  # trainers import into their classes

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > imports.MAX_FILE_BYTES:
            limit = imports.MAX_FILE_BYTES // (1024 * 1024)
            raise forms.ValidationError(str(imports.ImportFileError("too_big", limit=limit)))
        return upload


def _preview_key(job: ImportJob) -> str:
    return f"people-import-preview-{job.pk}"


def _preview(validation: imports.Validation) -> dict:
    """What the preview page lists, small enough to keep in the session."""
    rows = [
        {
            "line": row.line,
            "name": row.values["full_name"],
            "action": "kept" if row.kept else row.action,
            "changes": [
                imports.HEADER_NAMES[FIELD_COLUMNS.get(name, name)] for name in row.changes
            ],
        }
        for row in validation.rows[:PREVIEW_ROWS]
    ]
    return {"summary": validation.summary(), "rows": rows}


@importers_only
def upload(request):
    if request.method == "POST":
        chosen = request.POST.get("training_class", "")
        if (
            chosen.isdigit()
            and TrainingClass.objects.filter(pk=chosen).exists()
            and not ClassPolicy.manageable(request.user).filter(pk=chosen).exists()
        ):
            return import_refused(request)  # a class someone else runs
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                job, validation = imports.job_create(
                    upload=form.cleaned_data["file"],
                    actor=request.user,
                    training_class=form.cleaned_data["training_class"],
                    valid_rows_only=form.cleaned_data["valid_rows_only"],
                )
            except imports.ImportFileError as refused:
                form.add_error("file", str(refused))
            else:
                request.session[_preview_key(job)] = _preview(validation)
                return redirect("people_imports_preview", pk=job.pk)
    else:
        form = UploadForm(user=request.user)
    recent = ImportJob.objects.filter(created_by=request.user).select_related("training_class")
    return render(request, f"{TEMPLATES}/upload.html", {"form": form, "recent": recent[:10]})


@importers_only
def template(request):
    response = HttpResponse(
        imports.template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-hoc-vien.xlsx"'
    return response


@importers_only
def preview(request, pk: int):
    job = user_job(request, pk)
    if job is None:
        return import_refused(request)
    if job.status != ImportJob.Status.VALIDATED:
        return redirect("people_imports_status", pk=job.pk)
    data = request.session.get(_preview_key(job))
    if data is None:  # another browser, or the session expired: read the file again
        try:
            with job.file.open("rb") as handle:
                data = _preview(imports.validate(handle, job.original_name, actor=request.user))
        except (imports.ImportFileError, OSError, ValueError):
            job.file.delete(save=False)
            job.delete()
            messages.error(request, __("The uploaded file can no longer be read; upload it again."))
            return redirect("people_imports")
        request.session[_preview_key(job)] = data
    labels = {action: str(label) for action, label in imports.ACTION_LABELS.items()}
    for row in data["rows"]:
        row["label"] = labels[row["action"]]
    errors = imports.job_errors(job)
    importable = data["summary"]["total"] - len(errors)
    context = {
        "job": job,
        "summary": data["summary"],
        "rows": data["rows"],
        "more_rows": importable - len(data["rows"]),
        "errors": errors[:SHOWN_ERRORS],
        "more_errors": max(0, len(errors) - SHOWN_ERRORS),
        "importable": importable,
        "background": job.total_rows > imports.ASYNC_ROWS,
    }
    return render(request, f"{TEMPLATES}/preview.html", context)


@require_POST
@importers_only
def confirm(request, pk: int):
    job = user_job(request, pk)
    if job is None:
        return import_refused(request)
    if job.status != ImportJob.Status.VALIDATED:
        return redirect("people_imports_status", pk=job.pk)
    job.valid_rows_only = job.valid_rows_only or bool(request.POST.get("valid_rows_only"))
    if job.errors and not job.valid_rows_only:
        messages.error(
            request,
            __("Some rows have errors: fix the file, or tick “Import the valid rows only”."),
        )
        return redirect("people_imports_preview", pk=job.pk)
    job.save(update_fields=["valid_rows_only"])
    request.session.pop(_preview_key(job), None)
    if job.total_rows > imports.ASYNC_ROWS:
        from people.tasks import import_people_job

        imports.job_queued(job)
        transaction.on_commit(lambda: import_people_job.delay(job.pk))
        return redirect("people_imports_status", pk=job.pk)
    job = imports.job_apply(job.pk)
    if job.status == ImportJob.Status.VALIDATED:  # the data changed since the preview
        messages.error(request, __("The file no longer checks out against today's data: see the rows below."))  # fmt: skip
        return redirect("people_imports_preview", pk=job.pk)
    return redirect("people_imports_status", pk=job.pk)


@require_POST
@importers_only
def cancel(request, pk: int):
    job = user_job(request, pk)
    if job is None:
        return import_refused(request)
    if job.status == ImportJob.Status.VALIDATED:
        request.session.pop(_preview_key(job), None)
        job.file.delete(save=False)
        job.delete()
        messages.success(request, __("Import cancelled; the file was deleted."))
    return redirect("people_imports")


@importers_only
def status(request, pk: int):
    job = user_job(request, pk)
    if job is None:
        return import_refused(request)
    progress = imports.job_progress(job)
    if progress["phase"] == ImportJob.Status.VALIDATED:  # not confirmed yet
        return redirect("people_imports_preview", pk=job.pk)
    errors = imports.job_errors(job)
    context = {
        "job": job,
        "progress": progress,
        "errors": errors[:SHOWN_ERRORS],
        "more_errors": max(0, len(errors) - SHOWN_ERRORS),
        "status_url": reverse("people_imports_status_json", args=[job.pk]),
    }
    return render(request, f"{TEMPLATES}/status.html", context)


@importers_only
def status_json(request, pk: int):
    job = user_job(request, pk)
    if job is None:
        return JsonResponse({"error": "forbidden"}, status=403)
    return JsonResponse(imports.job_progress(job))


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


admin_urlpatterns = [
    path("people/imports/", upload, name="people_imports"),
    path("people/imports/template.xlsx", template, name="people_imports_template"),
    path("people/imports/<int:pk>/", preview, name="people_imports_preview"),
    path("people/imports/<int:pk>/confirm/", confirm, name="people_imports_confirm"),
    path("people/imports/<int:pk>/cancel/", cancel, name="people_imports_cancel"),
    path("people/imports/<int:pk>/status/", status, name="people_imports_status"),
    path("people/imports/<int:pk>/status.json", status_json, name="people_imports_status_json"),
]
menu_items = [
    ImportMenuItem(
        _("Import people"),
        reverse_lazy("people_imports"),
        name="people-imports",
        icon_name="upload",
        order=310,
    )
]
