"""importrpps, importfiness and importpopulation on the embedded sample département (counts checked against the
raw files read independently with plain pandas), filters, bad input, and a qgis_process run."""

import functools
import os
import shutil
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pandas as pd
import processing
import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingProvider,
    QgsProject,
    QgsVectorLayer,
)

from bad_input import Log
from conftest import memory_layer
from scripts.qgis_runner import run_algorithm

IMPORTS = ("importrpps", "importfiness", "importpopulation")
GP_CODES = ("SM53", "SM54", "SM26")
SAMPLE_POPULATION = 124_307  # seed 42, 300 communes
WEIGHTS_2023 = np.array([1.12, 0.58, 0.51, 0.60, 0.75, 0.79, 0.82, 0.85, 0.89, 0.93, 1.03, 1.15, 1.18, 1.23, 1.46,
                         1.57, 1.63, 1.89, 2.26])
AGE_GROUPS = [f"pop_{a:02d}_{a + 4:02d}" for a in range(0, 90, 5)] + ["pop_90_plus"]
RPPS_ID, COMMUNE = "Identification nationale PP", "Code commune (coord. structure)"


class ImportTestProvider(QgsProcessingProvider):
    """The import algorithms, for as long as the plugin's provider does not register them itself."""

    def id(self):
        return "medicaldesertsimporttest"

    def name(self):
        return "Import algorithms (tests)"

    def loadAlgorithms(self):  # noqa: N802 (QGIS API)
        from medical_deserts_plugin.processing.import_finess import ImportFinessAlgorithm
        from medical_deserts_plugin.processing.import_population import ImportPopulationAlgorithm
        from medical_deserts_plugin.processing.import_rpps import ImportRppsAlgorithm

        for algorithm in (ImportRppsAlgorithm(), ImportFinessAlgorithm(), ImportPopulationAlgorithm()):
            self.addAlgorithm(algorithm)


def registered_in_plugin():
    from medical_deserts_plugin.processing.provider import MedicalDesertsProvider

    provider = MedicalDesertsProvider()
    provider.loadAlgorithms()
    return {algorithm.name() for algorithm in provider.algorithms()} >= set(IMPORTS)


@pytest.fixture(scope="module")
def alg(provider):
    """``alg("importrpps")`` -> the algorithm id to run: the plugin's, else the local test provider's."""
    if all(provider.algorithm(name) is not None for name in IMPORTS):
        yield lambda name: f"medicaldeserts:{name}"
        return
    local = ImportTestProvider()
    assert QgsApplication.processingRegistry().addProvider(local)
    yield lambda name: f"{local.id()}:{name}"
    QgsApplication.processingRegistry().removeProvider(local)



def run(alg, name, feedback=None, **parameters):
    outputs = {"OUTPUT": "memory:"}
    if name == "importrpps":
        outputs["OUTPUT_COMMUNES"] = "memory:"
    return processing.run(alg(name), {**outputs, **parameters}, feedback=feedback or Log())


def values(layer, *fields):
    return [tuple(None if feature[f] == NULL else feature[f] for f in fields) for feature in layer.getFeatures()]


def load(path):
    layer = QgsVectorLayer(str(path), os.path.basename(str(path)), "ogr")
    assert layer.isValid(), path
    return layer


@pytest.fixture(scope="module")
def raw_gps(sample):
    """The sample's GP rows read with plain pandas (not with the plugin's reader)."""
    table = pd.read_csv(sample["rpps"], sep="|", dtype=str, keep_default_na=False, index_col=False)
    return table[(table["Code profession"] == "10") & table["Code savoir-faire"].isin(GP_CODES)]


def expected_per_commune(gps):
    """n_gp (distinct GPs with a site in the commune) and fte (each GP split evenly over its sites)."""
    sites = gps.drop_duplicates([RPPS_ID, "Identifiant technique de la structure"])
    weight = 1.0 / sites[RPPS_ID].map(sites[RPPS_ID].value_counts())
    placed = sites[sites[COMMUNE] != ""].assign(weight=weight)
    grouped = placed.groupby(COMMUNE)
    return grouped[RPPS_ID].nunique().to_dict(), grouped["weight"].sum().to_dict(), len(placed)


