"""The class's "all certificates as one ZIP" screen in the admin: start a build, watch its
progress (the page polls a small JSON address), download the archive.

Open to the class's trainers and admins only (`class_view`: anyone else gets the 403 page);
the archive is served through this view, never by a public storage address, because it holds
every member's certificate.
"""

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from wagtail import hooks

from people.admin_views.classes import class_view

from . import bulk


def _state(training_class) -> dict:
    state = dict(bulk.progress(training_class.pk))
    total, done = state.get("total") or 0, state.get("done") or 0
    state["percent"] = (
        round(100 * done / total) if total else (100 if state["state"] == "done" else 0)
    )
    state["outdated"] = bool(
        state["state"] == "done"
        and state.get("fingerprint")
        and state["fingerprint"] != bulk.fingerprint(training_class.pk)
    )
    state["download_url"] = (
        reverse("certificates_class_zip_file", args=[training_class.pk])
        if state["state"] == "done"
        else ""
    )
    return state


@class_view()
def class_zip(request, training_class):
    if request.method == "POST":
        bulk.certificates_zip_queue(training_class_id=training_class.pk)
        messages.info(request, _("The ZIP file is being prepared."))
        return redirect("certificates_class_zip", training_class.pk)
    context = {
        "training_class": training_class,
        "current": "certificates",
        "page_title": _("All certificates as one ZIP file"),
        "count": bulk.class_certificates(training_class.pk).count(),
        "zip": _state(training_class),
        "status_url": reverse("certificates_class_zip_status", args=[training_class.pk]),
        "zip_texts": {
            "queued": _("Waiting for a worker to start preparing the ZIP file…"),
            "running": _("Preparing: %(done)s of %(total)s certificates."),
            "done": _("The ZIP file is ready."),
            "failed": _(
                "Preparing the ZIP file failed. Try again; if it fails again, tell an administrator."
            ),
        },
    }
    return TemplateResponse(request, "certificates/bulk_class.html", context)


@class_view()
def class_zip_status(request, training_class):
    return JsonResponse(_state(training_class))


@class_view()
def class_zip_file(request, training_class):
    name = bulk.zip_storage_name(training_class.pk)
    if not default_storage.exists(name):
        raise Http404
    response = FileResponse(default_storage.open(name, "rb"), content_type="application/zip")
    filename = f"giay-chung-nhan-{training_class.slug or training_class.pk}.zip"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


admin_urlpatterns = [
    path("lop-hoc/<int:pk>/chung-nhan/tai-ve/", class_zip, name="certificates_class_zip"),
    path(
        "lop-hoc/<int:pk>/chung-nhan/tai-ve/trang-thai/",
        class_zip_status,
        name="certificates_class_zip_status",
    ),
    path(
        "lop-hoc/<int:pk>/chung-nhan/tai-ve/tep/",
        class_zip_file,
        name="certificates_class_zip_file",
    ),
]


@hooks.register("register_admin_urls")
def bulk_admin_urls():
    return admin_urlpatterns
