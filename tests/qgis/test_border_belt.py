"""The border belt of the imports (BELT_KM): three départements of 4 km square communes on one row, the belt keeping
the neighbours' communes within its width (flagged in_belt, which travels through the APL), a border commune whose
APL class changes when the neighbour's GPs come in, and bad input."""

import processing
import pytest
from qgis.core import QgsVectorLayer

from bad_input import Log, run_refused
from conftest import memory_layer

X0, Y0, SIDE = 600_000, 6_550_000, 4_000  # Lambert-93, central France
# (code, west edge in km): 23 from 0 to 12 km; 87 west of it, its communes' east edges 0, 4 and 9 km from 23's west
# edge; 19 east of it, its communes' west edges 0, 5 and 9 km from 23's east edge.
COMMUNES = [("23001", 0), ("23002", 4), ("23003", 8), ("87001", -4), ("87002", -8), ("87003", -13),
            ("19001", 12), ("19002", 17), ("19003", 21)]
BELT_5_KM = {"87001", "87002", "19001", "19002"}  # 0, 4, 0 and 5 km away; 87003 and 19003 are 9 km away
#: GP practices: one GP in 23003, three in 87001 (in the belt), one in 87003 (beyond it)
GPS = [("10000000001", "23003"), ("10000000002", "87001"), ("10000000003", "87001"), ("10000000004", "87001"),
       ("10000000005", "87003")]
RPPS_HEADER = ("Identification nationale PP", "Code profession", "Code savoir-faire", "Code mode exercice",
               "Code commune (coord. structure)", "Code postal (coord. structure)",
               "Identifiant technique de la structure")


def square(west_km):
    x = X0 + west_km * 1000
    return f"POLYGON(({x} {Y0}, {x + SIDE} {Y0}, {x + SIDE} {Y0 + SIDE}, {x} {Y0 + SIDE}, {x} {Y0}))"


@pytest.fixture
def communes():
    return memory_layer("Polygon", ["code_insee:string"], [(square(west), [code]) for code, west in COMMUNES],
                        crs="EPSG:2154", name="communes")


@pytest.fixture
def files(tmp_path):
    rpps = tmp_path / "PS_LibreAcces_Personne_activite_test.txt"
    lines = ["|".join(RPPS_HEADER) + "|"] + [
        f"{rpps_id}|10|SM54|L|{code}|{code[:2]}000|S{rpps_id}|" for rpps_id, code in GPS]
    rpps.write_text("\n".join(lines) + "\n", encoding="utf-8")
    population = tmp_path / "population.csv"
    population.write_text("CODGEO;P_POP\n" + "".join(f"{code};1000\n" for code, _ in COMMUNES), encoding="utf-8")
    return {"rpps": str(rpps), "population": str(population)}


def imports(communes, files, belt_km, log=None):
    """(practitioner points, population per commune) of 23 with a belt of ``belt_km`` km."""
    common = dict(COMMUNES=communes, COMMUNE_CODE_FIELD="code_insee", DEPARTEMENTS="23", BELT_KM=belt_km)
    rpps = processing.run("medicaldeserts:importrpps", dict(
        common, INPUT=files["rpps"], OUTPUT="memory:", OUTPUT_COMMUNES="memory:"), feedback=log or Log())
    population = processing.run("medicaldeserts:importpopulation", dict(
        common, INPUT=files["population"], OUTPUT="memory:"), feedback=log or Log())
    return rpps, population["OUTPUT"]


def flags(layer, code_field):
    return {feature[code_field]: feature["in_belt"] for feature in layer.getFeatures()}


def test_a_belt_of_5_km_keeps_the_neighbours_communes_within_5_km(provider, communes, files):
    log = Log()
    rpps, population = imports(communes, files, 5, log)
    belt = {code: code not in ("23001", "23002", "23003") for code in ("23001", "23002", "23003", *BELT_5_KM)}
    assert flags(population, "code_insee") == belt
    assert flags(rpps["OUTPUT_COMMUNES"], "code_insee") == belt
    assert {f["code_insee"]: f["n_gp"] for f in rpps["OUTPUT_COMMUNES"].getFeatures() if f["n_gp"]} == {
        "23003": 1, "87001": 3}
    assert sorted((f["code_commune"], f["in_belt"]) for f in rpps["OUTPUT"].getFeatures()) == [
        ("23003", False), ("87001", True), ("87001", True), ("87001", True)]
    assert "Border belt of 5 km: 4 commune(s) of 19, 87 kept besides those of 23 (field in_belt)." in log.info
    assert "1 practitioner-site row(s) of the belt's départements lie beyond the belt: left out." in log.info


def test_the_belt_flag_is_named_in_the_styled_file_output(provider, communes, files, tmp_path):
    path = tmp_path / "population.gpkg"
    processing.run("medicaldeserts:importpopulation", dict(
        INPUT=files["population"], COMMUNES=communes, DEPARTEMENTS="23", BELT_KM=5, OUTPUT=str(path)), feedback=Log())
    layer = QgsVectorLayer(str(path), "population", "ogr")
    assert layer.featureCount() == 3 + len(BELT_5_KM)
    assert layer.attributeDisplayName(layer.fields().indexOf("in_belt")) == "In the border belt"
    assert layer.renderer().type() != "singleSymbol"  # the classes of population, saved in the file
    assert sorted(f["code_insee"] for f in layer.getFeatures() if f["in_belt"]) == sorted(BELT_5_KM)


