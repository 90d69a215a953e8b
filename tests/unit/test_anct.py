"""Readers of the ANCT ZRR / FRR commune zonings and of site tables with coordinates (France Services), on small
tables written here in the layouts met in the wild."""

import importlib.util
import zipfile

import numpy as np
import pandas as pd
import pytest

from medical_deserts_plugin.core.sources import anct
from medical_deserts_plugin.core.sources.anct import (
    ZoningReport,
    coordinate_columns,
    departement_column,
    read_sites,
    read_zoning,
    row_departements,
    zoning_classes,
    zoning_from_table,
)


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def classes(frame, zoning):
    return dict(zip(frame["code_commune"], frame[zoning]))


def test_the_sample_layout(tmp_path):
    """CODGEO;ZRR;FRR with ZRR letters and FRR 0/1: both zonings read, with codes 0/1/2."""
    path = write(tmp_path / "anct_zonage.csv", "CODGEO;ZRR;FRR\n00001;C;1\n00002;P;0\n00003;N;0\n")
    frame, report = read_zoning(path)
    assert list(frame.columns) == ["code_commune", "zrr", "zrr_code", "zrr_label", "frr", "frr_code", "frr_label"]
    assert frame["zrr"].tolist() == ["C", "P", "N"] and frame["zrr_code"].tolist() == [2, 1, 0]
    assert frame["frr"].tolist() == ["FRR", "N", "N"] and frame["frr_code"].tolist() == [1, 0, 0]
    assert report.zonings == ["zrr", "frr"] and report.rows_read == report.rows_kept == 3
    assert report.class_counts == {"zrr": {"N": 1, "P": 1, "C": 1}, "frr": {"N": 2, "FRR": 1}}
    only_frr, report = read_zoning(path, zonings=["frr"])
    assert list(only_frr.columns) == ["code_commune", "frr", "frr_code", "frr_label"]
    assert report.summary().endswith("3 rows read, 3 communes kept; FRR: 2 N, 1 FRR")


def test_observatoire_zrr_file_latin1_with_title_lines(tmp_path):
    """Title lines before the header, Latin-1, the observatoire's long labels, a footnote, a lost leading zero."""
    text = ("Zonage en zones de revitalisation rurale (ZRR)\n"
            "Source : ANCT, arrêté du 22 février 2018;;;\n"
            "\n"
            "CODGEO;LIBGEO;ZRR_SIMP;ZONAGE_ZRR\n"
            "1001;L'Abergement-Clémenciat;NC - Non classée;NC - Non classée\n"
            "01002;L'Abergement-de-Varey;C - Classée en ZRR;C - Classée en ZRR\n"
            "2A004;Ajaccio;NC - Non classée;NC - Non classée\n"
            "2b002;Aiti;C - Classée en ZRR;C - Classée en ZRR\n"
            "23096;Guéret;P - Partiellement classée en ZRR;P - Partiellement classée en ZRR\n"
            "Champ : France;;;\n")
    frame, report = read_zoning(write(tmp_path / "zrr.csv", text, "latin-1"))
    assert report.encoding == "latin-1" and report.title_lines == 3
    assert report.columns == {"code_commune": "CODGEO", "zrr": "ZRR_SIMP"}
    assert classes(frame, "zrr") == {"01001": "N", "01002": "C", "23096": "P", "2A004": "N", "2B002": "C"}
    assert frame["zrr_label"].tolist()[0] == "NC - Non classée"
    assert report.codes_padded == 1 and report.rows_without_code == 1 and report.rows_kept == 5
    assert "1 commune code(s) padded" in report.summary() and "1 row(s) without a commune code" in report.summary()


