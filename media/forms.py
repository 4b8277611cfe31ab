"""The admin's H5P upload form: a package and an optional title (media/admin_views.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class H5PUploadForm(forms.Form):
    file = forms.FileField(
        label=_("H5P package"),
        allow_empty_file=True,  # refused by validation, naming the file and the rule
        help_text=_(
            "An .h5p file exported from H5P.org, Lumi or another H5P editor. It is checked in "
            "full before anything is saved."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        strip=True,
        help_text=_("Leave empty to use the title inside the package."),
    )
