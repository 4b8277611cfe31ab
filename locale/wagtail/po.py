"""Read and write the small subset of the gettext .po format that Django and Wagtail produce.

Shared by build.py, coverage.py and the tests; it needs neither Django settings nor polib.
An entry's key is its msgid, or "msgctxt\\x04msgid" when it has a context, as gettext keys it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

# The Wagtail catalogues whose Vietnamese this directory completes: label -> (the folder inside
# the wagtail package holding its locale/, gettext domain). "wagtailcore" is Wagtail core (pages,
# revisions, workflows); "wagtailadmin-js" is what the admin's JavaScript reads via /admin/jsi18n/.
CATALOGUES = {
    "wagtailadmin": ("admin", "django"),
    "wagtailadmin-js": ("admin", "djangojs"),
    "wagtailcore": ("", "django"),
    "wagtailimages": ("images", "django"),
    "wagtaildocs": ("documents", "django"),
    "wagtailsnippets": ("snippets", "django"),
    "wagtailusers": ("users", "django"),
    "wagtailsites": ("sites", "django"),
    "wagtaillocales": ("locales", "django"),
    "wagtailembeds": ("embeds", "django"),
    "wagtailsearch": ("search", "django"),
    "wagtailsettings": ("contrib/settings", "django"),
    "wagtailredirects": ("contrib/redirects", "django"),
    "wagtailforms": ("contrib/forms", "django"),
}
DOMAINS = ["django", "djangojs"]
# The catalogues of the screens a course author uses; the tests hold them complete.
AUTHOR_CATALOGUES = [
    "wagtailadmin",
    "wagtailadmin-js",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailsnippets",
]

# Placeholders that must survive translation unchanged: %(name)s, %s, %d, {name}, {0}.
PLACEHOLDER = re.compile(r"%\([a-zA-Z0-9_]+\)[sdfr]|%[sdfr]|\{[a-zA-Z0-9_]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass
class Entry:
    msgid: str
    msgid_plural: str = ""
    msgctxt: str = ""
    msgstr: str = ""  # msgstr, or msgstr[0] of a plural entry (Vietnamese has one form)
    flags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt else self.msgid

    @property
    def source(self) -> str:
        """The English the translation must match: for plurals, the plural form (with the count)."""
        return self.msgid_plural or self.msgid


def unescape(text: str) -> str:
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def read(path: Path) -> list[Entry]:
    """The entries of a .po file, header and obsolete (#~) entries left out."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        flags: list[str] = []
        refs: list[str] = []
        current = None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += [f.strip() for f in line[2:].split(",")]
            elif line.startswith("#:"):
                refs += line[2:].split()
            elif line.startswith("#"):
                continue
            elif line.startswith('"') and current:
                fields[current] += unescape(line[1:-1])
            else:
                name, _, rest = line.partition(" ")
                current = name
                fields[name] = unescape(rest.strip()[1:-1])
        if not fields.get("msgid"):
            continue
        entries.append(
            Entry(
                msgid=fields["msgid"],
                msgid_plural=fields.get("msgid_plural", ""),
                msgctxt=fields.get("msgctxt", ""),
                msgstr=fields.get("msgstr", fields.get("msgstr[0]", "")),
                flags=flags,
                references=refs,
            )
        )
    return entries


def translations(path: Path) -> dict[str, str]:
    """key -> Vietnamese of the translated, non-fuzzy entries of a .po file (empty if none)."""
    if not path.exists():
        return {}
    return {e.key: e.msgstr for e in read(path) if e.msgstr and "fuzzy" not in e.flags}


def wagtail_dir() -> Path:
    import wagtail

    return Path(wagtail.__file__).parent


def catalogue(label: str, language: str) -> Path:
    folder, domain_name = CATALOGUES[label]
    return wagtail_dir() / folder / "locale" / language / "LC_MESSAGES" / f"{domain_name}.po"


def domain(label: str) -> str:
    return CATALOGUES[label][1]


def problems(entry: Entry, vietnamese: str) -> list[str]:
    """How a translation breaks the English's placeholders or HTML (nothing if it keeps them)."""
    found = []
    if sorted(PLACEHOLDER.findall(vietnamese)) != sorted(PLACEHOLDER.findall(entry.source)):
        found.append("placeholders differ")
    if sorted(TAG.findall(vietnamese)) != sorted(TAG.findall(entry.source)):
        found.append("HTML differs")
    return found


def write_entry(entry: Entry, vietnamese: str, comments: list[str]) -> str:
    lines = [f"#. {c}" for c in comments]
    if entry.references:
        lines.append("#: " + " ".join(entry.references[:3]))
    flags = [f for f in entry.flags if f != "fuzzy"]
    if flags:
        lines.append("#, " + ", ".join(flags))
    if entry.msgctxt:
        lines.append(f'msgctxt "{escape(entry.msgctxt)}"')
    lines.append(f'msgid "{escape(entry.msgid)}"')
    if entry.msgid_plural:
        lines.append(f'msgid_plural "{escape(entry.msgid_plural)}"')
        lines.append(f'msgstr[0] "{escape(vietnamese)}"')
    else:
        lines.append(f'msgstr "{escape(vietnamese)}"')
    return "\n".join(lines)
