"""Serving H5P files to the player: only with a valid token of the right person, only READY
content whose libraries are allowed, never the stray files, with headers that stop any file
acting as a page of the site."""

import json
import time

import pytest
from django.core import signing

from media import serving
from media.models import H5PLibrary
from tests.factories import UserFactory
from tests.media.test_h5p_import import import_package, media_root  # noqa: F401 - fixture
from tests.media.test_h5p_validation import TRUEFALSE, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def truefalse(media_root, django_capture_on_commit_callbacks):  # noqa: F811
    return import_package(TRUEFALSE, django_capture_on_commit_callbacks)


@pytest.fixture
def trainee():
    return UserFactory()


@pytest.fixture
def player(client, trainee, truefalse):
    """The trainee's logged-in client and the paths the player would get."""
    client.force_login(trainee)
    token = serving.content_token(user=trainee, content=truefalse)
    return client, serving.player_paths(token), token


def test_the_player_gets_h5p_json_and_content_json_with_isolating_headers(player, truefalse):
    client, paths, _ = player
    response = client.get(f"{paths['h5pJsonPath']}/h5p.json")
    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"] == "H5P.TrueFalse"
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy
    assert response["Cache-Control"].startswith("private")
    assert "attachment" not in response.get("Content-Disposition", "")

    response = client.get(f"{paths['contentJsonPath']}/content.json")
    assert response.status_code == 200
    assert "question" in json.loads(b"".join(response.streaming_content))


def test_paths_follow_the_contract(player):
    _, paths, token = player
    assert paths == {
        "h5pJsonPath": f"/h5p/t/{token}",
        "contentJsonPath": f"/h5p/t/{token}/content",
        "librariesPath": "/h5p/lib",
    }


