"""A lesson on slow mobile data: it reads without JavaScript, its images wait until scrolled to,
and the first visit transfers under 100 KB compressed (HTML, styles, scripts and fonts).

The weight is what a browser downloads for the demo lesson, computed without a browser:
- the HTML and every same-origin stylesheet and script the page links, gzip-compressed
  (level 6, what a proxy such as nginx typically uses; static files are read through the
  staticfiles finders, as WhiteNoise serves them);
- the font files a browser fetches for this page: for each piece of text, the weight and style
  it is set in (UA defaults plus the site's style sheet, a small cascade below), and for each of
  its characters the @font-face whose unicode-range covers it, the last declared first, as
  the CSS Fonts spec orders overlapping ranges. WOFF2 is already compressed: counted as is;
- images, media files and H5P packages are left out: they load lazily or on demand.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from courses.models import CoursePage, LessonPage
from courses.services import enrolments_create

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024
# Text in these elements is not drawn in the page's web fonts (or not drawn at all).
NOT_RENDERED = {"script", "style", "noscript", "template", "title", "head", "svg"}
FORM_CONTROLS = {"button", "input", "select", "option", "textarea"}
UA_BOLD = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"}
UA_ITALIC = {"i", "em", "cite", "var", "dfn", "address"}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def static_bytes(url: str) -> bytes:
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not a static file"
    found = finders.find(path[len(settings.STATIC_URL) :])
    assert found, f"{url}: no such static file"
    with open(found, "rb") as handle:
        return handle.read()


# --- A small cascade: which weight and style each piece of text is drawn in -----------------


@dataclass
class Rule:
    selectors: list[str]
    weight: str | None
    style: str | None
    resets_font: bool  # `font: inherit` or a font-family: form controls then use the page's font


def screen_rules(css: str) -> list[Rule]:
    """Top-level rules, in order; @media blocks other than a phone's screen are skipped (print,
    min-width wider than 360 px); other at-rules (font-face, page) carry no element styles."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules: list[Rule] = []
    position = 0
    while True:
        brace = css.find("{", position)
        if brace == -1:
            return rules
        prelude = css[position:brace].strip()
        depth, end = 1, brace + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        block = css[brace + 1 : end - 1]
        position = end
        if prelude.startswith("@media"):
            if "print" in prelude or "min-width" in prelude:
                continue
            rules.extend(screen_rules(block))
        elif prelude.startswith("@"):
            continue
        else:
            declarations = {
                name.strip().lower(): value.strip().lower()
                for name, _, value in (d.partition(":") for d in block.split(";"))
                if value
            }
            weight = declarations.get("font-weight")
            style = declarations.get("font-style")
            resets = "font-family" in declarations or "font" in declarations
            if declarations.get("font") == "inherit":
                weight = weight or "inherit"
                style = style or "inherit"
            if weight or style or resets:
                rules.append(Rule([s.strip() for s in prelude.split(",")], weight, style, resets))


def matches(element, selector: str) -> bool:
    # Interaction states (hover, focus) are not the page as it loads; ::before/::after are
    # matched on their element.
    if re.search(r":(hover|focus|focus-visible|focus-within|active|visited)\b", selector):
        return False
    selector = re.sub(r"::?(before|after|marker|placeholder)\b", "", selector).strip()
    return bool(selector) and element.css.match(selector)


def resolve_weight(value: str, inherited: int) -> int:
    if value == "inherit":
        return inherited
    if value in ("bold", "bolder"):
        return 700 if value == "bold" or inherited < 600 else 900
    if value == "normal":
        return 400
    if value == "lighter":
        return 400
    return int(value)


def text_by_face(soup: BeautifulSoup, rules: list[Rule]) -> dict[tuple[int, str], set[str]]:
    """The characters drawn in each (weight, style) of the body, with inheritance."""
    faces: dict[tuple[int, str], set[str]] = {}

    def walk(element, weight: int, style: str, in_page_font: bool):
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                text = str(child).strip()
                if text and in_page_font:
                    faces.setdefault((weight, style), set()).update(text)
                continue
            if child.name in NOT_RENDERED:
                continue
            child_weight, child_style = weight, style
            child_font = in_page_font and child.name not in FORM_CONTROLS
            if child.name in UA_BOLD:
                child_weight = resolve_weight(
                    "bolder" if child.name in {"b", "strong"} else "bold", weight
                )
            if child.name in UA_ITALIC:
                child_style = "italic"
            for rule in rules:
                if any(matches(child, selector) for selector in rule.selectors):
                    if rule.weight:
                        child_weight = resolve_weight(rule.weight, weight)
                    if rule.style:
                        child_style = style if rule.style == "inherit" else rule.style
                    if rule.resets_font and in_page_font:
                        child_font = True
            walk(child, min(child_weight, 900), child_style, child_font)

    walk(soup.body, 400, "normal", True)
    return faces


# --- Fonts: the @font-face files those characters need -----------------------------------------


@dataclass
class FontFace:
    weight: int
    style: str
    url: str
    ranges: list[tuple[int, int]]

    def covers(self, char: str) -> bool:
        return any(low <= ord(char) <= high for low, high in self.ranges)


def font_faces(css: str, css_url: str) -> list[FontFace]:
    faces = []
    for block in re.findall(r"@font-face\s*{(.*?)}", css, flags=re.S):
        weight = int(re.search(r"font-weight:\s*(\d+)", block).group(1))
        style = re.search(r"font-style:\s*(\w+)", block).group(1)
        src = re.search(r"""url\(["']?([^"')]+\.woff2)["']?\)""", block).group(1)
        ranges = []
        unicode_range = re.search(r"unicode-range:\s*([^;]+);", block)
        for part in unicode_range.group(1).split(",") if unicode_range else ["U+0-10FFFF"]:
            low, _, high = part.strip()[2:].partition("-")
            ranges.append((int(low, 16), int(high or low, 16)))
        faces.append(FontFace(weight, style, urljoin(css_url, src), ranges))
    return faces


