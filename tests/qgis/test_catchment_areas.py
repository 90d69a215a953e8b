"""catchmentareas through processing.run on hand-made roads (60 km/h = 1 km per minute), on the sample département,
and through ``qgis_process.bin --json run``."""

from pathlib import Path

import processing
import pytest
import shapely
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

from conftest import LOCAL_CRS, memory_layer
from scripts.qgis_runner import run_algorithm

ROAD = memory_layer("LineString", ["speed:double"],
                    [("LINESTRING(" + ", ".join(f"{x} 0" for x in range(0, 30001, 1000)) + ")", [60.0])])
SAMPLE_NETWORK = {"ROAD_CLASS_FIELD": "highway", "SPEED_PRESET": 0, "DIRECTION_FIELD": "oneway"}


def facilities(rows):
    """Points with an id and a delay (minutes): rows of (id, x, y, delay)."""
    return memory_layer("Point", ["name:string", "delay:double"],
                        [(f"POINT({x} {y})", [name, delay]) for name, x, y, delay in rows])


def catchments(**overrides):
    parameters = dict(INPUT=facilities([("F", 12500, 0, None)]), FACILITY_ID_FIELD="name", BANDS="10",
                      ROADS=ROAD, SPEED_FIELD="speed", BUFFER_WIDTH=50, WORKING_CRS=LOCAL_CRS, OUTPUT="memory:")
    parameters.update(overrides)
    return processing.run("medicaldeserts:catchmentareas", parameters)["OUTPUT"]


def features(layer):
    return [({name: (None if feature[name] == NULL else feature[name]) for name in layer.fields().names()},
             shapely.from_wkb(bytes(feature.geometry().asWkb()))) for feature in layer.getFeatures()]


def test_polygon_ends_at_the_band_and_counts_the_population_inside(provider):
    # Population points 9 min away (inside), 11 min away and 60 m off the road (outside).
    population = memory_layer("Point", ["pop:double"], [("POINT(3500 0)", [100.0]), ("POINT(1500 0)", [7.0]),
                                                          ("POINT(12500 60)", [3.0])])
    [(attributes, polygon)] = features(catchments(POPULATION=population, POPULATION_FIELD="pop"))
    assert attributes["facility_id"] == "F" and attributes["band_min"] == 10 and attributes["lower_min"] == 0
    assert polygon.bounds == pytest.approx((2500, -50, 22500, 50), abs=1e-6)
    assert attributes["area_km2"] == pytest.approx(2.0, rel=1e-9)  # a 20 km x 100 m strip
    assert attributes["population"] == pytest.approx(100.0)
    assert attributes["share_pct"] == pytest.approx(100 * 100 / 110)  # percent of the 110 inhabitants


def test_rings_delays_and_maximum_times(provider):
    rings = features(catchments(BANDS="5, 10", RINGS=True))
    assert [(a["lower_min"], a["band_min"], round(a["area_km2"], 9)) for a, _ in rings] == [(0, 5, 1.0), (5, 10, 1.0)]
    assert rings[0][1].intersection(rings[1][1]).area < 1e-6
    # A 4-minute delay leaves 6 minutes of road in the 10-minute band.
    [(delayed, polygon)] = features(catchments(INPUT=facilities([("F", 12500, 0, 4.0)]), DELAY_FIELD="delay"))
    assert polygon.bounds == pytest.approx((6500, -50, 18500, 50), abs=1e-6)
    capped = facilities([("F", 12500, 0, 3.0)])
    [(attributes, polygon)] = features(catchments(INPUT=capped, MAX_TIME_FIELD="delay", BANDS="10"))
    assert polygon.bounds == pytest.approx((9500, -50, 15500, 50), abs=1e-6)


