"""Catchment polygons against what QGIS users do today with QGIS's own tools.

    python bench/bench_catchment.py [--real-data ../shared/data/real] [--repeat 3] [--bands 10,15,20,30]

Cases: the embedded sample département and, when the real-data folder is there, Creuse (23) real roads with its GP
practice sites; one speed everywhere (50 km/h, no one-way: QGIS's native tools have no class presets), the GP
sites as facilities, the bands 10, 15, 20 and 30 minutes, one polygon per facility and band.
  corridors  ours `catchmentareas` (road corridors of 200 m, disks)
             vs, per band, `native:serviceareafromlayer` (lines) -> `native:buffer` 200 m -> `native:dissolve` by
             facility: the same kind of polygon, built the way a user chains it in the modeler
  hulls      ours `catchmentareas` (concave hull) vs, per band, `native:serviceareafromlayer` (lines) ->
             `qgis:knearestconcavehull` grouped by facility (QGIS 3.22's concave hull that can group)
  nodes      reached road nodes: for every facility and band, the graph vertices on QGIS's service-area lines
             against the nodes ours reaches within the band. QGIS measures lengths on the ellipsoid and we on the
             Lambert-93 plane (0.1 % apart here), so a node within 0.3 % of the band limit may fall either side;
             QGIS's lines also carry the far end vertex of each edge that crosses the limit (not reached). The
             bench counts both apart and asserts that no other node differs.
Times: median of --repeat runs in one process (the native chains once each when they exceed a minute), seconds.
Target: ours >= 20x faster end to end.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench_network import SPEED_KMH, cases, median_seconds, network_arrays, point_layer, print_rows, xy_of

BUFFER_M = 200.0
BORDER = 0.003  # relative time band around a limit where the ellipsoid and the plane may disagree


def native_service_areas(roads, sites, band):
    import processing

    return processing.run("native:serviceareafromlayer", {
        "INPUT": roads, "STRATEGY": 1, "DEFAULT_SPEED": SPEED_KMH, "TOLERANCE": 0.5, "START_POINTS": sites,
        "TRAVEL_COST2": band / 60.0, "OUTPUT": "memory:"})["OUTPUT"]


def native_corridors(roads, sites, bands):
    import processing

    for band in bands:
        lines = native_service_areas(roads, sites, band)
        buffered = processing.run("native:buffer", {"INPUT": lines, "DISTANCE": BUFFER_M, "SEGMENTS": 2,
                                                    "OUTPUT": "memory:"})["OUTPUT"]
        processing.run("native:dissolve", {"INPUT": buffered, "FIELD": ["id"], "OUTPUT": "memory:"})


def native_hulls(roads, sites, bands, algorithm):
    """Service-area lines then a hull per facility: ``qgis:knearestconcavehull`` or, where it fails, the convex
    hull per facility of ``qgis:minimumboundinggeometry``."""
    import processing

    for band in bands:
        lines = native_service_areas(roads, sites, band)
        if algorithm == "qgis:knearestconcavehull":
            processing.run(algorithm, {"INPUT": lines, "KNEIGHBORS": 3, "FIELD": "id", "OUTPUT": "memory:"})
        else:
            processing.run(algorithm, {"INPUT": lines, "FIELD": "id", "TYPE": 3, "OUTPUT": "memory:"})


def hull_row(roads, sites, bands, repeat):
    """Our concave hulls against QGIS's grouped concave hull, or its grouped convex hull when that one fails."""
    ours_s = timed(lambda: ours(roads, sites, bands, 1), repeat)
    try:
        return "hulls", ours_s, "serviceareafromlayer + knearestconcavehull", \
            timed(lambda: native_hulls(roads, sites, bands, "qgis:knearestconcavehull"), 1)
    except Exception as error:  # noqa: BLE001 (QGIS's Python algorithm fails on its own; say how)
        print(f"  (qgis:knearestconcavehull failed: {type(error).__name__}: {str(error).splitlines()[-1][:120]}; "
              "timing the convex hull per facility instead)")
        return "hulls", ours_s, "serviceareafromlayer + minimumboundinggeometry (convex)", \
            timed(lambda: native_hulls(roads, sites, bands, "qgis:minimumboundinggeometry"), 1)


def ours(roads, sites, bands, shape):
    import processing

    return processing.run("medicaldeserts:catchmentareas", {
        "INPUT": sites, "FACILITY_ID_FIELD": "id", "BANDS": ",".join(f"{b:g}" for b in bands), "ROADS": roads,
        "DEFAULT_SPEED": SPEED_KMH, "BUFFER_WIDTH": BUFFER_M, "SHAPE": shape, "DIRECTION": 1,
        "OUTPUT": "memory:"})["OUTPUT"]


