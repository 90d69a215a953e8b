"""accessibilityindex through processing.run: PySAL's hospital example from a travel-time table, the APL rules on
hand-made places, the sample département by road and by table, a qgis_process run, and bad input."""

from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from bad_input import Log, run_refused
from conftest import csv_table, memory_layer
from scripts.qgis_runner import run_algorithm

AGE_FIELDS = [f"pop_{age:02d}_{age + 4:02d}" for age in range(0, 90, 5)] + ["pop_90_plus"]

# PySAL access "hospital example": tracts 0 and 1 are suburbs, 2 the city; self-cost 1, suburb-city 40, cross 80.
TRACTS = [("0", 0, 0, 100, 15), ("1", 8000, 0, 50, 20), ("2", 4000, 0, 10, 100)]
COSTS = {(0, 0): 1, (1, 1): 1, (2, 2): 1, (0, 2): 40, (2, 0): 40, (1, 2): 40, (2, 1): 40, (0, 1): 80, (1, 0): 80}


def tracts():
    return memory_layer("Point", ["tract:string", "pop:double", "doctors:double"],
                        [(f"POINT({x} {y})", [code, pop, doctors]) for code, x, y, pop, doctors in TRACTS])


def cost_table():
    return memory_layer("None", ["origin_id:string", "destination_id:string", "minutes:double"],
                        [(None, [str(o), str(d), float(c)]) for (o, d), c in COSTS.items()])


def hospital(provider, method, **overrides):
    parameters = dict(INPUT=tracts(), POPULATION_FIELD="pop", DEMAND_ID_FIELD="tract", SUPPLY=tracts(),
                      SUPPLY_FIELD="doctors", SUPPLY_ID_FIELD="tract", METHOD=method, CUTOFF=61, SCALE=1,
                      TRAVEL_TABLE=cost_table(), OUTPUT="memory:")
    parameters.update(overrides)
    layer = processing.run("medicaldeserts:accessibilityindex", parameters)["OUTPUT"]
    return [feature["access_index"] for feature in sorted(layer.getFeatures(), key=lambda f: f["tract"])]


def test_pysal_hospital_example_from_a_travel_table(provider):
    assert hospital(provider, 4) == pytest.approx([0.331444, 0.579828, 7.286418], abs=1e-6)  # gravity 1/cost
    assert hospital(provider, 1) == pytest.approx([0.761364, 0.958333, 1.094697], abs=1e-6)  # binary 2SFCA


def test_tables_without_geometry_give_the_same_index_with_a_travel_table(provider, tmp_path):
    """With a travel-time table the positions are not used: the tracts as a CSV file (no geometry, every column
    text) give PySAL's numbers, and the output is a table too."""
    path = csv_table(tmp_path / "tracts.csv", ["tract", "pop", "doctors"],
                     [[code, pop, doctors] for code, _, _, pop, doctors in TRACTS])
    assert hospital(provider, 4, INPUT=path, SUPPLY=path) == pytest.approx([0.331444, 0.579828, 7.286418], abs=1e-6)
    table = memory_layer("None", ["tract:string", "pop:double", "doctors:double"],
                         [(None, [code, pop, doctors]) for code, _, _, pop, doctors in TRACTS])
    assert hospital(provider, 1, INPUT=table) == pytest.approx([0.761364, 0.958333, 1.094697], abs=1e-6)
    layer = processing.run("medicaldeserts:accessibilityindex", dict(
        INPUT=path, POPULATION_FIELD="pop", DEMAND_ID_FIELD="tract", SUPPLY=path, SUPPLY_FIELD="doctors",
        SUPPLY_ID_FIELD="tract", METHOD=1, CUTOFF=61, SCALE=1, TRAVEL_TABLE=cost_table(),
        OUTPUT=str(tmp_path / "index.gpkg")))["OUTPUT"]
    output = QgsVectorLayer(layer, "index", "ogr")
    assert not output.isSpatial() and output.featureCount() == 3
    assert sorted(f["access_index"] for f in output.getFeatures()) == pytest.approx([0.761364, 0.958333, 1.094697],
                                                                                     abs=1e-6)


