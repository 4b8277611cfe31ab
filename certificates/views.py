"""The public verification page and the holder's download.

Verification needs no log-in and says only what the paper already says: status, holder, course,
date and issuer (never the birth year, e-mail or anything else on file). Unknown or malformed
codes get the plain not-found page. Each visitor's address (behind our proxies, the one they
reported: lms.http.client_ip) may look up a limited number of codes a minute, so codes cannot
be harvested by trying them (they have 100 bits anyway).
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms.http import client_ip

from . import selectors, services
from .models import Certificate

RATE_WINDOW = 60  # seconds


def rate_limited(request) -> bool:
    """Count this lookup against the caller's address; True past the limit per minute."""
    limit = getattr(settings, "CERTIFICATE_VERIFY_RATE", 30)
    key = f"certificates:verify:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > limit


def _too_many(request) -> TemplateResponse:
    return TemplateResponse(
        request, "certificates/verify_limited.html", {"wait": RATE_WINDOW}, status=429
    )


@require_GET
def verify_form(request):
    """A box to type a code from a paper certificate."""
    typed = request.GET.get("ma", "").strip()
    error = ""
    if typed:
        if rate_limited(request):
            return _too_many(request)
        code = selectors.code_normalised(typed)
        if code and Certificate.objects.filter(code=code).exists():
            return redirect("certificates:verify", code=code)
        error = _("No certificate has this code. Check it against the paper and try again.")
    context = {"typed": typed, "error": error}
    return TemplateResponse(request, "certificates/verify_form.html", context)


def _state(certificate: Certificate) -> str:
    if certificate.status == Certificate.Status.REVOKED:
        return "revoked"
    return "expired" if certificate.is_expired else "valid"


@require_GET
def verify(request, code: str):
    if rate_limited(request):
        return _too_many(request)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    snapshot = certificate.snapshot or {}
    context = {
        "certificate": certificate,
        "state": _state(certificate),
        "holder_name": snapshot.get("holder_name", ""),
        "course_title": snapshot.get("course_title", ""),
        "issuer_name": snapshot.get("issuer_name", ""),
        "issued_on": timezone.localdate(certificate.issued_at),
        "expires_on": timezone.localdate(certificate.expires_at)
        if certificate.expires_at
        else None,
        "revoked_on": timezone.localdate(certificate.revoked_at)
        if certificate.revoked_at
        else None,
        "revoked_reason": certificate.revoked_reason,
    }
    response = TemplateResponse(request, "certificates/verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def download(request, code: str):
    """The PDF, for its holder (while valid) and for staff; rendered again from the snapshot if
    the stored file is missing. Anyone else gets not-found, as if there were no such code."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = selectors.certificate_by_code(code)
    if certificate is None or not selectors.can_download(request.user, certificate):
        raise Http404
    content = services.certificate_pdf_bytes(certificate=certificate)
    response = HttpResponse(content, content_type="application/pdf")
    filename = services.pdf_filename(certificate)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
