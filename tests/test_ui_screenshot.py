"""`qianyi gui --screenshot` renders the loaded window to a real, non-blank PNG."""
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from planner import cli


def test_gui_subcommand_is_parsed_without_importing_qt():
    args = cli.build_parser().parse_args(["gui", "plan.xlsx", "--lang", "en",
                                          "--screenshot", "x.png"])
    assert (args.workbook, args.lang, args.screenshot) == ("plan.xlsx", "en", "x.png")
    assert cli.COMMANDS["gui"] is cli.cmd_gui


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_is_a_real_picture(tmp_path, lang):
    out = tmp_path / f"shot_{lang}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "planner.cli", "gui", "--lang", lang,
                           "--screenshot", str(out)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert image.width() >= 1400 and image.height() >= 900
    small = image.scaled(120, 80)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    assert len(colours) > 50          # charts, cards and text, not one flat colour


def test_screenshot_of_invalid_workbook_fails_with_problems(tmp_path):
    from tests import workbooks
    bad = workbooks.write(tmp_path / "bad.xlsx",
                          workbooks.edit(workbooks.base(), {("Chains", "C2"): -5}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "planner.cli", "gui", str(bad),
                           "--screenshot", str(tmp_path / "x.png")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "bad.xlsx" in done.stderr and "C2" in done.stderr
    assert not (tmp_path / "x.png").exists()