def test_no_belt_keeps_the_departement_alone(provider, communes, files):
    rpps, population = imports(communes, files, 0)
    assert flags(population, "code_insee") == {"23001": False, "23002": False, "23003": False}
    assert [f["code_commune"] for f in rpps["OUTPUT"].getFeatures()] == ["23003"]


def apl(rpps, population):
    """The DREES APL of each commune (code -> consultations per standardised inhabitant), times = straight
    kilometres (detour 1, 60 km/h), and whether it is in the belt."""
    output = processing.run("medicaldeserts:accessibilityindex", dict(
        INPUT=population, POPULATION_FIELD="population", DEMAND_CODE_FIELD="code_insee", SUPPLY=rpps["OUTPUT"],
        SUPPLY_CODE_FIELD="code_commune", METHOD=0, DETOUR_FACTOR=1.0, STRAIGHT_SPEED=60.0, OUTPUT="memory:"),
        feedback=Log())["OUTPUT"]
    return {f["code_insee"]: (f["access_index"], f["in_belt"]) for f in output.getFeatures()}


def test_the_border_commune_leaves_the_priority_class_when_the_neighbours_gps_come_in(provider, communes, files):
    # Commune centres at 2, 6, 10 km (23), -2, -6 (87), 14, 19 (19); time in minutes = kilometres; 5,400
    # consultations per GP; weights 1 under 10 min, 2/3 up to 15, 1/3 up to 20, 0 beyond; 1,000 inhabitants each.
    # 23 alone: the GP of 23003 reaches the three communes within 8 min: 5,400 / 3,000 = 1.8 for each (< 2.5).
    alone = apl(*imports(communes, files, 0))
    assert alone == {code: (pytest.approx(1.8), False) for code in ("23001", "23002", "23003")}
    # With the 5 km belt: the GP of 23003 (x = 10) reaches 23001-3, 19001-2 at 1, 87001 (12 min) at 2/3 and 87002
    # (16 min) at 1/3: demand 6,000, ratio 0.9. The three GPs of 87001 (x = -2) reach 23001-2, 87001-2 at 1, 23003
    # (12 min) at 2/3, 19001 (16 min) at 1/3, 19002 (21 min) at 0: demand 5,000, ratio 16,200 / 5,000 = 3.24.
    # 23001 reaches both at weight 1: 0.9 + 3.24 = 4.14 (no longer under 2.5); 23003: 0.9 + 2/3 x 3.24 = 3.06.
    belt = apl(*imports(communes, files, 5))
    assert belt["23001"] == (pytest.approx(4.14), False)
    assert belt["23003"] == (pytest.approx(0.9 + 2 / 3 * 3.24), False)
    assert belt["19002"] == (pytest.approx(0.9), True)


def test_a_negative_belt_is_refused_and_nothing_written(provider, communes, files, tmp_path):
    for name, parameters in (
            ("importrpps", dict(INPUT=files["rpps"], OUTPUT=str(tmp_path / "gps.gpkg"),
                                OUTPUT_COMMUNES=str(tmp_path / "gp_communes.gpkg"))),
            ("importpopulation", dict(INPUT=files["population"], OUTPUT=str(tmp_path / "population.gpkg")))):
        run_refused(f"medicaldeserts:{name}", dict(parameters, COMMUNES=communes, DEPARTEMENTS="23", BELT_KM=-5),
                    r"The border belt must be 0 km or more; got -5 km\.", inputs=list(files.values()))
    assert communes.featureCount() == len(COMMUNES)


def test_a_belt_without_departements_keeps_every_commune_and_says_so(provider, communes, files):
    log = Log()
    output = processing.run("medicaldeserts:importpopulation", dict(
        INPUT=files["population"], COMMUNES=communes, BELT_KM=5, OUTPUT="memory:"), feedback=log)["OUTPUT"]
    assert output.featureCount() == len(COMMUNES) and set(flags(output, "code_insee").values()) == {False}
    assert any("needs the départements it surrounds" in warning for warning in log.warnings)


def test_importpopulation_reads_drees_standardised_population_with_the_belt(provider, communes, tmp_path):
    """The DREES APL file's CSV layout: pop_std_2023 (standardised inhabitants) and population (total) per
    commune, for 23 and its 5 km belt; the APL then shares the supply by the standardised population."""
    path = tmp_path / "apl_mg_2023.csv"
    rows = "".join(f"{code},Commune,1.0,1.0,{1000 + 100 * n},{900 + 100 * n},2023\n"
                   for n, (code, _) in enumerate(COMMUNES))
    path.write_text("code_insee,commune,apl_mg,apl_mg_moins65,pop_standardisee_2021,pop_totale_2021,millesime\n"
                    + rows, encoding="utf-8")
    log = Log()
    output = processing.run("medicaldeserts:importpopulation", dict(
        INPUT=str(path), COMMUNES=communes, DEPARTEMENTS="23", BELT_KM=5, OUTPUT="memory:"), feedback=log)["OUTPUT"]
    got = {f["code_insee"]: (f["pop_std_2023"], f["population"], f["in_belt"]) for f in output.getFeatures()}
    assert got == {"23001": (1000, 900, False), "23002": (1100, 1000, False), "23003": (1200, 1100, False),
                   "87001": (1300, 1200, True), "87002": (1400, 1300, True), "19001": (1600, 1500, True),
                   "19002": (1700, 1600, True)}
    assert "pop_std_2022" not in output.fields().names() and not log.warnings
    assert any("the DREES APL file" in line and "written to pop_std_2023" in line for line in log.info)
