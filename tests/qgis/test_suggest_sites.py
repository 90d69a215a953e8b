"""suggestsites through processing.run on hand-made places (straight lines at 60 km/h: 1 km = 1 min), the sample
département, qgis_process, and bad input."""

from pathlib import Path

import processing
import pytest
from qgis.core import NULL, QgsExpression, QgsExpressionContext, QgsProcessingException, QgsVectorLayer, QgsWkbTypes

from bad_input import Log, run_refused
from conftest import csv_table, memory_layer
from medical_deserts_plugin.core.network import StraightLineTravel
from medical_deserts_plugin.processing.run_record import recorded
from scripts.qgis_runner import run_algorithm

STRAIGHT = dict(STRAIGHT_SPEED=60, DETOUR_FACTOR=1.0)

# Villages on a line (km): population. An existing practice at km 0.
VILLAGES = [("v0", 0, 300.0), ("v10", 10, 200.0), ("v25", 25, 400.0), ("v40", 40, 100.0), ("v55", 55, 250.0)]
CANDIDATES = [("c20", 20), ("c30", 30), ("c50", 50)]


def villages():
    return memory_layer("Point", ["name:string", "pop:double"],
                        [(f"POINT({km * 1000} 0)", [name, pop]) for name, km, pop in VILLAGES])


def points(rows):
    return memory_layer("Point", ["id:string", "gps:double"], [(f"POINT({km * 1000} 0)", [i, 2.0]) for i, km in rows])


def suggest(provider, **overrides):
    parameters = dict(INPUT=villages(), POPULATION_FIELD="pop", CANDIDATES=points(CANDIDATES),
                      CANDIDATE_ID_FIELD="id", EXISTING=points([("e0", 0)]), EXISTING_ID_FIELD="id", P=1,
                      RADIUS=12, OUTPUT_SITES="memory:", OUTPUT_DEMAND="memory:", OUTPUT_LINES="memory:",
                      **STRAIGHT)
    parameters.update(overrides)
    result = processing.run("medicaldeserts:suggestsites", parameters)
    sites = sorted((f["rank"], f["site_id"], f["adds"], f["served_pop"]) for f in result["OUTPUT_SITES"].getFeatures())
    demand = {f["name"]: (f["assigned_site"], f["before_min"], f["after_min"], f["index_before"], f["index_after"])
              for f in result["OUTPUT_DEMAND"].getFeatures()}
    return sites, demand, result


def test_mclp_with_the_existing_practice_kept(provider):
    # Existing e0 covers v0 and v10 within 12 min. c30 adds v25 + v40 (500), c20 adds v25 (400), c50 v40 + v55 (350).
    sites, demand, result = suggest(provider)
    assert sites == [(1, "c30", 500.0, 500.0)]
    assert demand["v25"][0] == "c30" and demand["v25"][1] == pytest.approx(25.0)
    assert demand["v25"][2] == pytest.approx(5.0)
    assert demand["v55"][0] == NULL  # not covered within 12 min: no site assigned
    assert result["OUTPUT_LINES"].featureCount() == 4


def test_two_sites_cover_most_then_pmedian_minimises_time(provider):
    sites, _, _ = suggest(provider, P=2)
    assert [site for _, site, _, _ in sites] == ["c30", "c50"]  # c30 adds 500 covered, c50 then 350

    # p-median, p = 1: inhabitant-minutes to the nearer of e0 and the candidate, for each of the three candidates.
    def cost(site_km):
        return sum(pop * min(abs(km), abs(km - site_km)) for _, km, pop in VILLAGES)
    best = min(CANDIDATES, key=lambda c: cost(c[1]))
    sites, demand, _ = suggest(provider, MODEL=1)
    assert sites[0][1] == best[0]
    assert sum(p * demand[n][2] for n, _, p in VILLAGES) == pytest.approx(cost(best[1]))


