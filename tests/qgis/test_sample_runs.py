"""Both network algorithms on the embedded sample département: through processing.run, checked against each other
and against QGIS's own shortest path, and through ``qgis_process.bin --json run`` as a user runs them in batch."""

import numpy as np
import processing
import pytest
from qgis.core import NULL, QgsVectorLayer

from conftest import memory_layer
from scripts.qgis_runner import run_algorithm

SAMPLE_NETWORK = {"ROAD_CLASS_FIELD": "highway", "SPEED_PRESET": 0, "DIRECTION_FIELD": "oneway"}


def layer(sample, key):
    loaded = QgsVectorLayer(sample[key], key, "ogr")
    assert loaded.isValid(), sample[key]
    return loaded


def values(output, *fields):
    """Attribute tuples, with NULL as None."""
    return [tuple(None if feature[field] == NULL else feature[field] for field in fields)
            for feature in output.getFeatures()]


@pytest.fixture(scope="module")
def communes_to_gps(provider, sample):
    """nearestfacility and traveltimematrix for every sample commune towards every GP site."""
    common = dict(ROADS=sample["roads"], **SAMPLE_NETWORK)
    nearest = processing.run("medicaldeserts:nearestfacility", dict(
        common, INPUT=sample["communes"], FACILITIES=sample["gp_sites"], FACILITY_ID_FIELD="site_id",
        MAX_TIME=120, COUNT_WITHIN=15, OUTPUT="memory:"))["OUTPUT"]
    matrix = processing.run("medicaldeserts:traveltimematrix", dict(
        common, ORIGINS=sample["communes"], ORIGIN_ID_FIELD="code_insee", DESTINATIONS=sample["gp_sites"],
        DESTINATION_ID_FIELD="site_id", CUTOFF=120, OUTPUT="memory:"))["OUTPUT"]
    return nearest, matrix


def test_nearest_facility_agrees_with_the_full_matrix(communes_to_gps, sample):
    nearest, matrix = communes_to_gps
    assert nearest.featureCount() == layer(sample, "communes").featureCount() == 300
    pairs = values(matrix, "origin_id", "destination_id", "minutes", "rank")
    first = {origin: (destination, minutes) for origin, destination, minutes, rank in pairs if rank == 1}
    within_15 = {}
    for origin, _, minutes, _ in pairs:
        within_15[origin] = within_15.get(origin, 0) + (minutes <= 15)
    for code, site, minutes, count in values(nearest, "code_insee", "nearest_id", "nearest_min", "n_within_15"):
        if code not in first:  # the sample's island has no road to the mainland
            assert minutes is None and site is None
            continue
        assert (site, minutes) == (first[code][0], pytest.approx(first[code][1], abs=1e-9))
        assert count == within_15.get(code, 0)
    # every commune with a GP practice in it reaches one in a few minutes, and the sample is not trivially served
    times = np.array([m for (m,) in values(nearest, "nearest_min") if m is not None])
    assert len(times) >= 295 and 0 < np.median(times) < 20 and times.max() > 15


def test_matrix_ranks_are_consistent(communes_to_gps):
    _, matrix = communes_to_gps
    by_origin = {}
    for origin, minutes, rank in values(matrix, "origin_id", "minutes", "rank"):
        by_origin.setdefault(origin, []).append((rank, minutes))
    for ranked in by_origin.values():
        ranked.sort()
        assert [rank for rank, _ in ranked] == list(range(1, len(ranked) + 1))
        assert all(a[1] <= b[1] for a, b in zip(ranked, ranked[1:]))