def test_a_table_without_geometry_needs_a_travel_table(provider, tmp_path):
    path = csv_table(tmp_path / "tracts.csv", ["tract", "pop", "doctors"],
                     [[code, pop, doctors] for code, _, _, pop, doctors in TRACTS])
    run_refused("medicaldeserts:accessibilityindex", dict(
        INPUT=path, POPULATION_FIELD="pop", SUPPLY=tracts(), SUPPLY_FIELD="doctors", METHOD=1, CUTOFF=61,
        STRAIGHT_SPEED=60, OUTPUT=str(tmp_path / "index.gpkg")),
        "Without a travel-time table, the demand units layer needs point or polygon geometry: “tracts” has none",
        inputs=[path])


def test_e2sfca_bands_by_hand(provider):
    # bands 0-1 min: 1, up to 61: 0.5. Supply 15 at tract 0 sees 100x1 + 10x0.5 = 105 (80 min to tract 1: out).
    # Tract 0 reaches its own doctors (w 1) and the city's (w 0.5): R0 = 15/105, R2 = 100/(100x.5+50x.5+10) ...
    got = hospital(provider, 2, BANDS="1:1, 61:0.5")
    r = [15 / (100 + 0.5 * 10), 20 / (50 + 0.5 * 10), 100 / (0.5 * 100 + 0.5 * 50 + 10)]
    assert got == pytest.approx([r[0] + 0.5 * r[2], r[1] + 0.5 * r[2], 0.5 * r[0] + 0.5 * r[1] + r[2]], abs=1e-12)


def places(rows, fields=("code:string", "pop:double", "n:double", "acts:double")):
    return memory_layer("Point", list(fields), [(f"POINT({x} {y})", attributes) for x, y, *attributes in rows])


def apl(provider, demand, supply, **overrides):
    parameters = dict(INPUT=demand, POPULATION_FIELD="pop", SUPPLY=supply, SUPPLY_FIELD="n", ACTIVITY_FIELD="acts",
                      METHOD=0, STRAIGHT_SPEED=60, DETOUR_FACTOR=1.0, OUTPUT="memory:")
    parameters.update(overrides)
    layer = processing.run("medicaldeserts:accessibilityindex", parameters)["OUTPUT"]
    return {f["code"]: (f["access_index"], f["nearest_min"]) for f in layer.getFeatures()}


def test_apl_rules_by_hand(provider):
    # Straight lines at 60 km/h: 1 km = 1 min. Commune A holds 2 GPs (7,000 and no activity data: 6,000 + 5,400
    # each counted once per GP of the site: the site has n = 2 and one activity figure per GP).
    demand = places([(0, 0, "A", 1000.0, 0, 0), (12000, 0, "B", 500.0, 0, 0), (30000, 0, "C", 300.0, 0, 0)])
    supply = places([(0, 0, "A", 0, 2.0, 7000.0), (12000, 0, "B", 0, 1.0, None)])
    got = apl(provider, demand, supply)
    # Site A (12,000 acts): reached by A at 0 min (w 1), B at 12 min (w 2/3): D = 1000 + 500 x 2/3.
    # Site B (5,400 acts): reached by B (w 1), A (w 2/3), C is 18 min away (w 1/3): D = 500 + 1000 x 2/3 + 300/3.
    ratio_a, ratio_b = 12000 / (1000 + 500 * 2 / 3), 5400 / (500 + 1000 * 2 / 3 + 300 / 3)
    assert got["A"][0] == pytest.approx(ratio_a + 2 / 3 * ratio_b, rel=1e-12)
    assert got["B"][0] == pytest.approx(2 / 3 * ratio_a + ratio_b, rel=1e-12)
    assert got["C"][0] == pytest.approx(ratio_b / 3, rel=1e-12)
    assert got["C"][1] == pytest.approx(18.0)


def test_apl_same_commune_is_zero_minutes(provider):
    # The GP sits 12 km from commune A's point but in commune A: weight 1, not 2/3. Commune B is 5 km from it.
    demand = places([(0, 0, "A", 1000.0, 0, 0), (17000, 0, "B", 500.0, 0, 0)])
    supply = places([(12000, 0, "A", 0, 1.0, 5000.0)])
    by_road = apl(provider, demand, supply)
    assert by_road["A"][0] == pytest.approx(2 / 3 * 5000 / (1000 * 2 / 3 + 500))
    zero = apl(provider, demand, supply, DEMAND_CODE_FIELD="code", SUPPLY_CODE_FIELD="code")
    assert zero["A"] == (pytest.approx(5000 / 1500), 0.0)
    assert zero["B"] == (pytest.approx(5000 / 1500), pytest.approx(5.0))


