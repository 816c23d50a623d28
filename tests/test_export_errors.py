"""Export targets that cannot be written: a clear error, and the old file untouched."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import planner.io.atomic as atomic
from planner.cli import main
from planner.io.atomic import LOCKED, WriteError
from planner.io.export import export_workbook
from sample_data.leshan import leshan_document
from tests import lo_recalc

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "leshan_2023.xlsx"


def test_locked_target_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"the planner's previous export")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(WriteError) as err:
        export_workbook(leshan_document(), target)
    assert err.value.reason == LOCKED
    assert target.read_bytes() == b"the planner's previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]  # no temporary left


def test_cli_locked_target_exit_2(tmp_path, monkeypatch, capsys):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace",
                        lambda s, d: (_ for _ in ()).throw(PermissionError(13, "denied")))
    assert main(["export", str(SAMPLE), "-o", str(target)]) == 2
    assert capsys.readouterr().err.strip().endswith(f"{target}: cannot write: {LOCKED}")
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("where", ["missing folder", "folder", "file as folder"])
def test_cli_unwritable_target_exit_2(where, tmp_path, capsys):
    if where == "missing folder":
        target = tmp_path / "nope" / "out.xlsx"
    elif where == "folder":
        target = tmp_path / "out.xlsx"
        target.mkdir()
    else:
        (tmp_path / "f").write_text("x")
        target = tmp_path / "f" / "out.xlsx"
    assert main(["export", str(SAMPLE), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{target}: cannot write: ")
    assert "Traceback" not in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions that root ignores")
def test_cli_read_only_folder(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "out.xlsx"
    target.write_bytes(b"old")
    folder.chmod(0o555)
    try:
        assert main(["export", str(SAMPLE), "-o", str(target)]) == 2
        assert "cannot write" in capsys.readouterr().err
        assert target.read_bytes() == b"old"
    finally:
        folder.chmod(0o755)


def test_missing_libreoffice_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(lo_recalc.shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception):
        lo_recalc.require_soffice()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        lo_recalc.require_soffice()
