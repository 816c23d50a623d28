"""Refresh the translation source and compile it: ``python ui/i18n/update.py``.

1. pyside6-lupdate scans ui/**/*.py for self.tr(...), translate("Context", ...) and
   QT_TRANSLATE_NOOP("Context", ...) and merges new strings into qianyi_zh_CN.ts
   (existing translations are kept; strings gone from the code are dropped).
2. pyside6-lrelease compiles the .ts to qianyi_zh_CN.qm, which is committed.

Modules with a module constant ``CONTEXT = "Name"`` that translate through a helper
``tr(text)`` (defined there, as a local lambda, or imported from such a module; ui/editors
and ui/analysis do) are scanned as if each ``tr("...")`` were ``translate("Name", "...")``,
because lupdate cannot see through the helper.

3. Translations kept beside the code that uses them, ``ui/i18n/NAME_zh.tsv`` (English
   source, tab, Chinese), are merged into the .ts for the messages of ``ui/NAME/`` or
   ``ui/NAME_*.py`` (they win over the .ts); a source that lupdate cannot see (built
   from a variable, e.g. tab titles through QT_TRANSLATE_NOOP) is added to the
   package's single ``CONTEXT``.

Translate other new strings with pyside6-linguist (or in the .ts), then run this again.
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
    """A Qt tool: the binary inside the PySide6 package, else the venv's pyside6-*
    wrapper next to the running Python, else whatever PATH finds."""
    import importlib.util
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / name.removeprefix("pyside6-")
        if binary.is_file():
            return str(binary)
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
        if context:     # its bare tr(...) calls, module-level helper or local lambda
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
        if line.lstrip().startswith("def tr(") or re.match(r"\s*tr = lambda", line):
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


def _tsv(path: Path) -> dict[str, str]:
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip())
    return {r[0]: r[1] for r in rows if len(r) == 2 and r[1].strip()}


def _in_group(rel: str, name: str) -> bool:
    """Is ``rel`` (a path relative to ui/) part of the group ``name``?"""
    return rel.startswith((f"{name}/", f"{name}_")) or rel == f"{name}.py"


def merge_tsv(ts: Path = TS) -> list[str]:
    """Merge every ui/i18n/*_zh.tsv into ``ts``; returns sources that found no home."""
    import xml.etree.ElementTree as ET
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = helper_contexts(sources())
    homeless = []
    for tsv in sorted(HERE.glob("*_zh.tsv")):
        name = tsv.name[: -len("_zh.tsv")]
        table = _tsv(tsv)
        seen: set[str] = set()
        current = ""   # lupdate names a location's file only when it changes
        for context in root.iter("context"):
            for message in context.iter("message"):
                files = []
                for loc in message.iter("location"):
                    current = loc.get("filename", current)
                    files.append((HERE / current).resolve())
                rels = [f.relative_to(UI).as_posix() for f in files if UI in f.parents]
                source = message.findtext("source")
                if source in table and any(_in_group(r, name) for r in rels):
                    translation = message.find("translation")
                    translation.text = table[source]
                    translation.attrib.pop("type", None)
                    seen.add(source)
        group = {c for mod, c in contexts.items()
                 if _in_group(mod.replace(".", "/").removeprefix("ui/") + ".py", name)
                 or _in_group(mod.replace(".", "/").removeprefix("ui/") + "/", name)}
        rest = [s for s in table if s not in seen]
        if rest and len(group) == 1:
            _add_messages(root, group.pop(), {s: table[s] for s in rest})
        else:
            homeless += [f"{tsv.name}: {s}" for s in rest]
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return homeless


def _add_messages(root, context_name: str, messages: dict[str, str]) -> None:
    import xml.etree.ElementTree as ET
    context = next((c for c in root.iter("context") if c.findtext("name") == context_name),
                   None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
    existing = {m.findtext("source"): m for m in context.iter("message")}
    for source, text in messages.items():
        message = existing.get(source)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation")
        translation = message.find("translation")
        translation.text = text
        translation.attrib.pop("type", None)


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
        for h in merge_tsv():
            print(f"no place for: {h}")
        lrelease()
    missing = unfinished()
    for m in missing:
        print(f"untranslated: {m}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
