"""Data-subject requests in the Wagtail admin: the list with due dates, acknowledge, complete.

Admins only (people.roles.is_admin): completing an erasure cannot be undone. The URLs and the
menu item are registered in people/wagtail_hooks.py.
"""

from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from ..adapter import display_name
from ..data_rights import (
    OPEN_STATUSES,
    data_request_acknowledge,
    data_request_complete,
    data_request_due_on,
    data_request_is_overdue,
)
from ..models import DataRequest
from ..roles import is_admin
from .common import forbidden

PER_PAGE = 50


def admin_only(view):
    """A plain 403 for other staff (Wagtail would turn PermissionDenied into a redirect)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_admin(request.user):
            return forbidden(
                request,
                title=_("Data requests"),
                message=_("Only administrators handle requests about personal data."),
                icon="lock",
            )
        return view(request, *args, **kwargs)

    return wrapped


@admin_only
def request_list(request):
    """Open requests first, oldest first: the ones closest to (or past) their due date on top."""
    show_all = request.GET.get("status") == "all"
    requests = DataRequest.objects.select_related("user__profile", "handled_by")
    if not show_all:
        requests = requests.filter(status__in=OPEN_STATUSES)
    requests = requests.annotate(
        closed=Case(
            When(status__in=OPEN_STATUSES, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("closed", "received_at", "pk")
    page = Paginator(requests, PER_PAGE).get_page(request.GET.get("p"))
    today = timezone.localdate()
    for data_request in page:
        data_request.person = display_name(data_request.user)
        data_request.due_on = data_request_due_on(data_request)
        data_request.overdue = data_request_is_overdue(data_request, today=today)
    return render(
        request,
        "people/admin/data_rights/request_list.html",
        {"page": page, "show_all": show_all},
    )


@admin_only
@require_POST
def request_acknowledge(request, pk: int):
    data_request = get_object_or_404(DataRequest, pk=pk)
    data_request_acknowledge(request=data_request, staff=request.user)
    messages.success(request, _("The request has been acknowledged."))
    return redirect("people_data_requests")


@admin_only
def request_complete(request, pk: int):
    """Confirm, then carry out: an erasure anonymises the person for good."""
    data_request = get_object_or_404(DataRequest.objects.select_related("user__profile"), pk=pk)
    if data_request.status not in OPEN_STATUSES:
        messages.warning(request, _("This request has already been closed."))
        return redirect("people_data_requests")
    if request.method == "POST":
        data_request_complete(request=data_request, staff=request.user)
        messages.success(request, _("The request has been completed."))
        return redirect("people_data_requests")
    return render(
        request,
        "people/admin/data_rights/request_complete.html",
        {"data_request": data_request, "person": display_name(data_request.user)},
    )


admin_urlpatterns = [
    path("people/data-requests/", request_list, name="people_data_requests"),
    path(
        "people/data-requests/<int:pk>/acknowledge/",
        request_acknowledge,
        name="people_data_request_acknowledge",
    ),
    path(
        "people/data-requests/<int:pk>/complete/",
        request_complete,
        name="people_data_request_complete",
    ),
]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_admin(request.user)


menu_items = [
    AdminOnlyMenuItem(
        gettext_lazy("Data requests"),
        reverse_lazy("people_data_requests"),
        name="people-data-requests",
        icon_name="lock",
        order=910,
    )
]