def published(rows):
    return memory_layer("None", ["codgeo:string", "apl:string"], [(None, [code, value]) for code, value in rows])


def test_calibration_on_a_published_apl_scales_every_commune_by_one_factor(provider):
    # The same three communes as test_apl_rules_by_hand; the published APL is known for A and B only. Mean of ours
    # over A and B weighted by population: (1000 a + 500 b) / 1500; theirs (text, French decimals): (1000 x 4 +
    # 500 x 2,5) / 1500 = 3.5. Every commune, C too, is multiplied by theirs / ours.
    demand = places([(0, 0, "A", 1000.0, 0, 0), (12000, 0, "B", 500.0, 0, 0), (30000, 0, "C", 300.0, 0, 0)])
    supply = places([(0, 0, "A", 0, 2.0, 7000.0), (12000, 0, "B", 0, 1.0, None)])
    plain = apl(provider, demand, supply, DEMAND_CODE_FIELD="code")
    factor = 3.5 / ((1000 * plain["A"][0] + 500 * plain["B"][0]) / 1500)
    log = Log()
    calibrated = processing.run("medicaldeserts:accessibilityindex", dict(
        INPUT=demand, POPULATION_FIELD="pop", SUPPLY=supply, SUPPLY_FIELD="n", ACTIVITY_FIELD="acts", METHOD=0,
        STRAIGHT_SPEED=60, DETOUR_FACTOR=1.0, DEMAND_CODE_FIELD="code", CALIBRATION=published([("A", "4"), ("B", "2,5")]),
        CALIBRATION_CODE_FIELD="codgeo", CALIBRATION_INDEX_FIELD="apl", OUTPUT="memory:"), feedback=log)["OUTPUT"]
    got = {f["code"]: f["access_index"] for f in calibrated.getFeatures()}
    assert got == pytest.approx({code: factor * value for code, (value, _) in plain.items()}, rel=1e-12)
    assert f"multiplied by {factor:.4f}" in log.text() and "the 2 communes" in log.text()


def test_calibration_needs_codes_that_match(provider, tmp_path):
    demand = places([(0, 0, "A", 1000.0, 0, 0)])
    supply = places([(0, 0, "A", 0, 1.0, 5000.0)])
    common = dict(INPUT=demand, POPULATION_FIELD="pop", SUPPLY=supply, SUPPLY_FIELD="n", METHOD=0,
                  CALIBRATION_CODE_FIELD="codgeo", CALIBRATION_INDEX_FIELD="apl", OUTPUT=str(tmp_path / "apl.gpkg"))
    run_refused("medicaldeserts:accessibilityindex", dict(common, CALIBRATION=published([("A", "3")])),
                "needs the demand commune code field")
    run_refused("medicaldeserts:accessibilityindex", dict(common, DEMAND_CODE_FIELD="code",
                                                          CALIBRATION=published([("Z", "3")])),
                "no demand unit has both a published index and inhabitants")
    run_refused("medicaldeserts:accessibilityindex", dict(common, DEMAND_CODE_FIELD="code",
                                                          CALIBRATION=published([("A", "3"), ("A", "4")])),
                "each commune needs one published APL")


