"""Invalid workbooks: one test per invalid case of workbook.md, each located to a cell."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import planner.io.sheets
from models.issues import DocumentError
from planner.io.reader import ReadResult, read_workbook
from tests.workbooks import DELETE, base, edit, write

OVERRIDE_ROW = ["乐观", "chains", "光伏", "ramp", None, "mul", "0.5,1"]

# (id, edits, where, what): an error whose text contains both `where` and `what`.
CASES = [
    ("non-numeric", {("Projects", "D3"): "abc"}, "Projects!D3", "expected a number"),
    ("percent-outside-rate-column", {("Projects", "D3"): "5%"}, "Projects!D3", "percent"),
    ("non-finite-text", {("Chains", "C2"): "inf"}, "Chains!C2", "expected a number"),
    ("nan-text", {("Growth", "C2"): "NaN"}, "Growth!C2", "expected a number"),
    ("required-number-blank", {("Projects", "D2"): None}, "Projects!D2", "required"),
    ("negative-base-output", {("Chains", "C2"): -1}, "Chains!C2", "must not be negative"),
    ("negative-investment", {("Projects", "D3"): -5}, "Projects!D3",
     "investment must not be negative (found -5)"),
    ("negative-chain-output-ratio", {("Chains", "E2"): -0.1}, "Chains!E2", "negative"),
    ("negative-project-output-ratio", {("Projects", "G3"): -1}, "Projects!G3", "negative"),
    ("negative-graduates", {("Incubation", "C2"): -1}, "Incubation!C2", "negative"),
    ("negative-revenue-per-firm", {("Incubation", "D2"): -0.3}, "Incubation!D2", "negative"),
    ("negative-price-index", {("Prices", "C2"): -0.5}, "Prices!C2", "negative"),
    ("negative-pipeline", {("Pipeline", "C2"): -10}, "Pipeline!C2", "negative"),
    ("chain-growth-minus-one", {("Chains", "D2"): -1}, "Chains!D2", "greater than -1"),
    ("growth-below-minus-one", {("Growth", "C3"): "-150%"}, "Growth!C3", "greater than -1"),
    ("project-probability", {("Projects", "I3"): 1.2}, "Projects!I3", "between 0 and 1"),
    ("stage-probability", {("Stages", "B2"): -0.1}, "Stages!B2", "between 0 and 1"),
    ("value-added-rate", {("Chains", "F2"): 1.5}, "Chains!F2", "between 0 and 1"),
    ("build-years-fraction", {("Chains", "H2"): 1.5}, "Chains!H2", "whole number"),
    ("build-years-above-20", {("Projects", "L3"): 21}, "Projects!L3", "0 to 20"),
    ("delay-negative", {("Projects", "J3"): -1}, "Projects!J3", "0 to 20"),
    ("delay-fraction", {("Projects", "J3"): 0.5}, "Projects!J3", "whole number"),
    ("production-year-fraction", {("Projects", "F2"): 2026.5}, "Projects!F2", "whole number"),
    ("year-fraction", {("Growth", "B2"): 2025.5}, "Growth!B2", "whole number"),
    ("end-year-not-after-base", {("Settings", "B4"): 2023}, "Settings!B4", "after base_year"),
    ("end-year-too-far", {("Settings", "B4"): 2124}, "Settings!B4", "100 years"),
    ("target-year-base", {("Settings", "B5"): 2023}, "Settings!B5", "target_year"),
    ("target-year-after-end", {("Settings", "B5"): 2031}, "Settings!B5", "target_year"),
    ("missing-setting", {("Settings", "A5"): None, ("Settings", "B5"): None},
     "Settings: missing required setting target_year", "目标年份"),
    ("blank-required-setting", {("Settings", "B3"): None}, "Settings!B3", "base_year"),
    ("default-ramp", {("Settings", "A6"): "默认爬坡曲线", ("Settings", "B6"): "soon"},
     "Settings!B6", "ramp"),
    ("default-build-years", {("Settings", "A6"): "default_build_years",
                             ("Settings", "B6"): 30}, "Settings!B6", "0 to 20"),
    ("mc-draws", {("Settings", "A6"): "mc_draws", ("Settings", "B6"): 0}, "Settings!B6",
     "mc_draws"),
    ("delay-mode-above-max", {("Settings", "A6"): "delay_mode", ("Settings", "B6"): 3,
                              ("Settings", "A7"): "delay_max", ("Settings", "B7"): 2},
     "Settings!B6", "delay_max"),
    ("growth-year-base", {("Growth", "B2"): 2023}, "Growth!B2", "from 2024 to 2030"),
    ("pipeline-year-after-end", {("Pipeline", "A2"): 2031}, "Pipeline!A2", "2024 to 2030"),
    ("incubation-year-base", {("Incubation", "A2"): 2023}, "Incubation!A2", "2024 to 2030"),
    ("prices-year-before-base", {("Prices", "B2"): 2022}, "Prices!B2", "2023 to 2030"),
    ("prices-year-after-end", {("Prices", "B2"): 2031}, "Prices!B2", "2023 to 2030"),
    ("ramp-text", {("Chains", "G2"): "0.3,abc"}, "Chains!G2", "comma list"),
    ("ramp-above-5", {("Projects", "H3"): "0.5,6"}, "Projects!H3", "comma list"),
    ("include", {("Projects", "K2"): "maybe"}, "Projects!K2", "1 or 0"),
    ("duplicate-chain", {("Chains", "A3"): "光伏"}, "Chains!A3", "duplicate chain"),
    ("duplicate-project", {("Projects", "A3"): "P1"}, "Projects!A3", "duplicate project"),
    ("duplicate-scenario", {("Scenarios", "A3"): "基准", ("Scenarios", "B3"): None},
     "Scenarios!A3", "duplicate scenario"),
    ("duplicate-stage", {("Stages", "A3"): "签约", ("Stages", "B3"): 0.5}, "Stages!A3",
     "duplicate stage"),
    ("duplicate-growth", {("Growth", "A3"): "光伏", ("Growth", "B3"): 2025}, "Growth!B3",
     "duplicate row"),
    ("duplicate-prices", {("Prices", "A3"): "光伏", ("Prices", "B3"): 2024,
                          ("Prices", "C3"): 0.9}, "Prices!B3", "duplicate row"),
    ("duplicate-pipeline", {("Pipeline", "A3"): 2025, ("Pipeline", "B3"): "光伏",
                            ("Pipeline", "C3"): 5}, "Pipeline!A3", "duplicate row"),
    ("duplicate-incubation", {("Incubation", "A3"): 2025, ("Incubation", "B3"): "电子信息",
                              ("Incubation", "C3"): 1, ("Incubation", "D3"): 0.1},
     "Incubation!A3", "duplicate row"),
    ("unknown-chain-project", {("Projects", "C2"): "氢能"}, "Projects!C2", "unknown chain"),
    ("unknown-chain-growth", {("Growth", "A2"): "氢能"}, "Growth!A2", "unknown chain"),
    ("unknown-chain-override", {("Overrides", "C2"): "氢能"}, "Overrides!C2",
     "unknown chain"),
    ("missing-chain-name", {("Projects", "C2"): None}, "Projects!C2", "chain is required"),
    ("unknown-stage-project", {("Projects", "E2"): "planning"}, "Projects!E2",
     "unknown stage"),
    ("unknown-stage-sheet", {("Stages", "A2"): "x"}, "Stages!A2", "unknown stage"),
    ("unknown-stage-override-key", {("Overrides", "A4"): "乐观", ("Overrides", "B4"): "stages",
                                    ("Overrides", "C4"): "x", ("Overrides", "D4"): "probability",
                                    ("Overrides", "G4"): 0.5}, "Overrides!C4",
     "unknown stage"),
    ("unknown-stage-override-value", {("Overrides", "G3"): "x"}, "Overrides!G3",
     "unknown stage"),
    ("unknown-project", {("Overrides", "C3"): "P9"}, "Overrides!C3", "unknown project"),
    ("unknown-scenario-override", {("Overrides", "A2"): "悲观"}, "Overrides!A2",
     "unknown scenario"),
    ("unknown-parent", {("Scenarios", "B3"): "悲观"}, "Scenarios!B3", "unknown parent"),
    ("unknown-field", {("Overrides", "D2"): "speed"}, "Overrides!D2", "unknown field"),
    ("field-not-of-table", {("Overrides", "D3"): "growth"}, "Overrides!D3", "unknown field"),
    ("unknown-table", {("Overrides", "B2"): "foo"}, "Overrides!B2", "unknown table"),
    ("scenario-cycle", {("Scenarios", "B2"): "乐观"}, "Scenarios!B2",
     "scenario cycle: 基准 → 乐观 → 基准"),
    ("override-op", {("Overrides", "F2"): "pow"}, "Overrides!F2", "set, add or mul"),
    ("add-on-text", {("Overrides", "F3"): "add"}, "Overrides!F3", "numbers only"),
    ("mul-on-ramp", {("Overrides", "A4"): "乐观", ("Overrides", "B4"): "chains",
                     ("Overrides", "C4"): "光伏", ("Overrides", "D4"): "ramp",
                     ("Overrides", "F4"): "mul", ("Overrides", "G4"): "0.5,1"},
     "Overrides!F4", "numbers only"),
    ("override-set-breaks-rule", {("Overrides", "G2"): 1.5, ("Overrides", "F2"): "set",
                                  ("Overrides", "B2"): "stages", ("Overrides", "C2"): "signed",
                                  ("Overrides", "D2"): "probability", ("Overrides", "E2"): None},
     "Overrides!G2", "probability must be between 0 and 1"),
    ("override-value-not-number", {("Overrides", "G2"): "lots"}, "Overrides!G2",
     "expected a number"),
    ("years-on-table-without-years", {("Overrides", "E3"): "2026"}, "Overrides!E3",
     "has no years"),
    ("override-year-base", {("Overrides", "E2"): "2023-"}, "Overrides!E2", "2024-2030"),
    ("override-year-after-end", {("Overrides", "E2"): 2031}, "Overrides!E2", "2024-2030"),
    ("override-years-reversed", {("Overrides", "E2"): "2028-2026"}, "Overrides!E2",
     "start after"),
    ("override-years-text", {("Overrides", "E2"): "soon"}, "Overrides!E2", "a range"),
    ("both-languages", {("产业链", None): base()["Chains"]}, "产业链", "both 'Chains'"),
    ("missing-sheet", {("Chains", None): DELETE}, "Chains: missing required sheet", "产业链"),
    ("missing-column", {("Projects", "D1"): None}, "Projects!row 1",
     "missing required column investment (投资额)"),
    ("duplicate-column", {("Chains", "I1"): "基期产值(亿元)"}, "Chains!I1", "twice"),
]


@pytest.mark.parametrize("edits, where, what", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_invalid_case_is_located(tmp_path, edits, where, what):
    path = write(tmp_path / "bad.xlsx", edit(base(), edits))
    with pytest.raises(DocumentError) as info:
        read_workbook(path)
    errors = [str(i) for i in info.value.issues if i.is_error]
    assert any(where in e and what in e for e in errors), errors
    assert all(e.startswith(str(path) + ": ") for e in errors)


def test_all_problems_are_reported_at_once(tmp_path):
    edits = {("Projects", "D3"): -5, ("Chains", "C2"): "abc", ("Growth", "B2"): 2040}
    with pytest.raises(DocumentError) as info:
        read_workbook(write(tmp_path / "bad.xlsx", edit(base(), edits)))
    errors = [i for i in info.value.issues if i.is_error]
    assert [f"{i.location.sheet}!{i.location.place()}" for i in errors] == [
        "Chains!C2", "Projects!D3", "Growth!B2"]
    assert str(info.value).count("\n") == 2


def test_unreadable_cell_is_reported_once(tmp_path):
    edits = {("Growth", "B2"): "next year", ("Growth", "B3"): "next year",
             ("Growth", "A3"): "光伏"}
    with pytest.raises(DocumentError) as info:
        read_workbook(write(tmp_path / "bad.xlsx", edit(base(), edits)))
    assert [i.location.place() for i in info.value.issues] == ["B2", "B3"]


def test_warnings_travel_with_errors(tmp_path):
    edits = {("Projects", "D3"): -5, ("Chains", "D2"): 2.0}
    with pytest.raises(DocumentError) as info:
        read_workbook(write(tmp_path / "bad.xlsx", edit(base(), edits)))
    assert [i.severity for i in info.value.issues] == ["error", "warning"]


def rewrite(path: Path, change) -> Path:
    """Copy a workbook, passing each member's name and bytes through change()."""
    out = path.with_name("changed.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info.filename)))
    return out


BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"".join(b"&lol%s;" % (b"" if i == 1 else
                   str(i - 1).encode()) for _ in range(10))) for i in range(1, 10))
        + b"]>\n")


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_xml_entity_bomb_is_refused(tmp_path, member):
    def inject(name: str, data: bytes) -> bytes:
        if name != member:
            return data
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return BOMB + body.replace(b"<sheetData>", b"<sheetData>&lol9;", 1)

    path = rewrite(write(tmp_path / "plan.xlsx", base()), inject)
    start = time.perf_counter()
    with pytest.raises(DocumentError) as info:
        read_workbook(path)
    assert time.perf_counter() - start < 5
    text = str(info.value)
    assert text.startswith(str(path)) and "forbidden XML" in text


