"""The learner's own account page, and the commune search used by sign-up."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from ..forms import ProfileForm
from ..models import AdministrativeUnit, Agency, Profile
from ..text import fold


def _matching_words(queryset, folded_query: str):
    """Rows whose folded name contains every word typed, in any order ("tu phap lang son")."""
    for word in folded_query.split():
        queryset = queryset.filter(name_folded__contains=word)
    return queryset


@require_GET
@cache_control(max_age=3600, public=True)
def unit_search(request):
    """Current communes whose name contains what was typed, diacritics optional. Public data."""
    query = fold(request.GET.get("q", ""))
    if len(query) < 2:
        return JsonResponse({"results": []})
    communes = AdministrativeUnit.objects.filter(
        level=AdministrativeUnit.Level.COMMUNE, is_current=True
    )
    units = _matching_words(communes, query).select_related("parent").order_by("name_folded")[:20]
    return JsonResponse(
        {"results": [{"id": u.pk, "label": f"{u.name}, {u.parent.name}"} for u in units]}
    )


@require_GET
@cache_control(max_age=600, public=True)
def agency_search(request):
    """Agencies whose name contains what was typed, diacritics optional. Public data."""
    query = fold(request.GET.get("q", ""))
    if len(query) < 2:
        return JsonResponse({"results": []})
    agencies = _matching_words(Agency.objects.all(), query).order_by("name_folded")[:20]
    return JsonResponse({"results": [{"id": a.pk, "label": a.name} for a in agencies]})


@login_required
def account(request):
    """My profile: what the platform records about me, editable by me."""
    profile, _created = Profile.objects.get_or_create(
        user=request.user,
        defaults={"full_name": request.user.get_full_name() or request.user.get_username()},
    )
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("people:account")
    return render(request, "people/account.html", {"form": form, "profile": profile})


def privacy_notice(request):
    """The privacy notice a person agrees to at sign-up (its version is stored with the consent)."""
    return render(
        request, "people/privacy.html", {"policy_version": settings.PRIVACY_POLICY_VERSION}
    )


urlpatterns = [
    path("chinh-sach-du-lieu-ca-nhan/", privacy_notice, name="privacy"),
    path("don-vi-hanh-chinh/tim/", unit_search, name="unit_search"),
    path("co-quan/tim/", agency_search, name="agency_search"),
    path("tai-khoan/", account, name="account"),
]
