"""A learner's own personal data: download a copy, ask for erasure (people.data_rights).

No URL carries an id: every view works on the signed-in person's own data only.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from ..audit import record
from ..data_rights import (
    OPEN_STATUSES,
    data_request_create,
    data_request_due_on,
    personal_data_json,
    personal_data_xlsx,
)
from ..models import AuditEvent, DataRequest

EXPORTS = {
    "json": (personal_data_json, "application/json; charset=utf-8"),
    "xlsx": (
        personal_data_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I understand that I will not be able to log in again and that my data cannot be recovered."
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm your request.")},
    )


@login_required
@require_GET
def data_rights(request):
    """My personal data: what I can do with it, and the requests I have made."""
    requests = list(DataRequest.objects.filter(user=request.user))
    for data_request in requests:
        data_request.due_on = data_request_due_on(data_request)
    open_erasure = next(
        (r for r in requests if r.kind == DataRequest.Kind.ERASURE and r.status in OPEN_STATUSES),
        None,
    )
    return render(
        request,
        "people/data_rights/overview.html",
        {"data_requests": requests, "open_erasure": open_erasure},
    )


@login_required
@require_GET
def data_export(request, fmt: str):
    """Download everything held about me; each download is written to the audit log."""
    build, content_type = EXPORTS[fmt]
    content = build(user=request.user)
    record(actor=request.user, action=AuditEvent.Action.EXPORT, subject=request.user, format=fmt)
    response = HttpResponse(content, content_type=content_type)
    filename = f"du-lieu-ca-nhan-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def erasure_request(request):
    """Ask for my data to be erased, after reading what that means."""
    form = ErasureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data_request = data_request_create(
            user=request.user,
            kind=DataRequest.Kind.ERASURE,
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            request,
            _(
                "Your request to erase your data was received on %(date)s. We will acknowledge it by %(due)s."
            )
            % {
                "date": f"{timezone.localtime(data_request.received_at):%d/%m/%Y}",
                "due": f"{data_request_due_on(data_request):%d/%m/%Y}",
            },
        )
        return redirect("people:data_rights")
    return render(request, "people/data_rights/erasure_request.html", {"form": form})


urlpatterns = [
    path("tai-khoan/du-lieu-ca-nhan/", data_rights, name="data_rights"),
    path(
        "tai-khoan/du-lieu-ca-nhan/tai-ve.json",
        data_export,
        {"fmt": "json"},
        name="data_export_json",
    ),
    path(
        "tai-khoan/du-lieu-ca-nhan/tai-ve.xlsx",
        data_export,
        {"fmt": "xlsx"},
        name="data_export_xlsx",
    ),
    path("tai-khoan/du-lieu-ca-nhan/yeu-cau-xoa/", erasure_request, name="data_erasure_request"),
]
