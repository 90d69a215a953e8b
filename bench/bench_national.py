"""National scale (issue 18): whole ``qgis_process`` runs on synthetic instances of 1/8, 1/4, 1/2 and all of France.

    python bench/bench_national.py [--fractions 0.125,0.25,0.5,1] [--skip-qgis-process] [--workdir DIR]
                                   [--timeout 600] [--grid-cells 2500000]

Instances (GeoPackages in EPSG:2154, written once into ``--workdir`` and reused by later runs), for a fraction f of
metropolitan France (543,940 km², a square of f x that area around the centre of Lambert-93):
  communes   a jittered grid of quadrilaterals (~34,500 x f), ``code_insee`` (text), ``population`` and the 19 age
             groups ``pop_00_04`` ... ``pop_90_plus``
  roads      a jittered grid of polylines every 1.9 km with 4 shape vertices between junctions (ROUTE 500-like:
             >= 1.33 M nodes x f), each line 6 junctions long, OSM ``highway`` classes (motorway every 40th row and
             column, primary every 8th, secondary every 4th, else tertiary/unclassified), 3 % one-way (``oneway``)
  gp_sites   ~30,000 x f GP practices drawn in proportion to the communes' population, ``n_gp`` GPs each,
             ``code_insee`` of the commune they lie in
Then, for each fraction: ``nearestfacility`` (communes -> GP sites, MAX_TIME 120, COUNT_WITHIN 30) and
``accessibilityindex`` (DREES APL, same-commune codes) as whole ``/usr/bin/qgis_process.bin`` runs with the plugin in
a throw-away profile, each timed as a process with its peak memory (``/usr/bin/time -f %M``); the growth per doubling
of the territory; the issue's goals (France under 180 s and 4 GB each) with PASS/FAIL.
Engine section (in this process, 1/8 and 1/4): ``NetworkTravel.table`` for the APL (20 min) with the searches
confined to the sub-network within reach against the whole-graph search (``LOCAL_SEARCH_SHARE = 0``: the engine before
issue 18), with a check that both give the same table; the same for nearestfacility's count within 30 min (as the
engine chooses, confining forced, whole graph); and the per-source time against a bare scipy Dijkstra on each
source's own reached sub-graph (goal: within 2x).
Last, on the largest instance, a 200 m population grid (``--grid-cells``, 2.5 M for France, scaled by the fraction:
points at the centres of distinct lattice cells with ``ind`` inhabitants): ``nearestfacility`` from every cell as one
qgis_process run, minutes only (``COUNT_WITHIN=0``; goal for France: under 5 min and 8 GB).
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FRANCE_KM2 = 543_940.0
CENTRE_XY = (700_000.0, 6_600_000.0)  # Lambert-93's false origin: central France
FRANCE_COMMUNES, FRANCE_GP_SITES = 34_500, 30_000
ROAD_SPACING_M, SHAPE_VERTICES, LINE_JUNCTIONS = 1900.0, 4, 6
AGE_FIELDS = [f"pop_{age:02d}_{age + 4:02d}" for age in range(0, 90, 5)] + ["pop_90_plus"]
#: share of each age group in France (INSEE 2021, rounded), <5 to 90+
AGE_SHARES = np.array([5.2, 5.8, 6.1, 6.0, 5.6, 5.7, 6.0, 6.3, 6.4, 6.5, 6.8, 6.7, 6.3, 5.9, 5.5, 4.1, 2.9, 1.9, 1.0])
GENERATOR_VERSION = 1
CUTOFF_APL, CUTOFF_COUNT = 20.0, 30.0
GOAL_SECONDS, GOAL_GB = 180.0, 4.0
GRID_M, GRID_CELLS = 200.0, 2_500_000  # the national 200 m population grid (Filosofi: ~2.3 M inhabited cells)
GRID_GOAL_SECONDS, GRID_GOAL_GB = 300.0, 8.0


# -- the synthetic instance --------------------------------------------------------------------------------------

def instance_dir(workdir, fraction):
    return Path(workdir) / f"france_{fraction:g}"


def road_lines(rng, origin, side_m, spacing_m=ROAD_SPACING_M, shape_vertices=SHAPE_VERTICES):
    """(list of (k, 2) vertex arrays, highway class per line, oneway value per line) of a jittered road grid:
    junctions every ``spacing_m`` metres, ``shape_vertices`` between consecutive junctions (the density)."""
    n = int(side_m // spacing_m) + 1
    axis = np.arange(n) * spacing_m
    junction = np.stack(np.meshgrid(axis, axis, indexing="ij"), axis=-1) + origin  # [row, column] -> (x, y)
    junction = junction + rng.uniform(-0.2, 0.2, size=junction.shape) * spacing_m
    lines, classes, oneway = [], [], []
    for rows_first in (True, False):
        grid = junction if rows_first else junction.transpose(1, 0, 2)  # each grid[i] is one road across
        start, end = grid[:, :-1], grid[:, 1:]  # (n, n - 1, 2) junction to junction
        along = np.arange(1, shape_vertices + 1) / (shape_vertices + 1)
        normal = (end - start)[..., ::-1] * np.array([1.0, -1.0]) / spacing_m
        shape = (start[:, :, None] + along[None, None, :, None] * (end - start)[:, :, None]
                 + rng.normal(0, 0.05 * spacing_m, size=start.shape[:2] + (shape_vertices, 1)) * normal[:, :, None])
        # every road: junction, its shape vertices, next junction, ... (n - 1) * (shape_vertices + 1) + 1 vertices
        road = np.concatenate([np.concatenate([start[:, :, None], shape], axis=2).reshape(n, -1, 2),
                               grid[:, -1:]], axis=1)
        step = (LINE_JUNCTIONS - 1) * (shape_vertices + 1)
        cuts = np.r_[np.arange(0, road.shape[1] - 1, step), road.shape[1] - 1]
        for i in range(n):
            lines.extend(road[i, begin:end + 1] for begin, end in zip(cuts[:-1], cuts[1:]))
        index = np.repeat(np.arange(n), len(cuts) - 1)
        road_class = np.where(index % 4 == 0, "secondary", rng.choice(["tertiary", "unclassified"], size=len(index)))
        road_class = np.where(index % 8 == 0, "primary", road_class)
        classes.append(np.where(index % 40 == 20, "motorway", road_class))
        border = (index == 0) | (index == n - 1)
        draw = rng.uniform(size=len(index))
        oneway.append(np.where(border | (draw > 0.03), "no", np.where(draw < 0.02, "yes", "-1")))
    return lines, np.concatenate(classes), np.concatenate(oneway)


def commune_grid(rng, origin, side_m, n_communes):
    """(quadrilaterals, codes, population, ages (m, 19)) of a jittered grid of ~``n_communes`` filling the square."""
    import shapely

    n = max(1, int(round(np.sqrt(n_communes))))
    cell = side_m / n
    axis = np.arange(n + 1) * cell
    corner = np.stack(np.meshgrid(axis, axis, indexing="ij"), axis=-1)
    inner = np.zeros((n + 1, n + 1, 1), dtype=bool)
    inner[1:-1, 1:-1] = True  # the border stays on the square
    corner = corner + np.where(inner, rng.uniform(-0.2, 0.2, size=corner.shape) * cell, 0.0) + origin
    ring = np.stack([corner[:-1, :-1], corner[1:, :-1], corner[1:, 1:], corner[:-1, 1:], corner[:-1, :-1]], axis=2)
    polygons = shapely.polygons(ring.reshape(-1, 5, 2))
    block = 21  # a "département" of 21 x 21 communes: codes 01001 ... 81441, unique text
    i, j = np.divmod(np.arange(n * n), n)
    departement = (i // block) * int(np.ceil(n / block)) + j // block + 1
    number = (i % block) * block + j % block + 1
    codes = np.char.add(np.char.zfill(departement.astype(str), 2), np.char.zfill(number.astype(str), 3))
    population = np.maximum(1, np.round(rng.lognormal(6.32, 1.6, size=n * n))).astype(np.int64)
    ages = rng.multinomial(population, AGE_SHARES / AGE_SHARES.sum())
    return polygons, codes, ages.sum(axis=1), ages


def gp_sites(rng, polygons, population, n_sites):
    """(points, commune of each) of ``n_sites`` practices, communes drawn in proportion to their population."""
    import shapely

    commune = rng.choice(len(polygons), size=n_sites, p=population / population.sum())
    centre = shapely.get_coordinates(shapely.centroid(polygons))[commune]
    size = np.sqrt(shapely.area(polygons))[commune][:, None]
    points = shapely.points(centre + rng.uniform(-0.15, 0.15, size=(n_sites, 2)) * size)
    inside, containing = shapely.STRtree(polygons).query(points, predicate="within")
    found = np.full(n_sites, -1)
    found[inside] = containing
    keep = found >= 0  # a point in no quadrilateral (never seen: the jitter keeps it inside) is left out
    return points[keep], found[keep]


def write_layer(path, name, geometry_type, geometries, fields):
    """A GeoPackage layer in EPSG:2154: ``geometries`` (shapely array) and ``fields`` {name: (ogr type, values)}."""
    import shapely
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer(name, srs, geometry_type)
    for field, (kind, _) in fields.items():
        layer.CreateField(ogr.FieldDefn(field, kind))
    definition = layer.GetLayerDefn()
    columns = [(definition.GetFieldIndex(field), values.tolist()) for field, (_, values) in fields.items()]
    layer.StartTransaction()
    for row, wkb in enumerate(shapely.to_wkb(geometries)):
        feature = ogr.Feature(definition)
        for index, values in columns:
            feature.SetField(index, values[row])
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None


def write_instance(folder, fraction, seed=18, communes=None, gp_sites_count=None, facilities=0,
                   spacing_m=ROAD_SPACING_M, shape_vertices=SHAPE_VERTICES):
    """Write (or reuse) the instance of ``fraction`` of France in ``folder``: dict of sizes and paths.

    By default France's counts times ``fraction`` at ROUTE 500-like density; ``communes`` and ``gp_sites_count``
    set other counts, ``spacing_m`` (metres between junctions) and ``shape_vertices`` (vertices between two
    junctions) another road density, ``facilities`` adds that many FINESS-like points (``finess``, text)."""
    import shapely
    from osgeo import ogr

    folder = Path(folder)
    meta_path = folder / "instance.json"
    options = dict(communes=communes, gp_sites_count=gp_sites_count, facilities=facilities, spacing_m=spacing_m,
                   shape_vertices=shape_vertices, seed=seed)
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("version") == GENERATOR_VERSION and meta.get("fraction") == fraction and \
                meta.get("options") == options:
            return meta
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    side_m = np.sqrt(FRANCE_KM2 * fraction) * 1000.0
    origin = np.array(CENTRE_XY) - side_m / 2
    lines, classes, oneway = road_lines(rng, origin, side_m, spacing_m, shape_vertices)
    polygons, codes, population, ages = commune_grid(
        rng, origin, side_m, FRANCE_COMMUNES * fraction if communes is None else communes)
    sites, commune_of_site = gp_sites(rng, polygons, population, max(1, int(round(
        FRANCE_GP_SITES * fraction if gp_sites_count is None else gp_sites_count))))
    n_gp = rng.choice([1, 2, 3, 4, 5, 6], size=len(sites), p=[0.45, 0.25, 0.13, 0.08, 0.05, 0.04])
    names = ("communes", "roads", "gp_sites") + (("facilities",) if facilities else ())
    paths = {name: folder / f"{name}.gpkg" for name in names}
    for path in paths.values():
        path.unlink(missing_ok=True)
    vertices = np.concatenate(lines)
    roads = shapely.linestrings(vertices, indices=np.repeat(np.arange(len(lines)), [len(line) for line in lines]))
    write_layer(paths["roads"], "roads", ogr.wkbLineString, roads, {
        "highway": (ogr.OFTString, classes), "oneway": (ogr.OFTString, oneway)})
    write_layer(paths["communes"], "communes", ogr.wkbPolygon, polygons, dict(
        {"code_insee": (ogr.OFTString, codes), "population": (ogr.OFTInteger, population)},
        **{name: (ogr.OFTInteger, ages[:, k]) for k, name in enumerate(AGE_FIELDS)}))
    write_layer(paths["gp_sites"], "gp_sites", ogr.wkbPoint, sites, {
        "site_id": (ogr.OFTString, np.char.add("gp", np.arange(len(sites)).astype(str))),
        "n_gp": (ogr.OFTInteger, n_gp), "code_insee": (ogr.OFTString, codes[commune_of_site])})
    if facilities:
        points, _ = gp_sites(rng, polygons, population, facilities)
        write_layer(paths["facilities"], "facilities", ogr.wkbPoint, points, {
            "finess": (ogr.OFTString, np.char.add("23000", np.char.zfill(np.arange(len(points)).astype(str), 4)))})
    meta = dict(version=GENERATOR_VERSION, fraction=fraction, options=options, side_km=side_m / 1000,
                road_lines=len(lines), road_nodes=int(len(np.unique(vertices, axis=0))),
                communes=len(polygons), gp_sites=len(sites), gps=int(n_gp.sum()),
                population=int(population.sum()), seconds=round(time.perf_counter() - start, 1),
                paths={name: str(path) for name, path in paths.items()})
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


def write_grid(folder, meta, cells=GRID_CELLS, seed=18):
    """Write (or reuse) ``grid.gpkg`` in ``folder``: ``cells`` distinct cells of a 200 m lattice over the instance's
    square, as points at their centres with ``ind`` (inhabitants, lognormal, mean ~26), like INSEE's Filosofi grid
    of inhabited cells; returns its path."""
    import shapely
    from osgeo import ogr

    path = Path(folder) / "grid.gpkg"
    stamp = Path(folder) / "grid.json"
    if path.exists() and stamp.exists() and json.loads(stamp.read_text()) == {"cells": cells, "seed": seed}:
        return path
    rng = np.random.default_rng(seed)
    side = int(meta["side_km"] * 1000 // GRID_M)
    cell = rng.choice(side * side, size=min(cells, side * side), replace=False)
    origin = np.array(CENTRE_XY) - meta["side_km"] * 500.0
    xy = origin + (np.column_stack([cell % side, cell // side]) + 0.5) * GRID_M
    inhabitants = np.maximum(1, np.round(rng.lognormal(2.6, 1.0, len(cell)))).astype(np.int64)
    path.unlink(missing_ok=True)
    write_layer(path, "grid", ogr.wkbPoint, shapely.points(xy), {
        "idcar": (ogr.OFTString, np.char.add("c", cell.astype(str))), "ind": (ogr.OFTInteger, inhabitants)})
    stamp.write_text(json.dumps({"cells": cells, "seed": seed}))
    return path


def read_instance(meta):
    """(road network as the plugin builds it, commune points on surface, GP site points) of an instance."""
    import shapely
    from osgeo import ogr

    from medical_deserts_plugin.core.network import BACKWARD, FORWARD, build_network
    from medical_deserts_plugin.core.speeds import speeds_from_classes

    def layer_of(path, fields):
        dataset = ogr.Open(path)
        layer = dataset.GetLayer(0)
        rows = [(bytes(feature.GetGeometryRef().ExportToWkb()), [feature.GetField(name) for name in fields])
                for feature in layer]
        return shapely.from_wkb([wkb for wkb, _ in rows]), np.array([values for _, values in rows], dtype=object)

    roads, attributes = layer_of(meta["paths"]["roads"], ["highway", "oneway"])
    coords, part_index = shapely.get_coordinates(roads, return_index=True)
    speed, _, _ = speeds_from_classes(attributes[:, 0], "osm_highway", 50.0)
    direction = np.select([attributes[:, 1] == "yes", attributes[:, 1] == "-1"], [FORWARD, BACKWARD], 0)
    network = build_network(coords, part_index, speed, direction)
    communes, _ = layer_of(meta["paths"]["communes"], [])
    sites, _ = layer_of(meta["paths"]["gp_sites"], [])
    return network, shapely.get_coordinates(shapely.point_on_surface(communes)), shapely.get_coordinates(sites)


# -- whole qgis_process runs -------------------------------------------------------------------------------------

def timed_process(command, env, timeout_s):
    """(seconds, peak memory in GB, error text or None) of one process, killed (its whole group) after
    ``timeout_s``."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as peak:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak.name] + command, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return time.perf_counter() - start, float("nan"), f"timeout after {timeout_s:g} s"
        seconds = time.perf_counter() - start
        text = Path(peak.name).read_text().split()
        gigabytes = int(text[-1]) / 2**20 if text and text[-1].isdigit() else float("nan")
    if process.returncode != 0:
        return seconds, gigabytes, f"exit {process.returncode}: {(out + err)[-1500:]}"
    return seconds, gigabytes, None


