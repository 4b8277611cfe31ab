"""The portable credential's addresses: the Open Badges 3.0 file of a certificate, public and
the holder's own, and the issuer's public key. Anyone holding the verification code may download
the public credential (it says no more than the verification page), as often as the page's rate
limit allows; the holder, logged in, downloads their copy with their hashed e-mail address. A revoked certificate's credential is gone (410): a signed copy made today would look
valid to someone checking it offline; the verification page says why it was revoked."""

import logging

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import badges, selectors
from .models import Certificate
from .views import _too_many, rate_limited

CREDENTIAL_TYPE = "application/vc+ld+json"
logger = logging.getLogger(__name__)


def badge_filename(certificate: Certificate) -> str:
    return f"chung-nhan-{certificate.serial_number}-{certificate.serial_suffix}.openbadge.json"


@require_GET
def badge(request, code: str):
    if rate_limited(request):
        return _too_many(request)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    if certificate.status == Certificate.Status.REVOKED:
        message = _("This certificate was revoked: its credential can no longer be downloaded.")
        return HttpResponse(message, status=410, content_type="text/plain; charset=utf-8")
    return _credential_response(certificate, with_email=False)


@require_GET
def holder_badge(request, code: str):
    """The holder's own copy (a valid certificate of theirs); anyone else gets not-found."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = selectors.certificate_by_code(code)
    valid = certificate is not None and certificate.status == Certificate.Status.VALID
    if not valid or certificate.user_id != request.user.pk:
        raise Http404
    return _credential_response(certificate, with_email=True)


def _key_unavailable(error: badges.SigningKeyUnavailable) -> HttpResponse:
    logger.error("credential not served: %s", error)
    message = _(
        "The digital credential is temporarily unavailable. The verification page still says "
        "whether the certificate is valid."
    )
    return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")


def _credential_response(certificate: Certificate, *, with_email: bool) -> HttpResponse:
    try:
        content = badges.credential_bytes(certificate, with_email=with_email)
    except badges.SigningKeyUnavailable as error:
        return _key_unavailable(error)
    response = HttpResponse(content, content_type=CREDENTIAL_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, badge_filename(certificate))
    response["X-Robots-Tag"] = "noindex"
    if with_email:
        response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def issuer_key(request):
    """The issuer's public key in the usual forms (a did:key needs no lookup; this is for people
    who compare it with what a credential names)."""
    try:
        public_key = badges.issuer_public_key()
        summary = badges.issuer_key_summary()
    except badges.SigningKeyUnavailable as error:
        return _key_unavailable(error)
    document = {
        "id": summary["did"],
        "verificationMethod": [
            {
                "id": summary["verification_method"],
                "type": "Multikey",
                "controller": summary["did"],
                "publicKeyMultibase": summary["multibase"],
            }
        ],
        "assertionMethod": [summary["verification_method"]],
        "publicKeyHex": summary["hex"],
        "publicKeyJwk": badges.public_key_jwk(public_key),
        "publicKeyPem": badges.public_key_pem(public_key),
    }
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
