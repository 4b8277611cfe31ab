"""H5P in the Wagtail admin: the upload that replaces the snippet's create form, and the list of
installed libraries with their allow/block switch. Registered in media/wagtail_hooks.py.

The upload runs `media.services.h5p_package_import`, so the admin refuses exactly what the
`import_h5p` command refuses, and shows every problem (file, rule, message) at once. Uploading
needs `media.add_h5pcontent` (trainers and admins); a package that installs a library version
or a newer patch of one also needs `media.change_h5plibrary` (admins), as do the library
list's switch; the list itself needs `media.view_h5plibrary`. Extracting a FAILED content again ("Giải nén lại")
needs `media.change_h5pcontent`.
"""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from people.admin_views.common import forbidden

from . import selectors, services
from .forms import H5PUploadForm
from .h5p.validation import H5PRejected
from .models import H5PContent, H5PLibrary

UPLOAD_PERMISSION = "media.add_h5pcontent"
VIEW_LIBRARIES_PERMISSION = "media.view_h5plibrary"
CHANGE_LIBRARIES_PERMISSION = "media.change_h5plibrary"
CHANGE_CONTENT_PERMISSION = "media.change_h5pcontent"
TEMPLATES = "media/admin"


class H5PUploadView(View):
    """GET: the form. POST: import the package; on refusal the form again with every problem."""

    # Set by the viewset (media/wagtail_hooks.py); construct_view passes only known attributes.
    index_url_name = None
    edit_url_name = None
    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(UPLOAD_PERMISSION):
            return forbidden(
                request,
                title=_("Upload H5P content"),
                message=_("Only people who may add H5P content can upload packages."),
                icon="upload",
            )
        return super().dispatch(request, *args, **kwargs)

    def form(self, *args) -> H5PUploadForm:
        may_install = self.request.user.has_perm(CHANGE_LIBRARIES_PERMISSION)
        return H5PUploadForm(*args, may_install_libraries=may_install)

    def get(self, request):
        return self.render(self.form())

    def post(self, request):
        form = self.form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        upload = form.cleaned_data["file"]
        try:
            content = services.h5p_package_import(
                file=upload, title=form.cleaned_data["title"] or None, user=request.user
            )
        except H5PRejected as refused:
            problems = [(p.file, p.rule, str(p.message)) for p in refused.problems]
            form.add_error(
                "file",
                gettext("%(name)s was refused: %(count)s problem(s), listed below.")
                % {"name": upload.name, "count": len(problems)},
            )
            return self.render(form, problems=problems, status=400)
        messages.success(
            request,
            gettext("H5P content “%(title)s” uploaded.") % {"title": content.title},
        )
        return (
            redirect(self.index_url_name) if self.index_url_name else redirect("wagtailadmin_home")
        )

    def render(self, form, problems=(), status=200):
        context = {
            "form": form,
            "problems": problems,
            "page_title": gettext("Upload H5P content"),
            "index_url_name": self.index_url_name,
        }
        return TemplateResponse(self.request, f"{TEMPLATES}/upload.html", context, status=status)


class H5PRetryView(View):
    """GET: what failed and a button; POST: extract a FAILED content again (the content's
    change permission; installing libraries still needs the library permission)."""

    index_url_name = None  # set by the viewset (media/wagtail_hooks.py)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE_CONTENT_PERMISSION):
            return forbidden(
                request,
                title=_("Extract again"),
                message=_("Only people who may change H5P content can extract it again."),
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk: int):
        content = get_object_or_404(H5PContent, pk=pk)
        context = {"content": content, "page_title": gettext("Extract again")}
        return TemplateResponse(request, f"{TEMPLATES}/retry.html", context)

    def post(self, request, pk: int):
        content = get_object_or_404(H5PContent, pk=pk)
        install = request.user.has_perm(CHANGE_LIBRARIES_PERMISSION)
        if services.h5p_content_retry(content_id=content.pk, install_libraries=install):
            text = gettext("“%(title)s” is being extracted again.")
            messages.success(request, text % {"title": content.title})
        else:
            text = gettext("Only content whose extraction failed can be extracted again.")
            messages.warning(request, text)
        return (
            redirect(self.index_url_name) if self.index_url_name else redirect("wagtailadmin_home")
        )


def may_view_libraries(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(VIEW_LIBRARIES_PERMISSION))


def libraries(request):
    """Installed libraries: title, machine name, version, packages using it, allowed or not."""
    if not may_view_libraries(request.user):
        return forbidden(
            request,
            title=_("H5P libraries"),
            message=_("You may not see the H5P libraries."),
        )
    context = {
        "libraries": selectors.libraries_for_admin(),
        "may_change": request.user.has_perm(CHANGE_LIBRARIES_PERMISSION),
        "page_title": gettext("H5P libraries"),
    }
    return TemplateResponse(request, f"{TEMPLATES}/libraries.html", context)


def library_switch(request, pk: int):
    """POST allowed=1 or 0: allow or block one library version."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm(CHANGE_LIBRARIES_PERMISSION):
        return forbidden(
            request,
            title=_("H5P libraries"),
            message=_("Only administrators may allow or block H5P libraries."),
        )
    library = get_object_or_404(H5PLibrary, pk=pk)
    allowed = request.POST.get("allowed") == "1"
    services.h5p_library_set_allowed(library_id=library.pk, allowed=allowed)
    if allowed:
        text = gettext("%(library)s is allowed again: content using it plays.")
    else:
        text = gettext(
            "%(library)s is blocked: content using it no longer plays and packages bringing it are refused."
        )
    messages.success(request, text % {"library": f"{library.title} ({library.folder})"})
    return redirect("h5p_libraries:index")


def content_status_label(content: H5PContent) -> str:
    if content.status == H5PContent.Status.READY and getattr(content, "has_blocked_library", False):
        return gettext("blocked library")
    return content.get_status_display()
