"""Speed of the road-network algorithms against QGIS's own network analysis and a bare scipy Dijkstra.

    python bench/bench_network.py [--real-data ../shared/data/real] [--repeat 3]

Cases: the embedded sample département (300 communes), a larger generated one (1,200 communes), and, when the
real-data folder is given and present, Creuse (23) roads with its communes and GP practice sites.
For each case, with one speed everywhere (50 km/h; QGIS's native tools have no class presets) and no one-way:
  nearest   ours `nearestfacility` (every commune: minutes to nearest GP, count within 30 min)
            vs `native:serviceareafromlayer` (the GP sites' 30-min service areas, lines: what users run today)
  one->all  ours `traveltimematrix` (one GP site to every commune) vs `native:shortestpathpointtolayer`
  matrix    ours `traveltimematrix` (every GP site x every commune) vs native one->all x number of sites
            (extrapolated: QGIS has no many-to-many tool)
  engine    core `NetworkTravel.nearest` (exact snapping on segments + access legs + Dijkstra) vs bare
            `scipy.sparse.csgraph.dijkstra(min_only=True)` from the GP sites' nearest graph vertices
All timings in the same process (median of --repeat runs), seconds. Targets: >= 20x native, <= 1.5x bare scipy.
Then a region-sized synthetic grid (1 M nodes) for the engine alone.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/usr/share/qgis/python/plugins")

SPEED_KMH = 50.0
MAX_MINUTES = 30.0


def median_seconds(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def print_rows(rows):
    """One line per (task, ours seconds, reference name, reference seconds), with the speed ratio."""
    for task, ours_s, reference, reference_s in rows:
        print(f"  {task:9s} ours {ours_s:7.3f} s   {reference} {reference_s:8.3f} s   "
              f"ours is {reference_s / ours_s:6.1f}x faster")


def point_layer(layer, name):
    """Memory point layer of ``layer``'s features (points, or polygons' point on surface), in EPSG:2154."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsProject, QgsVectorLayer

    target = QgsCoordinateReferenceSystem("EPSG:2154")
    transform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
    points = QgsVectorLayer("Point?crs=EPSG:2154&field=id:string", name, "memory")
    features = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        out = QgsFeature(points.fields())
        out.setAttributes([str(feature.id())])
        out.setGeometry(geometry.pointOnSurface() if geometry.type() == 2 else geometry)
        features.append(out)
    points.dataProvider().addFeatures(features)
    return points


def cases(real_data, workdir):
    import processing
    from qgis.core import QgsVectorLayer

    from medical_deserts_plugin.sample import write_sample

    for label, n_communes, vertex_spacing_m in (("sample département", 300, None),
                                                ("generated, 1,200 communes", 1200, None),
                                                ("same, a road vertex every 25 m (BD TOPO density)", 1200, 25)):
        paths = write_sample(Path(workdir) / str(n_communes), n_communes=n_communes)
        roads = QgsVectorLayer(str(paths["roads"]), "roads", "ogr")
        if vertex_spacing_m:  # written to a file, as BD TOPO roads come
            dense = str(Path(workdir) / f"roads_{vertex_spacing_m}m.gpkg")
            processing.run("native:densifygeometriesgivenaninterval", {
                "INPUT": roads, "INTERVAL": vertex_spacing_m, "OUTPUT": dense})
            roads = QgsVectorLayer(dense, "roads", "ogr")
        yield label, roads, QgsVectorLayer(str(paths["communes"]), "communes", "ogr"), \
            QgsVectorLayer(str(paths["gp_sites"]), "gp", "ogr")
    if real_data and Path(real_data, "roads", "roads_dep23.gpkg").exists():
        communes = QgsVectorLayer(str(Path(real_data, "communes-geo", "communes_dep23_53.gpkg"))
                                  + "|layername=communes_cog2023", "communes", "ogr")
        communes.setSubsetString("dep = '23'")
        yield "Creuse (23), real roads", \
            QgsVectorLayer(str(Path(real_data, "roads", "roads_dep23.gpkg")), "roads", "ogr"), communes, \
            QgsVectorLayer(str(Path(real_data, "medecins-generalistes", "generalistes_creuse_sites.geojson")),
                           "gp", "ogr")


def network_arrays(roads):
    """Vertices and parts of ``roads`` (EPSG:2154) as build_network wants them."""
    import shapely

    geometries = shapely.from_wkb([bytes(f.geometry().asWkb()) for f in roads.getFeatures()])
    parts = shapely.get_parts(geometries)
    coords, part_index = shapely.get_coordinates(parts, return_index=True)
    return coords, part_index, len(parts)


