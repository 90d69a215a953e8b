#!/usr/bin/env bash
# The bench venv: PySAL access and spopt (with PuLP's CBC) for the comparisons of bench_accessibility.py and
# bench_location.py, pandana (contraction hierarchies) for bench_national.py. Made from the python3 on PATH
# WITHOUT system site packages: access and spopt pull numpy 2 and geopandas, which must not meet Debian's QGIS
# stack. Never a dependency of the plugin. Idempotent (marker file).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.bench-venv
MARKER="$VENV/.installed-2"  # 2: pandana added (bench_national's router comparison)
[ -f "$MARKER" ] && exit 0
[ -d "$VENV" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q "access>=1.1" "spopt>=0.6" pulp pandas scipy shapely pandana
"$VENV/bin/python" -c "import access, spopt, pulp, pandana; print('bench venv: access', access.__version__, '/ spopt', spopt.__version__, '/ pandana', pandana.__version__)"
touch "$MARKER"