# ------------------------------------------------------------------------------------------------------ importrpps


@pytest.fixture(scope="module")
def rpps_sample(alg, sample):
    log = Log()
    result = run(alg, "importrpps", log, INPUT=sample["rpps"], COMMUNES=sample["communes"])
    return result, log


def test_rpps_on_the_sample(rpps_sample, raw_gps, sample):
    result, log = rpps_sample
    points, communes = result["OUTPUT"], result["OUTPUT_COMMUNES"]
    n_gp, fte, placed_rows = expected_per_commune(raw_gps)
    assert points.featureCount() == placed_rows == len(raw_gps) - 1  # one GP line has no commune
    assert communes.featureCount() == 300
    got = {code: (n, f) for code, n, f in values(communes, "code_insee", "n_gp", "fte")}
    assert {code for code, (n, _) in got.items() if n} == set(n_gp)
    for code, (n, f) in got.items():
        assert n == n_gp.get(code, 0) and f == pytest.approx(fte.get(code, 0.0))
    distinct = raw_gps[RPPS_ID].nunique()
    no_commune = raw_gps.loc[raw_gps[COMMUNE] == "", RPPS_ID].tolist()
    assert len(no_commune) == 1 and raw_gps[RPPS_ID].tolist().count(no_commune[0]) == 1
    # each GP counts once in total: the fte of all communes is the number of distinct GPs placed
    assert sum(f for _, f in got.values()) == pytest.approx(distinct - 1) == pytest.approx(97)
    assert sum(w for (w,) in values(points, "weight")) == pytest.approx(97)
    assert any("no commune code" in w and no_commune[0] in w for w in log.warnings)
    assert points.crs().authid() == communes.crs().authid() == "EPSG:2154"
    assert [f.name() for f in points.fields()] == ["rpps", "profession", "savoir_faire", "mode_exercice",
                                                    "code_commune", "secteur", "finess_site", "weight", "in_belt"]
    assert {flag for (flag,) in values(points, "in_belt")} == {False}
    polygons = {f["code_insee"]: f.geometry() for f in load(sample["communes"]).getFeatures()}
    for feature in points.getFeatures():
        assert isinstance(feature["code_commune"], str) and len(feature["code_commune"]) == 5
        assert feature["savoir_faire"] in GP_CODES and feature["profession"] == "10"
        assert polygons[feature["code_commune"]].contains(feature.geometry())


def test_rpps_filters(alg, sample, raw_gps):
    liberal = run(alg, "importrpps", INPUT=sample["rpps"], COMMUNES=sample["communes"], MODES="L")
    modes = {mode for (mode,) in values(liberal["OUTPUT"], "mode_exercice")}
    assert modes == {"L"}
    expected = raw_gps[(raw_gps["Code mode exercice"] == "L") & (raw_gps[COMMUNE] != "")]
    assert liberal["OUTPUT"].featureCount() == len(expected)
    same = run(alg, "importrpps", INPUT=sample["rpps"], COMMUNES=sample["communes"], DEPARTEMENTS="00")
    assert same["OUTPUT"].featureCount() == len(raw_gps) - 1
    with pytest.raises(QgsProcessingException, match="No commune of the layer is in the département"):
        run(alg, "importrpps", INPUT=sample["rpps"], COMMUNES=sample["communes"], DEPARTEMENTS="23, 53")
    log = Log()
    nobody = run(alg, "importrpps", log, INPUT=sample["rpps"], COMMUNES=sample["communes"], PROFESSION="99")
    assert nobody["OUTPUT"].featureCount() == 0
    assert {n for (n,) in values(nobody["OUTPUT_COMMUNES"], "n_gp")} == {0}
    assert any("No practitioner" in w for w in log.warnings)
    everyone = run(alg, "importrpps", INPUT=sample["rpps"], COMMUNES=sample["communes"], SPECIALTIES="",
                   PROFESSION="")
    assert everyone["OUTPUT"].featureCount() > liberal["OUTPUT"].featureCount()


