"""A reused 4 M-pair travel-time table (issue 18): our whole ``accessibilityindex`` run against a PySAL ``access``
script doing the same, and against GDAL's read of the table file alone.

    python bench/bench_table.py [--workdir DIR] [--repeat 3] [--format csv,gpkg]

Runs in the project's venv (qgis, GDAL); the PySAL script runs in the bench venv (made on first use by
``setup_bench_venv.sh``), through this same file with ``--pysal``. The instance (seeded, written once into
``--workdir`` and reused): 20,000 demand points and 2,000 supply points uniform in a 150 x 150 km square of
Lambert-93, ``dem_id`` "d0".."d19999" and ``sup_id`` "s0".."s1999" (text), ``population`` (lognormal) and ``n_gp``
(1 to 5); the table holds each demand point's 200 nearest supply points (4,000,000 pairs, by demand point then by
time) with minutes = km x a detour in [1.1, 1.5] at 60 km/h, 3 decimals, about half of them within 30 min; written
as a CSV (GDAL reads every column as text: the minutes are parsed) and as a GeoPackage table (minutes a real).
Timed, median of ``--repeat`` runs with the files in the page cache:
  read      GDAL's Arrow stream of the table's three columns, in this process (as the plugin reads it);
  ours      ``qgis_process.bin run medicaldeserts:accessibilityindex`` with TRAVEL_TABLE, METHOD 1 (2SFCA, CUTOFF
            30) and METHOD 2 (E2SFCA, bands 10:1, 20:0.68, 30:0.22), SCALE 1, a GeoPackage output: the whole
            process, QGIS start-up included (printed apart);
  pysal     a Python process in the bench venv: pandas ``read_csv`` (or geopandas for the GeoPackage table),
            geopandas ``read_file`` of the two layers, access ``two_stage_fca`` / ``enhanced_two_stage_fca``, the
            demand layer with the index written by geopandas to a GeoPackage.
Both outputs are compared on every demand unit (to 1e-9 relative; access's NaN for a unit that reaches nothing is
our 0). Goals (issue 18): ours <= pysal, and ours <= 3 x read.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

N_DEMAND, N_SUPPLY, PER_DEMAND, SIDE_KM = 20_000, 2_000, 200, 150.0
ORIGIN_XY = (650_000.0, 6_550_000.0)
CUTOFF, BANDS = 30.0, {10: 1.0, 20: 0.68, 30: 0.22}
GENERATOR_VERSION = 1
RTOL = 1e-9
GOAL_READ_FACTOR = 3.0
METHODS = {"2sfca": 1, "e2sfca": 2}


# -- the instance ------------------------------------------------------------------------------------------------

def write_instance(folder, seed=18):
    """Write (or reuse) the instance in ``folder``: dict of sizes and paths."""
    from osgeo import gdal, ogr
    from scipy.spatial import cKDTree
    import pandas as pd
    import shapely
    from bench_national import write_layer

    folder = Path(folder)
    meta_path = folder / "instance.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("version") == GENERATOR_VERSION and all(Path(p).exists() for p in meta["paths"].values()):
            return meta
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    demand_xy = rng.uniform(0, SIDE_KM, (N_DEMAND, 2))
    supply_xy = rng.uniform(0, SIDE_KM, (N_SUPPLY, 2))
    km, destination = cKDTree(supply_xy).query(demand_xy, PER_DEMAND)
    minutes = np.round(km * rng.uniform(1.1, 1.5, km.shape), 3)
    order = np.argsort(minutes, axis=1, kind="stable")  # each demand point's pairs by time, as a router lists them
    minutes, destination = np.take_along_axis(minutes, order, 1), np.take_along_axis(destination, order, 1)
    paths = {name: str(folder / file) for name, file in (
        ("demand", "demand.gpkg"), ("supply", "supply.gpkg"), ("csv", "table.csv"), ("gpkg", "table.gpkg"))}
    for name, prefix, xy, value_field, values in (
            ("demand", "d", demand_xy, "population", np.round(rng.lognormal(6.0, 1.2, N_DEMAND)) + 1),
            ("supply", "s", supply_xy, "n_gp", rng.integers(1, 6, N_SUPPLY).astype(float))):
        Path(paths[name]).unlink(missing_ok=True)
        points = shapely.points(np.asarray(ORIGIN_XY) + 1000.0 * xy)
        ids = np.char.add(prefix, np.arange(len(xy)).astype(str)).astype(object)
        write_layer(paths[name], name, ogr.wkbPoint, points, {
            f"{name[:3]}_id": (ogr.OFTString, ids), value_field: (ogr.OFTReal, values)})
    pd.DataFrame({
        "origin_id": np.repeat(np.char.add("d", np.arange(N_DEMAND).astype(str)), PER_DEMAND),
        "destination_id": np.char.add("s", destination.ravel().astype(str)),
        "minutes": minutes.ravel(),
    }).to_csv(paths["csv"], index=False, float_format="%.3f")
    Path(paths["gpkg"]).unlink(missing_ok=True)
    gdal.UseExceptions()
    source = gdal.OpenEx(paths["csv"], gdal.OF_VECTOR, open_options=["AUTODETECT_TYPE=YES"])  # minutes: a real
    gdal.VectorTranslate(paths["gpkg"], source, format="GPKG", layerName="table")
    source = None
    meta = {"version": GENERATOR_VERSION, "paths": paths, "pairs": int(minutes.size),
            "within_cutoff": int((minutes <= CUTOFF).sum()),
            "bytes": {name: os.path.getsize(path) for name, path in paths.items()}}
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


# -- the three timings -------------------------------------------------------------------------------------------

def median_of(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def gdal_read(path):
    """The table's three columns through GDAL's Arrow stream, as ``processing/layers._read_in_bulk`` reads them:
    number of rows."""
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    layer = dataset.GetLayer(0)
    layer.SetIgnoredFields(["OGR_STYLE"])
    rows = sum(len(batch["minutes"]) for batch in layer.GetArrowStreamAsNumPy(["INCLUDE_FID=YES"]))
    del layer, dataset
    return rows


def run_process(command, env=None):
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{command[:4]} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def ours_command(meta, table, method, output):
    from scripts.qgis_runner import QGIS_PROCESS

    parameters = dict(INPUT=meta["paths"]["demand"], POPULATION_FIELD="population", DEMAND_ID_FIELD="dem_id",
                      SUPPLY=meta["paths"]["supply"], SUPPLY_FIELD="n_gp", SUPPLY_ID_FIELD="sup_id",
                      METHOD=METHODS[method], CUTOFF=CUTOFF, SCALE=1, TRAVEL_TABLE=meta["paths"][table],
                      OUTPUT=output)
    return [QGIS_PROCESS, "--json", "run", "medicaldeserts:accessibilityindex", "--"] + [
        f"{key}={value}" for key, value in parameters.items()]


def pysal_script(meta_path, table, method, output):
    """Run in the bench venv: read, compute with access, write (the ``--pysal`` mode of this file)."""
    import geopandas as gpd
    import pandas as pd
    from access import Access, weights

    meta = json.loads(Path(meta_path).read_text())
    paths = meta["paths"]
    demand = gpd.read_file(paths["demand"])
    supply = gpd.read_file(paths["supply"])
    if table == "csv":
        cost = pd.read_csv(paths["csv"], dtype={"origin_id": str, "destination_id": str, "minutes": float})
    else:
        cost = gpd.read_file(paths["gpkg"])
    acc = Access(demand_df=demand, demand_index="dem_id", demand_value="population", supply_df=supply,
                 supply_index="sup_id", supply_value="n_gp", cost_df=cost, cost_origin="origin_id",
                 cost_dest="destination_id", cost_name="minutes")
    if method == "2sfca":
        index = acc.two_stage_fca(name="2sfca", max_cost=CUTOFF)["2sfca_n_gp"]
    else:
        index = acc.enhanced_two_stage_fca(name="e2sfca", max_cost=CUTOFF,
                                           weight_fn=weights.step_fn(BANDS))["e2sfca_n_gp"]
    demand["access_index"] = index.reindex(demand["dem_id"]).to_numpy()
    demand.to_file(output, driver="GPKG")


def output_index(path):
    """{dem_id: access_index} of an output GeoPackage (NaN and NULL as 0)."""
    from osgeo import ogr

    dataset = ogr.Open(path)
    values = {feature["dem_id"]: feature["access_index"] for feature in dataset.GetLayer(0)}
    return {key: 0.0 if value is None or value != value else value for key, value in values.items()}


def compare(ours_path, theirs_path):
    ours, theirs = output_index(ours_path), output_index(theirs_path)
    assert sorted(ours) == sorted(theirs) and len(ours) == N_DEMAND, "the outputs hold different units"
    keys = sorted(ours)
    a = np.array([ours[k] for k in keys])
    b = np.array([theirs[k] for k in keys])
    rel = float(np.max(np.abs(a - b) / np.maximum(np.abs(b), np.finfo(float).tiny)))
    return rel, bool(np.allclose(a, b, rtol=RTOL, atol=0.0)), int((b == 0).sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", default=str(Path(os.environ.get("TMPDIR", "/tmp")) / "bench-table"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="csv,gpkg")
    parser.add_argument("--method", default=",".join(METHODS))
    parser.add_argument("--pysal", nargs=4, metavar=("META", "TABLE", "METHOD", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pysal:
        return pysal_script(*args.pysal)

    import tempfile

    from scripts.plugin_tool import install
    from scripts.qgis_runner import QGIS_PROCESS, qgis_process_env

    subprocess.run(["bash", str(HERE / "setup_bench_venv.sh")], check=True)
    bench_python = str(ROOT / ".bench-venv" / "bin" / "python")
    workdir = Path(args.workdir)
    start = time.perf_counter()
    meta = write_instance(workdir)
    print(f"instance in {workdir} ({time.perf_counter() - start:.1f} s): {N_DEMAND:,} demand x {N_SUPPLY:,} supply "
          f"points, {meta['pairs']:,} pairs ({meta['within_cutoff']:,} within {CUTOFF:g} min); table.csv "
          f"{meta['bytes']['csv'] / 1e6:.0f} MB, table.gpkg {meta['bytes']['gpkg'] / 1e6:.0f} MB; "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; median of {args.repeat} run(s), seconds",
          flush=True)
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    failures, goals = [], []
    with tempfile.TemporaryDirectory(prefix="bench-table-qgis-") as config:
        install(Path(config) / "profiles" / "default")
        env = qgis_process_env(config)
        startup = median_of(lambda: run_process(
            [QGIS_PROCESS, "--json", "help", "medicaldeserts:accessibilityindex"], env), args.repeat)
        print(f"QGIS start-up with the plugin (qgis_process help; in every 'ours' below): {startup:.2f} s")
        python_startup = median_of(lambda: run_process(
            [bench_python, "-c", "import geopandas, access, pandas"]), args.repeat)
        print(f"bench venv start-up with geopandas, access (in every 'pysal' below): {python_startup:.2f} s")
        print("\n| table | method | GDAL read s | ours s | pysal s | ours / pysal | ours / read | max rel diff |")
        print("|---|---|---|---|---|---|---|---|")
        for table in args.format.split(","):
            read_s = median_of(lambda: gdal_read(meta["paths"][table]), args.repeat)
            for method in args.method.split(","):
                ours_out, theirs_out = out / f"ours_{table}_{method}.gpkg", out / f"pysal_{table}_{method}.gpkg"

                def ours():
                    ours_out.unlink(missing_ok=True)
                    run_process(ours_command(meta, table, method, ours_out), env)

                def theirs():
                    theirs_out.unlink(missing_ok=True)
                    run_process([bench_python, __file__, "--pysal", str(workdir / "instance.json"), table, method,
                                 str(theirs_out)])

                ours_s = median_of(ours, args.repeat)
                theirs_s = median_of(theirs, args.repeat)
                rel, same, unserved = compare(str(ours_out), str(theirs_out))
                if not same:
                    failures.append(f"{table} {method}")
                print(f"| {table} | {method} | {read_s:.2f} | {ours_s:.2f} | {theirs_s:.2f} | "
                      f"{ours_s / theirs_s:.2f} | {ours_s / read_s:.2f} | {rel:.1e}{'' if same else ' MISMATCH'} |",
                      flush=True)
                goals.append((f"{table} {method}: ours <= pysal", ours_s <= theirs_s))
                goals.append((f"{table} {method}: ours <= {GOAL_READ_FACTOR:g} x read",
                              ours_s <= GOAL_READ_FACTOR * read_s))
    print(f"\n({unserved} demand unit(s) reach no supply within {CUTOFF:g} min: NaN in access, 0 in ours)")
    print("goals (issue 18):")
    for name, ok in goals:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    if failures:
        sys.exit(f"results differ from PySAL access: {', '.join(failures)}")


if __name__ == "__main__":
    main()
