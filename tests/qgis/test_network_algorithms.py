"""traveltimematrix and nearestfacility through processing.run, on hand-made layers with hand-computed minutes."""

import processing
import pytest

from conftest import LOCAL_CRS, memory_layer

# 3 x 3 grid of 1 km cells: horizontal roads "primary" with speed 60 km/h, vertical "residential" at 30 km/h.
GRID_ROADS = [(f"LINESTRING(0 {y}, 1000 {y}, 2000 {y})", [60.0, "primary", "no"]) for y in (0, 1000, 2000)] + [
    (f"LINESTRING({x} 0, {x} 1000, {x} 2000)", [30.0, "residential", "no"]) for x in (0, 1000, 2000)
]
ROAD_FIELDS = ["speed:double", "highway:string", "oneway:string"]


def grid_roads():
    return memory_layer("LineString", ROAD_FIELDS, GRID_ROADS, name="roads")


def points(rows, crs=LOCAL_CRS):
    return memory_layer("Point", ["code:string"], [(f"POINT({x} {y})", [code]) for code, x, y in rows], crs=crs)


PLACES = [("A", 0, 0), ("B", 2000, 2000), ("C", 1000, 1000), ("D", 2000, 0)]


def matrix(provider, **overrides):
    parameters = {
        "ORIGINS": points(PLACES[:2]), "ORIGIN_ID_FIELD": "code",
        "DESTINATIONS": points(PLACES[2:]), "DESTINATION_ID_FIELD": "code",
        "ROADS": grid_roads(), "SPEED_FIELD": "speed", "CUTOFF": 60, "OUTPUT": "memory:",
    }
    parameters.update(overrides)
    return processing.run("medicaldeserts:traveltimematrix", parameters)


def rows(layer, *fields):
    return sorted(tuple(feature[field] for field in fields) for feature in layer.getFeatures())


def test_matrix_gives_hand_computed_minutes(provider):
    result = matrix(provider, OUTPUT_LINES="memory:")
    # A -> C: 1 km at 60 + 1 km at 30 = 3 min; A -> D: 2 km at 60 = 2 min; B -> C: 3 min; B -> D: 2 km at 30 = 4 min.
    got = rows(result["OUTPUT"], "origin_id", "destination_id", "minutes", "rank")
    assert got == [("A", "C", pytest.approx(3.0), 2), ("A", "D", pytest.approx(2.0), 1),
                   ("B", "C", pytest.approx(3.0), 1), ("B", "D", pytest.approx(4.0), 2)]
    assert result["OUTPUT_LINES"].featureCount() == 4


def test_matrix_cutoff_and_k_nearest(provider):
    assert len(rows(matrix(provider, CUTOFF=3)["OUTPUT"], "minutes")) == 3
    nearest = rows(matrix(provider, K_NEAREST=1)["OUTPUT"], "origin_id", "destination_id")
    assert nearest == [("A", "D"), ("B", "C")]


def test_matrix_speeds_from_road_classes(provider):
    # OSM preset: primary 75 km/h, residential 30 km/h. A -> D = 2 km at 75 km/h = 1.6 min.
    result = matrix(provider, SPEED_FIELD=None, ROAD_CLASS_FIELD="highway", SPEED_PRESET=0)
    got = {(o, d): m for o, d, m in rows(result["OUTPUT"], "origin_id", "destination_id", "minutes")}
    assert got[("A", "D")] == pytest.approx(1.6)
    assert got[("A", "C")] == pytest.approx(0.8 + 2.0)


def test_matrix_average_speed_preset_gives_osrm_minutes(provider):
    # SPEED_PRESET=4, OSM average speeds (OSRM car profile): primary 65 km/h, residential 25 km/h.
    # A -> D = 2 km at 65 km/h = 120/65 min; A -> C = 1 km at 65 + 1 km at 25 = 60/65 + 60/25 min.
    result = matrix(provider, SPEED_FIELD=None, ROAD_CLASS_FIELD="highway", SPEED_PRESET=4)
    got = {(o, d): m for o, d, m in rows(result["OUTPUT"], "origin_id", "destination_id", "minutes")}
    assert got[("A", "D")] == pytest.approx(120 / 65)
    assert got[("A", "C")] == pytest.approx(60 / 65 + 60 / 25)


