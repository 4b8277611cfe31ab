"""The live preview of a certificate template in the admin: the template filled in with a
sample holder, as HTML (fast, while typing) or as the real PDF."""

from django.http import HttpResponse
from django.templatetags.static import static
from django.utils import timezone

from . import texts
from .models import CertificateTemplate
from .pdf import image_data_uri, page_css, qr_svg, render_pdf
from .services import verify_url

SAMPLE_CODE = "MAU0XEMTRUOC00000000"


def sample_snapshot(template: CertificateTemplate) -> dict:
    """What a certificate in this layout would print for a sample trainee today."""
    today = timezone.localdate()
    return {
        "holder_name": "Nguyễn Thị Ngọc Ánh",
        "birth_date": "1988",
        "course_title": "Kỹ năng truyền thông dự thảo chính sách",
        "audience": "Báo cáo viên pháp luật",
        "result": texts.result_text(87.5),
        "place": template.place,
        "date_text": texts.date_text(template.place, today),
        "issued_on": today.isoformat(),
        "expires_on": None,
        "governing_body": template.governing_body,
        "issuer_name": template.issuer_name,
        "title": template.title,
        "body_text": template.body_text,
        "signer_title": template.signer_title,
        "signer_name": template.signer_name,
        "serial": f"125/{template.serial_suffix}",
        "code": SAMPLE_CODE,
        "verify_url": verify_url(SAMPLE_CODE),
        "signature_image": template.signature_image.name or "",
        "seal_image": template.seal_image.name or "",
        "background_image": template.background_image.name or "",
    }


def preview_context(template: CertificateTemplate) -> dict:
    snapshot = sample_snapshot(template)
    fonts = f'@import url("{static("lms/css/fonts.css")}");\n'
    return {
        "c": snapshot,
        "qr": qr_svg(snapshot["verify_url"]),
        "signature": image_data_uri(snapshot["signature_image"]),
        "seal": image_data_uri(snapshot["seal_image"]),
        "background": image_data_uri(snapshot["background_image"]),
        "preview_css": fonts + page_css(),
    }


def serve_preview(template: CertificateTemplate, request, mode_name: str):
    """The PDF mode; None lets Wagtail render the HTML mode with the preview context."""
    if mode_name != "pdf":
        return None
    response = HttpResponse(render_pdf(sample_snapshot(template)), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="xem-truoc.pdf"'
    return response
