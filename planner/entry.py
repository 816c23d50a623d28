"""The ``qianyi`` command: a light front of planner.cli.

``qianyi gui`` turns automatic garbage collection off before anything else is imported
(the app turns it on again once its window is up: ui/quiet_start.py says why); then every
command runs in planner.cli, as ``python -m planner.cli`` does.
"""
from __future__ import annotations

import importlib
import sys


def _command(args: list[str]) -> str | None:
    """The sub-command: the first argument that is not an option."""
    return next((a for a in args if not a.startswith("-")), None)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if _command(args) == "gui":
        # imported by name: planner/ does not depend on ui/ (this module is Qt-free)
        importlib.import_module("ui.quiet_start").pause()
    from planner.cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
