"""What a request says about its sender, for any app that counts or records visitors.

Behind reverse proxies every request comes from the nearest proxy's address (REMOTE_ADDR). Each
proxy of ours appends the address it received the request from to X-Forwarded-For, so with
TRUSTED_PROXY_COUNT proxies the visitor is that many entries from the right; anything further
left was written by the visitor and proves nothing. django-allauth's log-in throttling and DRF
count the same proxies (settings ALLAUTH_TRUSTED_PROXY_COUNT and REST_FRAMEWORK NUM_PROXIES).
"""

import ipaddress

from django.conf import settings


def _address(text: str) -> str:
    """`text` as a normalised IP address, or "" when it is not one."""
    try:
        return str(ipaddress.ip_address(text.strip().strip("[]")))
    except ValueError:
        return ""


def client_ip(request) -> str:
    """The visitor's IP address ("" when not even REMOTE_ADDR is known). When X-Forwarded-For
    is shorter than the chain of trusted proxies, or malformed, the nearest proxy's address is
    used: a visitor may then share a limit with others, but can never choose their address."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return _address(forwarded[-count]) or remote
