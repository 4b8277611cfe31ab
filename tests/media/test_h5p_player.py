"""The H5P player page on the separate content origin (media/player.py): served there only, for
a valid token, with a policy that lets only the site frame it; the content origin serves
nothing else of the site; the lesson block frames it when the setting is on."""

import json
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core import signing
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from media import serving
from media.checks import content_origin_check
from media.models import H5PLibrary
from media.player import H5P_INLINE_SCRIPT
from tests.factories import UserFactory
from tests.media.test_h5p_block import lesson_page, settings_of  # noqa: F401 - fixture
from tests.media.test_h5p_import import import_package, media_root  # noqa: F401 - fixture
from tests.media.test_h5p_validation import TRUEFALSE
from tests.media.test_xapi import catalogue  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

ORIGIN = "http://h5p.example.org"
ON_ORIGIN = {"HTTP_HOST": "h5p.example.org"}


@pytest.fixture
def content_origin(settings):
    settings.H5P_CONTENT_ORIGIN = ORIGIN
    settings.ALLOWED_HOSTS = ["testserver", "h5p.example.org"]
    return ORIGIN


@pytest.fixture
def truefalse(media_root, django_capture_on_commit_callbacks):  # noqa: F811
    return import_package(TRUEFALSE, django_capture_on_commit_callbacks)


@pytest.fixture
def token(truefalse):
    return serving.content_token(user=UserFactory(), content=truefalse)


def policy_of(response) -> dict:
    parts = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return dict(parts)


def test_the_player_page_plays_on_the_content_origin_and_only_the_site_may_frame_it(
    client, content_origin, token, truefalse
):
    response = client.get(f"/h5p/play/{token}/", **ON_ORIGIN)
    assert response.status_code == 200
    policy = policy_of(response)
    assert policy["frame-ancestors"] == "http://testserver"
    assert policy["default-src"] == "'none'"
    assert policy["connect-src"] == "'self'"
    assert policy["script-src"].startswith("'self' 'sha256-")
    assert "unsafe" not in policy["script-src"]
    assert (policy["base-uri"], policy["form-action"], policy["object-src"]) == ("'none'",) * 3
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "no-store"
    # Framed by another origin: the site's SAMEORIGIN header would stop it, the CSP decides.
    assert "X-Frame-Options" not in response
    assert not response.cookies  # no session, no CSRF cookie on the content origin

    soup = BeautifulSoup(response.content, "html.parser")
    scripts = [tag["src"] for tag in soup.find_all("script", src=True)]
    assert all(src.startswith(f"{ORIGIN}/static/") for src in scripts), scripts
    options = json.loads(soup.select_one("#h5p-options").string)
    assert options["lms"] == {"siteOrigin": "http://testserver"}
    assert options["h5pJsonPath"] == f"{ORIGIN}/h5p/t/{token}"
    assert options["frameJs"].startswith(f"{ORIGIN}/static/")
    assert options["customJs"][0].endswith("media/h5p-frame-state.js")
    assert options["xAPIObjectIRI"] == f"http://testserver/h5p/activity/{truefalse.pk}"
    assert "@example" not in response.content.decode()  # the person is only an id


def test_the_inline_script_allowed_by_hash_is_the_one_h5p_core_writes():
    bundle = Path(django_settings.BASE_DIR, "node_modules/h5p-standalone/dist/frame.bundle.js")
    assert H5P_INLINE_SCRIPT in bundle.read_text()


def test_the_player_page_costs_one_query_however_many_libraries(
    client, content_origin, token, truefalse, django_assert_num_queries
):
    assert truefalse.libraries.count() > 5
    with django_assert_num_queries(1):
        assert client.get(f"/h5p/play/{token}/", **ON_ORIGIN).status_code == 200


def test_a_bad_or_expired_token_gets_no_player(
    client, content_origin, token, truefalse, monkeypatch, settings
):
    forged = signing.b64_encode(json.dumps({"u": 1, "c": truefalse.pk, "l": None}).encode())
    for bad in (f"{forged.decode()}:{token.split(':', 1)[1]}", token[:-2] + "xx", "nonsense"):
        response = client.get(f"/h5p/play/{bad}/", **ON_ORIGIN)
        assert response.status_code == 403
        assert "hết hạn hoặc không hợp lệ" in response.content.decode()
        assert "h5p-options" not in response.content.decode()
    settings.H5P_TOKEN_MAX_AGE = 3600
    later = time.time() + 3601
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(f"/h5p/play/{token}/", **ON_ORIGIN).status_code == 403


