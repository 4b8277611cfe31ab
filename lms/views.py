"""Site-wide views that are not pages: the health check used by load balancers and operators."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from lms.config import tcp_unreachable_reason


@never_cache
def health(request):
    """Report whether the database, the cache and the broker answer; 503 when one does not."""
    checks = {}
    try:
        connection.ensure_connection()
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"error: {type(exc).__name__}"
    try:
        cache.set("health-check", "1", 5)
        checks["cache"] = "ok" if cache.get("health-check") == "1" else "error: no round trip"
    except Exception as exc:
        checks["cache"] = f"error: {type(exc).__name__}"
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL:
        checks["broker"] = "in-process"
    else:
        reason = tcp_unreachable_reason(settings.CELERY_BROKER_URL, timeout=2)
        checks["broker"] = f"error: {reason}" if reason else "ok"
    healthy = all(not value.startswith("error") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )
