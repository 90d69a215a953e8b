"""importanct: the sample's ZRR/FRR table joined to its communes (counts checked against the raw file read with plain
pandas), FRR polygons, QPV polygons with an invalid one repaired, France Services points reprojected, bad input,
and a qgis_process run."""

import importlib.util
import json
import os
import zipfile

import pandas as pd
import processing
import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from scripts.qgis_runner import run_algorithm
from bad_input import Log

ALGORITHM = "medicaldeserts:importanct"
AUTOMATIC, FRR_ZONING, ZRR_ZONING, QPV, FRANCE_SERVICES = range(5)
ZONING_FIELDS = ["zrr", "zrr_code", "zrr_label", "frr", "frr_code", "frr_label"]


def run(log=None, **parameters):
    return processing.run(ALGORITHM, {"OUTPUT": "memory:", **parameters}, feedback=log or Log())["OUTPUT"]


def values(layer, *fields):
    return [tuple(None if feature[f] == NULL else feature[f] for f in fields) for feature in layer.getFeatures()]


def geojson(path, features, crs="EPSG:4326"):
    """A GeoJSON file of (geometry dict, properties) pairs, with a named CRS."""
    collection = {"type": "FeatureCollection",
                  "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:{crs.replace(':', '::')}"}},
                  "features": [{"type": "Feature", "geometry": geometry, "properties": properties}
                               for geometry, properties in features]}
    path.write_text(json.dumps(collection), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def raw_zoning(sample):
    """The sample's zoning table read with plain pandas (not with the plugin's reader)."""
    return pd.read_csv(sample["anct"], sep=";", dtype=str).set_index("CODGEO")


@pytest.fixture(scope="module")
def sample_zoning(provider, sample):
    log = Log()
    return run(log, INPUT=sample["anct"], COMMUNES=sample["communes"]), log


def test_registered(provider):
    algorithm = provider.algorithm("importanct")
    assert algorithm is not None and algorithm.displayName() == "Import ANCT territories"


def test_zoning_joined_to_the_sample_communes(sample_zoning, raw_zoning):
    output, log = sample_zoning
    assert output.featureCount() == 300 and output.crs().authid() == "EPSG:2154"
    assert output.fields().names()[-6:] == ZONING_FIELDS
    rows = {code: rest for code, *rest in values(output, "code_insee", *ZONING_FIELDS)}
    assert set(rows) == set(raw_zoning.index)
    zrr_code, frr_class = {"N": 0, "P": 1, "C": 2}, {"0": ("N", 0), "1": ("FRR", 1)}
    for code, (zrr, zrr_number, zrr_label, frr, frr_number, frr_label) in rows.items():
        assert zrr == zrr_label == raw_zoning.loc[code, "ZRR"] and zrr_number == zrr_code[zrr]
        assert (frr, frr_number) == frr_class[raw_zoning.loc[code, "FRR"]] and frr_label == raw_zoning.loc[code, "FRR"]
    assert raw_zoning["ZRR"].value_counts().to_dict() == {"C": 165, "N": 111, "P": 24}
    assert "ZRR (column “ZRR”): N 111, P 24, C 165." in log.info
    assert "FRR (column “FRR”): N 150, FRR 150." in log.info
    assert "300 commune(s) of the layer joined to the zoning table." in log.info
    assert not log.warnings


def test_one_zoning_and_a_table_without_communes(provider, sample, raw_zoning):
    frr = run(INPUT=sample["anct"], COMMUNES=sample["communes"], KIND=FRR_ZONING)
    assert frr.fields().names()[-3:] == ["frr", "frr_code", "frr_label"] and "zrr" not in frr.fields().names()
    table = run(INPUT=sample["anct"], KIND=ZRR_ZONING, DEPARTEMENTS="00")
    assert table.wkbType() == QgsWkbTypes.NoGeometry
    assert table.fields().names() == ["code_commune", "zrr", "zrr_code", "zrr_label"]
    assert dict(values(table, "code_commune", "zrr")) == raw_zoning["ZRR"].to_dict()
    log = Log()
    assert run(log, INPUT=sample["anct"], DEPARTEMENTS="23").featureCount() == 0
    assert "No commune of the zoning table matches the filters." in log.warnings


def test_join_reports_communes_missing_on_either_side(provider, sample, raw_zoning, tmp_path):
    """Latin-1 table with title lines, a code that lost its leading zero, 2 sample communes left out, 1 extra."""
    kept = raw_zoning.drop(index=["00006", "00017"])
    lines = ["Zonage ZRR – communes classées", ""] + ["CODGEO;LIBGEO;ZONAGE_ZRR"] + [
        f"{code.lstrip('0')};Commune {code};{label}" for code, label in kept["ZRR"].items()] + ["23096;Guéret;C"]
    path = tmp_path / "zrr.csv"
    path.write_bytes("\n".join(lines).encode("latin-1", errors="replace"))
    log = Log()
    output = run(log, INPUT=str(path), COMMUNES=sample["communes"], KIND=ZRR_ZONING)
    rows = dict(values(output, "code_insee", "zrr"))
    assert rows["00006"] is None and rows["00017"] is None and rows["00001"] == raw_zoning.loc["00001", "ZRR"]
    assert "2 title line(s) before the header skipped." in log.info
    assert "298 commune code(s) had lost their leading zero: padded." in log.info
    assert any(w.startswith("2 commune(s) of the layer are not in the zoning table") and "00006, 00017" in w
               for w in log.warnings)
    assert "1 row(s) of the zoning table match no commune of the layer (communes: 23096)." in log.info


def test_frr_polygons_without_communes(provider, tmp_path):
    """An FRR layer of commune polygons in WGS 84: its own polygons, reprojected, with the classes added."""
    square = [[[1.8, 46.1], [1.9, 46.1], [1.9, 46.2], [1.8, 46.2], [1.8, 46.1]]]
    shifted = [[[x + 0.1, y] for x, y in square[0]]]
    path = geojson(tmp_path / "frr.geojson", [
        ({"type": "Polygon", "coordinates": square}, {"insee_com": "23001", "nom": "Ahun", "frr": "FRR+"}),
        ({"type": "Polygon", "coordinates": shifted}, {"insee_com": "23002", "nom": "Ajain", "frr": "Non classée"}),
        ({"type": "Polygon", "coordinates": shifted}, {"insee_com": "53001", "nom": "Ahuillé", "frr": "FRR"}),
    ])
    log = Log()
    output = run(log, INPUT=path, DEPARTEMENTS="23")
    assert output.crs().authid() == "EPSG:2154" and output.geometryType() == QgsWkbTypes.PolygonGeometry
    assert sorted(values(output, "insee_com", "nom", "frr", "frr_code")) == [
        ("23001", "Ahun", "FRR+", 2), ("23002", "Ajain", "N", 0)]
    assert "The communes layer is reprojected from EPSG:4326 to EPSG:2154." in log.info
    assert 600000 < next(output.getFeatures()).geometry().centroid().asPoint().x() < 620000


def bow_tie(x, y, size):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + size, y + size], [x + size, y], [x, y + size],
                                                 [x, y]]]}