def test_route500_average_speed_preset_gives_minutes_of_length_over_speed(provider):
    # SPEED_PRESET=6, ROUTE 500 CLASS_ADM average speeds: départementale 47.5 km/h, 3 km = 180/47.5 min.
    roads = memory_layer("LineString", ["class:string"], [("LINESTRING(0 0, 3000 0)", ["Départementale"])])
    result = matrix(provider, ROADS=roads, SPEED_FIELD=None, ROAD_CLASS_FIELD="class", SPEED_PRESET=6,
                    ORIGINS=points([("E", 0, 0)]), DESTINATIONS=points([("F", 3000, 0)]))
    assert rows(result["OUTPUT"], "minutes") == [(pytest.approx(180 / 47.5),)]


def test_matrix_without_roads_uses_straight_lines(provider):
    result = matrix(provider, ROADS=None, STRAIGHT_SPEED=60, DETOUR_FACTOR=1.0)
    got = {(o, d): m for o, d, m in rows(result["OUTPUT"], "origin_id", "destination_id", "minutes")}
    assert got[("A", "D")] == pytest.approx(2.0)
    assert got[("A", "C")] == pytest.approx(2 ** 0.5)


def test_one_way_field_is_honoured(provider):
    roads = memory_layer("LineString", ROAD_FIELDS, [
        ("LINESTRING(0 0, 1000 0)", [60.0, "primary", "yes"]),
        ("LINESTRING(1000 0, 1000 1000, 0 1000, 0 0)", [60.0, "primary", "no"]),
    ])
    result = matrix(provider, ROADS=roads, DIRECTION_FIELD="oneway",
                    ORIGINS=points([("E", 1000, 0)]), DESTINATIONS=points([("F", 0, 0)]))
    assert rows(result["OUTPUT"], "minutes") == [(pytest.approx(3.0),)]


def test_place_on_the_junction_of_a_one_way_line_is_reached_along_the_other_line(provider):
    """The issue's reproduction: a one-way line ends where a two-way line starts, the facility on that junction;
    from the far end of the two-way line it is 1 km at 60 km/h, 1.0 min (the snap picks the one-way line)."""
    roads = memory_layer("LineString", ROAD_FIELDS, [
        ("LINESTRING(600000 6600000, 601000 6600000)", [60.0, "primary", "yes"]),
        ("LINESTRING(601000 6600000, 602000 6600000)", [60.0, "primary", "no"]),
    ], crs="EPSG:2154")
    facility = points([("F", 601000, 6600000)], crs="EPSG:2154")
    origin = points([("O", 602000, 6600000)], crs="EPSG:2154")
    common = {"ROADS": roads, "SPEED_FIELD": "speed", "DIRECTION_FIELD": "oneway", "OUTPUT": "memory:"}
    table = processing.run("medicaldeserts:traveltimematrix", {
        "ORIGINS": origin, "ORIGIN_ID_FIELD": "code", "DESTINATIONS": facility, "DESTINATION_ID_FIELD": "code",
        "CUTOFF": 60, **common})
    assert rows(table["OUTPUT"], "origin_id", "destination_id", "minutes") == [("O", "F", pytest.approx(1.0))]
    nearest = processing.run("medicaldeserts:nearestfacility", {
        "INPUT": origin, "FACILITIES": facility, "FACILITY_ID_FIELD": "code", **common})
    assert rows(nearest["OUTPUT"], "code", "nearest_min", "nearest_id") == [("O", pytest.approx(1.0), "F")]


