"""What the people app's admin screens share."""

from django.template.response import TemplateResponse


def forbidden(request, *, title: str, message: str, icon: str = "warning") -> TemplateResponse:
    """A plain 403 page inside the admin.

    Wagtail turns a raised PermissionDenied into a redirect to the dashboard, which hides from
    the person (and from the authorization tests) that they were refused.
    """
    context = {"page_title": title, "message": message, "icon": icon}
    return TemplateResponse(request, "people/admin/forbidden.html", context, status=403)