def algorithm_runs(meta, out_dir):
    """{name: (algorithm id, parameters)} of the two runs of an instance, as batch users write them."""
    paths = meta["paths"]
    roads = dict(ROADS=paths["roads"], ROAD_CLASS_FIELD="highway", SPEED_PRESET=0, DIRECTION_FIELD="oneway")
    return {
        "nearestfacility": ("medicaldeserts:nearestfacility", dict(
            roads, INPUT=paths["communes"], FACILITIES=paths["gp_sites"], FACILITY_ID_FIELD="site_id",
            MAX_TIME=120, COUNT_WITHIN=30, OUTPUT=str(out_dir / "nearest.gpkg"))),
        "accessibilityindex": ("medicaldeserts:accessibilityindex", dict(
            roads, INPUT=paths["communes"], AGE_FIELD_PREFIX="pop_", DEMAND_CODE_FIELD="code_insee",
            SUPPLY=paths["gp_sites"], SUPPLY_FIELD="n_gp", SUPPLY_CODE_FIELD="code_insee", METHOD=0,
            OUTPUT=str(out_dir / "apl.gpkg"))),
    }


def bench_grid(meta, workdir, timeout_s, cells):
    """``nearestfacility`` from every cell of a 200 m grid of ``cells`` points to the GP sites, as one whole
    qgis_process run, with the goal (France: under 5 min and 8 GB)."""
    from scripts.plugin_tool import install
    from scripts.qgis_runner import QGIS_PROCESS, qgis_process_env

    folder = instance_dir(workdir, meta["fraction"])
    seconds, grid = timed(lambda: write_grid(folder, meta, cells))
    print(f"\n== 200 m grid, {fraction_label(meta['fraction'])}: {cells:,} cells ({grid}, ready in {seconds:.1f} s)",
          flush=True)
    output = folder / "out" / "grid_nearest.gpkg"
    output.parent.mkdir(exist_ok=True)
    output.unlink(missing_ok=True)
    paths = meta["paths"]
    parameters = dict(ROADS=paths["roads"], ROAD_CLASS_FIELD="highway", SPEED_PRESET=0, DIRECTION_FIELD="oneway",
                      INPUT=str(grid), FACILITIES=paths["gp_sites"], FACILITY_ID_FIELD="site_id", MAX_TIME=120,
                      COUNT_WITHIN=0, OUTPUT=str(output))
    with tempfile.TemporaryDirectory(prefix="national-grid-") as config:
        install(Path(config) / "profiles" / "default")
        command = [QGIS_PROCESS, "--json", "run", "medicaldeserts:nearestfacility", "--"] + [
            f"{key}={value}" for key, value in parameters.items()]
        seconds, gigabytes, error = timed_process(command, qgis_process_env(config), timeout_s)
    verdict = "PASS" if not error and seconds < GRID_GOAL_SECONDS and gigabytes < GRID_GOAL_GB else "FAIL"
    print(f"  nearestfacility, {cells:,} cells -> {meta['gp_sites']:,} GP sites on {meta['road_nodes']:,} road nodes: "
          f"{seconds:.1f} s, {gigabytes:.2f} GB (goal for France: < {GRID_GOAL_SECONDS:.0f} s, < {GRID_GOAL_GB:.0f} GB)"
          f"   {verdict}" + (f"   [{error.splitlines()[0]}]" if error else ""), flush=True)


