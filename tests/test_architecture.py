"""planner/ and models/ never import PySide6 (architecture.md)."""
import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("package", ["models", "planner"])
def test_core_packages_do_not_import_qt(package):
    offenders = [f"{p.relative_to(ROOT)}: {name}"
                 for p in sorted((ROOT / package).rglob("*.py"))
                 for name in _imports(p)
                 if name.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    assert offenders == []


def test_models_use_standard_library_only():
    allowed = set(sys.stdlib_module_names) | {"models"}
    offenders = [f"{p.name}: {n}" for p in (ROOT / "models").rglob("*.py")
                 for n in _imports(p) if n.split(".")[0] not in allowed]
    assert offenders == []
