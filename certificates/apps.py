from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates: issued once, rendered to PDF, verifiable by anyone."""

    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.signals import course_completed

        from .receivers import issue_on_completion

        course_completed.connect(issue_on_completion, dispatch_uid="certificates.issue")

        # Modules that register something when imported: the certificates section of a person's
        # copy (data_rights); the ZIP task and its admin screens (bulk, bulk_views).
        from . import bulk, bulk_views, data_rights  # noqa: F401
        from .mail import mail_on_issue
        from .signals import certificate_issued

        # The holder's letter when a certificate is issued (certificates/mail.py).
        certificate_issued.connect(mail_on_issue, dispatch_uid="certificates.mail_on_issue")
