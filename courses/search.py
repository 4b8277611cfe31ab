"""Search over the guide and the courses that ignores Vietnamese diacritics.

People type "truyen thong du thao" as often as "truyền thông dự thảo". Neither search backend
folds Vietnamese on its own (PostgreSQL's parsers keep "ự", SQLite FTS5's unicode61 tokenizer
keeps "đ" and, with its default remove_diacritics=1, most letters with two marks, like "ề"), so
the pages index a folded copy of their text (`FoldedSearchMixin`, declared in `search_fields`
with `FOLDED_SEARCH_FIELDS`) and the query is folded the same way (`query_terms`) before it
reaches the backend. Both sides are reduced to plain words separated by single spaces, so every
backend tokenizes them alike ("407/QĐ-TTg" -> "407 qd ttg"; PostgreSQL would otherwise read
"407/qd-ttg" as one file-path token).

`search_page_ids` runs the search (every word must match; pages holding the words as a phrase,
in their title first, come first) and `highlight` / `snippet` mark the words in the original text, diacritics and all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index
from wagtail.search.query import Phrase

from people.text import clean_text, fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_LENGTH = 240

# A word as both backends cut text into tokens: letters and digits (underscore separates).
_WORD = re.compile(r"[^\W_]+")

FOLDED_SEARCH_FIELDS = [
    # The title again, folded, weighted like Page's own title field (PostgreSQL uses the weight).
    index.SearchField("search_folded_title", boost=2),
    index.SearchField("search_folded_text"),
]
_FOLDED_NAMES = {"title", "search_folded_title", "search_folded_text"}


def fold_words(text: str | None) -> str:
    """Folded text as single-space separated words: "Dự thảo (407/QĐ)" -> "du thao 407 qd"."""
    return " ".join(_WORD.findall(fold(text)))


def stream_text(value) -> str:
    """The words of a StreamField value, read from its stored JSON.

    The raw data is used rather than the blocks' own `get_searchable_content` so that reading the
    text never loads images or documents: snippets for a page of results cost no queries."""
    if value is None:
        return ""
    parts: list[str] = []
    _collect(value.stream_block, list(value.raw_data), parts)
    return clean_text(" ".join(parts))


def _collect(block, raw, parts: list[str]) -> None:
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                _collect(child, item.get("value"), parts)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _collect(child, raw.get(name), parts)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # Stored as {"type": "item", "value": ..., "id": ...} since Wagtail 2.16, bare before.
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            _collect(block.child_block, item["value"] if is_wrapped else item, parts)
    elif isinstance(block, blocks.RichTextBlock):
        parts.append(get_text_for_indexing(str(raw)))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        parts.append(str(raw))
    # Choosers (images, documents), choices and other values hold no words a reader searches for.


class FoldedSearchMixin:
    """Folded copies of a page's searchable text, for `FOLDED_SEARCH_FIELDS`.

    The text folded is whatever the page already indexes: each `index.SearchField` of the model
    other than the title (a summary, an introduction, StreamField bodies)."""

    def search_text_parts(self) -> list[str]:
        """The page's searchable text other than its title, in plain words with diacritics."""
        parts = []
        for field in self.get_search_fields():
            name = getattr(field, "field_name", None)
            if not isinstance(field, index.SearchField) or name in _FOLDED_NAMES:
                continue
            value = getattr(self, name, None)
            try:
                model_field = self._meta.get_field(name)
            except FieldDoesNotExist:  # a property or method declared as a search field
                model_field = None
            if callable(value):
                value = value()
            if isinstance(model_field, StreamField):
                parts.append(stream_text(value))
            elif value:
                parts.append(clean_text(str(value)))
        return [part for part in parts if part]

    def search_plain_text(self) -> str:
        return " ".join(self.search_text_parts())

    @property
    def search_folded_title(self) -> str:
        return fold_words(self.title)

    @property
    def search_folded_text(self) -> str:
        return fold_words(" ".join([self.title, *self.search_text_parts()]))


def query_terms(query: str | None) -> list[str]:
    """The folded words of what someone typed, each once, in order, at most MAX_TERMS."""
    terms: list[str] = []
    for word in _WORD.findall(fold(query)):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def search_page_ids(queryset, terms: list[str]) -> list[int]:
    """Ids of the pages in `queryset` holding every one of `terms`, best first.

    Two queries whatever the number of results: every word (AND, ranked by the backend, with
    the titles), then the words as a phrase. Backend rank is kept within four tiers: the title
    holds the phrase, the page holds the phrase, the title holds every word, the rest."""
    if not terms:
        return []
    words = " ".join(terms)
    ranked = _unique(queryset.only("id", "title").search(words, operator="and"))
    phrase: set[int] = set()
    if len(terms) > 1 and len(ranked) > 1:
        phrase = {page.pk for page in queryset.only("id").search(Phrase(words))}

    def tier(page) -> int:
        title = f" {fold_words(page.title)} "
        if f" {words} " in title:
            return 0
        if page.pk in phrase:
            return 1
        return 2 if all(f" {term} " in title for term in terms) else 3

    return [page.pk for page in sorted(ranked, key=tier)]


def _unique(pages) -> list:
    seen: set[int] = set()
    return [page for page in pages if not (page.pk in seen or seen.add(page.pk))]


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return " " if char.isspace() else fold(char)


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character, and for each folded character the index of the
    character of `text` it came from (folding may drop characters, never reorders them)."""
    folded: list[str] = []
    positions: list[int] = []
    for i, char in enumerate(text):
        for piece in _fold_char(char):
            folded.append(piece)
            positions.append(i)
    return "".join(folded), positions


def _terms_pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in `text` as whole words, ignoring case and diacritics; spans
    separated only by spaces are merged, so a phrase is marked once."""
    pattern = _terms_pattern(terms)
    if pattern is None or not text:
        return []
    folded, positions = _folded_with_positions(text)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        start, end = positions[match.start()], positions[match.end() - 1] + 1
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    html, cursor = [], 0
    for start, end in spans:
        html.append(escape(text[cursor:start]))
        html.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    html.append(escape(text[cursor:]))
    return mark_safe("".join(html))  # noqa: S308 - every piece of text is escaped above


def highlight(text: str | None, terms: list[str]) -> SafeString:
    """`text`, escaped, with the terms wrapped in <mark> wherever they occur with or without
    diacritics ("du thao" marks "dự thảo")."""
    text = clean_text(text)
    return _marked(text, _match_spans(text, terms))


def snippet(text: str | None, terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """About `length` characters of `text` around the first place the terms occur (the phrase,
    if the text holds it), cut between words, with the terms highlighted."""
    text = clean_text(text)
    if not text:
        return mark_safe("")
    spans = _match_spans(text, terms)
    focus = 0
    if spans:
        # The longest marked run is where most of the words stand together.
        focus = max(spans, key=lambda span: (span[1] - span[0], -span[0]))[0]
    start = max(0, focus - length // 4)
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < focus else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    shifted = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    ]
    html = _marked(window, shifted)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - `html` is escaped by _marked