@pytest.mark.parametrize("header, separator", [
    ("Code commune,Classement FRR", ","),
    ("code_insee\tzonage_frr", "\t"),
    ('"INSEE_COM"|"FRR_2024"', "|"),
    ("Code INSEE;France Ruralités Revitalisation", ";"),
])
def test_frr_header_variants_and_classes(tmp_path, header, separator):
    rows = [("23001", "FRR+"), ("23002", "Classée en FRR"), ("23003", "Non classée"), ("53001", "FRR"),
            ("53002", "Commune classée en zone FRR+"), ("53003", "à vérifier"), ("53004", "")]
    text = "\n".join([header] + [separator.join(row) for row in rows]) + "\n"
    frame, report = read_zoning(write(tmp_path / "frr.csv", text, "utf-8-sig"), zonings=["frr"])
    assert report.zonings == ["frr"]
    assert classes(frame, "frr") == {"23001": "FRR+", "23002": "FRR", "23003": "N", "53001": "FRR",
                                     "53002": "FRR+", "53003": None, "53004": None}
    assert frame["frr_code"].tolist()[:5] == [2, 1, 0, 1, 2] and frame["frr_code"].isna().sum() == 2
    assert report.unknown_classes == {"frr": {"à vérifier": 1, "(empty)": 1}}
    assert "unknown FRR classes: “à vérifier” (1), “(empty)” (1)" in report.summary()


def test_frr_numbers_and_a_separate_frr_plus_column(tmp_path):
    text = "codgeo;FRR;FRR+\n23001;1;1\n23002;1;0\n23003;0;0\n23004;1;oui\n"
    frame, _ = read_zoning(write(tmp_path / "frr.csv", text))
    assert classes(frame, "frr") == {"23001": "FRR+", "23002": "FRR", "23003": "N", "23004": "FRR+"}
    assert "zrr" not in frame.columns


@pytest.mark.parametrize("values, expected", [
    (["C", "P", "N", "c", "Classée", "Partiellement classée", "Non classée", "1", "0", "oui", "??", ""],
     ["C", "P", "N", "C", "C", "P", "N", "C", "N", "C", None, None]),
])
def test_zrr_classes(values, expected):
    assert zoning_classes(values, "zrr").tolist() == expected


def test_frr_classes():
    values = ["FRR+", "FRR +", "FRR plus", "FRR", "2", "1", "0", "Non classée", "Hors FRR", "Partiellement classée"]
    assert zoning_classes(values, "frr").tolist() == ["FRR+", "FRR+", "FRR+", "FRR", "FRR+", "FRR", "N", "N", "N",
                                                      None]


def test_departement_filter_duplicates_and_corsica(tmp_path):
    text = "CODGEO;ZRR\n1001;C\n2A004;N\n2B002;C\n23096;P\n23096;C\n97411;N\n"
    path = write(tmp_path / "zrr.csv", text)
    frame, report = read_zoning(path, departements="23, 1")
    assert classes(frame, "zrr") == {"01001": "C", "23096": "P"}
    assert report.duplicates == 1 and report.departements == ["23", "01"]
    corsica, _ = read_zoning(path, departements="20")
    assert corsica["code_commune"].tolist() == ["2A004", "2B002"]
    overseas, _ = read_zoning(path, departements=["974"])
    assert overseas["code_commune"].tolist() == ["97411"]
    with pytest.raises(ValueError, match="unknown département"):
        read_zoning(path, departements="999")


def test_zip_holding_the_table(tmp_path):
    archive = tmp_path / "zrr.zip"
    with zipfile.ZipFile(archive, "w") as stream:
        stream.writestr("lisez-moi.pdf", b"%PDF")
        stream.writestr("diffusion-zonages-zrr-cog2021.csv", "CODGEO;ZRR\n23001;C\n")
    frame, report = read_zoning(archive)
    assert classes(frame, "zrr") == {"23001": "C"} and report.source.endswith("!diffusion-zonages-zrr-cog2021.csv")


