"""Refresh the translation source and compile it: ``python ui/i18n/update.py``.

1. pyside6-lupdate scans ui/**/*.py for self.tr(...), translate("Context", ...) and
   QT_TRANSLATE_NOOP("Context", ...) and merges new strings into qianyi_zh_CN.ts
   (existing translations are kept; strings gone from the code are dropped).
2. pyside6-lrelease compiles the .ts to qianyi_zh_CN.qm, which is committed.

Modules that translate through a helper ``tr(text)`` bound to a module constant
``CONTEXT = "Name"`` (ui/editors does) are scanned as if each ``tr("...")`` were
``translate("Name", "...")``, because lupdate cannot see through the helper.
Translate new strings with pyside6-linguist (or by editing the .ts), then run this again.
``--check`` only reports unfinished strings (exit 1 if any).
"""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
ROOT = UI.parent
TS = HERE / "qianyi_zh_CN.ts"
QM = HERE / "qianyi_zh_CN.qm"
BARE_TR = re.compile(r"(?<![\w.])tr\(")


def tool(name: str) -> str:
    """A Qt tool next to the running Python (the venv), else on PATH."""
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def helper_contexts(paths: list[Path]) -> dict[str, str]:
    """module -> context, for modules whose bare ``tr`` means translate(CONTEXT, …)."""
    trees = {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in paths}
    own: dict[str, str] = {}
    for mod, tree in trees.items():
        context = next((n.value.value for n in tree.body if isinstance(n, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == "CONTEXT" for t in n.targets)
                        and isinstance(n.value, ast.Constant)), None)
        defines_tr = any(isinstance(n, ast.FunctionDef) and n.name == "tr" for n in tree.body)
        if context and defines_tr:
            own[mod] = context
    found = dict(own)
    for mod, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in own:
                if any(a.name == "tr" and a.asname in (None, "tr") for a in node.names):
                    found[mod] = own[node.module]
    return found


def _rewrite(text: str, context: str) -> str:
    """Same lines, so lupdate's line numbers stay right."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith("def tr("):
            lines.append(line)
        else:
            lines.append(BARE_TR.sub(f'translate("{context}", ', line))
    return "".join(lines)


def lupdate() -> None:
    paths = sources()
    contexts = helper_contexts(paths)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_root = Path(tmp)
        copies = []
        for p in paths:
            target = tmp_root / p.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = p.read_text(encoding="utf-8")
            context = contexts.get(_module_name(p))
            target.write_text(_rewrite(text, context) if context else text, encoding="utf-8")
            copies.append(target)
        ts = tmp_root / TS.relative_to(ROOT)
        ts.parent.mkdir(parents=True, exist_ok=True)
        if TS.exists():
            shutil.copy2(TS, ts)
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "relative",
                        *map(str, copies), "-ts", str(ts)], check=True)
        shutil.copy2(ts, TS)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path = TS) -> list[str]:
    import xml.etree.ElementTree as ET
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") == "unfinished" or not (t.text or "").strip():
                out.append(f"{name}: {message.findtext('source')}")
    return out


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        lupdate()
        lrelease()
    missing = unfinished()
    for m in missing:
        print(f"untranslated: {m}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
