"""`{% issuer_key as key %}`: the issuer's public key for the verification page."""

from django import template

from certificates import badges

register = template.Library()


@register.simple_tag
def issuer_key() -> dict:
    return badges.issuer_key_summary()