def bench_qgis_process(instances, workdir, timeout_s):
    """Whole qgis_process runs of both algorithms on every instance: {(fraction, name): (s, GB, error)}."""
    from scripts.plugin_tool import install
    from scripts.qgis_runner import QGIS_PROCESS, qgis_process_env

    results = {}
    with tempfile.TemporaryDirectory(prefix="national-qgis-") as config:
        install(Path(config) / "profiles" / "default")
        env = qgis_process_env(config)
        seconds, _, error = timed_process([QGIS_PROCESS, "--json", "help", "medicaldeserts:nearestfacility"], env,
                                          timeout_s)
        print(f"  QGIS start-up with the plugin (qgis_process help, in every run below): {seconds:.1f} s"
              + (f" FAILED ({error})" if error else ""), flush=True)
        for meta in instances:
            out_dir = instance_dir(workdir, meta["fraction"]) / "out"
            out_dir.mkdir(exist_ok=True)
            for name, (algorithm, parameters) in algorithm_runs(meta, out_dir).items():
                Path(parameters["OUTPUT"]).unlink(missing_ok=True)
                command = [QGIS_PROCESS, "--json", "run", algorithm, "--"] + [
                    f"{key}={value}" for key, value in parameters.items()]
                seconds, gigabytes, error = timed_process(command, env, timeout_s)
                results[meta["fraction"], name] = (seconds, gigabytes, error)
                state = f"FAILED ({error})" if error else "ok"
                print(f"  {fraction_label(meta['fraction']):7s} {name:18s} {seconds:7.1f} s  {gigabytes:5.2f} GB  {state}",
                      flush=True)
    return results


