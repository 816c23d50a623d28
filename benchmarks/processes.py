"""Whole-process timings for benchmarks/run.py (issue 14): what a user waits for from
pressing Enter until the process is done, measured from outside, medians of 5.

    cli_run_sample_s             `qianyi run SAMPLE --json`, through the venv's entry point
    libreoffice_recalc_sample_s  headless LibreOffice loading the exported sample,
                                 recalculating every formula and saving it (warm profile)
    cli_vs_libreoffice           the two, measured in the same run
    bare_qt_window_s             a bare PySide6 QMainWindow with QtCharts imported, shown
    startup_to_window_s          the app: sample read, main window shown and drawn
    startup_ratio                startup_to_window_s ÷ bare_qt_window_s

Both window probes are the same command (probe_command): a fresh offscreen interpreter
that imports ui.benchmark and calls one probe, timed from outside as a whole process.
The two sides of a ratio are timed in turn (paired_s), after one untimed run each, so a
busy spell on a shared machine weighs on both alike. PYTHONDONTWRITEBYTECODE is left out
of the processes' environment: a user's Python caches compiled modules.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "leshan_2023.xlsx"
REPEAT = 5
TIMEOUT = 300  # seconds for one process


def _environment(extra: dict | None = None) -> dict[str, str]:
    """This environment, minus PYTHONDONTWRITEBYTECODE: as for a user, the first (warm-up)
    run caches the compiled modules and the timed runs load them."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def _time_once(cmd: list[str], env: dict | None = None, before=None) -> float:
    if before is not None:
        before()
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, timeout=TIMEOUT,
                   env=_environment(env))
    return time.perf_counter() - t


def whole_process_s(cmd: list[str], repeat: int = REPEAT, env: dict | None = None,
                    before=None) -> float:
    """Median wall-clock seconds of ``cmd`` run ``repeat`` times as a whole process."""
    return statistics.median(_time_once(cmd, env, before) for _ in range(repeat))


def paired_s(first, second, repeat: int = REPEAT) -> tuple[float, float]:
    """Medians of two zero-argument timers called in turn (first, second, first, …), so
    a busy spell on a shared machine weighs on both sides of a ratio alike."""
    a, b = [], []
    for _ in range(repeat):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)


def qianyi_command() -> list[str]:
    """`qianyi` as a user runs it: the entry point beside this interpreter (the venv's),
    else ``python -m planner.cli``."""
    script = Path(sys.executable).with_name("qianyi")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "planner.cli"]


def cli_run_command() -> list[str]:
    return [*qianyi_command(), "run", str(SAMPLE), "--json"]


def cli_run_sample_s(repeat: int = REPEAT) -> float:
    """`qianyi run sample_data/leshan_2023.xlsx --json`, median seconds (after one untimed
    run)."""
    _time_once(cli_run_command())
    return whole_process_s(cli_run_command(), repeat)


def soffice_command() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed; "
                           "apt-get install libreoffice-calc-nogui")
    return exe


@contextmanager
def libreoffice_recalc_timer() -> Iterator[Callable[[], float]]:
    """A timer of one run of headless LibreOffice opening the exported sample,
    recalculating every formula (the profile of tests/lo_recalc.py forces it) and saving
    it as .xlsx. The sample is exported once and the private profile built by a first,
    untimed run."""
    from planner.io.export import export_workbook
    from planner.io.reader import read_workbook
    from tests.lo_recalc import make_profile
    exe = soffice_command()
    with tempfile.TemporaryDirectory(prefix="qianyi-lo-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "leshan_export.xlsx"
        export_workbook(read_workbook(SAMPLE).document, source)
        profile = make_profile(folder / "profile")
        saved = folder / "out" / source.name
        cmd = [exe, "--headless", "--norestore", "--nologo", "--nodefault",
               f"-env:UserInstallation={profile.as_uri()}",
               "--convert-to", "xlsx", "--outdir", str(saved.parent), str(source)]

        def once() -> float:
            seconds = _time_once(cmd, before=lambda: saved.unlink(missing_ok=True))
            if not saved.is_file():
                raise RuntimeError("LibreOffice did not write the recalculated workbook")
            return seconds

        once()      # warm-up: the profile is created and LibreOffice's files are cached
        yield once


def libreoffice_recalc_sample_s(repeat: int = REPEAT) -> float:
    """Headless LibreOffice recalculating and saving the exported sample, median seconds
    (warm profile)."""
    with libreoffice_recalc_timer() as once:
        return statistics.median(once() for _ in range(repeat))


def probe_command(probe: str) -> list[str]:
    """A fresh interpreter that imports ui.benchmark and calls one probe."""
    return [sys.executable, "-c", f"from ui.benchmark import {probe}; {probe}()"]


OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def probe_process_s(probe: str, repeat: int = REPEAT) -> float:
    """A probe of ui.benchmark run as a whole offscreen process, median seconds (after
    one untimed run)."""
    _time_once(probe_command(probe), OFFSCREEN)
    return whole_process_s(probe_command(probe), repeat, env=OFFSCREEN)


def startup_to_window_s(repeat: int = REPEAT) -> float:
    """The app: application, sample read, main window shown and drawn."""
    return probe_process_s("startup_probe", repeat)


def bare_qt_window_s(repeat: int = REPEAT) -> float:
    """A bare PySide6 QMainWindow with QtCharts imported, shown and drawn."""
    return probe_process_s("bare_window_probe", repeat)


def cli_and_libreoffice(repeat: int = REPEAT) -> dict[str, float]:
    """cli_run_sample_s, libreoffice_recalc_sample_s and their ratio, run in turn."""
    cli = cli_run_command()
    with libreoffice_recalc_timer() as libreoffice:
        _time_once(cli)      # warm-up, as LibreOffice's: files in the page cache
        c, lo = paired_s(lambda: _time_once(cli), libreoffice, repeat)
    return {"cli_run_sample_s": c, "libreoffice_recalc_sample_s": lo,
            "cli_vs_libreoffice": c / lo}


def startup_and_bare(repeat: int = REPEAT) -> dict[str, float]:
    """startup_to_window_s, bare_qt_window_s and startup_ratio, run in turn."""
    app, bare = probe_command("startup_probe"), probe_command("bare_window_probe")
    _time_once(app, OFFSCREEN)
    _time_once(bare, OFFSCREEN)
    a, b = paired_s(lambda: _time_once(app, OFFSCREEN), lambda: _time_once(bare, OFFSCREEN),
                    repeat)
    return {"startup_to_window_s": a, "bare_qt_window_s": b, "startup_ratio": a / b}


def measure(repeat: int = REPEAT) -> dict[str, float]:
    """Every key of this module."""
    return {**cli_and_libreoffice(repeat), **startup_and_bare(repeat)}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for key, value in measure().items():
        print(f"{key:30} {value:8.3f}")
