"""django-allauth's hooks into our people: phone numbers live on the profile."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Profile
from .text import normalize_phone


def display_name(user) -> str:
    profile = getattr(user, "profile", None)
    return (profile.full_name if profile else "") or user.get_username()


class VietnamesePhoneField(forms.CharField):
    """A Vietnamese phone number in any usual spelling, cleaned to 10 digits ("0912345678")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"type": "tel", "autocomplete": "tel", "inputmode": "tel"})

    def clean(self, value):
        value = super().clean(value)
        try:
            return normalize_phone(value)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a Vietnamese phone number, for example 0912 345 678.")
            ) from None


class AccountAdapter(DefaultAccountAdapter):
    """Log-in by phone number: allauth asks the adapter where the number is stored."""

    def phone_form_field(self, **kwargs):
        kwargs.setdefault("label", _("Phone"))
        return VietnamesePhoneField(**kwargs)

    def get_phone(self, user):
        profile = Profile.objects.filter(user=user).only("phone").first()
        return (profile.phone, True) if profile and profile.phone else None

    def set_phone(self, user, phone: str, verified: bool):
        Profile.objects.update_or_create(user=user, defaults={"phone": normalize_phone(phone)})

    def set_phone_verified(self, user, phone: str):
        pass  # no SMS verification here: numbers are not verified, only unique

    def get_user_by_phone(self, phone: str):
        try:
            phone = normalize_phone(phone)
        except ValueError:
            return None
        return get_user_model().objects.filter(profile__phone=phone).order_by("pk").first()

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs):
        raise NotImplementedError(
            "phone verification is disabled (ACCOUNT_PHONE_VERIFICATION_ENABLED)"
        )