def test_qpv_polygons_repaired_and_filtered(provider, tmp_path):
    square = {"type": "Polygon", "coordinates": [[[650000, 6570000], [651000, 6570000], [651000, 6571000],
                                                   [650000, 6571000], [650000, 6570000]]]}
    path = geojson(tmp_path / "qpv.geojson", [
        (bow_tie(640000, 6560000, 1000), {"code_qp": "QN02301M", "lib_qp": "Bow tie", "insee_dep": "23"}),
        (square, {"code_qp": "QN02302M", "lib_qp": "Square", "insee_dep": "23"}),
        (square, {"code_qp": "QN05301M", "lib_qp": "Mayenne", "insee_dep": "53"}),
        (None, {"code_qp": "QN02303M", "lib_qp": "Nowhere", "insee_dep": "23"}),
    ], crs="EPSG:2154")
    log = Log()
    output = run(log, INPUT=path, DEPARTEMENTS="23")
    assert output.wkbType() == QgsWkbTypes.MultiPolygon
    assert output.fields().names() == ["code_qp", "lib_qp", "insee_dep"]
    geometries = {f["code_qp"]: f.geometry() for f in output.getFeatures()}
    assert set(geometries) == {"QN02301M", "QN02302M"}
    assert all(geometry.isGeosValid() for geometry in geometries.values())
    repaired = geometries["QN02301M"]
    assert repaired.constGet().numGeometries() == 2 and repaired.area() == pytest.approx(500000.0)
    assert geometries["QN02302M"].area() == pytest.approx(1e6)
    assert "QPV: 4 feature(s) read, 2 kept." in log.info and "1 invalid geometry(ies) repaired." in log.info
    assert "1 feature(s) without geometry left out." in log.warnings
    archive = tmp_path / "qpv.zip"
    with zipfile.ZipFile(archive, "w") as stream:
        stream.writestr("LISEZ-MOI.txt", "QPV 2024")
        stream.write(path, "qpv_2024/qpv.geojson")
    everything = run(INPUT=str(archive), KIND=QPV)
    assert everything.featureCount() == 3


def test_france_services_points_reprojected(provider, tmp_path):
    sites = [(1.8714, 46.1715, "23096", "France services de Guéret"), (-0.7702, 48.0734, "53130", "Laval"),
             (9.15, 41.93, "2A004", "Ajaccio")]
    path = geojson(tmp_path / "france_services.geojson", [
        ({"type": "Point", "coordinates": [x, y]}, {"id": str(i), "nom": name, "code_insee": code})
        for i, (x, y, code, name) in enumerate(sites)])
    log = Log()
    output = run(log, INPUT=path, DEPARTEMENTS="23, 2A")
    assert output.crs().authid() == "EPSG:2154" and output.geometryType() == QgsWkbTypes.PointGeometry
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance())
    got = {f["code_insee"]: (f["nom"], f.geometry().asPoint()) for f in output.getFeatures()}
    assert set(got) == {"23096", "2A004"}
    for x, y, code, name in sites:
        if code in got:
            assert got[code][0] == name
            assert got[code][1].distance(transform.transform(QgsPointXY(x, y))) < 0.01
    assert "The France Services layer is reprojected from EPSG:4326 to EPSG:2154." in log.info
    assert "France Services: 3 feature(s) read, 2 kept." in log.info