def test_content_that_cannot_play_gets_no_player(client, content_origin, token):
    H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").update(allowed=False)
    response = client.get(f"/h5p/play/{token}/", **ON_ORIGIN)
    assert response.status_code == 404
    assert "h5p-options" not in response.content.decode()


def test_the_player_page_is_not_served_on_the_site_or_without_the_setting(client, settings, token):
    settings.ALLOWED_HOSTS = ["testserver", "h5p.example.org"]
    # Without a content origin there is no player page anywhere: the lesson plays it inline.
    for host in ("testserver", "h5p.example.org"):
        response = client.get(f"/h5p/play/{token}/", HTTP_HOST=host)
        assert response.status_code == 404 and b"h5p-options" not in response.content
    # With one, the site itself never serves it (it would run H5P with the site's origin).
    settings.H5P_CONTENT_ORIGIN = ORIGIN
    response = client.get(f"/h5p/play/{token}/")
    assert response.status_code == 404 and b"h5p-options" not in response.content


def test_the_content_origin_serves_nothing_else_of_the_site(client, content_origin, token):
    for path in ("/", "/accounts/login/", "/h5p/xapi/", "/admin/", "/khoa-hoc/"):
        response = client.get(path, **ON_ORIGIN)
        assert response.status_code == 404, path
        assert not response.cookies, path
        assert response.content == b""
    # The player's own paths still answer there, and the site is untouched.
    assert client.get(f"/h5p/t/{token}/h5p.json", **ON_ORIGIN).status_code == 200
    assert client.get("/h5p/lib/H5P.TrueFalse-1.6/library.json", **ON_ORIGIN).status_code == 200
    assert client.get("/accounts/login/").status_code == 200


def test_the_lesson_frames_the_player_from_the_content_origin(client, lesson_page, settings):  # noqa: F811
    options = settings_of(client.get(lesson_page[1].url).content.decode())
    assert (options["lms"]["frameUrl"], options["lms"]["frameOrigin"]) == ("", "")

    settings.H5P_CONTENT_ORIGIN = ORIGIN
    options = settings_of(client.get(lesson_page[1].url).content.decode())
    token = options["lms"]["token"]
    assert options["lms"]["frameUrl"] == f"{ORIGIN}/h5p/play/{token}/"
    assert options["lms"]["frameOrigin"] == ORIGIN
    # What the frame gets from the lesson page by postMessage: the strings, and where the
    # saved state is read and written (on the site, with the session).
    assert options["translations"]["H5P"]["fullscreen"] == "Toàn màn hình"
    assert options["ajax"]["contentUserDataUrl"].startswith("/h5p/state/")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"H5P_CONTENT_ORIGIN": ""}, []),
        ({"H5P_CONTENT_ORIGIN": ORIGIN}, []),
        ({"H5P_CONTENT_ORIGIN": "h5p.example.org"}, ["media.E001"]),
        ({"H5P_CONTENT_ORIGIN": f"{ORIGIN}/h5p"}, ["media.E001"]),
        ({"H5P_CONTENT_ORIGIN": "http://testserver"}, ["media.E002"]),
        ({"H5P_CONTENT_ORIGIN": ORIGIN, "ALLOWED_HOSTS": ["testserver"]}, ["media.W001"]),
        ({"H5P_CONTENT_ORIGIN": ORIGIN, "SESSION_COOKIE_DOMAIN": ".example.org"}, ["media.W002"]),
    ],
)
def test_system_checks_name_a_content_origin_that_would_not_isolate(settings, changes, expected):
    settings.ALLOWED_HOSTS = ["testserver", "h5p.example.org"]
    for name, value in changes.items():
        setattr(settings, name, value)
    assert [problem.id for problem in content_origin_check()] == expected


def test_manage_py_check_stops_on_a_content_origin_that_is_the_site(settings):
    settings.H5P_CONTENT_ORIGIN = "http://testserver"
    with pytest.raises(SystemCheckError, match="media.E002"):
        call_command("check")
