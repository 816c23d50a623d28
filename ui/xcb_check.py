"""Before ``make run`` on Linux: does Qt's xcb platform plugin find all its libraries?

``python -m ui.xcb_check`` runs ``ldd`` on PySide6's ``libqxcb.so`` and, when system
libraries are missing, prints the one ``apt`` command that installs them and exits 1.
It exits 0 when everything is found, and also when it cannot tell (not Linux, no ldd,
another platform plugin chosen with QT_QPA_PLATFORM) so it never blocks a working set-up.
It does not import Qt: a missing library would only fail later, with Qt's own message.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The Debian/Ubuntu package of each library the xcb plugin (and Qt's xcb glue) needs.
PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
# What the README lists: the plugin's own needs beyond a minimal desktop.
README_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                   "libxcb-render-util0", "libxcb-xkb1", "libxkbcommon-x11-0", "libegl1",
                   "libgl1", "libfontconfig1", "libdbus-1-3")
NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def plugin_path() -> Path | None:
    """PySide6's libqxcb.so, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for candidate in (Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so",
                          Path(folder) / "plugins" / "platforms" / "libqxcb.so"):
            if candidate.is_file():
                return candidate
    return None


def missing_libraries(ldd_output: str) -> list[str]:
    """The library names ldd reports as "not found", in order, once each."""
    return list(dict.fromkeys(NOT_FOUND.findall(ldd_output)))


def package_for(library: str) -> str | None:
    return PACKAGES.get(library)


def apt_command(libraries: list[str]) -> str:
    packages = sorted({p for lib in libraries if (p := package_for(lib))})
    return "sudo apt-get install " + " ".join(packages) if packages else ""


def report(libraries: list[str]) -> str:
    lines = ["Qt cannot open a window: its xcb platform plugin is missing these system "
             "libraries:"]
    lines += [f"  {lib}" for lib in libraries]
    command = apt_command(libraries)
    if command:
        lines += ["Install them with (Debian/Ubuntu):", f"  {command}"]
    unknown = [lib for lib in libraries if package_for(lib) is None]
    if unknown:
        lines.append("Find the package of the others with `apt-file search LIBRARY`.")
    return "\n".join(lines)


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return 0
    plugin, ldd = plugin_path(), shutil.which("ldd")
    if plugin is None or ldd is None:
        return 0
    try:
        done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return 0
    missing = missing_libraries(done.stdout)
    if not missing:
        return 0
    print(report(missing), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
