"""underservedzones through processing.run on a hand-made grid of communes, chained after accessibilityindex on the
sample département through qgis_process, and bad input."""

from pathlib import Path

import processing
import pytest
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

from conftest import memory_layer
from scripts.qgis_runner import run_algorithm

# 3 x 3 grid of 1 km communes, row by row from the bottom left: APL, minutes to the nearest GP, population, ZRR.
#   c6 1.0  c7 3.0  c8 5.0
#   c3 2.0  c4 5.0  c5 2.2
#   c0 1.5  c1 2.0  c2 6.0
GRID = [(1.5, 12, 100, "C"), (2.0, 8, 200, "N"), (6.0, 3, 300, "N"),
        (2.0, 35, 400, "C"), (5.0, 2, 500, "N"), (2.2, 9, 600, "N"),
        (1.0, 40, 700, "C"), (3.0, 10, 800, "N"), (5.0, 5, 900, "N")]


def grid(std_factor=1.0):
    rows = []
    for k, (apl, minutes, pop, zrr) in enumerate(GRID):
        x, y = (k % 3) * 1000, (k // 3) * 1000
        rows.append((f"POLYGON(({x} {y}, {x + 1000} {y}, {x + 1000} {y + 1000}, {x} {y + 1000}, {x} {y}))",
                     [f"c{k}", apl, float(minutes), float(pop), pop * std_factor if k != 6 else pop * 2.0, zrr]))
    return memory_layer("Polygon", ["code:string", "apl:double", "minutes:double", "pop:double", "pop_std:double",
                                    "zrr:string"], rows)


def run(provider, **overrides):
    parameters = dict(INPUT=grid(), INDEX_FIELD="apl", POPULATION_FIELD="pop", RULE=0, OUTPUT="memory:",
                      OUTPUT_ZONES="memory:", OUTPUT_SUMMARY="memory:")
    parameters.update(overrides)
    result = processing.run("medicaldeserts:underservedzones", parameters)
    units = {f["code"]: (f["class_code"], f["zone_id"], f["hotspot"]) for f in result["OUTPUT"].getFeatures()}
    zones = {f["zone_id"]: f for f in result["OUTPUT_ZONES"].getFeatures()}
    return units, zones, result


def test_queen_joins_corner_touching_units_and_rook_does_not(provider):
    # Under 2.5: c0, c1, c3, c5, c6. Queen: c0-c1-c3-c6 touch by edges; c5 touches c1 only at a corner.
    units, zones, _ = run(provider)
    assert {code for code, (cls, _, _) in units.items() if cls == 2} == {"c0", "c1", "c3", "c5", "c6"}
    assert units["c5"][1] == units["c0"][1] and len(zones) == 1
    units, zones, _ = run(provider, CONTIGUITY=1)
    assert len(zones) == 2 and units["c5"][1] != units["c0"][1]
    big = zones[units["c0"][1]]
    assert big["n_units"] == 4 and big["population"] == 100 + 200 + 400 + 700
    assert big["worst_index"] == 1.0
    assert units["c4"][1] == NULL and units["c7"][0] == 1  # served has no zone; 3.0 is vigilance


def test_mean_uses_standardised_population_and_counts_use_plain_population(provider):
    units, zones, result = run(provider, STD_POPULATION_FIELD="pop_std", CONTIGUITY=1, ZRR_FIELD="zrr")
    big = zones[units["c0"][1]]
    weights = {"c0": 100, "c1": 200, "c3": 400, "c6": 1400}  # c6's standardised population is doubled
    apl = {"c0": 1.5, "c1": 2.0, "c3": 2.0, "c6": 1.0}
    assert big["mean_index"] == pytest.approx(sum(apl[c] * w for c, w in weights.items()) / sum(weights.values()))
    assert big["pop_below"] == 1400  # plain population
    assert big["zrr_pct"] == pytest.approx(100 * (100 + 400 + 700) / 1400)  # percent of the zone's population
    summary = [tuple(f.attributes()) for f in result["OUTPUT_SUMMARY"].getFeatures()]
    assert summary[-1][0] == "Total" and summary[-1][3] == 1400 + 600
    assert result["OUTPUT_SUMMARY"].fields().names()[-1] == "part_population_pct"  # French by default
    assert summary[-1][-1] == pytest.approx(100 * 2000 / 4500)  # percent of the territory's 4,500 inhabitants


def test_time_rule_and_qpv_pct(provider):
    qpv = memory_layer("Polygon", ["name:string"], [("POLYGON((0 1000, 500 1000, 500 3000, 0 3000, 0 1000))", ["q"])])
    units, zones, _ = run(provider, TIME_FIELD="minutes", RULE=1, QPV=qpv)
    assert {c for c, (cls, _, _) in units.items() if cls == 3} == {"c3", "c6"}
    zone = zones[units["c3"][1]]
    assert zone["n_units"] == 2 and zone["qpv_pct"] == pytest.approx(50.0)
    assert zone["mean_min"] == pytest.approx((35 * 400 + 40 * 700) / 1100)


def test_hot_spots_are_reported(provider):
    units, _, _ = run(provider, HOTSPOTS=True, ALPHA=0.5)
    assert {hot for _, _, hot in units.values()} <= {"hot", "cold", "not significant"}
    assert units["c6"][2] in ("cold", "not significant")


def test_chained_after_accessibility_through_qgis_process(qgis_process_config, sample, tmp_path):
    apl, zones_path = tmp_path / "apl.gpkg", tmp_path / "zones.gpkg"
    ages = ";".join([f"pop_{a:02d}_{a + 4:02d}" for a in range(0, 90, 5)] + ["pop_90_plus"])
    run_algorithm("medicaldeserts:accessibilityindex", dict(
        INPUT=sample["communes"], POPULATION_FIELD="population", AGE_FIELDS=ages, SUPPLY=sample["gp_sites"],
        SUPPLY_FIELD="n_gp", ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", OUTPUT=apl), qgis_process_config)
    result = run_algorithm("medicaldeserts:underservedzones", dict(
        INPUT=apl, INDEX_FIELD="access_index", TIME_FIELD="nearest_min", POPULATION_FIELD="population",
        STD_POPULATION_FIELD="pop_std", OUTPUT=tmp_path / "units.gpkg", OUTPUT_ZONES=zones_path,
        OUTPUT_SUMMARY=tmp_path / "summary.gpkg"), qgis_process_config)
    assert "zone(s)" in " ".join(result["log"]["info"])
    zones = QgsVectorLayer(str(zones_path), "zones", "ogr")
    assert zones.featureCount() >= 1
    populations = [f["population"] for f in zones.getFeatures()]
    assert populations == sorted(populations, reverse=True)


@pytest.mark.parametrize("overrides, message", [
    (dict(INDEX_FIELD=None), "index field, a time field"),
    (dict(INDEX_FIELD="code"), "not numbers|numeric|Numeric|field"),
    (dict(POPULATION_FIELD="nope"), "nope|field"),
    (dict(PROFESSION=1), "No official zoning sets an APL threshold for nurses"),
])
def test_bad_input(provider, no_file, overrides, message):
    outputs = [no_file.replace(".gpkg", f"_{name}.gpkg") for name in ("units", "zones", "summary")]
    parameters = dict(INPUT=grid(), INDEX_FIELD="apl", POPULATION_FIELD="pop", OUTPUT=outputs[0],
                      OUTPUT_ZONES=outputs[1], OUTPUT_SUMMARY=outputs[2])
    parameters.update(overrides)
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("medicaldeserts:underservedzones", parameters)
    assert not any(Path(path).exists() for path in outputs)


def test_invalid_polygon_is_repaired_and_reported(provider):
    bow_tie = memory_layer("Polygon", ["code:string", "apl:double", "pop:double"], [
        ("POLYGON((0 0, 1000 1000, 1000 0, 0 1000, 0 0))", ["bow", 1.0, 10.0]),
        ("POLYGON((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))", ["sq", 1.0, 20.0])])
    result = processing.run("medicaldeserts:underservedzones", dict(
        INPUT=bow_tie, INDEX_FIELD="apl", POPULATION_FIELD="pop", OUTPUT="memory:", OUTPUT_ZONES="memory:",
        OUTPUT_SUMMARY="memory:"))
    assert result["OUTPUT"].featureCount() == 2


def test_profession_thresholds(provider):
    # GPs (default): under 2.5 underserved (c0 1.5, c1 2.0, c3 2.0, c5 2.2, c6 1.0), 2.5-4 vigilance (c7 3.0).
    units, _, _ = run(provider)
    assert {code for code, (cls, _, _) in units.items() if cls == 2} == {"c0", "c1", "c3", "c5", "c6"}
    assert units["c7"][0] == 1
    # Nurses with their own thresholds (the grid's values read as FTE per 100,000): under 2.1, vigilance to 5.
    units, _, _ = run(provider, PROFESSION=1, UNDERSERVED=2.1, VIGILANCE=5.0)
    assert {code for code, (cls, _, _) in units.items() if cls == 2} == {"c0", "c1", "c3", "c6"}
    assert {code for code, (cls, _, _) in units.items() if cls == 1} == {"c5", "c7"}
