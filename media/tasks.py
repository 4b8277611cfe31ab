"""Background work for H5P packages."""

from celery import shared_task

from . import services


@shared_task
def h5p_extract(content_id: int, install_libraries: bool = False) -> str:
    """Extract an uploaded package into storage (queued on commit by `h5p_package_import`, which
    decides whether its uploader may install libraries). Safe to run twice: a READY content is
    left alone and a retry rewrites the same files."""
    return services.h5p_package_extract(
        content_id=content_id, install_libraries=install_libraries
    ).status
