"""Reads about H5P content that other apps (the lesson block, the admin) need."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from .models import H5PContent, H5PLibrary


def content_is_playable(content: H5PContent) -> bool:
    """READY, and every library it uses allowed (a blocked library stops its content playing).
    Uses `has_blocked_library` when the row came from `contents_for_admin`/`playable_contents`."""
    if content is None or content.status != H5PContent.Status.READY:
        return False
    blocked = getattr(content, "has_blocked_library", None)
    if blocked is None:
        blocked = content.libraries.filter(allowed=False).exists()
    return not blocked


def _with_blocked_flag(queryset: QuerySet) -> QuerySet:
    blocked = H5PLibrary.objects.filter(contents=OuterRef("pk"), allowed=False)
    return queryset.annotate(has_blocked_library=Exists(blocked))


def contents_for_admin() -> QuerySet:
    """Every content, newest first, with its main library, uploader, library count and whether
    a blocked library stops it playing (one query)."""
    return _with_blocked_flag(
        H5PContent.objects.select_related("main_library", "uploaded_by").annotate(
            library_count=Count("libraries", distinct=True)
        )
    ).order_by("-created_at", "-pk")


def playable_contents() -> QuerySet:
    """Contents a lesson may show: READY with no blocked library (for choosers)."""
    return _with_blocked_flag(H5PContent.objects.filter(status=H5PContent.Status.READY)).filter(
        has_blocked_library=False
    )


def libraries_for_admin() -> QuerySet:
    """Installed libraries with the number of packages using each (directly or as main)."""
    return H5PLibrary.objects.annotate(
        used_by=Count("contents", distinct=True),
        runnable_uses=Count("main_of", distinct=True),
    ).order_by("machine_name", "major_version", "minor_version")


def contents_using(library: H5PLibrary) -> QuerySet:
    return H5PContent.objects.filter(Q(libraries=library) | Q(main_library=library)).distinct()


def content_for_player(content_id: int) -> H5PContent | None:
    """The content the player page plays, with its main library, or None when it cannot play
    (missing, not READY, or using a blocked library). One query."""
    content = (
        _with_blocked_flag(H5PContent.objects.select_related("main_library"))
        .filter(pk=content_id)
        .first()
    )
    return content if content_is_playable(content) else None
