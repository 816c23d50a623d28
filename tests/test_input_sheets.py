"""The input-sheet writer, the template, the sample builder and atomic_write."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from models import labels
from models.document import Chain, Document, Override, Project, Scenario, Settings
from planner.io import column_help, input_sheets
from planner.io.atomic import WriteError, atomic_write
from planner.io.input_sheets import EXTRA_ROWS, write_input_sheets
from planner.io.template import new_workbook, template_document, write_document, write_template
from sample_data import build_sample
from sample_data.leshan import NOTES, leshan_document

NASTY = ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1+2", "-3+4", "=1+1", " 0012 ",
         "1e3", "TRUE"]


@pytest.fixture(scope="module")
def sample_zh(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("zh") / "sample.xlsx"
    return build_sample.build(path)


@pytest.fixture(scope="module")
def sample_en(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("en") / "sample.xlsx"
    return build_sample.build(path, lang="en")


def rows_of(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def by_header(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r)) for r in rows_of(ws)]


# --- sheet names, headers, layout ----------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sheet_names_and_headers(lang, sample_zh, sample_en):
    wb = openpyxl.load_workbook(sample_zh if lang == "zh" else sample_en)
    names = [labels.sheet_label(k, lang) for k in labels.SHEETS]
    assert wb.sheetnames == names + [column_help.pick(column_help.NOTES_SHEET, lang)]
    for key in labels.SHEETS:
        ws = wb[labels.sheet_label(key, lang)]
        header = [c.value for c in ws[1]]
        columns = [c for c in labels.COLUMNS[key]
                   if (key, c) not in input_sheets.WRITTEN_WITHOUT]
        expected = [labels.column_label(key, c, lang) for c in columns]
        if key == "settings":
            expected.append(column_help.pick(column_help.SETTINGS_HELP_HEADER, lang))
        assert header == expected
        assert all(labels.column_key(key, h) == c
                   for h, c in zip(header, columns))
        assert ws.freeze_panes == "A2"
        assert all(c.comment is not None and c.comment.text.strip() for c in ws[1])
        assert ws["A1"].font.b


def test_units_in_headers(sample_zh, sample_en):
    assert openpyxl.load_workbook(sample_zh)["产业链"]["C1"].value == "基期产值(亿元)"
    assert openpyxl.load_workbook(sample_en)["Chains"]["C1"].value == "base_output (100m CNY)"


def test_every_column_has_help():
    for sheet, columns in labels.COLUMNS.items():
        assert set(column_help.COLUMN_HELP[sheet]) == set(columns)
    assert set(column_help.SETTINGS_HELP) == set(labels.SETTINGS)


# --- values ----------------------------------------------------------------------------

def test_settings_values(sample_zh, sample_en):
    doc = leshan_document()
    for path, lang in ((sample_zh, "zh"), (sample_en, "en")):
        ws = openpyxl.load_workbook(path)[labels.sheet_label("settings", lang)]
        got = {labels.settings_key(r[0]): r[1] for r in rows_of(ws)}
        assert list(got) == list(labels.SETTINGS)
        assert got["park_name"] == "乐山高新区"
        assert got["base_year"] == 2023 and got["target_year"] == 2027
        assert got["target_value"] == 1000
        assert got["default_ramp"] == "0.3,0.7,1"
        assert got["mc_draws"] == doc.settings.mc_draws
        assert got["growth_sd"] == pytest.approx(0.03)


def test_chains_values(sample_zh):
    ws = openpyxl.load_workbook(sample_zh)["产业链"]
    rows = rows_of(ws)
    doc = leshan_document()
    assert len(rows) == len(doc.chains)
    first, last = rows[0], rows[-1]
    assert first == ("晶硅光伏", "光伏及电子信息", 250, 0.06, 0.7, 0.25, "0.5,0.9,1", 1)
    assert last[0] == "其他产业" and last[6] is None  # ramp left to the default
    assert ws["C2"].number_format == "#,##0.00"
    assert ws["D2"].number_format == "0.0%"
    assert ws["G2"].data_type == "s"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_projects_stages_and_blanks(lang, sample_zh, sample_en):
    wb = openpyxl.load_workbook(sample_zh if lang == "zh" else sample_en)
    ws = wb[labels.sheet_label("projects", lang)]
    rows = by_header(ws)
    doc = leshan_document()
    assert len(rows) == len(doc.projects)
    stage_col = labels.column_label("projects", "stage", lang)
    for row, p in zip(rows, doc.projects):
        assert labels.stage_key(row[stage_col]) == p.stage
        assert row[stage_col] == (labels.stage_label(p.stage) if lang == "zh" else p.stage)
        assert row[labels.column_label("projects", "include", lang)] is None
    assert rows[-1][labels.column_label("projects", "investment", lang)] == pytest.approx(26.7)
    # the Stages sheet holds only explicit rows; the defaults are in its header comment
    stages = wb[labels.sheet_label("stages", lang)]
    assert rows_of(stages) == []
    assert "0.55" in stages["B1"].comment.text


def test_overrides_values(sample_zh, sample_en):
    zh = rows_of(openpyxl.load_workbook(sample_zh)["情景调整"])
    en = rows_of(openpyxl.load_workbook(sample_en)["Overrides"])
    assert zh[0] == ("加速突破", "增长率", "*", "增长率", None, "增加", 0.03)   # 设定/增加/乘以
    assert en[0] == ("加速突破", "Growth", "*", "growth", None, "add", 0.03)
    assert zh[2][2] == "签约" and en[2][2] == "signed"
    assert zh[4][4] == "2025-2027"
    assert zh[-2][-1] == "签约" and en[-2][-1] == "signed"
    for row in zh:
        table = labels.sheet_key(row[1])
        assert labels.field_key(table, row[3]) is not None
        assert labels.OPS[labels.op_key(row[5])] == row[5]


def test_notes_sheet(sample_zh):
    ws = openpyxl.load_workbook(sample_zh)["说明"]
    assert rows_of(ws) == [tuple(n) for n in NOTES]
    text = "".join(t for _, t in NOTES)
    assert "示意" in text and "1000亿" in text and "575.7亿" in text


# --- text stays text ----------------------------------------------------------------

def _nasty_document(strings: list[str] = NASTY) -> Document:
    settings = Settings(base_year=2023, end_year=2030, target_year=2027,
                        park_name=strings[0], metric=strings[1])
    chains = tuple(Chain(chain=s, base_output=1.0, industry=s) for s in strings)
    projects = tuple(Project(id=s, chain=s, investment=1.0, stage="signed",
                             production_year=2025, name=s, note=s) for s in strings)
    scenarios = (Scenario("基准"),) + tuple(Scenario(s, "基准", s) for s in strings)
    overrides = tuple(Override(scenario=s, table="projects", key=s, field="stage",
                               value=s) for s in strings)
    return Document(settings=settings, chains=chains, projects=projects,
                    scenarios=scenarios, overrides=overrides)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_formula_like_strings_stay_text(tmp_path, lang):
    path = write_document(tmp_path / "nasty.xlsx", _nasty_document(), lang=lang)
    wb = openpyxl.load_workbook(path)
    sheet = lambda k: wb[labels.sheet_label(k, lang)]  # noqa: E731
    cells = [sheet("settings")["B2"], sheet("settings")["B3"]]
    for key, cols in (("chains", "AB"), ("projects", "ABCM"), ("scenarios", "AC"),
                      ("overrides", "AC")):
        ws = sheet(key)
        for col in cols:
            cells.extend(ws[f"{col}{r}"] for r in range(2, ws.max_row + 1)
                         if ws[f"{col}{r}"].value not in (None, "基准"))
    assert len(cells) >= 8 * 10
    for cell in cells:
        assert cell.data_type == "s", (cell.coordinate, cell.value)
        assert cell.value in NASTY
    # and the override value column (text in a field that takes text)
    assert [c.value for c in sheet("overrides")["G"][1:]] == NASTY


@hsettings(max_examples=25, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_project_name_round_trips_as_text(tmp_path, name):
    doc = _nasty_document()
    doc = doc.replace(projects=(replace(doc.projects[0], name=name, note=name),))
    path = write_document(tmp_path / "p.xlsx", doc)
    ws = openpyxl.load_workbook(path)["项目"]
    for cell in (ws["B2"], ws["M2"]):
        assert cell.data_type == "s" and cell.value == name


# --- dropdowns and references -------------------------------------------------------

def _validations(ws) -> dict[str, object]:
    """Column letter of each validation's first range -> the validation."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.rstrip("0123456789").split(":")[0].rstrip("0123456789")] = dv
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dropdowns(lang, sample_zh, sample_en):
    wb = openpyxl.load_workbook(sample_zh if lang == "zh" else sample_en)
    projects = _validations(wb[labels.sheet_label("projects", lang)])
    chains_name = labels.sheet_label("chains", lang)
    chain_dv = projects["C"]
    assert chain_dv.type == "list"
    assert chain_dv.formula1 == f"'{chains_name}'!$A$2:$A${len(leshan_document().chains) + EXTRA_ROWS + 1}"
    stages = [labels.stage_label(k, lang) if lang == "zh" else k for k in labels.STAGES]
    assert projects["E"].formula1 == '"' + ",".join(stages) + '"'
    assert projects["K"].formula1 == '"1,0"'
    last = len(leshan_document().projects) + 1 + EXTRA_ROWS
    assert str(chain_dv.sqref) == f"C2:C{last}"
    overrides = _validations(wb[labels.sheet_label("overrides", lang)])
    assert overrides["F"].formula1 == ('"设定,增加,乘以"' if lang == "zh" else '"set,add,mul"')
    tables = overrides["B"].formula1.strip('"').split(",")
    assert [labels.sheet_key(t) for t in tables] == list(labels.OVERRIDE_FIELDS)
    assert overrides["A"].formula1.startswith(f"'{labels.sheet_label('scenarios', lang)}'!$A$2")
    for key in ("growth", "prices", "pipeline", "incubation"):
        ws = wb[labels.sheet_label(key, lang)]
        col = "ABCD"[list(labels.COLUMNS[key]).index("chain")]
        assert _validations(ws)[col].formula1.startswith(f"'{chains_name}'!")