def xy_of(points):
    return np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in points.getFeatures()])


def bench_case(label, roads, communes, gp, repeat):
    import processing
    from scipy.sparse.csgraph import dijkstra
    from scipy.spatial import cKDTree

    from medical_deserts_plugin.core.network import NetworkTravel, build_network

    demand, sites = point_layer(communes, "communes"), point_layer(gp, "gp")
    first_site = point_layer(gp, "gp")
    first_site.dataProvider().deleteFeatures([f.id() for f in first_site.getFeatures()][1:])
    start = next(first_site.getFeatures()).geometry().asPoint()
    start_point = f"{start.x()},{start.y()} [EPSG:2154]"
    n_demand, n_sites = demand.featureCount(), sites.featureCount()
    ours_network = {"ROADS": roads, "DEFAULT_SPEED": SPEED_KMH}
    native_network = {"INPUT": roads, "STRATEGY": 1, "DEFAULT_SPEED": SPEED_KMH, "TOLERANCE": 0.5}
    coords, part_index, n_parts = network_arrays(roads)
    network = build_network(coords, part_index, np.full(n_parts, SPEED_KMH))
    print(f"\n== {label}: {roads.featureCount()} road lines, {network.node_count} nodes, "
          f"{network.graph.nnz} directed edges; {n_demand} communes, {n_sites} GP sites")

    rows = []
    ours, _ = median_seconds(lambda: processing.run("medicaldeserts:nearestfacility", dict(
        ours_network, INPUT=demand, FACILITIES=sites, MAX_TIME=120, COUNT_WITHIN=MAX_MINUTES,
        OUTPUT="memory:")), repeat)
    native, _ = median_seconds(lambda: processing.run("native:serviceareafromlayer", dict(
        native_network, START_POINTS=sites, TRAVEL_COST2=MAX_MINUTES / 60, OUTPUT="memory:")), repeat)
    rows.append(("nearest", ours, "native:serviceareafromlayer", native))

    ours, _ = median_seconds(lambda: processing.run("medicaldeserts:traveltimematrix", dict(
        ours_network, ORIGINS=first_site, DESTINATIONS=demand, CUTOFF=600, OUTPUT="memory:")), repeat)
    native_one, _ = median_seconds(lambda: processing.run("native:shortestpathpointtolayer", dict(
        native_network, START_POINT=start_point, END_POINTS=demand,
        OUTPUT="memory:")), repeat)
    rows.append(("one->all", ours, "native:shortestpathpointtolayer", native_one))

    ours, _ = median_seconds(lambda: processing.run("medicaldeserts:traveltimematrix", dict(
        ours_network, ORIGINS=sites, DESTINATIONS=demand, CUTOFF=600, OUTPUT="memory:")), repeat)
    rows.append(("matrix", ours, f"native one->all x {n_sites} (extrapolated)", native_one * n_sites))

    demand_xy, site_xy = xy_of(demand), xy_of(sites)
    def engine_nearest():  # a new engine each time: the places are snapped again, as in a new run
        return NetworkTravel(network, access_speed_kmh=20.0).nearest(demand_xy, site_xy, 120.0)

    cold, _ = median_seconds(engine_nearest, 1)
    ours, _ = median_seconds(engine_nearest, repeat)
    reversed_graph = network.graph.T.tocsr()
    tree = cKDTree(network.node_xy)

    def bare():
        site_nodes = np.unique(tree.query(site_xy)[1])
        times = dijkstra(reversed_graph, directed=True, indices=site_nodes, limit=120.0, min_only=True)
        return times[tree.query(demand_xy)[1]]

    bare_seconds, _ = median_seconds(bare, repeat)
    print_rows(rows)
    print(f"  engine    core nearest {ours:7.4f} s (first call, building the segment index: {cold:.4f} s)   "
          f"bare scipy dijkstra {bare_seconds:7.4f} s   overhead ratio {ours / bare_seconds:4.2f}")