def timed(function, repeat):
    """Median seconds of ``function`` over ``repeat`` runs, or one run when the first takes over a minute."""
    first, _ = median_seconds(function, 1)
    if first > 60 or repeat == 1:
        return first
    return median_seconds(function, repeat)[0]


def compare_nodes(roads, sites, bands):
    """(nodes agreeing, nodes at the limit, nodes differing) over every facility and band, each facility moved
    onto its nearest road vertex first (QGIS ties a start point to the nearest vertex, we to the nearest point
    of a segment with an access leg: on a vertex both start from the same node at no cost)."""
    import shapely
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    from scipy.spatial import cKDTree

    from medical_deserts_plugin.core.catchment import facility_times
    from medical_deserts_plugin.core.network import build_network

    coords, part_index, n_parts = network_arrays(roads)
    network = build_network(coords, part_index, np.full(n_parts, SPEED_KMH), tolerance_m=0.5)
    tree = cKDTree(network.node_xy)
    on_nodes = network.node_xy[tree.query(xy_of(sites))[1]]
    start_points = QgsVectorLayer("Point?crs=EPSG:2154&field=id:integer", "on nodes", "memory")
    features = []
    for index, (x, y) in enumerate(on_nodes):
        feature = QgsFeature(start_points.fields())
        feature.setAttributes([index])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    start_points.dataProvider().addFeatures(features)
    times = facility_times(network, on_nodes, max(bands))
    edges = network.graph.tocoo()
    same = border = beyond = differ = 0
    for band in bands:
        native = {}
        for feature in native_service_areas(roads, start_points, band).getFeatures():
            vertices = shapely.get_coordinates(shapely.from_wkb(bytes(feature.geometry().asWkb())))
            distance, node = tree.query(vertices)
            native.setdefault(feature["id"], set()).update(node[distance < 1e-6].tolist())
        for facility in range(len(on_nodes)):
            mine = times.facility == facility
            minutes = dict(zip(times.node[mine].tolist(), times.minutes[mine].tolist()))
            reached = {node for node, t in minutes.items() if t <= band and node < network.node_count}
            inside = np.zeros(network.node_count, dtype=bool)
            inside[list(reached)] = True
            next_out = set(edges.col[inside[edges.row] & ~inside[edges.col]].tolist())
            for node in reached ^ native.get(facility, set()):
                if abs(minutes.get(node, np.inf) - band) <= BORDER * band:
                    border += 1
                elif node not in reached and node in next_out:
                    beyond += 1
                else:
                    differ += 1
            same += len(reached & native.get(facility, set()))
    return same, border, beyond, differ


def bench_case(label, roads, communes, gp, bands, repeat, with_hulls):
    sites = point_layer(gp, "gp")
    print(f"\n== {label}: {roads.featureCount()} road lines; {sites.featureCount()} GP sites; bands "
          f"{', '.join(f'{b:g}' for b in bands)} min; one polygon per site and band")
    rows = [("corridors", timed(lambda: ours(roads, sites, bands, 0), repeat),
             "serviceareafromlayer + buffer + dissolve", timed(lambda: native_corridors(roads, sites, bands), repeat))]
    if with_hulls:
        rows.append(hull_row(roads, sites, bands, repeat))
    print_rows(rows)
    same, border, beyond, differ = compare_nodes(roads, sites, bands)
    print(f"  nodes     {same:,} reached by both, {border:,} within {BORDER:.1%} of a band limit on one side only "
          f"(ellipsoid vs plane), {beyond:,} far ends of the edges crossing the limit (QGIS's lines keep that "
          f"vertex), {differ:,} differing")
    return differ


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real-data", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data"
                                                   / "real"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--bands", default="10,15,20,30")
    args = parser.parse_args()
    bands = [float(b) for b in args.bands.split(",")]

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from medical_deserts_plugin.processing.provider import MedicalDesertsProvider

    provider = MedicalDesertsProvider()  # kept: the registry does not own a Python provider
    QgsApplication.processingRegistry().addProvider(provider)
    differing = 0
    with tempfile.TemporaryDirectory() as workdir:
        for label, roads, communes, gp in cases(args.real_data, workdir):
            if "25 m" in label:  # the densified case: the native chains alone take many minutes
                continue
            differing += bench_case(label, roads, communes, gp, bands, args.repeat, with_hulls="1,200" not in label)
    if differing:
        sys.exit(f"{differing} reached nodes differ from QGIS's service areas beyond the ellipsoid tolerance")


if __name__ == "__main__":
    main()