def test_modes_on_the_sample(provider, sample):
    common = dict(INPUT=sample["gp_sites"], FACILITY_ID_FIELD="site_id", BANDS="5,10", ROADS=sample["roads"],
                  POPULATION=sample["communes"], POPULATION_FIELD="population", BUFFER_WIDTH=150, SPEED_FIELD=None,
                  **SAMPLE_NETWORK)
    split = features(catchments(**common, MODE=2))
    dissolve = features(catchments(**common, MODE=1))
    overlap = features(catchments(**common, MODE=0))
    sites = QgsVectorLayer(sample["gp_sites"], "sites", "ogr").featureCount()
    assert len(split) == len(overlap) == 2 * sites and len(dissolve) == 2
    assert all(a["facility_id"] is None for a, _ in dissolve)
    for band in (5, 10):
        pieces = [polygon for a, polygon in split if a["band_min"] == band]
        [whole] = [polygon for a, polygon in dissolve if a["band_min"] == band]
        # Split polygons do not overlap and cover exactly the dissolved polygon; so do their populations.
        assert sum(p.area for p in pieces) == pytest.approx(whole.area, rel=1e-6)
        assert shapely.union_all(pieces).symmetric_difference(whole).area < 1e-6 * whole.area
        assert sum(a["population"] for a, _ in split if a["band_min"] == band) == pytest.approx(
            [a["population"] for a, _ in dissolve if a["band_min"] == band][0], rel=1e-6)
        # Overlapping polygons of the facilities together make the dissolved polygon, up to slivers where a bend
        # is drawn as a buffer's round join in one and as a node's disc in the other (both 8-sided).
        together = shapely.union_all([polygon for a, polygon in overlap if a["band_min"] == band])
        assert together.symmetric_difference(whole).area < 1e-4 * whole.area
    total = sum(f["population"] for f in QgsVectorLayer(sample["communes"], "c", "ogr").getFeatures())
    ten = [a for a, _ in dissolve if a["band_min"] == 10][0]
    assert 0 < ten["population"] <= total and ten["share_pct"] == pytest.approx(100 * ten["population"] / total)
    # Communes counted whole where their point on surface falls: a whole number of inhabitants, more of them.
    whole = features(catchments(**common, MODE=1, POPULATION_COUNTING=1))
    counted = [a["population"] for a, _ in whole if a["band_min"] == 10][0]
    assert counted == round(counted) and ten["population"] < counted <= total


def test_through_qgis_process(qgis_process_config, sample, tmp_path):
    output = tmp_path / "catchments.gpkg"
    result = run_algorithm("medicaldeserts:catchmentareas", dict(
        INPUT=sample["facilities"], BANDS="10,20", MODE=1, RINGS=True, ROADS=sample["roads"], POPULATION=sample["communes"],
        POPULATION_FIELD="population", OUTPUT=output, **SAMPLE_NETWORK), qgis_process_config)
    assert any("inhabitants" in line for line in result["log"]["info"])
    layer = QgsVectorLayer(str(output), "catchments", "ogr")
    assert [(f["lower_min"], f["band_min"]) for f in layer.getFeatures()] == [(0, 10), (10, 20)]
    # the band style is saved in the GeoPackage: the file opens styled, as after a run in the QGIS window
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "band_min"
    assert [r.label() for r in renderer.ranges()] == ["0–10 min", "10–20 min"]


@pytest.mark.parametrize("overrides, message", [
    (dict(BANDS="10,5"), "strictly increasing"),
    (dict(BANDS="ten"), "numbers of minutes"),
    (dict(BANDS="0,10"), "more than 0 minutes"),
    (dict(BANDS=" "), "at least one band"),
    (dict(ROADS=None), "road network layer"),
    (dict(INPUT=facilities([])), "facilities layer has no features"),
    (dict(INPUT=facilities([("far", 12500, 9000, None)]), SNAP_TOLERANCE=500), "none of the 1 facilities"),
    (dict(INPUT=facilities([("F", 12500, 0, -2.0)]), DELAY_FIELD="delay"), "negative"),
    (dict(POPULATION=facilities([("p", 0, 0, 1.0)])), "population field"),
    (dict(BUFFER_WIDTH=0), "half-width"),
])
def test_bad_input(provider, no_file, overrides, message):
    with pytest.raises(QgsProcessingException, match=message):
        catchments(OUTPUT=no_file, **overrides)
    assert not Path(no_file).exists()