def test_sheet_refs_point_at_the_values(tmp_path):
    doc = leshan_document()
    path = tmp_path / "refs.xlsx"
    wb = new_workbook(path)
    refs = write_input_sheets(wb, doc)
    wb.close()
    assert list(refs) == list(labels.SHEETS)
    assert refs["chains"].cell("晶硅光伏", "base_output") == "'产业链'!$C$2"
    assert refs["settings"].cell("target_value", "value") == "'设置'!$B$6"
    assert refs["chains"].column_range("chain") == f"'产业链'!$A$2:$A${9 + EXTRA_ROWS + 1}"
    book = openpyxl.load_workbook(path)
    checks = [("chains", "晶硅光伏", "base_output", 250),
              ("projects", "P12", "investment", 26.7),
              ("prices", ("负极材料", 2026), "index", 0.9),
              ("pipeline", ("大数据", 2030), "investment", 3),
              ("incubation", ("电子信息", 2027), "revenue_per_firm", 0.3),
              ("settings", "end_year", "value", 2035),
              ("scenarios", "压力情景", "description", "光伏价格低迷、项目延期"),
              ("overrides", 11, "value", 2)]
    for sheet, row_key, column, expected in checks:
        ref = refs[sheet]
        cell = book[ref.name].cell(ref.rows[row_key] + 1, ref.columns[column] + 1)
        assert cell.value == pytest.approx(expected) if not isinstance(expected, str) \
            else cell.value == expected


