"""``make bench``: every benchmark in this folder, one after the other, each in its own process.

    python bench/run_all.py [--only network,rpps,catchment,accessibility,location,national,apl_fidelity,table,
                             departement]
                            [--real-data ../shared/data/real]

Each bench prints its sizes, seconds and the ratio to the reference it names. The real-data folder (the project's
shared validation data) is used by the benches that know it, when it exists; nothing from it enters the project.
The benches against PySAL (access, spopt) run in the separate bench venv, made on first use by setup_bench_venv.sh.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH_VENV_PYTHON = HERE.parent / ".bench-venv" / "bin" / "python"
#: name -> (runs in the bench venv, script, options that take the real-data folder)
BENCHES = {
    "network": (False, "bench_network.py", ["--real-data"]),
    "rpps": (False, "bench_rpps.py", []),
    "catchment": (False, "bench_catchment.py", ["--real-data"]),
    "accessibility": (True, "bench_accessibility.py", []),
    "location": (True, "bench_location.py", []),
    "national": (False, "bench_national.py", []),
    "apl_fidelity": (False, "bench_apl_fidelity.py", ["--real-data"]),
    "table": (False, "bench_table.py", []),  # runs its PySAL part in the bench venv itself
    "departement": (False, "bench_departement.py", []),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(BENCHES))
    parser.add_argument("--real-data", default=str(HERE.parent.parent / "shared" / "data" / "real"))
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    failed = []
    for name in args.only.split(","):
        in_bench_venv, script, options = BENCHES[name]
        if in_bench_venv:
            subprocess.run(["bash", str(HERE / "setup_bench_venv.sh")], check=True)
        python = str(BENCH_VENV_PYTHON) if in_bench_venv else sys.executable
        command = [python, str(HERE / script)] + [
            value for option in options for value in (option, args.real_data)]
        print(f"\n##### {name}: {' '.join(command[1:])}", flush=True)
        if subprocess.run(command, env=env).returncode != 0:
            failed.append(name)
    if failed:
        sys.exit(f"benches that failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