def print_qgis_table(instances, results):
    names = ("nearestfacility", "accessibilityindex")
    print("\n| fraction | road nodes | communes | GP sites | nearestfacility s | GB | accessibilityindex s | GB |")
    print("|---|---|---|---|---|---|---|---|")
    for meta in instances:
        cells = []
        for name in names:
            seconds, gigabytes, error = results[meta["fraction"], name]
            cells += [f"{seconds:.1f}" + (" (timeout)" if error and "timeout" in error else " (failed)" if error
                                          else ""), f"{gigabytes:.2f}"]
        print(f"| {fraction_label(meta['fraction'])} | {meta['road_nodes']:,} | {meta['communes']:,} | "
              f"{meta['gp_sites']:,} | " + " | ".join(cells) + " |")
    print("\nGrowth per doubling of the territory, time(2x) / time(x) (issue 18: x4.5 before; goal linear, ~x2):")
    for small, large in zip(instances, instances[1:]):
        if large["fraction"] != 2 * small["fraction"]:
            continue
        ratios = [results[large["fraction"], name][0] / results[small["fraction"], name][0] for name in names]
        print(f"  {fraction_label(small['fraction'])} -> {fraction_label(large['fraction'])}: "
              + "   ".join(f"{name} x{ratio:.2f}" for name, ratio in zip(names, ratios)))
    france = [meta for meta in instances if meta["fraction"] == 1]
    if france:
        print(f"\nGoals of issue 18 for France (each under {GOAL_SECONDS:.0f} s and {GOAL_GB:.0f} GB, 2 cores):")
        for name in names:
            seconds, gigabytes, error = results[1, name]
            verdict = "PASS" if not error and seconds < GOAL_SECONDS and gigabytes < GOAL_GB else "FAIL"
            print(f"  {name:18s} {seconds:7.1f} s (goal < {GOAL_SECONDS:.0f})   {gigabytes:5.2f} GB "
                  f"(goal < {GOAL_GB:.0f})   {verdict}" + (f"   [{error.splitlines()[0]}]" if error else ""))
    else:
        print("\nGoals of issue 18 (France under 180 s and 4 GB each): not measured, France was not in --fractions")