def test_rpps_commune_missing_from_the_layer(alg, sample, raw_gps):
    communes = load(sample["communes"])
    communes.setSubsetString("code_insee <> '00006'")
    log = Log()
    result = run(alg, "importrpps", log, INPUT=sample["rpps"], COMMUNES=communes)
    in_00006 = raw_gps[raw_gps[COMMUNE] == "00006"]
    assert len(in_00006) > 0
    assert result["OUTPUT"].featureCount() == len(raw_gps) - 1 - len(in_00006)
    assert result["OUTPUT_COMMUNES"].featureCount() == 299
    warning = next(w for w in log.warnings if "not in the communes layer" in w)
    assert warning.startswith(f"{len(in_00006)} practitioner-site row(s)")
    assert all(f"{rpps} (00006)" in warning for rpps in in_00006[RPPS_ID].head(50))
    _, fte, _ = expected_per_commune(raw_gps)
    total = sum(f for (f,) in values(result["OUTPUT_COMMUNES"], "fte"))
    assert total == pytest.approx(97 - fte["00006"])


def test_rpps_communes_in_another_crs_and_integer_codes(alg, sample, raw_gps):
    """Communes in WGS 84 with codes in an integer field: reprojected to Lambert-93, codes padded to text."""
    source = load(sample["communes"])
    transform = QgsCoordinateTransform(source.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsProject.instance())
    rows = []
    for feature in source.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        rows.append((geometry.asWkt(), [int(feature["code_insee"])]))
    wgs84 = memory_layer("MultiPolygon", ["code:integer"], rows, crs="EPSG:4326")
    log = Log()
    result = run(alg, "importrpps", log, INPUT=sample["rpps"], COMMUNES=wgs84, COMMUNE_CODE_FIELD="code")
    assert result["OUTPUT"].featureCount() == len(raw_gps) - 1
    assert result["OUTPUT"].crs().authid() == "EPSG:2154"
    assert "reprojected from EPSG:4326 to EPSG:2154" in log.text()
    n_gp, _, _ = expected_per_commune(raw_gps)
    got = {f"{code:05d}": n for code, n in values(result["OUTPUT_COMMUNES"], "code", "n_gp") if n}
    assert got == n_gp
    polygons = {f["code_insee"]: f.geometry() for f in source.getFeatures()}
    for code, geometry in [(f["code_commune"], f.geometry()) for f in result["OUTPUT"].getFeatures()]:
        assert polygons[code].buffer(1.0, 4).contains(geometry)


def test_rpps_zip_with_separate_savoir_faire_file(alg, sample, raw_gps, tmp_path):
    """A newer extraction: no savoir-faire column in the activity file, a SavoirFaire file next to it in the zip."""
    table = pd.read_csv(sample["rpps"], sep="|", dtype=str, keep_default_na=False, index_col=False)
    activity = table.drop(columns=["Code type savoir-faire", "Libellé type savoir-faire", "Code savoir-faire",
                                   "Libellé savoir-faire"])
    skills = table[table["Code savoir-faire"] != ""][[RPPS_ID, "Code profession", "Code savoir-faire"]]

    def text(frame):
        return "\n".join(["|".join(frame.columns) + "|"] + ["|".join(row) + "|" for row in frame.to_numpy().tolist()])

    archive = tmp_path / "rpps.zip"
    with zipfile.ZipFile(archive, "w") as stream:
        stream.writestr("PS_LibreAcces_Personne_activite_202611240000.txt", text(activity))
        stream.writestr("PS_LibreAcces_SavoirFaire_202611240000.txt", text(skills))
    from_zip = run(alg, "importrpps", INPUT=str(archive), COMMUNES=sample["communes"])
    assert from_zip["OUTPUT"].featureCount() == len(raw_gps) - 1
    assert sum(f for (f,) in values(from_zip["OUTPUT_COMMUNES"], "fte")) == pytest.approx(97)
    plain, separate = tmp_path / "activite.txt", tmp_path / "savoir_faire.txt"
    plain.write_text(text(activity), encoding="utf-8")
    separate.write_text(text(skills), encoding="utf-8")
    given = run(alg, "importrpps", INPUT=str(plain), SAVOIR_FAIRE=str(separate), COMMUNES=sample["communes"])
    assert sorted(values(given["OUTPUT"], "rpps", "savoir_faire")) == sorted(
        values(from_zip["OUTPUT"], "rpps", "savoir_faire"))


