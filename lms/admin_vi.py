"""Wagtail admin strings whose Vietnamese translation Wagtail lacks or gets wrong.

Wagtail ships Vietnamese for only a small share of its admin. Listing a msgid here makes
`makemessages` keep it in locale/vi, whose translations take precedence over Wagtail's own
(LOCALE_PATHS come first). The Vietnamese is in locale/fill_vi.py. This module is never imported.

Don't add to this list: the rest of Wagtail's admin (page editor, snippets, images, documents,
workflows) reads in Vietnamese from locale/wagtail/, the second LOCALE_PATHS entry, whose
catalogues locale/wagtail/build.py writes from the dicts in locale/wagtail/vi_*.py, keyed by
Wagtail's own msgids. Strings listed here win over those: keep their Vietnamese consistent.
"""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext

WAGTAIL_ADMIN_STRINGS = [
    # The log-in page
    _("Sign in"),
    _("Sign in to Wagtail"),
    _("Forgotten password?"),
    _("Signing in…"),
    _("Password"),
    _("Remember me"),
    _("Enter your %(username_field_name)s"),
    _("Your %(username_field)s and password didn't match. Please try again."),
    # The main menu
    _("Images"),
    _("Documents"),
    _("Snippets"),
    _("Reports"),
    _("Help"),
    _("Sites"),
    _("Collections"),
    _("Redirects"),
    _("Workflows"),
    _("Workflow tasks"),
    _("Log out"),
    _("Profile"),
    _("Locked pages"),
    _("Site history"),
    _("Aging pages"),
    _("Page types usage"),
    # The dashboard and the page editor
    _("Skip to main content"),
    _("Site summary"),
    ngettext(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    ),
    ngettext(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    ),
    ngettext(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    ),
    _("Your most recent edits"),
    _("Name and Email"),
    _("Add child page"),
    _("Save draft"),
    _("Content"),
    _("Promote"),
    _("Live"),
    _("Updated"),
    _("Type"),
    _("Actions"),
    _("History"),
    _("Sort menu order"),
    _("Move"),
    _("Add an image"),
    _("Page title"),
    _("Comments"),
    _("show in menus"),
    _("slug"),
    _("go live date/time"),
    _("expiry date/time"),
]
