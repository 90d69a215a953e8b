"""Build, package and install the QGIS plugin.

    python scripts/plugin_tool.py build    [--out build]          plugin folder with metadata, icons, .qm, help
    python scripts/plugin_tool.py package  [--out dist]           dist/medical_deserts_plugin.zip
    python scripts/plugin_tool.py install  [--profile DIR]        copy into a QGIS profile and enable it
"""

import argparse
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "medical_deserts_plugin"
DEFAULT_PROFILE = Path.home() / ".local/share/QGIS/QGIS3/profiles/default"


def build(out_dir):
    """Assemble ``out_dir/medical_deserts_plugin``: the package, metadata.txt, LICENSE, icons, compiled translations
    and the user guide in HTML (``help/``, built by ``scripts/user_guide.py`` in a QGIS of its own)."""
    target = Path(out_dir) / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / PLUGIN, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "metadata.txt", target / "metadata.txt")
    shutil.copy2(ROOT / "LICENSE", target / "LICENSE")
    shutil.copytree(ROOT / "resources" / "icons", target / "icons")
    (target / "i18n").mkdir(exist_ok=True)
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        qm = target / "i18n" / (ts.stem + ".qm")
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "user_guide.py"), "--out", str(target / "help"),
                    "--qm", str(target / "i18n" / "medical_deserts_fr.qm")], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return target


def package(out_dir):
    """Zip the built plugin as QGIS's "Install from ZIP" expects (one top folder)."""
    plugin_dir = build(ROOT / "build")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    archive = Path(out_dir) / f"{PLUGIN}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(plugin_dir.rglob("*")):
            if path.is_file():
                zipped.write(path, path.relative_to(plugin_dir.parent))
    return archive


def enable_in_profile(profile):
    """Set ``medical_deserts_plugin=true`` under ``[PythonPlugins]`` in the profile's QGIS3.ini."""
    ini = Path(profile) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    lines = ini.read_text(encoding="utf-8").splitlines() if ini.exists() else []
    entry = f"{PLUGIN}=true"
    if "[PythonPlugins]" not in lines:
        lines += ["", "[PythonPlugins]", entry]
    else:
        start = lines.index("[PythonPlugins]") + 1
        end = next((i for i in range(start, len(lines)) if lines[i].startswith("[")), len(lines))
        section = [line for line in lines[start:end] if not line.startswith(f"{PLUGIN}=")]
        lines[start:end] = [entry] + section
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ini


def install(profile):
    """Copy the built plugin into ``profile``/python/plugins and enable it."""
    plugin_dir = build(ROOT / "build")
    target = Path(profile) / "python" / "plugins" / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(plugin_dir, target)
    enable_in_profile(profile)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "package", "install"])
    parser.add_argument("--out", default=None, help="output folder (build, package)")
    parser.add_argument("--profile", default=str(DEFAULT_PROFILE), help="QGIS profile folder (install)")
    args = parser.parse_args(argv)
    if args.command == "build":
        print(build(args.out or ROOT / "build"))
    elif args.command == "package":
        print(package(args.out or ROOT / "dist"))
    else:
        print(install(args.profile))


if __name__ == "__main__":
    sys.exit(main())
