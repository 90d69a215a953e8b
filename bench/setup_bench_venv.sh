#!/usr/bin/env bash
# The bench venv: PySAL access and spopt (with PuLP's CBC) for the comparisons of bench_accessibility.py and
# bench_location.py. Made from the python3 on PATH WITHOUT system site packages: access and spopt pull numpy 2 and
# geopandas, which must not meet Debian's QGIS stack. Never a dependency of the plugin. Idempotent (marker file).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.bench-venv
MARKER="$VENV/.installed"
[ -f "$MARKER" ] && exit 0
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q "access>=1.1" "spopt>=0.6" pulp pandas scipy shapely
"$VENV/bin/python" -c "import access, spopt, pulp; print('bench venv: access', access.__version__, '/ spopt', spopt.__version__)"
touch "$MARKER"
