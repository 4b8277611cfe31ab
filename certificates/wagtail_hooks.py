"""Certificates in the Wagtail admin: the "Certificates" menu (templates as snippets with a live
preview, and the issued certificates) and the certificates screen of a training class."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.roles import is_admin

from . import admin_views
from .forms import CertificateTemplateForm
from .models import CertificateTemplate


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    add_to_admin_menu = False
    list_display = ["name", "issuing_agency", "serial_suffix"]
    search_fields = ["name", "issuer_name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            MultiFieldPanel(
                [
                    FieldPanel("issuing_agency"),
                    FieldPanel("governing_body"),
                    FieldPanel("issuer_name"),
                    FieldPanel("serial_suffix"),
                    FieldPanel("place"),
                ],
                heading=_("Issuer"),
            ),
            MultiFieldPanel([FieldPanel("title"), FieldPanel("body_text")], heading=_("Wording")),
            MultiFieldPanel(
                [
                    FieldPanel("signer_title"),
                    FieldPanel("signer_name"),
                    FieldPanel("signature_image"),
                    FieldPanel("seal_image"),
                ],
                heading=_("Signature"),
            ),
            FieldPanel("background_image"),
        ],
        base_form_class=CertificateTemplateForm,
    )


register_snippet(CertificateTemplateViewSet)


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_admin(request.user)


class AdminOnlySubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return is_admin(request.user)


@hooks.register("register_admin_menu_item")
def certificates_menu():
    items = [
        AdminOnlyMenuItem(
            _("Certificate templates"),
            reverse("wagtailsnippets_certificates_certificatetemplate:list"),
            name="certificate-templates",
            icon_name="doc-full",
            order=100,
        ),
        AdminOnlyMenuItem(
            _("Issued certificates"),
            reverse("certificates_admin_list"),
            name="issued-certificates",
            icon_name="list-ul",
            order=200,
        ),
    ]
    return AdminOnlySubmenu(
        _("Certificates"), Menu(items=items), name="certificates", icon_name="doc-full", order=260
    )


@hooks.register("register_admin_urls")
def certificates_admin_urls():
    return admin_views.admin_urlpatterns
