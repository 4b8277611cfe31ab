"""Filtering content.json against the libraries' semantics: what a trainee's browser would run
if an upload carried script is stripped before the content is stored, and the real packages'
parameters come through unchanged."""

import json
import zipfile

import pytest

from media.h5p.params import clean_html, filter_params
from media.models import H5PContent
from tests.media.test_h5p_import import import_package, media_root  # noqa: F401 - fixture
from tests.media.test_h5p_validation import DRAGTEXT, TRUEFALSE, build

pytestmark = pytest.mark.django_db


def semantics_of(package, folder: str) -> list:
    with zipfile.ZipFile(package) as archive:
        return json.loads(archive.read(f"{folder}/semantics.json"))


TRUEFALSE_SEMANTICS = semantics_of(TRUEFALSE, "H5P.TrueFalse-1.6")
DRAGTEXT_SEMANTICS = semantics_of(DRAGTEXT, "H5P.DragText-1.8")
IMAGE_SEMANTICS = [
    {"name": "file", "type": "image"},
    {"name": "alt", "type": "text"},
    {"name": "title", "type": "text", "optional": True},
]
SEMANTICS = {
    "H5P.TrueFalse 1.6": TRUEFALSE_SEMANTICS,
    "H5P.DragText 1.8": DRAGTEXT_SEMANTICS,
    "H5P.Image 1.1": IMAGE_SEMANTICS,
}


def truefalse(params: dict, available=("H5P.TrueFalse 1.6", "H5P.Image 1.1")) -> dict:
    return filter_params(
        params, library="H5P.TrueFalse 1.6", semantics_for=SEMANTICS.get, available=set(available)
    )


def dragtext(params: dict) -> dict:
    return filter_params(
        params,
        library="H5P.DragText 1.8",
        semantics_for=SEMANTICS.get,
        available={"H5P.DragText 1.8"},
    )


# --- Rich text ----------------------------------------------------------------------------------


def test_script_and_style_are_removed_with_their_content():
    question = "<p>Thủ đô?</p><script>fetch('/admin/')</script><style>p{display:none}</style>"
    assert truefalse({"question": question})["question"] == "<p>Thủ đô?</p>"


def test_event_handler_attributes_are_removed():
    question = '<p onclick="steal()">Q</p><img src=x onerror="fetch(\'/admin/\')"><em>Đúng</em>'
    assert truefalse({"question": question})["question"] == "<p>Q</p><em>Đúng</em>"


def test_tags_the_field_does_not_allow_are_removed_but_their_text_kept():
    question = '<h1>Tiêu đề</h1><p><a href="https://moj.gov.vn">link</a> <u>gạch</u></p>'
    # TrueFalse's question allows strong, em, sub, sup, h2, h3 (and p, br always).
    assert truefalse({"question": question})["question"] == "Tiêu đề<p>link gạch</p>"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_links_with_script_addresses_lose_their_href(href):
    text = f'<p><a href="{href}">Xem</a></p>'
    assert dragtext({"taskDescription": text})["taskDescription"] == "<p><a>Xem</a></p>"


@pytest.mark.parametrize(
    "href", ["https://moj.gov.vn/van-ban", "http://example.vn", "mailto:a@b.vn", "bai-2.html"]
)
def test_links_to_web_mail_and_relative_addresses_are_kept(href):
    text = f'<p><a href="{href}" target="_blank" onmouseover="x()">Xem</a></p>'
    assert dragtext({"taskDescription": text})["taskDescription"] == (
        f'<p><a href="{href}" target="_blank" rel="noopener noreferrer">Xem</a></p>'
    )


def test_unclosed_and_stray_tags_are_balanced():
    assert clean_html("<p><strong>đậm</p></em>x", {"strong"}) == "<p><strong>đậm</strong></p>x"
    assert clean_html("<p>mở", set()) == "<p>mở</p>"
    assert "<" not in clean_html('<img src="x" onerror="alert(1)"', {"img"})  # only text left