def expect_refusal(alg, name, no_file, message, **parameters):
    outputs = {"OUTPUT": no_file}
    if name == "importrpps":
        outputs["OUTPUT_COMMUNES"] = no_file.replace(".gpkg", "_communes.gpkg")
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(alg(name), {**parameters, **outputs})
    for path in outputs.values():
        assert not os.path.exists(path)


def test_rpps_bad_input(alg, sample, no_file, tmp_path):
    good = dict(INPUT=sample["rpps"], COMMUNES=sample["communes"])
    expect_refusal(alg, "importrpps", no_file, "does not exist", **{**good, "INPUT": str(tmp_path / "none.txt")})
    expect_refusal(alg, "importrpps", no_file, "not an RPPS extraction", **{**good, "INPUT": sample["population"]})
    expect_refusal(alg, "importrpps", no_file, "not an RPPS extraction", **{**good, "INPUT": sample["finess"]})
    no_commune_column = tmp_path / "PS_LibreAcces_Personne_activite_1.txt"
    no_commune_column.write_text("Identification nationale PP|Code profession|Code savoir-faire|\n"
                                 "810000000001|10|SM54|\n", encoding="utf-8")
    expect_refusal(alg, "importrpps", no_file, "required column.*missing.*Code commune",
                   **{**good, "INPUT": str(no_commune_column)})
    no_savoir_faire = tmp_path / "alone" / "PS_LibreAcces_Personne_activite_2.txt"
    no_savoir_faire.parent.mkdir()
    no_savoir_faire.write_text("Identification nationale PP|Code profession|Code commune (coord. structure)|\n"
                               "810000000001|10|00006|\n", encoding="utf-8")
    expect_refusal(alg, "importrpps", no_file, "savoir-faire", **{**good, "INPUT": str(no_savoir_faire)})
    expect_refusal(alg, "importrpps", no_file, "département list “23, 999” is not valid",
                   **{**good, "DEPARTEMENTS": "23, 999"})
    expect_refusal(alg, "importrpps", no_file, "no field “nope”", **{**good, "COMMUNE_CODE_FIELD": "nope"})
    expect_refusal(alg, "importrpps", no_file, "geographic", **{**good, "WORKING_CRS": "EPSG:4326"})
    expect_refusal(alg, "importrpps", no_file, "does not exist",
                   **{**good, "SAVOIR_FAIRE": str(tmp_path / "no_savoir_faire.txt")})


def test_rpps_truncated_file_is_reported(alg, sample, tmp_path):
    lines = open(sample["rpps"], encoding="utf-8").read().splitlines()
    broken = tmp_path / "PS_LibreAcces_Personne_activite_3.txt"
    broken.write_text("\n".join(lines[:-1] + [lines[-1][:40]]), encoding="utf-8")
    log = Log()
    run(alg, "importrpps", log, INPUT=str(broken), COMMUNES=sample["communes"])
    assert any("1 malformed line(s)" in w for w in log.warnings)


@pytest.mark.parametrize("when", ["before", "while reading"])
def test_cancel_writes_nothing(alg, sample, no_file, when):
    feedback = Log()
    if when == "before":
        feedback.cancel()
    else:
        feedback.progressChanged.connect(lambda percent: percent > 10 and feedback.cancel())
    parameters = dict(INPUT=sample["rpps"], COMMUNES=sample["communes"], OUTPUT=no_file,
                      OUTPUT_COMMUNES=no_file.replace(".gpkg", "_communes.gpkg"))
    try:
        processing.run(alg("importrpps"), parameters, feedback=feedback)
    except QgsProcessingException:
        pass
    assert feedback.isCanceled()
    assert not os.path.exists(parameters["OUTPUT"]) and not os.path.exists(parameters["OUTPUT_COMMUNES"])