def test_library_files_are_served_to_the_player_with_a_short_private_cache(player):
    client, paths, _ = player
    response = client.get(f"{paths['librariesPath']}/H5P.TrueFalse-1.6/library.json")
    assert response.status_code == 200
    library = H5PLibrary.objects.get(machine_name="H5P.TrueFalse")
    script = library.metadata["preloadedJs"][0]["path"]
    response = client.get(f"/h5p/lib/H5P.TrueFalse-1.6/{script}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Cached, but not by shared caches and not for long: blocking a library must reach
    # browsers that already hold its files within the hour.
    directives = dict(
        (part.strip().split("=") + [""])[:2] for part in response["Cache-Control"].split(",")
    )
    assert "private" in directives and "public" not in directives
    assert 0 < int(directives["max-age"]) <= 3600


def test_the_stray_file_is_neither_stored_nor_served(player, media_root):  # noqa: F811
    client, paths, _ = player
    assert not list(media_root.rglob("H5P_CONTENT_HERE.txt"))
    assert client.get(f"{paths['h5pJsonPath']}/H5P_CONTENT_HERE.txt").status_code == 404


CONTENT_TRAVERSALS = [
    "content/../h5p.json",
    "content/../../1/h5p.json",
    "content/%2e%2e/%2e%2e/1/h5p.json",
    "content//content.json",
    "content/.hidden.json",
    "content\\..\\h5p.json",
    "../../../etc/passwd",
]
LIBRARY_TRAVERSALS = [
    "/h5p/lib/H5P.TrueFalse-1.6/../H5P.Question-1.4/library.json",
    "/h5p/lib/H5P.TrueFalse-1.6/%2e%2e/%2e%2e/content/1/h5p.json",
    "/h5p/lib/../content/1/h5p.json",
    "/h5p/lib/H5P.TrueFalse/library.json",
]


def test_path_traversal_in_content_and_library_urls_is_refused(player):
    client, paths, _ = player
    served = {
        url: status
        for url in [f"{paths['h5pJsonPath']}/{p}" for p in CONTENT_TRAVERSALS] + LIBRARY_TRAVERSALS
        if (status := client.get(url).status_code) != 404
    }
    assert served == {}
    # The same client does get the real files.
    assert client.get(f"{paths['h5pJsonPath']}/h5p.json").status_code == 200
    assert client.get("/h5p/lib/H5P.TrueFalse-1.6/library.json").status_code == 200


def test_a_token_of_another_person_is_refused(client, truefalse):
    owner, other = UserFactory(), UserFactory()
    paths = serving.player_paths(serving.content_token(user=owner, content=truefalse))
    client.force_login(other)
    response = client.get(f"{paths['h5pJsonPath']}/h5p.json")
    assert response.status_code == 403
    assert "tài khoản khác" in response.content.decode()
    client.logout()
    assert client.get(f"{paths['h5pJsonPath']}/h5p.json").status_code == 403


def test_a_tampered_token_is_refused(player, truefalse):
    client, _, token = player
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(json.dumps({"u": 1, "c": truefalse.pk, "l": None}).encode())
    for bad in (f"{forged.decode()}:{rest}", token[:-2] + "xx", "nonsense"):
        response = client.get(f"/h5p/t/{bad}/h5p.json")
        assert response.status_code == 403
        assert "hết hạn hoặc không hợp lệ" in response.content.decode()


def test_an_expired_token_is_refused(player, monkeypatch, settings):
    client, paths, _ = player
    settings.H5P_TOKEN_MAX_AGE = 3600
    later = time.time() + 3601
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(f"{paths['h5pJsonPath']}/h5p.json").status_code == 403


def test_library_files_need_a_login_or_a_token(client, truefalse, trainee):
    url = "/h5p/lib/H5P.TrueFalse-1.6/library.json"
    response = client.get(url)
    assert response.status_code == 403 and "đăng nhập" in response.content.decode()
    token = serving.content_token(user=trainee, content=truefalse)
    assert client.get(f"{url}?t={token}").status_code == 200
    assert client.get(f"{url}?t={token[:-3]}abc").status_code == 403


def test_a_blocked_library_stops_serving_its_files_and_its_content(player):
    client, paths, _ = player
    H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").update(allowed=False)
    assert client.get("/h5p/lib/H5P.TrueFalse-1.6/library.json").status_code == 404
    assert client.get(f"{paths['h5pJsonPath']}/h5p.json").status_code == 404
    # A library the content shares with others, still allowed, is still served.
    assert client.get("/h5p/lib/H5P.Question-1.4/library.json").status_code == 200


def test_content_not_ready_is_not_served(player, truefalse):
    client, paths, _ = player
    truefalse.status = "pending"
    truefalse.save()
    assert client.get(f"{paths['h5pJsonPath']}/h5p.json").status_code == 404


def test_documents_download_and_media_play_in_place_with_byte_ranges(
    tmp_path,
    media_root,  # noqa: F811
    client,
    django_capture_on_commit_callbacks,
):
    path = build(
        tmp_path,
        add={
            "content/notes.txt": "ghi chú",
            "content/guide.pdf": b"%PDF-1.4 ...",
            "content/a.mp3": b"ID3" + bytes(100),
        },
    )
    content = import_package(path, django_capture_on_commit_callbacks)
    user = UserFactory()
    client.force_login(user)
    base = serving.player_paths(serving.content_token(user=user, content=content))["h5pJsonPath"]
    for name in ("notes.txt", "guide.pdf"):
        response = client.get(f"{base}/content/{name}")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
    image = client.get(f"{base}/content/images/map.png")
    assert image["Content-Type"] == "image/png" and "attachment" not in image.get(
        "Content-Disposition", ""
    )
    part = client.get(f"{base}/content/a.mp3", HTTP_RANGE="bytes=0-2")
    assert part.status_code == 206
    assert part["Content-Range"] == "bytes 0-2/103"
    assert b"".join(part.streaming_content) == b"ID3"
    assert client.get(f"{base}/content/a.mp3", HTTP_RANGE="bytes=500-").status_code == 416


def test_a_separate_content_origin_gets_absolute_paths_and_the_token_alone_authorises(
    client, settings, truefalse, trainee
):
    settings.H5P_CONTENT_ORIGIN = "https://h5p.example.org"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "h5p.example.org"]
    token = serving.content_token(user=trainee, content=truefalse)
    paths = serving.player_paths(token)
    assert paths["h5pJsonPath"] == f"https://h5p.example.org/h5p/t/{token}"
    assert paths["librariesPath"] == "https://h5p.example.org/h5p/lib"

    on_origin = {"HTTP_HOST": "h5p.example.org", "secure": True}
    response = client.get(f"/h5p/t/{token}/h5p.json", **on_origin)  # no session there
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://testserver"
    assert client.get(f"/h5p/t/{token[:-2]}xx/h5p.json", **on_origin).status_code == 403
    library = client.get("/h5p/lib/H5P.TrueFalse-1.6/library.json", **on_origin)
    assert library.status_code == 200
    assert library["Access-Control-Allow-Origin"] == "http://testserver"
    # On the main site the token still has to be the logged-in person's.
    assert client.get(f"/h5p/t/{token}/h5p.json").status_code == 403