def test_same_minutes_as_qgis_native_shortest_path(provider, sample):
    """Between two road vertices (no access leg), at one speed with no one-way, QGIS's own shortest path finds the
    same route: our minutes are its path's planar length at 60 km/h. Its "cost" is measured on the ellipsoid, which
    differs from Lambert-93 metres by the projection's scale factor (under 0.2 % in metropolitan France)."""
    roads = layer(sample, "roads")
    vertices = [feature.geometry().vertexAt(0) for feature in roads.getFeatures()]
    start, ends = vertices[0], [vertices[len(vertices) // 3], vertices[len(vertices) // 2], vertices[2 * len(vertices) // 3]]
    for end in ends:
        native = processing.run("native:shortestpathpointtopoint", {
            "INPUT": roads, "STRATEGY": 1, "DEFAULT_SPEED": 60, "START_POINT": f"{start.x()},{start.y()} [EPSG:2154]",
            "END_POINT": f"{end.x()},{end.y()} [EPSG:2154]", "TOLERANCE": 0.5, "OUTPUT": "memory:"})["OUTPUT"]
        path = next(native.getFeatures())
        native_planar_minutes = path.geometry().length() / 1000
        ours = processing.run("medicaldeserts:traveltimematrix", {
            "ORIGINS": memory_layer("Point", ["id:string"], [(f"POINT({start.x()} {start.y()})", ["s"])],
                                    crs="EPSG:2154"),
            "DESTINATIONS": memory_layer("Point", ["id:string"], [(f"POINT({end.x()} {end.y()})", ["e"])],
                                         crs="EPSG:2154"),
            "ROADS": roads, "DEFAULT_SPEED": 60, "CUTOFF": 600, "OUTPUT": "memory:"})["OUTPUT"]
        assert values(ours, "minutes") == [(pytest.approx(native_planar_minutes, rel=1e-9),)]
        assert path["cost"] * 60 == pytest.approx(native_planar_minutes, rel=2e-3)


def test_both_algorithms_through_qgis_process(qgis_process_config, sample, tmp_path, communes_to_gps):
    nearest_path, matrix_path = tmp_path / "nearest.gpkg", tmp_path / "matrix.gpkg"
    network = dict(ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", SPEED_PRESET=0, DIRECTION_FIELD="oneway")
    result = run_algorithm("medicaldeserts:nearestfacility", dict(
        INPUT=sample["communes"], FACILITIES=sample["gp_sites"],
        FACILITY_ID_FIELD="site_id", MAX_TIME=120, COUNT_WITHIN=15, OUTPUT=nearest_path, **network),
        qgis_process_config)
    assert result["results"]["OUTPUT"] == str(nearest_path)
    run_algorithm("medicaldeserts:traveltimematrix", dict(
        ORIGINS=sample["communes"], ORIGIN_ID_FIELD="code_insee", DESTINATIONS=sample["gp_sites"],
        DESTINATION_ID_FIELD="site_id", CUTOFF=120, K_NEAREST=1, OUTPUT=matrix_path, **network), qgis_process_config)
    in_process, _ = communes_to_gps
    expected = dict(values(in_process, "code_insee", "nearest_min"))
    batch = QgsVectorLayer(str(nearest_path), "nearest", "ogr")
    assert batch.featureCount() == 300
    for code, minutes in values(batch, "code_insee", "nearest_min"):
        assert minutes == pytest.approx(expected[code], abs=1e-9) if expected[code] is not None else minutes is None
    nearest_table = dict(values(QgsVectorLayer(str(matrix_path), "m", "ogr"), "origin_id", "minutes"))
    assert {code: pytest.approx(m, abs=1e-9) for code, m in nearest_table.items()} == {
        code: m for code, m in expected.items() if m is not None}


def test_geopackage_output_of_processing_run_carries_its_style(provider, sample, tmp_path):
    """processing.run to a .gpkg: the time classes are its default style; a copy by another tool has none."""
    path = tmp_path / "nearest.gpkg"
    processing.run("medicaldeserts:nearestfacility", dict(
        ROADS=sample["roads"], INPUT=sample["communes"], FACILITIES=sample["gp_sites"], MAX_TIME=120,
        OUTPUT=str(path), **SAMPLE_NETWORK))
    output = QgsVectorLayer(str(path), "nearest", "ogr")
    renderer = output.renderer()
    assert renderer.type() == "RuleRenderer"  # the time classes and a class for the NULLs (the island)
    assert [rule.label() for rule in renderer.rootRule().children()][::5] == ["< 10 min", "No facility within 120 min"]
    assert '"nearest_min"' in renderer.rootRule().children()[0].filterExpression()
    plain = tmp_path / "plain.gpkg"
    processing.run("native:savefeatures", {"INPUT": str(path), "OUTPUT": str(plain)})
    copy = QgsVectorLayer(str(plain), "plain", "ogr")
    assert copy.renderer().type() == "singleSymbol"