def test_site_label_says_what_the_site_changes_in_the_model_unit(provider, tmp_path):
    def label(model):
        path = str(tmp_path / f"sites_{model}.gpkg")
        processing.run("medicaldeserts:suggestsites", dict(
            INPUT=villages(), POPULATION_FIELD="pop", CANDIDATES=points(CANDIDATES), CANDIDATE_ID_FIELD="id",
            EXISTING=points([("e0", 0)]), EXISTING_ID_FIELD="id", P=1, RADIUS=12, MODEL=model, OUTPUT_SITES=path,
            OUTPUT_DEMAND="memory:", **STRAIGHT))
        sites = QgsVectorLayer(path, "sites", "ogr")
        context = QgsExpressionContext()
        context.setFeature(next(sites.getFeatures()))
        return QgsExpression(sites.labeling().settings().fieldName).evaluate(context)

    # MCLP: c30 adds v25 + v40 within 12 min.
    assert label(0) == "1. c30\n+500 inhabitants within 12 min"
    # p-median, p = 1: all to e0 costs 29,750 inhabitant-minutes, with c30 11,250: c30 saves 18,500.
    assert label(1) == "1. c30\n−18,500 inhabitant-minutes"
    # p-center, p = 1: the worst trip without a new site is v55's 55 min; with c30 it is 25 min (v25, v55): −30.
    assert label(2) == "1. c30\n−30.0 min on the longest trip"
    # The run is recorded in the sites' metadata, in a GeoPackage as in memory.
    record = recorded(QgsVectorLayer(str(tmp_path / "sites_0.gpkg"), "sites", "ogr"))
    assert {key: record[key] for key in ("model", "p", "radius_min", "solver", "optimal")} == {
        "model": "mclp", "p": "1", "radius_min": "12", "solver": "milp", "optimal": "yes"}
    assert float(record["mip_gap"]) <= 1e-4 and "max_time_min" not in record
    _, _, result = suggest(provider, MODEL=1)
    record = recorded(result["OUTPUT_SITES"])
    assert record["model"] == "p_median" and record["max_time_min"] == "120" and "radius_min" not in record
    assert "HiGHS: optimal" in result["OUTPUT_SITES"].metadata().abstract()


def test_pcenter_and_set_cover(provider):
    sites, demand, _ = suggest(provider, MODEL=2)  # the worst trip, whichever candidate opens, is the least possible
    worst = {c: max(min(abs(km), abs(km - ckm)) for _, km, _ in VILLAGES) for c, ckm in CANDIDATES}
    assert max(v[2] for v in demand.values()) == pytest.approx(min(worst.values()))
    sites, demand, _ = suggest(provider, MODEL=3, RADIUS=15)  # everyone within 15 min: c30 and c50 with e0
    assert all(v[2] <= 15 for v in demand.values())
    assert len(sites) == 2


def assert_predicted_index_recomputed(demand, places, chosen):
    """The APL lift's predicted index_after equals the APL that "Accessibility index" computes from scratch on
    ``places`` ("pop" = its demand) with the existing practice (2 GPs at km 0) and the chosen site (1 GP)."""
    after = processing.run("medicaldeserts:accessibilityindex", dict(
        INPUT=places, POPULATION_FIELD="pop",
        SUPPLY=memory_layer("Point", ["id:string", "n:double"], [
            ("POINT(0 0)", ["e0", 2.0]), (f"POINT({int(chosen[1:]) * 1000} 0)", [chosen, 1.0])]),
        SUPPLY_FIELD="n", METHOD=0, OUTPUT="memory:", **STRAIGHT))["OUTPUT"]
    recomputed = {f["name"]: f["access_index"] for f in after.getFeatures()}
    assert {name: values[4] for name, values in demand.items()} == {
        name: pytest.approx(value, rel=1e-9) for name, value in recomputed.items()}


def test_apl_lift_predicts_what_accessibilityindex_then_computes(provider):
    villages_near = memory_layer("Point", ["name:string", "pop:double"], [
        ("POINT(0 0)", ["a", 1000.0]), ("POINT(12000 0)", ["b", 800.0]), ("POINT(30000 0)", ["c", 600.0])])
    sites, demand, _ = suggest(provider, INPUT=villages_near, CANDIDATES=points([("k12", 12), ("k30", 30)]),
                               MODEL=4, SITE_SUPPLY=5400.0, EXISTING_SUPPLY_FIELD="gps")
    assert_predicted_index_recomputed(demand, villages_near, sites[0][1])
    assert demand["c"][3] == 0.0 and demand["c"][4] > 2.5  # village c had nothing within 20 min