def fraction_label(fraction):
    return "France" if fraction == 1 else f"1/{1 / fraction:g}"


# -- the engine alone --------------------------------------------------------------------------------------------

def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def same_tables(first, second):
    """Same pairs and minutes equal to 1e-9."""
    def ordered(table):
        order = np.lexsort((table.destination, table.origin))
        return table.origin[order], table.destination[order], table.minutes[order]

    (o1, d1, m1), (o2, d2, m2) = ordered(first), ordered(second)
    return len(o1) == len(o2) and np.array_equal(o1, o2) and np.array_equal(d1, d2) and \
        bool(np.all(np.abs(m1 - m2) <= 1e-9))


def table_with_share(travel, origins_xy, destinations_xy, cutoff_minutes, share):
    """``travel.table`` with ``LOCAL_SEARCH_SHARE`` set to ``share`` (0: the whole-graph search, the engine
    before issue 18; 1: confined whenever the square within reach is not larger than the territory)."""
    from medical_deserts_plugin.core import network as engine

    kept, engine.LOCAL_SEARCH_SHARE = engine.LOCAL_SEARCH_SHARE, share
    try:
        return travel.table(origins_xy, destinations_xy, cutoff_minutes)
    finally:
        engine.LOCAL_SEARCH_SHARE = kept


