"""Vietnamese text as people type it: NFC, single spaces, and a diacritic-free key for search."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean_text(value: str | None) -> str:
    """NFC, trimmed, runs of whitespace (including non-breaking spaces) collapsed to one."""
    if not value:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def fold(value: str | None) -> str:
    """Lower case without diacritics ("Đắk Nông" -> "dak nong"), for matching what people type."""
    text = clean_text(value).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_PHONE_JUNK = re.compile(r"[\s.\-()]")


def normalize_phone(value: str | None) -> str:
    """A Vietnamese phone number as 10 digits starting with 0 ("+84 912-345-678" -> "0912345678").

    Returns "" for an empty value and raises ValueError for something that is not a phone number.
    """
    text = _PHONE_JUNK.sub("", clean_text(value))
    if not text:
        return ""
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) == 11:
        text = "0" + text[2:]
    if not re.fullmatch(r"0\d{9}", text):
        raise ValueError(f"not a Vietnamese phone number: {value!r}")
    return text