def test_comments_and_markup_inside_text_are_neutralised():
    text = "<p>1 < 2 &amp; 3 > 2<!-- <script>alert(1)</script> --></p>"
    assert clean_html(text, set()) == "<p>1 &lt; 2 &amp; 3 &gt; 2</p>"


# --- Plain text and other field types -----------------------------------------------------------


def test_plain_text_fields_are_escaped():
    params = truefalse(
        {"l10n": {"trueText": '<img src=x onerror="alert(1)">Đúng', "falseText": "Sai"}}
    )
    assert params["l10n"] == {
        "trueText": "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Đúng",
        "falseText": "Sai",
    }


def test_entities_the_editor_wrote_are_not_escaped_twice():
    params = truefalse({"l10n": {"trueText": "Tom &amp; Jerry&#039;s", "falseText": "a & b"}})
    assert params["l10n"] == {"trueText": "Tom &amp; Jerry&#039;s", "falseText": "a &amp; b"}


def test_values_of_the_wrong_kind_and_unknown_keys_are_dropped():
    params = truefalse(
        {
            "correct": "<script>",
            "behaviour": {"enableRetry": "yes", "autoCheck": True},
            "onload": "<script>alert(1)</script>",
        }
    )
    assert params == {"behaviour": {"autoCheck": True}}


def test_numbers_are_kept_within_their_bounds():
    feedback = [{"from": -5, "to": 1000, "feedback": "<b>Tốt</b>"}, {"from": "x", "to": 50}]
    params = dragtext({"overallFeedback": feedback})
    assert params["overallFeedback"] == [
        {"from": 0, "to": 100, "feedback": "&lt;b&gt;Tốt&lt;/b&gt;"},
        {"to": 50},
    ]


# --- Sub-content --------------------------------------------------------------------------------


def image(library="H5P.Image 1.1", path="images/anh.jpg"):
    return {
        "library": library,
        "params": {"file": {"path": path, "mime": "image/jpeg"}, "alt": "<b>Ảnh</b>"},
        "subContentId": "4b7c1f0e-5d2a-4c1b-9f57-2f5e8d1c3a10",
        "metadata": {"contentType": "Image", "title": "<script>x</script>"},
    }


def test_a_declared_sub_content_library_is_filtered_with_its_own_semantics():
    media = truefalse({"media": {"type": image(), "disableImageZooming": False}})["media"]
    assert media["type"] == {
        "library": "H5P.Image 1.1",
        "params": {
            "file": {"path": "images/anh.jpg", "mime": "image/jpeg"},
            "alt": "&lt;b&gt;Ảnh&lt;/b&gt;",
        },
        "subContentId": "4b7c1f0e-5d2a-4c1b-9f57-2f5e8d1c3a10",
        "metadata": {"contentType": "Image", "title": "&lt;script&gt;x&lt;/script&gt;"},
    }


def test_a_sub_content_library_the_package_does_not_bring_is_dropped():
    params = truefalse(
        {"media": {"type": image(), "disableImageZooming": False}},
        available=("H5P.TrueFalse 1.6",),
    )
    assert params["media"] == {"disableImageZooming": False}


def test_a_sub_content_library_the_field_does_not_offer_is_dropped():
    params = truefalse(
        {"media": {"type": image(library="H5P.DragText 1.8")}},
        available=("H5P.TrueFalse 1.6", "H5P.DragText 1.8"),
    )
    assert params["media"] == {}


@pytest.mark.parametrize(
    "path", ["javascript:alert(1)", "/etc/passwd", "../../h5p/content/1/x.jpg", "data:image/png,x"]
)
def test_files_outside_the_content_folder_are_dropped(path):
    media = truefalse({"media": {"type": image(path=path)}})["media"]
    assert "file" not in media["type"]["params"]


