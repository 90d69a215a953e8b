"""Check, before anything imports them, that the scientific libraries the plugin needs are there, and install the
missing ones with pip into a folder of the QGIS profile (nothing system-wide).

Pure Python (no qgis, no Qt): the folder's path comes from the caller, and a fresh interpreter can run the check
(the installer does, after pip).
"""

import json
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

#: (module, minimum version, Debian package, pip requirement). The pip requirements hold no ``<`` (QGIS's log
#: panel reads messages as HTML) and are installed with ``--no-deps``, so that QGIS's own numpy stays.
REQUIREMENTS = (
    ("numpy", "1.21", "python3-numpy", "numpy==1.*"),
    ("scipy", "1.9", "python3-scipy", "scipy>=1.9"),
    ("pandas", "1.3", "python3-pandas", "pandas"),
    ("shapely", "2.0", None, "shapely==2.0.*"),
)

#: Folder of the QGIS profile (under ``python/``) that holds the libraries installed for the plugin.
LIBRARY_FOLDER = "medical_deserts_libs"


def version_tuple(text):
    """``"1.10.1"`` -> ``(1, 10, 1)``; non-numeric tails are ignored."""
    parts = []
    for piece in str(text).split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) != len(piece):
            break
    return tuple(parts)


def library_folder(profile_folder):
    """``<profile>/python/medical_deserts_libs/py3.11``: one folder per Python version, since wheels are built
    for one (a profile outlives a QGIS upgrade)."""
    return Path(profile_folder) / "python" / LIBRARY_FOLDER / f"py{sys.version_info[0]}.{sys.version_info[1]}"


def use_library_folder(folder):
    """Put ``folder`` first on ``sys.path`` if it exists (before anything imports the libraries); True if it does."""
    folder = str(folder)
    if not os.path.isdir(folder):
        return False
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return True


def found_versions():
    """{module: version, or None when it does not import} for every requirement."""
    found = {}
    for module, _minimum, _debian, _pip in REQUIREMENTS:
        try:
            found[module] = str(getattr(import_module(module), "__version__", "0"))
        except Exception:  # noqa: BLE001 (a broken build, e.g. against another numpy, counts as missing)
            found[module] = None
    return found


def unmet(found):
    """Requirements that ``found`` (see found_versions) does not meet: list of (module, found version or None,
    minimum, pip requirement, Debian package or None)."""
    return [(module, found.get(module), minimum, pip, debian)
            for module, minimum, debian, pip in REQUIREMENTS
            if found.get(module) is None or version_tuple(found[module]) < version_tuple(minimum)]


def missing_dependencies():
    """The requirements not met in this interpreter (see unmet)."""
    return unmet(found_versions())


def interpreter_candidates():
    """Executables that may be the Python QGIS runs, the likeliest first. Inside QGIS ``sys.executable`` is QGIS
    itself (``qgis-bin.exe``, ``QGIS.app/Contents/MacOS/QGIS``) or whatever ``python3`` comes first on PATH (a pyenv
    or conda one), so the ones beside ``sys.base_prefix`` and the QGIS executable come first."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    names = ["python.exe", "python3.exe"] if os.name == "nt" else [f"python{version}", "python3", "python"]
    executable_dir = Path(sys.executable).parent
    folders = [Path(sys.base_prefix), Path(sys.base_prefix) / "bin", Path(sys.exec_prefix) / "bin",
               executable_dir, executable_dir / "bin"]
    found = [str(folder / name) for folder in folders for name in names if (folder / name).is_file()]
    if "python" in Path(sys.executable).name.lower():
        found.append(sys.executable)
    return list(dict.fromkeys(found))


def interpreter_identity(python):
    """(``"3.11"``, real base prefix) as reported by the executable ``python``, or None if it does not run."""
    try:
        script = "import sys; print('%d.%d' % sys.version_info[:2]); print(sys.base_prefix)"
        done = subprocess.run([python, "-c", script], timeout=60, **subprocess_options())
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.strip().splitlines()
    return (lines[0], comparable_path(lines[1])) if done.returncode == 0 and len(lines) == 2 else None


def comparable_path(path):
    """``path`` with links resolved and, on Windows, in one case: for comparing folders."""
    return os.path.normcase(os.path.realpath(path))


def python_interpreter():
    """The Python executable QGIS runs: the first candidate of the same version and base prefix, else the first of
    the same version; None when there is none (runs each candidate, so only when installing)."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    identities = {python: interpreter_identity(python) for python in interpreter_candidates()}
    same_version = [python for python, identity in identities.items() if identity and identity[0] == version]
    same_prefix = [python for python in same_version if identities[python][1] == comparable_path(sys.base_prefix)]
    return (same_prefix + same_version + [None])[0]


def pip_command(python, folder, requirements):
    """``python -m pip install --target folder`` of ``requirements`` as wheels, without their dependencies (so that
    the numpy QGIS was built with stays). ``--target`` installs nothing system-wide, and pip does not apply the
    "externally-managed-environment" refusal (PEP 668) to it."""
    return [python, "-m", "pip", "install", "--target", str(folder), "--upgrade", "--no-deps",
            "--only-binary=:all:", "--disable-pip-version-check", "--no-input", *requirements]


def subprocess_options():
    """Keyword arguments for subprocess: text output, and no console window flashing up on Windows."""
    options = dict(stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    if os.name == "nt":
        options["creationflags"] = subprocess.CREATE_NO_WINDOW
    return options


def versions_seen_from(python, folder, search_path):
    """found_versions in a fresh ``python`` whose path is ``folder`` then ``search_path`` (QGIS's sys.path, which
    holds the plugins folder), as the plugin will see them after a restart: {module: version or None}."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(folder)] + [p for p in search_path if p]))
    probe = f"import json; from {__package__}.dependencies import found_versions; print(json.dumps(found_versions()))"
    done = subprocess.run([python, "-S", "-c", probe], cwd=str(folder), timeout=300, env=environment,
                          **subprocess_options())
    if done.returncode != 0:
        raise RuntimeError(done.stdout[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])
