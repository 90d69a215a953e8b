"""Bad input gives a clear QgsProcessingException and leaves no output file behind."""

import os

import processing
import pytest
from qgis.core import QgsProcessingException

from conftest import memory_layer
from test_network_algorithms import PLACES, ROAD_FIELDS, grid_roads, points


def run_expecting(provider, no_file, message, algorithm="medicaldeserts:traveltimematrix", **overrides):
    if algorithm.endswith("traveltimematrix"):
        parameters = {"ORIGINS": points(PLACES[:2]), "DESTINATIONS": points(PLACES[2:]), "ROADS": grid_roads(),
                      "SPEED_FIELD": "speed", "CUTOFF": 60, "OUTPUT": no_file}
    else:
        parameters = {"INPUT": points(PLACES[:2]), "FACILITIES": points(PLACES[2:]), "ROADS": grid_roads(),
                      "SPEED_FIELD": "speed", "OUTPUT": no_file}
    parameters.update(overrides)
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(algorithm, parameters)
    assert not os.path.exists(no_file)


def test_empty_layer(provider, no_file):
    run_expecting(provider, no_file, "destinations layer has no features", DESTINATIONS=points([]))
    run_expecting(provider, no_file, "facilities layer has no features", "medicaldeserts:nearestfacility",
                  FACILITIES=points([]))


def test_missing_field(provider, no_file):
    run_expecting(provider, no_file, "no field “nope”", ORIGIN_ID_FIELD="nope")
    run_expecting(provider, no_file, "no field “nope”", "medicaldeserts:nearestfacility", FACILITY_ID_FIELD="nope")


def test_road_layer_that_is_not_lines(provider, no_file):
    run_expecting(provider, no_file, "line layer|ROADS", ROADS=points(PLACES), SPEED_FIELD=None)


def test_geographic_working_crs(provider, no_file):
    run_expecting(provider, no_file, "geographic", WORKING_CRS="EPSG:4326")


def test_null_geometries(provider, no_file):
    with_null = memory_layer("Point", ["code:string"], [("POINT(0 0)", ["A"]), (None, ["B"])])
    run_expecting(provider, no_file, "1 feature\\(s\\) of the origins layer have no geometry", ORIGINS=with_null)
    run_expecting(provider, no_file, "demand units layer have no geometry", "medicaldeserts:nearestfacility",
                  INPUT=with_null)


def test_invalid_geometries(provider, no_file):
    """Processing's default stops on an invalid geometry: a clear message, no output, and QGIS goes on (3.22's own
    check, thrown through Python, crashed the interpreter on the next call)."""
    bow_tie = memory_layer("Polygon", ["code:string"], [("POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))", ["A"]),
                                                        ("POLYGON((500 0, 600 0, 600 100, 500 0))", ["B"])])
    for _ in range(2):
        run_expecting(provider, no_file, "1 feature\\(s\\) of the demand units layer have an invalid geometry "
                      "\\(feature ids 1\\)", "medicaldeserts:nearestfacility", INPUT=bow_tie)


def test_zero_or_negative_speeds(provider, no_file):
    for speed in (0.0, -30.0):
        roads = memory_layer("LineString", ROAD_FIELDS, [("LINESTRING(0 0, 2000 0)", [60.0, "primary", "no"]),
                                                         ("LINESTRING(0 0, 0 2000)", [speed, "primary", "no"])])
        run_expecting(provider, no_file, "speed of 0 km/h or less", ROADS=roads)
    run_expecting(provider, no_file, "default speed must be more than 0", SPEED_FIELD=None, DEFAULT_SPEED=0)
    run_expecting(provider, no_file, "straight-line speed must be more than 0", ROADS=None, STRAIGHT_SPEED=-1)


def test_cutoff_zero_or_negative(provider, no_file):
    for cutoff in (0, -5):
        run_expecting(provider, no_file, "cutoff must be more than 0", CUTOFF=cutoff)
        run_expecting(provider, no_file, "search limit must be more than 0", "medicaldeserts:nearestfacility",
                      MAX_TIME=cutoff)
    run_expecting(provider, no_file, r"counting time must be 0 minutes \(no count\) or more",
                  "medicaldeserts:nearestfacility", COUNT_WITHIN=-5)


def test_output_field_already_present(provider, no_file):
    demand = memory_layer("Point", ["nearest_min:double"], [("POINT(0 0)", [1.0])])
    run_expecting(provider, no_file, "already has a field “nearest_min”", "medicaldeserts:nearestfacility",
                  INPUT=demand)