def test_apl_lift_shares_supply_by_standardised_population(provider):
    """With a pop_std field (as "Accessibility index" writes), the APL uses it as demand; people stay counted by
    the population field. The predicted index equals the index recomputed on pop_std."""
    rows = [("POINT(0 0)", "a", 1000.0, 1300.0), ("POINT(12000 0)", "b", 800.0, 500.0),
            ("POINT(30000 0)", "c", 600.0, 900.0)]
    places = memory_layer("Point", ["name:string", "pop:double", "pop_std:double"],
                          [(wkt, [name, pop, std]) for wkt, name, pop, std in rows])
    standardised = memory_layer("Point", ["name:string", "pop:double"],
                                [(wkt, [name, std]) for wkt, name, _, std in rows])
    candidates = points([("k12", 12), ("k30", 30)])
    sites, demand, _ = suggest(provider, INPUT=places, CANDIDATES=candidates, MODEL=4, SITE_SUPPLY=5400.0,
                               EXISTING_SUPPLY_FIELD="gps")
    assert_predicted_index_recomputed(demand, standardised, sites[0][1])
    _, plain_demand, _ = suggest(provider, INPUT=places, CANDIDATES=candidates, MODEL=4, SITE_SUPPLY=5400.0,
                                 EXISTING_SUPPLY_FIELD="gps", APL_DEMAND_FIELD="pop")
    assert plain_demand["a"][3] != pytest.approx(demand["a"][3])  # the demand changes the index