@pytest.mark.skipif(not registered_in_plugin(), reason="importrpps is not registered in the plugin's provider yet")
def test_rpps_through_qgis_process(qgis_process_config, sample, tmp_path, rpps_sample):
    points, communes = tmp_path / "gp.gpkg", tmp_path / "gp_communes.gpkg"
    result = run_algorithm("medicaldeserts:importrpps", dict(
        INPUT=sample["rpps"], COMMUNES=sample["communes"], DEPARTEMENTS="00", OUTPUT=points,
        OUTPUT_COMMUNES=communes), qgis_process_config)
    assert result["results"]["OUTPUT"] == str(points)
    in_process, _ = rpps_sample
    assert sorted(values(load(points), "rpps", "code_commune", "weight")) == sorted(
        values(in_process["OUTPUT"], "rpps", "code_commune", "weight"))
    assert sorted(values(load(communes), "code_insee", "n_gp", "fte")) == sorted(
        values(in_process["OUTPUT_COMMUNES"], "code_insee", "n_gp", "fte"))


# ---------------------------------------------------------------------------------------------------- importfiness


def sample_facilities(sample):
    return {f["finess"]: (f["categetab"], f.geometry().asPoint()) for f in load(sample["facilities"]).getFeatures()}


def test_finess_on_the_sample(alg, sample):
    facilities = sample_facilities(sample)
    default = run(alg, "importfiness", INPUT=sample["finess"])["OUTPUT"]
    expected = {k for k, (category, _) in facilities.items() if category in ("603", "124", "101", "355", "106", "114")}
    assert {f["nofinesset"] for f in default.getFeatures()} == expected
    assert default.crs().authid() == "EPSG:2154"
    for feature in default.getFeatures():
        point = feature.geometry().asPoint()
        assert point.distance(facilities[feature["nofinesset"]][1]) < 0.1
        assert feature["category"] == facilities[feature["nofinesset"]][0]
        assert isinstance(feature["code_commune"], str) and len(feature["code_commune"]) == 5
    everything = run(alg, "importfiness", INPUT=sample["finess"], CATEGORIES="")["OUTPUT"]
    assert everything.featureCount() == len(facilities)
    pharmacies = run(alg, "importfiness", INPUT=sample["finess"], CATEGORIES="pharmacies")["OUTPUT"]
    assert pharmacies.featureCount() == sum(category == "620" for category, _ in facilities.values()) > 0
    assert run(alg, "importfiness", INPUT=sample["finess"], DEPARTEMENTS="23")["OUTPUT"].featureCount() == 0


@pytest.fixture
def sample_server(sample, monkeypatch, tmp_path):
    """The sample's files served on http://127.0.0.1 (the import algorithms accept it only in tests)."""
    from medical_deserts_plugin.processing import import_rpps

    monkeypatch.setattr(import_rpps, "ALLOW_LOCAL_HTTP", True)
    folder = tmp_path / "served"
    (folder / "r").mkdir(parents=True)
    shutil.copy(sample["finess"], folder / "r" / "finess-resource-id")  # data.gouv.fr's stable addresses
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_finess_from_an_address(alg, sample, sample_server, no_file):
    """An https:// address instead of a file (here the local test server): downloaded, then read as the file."""
    log = Log()
    url = f"{sample_server}/r/finess-resource-id"
    by_url = run(alg, "importfiness", log, INPUT=url)["OUTPUT"]
    by_file = run(alg, "importfiness", INPUT=sample["finess"])["OUTPUT"]
    assert sorted(values(by_url, "nofinesset", "category")) == sorted(values(by_file, "nofinesset", "category"))
    assert any(line.startswith("Downloaded") for line in log.info)
    expect_refusal(alg, "importfiness", no_file, "server answered 404", INPUT=f"{sample_server}/missing.csv")
    expect_refusal(alg, "importfiness", no_file, "only secure https", INPUT="http://example.org/finess.csv")


