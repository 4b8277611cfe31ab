"""Background work for H5P packages."""

import logging

from celery import shared_task

from . import services
from .models import H5PContent

logger = logging.getLogger(__name__)


@shared_task
def h5p_extract(content_id: int, install_libraries: bool = False) -> str:
    """Extract an uploaded package into storage (queued on commit by `h5p_package_import`, which
    decides whether its uploader may install libraries). Safe to run twice: a READY content is
    left alone and a retry rewrites the same files."""
    content = services.h5p_package_extract(
        content_id=content_id, install_libraries=install_libraries
    )
    if content.status == H5PContent.Status.FAILED:
        logger.warning("H5P content %s: %s", content_id, content.error)
    return content.status