def test_sample_by_road_equals_sample_by_reused_table(provider, sample):
    network = dict(ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", DIRECTION_FIELD="oneway")
    common = dict(INPUT=sample["communes"], POPULATION_FIELD="population", AGE_FIELDS=AGE_FIELDS,
                  DEMAND_ID_FIELD="code_insee", SUPPLY=sample["gp_sites"], SUPPLY_FIELD="n_gp",
                  SUPPLY_ID_FIELD="site_id", OUTPUT="memory:")
    by_road = processing.run("medicaldeserts:accessibilityindex", dict(common, **network))["OUTPUT"]
    table = processing.run("medicaldeserts:traveltimematrix", dict(
        network, ORIGINS=sample["communes"], ORIGIN_ID_FIELD="code_insee", DESTINATIONS=sample["gp_sites"],
        DESTINATION_ID_FIELD="site_id", CUTOFF=20, OUTPUT="memory:"))["OUTPUT"]
    by_table = processing.run("medicaldeserts:accessibilityindex", dict(common, TRAVEL_TABLE=table))["OUTPUT"]
    road = {f["code_insee"]: (f["access_index"], f["pop_std"]) for f in by_road.getFeatures()}
    reused = {f["code_insee"]: (f["access_index"], f["pop_std"]) for f in by_table.getFeatures()}
    assert reused == {code: (pytest.approx(i, abs=1e-9), pytest.approx(p)) for code, (i, p) in road.items()}
    total_std = sum(p for _, p in road.values())
    assert 0.8 * 124307 < total_std < 1.3 * 124307  # age weights average near 1
    assert sum(1 for i, _ in road.values() if i < 2.5) > 10  # the sample has underserved communes


def test_accessibility_through_qgis_process(qgis_process_config, sample, tmp_path):
    output = tmp_path / "apl.gpkg"
    run_algorithm("medicaldeserts:accessibilityindex", dict(
        INPUT=sample["communes"], POPULATION_FIELD="population", AGE_FIELDS=";".join(AGE_FIELDS),
        SUPPLY=sample["gp_sites"], SUPPLY_FIELD="n_gp", DEMAND_CODE_FIELD="code_insee",
        SUPPLY_CODE_FIELD="code_insee", ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", OUTPUT=output),
        qgis_process_config)
    layer = QgsVectorLayer(str(output), "apl", "ogr")
    assert layer.featureCount() == 300
    assert max(f["access_index"] for f in layer.getFeatures()) > 2.5


@pytest.mark.parametrize("overrides, message", [
    (dict(POPULATION_FIELD="zero"), "population"),
    (dict(POPULATION_FIELD="negative"), "negative"),
    (dict(AGE_FIELDS=["pop", "zero"]), "19 age-group fields"),
    (dict(METHOD=2, BANDS="10:1, 5:0.5"), "increasing"),
    (dict(METHOD=2, BANDS="ten minutes"), "minutes:weight"),
    (dict(METHOD=1, CUTOFF=0), "cutoff"),
    (dict(SUPPLY_FIELD="negative"), "negative"),
    (dict(TRAVEL_TABLE="table_without_matches"), "identifier"),
])
def test_bad_input_is_refused_clearly(provider, no_file, overrides, message):
    fields = ("code:string", "pop:double", "zero:double", "negative:double", "n:double", "acts:double")
    layer = places([(0, 0, "A", 100.0, 0.0, -5.0, 1.0, None), (5000, 0, "B", 50.0, 0.0, 1.0, 1.0, None)], fields)
    parameters = dict(INPUT=layer, POPULATION_FIELD="pop", SUPPLY=layer, SUPPLY_FIELD="n", METHOD=0, OUTPUT=no_file)
    parameters.update(overrides)
    if parameters.get("TRAVEL_TABLE"):
        parameters["TRAVEL_TABLE"] = memory_layer(
            "None", ["origin_id:string", "destination_id:string", "minutes:double"], [(None, ["x", "y", 1.0])])
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("medicaldeserts:accessibilityindex", parameters)
    assert not Path(no_file).exists()


def test_supply_out_of_reach_gives_zero_and_says_so(provider):
    demand = places([(0, 0, "A", 100.0, 0, 0)])
    supply = places([(100000, 0, "far", 0, 1.0, 5000.0)])
    assert apl(provider, demand, supply)["A"] == (0.0, pytest.approx(100.0))


def test_csv_table_text_minutes_in_french_and_ids_with_leading_zeros(provider, tmp_path):
    # GDAL reads every CSV column as text: "12,5" is 12.5 min, "1 234" is 1234 min (beyond the cutoff), a blank
    # time is missing, "1001" is not the demand unit "01001". Supply 10 reaches 100 inhabitants: ratio 0.1.
    table = tmp_path / "table.csv"
    table.write_text('origin_id,destination_id,minutes\n01001,s1,"12,5"\n01002,s1,1 234\n1001,s1,3\n01002,s1,\n',
                     encoding="utf-8")
    demand = memory_layer("Point", ["code:string", "pop:double"],
                          [("POINT(700000 6600000)", ["01001", 100.0]), ("POINT(710000 6600000)", ["01002", 50.0])],
                          crs="EPSG:2154")
    supply = memory_layer("Point", ["id:string", "n:double"], [("POINT(700000 6600000)", ["s1", 10.0])],
                          crs="EPSG:2154")
    layer = processing.run("medicaldeserts:accessibilityindex", dict(
        INPUT=demand, POPULATION_FIELD="pop", DEMAND_ID_FIELD="code", SUPPLY=supply, SUPPLY_FIELD="n",
        SUPPLY_ID_FIELD="id", METHOD=1, CUTOFF=30, SCALE=1, TRAVEL_TABLE=str(table), OUTPUT="memory:"))["OUTPUT"]
    result = {f["code"]: (f["access_index"], f["nearest_min"]) for f in layer.getFeatures()}
    assert result == {"01001": (pytest.approx(0.1), 12.5), "01002": (0.0, 1234.0)}


def test_nurses_preset_by_hand(provider):
    # PROFESSION=1 (nurses): the GPs' bands, 1 FTE = 1 (no caps), index per 100,000 inhabitants. Straight lines at
    # 60 km/h: 1 km = 1 min. Commune A (1,000 inh.) holds 3 FTE, B (500 inh.) 12 km away holds 1 FTE, C (300 inh.)
    # is 18 km from B and 30 km from A.
    # D_A = 1000 + 2/3 x 500 = 4000/3 (C at 30 min: 0); D_B = 2/3 x 1000 + 500 + 1/3 x 300 = 3800/3
    # R_A = 3 / (4000/3) = 9/4000, R_B = 1 / (3800/3) = 3/3800
    # A = R_A + 2/3 R_B = 225.0 + 52.6316 = 277.6316; B = 2/3 R_A + R_B = 150 + 78.9474 = 228.9474;
    # C = 1/3 R_B = 26.3158 FTE per 100,000
    demand = places([(0, 0, "A", 1000.0, 0, 0), (12000, 0, "B", 500.0, 0, 0), (30000, 0, "C", 300.0, 0, 0)])
    supply = places([(0, 0, "A", 0, 3.0, None), (12000, 0, "B", 0, 1.0, None)])
    log = Log()
    parameters = dict(INPUT=demand, POPULATION_FIELD="pop", SUPPLY=supply, SUPPLY_FIELD="n", METHOD=0,
                      PROFESSION=1, STRAIGHT_SPEED=60, DETOUR_FACTOR=1.0, OUTPUT="memory:")
    layer = processing.run("medicaldeserts:accessibilityindex", parameters, feedback=log)["OUTPUT"]
    got = {f["code"]: f["access_index"] for f in layer.getFeatures()}
    r_a, r_b = 9 / 4000, 3 / 3800
    assert got["A"] == pytest.approx(1e5 * (r_a + 2 / 3 * r_b), rel=1e-12) == pytest.approx(277.6316, abs=1e-4)
    assert got["B"] == pytest.approx(1e5 * (2 / 3 * r_a + r_b), rel=1e-12) == pytest.approx(228.9474, abs=1e-4)
    assert got["C"] == pytest.approx(1e5 * r_b / 3, rel=1e-12)
    assert not any("under 2.5" in line for line in log.info)


@pytest.mark.parametrize("overrides, message", [
    (dict(PROFESSION=1, ACTIVITY_FIELD="acts"), "applies to the GPs' APL only, not to nurses"),
    (dict(PROFESSION=3, POPULATION_FIELD=None), "midwives' APL counts women"),
])
def test_bad_profession_and_field_combination(provider, tmp_path, overrides, message):
    layer = places([(0, 0, "A", 100.0, 1.0, 4000.0), (5000, 0, "B", 50.0, 1.0, 4000.0)])
    output = str(tmp_path / "apl.gpkg")
    parameters = dict(INPUT=layer, POPULATION_FIELD="pop", SUPPLY=layer, SUPPLY_FIELD="n", METHOD=0, OUTPUT=output)
    parameters.update(overrides)
    parameters = {key: value for key, value in parameters.items() if value is not None}
    before = [f.attributes() for f in layer.getFeatures()]
    run_refused("medicaldeserts:accessibilityindex", parameters, message)
    assert [f.attributes() for f in layer.getFeatures()] == before