def test_finess_coordinate_systems_per_row(alg, sample, tmp_path):
    """Rows in Lambert-93 and in WGS 84 are each transformed by group; unknown systems and missing coordinates are
    counted and listed, not placed."""
    lines = open(sample["finess"], encoding="utf-8").read().splitlines()
    geolocated = [i for i, line in enumerate(lines) if line.startswith("geolocalisation;")]
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    changed = {}
    for kind, index in zip(("wgs84", "wgs84", "unknown", "none"), geolocated[:4]):
        cells = lines[index].split(";")
        if kind == "wgs84":
            point = to_wgs84.transform(QgsPointXY(float(cells[2]), float(cells[3])))
            cells[2], cells[3], cells[4] = f"{point.x():.9f}", f"{point.y():.9f}", "1,ATLASANTE,100,BAN,WGS84"
        elif kind == "unknown":
            cells[4] = "1,ATLASANTE,100,BAN,LAMBERT_II_ETENDU"
        else:
            cells[2] = cells[3] = ""
        changed[cells[1]] = kind
        lines[index] = ";".join(cells)
    mixed = tmp_path / "finess_mixed.csv"
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log = Log()
    output = run(alg, "importfiness", log, INPUT=str(mixed), CATEGORIES="")["OUTPUT"]
    facilities = sample_facilities(sample)
    placed = {f["nofinesset"]: f.geometry().asPoint() for f in output.getFeatures()}
    assert set(placed) == set(facilities) - {k for k, kind in changed.items() if kind in ("unknown", "none")}
    for finess, point in placed.items():
        assert point.distance(facilities[finess][1]) < 0.1
    unknown = next(k for k, kind in changed.items() if kind == "unknown")
    none = next(k for k, kind in changed.items() if kind == "none")
    assert any("not known (LAMBERT_II_ETENDU)" in w and unknown in w for w in log.warnings)
    assert any("have no coordinates" in w and none in w for w in log.warnings)
    assert "2 establishment(s) transformed from EPSG:4326 to EPSG:2154" in log.text()


def test_finess_bad_input(alg, sample, no_file, tmp_path):
    expect_refusal(alg, "importfiness", no_file, "not a FINESS extraction", INPUT=sample["rpps"])
    expect_refusal(alg, "importfiness", no_file, "does not exist", INPUT=str(tmp_path / "none.csv"))
    expect_refusal(alg, "importfiness", no_file, "département list", INPUT=sample["finess"], DEPARTEMENTS="abc")


# ------------------------------------------------------------------------------------------------ importpopulation


def test_population_on_the_sample(alg, sample):
    output = run(alg, "importpopulation", INPUT=sample["population"], COMMUNES=sample["communes"])["OUTPUT"]
    names = output.fields().names()
    assert names[-22:] == AGE_GROUPS + ["population", "pop_std_2023", "in_belt"]
    assert names.count("population") == 1  # the layer's own population field is replaced
    rows = values(output, "code_insee", *AGE_GROUPS, "population", "pop_std_2023")
    assert len(rows) == 300
    table = pd.read_csv(sample["population"], sep=";", dtype={"CODGEO": str}).set_index("CODGEO")
    assert sum(row[-2] for row in rows) == SAMPLE_POPULATION == table["P_POP"].sum()
    for code, *numbers in rows:
        ages, population, standardised = np.array(numbers[:19]), numbers[19], numbers[20]
        assert list(ages) == table.loc[code, AGE_GROUPS].tolist()
        assert population == table.loc[code, "P_POP"] == ages.sum()
        assert standardised == pytest.approx(ages @ WEIGHTS_2023)
    own = {f["code_insee"]: f["population"] for f in load(sample["communes"]).getFeatures()}
    assert {code: row[-2] for code, *row in rows} == own