@pytest.mark.parametrize("text, message", [
    ("", "is empty"),
    ("\n \n", "is empty"),
    ("CODGEO;LIBGEO\n23001;Ahun\n", "not a ZRR/FRR zoning table"),
    ("commune;ZRR\nAhun;C\n", "not a ZRR/FRR zoning table"),
])
def test_not_a_zoning_table(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        read_zoning(write(tmp_path / "bad.csv", text))


def test_missing_zoning_asked_for(tmp_path):
    path = write(tmp_path / "zrr.csv", "CODGEO;ZRR\n23001;C\n")
    with pytest.raises(ValueError, match="not a FRR zoning table: no FRR class column; columns: CODGEO, ZRR"):
        read_zoning(path, zonings=["frr"])


def test_table_from_a_spreadsheet(monkeypatch, tmp_path):
    """An Excel sheet as pandas gives it: title rows, codes as floats, a blank row; the header is found."""
    grid = pd.DataFrame([["Zonage FRR au 1er juillet 2024", None, None], [None, None, None],
                         ["CODGEO", "LIBGEO", "FRR"], [1001.0, "L'Abergement", "FRR+"], [23096, "Guéret", "FRR"],
                         [None, None, None], ["2A004", "Ajaccio", "Non classée"]], dtype=object)
    read = []
    monkeypatch.setattr(anct.importlib.util, "find_spec", lambda name: object())
    monkeypatch.setattr(anct.pd, "read_excel", lambda *args, **kwargs: read.append(kwargs) or {"COM": grid})
    path = tmp_path / "frr.xlsx"
    with zipfile.ZipFile(path, "w") as workbook:  # a sound zip, not really a workbook: read_excel is replaced
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    frame, report = read_zoning(path)
    assert read[0]["header"] is None and read[0]["sheet_name"] is None
    assert classes(frame, "frr") == {"01001": "FRR+", "23096": "FRR", "2A004": "N"}
    assert report.title_lines == 2 and report.codes_padded == 1 and report.layout == "sheet “COM”"


def without(monkeypatch, package):
    """Make ``package`` look not installed to the readers."""
    real = importlib.util.find_spec
    monkeypatch.setattr(anct.importlib.util, "find_spec", lambda name, *args: None if name == package
                        else real(name, *args))


def test_real_workbooks(tmp_path):
    """Workbooks written by openpyxl (a Debian dependency): a FRR table under a title row, a France Services list."""
    frr = tmp_path / "frr.xlsx"
    with pd.ExcelWriter(frr) as writer:
        pd.DataFrame([["Zonage FRR", None], ["CODGEO", "FRR"], ["23096", "FRR+"], ["53130", "Non classée"]]) \
            .to_excel(writer, sheet_name="COM", header=False, index=False)
    frame, report = read_zoning(frr)
    assert classes(frame, "frr") == {"23096": "FRR+", "53130": "N"} and report.title_lines == 1
    sites = tmp_path / "france_services.xlsx"
    pd.DataFrame({"nom": ["Guéret", "Bus"], "code": [23096, None], "latitude": [46.1715, None],
                  "longitude": [1.8714, None]}).to_excel(sites, index=False)
    table, longitude, latitude, _ = read_sites(sites)
    assert list(table["nom"]) == ["Guéret", "Bus"] and (longitude[0], latitude[0]) == (1.8714, 46.1715)
    assert list(table["code"]) == ["23096", ""] and np.isnan(longitude[1])  # cells as texts, blank as ""


def test_xlsx_without_openpyxl_asks_for_csv(tmp_path, monkeypatch):
    without(monkeypatch, "openpyxl")
    path = tmp_path / "zrr.xlsx"
    with zipfile.ZipFile(path, "w") as stream:
        stream.writestr("[Content_Types].xml", "<Types/>")
        stream.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ValueError, match="needs the Python package openpyxl.*save it as CSV"):
        read_zoning(path)
    renamed = tmp_path / "zrr.dat"
    renamed.write_bytes(path.read_bytes())
    with pytest.raises(ValueError, match="openpyxl"):
        read_zoning(renamed)