def test_without_semantics_every_text_is_plain():
    params = filter_params(
        {"question": "<p>Hà Nội?</p>", "items": [{"text": "<i>a</i>"}], "score": 3},
        library="H5P.Test 1.0",
        semantics_for=lambda name: None,
        available={"H5P.Test 1.0"},
    )
    assert params == {
        "question": "&lt;p&gt;Hà Nội?&lt;/p&gt;",
        "items": [{"text": "&lt;i&gt;a&lt;/i&gt;"}],
        "score": 3,
    }


def test_deep_nesting_is_cut_off():
    params = filter_params(
        {"a": json.loads("[" * 200 + "]" * 200)},
        library="H5P.Test 1.0",
        semantics_for=lambda name: None,
        available=set(),
    )
    assert json.dumps(params).count("[") < 100


# --- At import ----------------------------------------------------------------------------------


def rebuilt(source, tmp_path, replace: dict, name="changed.h5p"):
    """`source` with the entries named in `replace` given new data (each entry copied once)."""
    path = tmp_path / name
    seen = set()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as target:
        for info in original.infolist():
            if info.filename in seen:
                continue
            seen.add(info.filename)
            data = replace.get(info.filename) or original.read(info)
            target.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return path


def with_content(source, tmp_path, params: dict, name="changed.h5p"):
    return rebuilt(source, tmp_path, {"content/content.json": json.dumps(params)}, name=name)


def stored_params(root, content: H5PContent) -> dict:
    return json.loads((root / content.storage_prefix / "content/content.json").read_text())


def original_params(package) -> dict:
    with zipfile.ZipFile(package) as archive:
        return json.loads(archive.read("content/content.json"))


@pytest.mark.parametrize("package", [TRUEFALSE, DRAGTEXT], ids=["truefalse", "dragtext"])
def test_the_real_packages_keep_their_parameters(
    package,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    content = import_package(package, django_capture_on_commit_callbacks)
    assert content.status == "ready"
    assert stored_params(media_root, content) == original_params(package)


def test_an_uploaded_question_with_script_is_stored_without_it(
    tmp_path,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    params = original_params(TRUEFALSE)
    params["question"] = "<p>Q</p><img src=x onerror=\"fetch('/admin/')\"><script>alert(1)</script>"
    path = with_content(TRUEFALSE, tmp_path, params, name="xss.h5p")
    content = import_package(path, django_capture_on_commit_callbacks)

    assert content.status == "ready"
    stored = stored_params(media_root, content)
    assert stored["question"] == "<p>Q</p>"
    assert stored == {**params, "question": "<p>Q</p>"}
    # The package as uploaded is kept, for whoever reviews what was sent.
    with zipfile.ZipFile(media_root / content.package.name) as archive:
        assert "onerror" in json.loads(archive.read("content/content.json"))["question"]


def test_a_library_without_semantics_gets_plain_text(
    tmp_path,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    content = import_package(build(tmp_path), django_capture_on_commit_callbacks)
    assert stored_params(media_root, content) == {
        "question": "&lt;p&gt;Hà Nội là thủ đô?&lt;/p&gt;"
    }


def test_semantics_in_a_package_cannot_loosen_an_installed_library(
    tmp_path,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """A second package bringing the same library version with a permissive semantics.json:
    the installed library's semantics decide."""
    import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    params = {**original_params(TRUEFALSE), "question": "<p>Q</p><iframe src=x></iframe>"}
    loose = [{"name": "question", "type": "text", "tags": ["iframe", "p"]}]
    path = rebuilt(
        TRUEFALSE,
        tmp_path,
        {
            "content/content.json": json.dumps(params),
            "H5P.TrueFalse-1.6/semantics.json": json.dumps(loose),
        },
        name="loose.h5p",
    )
    content = import_package(path, django_capture_on_commit_callbacks)
    assert content.status == "ready"
    assert stored_params(media_root, content)["question"] == "<p>Q</p>"