def bench_region_grid(side=1000, spacing_m=200.0, n_origins=35000, n_facilities=10000):
    """The engine alone on a side x side grid (1 M nodes at the default): nearest facility for every origin."""
    from scipy.sparse.csgraph import dijkstra
    from scipy.spatial import cKDTree

    from medical_deserts_plugin.core.network import NetworkTravel, build_network

    rng = np.random.default_rng(1)
    axis = np.arange(side) * spacing_m
    gx, gy = np.meshgrid(axis, axis)
    rows = np.stack([gx, gy], axis=-1)
    coords = np.concatenate([rows.reshape(-1, 2), rows.transpose(1, 0, 2).reshape(-1, 2)])
    part_index = np.repeat(np.arange(2 * side), side)
    speed = rng.choice([30.0, 50.0, 80.0], size=2 * side)
    start = time.perf_counter()
    network = build_network(coords, part_index, speed)
    built = time.perf_counter() - start
    origins = rng.uniform(0, axis[-1], size=(n_origins, 2))
    facilities = rng.uniform(0, axis[-1], size=(n_facilities, 2))
    travel = NetworkTravel(network)
    start = time.perf_counter()
    minutes, _ = travel.nearest(origins, facilities, 120.0)
    nearest = time.perf_counter() - start
    reversed_graph, tree = network.graph.T.tocsr(), cKDTree(network.node_xy)
    start = time.perf_counter()
    site_nodes = np.unique(tree.query(facilities)[1])
    dijkstra(reversed_graph, directed=True, indices=site_nodes, limit=120.0, min_only=True)[tree.query(origins)[1]]
    bare = time.perf_counter() - start
    start = time.perf_counter()
    table = travel.table(origins[:2000], facilities, 15.0)
    matrix = time.perf_counter() - start
    print(f"\n== synthetic region: {network.node_count:,} nodes, {network.graph.nnz:,} directed edges "
          f"({side * spacing_m / 1000:.0f} km square)")
    print(f"  build graph {built:.2f} s; nearest of {n_origins:,} origins among {n_facilities:,} facilities "
          f"{nearest:.2f} s (median {np.nanmedian(minutes):.1f} min; bare scipy dijkstra {bare:.2f} s, "
          f"ratio {nearest / bare:.2f} with our first-call segment index); table 2,000 origins x {n_facilities:,} "
          f"facilities within 15 min {matrix:.2f} s ({len(table):,} pairs)")


def bench_read_roads(workdir, n_lines=100_000, repeat=3):
    """Reading a BD TOPO-sized road file (``n_lines`` lines, class and one-way fields): GDAL's Arrow stream, as the
    plugin reads files, against QGIS's feature iteration (what memory or database layers still go through)."""
    from osgeo import ogr, osr
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsVectorLayer

    from medical_deserts_plugin.processing.layers import read_layer

    rng = np.random.default_rng(2)
    path = str(Path(workdir) / "many_roads.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = dataset.CreateLayer("roads", srs, ogr.wkbLineString)
    for name in ("nature", "sens"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    start = rng.uniform([600_000, 6_500_000], [650_000, 6_550_000], size=(n_lines, 2))
    steps = rng.normal(0, 40, size=(n_lines, 4, 2)).cumsum(axis=1) + start[:, None, :]
    layer.StartTransaction()
    for row in range(n_lines):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["nature"] = "Route à 1 chaussée"
        feature["sens"] = "Double sens"
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            "LINESTRING(" + ", ".join(f"{x:.2f} {y:.2f}" for x, y in steps[row]) + ")"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    roads = QgsVectorLayer(path, "roads", "ogr")
    crs, context = QgsCoordinateReferenceSystem("EPSG:2154"), QgsProcessingContext()
    fields = ["nature", "sens"]
    bulk, _ = median_seconds(lambda: read_layer(roads, crs, context, "roads", fields, False, bulk=roads), repeat)
    iterated, _ = median_seconds(lambda: read_layer(roads, crs, context, "roads", fields, False), repeat)
    print(f"\n== reading a road file of {n_lines:,} lines (GeoPackage, 2 fields)\n"
          f"  GDAL Arrow stream {bulk:.2f} s   QGIS feature iteration {iterated:.2f} s   {iterated / bulk:.1f}x faster")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real-data", default=str(ROOT.parent / "shared" / "data" / "real"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from medical_deserts_plugin.processing.provider import MedicalDesertsProvider

    provider = MedicalDesertsProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    with tempfile.TemporaryDirectory() as workdir:
        for label, roads, communes, gp in cases(args.real_data, workdir):
            bench_case(label, roads, communes, gp, args.repeat)
        bench_read_roads(workdir)
    bench_region_grid()


if __name__ == "__main__":
    main()
