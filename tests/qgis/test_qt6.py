"""QGIS 4 (Qt6) readiness of the plugin package: every module imports under PyQt6 (Debian's python3-pyqt6, which
``make system`` installs) with stand-ins for the ``qgis`` modules (tests/qgis/pyqt6_standin.py), and a walk of the
source finds no short-form enum, no ``exec_`` and no import that bypasses ``qgis.PyQt``.

Short forms are found by introspection of the QGIS and PyQt5 this suite runs on rather than by a hand-kept list:
an attribute of a Qt or QGIS class whose value is a member of an enum other than that class itself
(``Qt.AlignLeft``, ``QgsProcessing.TypeVectorLine``) is a short form, in function bodies as well as at module
level. Qt attribute chains are also resolved against PyQt6 itself (``QVariant.Type`` has no PyQt6 counterpart).
"""

import ast
import enum
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "medical_deserts_plugin"
STAND_IN = Path(__file__).with_name("pyqt6_standin.py")
QT_PREFIX = "qgis.PyQt."
QGIS_MODULES = ("qgis.core", "qgis.gui")
FORBIDDEN_IMPORTS = ("PyQt5", "PyQt6", "sip", "PyQt4")
#: Qt chains that exist only on Qt5 and sit in a branch taken only on QGIS < 3.38 (never a Qt6 build).
QT5_BRANCHES = {"processing/qgis_compat.py": ("QtCore.QVariant.Type.",)}

def package_modules():
    """(dotted module name, path) of every module of the plugin package (``__main__`` modules excepted)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def imported_names(tree):
    """``{local name: (module, attribute)}`` for the names a module imports from qgis.core/gui and qgis.PyQt."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module in QGIS_MODULES or node.module.startswith(QT_PREFIX) or node.module == "qgis.PyQt":
                for alias in node.names:
                    names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def attribute_chains(tree):
    """(line, [root name, attr, attr...]) of every outermost attribute chain that starts with a plain name."""
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner:
            continue
        parts, value = [], node
        while isinstance(value, ast.Attribute):
            parts.append(value.attr)
            value = value.value
        if isinstance(value, ast.Name):
            yield node.lineno, [value.id] + parts[::-1]


def is_short_form(owner, value):
    """Whether ``owner.<name>`` giving ``value`` is an enum member reached without its enum (a short form)."""
    enum_like = isinstance(value, enum.Enum) or (isinstance(value, int) and type(value) not in (int, bool))
    return isinstance(owner, type) and enum_like and type(value) is not owner


def host_object(module, name):
    """The object ``from module import name`` gives on this host (a submodule such as ``qgis.PyQt.sip`` too)."""
    parent = importlib.import_module(module)
    return getattr(parent, name) if hasattr(parent, name) else importlib.import_module(f"{module}.{name}")


def scan(path, tree):
    """Violations in one module, and its Qt chains (``"QtModule.Class.attr..."``) to resolve on PyQt6."""
    where = path.relative_to(PACKAGE).as_posix()
    violations, qt_chains = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "exec_":
            violations.append(f"{where}:{node.lineno}: exec_() (write exec())")
        modules = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                   else [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
        for module in modules:
            if module.split(".")[0] in FORBIDDEN_IMPORTS:
                violations.append(f"{where}:{node.lineno}: import of {module} (import from qgis.PyQt)")
    names = imported_names(tree)
    for line, chain in attribute_chains(tree):
        if chain[0] not in names:
            continue
        module, name = names[chain[0]]
        if module.startswith(QT_PREFIX) or module == "qgis.PyQt":
            qt_root = name if module == "qgis.PyQt" else f"{module[len(QT_PREFIX):]}.{name}"
            qt_chain = ".".join([qt_root] + chain[1:])
            if not any(qt_chain.startswith(prefix) for prefix in QT5_BRANCHES.get(where, ())):
                qt_chains.append([f"{where}:{line}", qt_chain])
        owner = host_object(module, name)
        for depth, attribute in enumerate(chain[1:], start=1):
            value = getattr(owner, attribute, None)
            if is_short_form(owner, value):
                written = ".".join(chain[:depth + 1])
                scoped = ".".join(chain[:depth] + [type(value).__name__, attribute])
                violations.append(f"{where}:{line}: {written} is a short-form enum (write {scoped})")
                break
            if value is None:
                break
            owner = value
    return violations, qt_chains


def short_forms_of(classes):
    """``{class name: {member: enum name}}``: the short-form enum members of the given QGIS 3.22 classes."""
    table = {}
    for module, name in sorted(classes):
        owner = host_object(module, name)
        if isinstance(owner, type):
            table[name] = {member: type(getattr(owner, member)).__name__ for member in dir(owner)
                           if not member.startswith("_") and is_short_form(owner, getattr(owner, member, None))}
    return table


@pytest.fixture(scope="module")
def scanned(qgis_app):
    violations, qt_chains, qgis_classes = [], [], set()
    for _, path in package_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found, chains = scan(path, tree)
        violations += found
        qt_chains += chains
        qgis_classes |= {origin for origin in imported_names(tree).values() if origin[0] in QGIS_MODULES}
    return violations, qt_chains, short_forms_of(qgis_classes)


def test_source_has_no_short_form_enum_exec_or_direct_pyqt_import(scanned):
    violations, _, _ = scanned
    assert violations == []


def test_every_module_imports_under_pyqt6(scanned, tmp_path):
    _, qt_chains, short_forms = scanned
    assert qt_chains and "TypeVectorLine" in short_forms["QgsProcessing"]
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"modules": [name for name, _ in package_modules()], "short_forms": short_forms,
                                "qt_chains": qt_chains}), encoding="utf-8")
    run = subprocess.run([sys.executable, str(STAND_IN), str(spec)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
                                           "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["errors"] == [], "\n".join(report["errors"])


def test_stand_in_fails_like_qgis_4(tmp_path):
    """The stand-in itself: a short-form Qt or QGIS enum at module level fails to import, scoped forms import."""
    package = tmp_path / "probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "scoped.py").write_text(
        "from qgis.core import QgsProcessing\nfrom qgis.PyQt.QtNetwork import QNetworkReply\n"
        "TYPES = (QgsProcessing.SourceType.TypeVectorLine, QNetworkReply.NetworkError.HostNotFoundError)\n")
    (package / "short_qt.py").write_text("from qgis.PyQt.QtNetwork import QNetworkReply\n"
                                         "ERROR = QNetworkReply.HostNotFoundError\n")
    (package / "short_qgis.py").write_text("from qgis.core import QgsProcessing\nTYPE = QgsProcessing.TypeVectorLine\n")
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"modules": ["probe.scoped", "probe.short_qt", "probe.short_qgis"],
                                "short_forms": {"QgsProcessing": {"TypeVectorLine": "SourceType"}},
                                "qt_chains": [["probe", "QtCore.QVariant.Type.Int"]]}), encoding="utf-8")
    run = subprocess.run([sys.executable, str(STAND_IN), str(spec)], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(tmp_path)})
    errors = json.loads(run.stdout.strip().splitlines()[-1])["errors"]
    assert [error.splitlines()[0] for error in errors] == [
        "probe: QtCore.QVariant.Type.Int: PyQt6 has no QtCore.QVariant.Type", "import probe.short_qt:",
        "import probe.short_qgis:"]
    assert "HostNotFoundError" in errors[1] and "QgsProcessing.SourceType.TypeVectorLine" in errors[2]