def nearest_weight(wanted: int, available: set[int]) -> int:
    # CSS font matching for weights above 500: the nearest heavier, else the nearest lighter.
    heavier = sorted(w for w in available if w >= wanted)
    return heavier[0] if heavier else max(available)


def fonts_needed(faces: list[FontFace], text: dict[tuple[int, str], set[str]]) -> set[str]:
    needed = set()
    for (weight, style), chars in text.items():
        same_style = [f for f in faces if f.style == style] or faces
        weight = nearest_weight(weight, {f.weight for f in same_style})
        candidates = [f for f in same_style if f.weight == weight]
        for char in chars:
            # Overlapping unicode-ranges: the face declared last is tried first.
            face = next((f for f in reversed(candidates) if f.covers(char)), None)
            if face is not None:
                needed.add(face.url)
    return needed


# --- The demo lesson, as an enrolled trainee ---------------------------------------------------


@pytest.fixture
def lesson_html(client, demo) -> str:
    lesson = LessonPage.objects.live().order_by("path").first()
    course = CoursePage.objects.ancestor_of(lesson).first()
    trainee = get_user_model().objects.get(username="hocvien")
    enrolments_create(users=[trainee], courses=[course])  # lessons are for the enrolled
    client.force_login(trainee)
    response = client.get(lesson.url)
    assert response.status_code == 200, f"{lesson.url} answered {response.status_code}"
    html = response.content.decode()
    assert lesson.title in html
    return html


def page_weight(html: str) -> dict[str, int]:
    soup = BeautifulSoup(html, "html.parser")
    weight = {"html": gz(html.encode()), "css": 0, "js": 0, "fonts": 0}
    stylesheets = [
        link["href"]
        for link in soup.find_all("link", href=True)
        if "stylesheet" in link.get("rel", [])
    ]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    rules: list[Rule] = []
    faces: list[FontFace] = []
    for url in stylesheets:
        if urlsplit(url).netloc:
            continue  # another host: test_site_pages forbids them anyway
        css = static_bytes(url)
        weight["css"] += gz(css)
        faces += font_faces(css.decode(), url)
        media = next((link.get("media") for link in soup.find_all("link", href=url)), None)
        if media in (None, "all", "screen"):
            rules += screen_rules(css.decode())
    for url in scripts:
        if not urlsplit(url).netloc:
            weight["js"] += gz(static_bytes(url))
    fonts = fonts_needed(faces, text_by_face(soup, rules))
    # A preloaded font is fetched whether or not the text needs it.
    fonts |= {
        link["href"]
        for link in soup.find_all("link", href=True)
        if "preload" in link.get("rel", []) and link.get("as") == "font"
    }
    weight["fonts"] = sum(len(static_bytes(url)) for url in fonts)
    weight["font files"] = sorted(url.rsplit("/", 1)[-1] for url in fonts)
    return weight


def report(weight: dict) -> int:
    total = weight["html"] + weight["css"] + weight["js"] + weight["fonts"]
    print(  # shown with pytest -s: the figures the budget is about
        f"\nlesson page, compressed: HTML {weight['html']} B, CSS {weight['css']} B, "
        f"JS {weight['js']} B, fonts {weight['fonts']} B ({', '.join(weight['font files'])}); "
        f"total {total} B of {BUDGET} B"
    )
    return total


def test_lesson_html_styles_and_scripts_are_light(lesson_html):
    weight = page_weight(lesson_html)
    report(weight)
    assert weight["html"] + weight["css"] + weight["js"] < 30 * 1024, weight
    assert weight["font files"], "the page uses the site's web font"


def test_lesson_page_transfers_under_100_kb(lesson_html):
    weight = page_weight(lesson_html)
    total = report(weight)
    assert total < BUDGET, f"{total} B > {BUDGET} B: {weight}"


def test_lesson_reads_without_javascript(lesson_html):
    soup = BeautifulSoup(lesson_html, "html.parser")
    article = soup.find("article")
    assert article is not None and len(article.get_text(strip=True)) > 500, (
        "the lesson's text is in the HTML itself"
    )
    for script in soup.find_all("script"):
        # Scripts enhance (offline reading, the admin's user bar): deferred or async, never
        # the source of the content, and nothing is hidden until a script reveals it.
        if script.get("src"):
            assert (
                script.has_attr("defer")
                or script.has_attr("async")
                or (script.get("type") == "module")
            ), script
    assert not soup.select("main [hidden], main .js-only, main noscript"), (
        "no content waits for a script"
    )


def test_every_image_in_the_body_is_lazy(lesson_html, client):
    """The demo lessons may have no image: the image block is rendered here on its own too."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from lms.blocks import CaptionedImageBlock

    soup = BeautifulSoup(lesson_html, "html.parser")
    images = soup.select("main article img")
    block = CaptionedImageBlock()
    image = Image.objects.create(title="Sơ đồ", file=get_test_image_file(size=(1600, 900)))
    rendered = block.render(
        block.to_python({"image": image.pk, "alt_text": "Sơ đồ quy trình", "caption": "Hình 1"})
    )
    images += BeautifulSoup(rendered, "html.parser").find_all("img")
    for img in images:
        assert img.get("loading") == "lazy", img
        assert img.get("decoding") == "async", img
        assert img.get("alt"), img
        assert img.get("width") and img.get("height"), img


def test_pages_are_sent_compressed_to_browsers_that_accept_it(client, demo):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < len(gzip.decompress(response.content)) / 3