def bench_engine(meta, n_sampled=200, seed=18):
    """The APL's table (communes x GP sites within 20 min) confined and on the whole graph, the same for
    nearestfacility's count within 30 min, and our per-source time against a bare Dijkstra on each sampled
    source's reached sub-graph."""
    from scipy.sparse.csgraph import dijkstra

    from medical_deserts_plugin.core import network as engine
    from medical_deserts_plugin.core.network import NetworkTravel, place_on_network

    seconds_read, (network, communes_xy, sites_xy) = timed(lambda: read_instance(meta))
    print(f"\n== engine, {fraction_label(meta['fraction'])}: {network.node_count:,} nodes, {len(communes_xy):,} "
          f"communes, {len(sites_xy):,} GP sites (read and built in {seconds_read:.1f} s); table within "
          f"{CUTOFF_APL:g} min")
    travel = NetworkTravel(network)
    first, confined = timed(lambda: travel.table(communes_xy, sites_xy, CUTOFF_APL))
    warm, _ = timed(lambda: travel.table(communes_xy, sites_xy, CUTOFF_APL))
    whole, whole_table = timed(lambda: table_with_share(travel, communes_xy, sites_xy, CUTOFF_APL, 0.0))
    print(f"  confined {warm:6.2f} s (first call, placing included, {first:.2f} s)   whole graph {whole:6.2f} s   "
          f"{whole / warm:5.1f}x faster   "
          f"{len(confined):,} pairs   same times: {'yes' if same_tables(confined, whole_table) else 'no'}")
    # nearestfacility's count within 30 min: there the square within reach may pass LOCAL_SEARCH_SHARE of the
    # territory, and the whole graph is searched; forced confining shows what that costs.
    (default, _), (forced, forced_table), (whole, whole_table) = (
        timed(lambda: table_with_share(travel, communes_xy, sites_xy, CUTOFF_COUNT, share))
        for share in (engine.LOCAL_SEARCH_SHARE, 1.0, 0.0))
    print(f"  within {CUTOFF_COUNT:g} min (nearestfacility's count): as the engine chooses {default:6.2f} s   "
          f"confining forced {forced:6.2f} s   whole graph {whole:6.2f} s   {len(whole_table):,} pairs   "
          f"same times: {'yes' if same_tables(forced_table, whole_table) else 'no'}")

    # Bare scipy on each sampled source's reached sub-graph, from the side the table searches from.
    places_xy = np.vstack([communes_xy, sites_xy])
    placed = place_on_network(network, places_xy, travel.access_speed_kmh)
    commune_nodes, site_nodes = (np.unique(nodes[nodes >= 0]) for nodes in
                                 (placed.place_node[:len(communes_xy)], placed.place_node[len(communes_xy):]))
    from_sites = len(site_nodes) < len(commune_nodes)
    sources = site_nodes if from_sites else commune_nodes
    graph = placed.reversed_graph if from_sites else placed.graph
    sample = np.random.default_rng(seed).choice(sources, size=min(n_sampled, len(sources)), replace=False)
    bare, reached_nodes = 0.0, 0
    for source in sample:
        reached = np.flatnonzero(np.isfinite(dijkstra(graph, indices=source, limit=CUTOFF_APL)))
        sub = graph[reached][:, reached].tocsr()
        local = int(np.searchsorted(reached, source))
        seconds, _ = timed(lambda: dijkstra(sub, indices=local, limit=CUTOFF_APL))
        bare += seconds
        reached_nodes += len(reached)
    ours_per_source, bare_per_source = warm / len(sources), bare / len(sample)
    ratio = ours_per_source / bare_per_source
    print(f"  per source ({len(sources):,} {'GP sites' if from_sites else 'communes'} searched, on average "
          f"{reached_nodes / len(sample):,.0f} nodes reached): ours {1000 * ours_per_source:.3f} ms ("
          f"whole table / sources) vs bare scipy dijkstra on its reached sub-graph {1000 * bare_per_source:.3f} ms "
          f"({len(sample)} sampled): ratio {ratio:.2f} (goal <= 2: {'PASS' if ratio <= 2 else 'FAIL'})")
    # Our table (on the graph without chain nodes) against Dijkstra on every vertex, from the sampled sources.
    of_source = placed.place_node[len(communes_xy):] if from_sites else placed.place_node[:len(communes_xy)]
    of_target = placed.place_node[:len(communes_xy)] if from_sites else placed.place_node[len(communes_xy):]
    pair_source = of_source[confined.destination] if from_sites else of_source[confined.origin]
    pair_target = of_target[confined.origin] if from_sites else of_target[confined.destination]
    sample = np.sort(sample)
    mine = np.isin(pair_source, sample)
    expected = dijkstra(graph, indices=sample, limit=CUTOFF_APL)[np.searchsorted(sample, pair_source[mine]),
                                                                  pair_target[mine]]
    difference = np.abs(confined.minutes[mine] - expected).max()
    print(f"  against Dijkstra on every vertex ({mine.sum():,} pairs of the sampled sources): largest difference "
          f"{difference:.1e} min (goal <= 1e-9: {'PASS' if difference <= 1e-9 else 'FAIL'})")
    compare_pandana(placed, graph, of_source, of_target, confined, from_sites, warm)


