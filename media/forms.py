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

    def __init__(self, *args, may_install_libraries: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_install_libraries:
            self.fields["file"].help_text = _(
                "An .h5p file exported from H5P.org, Lumi or another H5P editor. It may use only "
                "H5P libraries already installed here; new libraries and newer versions are "
                "installed by administrators."
            )

    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        strip=True,
        help_text=_("Leave empty to use the title inside the package."),
    )
