"""A small XLSX writer for the statistics exports: sheets of rows, a fixed set of styles.

openpyxl spends most of a national export (20,000 classes, 340,000 cells) building a cell
object per figure; the exports need none of its features beyond bold headers, two number
formats, column widths and frozen headers, so this writes the sheets' XML directly (inline
strings, one pass, nothing kept but the text of the sheet being written).
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

# Cell styles (indexes into cellXfs below).
DEFAULT, HEADER, COUNT, RATE, BOLD, BOLD_COUNT, BOLD_RATE, RIGHT, BOLD_RIGHT, WRAP = range(10)
_ALIGN_WRAP = '<alignment wrapText="1" vertical="top"/>'
_ALIGN_RIGHT = '<alignment horizontal="right"/>'
_XFS = [  # (number format, font, fill, alignment)
    (0, 0, 0, ""),
    (0, 1, 2, _ALIGN_WRAP),
    (3, 0, 0, ""),  # 3 is Excel's built-in "#,##0"
    (164, 0, 0, ""),
    (0, 1, 0, ""),
    (3, 1, 0, ""),
    (164, 1, 0, ""),
    (0, 0, 0, _ALIGN_RIGHT),
    (0, 1, 0, _ALIGN_RIGHT),
    (0, 0, 0, _ALIGN_WRAP),
]
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Sheet:
    def __init__(self, title: str, widths: list[float] | None = None, freeze: str = "A2"):
        self.title = title[:31]
        self.widths = widths or []
        self.freeze = freeze
        self.rows: list[str] = []
        self._letters = [column_letter(n) for n in range(1, 61)]

    def append(self, values, styles=None) -> None:
        """One row: None leaves a cell empty; numbers are numbers, anything else text.
        `styles`: one style per value (or None for the default)."""
        number = len(self.rows) + 1
        cells = []
        for index, value in enumerate(values):
            if value is None:
                continue
            style = styles[index] if styles else DEFAULT
            ref = f"{self._letter(index)}{number}"
            s = f' s="{style}"' if style else ""
            if isinstance(value, bool):
                cells.append(f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                cells.append(f'<c r="{ref}"{s}><v>{value!r}</v></c>')
            else:
                text = escape(_NOT_XML.sub("", str(value)))
                cells.append(
                    f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
                )
        self.rows.append(f'<row r="{number}">{"".join(cells)}</row>')

    def _letter(self, index: int) -> str:
        while index >= len(self._letters):
            self._letters.append(column_letter(len(self._letters) + 1))
        return self._letters[index]

    def xml(self) -> str:
        pane = ""
        if self.freeze and self.freeze != "A1":
            column = len(re.match(r"[A-Z]*", self.freeze).group(0))
            split_x = sum(
                (ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(self.freeze[:column]))
            ) - 1  # fmt: skip
            split_y = int(self.freeze[column:]) - 1
            active = (
                "bottomRight" if split_x and split_y else ("bottomLeft" if split_y else "topRight")
            )
            pane = (
                '<sheetViews><sheetView workbookViewId="0"><pane'
                + (f' xSplit="{split_x}"' if split_x else "")
                + (f' ySplit="{split_y}"' if split_y else "")
                + f' topLeftCell="{self.freeze}" activePane="{active}" state="frozen"/>'
                + "</sheetView></sheetViews>"
            )
        cols = "".join(
            f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
            for n, width in enumerate(self.widths, 1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}">{pane}'
            + (f"<cols>{cols}</cols>" if cols else "")
            + f"<sheetData>{''.join(self.rows)}</sheetData></worksheet>"
        )


class Book:
    def __init__(self):
        self.sheets: list[Sheet] = []

    def sheet(self, title: str, widths=None, freeze: str = "A2") -> Sheet:
        sheet = Sheet(title, widths, freeze)
        self.sheets.append(sheet)
        return sheet

    def save(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
            package.writestr("[Content_Types].xml", self._content_types())
            package.writestr(
                "_rels/.rels",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
                f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
            )
            package.writestr("xl/workbook.xml", self._workbook())
            package.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels())
            package.writestr("xl/styles.xml", _styles())
            for number, sheet in enumerate(self.sheets, 1):
                package.writestr(f"xl/worksheets/sheet{number}.xml", sheet.xml())
                sheet.rows = []  # written: let the text go
        return out.getvalue()

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_TYPE}"/>'
            for n in range(1, len(self.sheets) + 1)
        )
        office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
            f"{sheets}</Types>"
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(sheet.title)} sheetId="{n}" r:id="rId{n}"/>'
            for n, sheet in enumerate(self.sheets, 1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{sheets}</sheets></workbook>'
        )

    def _workbook_rels(self) -> str:
        sheets = "".join(
            f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(self.sheets) + 1)
        )
        styles = len(self.sheets) + 1
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}">{sheets}'
            f'<Relationship Id="rId{styles}" Type="{RELS}/styles" Target="styles.xml"/>'
            "</Relationships>"
        )


def _styles() -> str:
    xfs = []
    for number_format, font, fill, alignment in _XFS:
        applies = (
            (' applyNumberFormat="1"' if number_format else "")
            + (' applyFont="1"' if font else "")
            + (' applyFill="1"' if fill else "")
            + (' applyAlignment="1"' if alignment else "")
        )
        attributes = (
            f'numFmtId="{number_format}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"'
        )
        xfs.append(
            f"<xf {attributes}{applies}>{alignment}</xf>"
            if alignment
            else f"<xf {attributes}{applies}/>"
        )
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<styleSheet xmlns="{MAIN}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>'
        f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
        '<fills count="3"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE7F0"/>'
        '<bgColor indexed="64"/></patternFill></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