def compare_pandana(placed, graph, of_source, of_target, table, from_sites, ours_seconds):
    """pandana's contraction hierarchies (``nodes_in_range``, in the bench venv) on the same placed graph and
    sources: its build and query seconds against our table's, and the largest difference in minutes."""
    setup = subprocess.run(["bash", str(ROOT / "bench" / "setup_bench_venv.sh")], capture_output=True, text=True)
    if setup.returncode != 0:
        print(f"  pandana: the bench venv could not be made ({setup.stderr.strip()[-300:]})")
        return
    coo = graph.tocoo()
    with tempfile.TemporaryDirectory(prefix="pandana-") as folder:
        path = Path(folder) / "instance.npz"
        np.savez(path, xy=placed.node_xy, fr=coo.row, to=coo.col, w=coo.data, src=of_source, dst=of_target,
                 o=table.origin if from_sites else table.destination,  # the target place of each pair
                 d=table.destination if from_sites else table.origin, m=table.minutes)  # its source place
        done = subprocess.run([str(ROOT / ".bench-venv" / "bin" / "python"), str(ROOT / "bench" / "pandana_range.py"),
                               str(path), str(CUTOFF_APL)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  pandana failed: {done.stderr.strip()[-300:]}")
        return
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  pandana {result['build_s']:.1f} s to build its contraction hierarchy, {result['query_s']:.2f} s for "
          f"nodes_in_range ({result['rows']:,} rows, {result['found']:,} of our {result['pairs']:,} pairs, largest "
          f"difference {result['max_diff']:.3f} min: pandana rounds its weights) against our table "
          f"{ours_seconds:.2f} s: ours {result['query_s'] / ours_seconds:.1f}x faster on the query alone, "
          f"{(result['build_s'] + result['query_s']) / ours_seconds:.1f}x with its build")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fractions", default="0.125,0.25,0.5,1")
    parser.add_argument("--skip-qgis-process", action="store_true")
    parser.add_argument("--workdir", default="/tmp/medical-deserts-national")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per qgis_process run")
    parser.add_argument("--grid-cells", type=int, default=GRID_CELLS,
                        help="cells of the 200 m grid run on the largest instance (0: no grid run); scaled by its "
                             "fraction of France")
    args = parser.parse_args()
    fractions = sorted(float(value) for value in args.fractions.split(","))

    print(f"== instances (cached in {args.workdir})")
    instances = []
    for fraction in fractions:
        meta = write_instance(instance_dir(args.workdir, fraction), fraction)
        instances.append(meta)
        print(f"  {fraction_label(fraction):7s} {meta['side_km']:5.0f} km square: {meta['road_nodes']:,} road nodes "
              f"({meta['road_lines']:,} lines), {meta['communes']:,} communes, {meta['gp_sites']:,} GP sites "
              f"({meta['gps']:,} GPs), {meta['population']:,} inhabitants; written in {meta['seconds']} s")
    if not args.skip_qgis_process:
        print(f"\n== whole qgis_process runs ({os.cpu_count()} cores; load {os.getloadavg()[0]:.2f})", flush=True)
        results = bench_qgis_process(instances, args.workdir, args.timeout)
        print_qgis_table(instances, results)
    for meta in instances:
        if meta["fraction"] in (0.125, 0.25):
            bench_engine(meta)
    if args.grid_cells and not args.skip_qgis_process:
        largest = instances[-1]
        bench_grid(largest, args.workdir, args.timeout, int(args.grid_cells * largest["fraction"]))


if __name__ == "__main__":
    main()
