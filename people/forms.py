"""Forms for people: sign-up's profile part and the learner's own profile."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from lms.http import client_ip

from .models import AdministrativeUnit, Agency, AudienceGroup, ConsentRecord, Profile
from .text import clean_text


class SearchChoiceWidget(forms.Widget):
    """Choose one of many rows by typing its name, with or without diacritics ("hoan kiem").

    Renders the chosen row's id in a hidden field, a search box and a list of matches filled
    from a JSON search view by people/js/unit-search.js (our own static file). Subclasses name
    the view and say how a chosen row is shown.
    """

    template_name = "people/widgets/unit_search.html"
    endpoint = ""
    placeholder = ""
    results_label = ""

    class Media:
        js = ["people/js/unit-search.js"]

    def chosen(self, value):
        raise NotImplementedError

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            label=self.chosen(value) if value else "",
            endpoint=reverse(self.endpoint),
            placeholder=self.placeholder,
            results_label=self.results_label,
        )
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name) or None


class UnitSearchWidget(SearchChoiceWidget):
    endpoint = "people:unit_search"
    placeholder = _("Type a name, e.g. hoan kiem")
    results_label = _("Matching communes")

    def chosen(self, value) -> str:
        unit = AdministrativeUnit.objects.select_related("parent").filter(pk=value).first()
        return f"{unit.name}, {unit.parent.name}" if unit else ""


class AgencySearchWidget(SearchChoiceWidget):
    endpoint = "people:agency_search"
    placeholder = _("Type a name, e.g. so tu phap")
    results_label = _("Matching agencies")

    def chosen(self, value) -> str:
        agency = Agency.objects.filter(pk=value).first()
        return agency.name if agency else ""


def current_communes():
    return AdministrativeUnit.objects.filter(
        level=AdministrativeUnit.Level.COMMUNE, is_current=True
    )


class ProfileFieldsMixin(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    audience = forms.ModelChoiceField(
        label=_("Audience group"), queryset=AudienceGroup.objects.all(), empty_label=_("— choose —")
    )
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.all(),
        required=False,
        widget=AgencySearchWidget,
        error_messages={"invalid_choice": _("Choose an agency from the list of matches.")},
    )
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    commune = forms.ModelChoiceField(
        label=_("Commune or ward where you work"),
        queryset=current_communes(),
        widget=UnitSearchWidget,
        error_messages={"invalid_choice": _("Choose a commune from the list of matches.")},
    )

    def clean_full_name(self):
        name = clean_text(self.cleaned_data["full_name"])
        if len(name) < 2:
            raise forms.ValidationError(_("Enter your full name."))
        return name

    def profile_values(self) -> dict:
        commune = self.cleaned_data["commune"]
        return {
            "full_name": self.cleaned_data["full_name"],
            "audience": self.cleaned_data["audience"],
            "agency": self.cleaned_data.get("agency"),
            "position": self.cleaned_data.get("position", ""),
            "commune": commune,
            "province": commune.parent,
        }


class SignupProfileForm(ProfileFieldsMixin):
    """The profile part of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    consent = forms.BooleanField(
        label=_(
            "I agree that the platform processes my personal data for training, as set out in the privacy notice."
        ),
        help_text=lazy(
            lambda: format_html(
                '<a href="/chinh-sach-du-lieu-ca-nhan/">{}</a>', _("Read the privacy notice")
            ),
            SafeString,
        )(),
        error_messages={"required": _("You need to agree to the privacy notice to sign up.")},
    )

    def signup(self, request, user) -> None:
        Profile.objects.update_or_create(user=user, defaults=self.profile_values())
        ConsentRecord.objects.create(
            user=user,
            policy_version=settings.PRIVACY_POLICY_VERSION,
            ip_address=client_ip(request) or None,
        )


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    """A learner's own profile, including the optional fields."""

    class Meta:
        model = Profile
        fields = [
            "full_name",
            "audience",
            "agency",
            "position",
            "commune",
            "sex",
            "birth_year",
            "ethnicity",
        ]
        help_texts = {
            "ethnicity": _("Optional. Used only in anonymous totals, never shown with your name."),
        }

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.province = self.cleaned_data["commune"].parent
        if commit:
            profile.save()
        return profile
