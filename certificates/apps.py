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
        from . import data_rights  # noqa: F401 - the certificates section of a person's copy

        # certificates-extras: the holder's letter, and the task modules a worker must know.
        from . import bulk, bulk_views  # noqa: F401 - the ZIP task and its admin screens
        from .mail import mail_on_issue
        from .signals import certificate_issued

        certificate_issued.connect(mail_on_issue, dispatch_uid="certificates.mail_on_issue")
