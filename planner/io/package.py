"""The .xlsx package read with bounded work: sheet list, shared strings, styles, cells.

Every XML part is streamed through expat in chunks, DTDs and entities refused (as
defusedxml does), and every part's element count is capped before anything is built,
so a 3 MB file with 150 MB of XML siblings is refused in seconds. Cells come out as
plain values (str, int, float, bool, datetime) or a ``MissingResult`` for a formula
with no saved value; a ``PercentNumber`` is a number from a cell formatted as a
percentage. Any problem is a DocumentError that names the part (or cell) that is broken.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Callable, Iterator
from xml.parsers import expat

from models.issues import DocumentError, Location, ValidationIssue, cell_name

MAX_PART_ELEMENTS = 1_500_000  # XML elements in any one part
MAX_WORKBOOK_ELEMENTS = 2_000_000  # in all the parts read (about 10 s of parsing)
MAX_SHARED_STRINGS = 1_000_000
MAX_TEXT_CHARS = 50_000_000  # characters of shared strings and cell text, per part
CHUNK = 1 << 16
DAMAGED = "the file is damaged or not a valid workbook"

_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_DATE_TOKENS = re.compile(r"[dmyhs]", re.IGNORECASE)
REL_WORKSHEET = "/worksheet"


class PercentNumber(float):
    """A number from a cell formatted as a percentage (it already holds 0.06 for 6%)."""


@dataclass(frozen=True)
class MissingResult:
    """A formula cell without a saved result (files written by scripts)."""

    formula: str


@dataclass(frozen=True)
class CachedFormula:
    """A formula cell's saved value in a file from XlsxWriter, whose default saved
    result is 0: trusted only when not every formula of the workbook holds 0."""

    value: object
    formula: str


@dataclass(frozen=True)
class SheetPart:
    name: str
    part: str | None  # None: the package has no part for it
    worksheet: bool = True


@dataclass
class Package:
    """What the cells of a workbook need: sheets, shared strings, styles, writer."""

    file: str
    zip: zipfile.ZipFile
    sheets: list[SheetPart] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    date_styles: frozenset[int] = frozenset()
    percent_styles: frozenset[int] = frozenset()
    application: str = ""
    app_version: str = ""
    budget: int = MAX_WORKBOOK_ELEMENTS  # XML elements still allowed to be parsed

    @property
    def written_by_xlsxwriter(self) -> bool:
        """XlsxWriter names itself Microsoft Excel with AppVersion 12.0000 (Excel 2007)."""
        return self.application == "Microsoft Excel" and self.app_version == "12.0000"


def fail(file: str, message: str, sheet: str = "", row: int | None = None,
         column: int | None = None) -> DocumentError:
    return DocumentError([ValidationIssue(message, Location(file, sheet, row, column))])


def unescape(text: str) -> str:
    """Excel's _xHHHH_ escapes (control characters, CR) back to characters."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


class _Stream:
    """One part, counted before it is parsed (so a flood is refused at the speed of
    unzipping), then parsed by expat with handlers that get local tag names."""

    def __init__(self, package: "Package", part: str, what: str,
                 max_elements: int = MAX_PART_ELEMENTS):
        self.file, self.z, self.part, self.what = package.file, package.zip, part, what
        self.package = package
        self.max_elements = max_elements
        self.text_chars = 0

    def refuse(self, reason: str) -> DocumentError:
        return fail(self.file, f"{self.what} ({self.part}) {reason}")

    def too_large(self, elements: int, limit: int, scope: str) -> DocumentError:
        return self.refuse(f"is too large: more than {limit:,} XML elements {scope}; the "
                           "workbook holds far more than a plan needs (delete unused rows, "
                           "formatting or sheets and save it again)")

    def prescan(self) -> None:
        """Count the part's elements from its bytes and charge the workbook's budget."""
        elements = 0
        limit = min(self.max_elements, self.package.budget)
        tail = b""
        with self.z.open(self.part) as f:
            while True:
                chunk = f.read(CHUNK * 16)
                if not chunk:
                    break
                data = tail + chunk
                elements += data.count(b"<") - data.count(b"</") - data.count(b"<?") \
                    - data.count(b"<!")
                elements -= tail.count(b"<") - tail.count(b"</") - tail.count(b"<?") \
                    - tail.count(b"<!")
                tail = chunk[-1:]
                if elements > limit:
                    if limit == self.max_elements:
                        raise self.too_large(elements, limit, "in one part")
                    raise self.too_large(elements, MAX_WORKBOOK_ELEMENTS,
                                         "in the sheets read together")
        self.package.budget -= elements

    def run(self, start: Callable[[str, dict[str, str]], None],
            end: Callable[[str], None], chars: Callable[[str], None] | None) -> None:
        for _ in _chunked(self, start, end, chars or (lambda text: None)):
            pass