def test_spoofed_dimension_reads_fine_and_fast(tmp_path):
    def spoof(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/"):
            head, _, rest = data.partition(b'<dimension ref="')
            return head + b'<dimension ref="A1:XFD1048576' + rest[rest.index(b'"'):]
        return data

    path = rewrite(write(tmp_path / "plan.xlsx", base()), spoof)
    assert b"XFD1048576" in zipfile.ZipFile(path).read("xl/worksheets/sheet2.xml")
    start = time.perf_counter()
    result = read_workbook(path)
    assert time.perf_counter() - start < 5
    assert result.document == read_workbook(tmp_path / "plan.xlsx").document


def test_sheet_over_the_row_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(planner.io.sheets, "ROW_CAP", 10)
    sheets = base()
    sheets["Growth"] += [["光伏", 2024, 0.01]] * 20
    with pytest.raises(DocumentError) as info:
        read_workbook(write(tmp_path / "big.xlsx", sheets))
    assert any("Growth" in str(i) and "too large" in str(i) and "10 rows" in str(i)
               for i in info.value.issues)


def test_columns_beyond_the_cap_are_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(planner.io.sheets, "COLUMN_CAP", 8)
    sheets = edit(base(), {("Projects", "M1"): "bogus", ("Projects", "I3"): 7})
    assert read_workbook(write(tmp_path / "wide.xlsx", sheets)).document.projects


_VALID: bytes | None = None


def _valid_bytes() -> bytes:
    global _VALID
    if _VALID is None:
        buffer = io.BytesIO()
        import openpyxl
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for name, rows in base().items():
            ws = wb.create_sheet(name)
            for row in rows:
                ws.append(row)
        wb.save(buffer)
        _VALID = buffer.getvalue()
    return _VALID


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                min_size=1, max_size=12))
def test_mutated_bytes_never_escape_as_raw_exceptions(tmp_path, mutations):
    data = bytearray(_valid_bytes())
    for where, byte in mutations:
        data[int(where * len(data))] = byte
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(data))
    try:
        assert isinstance(read_workbook(path), ReadResult)
    except DocumentError as e:
        assert e.issues and all(str(path) in str(i) for i in e.issues)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["xl/workbook.xml", "xl/worksheets/sheet2.xml",
                        "xl/worksheets/sheet3.xml", "xl/styles.xml",
                        "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]),
       st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                min_size=1, max_size=6))
def test_mutated_xml_parts_never_escape_as_raw_exceptions(tmp_path, member, mutations):
    """Mutations inside one part, rezipped with a valid CRC, so they reach the parsers."""
    source = tmp_path / "valid.xlsx"
    source.write_bytes(_valid_bytes())

    def mutate(name: str, data: bytes) -> bytes:
        if name != member:
            return data
        out = bytearray(data)
        for where, byte in mutations:
            out[int(where * len(out))] = byte
        return bytes(out)

    path = rewrite(source, mutate)
    try:
        assert isinstance(read_workbook(path), ReadResult)
    except DocumentError as e:
        assert e.issues and all(str(path) in str(i) for i in e.issues)
