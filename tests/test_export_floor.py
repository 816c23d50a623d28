"""The export floor benchmark writes the very cells the export wrote."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.export_floor import cells_of, count_cells, write_floor  # noqa: E402
from planner.io.export import export_workbook  # noqa: E402
from tests.export_checks import rich_document  # noqa: E402


def test_floor_writes_the_exported_cells(tmp_path):
    exported = export_workbook(rich_document(), tmp_path / "e.xlsx")
    sheets = cells_of(exported)
    counts = count_cells(sheets)
    assert counts.formulas > 500 and counts.numbers > 100 and counts.strings > 100
    assert counts.sheets == len(sheets) > 5
    floor = tmp_path / "floor.xlsx"
    write_floor(sheets, floor)
    again = cells_of(floor)
    assert [s.cells for s in again] == [s.cells for s in sheets]
    # texts and formulas that need escaping survive both ways
    texts = {c[4] for s in sheets for c in s.cells if c[2] == "string"}
    assert '=HYPERLINK("http://x","y")' in texts
    assert any("<" in c[3] for s in sheets for c in s.cells if c[2] == "formula")
