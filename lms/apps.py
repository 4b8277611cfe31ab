from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """The project itself: home page, shared blocks, site templates, demo and housekeeping."""

    name = "lms"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"