def test_sample_and_qgis_process(provider, sample, qgis_process_config, tmp_path):
    out = tmp_path / "sites.gpkg"
    demand_out = tmp_path / "demand.gpkg"
    run_algorithm("medicaldeserts:suggestsites", dict(
        INPUT=sample["communes"], POPULATION_FIELD="population", EXISTING=sample["gp_sites"], P=3, RADIUS=10,
        ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", OUTPUT_SITES=out, OUTPUT_DEMAND=demand_out),
        qgis_process_config)
    sites = QgsVectorLayer(str(out), "sites", "ogr")
    assert sites.featureCount() == 3
    adds = [f["adds"] for f in sorted(sites.getFeatures(), key=lambda f: f["rank"])]
    assert adds == sorted(adds, reverse=True) and adds[-1] > 0


def test_only_people_far_from_a_gp_or_under_an_index_count(provider):
    # Beyond 30 min of e0: v40 (100) and v55 (250). c50 covers both within 12 min (350), c30 only v40 (100).
    sites, _, result = suggest(provider, TARGET_BEYOND=30)
    assert sites == [(1, "c50", 350.0, 350.0)]
    targeted = {f["name"]: f["targeted"] for f in result["OUTPUT_DEMAND"].getFeatures()}
    assert targeted == {"v0": False, "v10": False, "v25": False, "v40": True, "v55": True}
    # An index under 250 (the population field as the index here): v10 (200), already within 12 min of e0, and
    # v40 (100), which c30 or c50 adds.
    sites, _, _ = suggest(provider, TARGET_INDEX_FIELD="pop", TARGET_INDEX_BELOW=250)
    assert sites[0][1:3] in (("c30", 100.0), ("c50", 100.0))
    # Either condition: v10, v40, v55: c50 again (350 against c20's 200).
    sites, _, _ = suggest(provider, TARGET_BEYOND=30, TARGET_INDEX_FIELD="pop", TARGET_INDEX_BELOW=250)
    assert sites[0][1:3] == ("c50", 350.0)
    # A time field of the demand layer in place of the existing facilities' times (empty = beyond reach).
    minutes = {"v0": 45.0, "v10": 3.0, "v25": None, "v40": 2.0, "v55": 1.0}
    layer = memory_layer("Point", ["name:string", "pop:double", "gp_min:double"],
                         [(f"POINT({km * 1000} 0)", [name, pop, minutes[name]]) for name, km, pop in VILLAGES])
    sites, _, _ = suggest(provider, INPUT=layer, EXISTING=None, TARGET_BEYOND=30, TARGET_TIME_FIELD="gp_min")
    assert sites[0][1:3] in (("c20", 400.0), ("c30", 400.0))  # v0 (no candidate near) and v25 (400)


def distance_table(rows=None):
    """Travel-time table villages x sites (candidates, then e0): the minutes of STRAIGHT (1 km = 1 min), computed
    by its engine so that they round alike at the APL's band limits (10, 15, 20 min)."""
    sites = CANDIDATES + [("e0", 0)]
    table = StraightLineTravel(60.0, 1.0).table([(km * 1000, 0) for _, km, _ in VILLAGES],
                                                [(km * 1000, 0) for _, km in sites], 1000.0)
    rows = rows or [[VILLAGES[o][0], sites[d][0], float(m)] for o, d, m in zip(table.origin, table.destination,
                                                                               table.minutes)]
    return memory_layer("None", ["origin_id:string", "destination_id:string", "minutes:double"],
                        [(None, row) for row in rows])


def test_a_travel_time_table_gives_the_same_sites_as_the_network(provider):
    for model in (0, 1, 4):  # MCLP, p-median, APL lift
        expected = suggest(provider, MODEL=model, P=2)
        from_table = suggest(provider, MODEL=model, P=2, TRAVEL_TABLE=distance_table(), DEMAND_ID_FIELD="name")
        assert from_table[0] == expected[0]  # sites, ranks, what each adds and serves
        assert from_table[1] == expected[1]  # each unit's site, minutes and APL before and after


def tables(rows, fields):
    """A memory layer without geometry (``NoGeometry``) of ``fields`` and ``rows``."""
    return memory_layer("None", fields, [(None, row) for row in rows])


def test_layers_without_geometry_give_the_same_sites_with_a_travel_table(provider):
    """With a travel-time table the positions are not used: the villages, candidates and existing practice as
    tables give the sites and numbers of the same run with points (those of the network, above); the outputs are
    tables then, and the sites keep their points when the candidates have them."""
    demand = tables([[name, pop] for name, _, pop in VILLAGES], ["name:string", "pop:double"])
    candidates = tables([[i, 2.0] for i, _ in CANDIDATES], ["id:string", "gps:double"])
    existing = tables([["e0", 2.0]], ["id:string", "gps:double"])
    for model in (0, 1, 4):  # MCLP, p-median, APL lift
        expected = suggest(provider, MODEL=model, P=2, TRAVEL_TABLE=distance_table(), DEMAND_ID_FIELD="name",
                           OUTPUT_LINES=None)
        got = suggest(provider, MODEL=model, P=2, TRAVEL_TABLE=distance_table(), DEMAND_ID_FIELD="name",
                      INPUT=demand, CANDIDATES=candidates, EXISTING=existing, EXISTING_SUPPLY_FIELD="gps",
                      OUTPUT_LINES=None)
        if model == 4:  # the APL lift with 2 GPs at e0, as the points' run above
            expected = suggest(provider, MODEL=model, P=2, TRAVEL_TABLE=distance_table(), DEMAND_ID_FIELD="name",
                               EXISTING_SUPPLY_FIELD="gps", OUTPUT_LINES=None)
        assert got[0] == expected[0] and got[1] == expected[1]
        assert not got[2]["OUTPUT_SITES"].isSpatial() and not got[2]["OUTPUT_DEMAND"].isSpatial()
    # MCLP by hand (test_mclp_with_the_existing_practice_kept): c30 adds v25 + v40, 500 inhabitants.
    sites, demand_rows, result = suggest(provider, TRAVEL_TABLE=distance_table(), DEMAND_ID_FIELD="name",
                                         INPUT=demand, OUTPUT_LINES=None)
    assert sites == [(1, "c30", 500.0, 500.0)] and demand_rows["v25"][:3] == ("c30", pytest.approx(25.0),
                                                                              pytest.approx(5.0))
    point = next(result["OUTPUT_SITES"].getFeatures()).geometry().asPoint()  # the candidate's point, Lambert-93
    assert (point.x() - 700000, point.y() - 6600000) == pytest.approx((30000, 0), abs=1e-6)
    assert QgsWkbTypes.geometryType(result["OUTPUT_SITES"].wkbType()) == QgsWkbTypes.GeometryType.PointGeometry


def test_a_csv_demand_table_through_qgis_process(provider, qgis_process_config, tmp_path):
    """suggestsites from a shell on CSV files (no geometry, every column text) with a CSV travel-time table."""
    demand = csv_table(tmp_path / "villages.csv", ["name", "pop"], [[name, pop] for name, _, pop in VILLAGES])
    candidates = csv_table(tmp_path / "candidates.csv", ["id", "gps"], [[i, 1] for i, _ in CANDIDATES])
    existing = csv_table(tmp_path / "existing.csv", ["id", "gps"], [["e0", 2]])  # GDAL needs two columns
    table = distance_table()
    travel = csv_table(tmp_path / "table.csv", ["origin_id", "destination_id", "minutes"],
                       [[f["origin_id"], f["destination_id"], f["minutes"]] for f in table.getFeatures()])
    out = tmp_path / "sites.gpkg"
    run_algorithm("medicaldeserts:suggestsites", dict(
        INPUT=demand, POPULATION_FIELD="pop", DEMAND_ID_FIELD="name", CANDIDATES=candidates, CANDIDATE_ID_FIELD="id",
        EXISTING=existing, EXISTING_ID_FIELD="id", P=1, RADIUS=12, TRAVEL_TABLE=travel, OUTPUT_SITES=out,
        OUTPUT_DEMAND=tmp_path / "demand.gpkg"), qgis_process_config)
    sites = QgsVectorLayer(str(out), "sites", "ogr")
    assert not sites.isSpatial()
    assert [(f["rank"], f["site_id"], f["adds"]) for f in sites.getFeatures()] == [(1, "c30", 500.0)]
    units = QgsVectorLayer(str(tmp_path / "demand.gpkg"), "demand", "ogr")
    assert {f["name"]: f["assigned_site"] for f in units.getFeatures()} == {
        "v0": "e0", "v10": "e0", "v25": "c30", "v40": "c30", "v55": NULL}


def test_layers_without_geometry_are_refused_where_positions_are_needed(provider, tmp_path):
    demand = csv_table(tmp_path / "villages.csv", ["name", "pop"], [[name, pop] for name, _, pop in VILLAGES])
    outputs = dict(OUTPUT_SITES=str(tmp_path / "sites.gpkg"), OUTPUT_DEMAND=str(tmp_path / "demand.gpkg"),
                   OUTPUT_LINES=str(tmp_path / "lines.gpkg"))
    parameters = dict(INPUT=villages(), POPULATION_FIELD="pop", CANDIDATES=demand, CANDIDATE_ID_FIELD="name", P=1,
                      RADIUS=12, **STRAIGHT, **outputs)
    # No travel-time table: the times come from the positions.
    run_refused("medicaldeserts:suggestsites", parameters, "Without a travel-time table, the candidate sites layer "
                "needs point or polygon geometry: “villages” has none", inputs=[demand])
    # With a table, the allocation lines still draw each unit to its site: refused before solving.
    log = Log()
    run_refused("medicaldeserts:suggestsites", dict(parameters, INPUT=demand, DEMAND_ID_FIELD="name",
                                                   CANDIDATES=points(CANDIDATES), CANDIDATE_ID_FIELD="id",
                                                   TRAVEL_TABLE=distance_table()),
                "The allocation lines join each demand unit to its site, but 5 of the 5 demand units have no "
                "geometry", inputs=[demand], feedback=log)
    assert not any("HiGHS" in line for line in log.lines)


@pytest.mark.parametrize("overrides, message", [
    (dict(TRAVEL_TABLE=distance_table([["nowhere", "c20", 1.0]]), DEMAND_ID_FIELD="name"),
     "No row of the travel-time table matches"),
    (dict(TARGET_BEYOND=30), "needs the existing facilities or a field"),
    (dict(TARGET_BEYOND=100, EXISTING=points([("e0", 0)])), "Nobody counts"),  # v55, the farthest, is 55 min away
    (dict(P=5), "only 3 candidate sites"),
    (dict(MODEL=3, RADIUS=1), "LSCP"),
    (dict(RADIUS=0), "more than 0 minutes"),
    (dict(POPULATION_FIELD="name"), "population|numeric|Numeric|field"),
])
def test_bad_input(provider, no_file, overrides, message):
    parameters = dict(INPUT=villages(), POPULATION_FIELD="pop", CANDIDATES=points(CANDIDATES), P=1, RADIUS=12,
                      OUTPUT_SITES=no_file, OUTPUT_DEMAND=no_file.replace(".gpkg", "_demand.gpkg"), **STRAIGHT)
    parameters.update(overrides)
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("medicaldeserts:suggestsites", parameters)
    assert not Path(no_file).exists()
