from django.conf import settings
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("allauth.urls")),
    path("", include("people.urls")),
    path("", include("courses.urls_learning")),
    path("", include("assessments.urls")),
    path("", include("assessments.urls_results")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    # H5P: the player's files under /h5p/ (media/serving.py), xAPI and saved state.
    path("", include("media.urls", namespace="h5p")),
    path("healthz", views.health, name="health"),
    path("", include("reports.urls")),
    path("api/v1/", include("reports.api_urls")),
    # /sw.js (the service worker, at the root for a site-wide scope) and the offline page.
    path("", include("lms.offline", namespace="offline")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it matches every remaining path.
urlpatterns.append(path("", include(wagtail_urls)))
