"""The visitor's address behind our reverse proxies: X-Forwarded-For is believed only as far as
TRUSTED_PROXY_COUNT says, so a visitor cannot pick an address by sending the header."""

import pytest
from django.test import RequestFactory

from lms.http import client_ip


def _request(remote="10.0.0.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(forwarded="203.0.113.9")) == "10.0.0.5"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        # nginx appends the address it saw: the visitor's own entries to its left are ignored.
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        # A load balancer in front of nginx: the visitor is second from the right.
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, " 2001:DB8::1 ", "2001:db8::1"),
        # Fewer entries than proxies, or garbage: the proxy's own address, never a guess.
        (2, "203.0.113.9", "10.0.0.5"),
        (1, "not-an-address", "10.0.0.5"),
        (1, "", "10.0.0.5"),
    ],
)
def test_the_address_our_outermost_proxy_saw(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_allauth_and_the_api_count_the_same_proxies():
    from django.conf import settings

    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == settings.TRUSTED_PROXY_COUNT
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == settings.TRUSTED_PROXY_COUNT
