"""Run Processing algorithms through ``/usr/bin/qgis_process.bin``, as batch users do (demo, bench, tests)."""

import json
import os
import subprocess
import sysconfig

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's qgis_process wrapper passes a flag QGIS 3.22 rejects


def qgis_process_env(config_path=None, venv_libraries=True):
    """Environment for qgis_process.bin: headless, the venv's shapely 2 importable (unless ``venv_libraries`` is
    False: then only the system Python's libraries, as for a stock QGIS), and optionally a custom QGIS
    configuration folder (whose ``profiles/default`` holds the installed plugin)."""
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=sysconfig.get_paths()["purelib"])
    if not venv_libraries:
        del env["PYTHONPATH"]
        env.pop("VIRTUAL_ENV", None)
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    if config_path is not None:
        env["QGIS_CUSTOM_CONFIG_PATH"] = str(config_path)
    return env


def run_algorithm(algorithm, parameters, env, executable=QGIS_PROCESS, timeout=3600):
    """``qgis_process.bin --json run algorithm -- NAME=value ...``; returns the parsed JSON (``results`` etc.).
    Raises RuntimeError with the tool's own message when it fails."""
    command = [executable, "--json", "run", algorithm, "--"] + [
        f"{name}={value}" for name, value in parameters.items() if value is not None]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0 or "{" not in done.stdout:
        raise RuntimeError(f"{algorithm} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout[done.stdout.index("{"):])
