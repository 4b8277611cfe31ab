"""Admin forms: the certificate template (its images checked and prepared with Pillow) and the
reason asked for a revocation or a reissue."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from people.models import Agency

from .images import MAX_BYTES, MAX_PIXELS, image_prepare
from .models import CertificateTemplate

# Agencies that issue certificates: a choice among these (and the template's own agency) keeps
# the list short on a national platform with thousands of communes and newspapers.
ISSUER_KINDS = [Agency.Kind.JUSTICE, Agency.Kind.MINISTRY, Agency.Kind.DEPARTMENT]

IMAGE_HELP = {
    "signature_image": _("PNG with a transparent background; printed at about 5 × 2.7 cm."),
    "seal_image": _("PNG with a transparent background; printed at about 3.4 cm across."),
    "background_image": _("Optional. PNG, JPEG or WebP, A4 landscape; printed behind the text."),
}
LIMITS = _("At most %(mb)d MB and %(mp)d megapixels.") % {
    "mb": MAX_BYTES // 1024 // 1024,
    "mp": MAX_PIXELS // 1_000_000,
}


class CertificateTemplateForm(WagtailAdminModelForm):
    """The template's form. Image fields are plain file fields here: the checks in
    certificates/images.py judge the content (and refuse bombs) before anything decodes it."""

    signature_image = forms.FileField(required=False)
    seal_image = forms.FileField(required=False)
    background_image = forms.FileField(required=False)

    class Meta:
        model = CertificateTemplate
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "issuing_agency" in self.fields:
            current = Q(pk=self.instance.issuing_agency_id) if self.instance.pk else Q(pk=None)
            self.fields["issuing_agency"].queryset = Agency.objects.filter(
                Q(kind__in=ISSUER_KINDS) | current
            )
        for name, text in IMAGE_HELP.items():
            if name in self.fields:
                verbose_name = CertificateTemplate._meta.get_field(name).verbose_name
                self.fields[name].label = capfirst(verbose_name)
                self.fields[name].help_text = f"{text} {LIMITS}"
                self.fields[name].widget.attrs["accept"] = "image/png,image/jpeg,image/webp"

    def _prepared(self, name: str):
        value = self.cleaned_data.get(name)
        if isinstance(value, UploadedFile):
            return image_prepare(value, field=name)
        return value

    def clean_signature_image(self):
        return self._prepared("signature_image")

    def clean_seal_image(self):
        return self._prepared("seal_image")

    def clean_background_image(self):
        return self._prepared("background_image")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Give the reason.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason."))
        return reason
