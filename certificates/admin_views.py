"""Certificates in the Wagtail admin: the list of issued certificates, one certificate with its
history (revoke or reissue it, with a reason), and a class's certificates for its trainers.

Mounted by certificates/wagtail_hooks.py. The list and the revocation screens are for admins;
a class's page is for those who run the class (people.admin_views.classes.class_view).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from courses.models import CoursePage
from people.admin_views.classes import class_view
from people.admin_views.common import forbidden
from people.roles import is_admin

from . import services
from .forms import ReasonForm
from .models import Certificate

TEMPLATES = "certificates/admin/"
PER_PAGE = 50


def admin_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_admin(request.user):
            return forbidden(
                request,
                title=_("Not allowed"),
                message=_("Only administrators manage issued certificates."),
            )
        return view(request, *args, **kwargs)

    return login_required(wrapped)


@admin_only
def certificate_list(request):
    certificates = Certificate.objects.select_related("course", "training_class").order_by(
        "-issued_at", "-pk"
    )
    query = request.GET.get("q", "").strip()
    if query:
        certificates = certificates.filter(
            Q(snapshot__holder_name__icontains=query)
            | Q(code__iexact=query.replace(" ", ""))
            | Q(serial_number=int(query.split("/")[0]) if query.split("/")[0].isdigit() else -1)
        )
    status = request.GET.get("trang-thai", "")
    if status in Certificate.Status.values:
        certificates = certificates.filter(status=status)
    page = Paginator(certificates, PER_PAGE).get_page(request.GET.get("p"))
    context = {"page_title": _("Issued certificates"), "page": page, "q": query, "status": status}
    return TemplateResponse(request, TEMPLATES + "list.html", context)


@admin_only
def certificate_detail(request, pk: int):
    certificate = get_object_or_404(
        Certificate.objects.select_related("course", "training_class", "replaces", "revoked_by"),
        pk=pk,
    )
    context = {
        "page_title": _("Certificate %(serial)s") % {"serial": certificate.serial},
        "certificate": certificate,
        "replaced_by": Certificate.objects.filter(replaces=certificate).first(),
        "events": certificate.events.select_related("actor"),
        "revoke_form": ReasonForm(prefix="revoke"),
        "reissue_form": ReasonForm(prefix="reissue"),
    }
    return TemplateResponse(request, TEMPLATES + "detail.html", context)


def _reason_action(request, pk: int, prefix: str, action) -> Certificate | None:
    """Run `action` with the reason posted, or say what is wrong; None when nothing was done."""
    certificate = get_object_or_404(Certificate, pk=pk)
    form = ReasonForm(request.POST, prefix=prefix)
    if not form.is_valid():
        messages.error(request, _("Give the reason."))
        return None
    try:
        return action(
            certificate_id=certificate.pk, reason=form.cleaned_data["reason"], actor=request.user
        )
    except services.NotIssuable as refusal:
        messages.error(request, str(refusal))
        return None


@require_POST
@admin_only
def certificate_revoke(request, pk: int):
    certificate = _reason_action(request, pk, "revoke", services.certificate_revoke)
    if certificate is not None:
        messages.success(
            request, _("Certificate %(serial)s revoked.") % {"serial": certificate.serial}
        )
    return redirect("certificates_admin_detail", pk)


@require_POST
@admin_only
def certificate_reissue(request, pk: int):
    new = _reason_action(request, pk, "reissue", services.certificate_reissue)
    if new is None:
        return redirect("certificates_admin_detail", pk)
    messages.success(
        request, _("Certificate %(serial)s issued in its place.") % {"serial": new.serial}
    )
    return redirect("certificates_admin_detail", new.pk)


# A class's certificates --------------------------------------------------------------------


def _class_courses(training_class) -> list[dict]:
    """The class's courses with how many members completed them and hold a certificate."""
    members = Q(
        enrolments__user__class_memberships__training_class=training_class,
        enrolments__user__class_memberships__removed_at__isnull=True,
    )
    courses = (
        CoursePage.objects.filter(training_classes=training_class)
        .select_related("certificate_template")
        .annotate(
            completed=Count(
                "enrolments",
                filter=members & Q(enrolments__completed_at__isnull=False),
                distinct=True,
            )
        )
        .order_by("path")
    )
    held = dict(
        Certificate.objects.filter(training_class=training_class, status="valid")
        .values_list("course_id")
        .annotate(n=Count("pk"))
    )
    return [
        {"course": course, "completed": course.completed, "certificates": held.get(course.pk, 0)}
        for course in courses
    ]


@class_view()
def class_certificates(request, training_class):
    if request.method == "POST":
        course_id = request.POST.get("course")
        issued = services.certificates_issue_for_class(
            training_class_id=training_class.pk,
            course_id=int(course_id) if course_id and course_id.isdigit() else None,
            actor=request.user,
        )
        messages.success(
            request,
            ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", len(issued))
            % {"count": len(issued)},
        )
        return redirect("certificates_class", training_class.pk)
    certificates = (
        Certificate.objects.filter(training_class=training_class)
        .select_related("course")
        .order_by("course__path", "serial_number")
    )
    context = {
        "training_class": training_class,
        "current": "certificates",
        "page_title": _("Certificates"),
        "courses": _class_courses(training_class),
        "certificates": certificates,
    }
    return TemplateResponse(request, TEMPLATES + "class.html", context)


admin_urlpatterns = [
    path("chung-nhan/", certificate_list, name="certificates_admin_list"),
    path("chung-nhan/<int:pk>/", certificate_detail, name="certificates_admin_detail"),
    path("chung-nhan/<int:pk>/thu-hoi/", certificate_revoke, name="certificates_admin_revoke"),
    path("chung-nhan/<int:pk>/cap-lai/", certificate_reissue, name="certificates_admin_reissue"),
    path("lop-hoc/<int:pk>/chung-nhan/", class_certificates, name="certificates_class"),
]