def test_unknown_language_is_refused(tmp_path):
    wb = new_workbook(tmp_path / "x.xlsx")
    with pytest.raises(ValueError):
        write_input_sheets(wb, leshan_document(), lang="fr")
    wb.close()


# --- template and sample file ---------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_template(tmp_path, lang):
    path = write_template(tmp_path / "template.xlsx", lang=lang)
    wb = openpyxl.load_workbook(path)
    inputs = [labels.sheet_label(k, lang) for k in labels.SHEETS]
    assert wb.sheetnames == inputs + [column_help.pick(column_help.README_SHEET, lang)]
    settings = {labels.settings_key(r[0]): r[1]
                for r in rows_of(wb[labels.sheet_label("settings", lang)])}
    assert settings["base_year"] == 2024 and settings["end_year"] == 2035
    assert settings["target_year"] == 2027 and settings["target_value"] == 1000
    assert settings["park_name"] is None
    stages = rows_of(wb[labels.sheet_label("stages", lang)])
    assert [(labels.stage_key(s), p) for s, p in stages] == \
        list(labels.DEFAULT_STAGE_PROBABILITY.items())
    assert rows_of(wb[labels.sheet_label("chains", lang)]) == []
    assert _validations(wb[labels.sheet_label("projects", lang)])["C"].type == "list"


