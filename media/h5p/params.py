"""Filtering an H5P content's parameters (content/content.json) against its libraries' semantics.

A package's content.json is what the player hands to the library code, which mostly writes it
into the page as HTML. Whoever uploads a package could therefore put script into a lesson, so
before content.json is stored the parameters are rewritten field by field, following each
library's semantics.json (the H5P specification's description of its parameters):

- text: with a `tags` list (the editor's rich-text fields), HTML reduced to those tags (and the
  few the editor always emits, such as p and br), with no attribute but a handful of safe ones:
  href on links (http, https, mailto or relative only), table cell spans, list starts, image
  sources where images are allowed, and a few colour and alignment styles. Script, style and
  embedded documents go with their content; comments and other markup go. Without `tags` the
  text is plain: <, >, &, " and ' are escaped (existing entities are kept, as the H5P editor
  writes them).
- number, boolean, select: kept only when of the declared kind (numbers within min/max,
  select values among the options).
- group and list: each field or item filtered; keys the semantics do not name are dropped.
  A group of a single field is stored as that field's value, as H5P does.
- library (sub-content): kept only when it names one of the field's options that the package
  brings; its parameters are filtered against that library's semantics, its subContentId
  checked, its metadata treated as plain text.
- image, file, audio, video: kept only when the path is relative (inside the content folder)
  or an http(s) address.

A library without readable semantics gets the safe treatment: every text in its parameters is
plain. Unknown field types are treated the same way. Nesting deeper than MAX_DEPTH is dropped.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

MAX_DEPTH = 64
DROP: Any = object()  # a field whose value is removed

LIBRARY_NAME = re.compile(r"^([\w.\-]{1,255}) (\d{1,5})\.(\d{1,5})$", re.ASCII)
SUB_CONTENT_ID = re.compile(r"^[\w\-]{1,64}$", re.ASCII)
MIME = re.compile(r"^[\w.+\-]{1,64}/[\w.+\-]{1,128}$", re.ASCII)
NUMBER_TEXT = re.compile(r"^-?\d{1,15}(\.\d{1,15})?$", re.ASCII)
ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")

# Tags the H5P editor writes in any rich-text field, whatever its `tags` list says.
ALWAYS_TAGS = frozenset({"p", "br", "span", "div"})
# A tag in a field's list brings the tags that only make sense with it.
RELATED_TAGS = {
    "table": {"thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"},
    "ul": {"li"},
    "ol": {"li"},
    "strong": {"b"},
    "em": {"i"},
    "del": {"s", "strike"},
    "strike": {"s", "del"},
    "s": {"del", "strike"},
}
VOID_TAGS = frozenset({"br", "hr", "img", "col"})
# Dropped with everything inside them: never text for a reader.
DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "textarea",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "frameset",
        "select",
        "head",
    }
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})
STYLE_VALUES = {
    "text-align": re.compile(r"^(left|right|center|justify)$"),
    "color": re.compile(r"^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]{1,40}\)|[a-z]{3,20})$"),
    "background-color": re.compile(r"^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]{1,40}\)|[a-z]{3,20})$"),
    "font-size": re.compile(r"^\d{1,3}(\.\d{1,2})?(px|pt|em|rem|%)$"),
}
NUMBER_ATTRIBUTE = re.compile(r"^\d{1,4}$", re.ASCII)


def filter_params(
    params: dict,
    *,
    library: str,
    semantics_for: Callable[[str], list | None],
    available: set[str],
) -> dict:
    """`params` (content.json) of a content whose main library is `library` ("H5P.TrueFalse
    1.6"), filtered. `semantics_for(name)` gives a library's parsed semantics.json or None;
    `available` names every library the content may use as sub-content ("H5P.Image 1.1")."""
    return _Filter(semantics_for, available).library_params(params, library, depth=0)


class _Filter:
    def __init__(self, semantics_for: Callable[[str], list | None], available: set[str]):
        self.semantics_for, self.available = semantics_for, available

    def library_params(self, params, library: str, *, depth: int) -> dict:
        if not isinstance(params, dict):
            return {}
        semantics = self.semantics_for(library)
        if not isinstance(semantics, list):
            return _plain_all(params, depth)
        return self.fields(params, semantics, depth)

    def fields(self, value: dict, semantics: list, depth: int) -> dict:
        kept = {}
        for field in semantics:
            name = field.get("name") if isinstance(field, dict) else None
            if isinstance(name, str) and name in value:
                filtered = self.field(value[name], field, depth + 1)
                if filtered is not DROP:
                    kept[name] = filtered
        return kept

    def field(self, value, field: dict, depth: int):
        if depth > MAX_DEPTH:
            return DROP
        kind = field.get("type")
        method = getattr(self, f"type_{kind}", None) if isinstance(kind, str) else None
        if method is None:
            return _plain_all(value, depth)
        return method(value, field, depth)

    # --- One method per semantics type --------------------------------------------------------

    def type_text(self, value, field: dict, depth: int):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return DROP
        text = str(value)
        tags = field.get("tags")
        if isinstance(tags, list) and tags:
            return clean_html(text, {t for t in tags if isinstance(t, str)})
        return escape_plain(text)

    def type_number(self, value, field: dict, depth: int):
        if isinstance(value, str) and NUMBER_TEXT.match(value):
            return value  # digits only: harmless, and some exporters quote numbers
        if isinstance(value, bool) or not isinstance(value, int | float):
            return DROP
        if not math.isfinite(value):
            return DROP
        low, high = field.get("min"), field.get("max")
        if _is_number(low) and value < low:
            value = low
        if _is_number(high) and value > high:
            value = high
        return value

    def type_boolean(self, value, field: dict, depth: int):
        return value if isinstance(value, bool) else DROP

    def type_select(self, value, field: dict, depth: int):
        options = field.get("options") if isinstance(field.get("options"), list) else []
        allowed = [o.get("value") for o in options if isinstance(o, dict)]
        if field.get("multiple") and isinstance(value, list):
            return [item for item in value if _among(item, allowed)]
        return value if _among(value, allowed) else DROP

    def type_group(self, value, field: dict, depth: int):
        fields = field.get("fields")
        if not isinstance(fields, list) or not fields:
            return DROP
        only = fields[0] if len(fields) == 1 and isinstance(fields[0], dict) else None
        wrapped = isinstance(value, dict) and only is not None and only.get("name") in value
        if only is not None and not (wrapped and only.get("type") != "group"):
            return self.field(value, only, depth + 1)  # a one-field group is stored flattened
        if not isinstance(value, dict):
            return DROP
        return self.fields(value, fields, depth)

    def type_list(self, value, field: dict, depth: int):
        item_field = field.get("field")
        if isinstance(value, dict):  # a list saved as an object keyed by position
            value = list(value.values())
        if not isinstance(value, list) or not isinstance(item_field, dict):
            return DROP
        items = (self.field(item, item_field, depth + 1) for item in value)
        return [item for item in items if item is not DROP]

    def type_library(self, value, field: dict, depth: int):
        if not isinstance(value, dict):
            return DROP
        name = value.get("library")
        options = field.get("options") if isinstance(field.get("options"), list) else []
        if not (
            isinstance(name, str)
            and LIBRARY_NAME.match(name)
            and name in options
            and name in self.available
        ):
            return DROP
        kept: dict = {
            "library": name,
            "params": self.library_params(value.get("params"), name, depth=depth + 1),
        }
        sub_id = value.get("subContentId")
        if isinstance(sub_id, str) and SUB_CONTENT_ID.match(sub_id):
            kept["subContentId"] = sub_id
        if isinstance(value.get("metadata"), dict):
            kept["metadata"] = _plain_all(value["metadata"], depth + 1)
        return kept

    def type_image(self, value, field: dict, depth: int):
        return _file(value, depth)

    type_file = type_image

    def type_video(self, value, field: dict, depth: int):
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            return DROP
        files = (_file(item, depth + 1) for item in value)
        return [item for item in files if item is not DROP]

    type_audio = type_video


# --- Files, plain values ------------------------------------------------------------------------


def _file(value, depth: int):
    """A file reference: {path, mime, copyright, width, height, ...}; DROP if the path is not
    safe to hand to the player."""
    if not isinstance(value, dict) or not safe_path(value.get("path")):
        return DROP
    kept = {}
    for key, item in value.items():
        if key == "path":
            kept[key] = item
        elif key == "mime":
            if isinstance(item, str) and MIME.match(item):
                kept[key] = item
        elif key in ("width", "height"):
            if _is_number(item) or (isinstance(item, str) and NUMBER_TEXT.match(item)):
                kept[key] = item
        elif key == "originalImage":
            original = _file(item, depth + 1)
            if original is not DROP:
                kept[key] = original
        else:
            kept[key] = _plain_all(item, depth + 1)
    return kept


def safe_path(path) -> bool:
    """A path inside the content folder ("images/photo-1a2b.jpg", maybe with H5P's "#tmp"), or
    an http(s) address."""
    if not isinstance(path, str) or not path or len(path) > 2000:
        return False
    if any(ord(c) < 32 or c in "\\<>\"'`" for c in path):
        return False
    scheme = SCHEME.match(path)
    if scheme:
        return (
            scheme.group(1).lower() in ("http", "https")
            and path[len(scheme.group(0)) :][:2] == "//"
        )
    if path.startswith("/"):
        return False
    return ".." not in path.split("#", 1)[0].split("/")


def _plain_all(value, depth: int):
    """Every string in `value` escaped as plain text; structure kept (safe default)."""
    if depth > MAX_DEPTH:
        return DROP
    if isinstance(value, str):
        return escape_plain(value)
    if isinstance(value, dict):
        items = ((k, _plain_all(v, depth + 1)) for k, v in value.items())
        return {k: v for k, v in items if v is not DROP}
    if isinstance(value, list):
        items = (_plain_all(v, depth + 1) for v in value)
        return [v for v in items if v is not DROP]
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else DROP
    return DROP


def escape_plain(text: str) -> str:
    """Plain text made safe for innerHTML and attribute values; entities already written by
    the H5P editor (&amp;, &#039;) are kept rather than escaped twice."""
    parts = []
    at = 0
    for match in ENTITY.finditer(text):
        parts.append(_escape(text[at : match.start()]))
        parts.append(match.group(0))
        at = match.end()
    parts.append(_escape(text[at:]))
    return "".join(parts)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#039;")
    )


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _among(value, allowed: list) -> bool:
    """A select's value among its options ("1" and 1 alike, as PHP compares them)."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return False
    return any(isinstance(option, str | int) and str(option) == str(value) for option in allowed)


# --- Rich text ----------------------------------------------------------------------------------


def clean_html(text: str, tags: set[str]) -> str:
    """`text` with only `tags` (and ALWAYS_TAGS and their related tags) and safe attributes."""
    allowed = {t.lower() for t in tags} | ALWAYS_TAGS
    for tag in list(allowed):
        allowed |= RELATED_TAGS.get(tag, set())
    cleaner = _HTMLCleaner(allowed)
    cleaner.feed(text)
    cleaner.close()
    return cleaner.result()


class _HTMLCleaner(HTMLParser):
    """Rebuilds HTML from what the parser saw: allowed elements with filtered attributes, text
    escaped; every element opened is closed, stray closing tags are dropped."""

    def __init__(self, allowed: set[str]):
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.out: list[str] = []
        self.open: list[str] = []
        self.skipping: list[str] = []  # inside script, style...: nothing is kept

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag == self.skipping[-1] and tag not in VOID_TAGS:
                self.skipping.append(tag)
            return
        if tag in DROP_WITH_CONTENT:
            self.skipping.append(tag)
            return
        if tag not in self.allowed:
            return
        self.out.append(f"<{tag}{_attributes(tag, attrs)}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if not self.skipping and tag in self.allowed and tag in VOID_TAGS:
            self.out.append(f"<{tag}{_attributes(tag, attrs)}>")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag not in self.open:
            return
        while self.open:
            closing = self.open.pop()
            self.out.append(f"</{closing}>")
            if closing == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        closing = "".join(f"</{tag}>" for tag in reversed(self.open))
        return "".join(self.out) + closing


def _any_text(value: str) -> bool:
    return True


def _digits(value: str) -> bool:
    return bool(NUMBER_ATTRIBUTE.match(value))


def _web_or_mail_url(value: str) -> bool:
    return _safe_url(value, URL_SCHEMES)


def _web_url(value: str) -> bool:
    return _safe_url(value, {"http", "https"})


# (tag, attribute) → the check its value must pass; every other attribute is dropped.
ATTRIBUTES = {
    ("a", "href"): _web_or_mail_url,
    ("a", "title"): _any_text,
    ("abbr", "title"): _any_text,
    ("img", "src"): _web_url,
    ("img", "alt"): _any_text,
    ("img", "title"): _any_text,
    ("img", "width"): _digits,
    ("img", "height"): _digits,
    ("td", "colspan"): _digits,
    ("td", "rowspan"): _digits,
    ("th", "colspan"): _digits,
    ("th", "rowspan"): _digits,
    ("ol", "start"): _digits,
}


def _attributes(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    kept: dict[str, str] = {}
    for name, raw in attrs:
        value = (raw or "").strip()
        check = ATTRIBUTES.get((tag, name))
        if name in kept:
            continue  # the first of repeated attributes is the one browsers use
        if check is not None and check(value):
            kept[name] = value
        elif tag == "a" and name == "target" and value == "_blank":
            kept.update(target="_blank", rel="noopener noreferrer")
        elif name == "style" and (style := _safe_style(value)):
            kept[name] = style
    return "".join(f' {n}="{html.escape(v, quote=True)}"' for n, v in kept.items())


def _safe_url(value: str, schemes) -> bool:
    """A relative address, or one with an allowed scheme, judged as a browser would read it
    (control characters and spaces inside a scheme are ignored by browsers)."""
    squeezed = "".join(c for c in value if ord(c) > 32 and c != "\x7f")
    scheme = SCHEME.match(squeezed)
    if scheme:
        return scheme.group(1).lower() in schemes
    return not squeezed.startswith("\\") and ":" not in squeezed.split("/", 1)[0]


def _safe_style(value: str) -> str:
    kept = []
    for declaration in value.split(";"):
        if ":" not in declaration:
            continue
        prop, _, val = declaration.partition(":")
        prop, val = prop.strip().lower(), val.strip().lower()
        pattern = STYLE_VALUES.get(prop)
        if pattern and pattern.match(val):
            kept.append(f"{prop}: {val}")
    return "; ".join(kept)
