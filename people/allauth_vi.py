"""django-allauth strings a learner meets on the account pages, listed for our Vietnamese catalogue.

django-allauth ships no Vietnamese, so its log-in, sign-up, log-out, password and e-mail pages
would read in English. Listing a msgid here makes `makemessages` keep it in locale/vi, whose
translations take precedence over every app's own (LOCALE_PATHS come first). The Vietnamese is
in locale/vi_allauth.py. This module is never imported.

The list covers what our settings show: log-in by e-mail or phone, sign-up with e-mail, phone
and password, optional (or, by environment, mandatory) e-mail verification, password reset by
link, no social accounts, no MFA, no log-in codes. Msgids must match allauth's byte for byte
(allauth/templates/account/ and allauth/account/*.py); a few of Django's own strings shown on
these pages, missing or worded differently in Django's Vietnamese, are listed at the end.
xgettext knows `ngettext` and `pgettext` but not Django's `*_noop` variants with plural or
context (Django has no `pgettext_noop`), hence those two calls.
"""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext, pgettext

ALLAUTH_STRINGS = [
    # Log in (account/login.html, LoginForm)
    _("Sign In"),
    _("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    pgettext("field label", "Login"),
    _("Email or phone"),
    _("Password"),
    _("Forgot your password?"),
    _("Remember Me"),
    _("The email address and/or password you specified are not correct."),
    _("The phone number and/or password you specified are not correct."),
    _("Too many failed login attempts. Try again later."),
    _("This account is currently inactive."),
    _("Successfully signed in as %(name)s."),
    # An inactive account (account/account_inactive.html)
    _("Account Inactive"),
    _("This account is inactive."),
    # Sign up (account/signup.html, SignupForm)
    _("Signup"),
    _("Sign Up"),
    _("Already have an account? Then please %(link)ssign in%(end_link)s."),
    _("Email"),
    _("Email address"),
    _("Phone"),
    _("Password (again)"),
    _("A user is already registered with this email address."),
    _("A user is already registered with this phone number."),
    _("You must type the same password each time."),
    # Log out (account/logout.html)
    _("Sign Out"),
    _("Are you sure you want to sign out?"),
    _("You have signed out."),
    # Password reset (account/password_reset*.html) and the page already signed-in people see
    _("Password Reset"),
    _(
        "Forgotten your password? Enter your email address below, and we'll send you an email "
        "allowing you to reset it."
    ),
    _("Reset My Password"),
    _("Please contact us if you have any trouble resetting your password."),
    _("The email address is not assigned to any user account."),
    _("Note"),
    _("You are already logged in as %(user_display)s."),
    _(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    ),
    # The link in the e-mail (account/password_reset_from_key*.html)
    _("Change Password"),
    _("New Password"),
    _("New Password (again)"),
    _("Cancel"),
    _("Bad Token"),
    _(
        "The password reset link was invalid, possibly because it has already been used.  "
        'Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    _("The password reset token was invalid."),
    _("Your password is now changed."),
    _("Password successfully changed."),
    # Change or set a password (account/password_change.html, password_set.html)
    _("Current Password"),
    _("Please type your current password."),
    _("Set Password"),
    _("Password successfully set."),
    # E-mail addresses (account/email.html, snippets/warn_no_email.html, messages/)
    _("Email Addresses"),
    _("The following email addresses are associated with your account:"),
    _("Verified"),
    _("Unverified"),
    _("Primary"),
    _("Make Primary"),
    _("Re-send Verification"),
    _("Remove"),
    _("Add Email Address"),
    _("Add Email"),
    _("Do you really want to remove the selected email address?"),
    _("Warning:"),
    _(
        "You currently do not have any email address set up. You should really add an email "
        "address so you can receive notifications, reset your password, etc."
    ),
    _("This email address is already associated with this account."),
    _("Confirmation email sent to %(email)s."),
    _("Removed email address %(email)s."),
    _("You cannot remove your primary email address (%(email)s)."),
    _("Primary email address set."),
    _("Your primary email address must be verified."),
    # Confirming an e-mail address (account/email_confirm.html)
    _("Confirm Email Address"),
    _(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for '
        "user %(user_display)s."
    ),
    _("Confirm"),
    _("Unable to confirm %(email)s because it is already confirmed by a different account."),
    _(
        "This email confirmation link expired or is invalid. Please "
        '<a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    _("You have confirmed %(email)s."),
    # Mandatory verification (ACCOUNT_EMAIL_VERIFICATION=mandatory): verification_sent.html,
    # verified_email_required.html
    _("Verify Your Email Address"),
    _(
        "We have sent an email to you for verification. Follow the link provided to finalize "
        "the signup process. If you do not see the verification email in your main inbox, check "
        "your spam folder. Please contact us if you do not receive the verification email within "
        "a few minutes."
    ),
    _(
        "This part of the site requires us to verify that\nyou are who you claim to be. For this "
        "purpose, we require that you\nverify ownership of your email address. "
    ),
    _(
        "We have sent an email to you for\nverification. Please click on the link inside that "
        "email. If you do not see the verification email in your main inbox, check your spam "
        "folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),
    _(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email '
        "address</a>."
    ),
    # E-mails: every message (account/email/base_message.txt), the password-reset link
    # (password_reset_key_*.txt) and the address confirmation (email_confirmation_*.txt)
    _("Hello from %(site_name)s!"),
    _("Thank you for using %(site_name)s!\n%(site_domain)s"),
    _("Password Reset Email"),
    _(
        "You're receiving this email because you or someone else has requested a password reset "
        "for your user account.\nIt can be safely ignored if you did not request a password "
        "reset. Click the link below to reset your password."
    ),
    _("Please Confirm Your Email Address"),
    _(
        "You're receiving this email because user %(user_display)s has given your email address "
        "to register an account on %(site_domain)s."
    ),
    _("To confirm this is correct, go to %(activate_url)s"),
    # Django's own strings on these pages. Django 5.2 changed the too-short message to "%d",
    # which Django's Vietnamese lacks; "email address" (also allauth's) and the e-mail field's
    # error read "email" there, where these pages say "thư điện tử".
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        0,
    ),
    _("email address"),
    _("Enter a valid email address."),
]