def test_france_services_table_with_coordinates(provider, tmp_path):
    """The list as a CSV: decimal commas, a title line, a row without coordinates; filtered by commune code."""
    path = tmp_path / "liste_france_services.csv"
    path.write_text("Structures labellisées au 1er octobre\n"
                    "nom;code_insee;latitude;longitude\n"
                    "France services de Guéret;23096;46,1715;1,8714\n"
                    "Laval;53130;48,0734;-0,7702\n"
                    "Bus itinérant;23001;;\n", encoding="utf-8")
    log = Log()
    output = run(log, INPUT=str(path), KIND=FRANCE_SERVICES, DEPARTEMENTS="23")
    assert output.crs().authid() == "EPSG:2154" and output.geometryType() == QgsWkbTypes.PointGeometry
    [site] = list(output.getFeatures())
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance())
    assert site["nom"] == "France services de Guéret" and site["code_insee"] == "23096"
    assert site.geometry().asPoint().distance(transform.transform(QgsPointXY(1.8714, 46.1715))) < 0.01
    assert any("coordinates from “latitude / longitude”" in line for line in log.info)
    assert "France Services: 3 feature(s) read, 1 kept." in log.info  # Laval filtered out, the bus has no place
    assert "1 feature(s) without geometry left out." in log.warnings


def expect_refusal(no_file, message, **parameters):
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(ALGORITHM, {**parameters, "OUTPUT": no_file})
    assert not os.path.exists(no_file)


def test_bad_input(provider, sample, no_file, tmp_path):
    good = dict(INPUT=sample["anct"], COMMUNES=sample["communes"])
    expect_refusal(no_file, "does not exist", **{**good, "INPUT": str(tmp_path / "none.csv")})
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    expect_refusal(no_file, "is empty", **{**good, "INPUT": str(empty)})
    expect_refusal(no_file, "not a ZRR/FRR zoning table", **{**good, "INPUT": sample["population"]})
    no_class = tmp_path / "no_class.csv"
    no_class.write_text("CODGEO;ZRR\n00001;C\n", encoding="utf-8")
    expect_refusal(no_file, "not a FRR zoning table: no FRR class column", **{**good, "INPUT": str(no_class),
                                                                             "KIND": FRR_ZONING})
    expect_refusal(no_file, "is a table", **{**good, "KIND": QPV})
    expect_refusal(no_file, "not a table of sites", **{**good, "KIND": FRANCE_SERVICES})
    points = geojson(tmp_path / "points.geojson", [({"type": "Point", "coordinates": [1.87, 46.17]}, {"id": "1"})])
    expect_refusal(no_file, "QPV layer must have polygons", INPUT=points, KIND=QPV)
    polygon = geojson(tmp_path / "polygon.geojson", [(bow_tie(1.8, 46.1, 0.1), {"id": "1"})])
    expect_refusal(no_file, "France Services layer must have points", INPUT=polygon, KIND=FRANCE_SERVICES)
    expect_refusal(no_file, "KIND", **{**good, "KIND": 9})
    expect_refusal(no_file, "département list “23, 999” is not valid", **{**good, "DEPARTEMENTS": "23, 999"})
    expect_refusal(no_file, "no field “nope”", **{**good, "COMMUNE_CODE_FIELD": "nope"})
    expect_refusal(no_file, "geographic", **{**good, "WORKING_CRS": "EPSG:4326"})
    not_vector = tmp_path / "qpv.geojson"
    not_vector.write_text("{not json", encoding="utf-8")
    expect_refusal(no_file, "could not be opened", INPUT=str(not_vector))


def test_spreadsheet_without_openpyxl(provider, sample, no_file, tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None if name == "openpyxl"
                        else real(name, *args))
    workbook = tmp_path / "zrr.xlsx"
    with zipfile.ZipFile(workbook, "w") as stream:
        stream.writestr("[Content_Types].xml", "<Types/>")
        stream.writestr("xl/workbook.xml", "<workbook/>")
    expect_refusal(no_file, "openpyxl.*save it as CSV", INPUT=str(workbook), COMMUNES=sample["communes"])


def test_through_qgis_process(qgis_process_config, sample, tmp_path, sample_zoning):
    output = tmp_path / "anct.gpkg"
    result = run_algorithm(ALGORITHM, dict(INPUT=sample["anct"], COMMUNES=sample["communes"], DEPARTEMENTS="00",
                                           OUTPUT=output), qgis_process_config)
    assert result["results"]["OUTPUT"] == str(output)
    layer = QgsVectorLayer(str(output), "anct", "ogr")
    assert layer.isValid() and layer.featureCount() == 300
    in_process, _ = sample_zoning
    assert sorted(values(layer, "code_insee", *ZONING_FIELDS)) == sorted(
        values(in_process, "code_insee", *ZONING_FIELDS))