def test_population_missing_commune_and_integer_codes(alg, sample, tmp_path):
    table = pd.read_csv(sample["population"], sep=";", dtype=str)
    table[table["CODGEO"] != "00017"].to_csv(tmp_path / "pop.csv", sep=";", index=False)
    communes = memory_layer("Polygon", ["code:integer", "population:integer"], [
        ("POLYGON((0 0, 1000 0, 1000 1000, 0 0))", [int(code), -1]) for code in ("00006", "00017", "00120")])
    log = Log()
    output = run(alg, "importpopulation", log, INPUT=str(tmp_path / "pop.csv"), COMMUNES=communes,
                 COMMUNE_CODE_FIELD="code")["OUTPUT"]
    got = {code: (population, standardised) for code, population, standardised in
           values(output, "code", "population", "pop_std_2023")}
    indexed = table.set_index("CODGEO")
    assert got[6] == (float(indexed.loc["00006", "P_POP"]), pytest.approx(
        indexed.loc["00006", AGE_GROUPS].astype(float).to_numpy() @ WEIGHTS_2023))
    assert got[17] == (None, None)
    assert any(w.startswith("1 commune(s) of the layer have no population row") and "00017" in w
               for w in log.warnings)
    assert "297 population row(s) match no commune of the layer" in log.text()


def test_population_totals_only(alg, sample, tmp_path):
    table = pd.read_csv(sample["population"], sep=";", dtype=str)
    legal = pd.DataFrame({"CODGEO": table["CODGEO"], "PMUN": table["P_POP"]})
    legal.to_csv(tmp_path / "legales.csv", sep=";", index=False)
    log = Log()
    output = run(alg, "importpopulation", log, INPUT=str(tmp_path / "legales.csv"),
                 COMMUNES=sample["communes"])["OUTPUT"]
    rows = values(output, "population", "pop_std_2023", "pop_00_04")
    assert sum(r[0] for r in rows) == SAMPLE_POPULATION
    assert all(std == population and age is None for population, std, age in rows)
    assert any("no age groups" in w for w in log.warnings)


def test_population_departement_filter(alg, sample, no_file):
    kept = run(alg, "importpopulation", INPUT=sample["population"], COMMUNES=sample["communes"], DEPARTEMENTS="00")
    assert kept["OUTPUT"].featureCount() == 300
    expect_refusal(alg, "importpopulation", no_file, "No commune of the layer is in the département",
                   INPUT=sample["population"], COMMUNES=sample["communes"], DEPARTEMENTS="23")


def test_population_bad_input(alg, sample, no_file, tmp_path):
    good = dict(INPUT=sample["population"], COMMUNES=sample["communes"])
    expect_refusal(alg, "importpopulation", no_file, "does not exist", **{**good, "INPUT": str(tmp_path / "x.csv")})
    bad = tmp_path / "no_code.csv"
    bad.write_text("NAME;P_POP\nA;12\n", encoding="utf-8")
    expect_refusal(alg, "importpopulation", no_file, "no commune code column", **{**good, "INPUT": str(bad)})
    expect_refusal(alg, "importpopulation", no_file, "no field “nope”", **{**good, "COMMUNE_CODE_FIELD": "nope"})
    expect_refusal(alg, "importpopulation", no_file, "not valid", **{**good, "DEPARTEMENTS": "23;;x"})


@pytest.mark.parametrize("choice, code", [(2, "60"), (3, "70"), (4, "50"), (5, "40")])
def test_rpps_profession_preset(alg, sample, choice, code):
    """A DREES profession sets the RPPS codes: every line of that profession (no savoir-faire filter), each
    practitioner once in total."""
    raw = pd.read_csv(sample["rpps"], sep="|", dtype=str, keep_default_na=False, encoding="utf-8").iloc[:, :-1]
    expected = raw[raw["Code profession"] == code]
    result = run(alg, "importrpps", INPUT=sample["rpps"], COMMUNES=sample["communes"], PROFESSION_PRESET=choice)
    assert {p for (p,) in values(result["OUTPUT"], "profession")} == {code}
    assert result["OUTPUT"].featureCount() == len(expected) > 0
    fte = sum(f for (f,) in values(result["OUTPUT_COMMUNES"], "fte"))
    assert fte == pytest.approx(expected["Identification nationale PP"].nunique())
