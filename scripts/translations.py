"""Keep ``i18n/medical_deserts_<lang>.ts`` in step with the ``tr("...")`` strings of the plugin.

    python scripts/translations.py update   add new strings (unfinished), keep every existing translation
    python scripts/translations.py prune    the same, and drop the translations of strings no longer used
    python scripts/translations.py check    list strings without a translation or with mismatched {placeholders}

The plugin's ``tr`` is a module-level function (context ``MedicalDeserts``), which pylupdate5 does not see, so the
strings are read from the source with ``ast``. Translations are edited in the .ts file (Qt Linguist works too).
"""

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "medical_deserts_plugin"
TS_FILES = sorted((ROOT / "i18n").glob("medical_deserts_*.ts"))
CONTEXT = "MedicalDeserts"
PLACEHOLDER = re.compile(r"\{[a-z_]*(?::[^}]*)?\}")


def source_strings(folder=SOURCE):
    """Every literal passed to ``tr(...)`` in the plugin, in first-seen order."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(folder.parent)}:{node.lineno}")
    return found


def read_ts(path):
    """{source: translation or None} of the plugin's context in a .ts file."""
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None and translation.text
            messages[message.findtext("source")] = translation.text if done else None
    return messages


def write_ts(path, language, messages):
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, translation in messages.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        element = ET.SubElement(message, "translation")
        if translation:
            element.text = translation
        else:
            element.set("type", "unfinished")
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")


def language_of(path):
    stem = path.stem.rsplit("_", 1)[-1]
    return {"fr": "fr_FR"}.get(stem, stem)


def update(prune=False):
    """Add new strings as unfinished; keep translations of strings no longer in the source unless ``prune``."""
    strings = source_strings()
    for path in TS_FILES:
        known = read_ts(path)
        messages = {source: known.get(source) for source in strings}
        vanished = {source: text for source, text in known.items() if source not in strings and text}
        if not prune:
            messages.update(vanished)
        write_ts(path, language_of(path), messages)
        print(f"{path.name}: {len(strings)} strings, {sum(1 for s in strings if not known.get(s))} to translate, "
              f"{len(vanished)} no longer used" + (" (dropped)" if prune else " (kept; `prune` drops them)"))


def problems(path):
    """Messages of ``path`` that are missing, unfinished, or whose {placeholders} differ from the source."""
    known = read_ts(path)
    found = []
    for source, where in source_strings().items():
        translation = known.get(source)
        if not translation:
            found.append(f"{where}: not translated: {source!r}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            found.append(f"{where}: placeholders differ: {source!r} -> {translation!r}")
    return found


def check():
    failures = [line for path in TS_FILES for line in problems(path)]
    print("\n".join(failures) or "all strings translated")
    return 1 if failures else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command in ("update", "prune"):
        update(prune=command == "prune")
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
