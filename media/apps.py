from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """Interactive and rich media: H5P packages and xAPI statements."""

    name = "media"
    verbose_name = _("Interactive media")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the H5P content origin checks