def test_inputs_in_a_geographic_crs_are_reprojected(provider):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    shifted = [(code, x + 600000, y + 6600000) for code, x, y in PLACES]
    wgs84 = []
    for code, x, y in shifted:
        from qgis.core import QgsPointXY

        point = to_wgs84.transform(QgsPointXY(x, y))
        wgs84.append((code, point.x(), point.y()))
    roads = memory_layer("LineString", ROAD_FIELDS, [
        (f"LINESTRING({600000} {6600000 + y}, {602000} {6600000 + y})", [60.0, "primary", "no"]) for y in (0, 2000)
    ] + [(f"LINESTRING({600000 + x} {6600000}, {600000 + x} {6602000})", [30.0, "residential", "no"])
         for x in (0, 2000)], crs="EPSG:2154")
    result = matrix(provider, ROADS=roads, ORIGINS=points(wgs84[:1], crs="EPSG:4326"),
                    DESTINATIONS=points(wgs84[1:2], crs="EPSG:4326"))
    assert rows(result["OUTPUT"], "minutes") == [(pytest.approx(6.0, abs=1e-3),)]


def test_nearest_facility_on_polygons(provider):
    communes = memory_layer("Polygon", ["code_insee:string"], [
        ("POLYGON((-100 -100, 100 -100, 100 100, -100 100, -100 -100))", ["00001"]),
        ("POLYGON((1900 1900, 2100 1900, 2100 2100, 1900 2100, 1900 1900))", ["00002"]),
        ("POLYGON((50000 50000, 50100 50000, 50100 50100, 50000 50000))", ["00003"]),
    ])
    result = processing.run("medicaldeserts:nearestfacility", {
        "INPUT": communes, "FACILITIES": points(PLACES[2:]), "FACILITY_ID_FIELD": "code",
        "ROADS": grid_roads(), "SPEED_FIELD": "speed", "COUNT_WITHIN": 3, "POLYGON_POINT": 1, "OUTPUT": "memory:",
    })
    got = rows(result["OUTPUT"], "code_insee", "nearest_min", "nearest_id", "n_within_3", "access_m")
    assert got[0] == ("00001", pytest.approx(2.0), "D", 2, pytest.approx(0.0))
    assert got[1] == ("00002", pytest.approx(3.0), "C", 1, pytest.approx(0.0))
    assert got[2][0] == "00003" and got[2][1:4] == (None, None, 0)  # farther than the snap tolerance
    assert result["OUTPUT"].geometryType() == communes.geometryType()
    uncounted = processing.run("medicaldeserts:nearestfacility", {
        "INPUT": communes, "FACILITIES": points(PLACES[2:]), "FACILITY_ID_FIELD": "code",
        "ROADS": grid_roads(), "SPEED_FIELD": "speed", "COUNT_WITHIN": 0, "POLYGON_POINT": 1, "OUTPUT": "memory:",
    })["OUTPUT"]  # 0: no count, the same minutes (a 200 m grid needs only these)
    assert uncounted.fields().names()[-3:] == ["nearest_min", "nearest_id", "access_m"]
    assert [row[:3] + row[4:] for row in got] == rows(uncounted, "code_insee", "nearest_min", "nearest_id",
                                                      "access_m")


def test_nearest_facility_agrees_with_the_matrix_on_random_places(provider):
    import random

    rng = random.Random(5)
    demand = points([(f"d{i}", rng.uniform(-300, 2300), rng.uniform(-300, 2300)) for i in range(60)])
    facilities = points([(f"f{i}", rng.uniform(0, 2000), rng.uniform(0, 2000)) for i in range(7)])
    nearest = processing.run("medicaldeserts:nearestfacility", {
        "INPUT": demand, "FACILITIES": facilities, "FACILITY_ID_FIELD": "code", "ROADS": grid_roads(),
        "SPEED_FIELD": "speed", "MAX_TIME": 30, "OUTPUT": "memory:"})["OUTPUT"]
    table = matrix(provider, ORIGINS=demand, DESTINATIONS=facilities, K_NEAREST=1, CUTOFF=30)["OUTPUT"]
    by_origin = {o: (d, m) for o, d, m in rows(table, "origin_id", "destination_id", "minutes")}
    for code, minutes, facility in rows(nearest, "code", "nearest_min", "nearest_id"):
        assert by_origin[code][1] == pytest.approx(minutes)