@pytest.mark.skipif(importlib.util.find_spec("xlrd") is not None, reason="xlrd is installed")
def test_xls_without_xlrd_asks_for_csv(tmp_path):
    path = tmp_path / "zrr.bin"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(ValueError, match="needs the Python package xlrd"):
        read_zoning(path)


def test_zoning_from_an_attribute_table():
    """The attributes of a vector layer (FRR polygons) go through the same parsing."""
    table = pd.DataFrame({"insee_com": [23001, 1001, None], "nom": ["Ahun", "L'Abergement", "?"],
                          "frr": ["FRR+", "FRR", "FRR"]})
    frame, report = zoning_from_table(table, ["frr"], report=ZoningReport(source="frr.gpkg"))
    assert classes(frame, "frr") == {"01001": "FRR", "23001": "FRR+"}
    assert report.rows_without_code == 1


def test_departements_of_other_anct_layers():
    assert departement_column(["code_qp", "lib_qp", "insee_dep", "insee_com"]) == (2, "departement")
    assert departement_column(["id", "nom", "code_insee"]) == (2, "commune")
    assert departement_column(["id", "nom"]) is None
    assert row_departements(["23", "2a", 1, "971", "23 - Creuse", None, "1.0"], "departement").tolist() == \
        ["23", "2A", "01", "971", "23", "", "01"]
    assert row_departements(["23096", "2A004", 1001, "97411", "", "abc"], "commune").tolist() == \
        ["23", "2A", "01", "974", "", ""]


# ------------------------------------------------------------------------------------------ site tables (lat / lon)


def test_sites_with_latitude_and_longitude_columns(tmp_path):
    """Title line, ';' separator, Latin-1, decimal commas, a row without coordinates and one out of range."""
    path = write(tmp_path / "france_services.csv",
                 "Liste des structures labellisées\n"
                 "Nom;Commune;Code INSEE;Latitude;Longitude\n"
                 "France services de Guéret;Guéret;23096;46,1710;1,8710\n"
                 "France services d'Évaux;Évaux-les-Bains;23076;46.1748;2.4870\n"
                 "Bus France services;Itinérant;;;\n"
                 "Erreur;Ailleurs;23001;146.2;1.9\n", encoding="latin-1")
    table, longitude, latitude, report = read_sites(path)
    assert list(table["Nom"])[:2] == ["France services de Guéret", "France services d'Évaux"]
    np.testing.assert_allclose(longitude[:2], [1.871, 2.487])
    np.testing.assert_allclose(latitude[:2], [46.171, 46.1748])
    assert np.isnan(longitude[2:]).all() and np.isnan(latitude[2:]).all()
    assert (report.rows_read, report.without_coordinates, report.out_of_range, report.title_lines) == (4, 1, 1, 1)
    assert report.coordinates == "Latitude / Longitude" and report.encoding == "latin-1"


def test_sites_with_one_lat_lon_column(tmp_path):
    path = write(tmp_path / "fs.csv", 'nom,geo_point_2d\nA,"46.17, 1.87"\nB,"46,2 ; 2,5"\nC,nowhere\n')
    _, longitude, latitude, report = read_sites(path)
    np.testing.assert_allclose(latitude[:2], [46.17, 46.2])
    np.testing.assert_allclose(longitude[:2], [1.87, 2.5])
    assert np.isnan(latitude[2]) and report.coordinates == "geo_point_2d" and report.without_coordinates == 1


def test_sites_without_coordinates_are_refused(tmp_path):
    assert coordinate_columns(["nom", "adresse", "code_insee"]) is None
    assert coordinate_columns(["Lat", "Lng"]) == ("split", (0, 1))
    with pytest.raises(ValueError, match="not a table of sites.*latitude and longitude"):
        read_sites(write(tmp_path / "fs.csv", "nom;adresse\nA;1 rue X\n"))
