"""`manage.py verify_credential FILE`: check an Open Badges credential's signature from the file
alone (no database, no network). Exit 0 when the proof verifies and the credential has not
expired, 1 otherwise, with one line saying why."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from certificates import badges


class Command(BaseCommand):
    help = "Verify the signature of an Open Badges 3.0 credential (JSON file)."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="the credential (.json)")
        parser.add_argument("--key", help="also require this signer (a did:key)")

    def handle(self, *args, **options):
        try:
            with open(options["file"], encoding="utf-8") as handle:
                document = json.load(handle)
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s")
                % {"file": options["file"], "error": error.strerror or error}
            ) from None
        except (ValueError, UnicodeDecodeError):
            raise CommandError(_("Invalid: the file is not JSON.")) from None
        try:
            badges.credential_check(document, options.get("key"))
        except badges.CredentialInvalid as reason:
            raise CommandError(_("Invalid: %(reason)s") % {"reason": reason}) from None
        expired = badges.credential_expired(document)
        if expired:
            raise CommandError(
                _("Invalid: the signature is right but the credential expired on %(date)s.")
                % {"date": expired[:10]}
            )
        issuer = document.get("issuer") or {}
        achievement = (document.get("credentialSubject") or {}).get("achievement") or {}
        self.stdout.write(
            _("Valid: %(holder)s, %(course)s, issued by %(issuer)s (signed by %(did)s).")
            % {
                "holder": badges.holder_name(document),
                "course": achievement.get("name", ""),
                "issuer": issuer.get("name", "") if isinstance(issuer, dict) else issuer,
                "did": document["proof"]["verificationMethod"].split("#", 1)[0],
            }
        )