def test_every_speed_preset_has_its_label_in_the_enum_order():
    from medical_deserts_plugin.core.speeds import SPEED_PRESETS
    from medical_deserts_plugin.processing.network_parameters import preset_labels

    labels = preset_labels()
    assert len(labels) == len(SPEED_PRESETS)
    assert "legal" in labels[2] and "CLASS_ADM" in labels[2] and "OSRM" in labels[6] and "CLASS_ADM" in labels[6]


def test_facilities_that_stop_at_the_territory_edge_are_said(provider):
    from bad_input import Log

    communes = memory_layer("Point", ["code:string"], [(f"POINT({x} {y})", [str(i)]) for i, (x, y) in enumerate(
        [(0, 0), (50000, 0), (0, 40000), (50000, 40000), (25000, 20000)])])
    inside = memory_layer("Point", ["id:string"], [("POINT(25000 20000)", ["gp"])])
    belt = memory_layer("Point", ["id:string"], [(f"POINT({x} {y})", [f"gp{x}"]) for x, y in
                                                 [(-40000, -40000), (90000, 80000), (25000, 20000)]])
    log = Log()
    processing.run("medicaldeserts:nearestfacility", dict(INPUT=communes, FACILITIES=inside, MAX_TIME=60,
                                                          COUNT_WITHIN=20, OUTPUT="memory:"), feedback=log)
    # belt = min(60 min x 1 km/min, 30 km) = 30 km: every side is short; the 4 corners are within 30 km of a side,
    # the centre (25 km, 20 km) too (20 km from the south and north sides)
    assert any("facilities layer stops within 30 km of the demand units' edge on the west, east, south, north side(s)"
               in warning and "5 demand unit(s)" in warning for warning in log.warnings)
    log = Log()
    processing.run("medicaldeserts:nearestfacility", dict(INPUT=communes, FACILITIES=belt, MAX_TIME=60,
                                                          COUNT_WITHIN=20, OUTPUT="memory:"), feedback=log)
    assert not any("stops within" in warning for warning in log.warnings)


def test_the_same_roads_build_their_network_once(provider):
    """A second run on roads of the same content (another layer object) reuses the network the first built, with
    the same minutes; other speeds, or the roads edited, build a new one."""
    from bad_input import Log

    from medical_deserts_plugin.processing import network_parameters

    network_parameters._last_network.clear()
    logs = [Log() for _ in range(4)]

    def minutes(log, roads=None, **overrides):
        parameters = {"ORIGINS": points(PLACES[:2]), "ORIGIN_ID_FIELD": "code", "DESTINATIONS": points(PLACES[2:]),
                      "DESTINATION_ID_FIELD": "code", "ROADS": roads or grid_roads(), "SPEED_FIELD": "speed",
                      "CUTOFF": 60, "OUTPUT": "memory:", **overrides}
        result = processing.run("medicaldeserts:traveltimematrix", parameters, feedback=log)
        return rows(result["OUTPUT"], "origin_id", "destination_id", "minutes")

    def reused(log):
        return any("its network is reused" in line for line in log.info)

    first, second = minutes(logs[0]), minutes(logs[1])
    assert first == second and not reused(logs[0]) and reused(logs[1])
    slower = minutes(logs[2], SPEED_FIELD=None, DEFAULT_SPEED=30)  # every road at 30 km/h: A -> D 4 min
    assert not reused(logs[2]) and dict(((o, d), m) for o, d, m in slower)[("A", "D")] == pytest.approx(4.0)
    edited = grid_roads()
    edited.dataProvider().changeAttributeValues({1: {0: 120.0}})  # the first road (y = 0) at 120 km/h
    assert dict(((o, d), m) for o, d, m in minutes(logs[3], edited))[("A", "D")] == pytest.approx(1.0)
    assert not reused(logs[3])