def test_sample_build_is_reproducible_and_shipped(tmp_path):
    a = build_sample.build(tmp_path / "a.xlsx")
    b = build_sample.build(tmp_path / "b.xlsx")
    assert a.read_bytes() == b.read_bytes()
    shipped = build_sample.SAMPLE_PATH
    assert shipped.exists(), "run python -m sample_data.build_sample"
    assert shipped.read_bytes() == a.read_bytes(), "sample_data/leshan_2023.xlsx is stale"


def test_build_sample_cli(tmp_path, capsys):
    out = tmp_path / "cli.xlsx"
    assert build_sample.main(["-o", str(out), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Settings"


# --- atomic_write ---------------------------------------------------------------------

def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_atomic_write_replaces(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    atomic_write(target, lambda tmp: tmp.write_text("new"))
    assert target.read_text() == "new"
    assert _leftovers(tmp_path, {"a.txt"}) == []


def test_atomic_write_creates_with_normal_mode(tmp_path):
    target = tmp_path / "new.txt"
    atomic_write(target, lambda tmp: tmp.write_text("x"))
    assert target.read_text() == "x"
    if os.name != "nt":
        mask = os.umask(0)
        os.umask(mask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_atomic_write_keeps_target_when_writer_raises(tmp_path, error):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"original")

    def fail(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise error

    with pytest.raises(type(error)):
        atomic_write(target, fail)
    assert target.read_bytes() == b"original"
    assert _leftovers(tmp_path, {"a.xlsx"}) == []


def test_atomic_write_wraps_os_errors(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"original")

    def fail(tmp: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(WriteError) as info:
        atomic_write(target, fail)
    assert info.value.path == target and "No space" in info.value.reason
    assert target.read_bytes() == b"original"
    assert _leftovers(tmp_path, {"a.xlsx"}) == []


def test_atomic_write_locked_target(tmp_path, monkeypatch):
    """On Windows a workbook open in Excel makes os.replace raise PermissionError."""
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"original")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteError) as info:
        atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert "Excel" in info.value.reason
    assert target.read_bytes() == b"original"
    assert _leftovers(tmp_path, {"a.xlsx"}) == []


def test_atomic_write_missing_folder(tmp_path):
    target = tmp_path / "nowhere" / "a.xlsx"
    with pytest.raises(WriteError) as info:
        atomic_write(target, lambda tmp: tmp.write_bytes(b"x"))
    assert "does not exist" in info.value.reason
    assert isinstance(info.value, OSError)
    assert str(target) in str(info.value)


def test_atomic_write_target_is_a_folder(tmp_path):
    (tmp_path / "a.xlsx").mkdir()
    with pytest.raises(WriteError):
        atomic_write(tmp_path / "a.xlsx", lambda tmp: tmp.write_bytes(b"x"))
    assert _leftovers(tmp_path, {"a.xlsx"}) == []


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root ignores folder permissions; Windows has no chmod")
def test_atomic_write_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "a.xlsx"
    target.write_bytes(b"original")
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError) as info:
            atomic_write(target, lambda tmp: tmp.write_bytes(b"x"))
        assert "not writable" in info.value.reason
        assert target.read_bytes() == b"original"
        assert _leftovers(folder, {"a.xlsx"}) == []
    finally:
        folder.chmod(0o755)


def test_write_document_failure_leaves_old_file(tmp_path, monkeypatch):
    path = write_document(tmp_path / "doc.xlsx", leshan_document())
    before = path.read_bytes()
    import planner.io.template as template

    def broken(*args, **kwargs):
        raise RuntimeError("writer bug")

    monkeypatch.setattr(template, "write_input_sheets", broken)
    with pytest.raises(RuntimeError):
        write_document(path, leshan_document())
    assert path.read_bytes() == before
    assert _leftovers(tmp_path, {"doc.xlsx"}) == []


def test_template_document_is_what_the_template_holds():
    doc = template_document()
    assert doc.settings.base_year == 2024 and doc.chains == ()
    assert len(doc.stages) == 5


# --- round trip through the reader --------------------------------------------------

def _reader():
    return pytest.importorskip("planner.io.reader").read_workbook


def _rich_document() -> Document:
    """The sample plus every optional cell the sample leaves blank."""
    from models.document import GrowthRow, StageRow
    doc = leshan_document()
    p = replace(doc.projects[0], output_ratio=1.25, ramp=(0.5, 1.0), probability=0.8,
                delay=1, include=False, build_years=3, note="备注 note")
    q = replace(doc.projects[1], include=True, ramp=(1.0,))
    stages = (StageRow("signed", 0.6), StageRow("reserve", 0.25))
    growth = (GrowthRow("晶硅光伏", 2024, -0.2), GrowthRow("电子信息", 2030, 0.125))
    overrides = doc.overrides + (
        Override(scenario="压力情景", table="chains", key="晶硅光伏", field="ramp",
                 value="0.2,0.5,1"),
        Override(scenario="压力情景", table="incubation", key="电子信息",
                 field="graduates", years="2026", op="mul", value=0.5),
        Override(scenario="压力情景", table="projects", key="P01", field="include",
                 value=0),
    )
    return doc.replace(projects=(p, q) + doc.projects[2:], stages=stages, growth=growth,
                       overrides=overrides)


def test_shipped_sample_reads_back_as_the_sample_document():
    result = _reader()(build_sample.SAMPLE_PATH)
    assert result.document == leshan_document()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_written_documents_read_back_equal(tmp_path, lang):
    read_workbook = _reader()
    for name, doc in (("sample", leshan_document()), ("rich", _rich_document())):
        path = write_document(tmp_path / f"{name}_{lang}.xlsx", doc, lang=lang, notes=NOTES)
        assert read_workbook(path).document == doc, (name, lang)


def test_formula_like_strings_read_back_as_text(tmp_path):
    read_workbook = _reader()
    # the reader trims surrounding spaces; a project's stage cannot be arbitrary text
    doc = _nasty_document([s.strip() for s in NASTY]).replace(overrides=())
    path = write_document(tmp_path / "nasty.xlsx", doc)
    assert read_workbook(path).document == doc


def test_template_is_readable(tmp_path):
    read_workbook = _reader()
    path = write_template(tmp_path / "t.xlsx")
    try:
        read_workbook(path)
    except Exception as error:  # no chains: the reader may reject it, but not crash
        from models.issues import DocumentError
        assert isinstance(error, DocumentError)