class _Forbidden(Exception):
    pass


class _TooLarge(Exception):
    pass


def _plain(error: BaseException) -> str:
    """An exception as a short plain reason, without Python class names."""
    if isinstance(error, NotImplementedError):
        return "it uses a zip feature that is not supported; save it again as .xlsx"
    if isinstance(error, zipfile.BadZipFile):
        text = str(error) or "the zip data is broken"
        return text.replace("Bad CRC-32", "checksum mismatch in")
    text = str(error).strip() or "broken data"
    return text[:200]


# --- package structure ------------------------------------------------------------------

def open_package(path: str, file: str) -> Package:
    """The zip opened and its structure read; the caller closes ``package.zip``."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
        raise fail(file, f"{DAMAGED}: {_plain(e)}") from None
    try:
        package = Package(file, z)
        names = set(z.namelist())
        package.sheets = _sheet_list(package, names)
        if "xl/sharedStrings.xml" in names:
            package.strings = _shared_strings(package, "xl/sharedStrings.xml")
        if "xl/styles.xml" in names:
            package.date_styles, package.percent_styles = _styles(package, "xl/styles.xml")
        if "docProps/app.xml" in names:
            package.application, package.app_version = _app(package, "docProps/app.xml")
        return package
    except BaseException:
        z.close()
        raise


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _target(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _sheet_list(package: Package, names: set[str]) -> list[SheetPart]:
    listed: list[tuple[str, str]] = []  # (name, relationship id)

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "sheet":
            rid = next((v for k, v in attrs.items() if k.rpartition(":")[2] == "id"), "")
            listed.append((attrs.get("name", ""), rid))

    _Stream(package, "xl/workbook.xml", "the workbook part").run(
        start, lambda tag: None, None)
    rels: dict[str, tuple[str, str]] = {}
    rels_part = _rels_part("xl/workbook.xml")
    if rels_part in names:
        def rel(tag: str, attrs: dict[str, str]) -> None:
            if tag == "Relationship":
                rels[attrs.get("Id", "")] = (attrs.get("Target", ""), attrs.get("Type", ""))
        _Stream(package, rels_part, "the workbook relationships").run(
            rel, lambda tag: None, None)
    out: list[SheetPart] = []
    for name, rid in listed:
        target, kind = rels.get(rid, ("", ""))
        part = _target("xl/workbook.xml", target) if target else None
        if part is None or part not in names:
            raise fail(package.file, f"the sheet '{name}' is listed in the workbook but its "
                       f"part{' ' + part if part else ''} is missing; {DAMAGED} (open it in "
                       "Excel or WPS and save it again)", name)
        out.append(SheetPart(name, part, kind.endswith(REL_WORKSHEET) or not kind))
    return out


def _shared_strings(package: Package, part: str) -> list[str]:
    strings: list[str] = []
    buf: list[str] = []
    state = {"t": False, "phonetic": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "si":
            buf.clear()
            if len(strings) >= MAX_SHARED_STRINGS:
                raise fail(package.file, f"the shared strings ({part}) hold more than "
                           f"{MAX_SHARED_STRINGS:,} texts; the workbook is far larger than a "
                           "plan needs")
        elif tag == "t":
            state["t"] = True
        elif tag == "rPh":
            state["phonetic"] += 1

    def end(tag: str) -> None:
        if tag == "si":
            strings.append(unescape("".join(buf)))
        elif tag == "t":
            state["t"] = False
        elif tag == "rPh":
            state["phonetic"] -= 1

    def chars(text: str) -> None:
        if state["t"] and not state["phonetic"]:
            buf.append(text)

    _Stream(package, part, "the shared strings").run(start, end, chars)
    return strings


def _is_date_code(code: str) -> bool:
    plain = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", code)
    return bool(_DATE_TOKENS.search(plain)) and "general" not in plain.lower()


def _is_percent_code(code: str) -> bool:
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


BUILTIN_DATES = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
BUILTIN_PERCENT = frozenset([9, 10])


def _styles(package: Package, part: str) -> tuple[frozenset[int], frozenset[int]]:
    codes: dict[int, str] = {}
    xfs: list[int] = []
    state = {"cellXfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt":
            try:
                codes[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
            except ValueError:
                pass
        elif tag == "cellXfs":
            state["cellXfs"] = True
        elif tag == "xf" and state["cellXfs"]:
            try:
                xfs.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                xfs.append(0)

    def end(tag: str) -> None:
        if tag == "cellXfs":
            state["cellXfs"] = False

    _Stream(package, part, "the styles part").run(start, end, None)
    dates, percents = set(), set()
    for index, fmt in enumerate(xfs):
        code = codes.get(fmt)
        if (fmt in BUILTIN_DATES and code is None) or (code is not None and _is_date_code(code)):
            dates.add(index)
        elif (fmt in BUILTIN_PERCENT and code is None) or (code is not None
                                                              and _is_percent_code(code)):
            percents.add(index)
    return frozenset(dates), frozenset(percents)


def _app(package: Package, part: str) -> tuple[str, str]:
    found: dict[str, str] = {}
    current = {"tag": ""}

    def start(tag: str, attrs: dict[str, str]) -> None:
        current["tag"] = tag

    def end(tag: str) -> None:
        current["tag"] = ""

    def chars(text: str) -> None:
        if current["tag"] in ("Application", "AppVersion"):
            found[current["tag"]] = found.get(current["tag"], "") + text

    _Stream(package, part, "the document properties", max_elements=100_000).run(start, end, chars)
    return found.get("Application", "").strip(), found.get("AppVersion", "").strip()


# --- cells ---------------------------------------------------------------------------------

EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _date(serial: float) -> dt.datetime | float:
    if not -1 < serial < 2_958_466:  # 9999-12-31
        return serial
    return EXCEL_EPOCH + dt.timedelta(days=serial)


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


@dataclass
class _Cell:
    ref: str = ""
    kind: str = "n"
    style: int = 0
    value: list[str] = field(default_factory=list)
    has_value: bool = False
    formula: list[str] | None = None
    inline: list[str] = field(default_factory=list)


def iter_rows(package: Package, sheet: SheetPart, max_column: int
              ) -> Iterator[tuple[int, dict[int, object]]]:
    """(row number, {column: value}) for each row holding a value, in file order.

    Blank cells and formatting-only cells are left out; columns beyond max_column
    are not looked at. Rows come out one at a time as the part streams."""
    assert sheet.part is not None
    file, name = package.file, sheet.name
    pending: list[tuple[int, dict[int, object]]] = []
    state: dict[str, object] = {"row": 0, "col": 0, "cell": None, "in": "", "t": False,
                                "phonetic": 0}
    values: dict[int, object] = {}

    def damaged(reason: str, row: int | None = None, column: int | None = None
                ) -> DocumentError:
        return fail(file, f"{reason}; {DAMAGED}", name, row, column)

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "row":
            r = attrs.get("r")
            if r is None:
                state["row"] = int(state["row"]) + 1  # type: ignore[call-overload]
            elif r.isdecimal() and 0 < int(r) <= 1_048_576:
                state["row"] = int(r)
            else:
                raise damaged(f"a row has the invalid number {r[:20]!r}")
            state["col"] = 0
            values.clear()
        elif tag == "c":
            cell = _Cell(kind=attrs.get("t", "n"))
            ref = attrs.get("r")
            if ref is None:
                state["col"] = int(state["col"]) + 1  # type: ignore[call-overload]
            else:
                m = _CELL_REF.fullmatch(ref)
                if m is None:
                    raise damaged(f"a cell has the invalid reference {ref[:20]!r}",
                                  int(state["row"]) or None)  # type: ignore[call-overload]
                state["col"] = column_number(m.group(1))
                if int(m.group(2)) != state["row"] and state["row"]:
                    state["row"] = int(m.group(2))
            try:
                cell.style = int(attrs.get("s", "0"))
            except ValueError:
                cell.style = 0
            state["cell"] = cell
        elif tag in ("v", "f", "t"):
            cell = state["cell"]
            if isinstance(cell, _Cell):
                state["in"] = tag
                if tag == "f":
                    cell.formula = []
                elif tag == "v":
                    cell.has_value = True
        elif tag == "rPh":
            state["phonetic"] = int(state["phonetic"]) + 1  # type: ignore[call-overload]

    def chars(text: str) -> None:
        cell = state["cell"]
        if not isinstance(cell, _Cell):
            return
        where = state["in"]
        if where == "v":
            cell.value.append(text)
        elif where == "f" and cell.formula is not None:
            cell.formula.append(text)
        elif where == "t" and not state["phonetic"]:
            cell.inline.append(text)

    def end(tag: str) -> None:
        if tag in ("v", "f", "t"):
            state["in"] = ""
        elif tag == "rPh":
            state["phonetic"] = int(state["phonetic"]) - 1  # type: ignore[call-overload]
        elif tag == "c":
            cell = state["cell"]
            state["cell"] = None
            column = int(state["col"])  # type: ignore[call-overload]
            if isinstance(cell, _Cell) and column <= max_column:
                value = cell_value(package, cell, damaged, int(state["row"]), column)  # type: ignore[call-overload]
                if value is not None and value != "":
                    values[column] = value
        elif tag == "row":
            if values:
                pending.append((int(state["row"]), dict(values)))  # type: ignore[call-overload]
            values.clear()

    stream = _Stream(package, sheet.part, f"the sheet '{name}'")
    for _ in _chunked(stream, start, end, chars):  # rows handed on after each chunk
        yield from pending
        pending.clear()
    yield from pending


def _local(name: str) -> str:
    return name if ":" not in name else name.rpartition(":")[2]


def _chunked(stream: _Stream, start, end, chars) -> Iterator[None]:
    """Parse a part chunk by chunk (a generator that pauses after each chunk)."""
    what, part = stream.what, stream.part
    try:
        stream.prescan()
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def forbidden(*_args: object) -> None:
            raise _Forbidden()

        parser.StartDoctypeDeclHandler = forbidden
        parser.EntityDeclHandler = forbidden
        parser.UnparsedEntityDeclHandler = forbidden
        parser.ExternalEntityRefHandler = forbidden

        def on_chars(text: str) -> None:
            stream.text_chars += len(text)
            if stream.text_chars > MAX_TEXT_CHARS:
                raise _TooLarge()
            chars(text)

        parser.StartElementHandler = lambda name, attrs: start(_local(name), attrs)
        parser.EndElementHandler = lambda name: end(_local(name))
        parser.CharacterDataHandler = on_chars
        with stream.z.open(part) as f:
            while True:
                chunk = f.read(CHUNK)
                parser.Parse(chunk, not chunk)
                yield None
                if not chunk:
                    break
    except _Forbidden:
        raise fail(stream.file, f"{what} ({part}) contains forbidden XML declarations "
                   "(a DTD or entities), a possible XML attack; refusing to read it") from None
    except _TooLarge:
        raise stream.refuse(f"is too large: more than {MAX_TEXT_CHARS:,} characters of "
                            "text; the workbook holds far more than a plan needs") from None
    except expat.ExpatError as e:
        raise stream.refuse(f"is damaged: {expat.ErrorString(e.code)} at line {e.lineno}; "
                            f"{DAMAGED}") from None
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
            EOFError, ValueError, RuntimeError, UnicodeError, IndexError, KeyError,
            OverflowError, zlib.error) as e:
        raise stream.refuse(f"cannot be read ({_plain(e)}); {DAMAGED}") from None


def cell_value(package: Package, cell: _Cell, damaged, row: int, column: int) -> object:
    """A cell's value as openpyxl would give it (data only), or MissingResult, or (a
    formula in an XlsxWriter file) CachedFormula."""
    if cell.formula is not None:
        if not cell.has_value or ("".join(cell.value) == "" and cell.kind != "str"):
            return MissingResult("".join(cell.formula))
        value = _value(package, cell, damaged, row, column)
        if package.written_by_xlsxwriter:
            return CachedFormula(value, "".join(cell.formula))
        return value
    return _value(package, cell, damaged, row, column)


def _value(package: Package, cell: _Cell, damaged, row: int, column: int) -> object:
    raw = "".join(cell.value)
    kind = cell.kind
    if kind == "inlineStr":
        return unescape("".join(cell.inline))
    if not cell.has_value:
        return None
    if kind == "s":
        if not raw.strip().isdecimal() or int(raw) >= len(package.strings):
            raise damaged(f"cell {cell_name(row, column)} points at shared text {raw[:20]!r}"
                          " that does not exist", row, column)
        return package.strings[int(raw)]
    if kind in ("str", "e"):
        return unescape(raw)
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":
        try:
            return dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            raise damaged(f"cell {cell_name(row, column)} holds the invalid date "
                          f"{raw[:30]!r}", row, column) from None
    text = raw.strip()
    if not text:
        return None
    try:
        number: float | int = (int(text) if text.lstrip("+-").isdecimal() and len(text) < 16
                               else float(text))
    except ValueError:
        raise damaged(f"cell {cell_name(row, column)} holds {text[:30]!r}, which is not a "
                      "number", row, column) from None
    if cell.style in package.date_styles:
        return _date(float(number))
    if cell.style in package.percent_styles:
        return PercentNumber(number)
    return number
