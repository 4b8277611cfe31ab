"""`{% issuer_key as key %}`: the issuer's public key for the verification page, or None when
the key cannot be loaded (logged: the page is shown without the credential panel)."""

import logging

from django import template

from certificates import badges

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag
def issuer_key() -> dict | None:
    try:
        return badges.issuer_key_summary()
    except badges.SigningKeyUnavailable as error:
        logger.error("verification page without the credential panel: %s", error)
        return None
