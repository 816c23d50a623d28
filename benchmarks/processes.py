"""Whole-process timings for benchmarks/run.py (issue 14): what a user waits for from
pressing Enter until the process is done, measured from outside, medians of 5.

    cli_run_sample_s             `qianyi run SAMPLE --json`, through the venv's entry point
    libreoffice_recalc_sample_s  headless LibreOffice loading the exported sample,
                                 recalculating every formula and saving it (warm profile)
    cli_vs_libreoffice           the two, measured in the same run
    bare_qt_window_s             a bare PySide6 QMainWindow with QtCharts imported, shown
    startup_to_window_s          the app: sample read, main window shown and drawn
    startup_ratio                startup_to_window_s ÷ bare_qt_window_s
    skeleton_window_s,           a window of the app's make-up drawn with NumPy and PySide6
    skeleton_ratio               alone (benchmarks/skeleton_window.py), and ÷ the bare
                                 window: the floor under startup_ratio (measured, no budget)
    startup_process_s,           the two window probes again, until their processes have
    bare_qt_process_s            ended (measured, no budget: exit is not start-up)

The window probes are the same command (probe_command): a fresh offscreen interpreter
that imports the probe's module, calls the probe and then writes a line to its standard
output. A window is timed from launching the process until that line arrives (the window
is up and drawn); the process's exit is timed apart. The probes are timed in turn after
one untimed run each, so a busy spell on a shared machine weighs on every side alike.
PYTHONDONTWRITEBYTECODE is left out of the processes' environment: a user's Python caches
compiled modules.
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


DRAWN = "window drawn"
PROBES = {"startup_probe": "ui.benchmark", "bare_window_probe": "ui.benchmark",
          "skeleton_probe": "benchmarks.skeleton_window"}


def probe_command(probe: str) -> list[str]:
    """A fresh interpreter that imports the probe's module, calls the probe (the window is
    shown and drawn when it returns) and then says so on its standard output."""
    return [sys.executable, "-c",
            f"from {PROBES[probe]} import {probe}; window = {probe}(); "
            f"import sys; sys.stdout.write({DRAWN!r} + '\\n'); sys.stdout.flush()"]


OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def window_times(probe: str) -> tuple[float, float]:
    """One run of a window probe: seconds from launching its process until it reports
    the window drawn, and until the process has ended."""
    t = time.perf_counter()
    with subprocess.Popen(probe_command(probe), cwd=ROOT, env=_environment(OFFSCREEN),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as p:
        line = p.stdout.readline()
        drawn = time.perf_counter() - t
        out, err = p.communicate(timeout=TIMEOUT)
        ended = time.perf_counter() - t
    if p.returncode != 0 or line.strip() != DRAWN:
        raise RuntimeError(f"{probe} failed (exit {p.returncode}): {(line + out + err)[-2000:]}")
    return drawn, ended


def probe_window_s(probe: str, repeat: int = REPEAT) -> float:
    """A probe of ui.benchmark in a fresh offscreen process: median seconds until its
    window is drawn (after one untimed run)."""
    window_times(probe)
    return statistics.median(window_times(probe)[0] for _ in range(repeat))


def startup_to_window_s(repeat: int = REPEAT) -> float:
    """The app: application, sample read, main window shown and drawn."""
    return probe_window_s("startup_probe", repeat)


def bare_qt_window_s(repeat: int = REPEAT) -> float:
    """A bare PySide6 QMainWindow with QtCharts imported, shown and drawn."""
    return probe_window_s("bare_window_probe", repeat)


def cli_and_libreoffice(repeat: int = REPEAT) -> dict[str, float]:
    """cli_run_sample_s, libreoffice_recalc_sample_s and their ratio, run in turn."""
    cli = cli_run_command()
    with libreoffice_recalc_timer() as libreoffice:
        _time_once(cli)      # warm-up, as LibreOffice's: files in the page cache
        c, lo = paired_s(lambda: _time_once(cli), libreoffice, repeat)
    return {"cli_run_sample_s": c, "libreoffice_recalc_sample_s": lo,
            "cli_vs_libreoffice": c / lo}


def startup_and_bare(repeat: int = REPEAT) -> dict[str, float]:
    """startup_to_window_s, bare_qt_window_s and startup_ratio, the same runs' whole-process
    times, and skeleton_window_s and skeleton_ratio: the three window probes run in turn,
    after one untimed run each."""
    probes = ("startup_probe", "bare_window_probe", "skeleton_probe")
    runs: dict[str, list[tuple[float, float]]] = {p: [] for p in probes}
    for probe in probes:
        window_times(probe)
    for _ in range(repeat):
        for probe in probes:
            runs[probe].append(window_times(probe))
    a, b, s = (statistics.median(t[0] for t in runs[p]) for p in probes)
    return {"startup_to_window_s": a, "bare_qt_window_s": b, "startup_ratio": a / b,
            "startup_process_s": statistics.median(t[1] for t in runs["startup_probe"]),
            "bare_qt_process_s": statistics.median(t[1] for t in runs["bare_window_probe"]),
            "skeleton_window_s": s, "skeleton_ratio": s / b}


def measure(repeat: int = REPEAT) -> dict[str, float]:
    """Every key of this module."""
    return {**cli_and_libreoffice(repeat), **startup_and_bare(repeat)}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for key, value in measure().items():
        print(f"{key:30} {value:8.3f}")
