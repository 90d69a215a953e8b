"""Readers of the French source files (RPPS, FINESS, INSEE), on small files written here in the real layouts."""

import io
import zipfile

import numpy as np
import pandas as pd
import pytest

from medical_deserts_plugin.core.sources.common import (
    LineFilter,
    compact_name,
    departement_of_commune,
    departement_of_postal_code,
    detect_encoding,
    normalise_name,
    parse_departements,
)
from medical_deserts_plugin.core.sources.finess import DEFAULT_CATEGORIES, read_finess
from medical_deserts_plugin.core.sources.insee import AGE_GROUPS, read_population
from medical_deserts_plugin.core.sources.rpps import (
    OUTPUT_COLUMNS,
    RPPS_ACTIVITY_HEADER,
    gp_counts_by_commune,
    read_rpps,
    read_savoir_faire,
)

HEADER = list(RPPS_ACTIVITY_HEADER)
SF_LABELS = {"SM53": "Spécialiste en Médecine Générale", "SM54": "Médecine générale", "SM26": "Qualifié en "
             "Médecine Générale", "SM04": "Cardiologie", "SM42": "Psychiatrie", "": ""}
SECTOR_LABELS = {"SA07": "Cabinet individuel", "SA08": "Cabinet de groupe", "SA05": "Centre de santé",
                 "SA01": "Etablissement public de santé"}
SAVOIR_FAIRE_HEADER = ["Type d'identifiant PP", "Identifiant PP", "Identification nationale PP", "Nom d'exercice",
                       "Prénom d'exercice", "Code profession", "Libellé profession", "Code catégorie professionnelle",
                       "Libellé catégorie professionnelle", "Code type savoir-faire", "Libellé type savoir-faire",
                       "Code savoir-faire", "Libellé savoir-faire"]


def activity(rpps, profession="10", sf="SM54", mode="L", commune="23096", postal=None, sector="SA07", finess="",
             structure=None, name="MÉNARD", first_name="HÉLÈNE"):
    """One activity line as a {header name: value} dict (the values the RPPS extraction has)."""
    values = dict.fromkeys(HEADER, "")
    values.update({
        "Type d'identifiant PP": "8", "Identifiant PP": rpps[1:], "Identification nationale PP": rpps,
        "Code civilité d'exercice": "DR" if profession == "10" else "",
        "Libellé civilité d'exercice": "Docteur" if profession == "10" else "",
        "Code civilité": "MME", "Libellé civilité": "Madame", "Nom d'exercice": name, "Prénom d'exercice": first_name,
        "Code profession": profession, "Libellé profession": {"10": "Médecin", "60": "Infirmier"}.get(profession, ""),
        "Code catégorie professionnelle": "C", "Libellé catégorie professionnelle": "Civil",
        "Code type savoir-faire": "S" if sf else "", "Libellé type savoir-faire": "Spécialité ordinale" if sf else "",
        "Code savoir-faire": sf, "Libellé savoir-faire": SF_LABELS.get(sf, ""),
        "Code mode exercice": mode, "Libellé mode exercice": {"L": "Libéral", "S": "Salarié", "B": "Bénévole"}[mode],
        "Numéro FINESS site": finess,
        "Identifiant technique de la structure": structure if structure is not None else f"R{rpps[-4:]}{commune}",
        "Raison sociale site": "CABINET MÉDICAL", "Libellé Voie (coord. structure)": "DE L'ÉGLISE",
        "Bureau cedex (coord. structure)": f"{postal or ''} GUÉRET".strip(),
        "Code postal (coord. structure)": postal if postal is not None else (commune[:2] + "000" if commune else ""),
        "Code commune (coord. structure)": commune, "Libellé commune (coord. structure)": "GUÉRET" if commune else "",
        "Code pays (coord. structure)": "99000" if commune else "", "Libellé pays (coord. structure)": "France",
        "Autorité d'enregistrement": "CNOM/CNOM/CNOM", "Code secteur d'activité": sector,
        "Libellé secteur d'activité": SECTOR_LABELS.get(sector, ""),
    })
    return values


def rpps_text(rows, header=None, rename=None):
    """Extraction text: header + lines, '|'-separated, trailing '|' on every line. ``rename`` maps canonical header
    names to the spelling written (variants), ``header`` gives the canonical columns written and their order."""
    header = header or HEADER
    rename = rename or {}
    lines = ["|".join(rename.get(h, h) for h in header) + "|"]
    lines += ["|".join(row[h] for h in header) + "|" for row in rows]
    return "\n".join(lines) + "\n"


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


ROWS = [
    activity("810000000001", sf="SM54", commune="23096", sector="SA08"),              # GP, cabinet de groupe
    activity("810000000002", sf="SM53", mode="S", commune="23096", sector="SA05", finess="230000000"),  # centre
    activity("810000000003", sf="SM53", commune="23096"),                           # two sites: 1/2 + 1/2
    activity("810000000003", sf="SM53", commune="23008"),
    activity("810000000004", sf="SM04", commune="23096"),                           # cardiologist: out
    activity("810000000005", profession="60", sf="", commune="23096"),              # nurse: out
    activity("810000000006", sf="SM26", commune="53130", postal="53000"),           # GP in Mayenne
    activity("810000000007", sf="SM54", commune="", postal="23200"),                # no commune, postal in 23
]


# ------------------------------------------------------------------------------------------------------- RPPS


def test_rpps_header_trailing_pipe_and_gp_selection(tmp_path):
    path = write(tmp_path / "PS_LibreAcces_Personne_activite_202611240000.txt", rpps_text(ROWS))
    frame, report = read_rpps(path)
    assert list(frame.columns) == list(OUTPUT_COLUMNS)
    assert sorted(frame["rpps"].unique()) == ["810000000001", "810000000002", "810000000003", "810000000006",
                                             "810000000007"]
    assert set(frame["savoir_faire"]) == {"SM53", "SM54", "SM26"}
    assert frame["code_commune"].dropna().map(type).eq(str).all()
    assert frame.loc[frame["rpps"] == "810000000002", "mode_exercice"].item() == "S"
    assert frame.loc[frame["rpps"] == "810000000002", "secteur"].item() == "SA05"
    assert frame.loc[frame["rpps"] == "810000000002", "finess_site"].item() == "230000000"
    assert report.lines_read == len(ROWS) and report.malformed_lines == 0
    assert report.rows_kept == 6 and report.practitioners == 5
    assert report.fte == pytest.approx(5.0)
    assert report.encoding == "utf-8"
    assert report.savoir_faire_source == "activity file"
    assert "Code commune (coord. structure)" == report.columns["code_commune"]


def test_rpps_only_sm53_sm54(tmp_path):
    path = write(tmp_path / "activite.txt", rpps_text(ROWS))
    frame, _ = read_rpps(path, savoir_faire=("SM53", "SM54"))
    assert "810000000006" not in set(frame["rpps"])
    frame, _ = read_rpps(path, savoir_faire=None)
    assert "810000000004" in set(frame["rpps"]) and "810000000005" not in set(frame["rpps"])
    frame, _ = read_rpps(path, professions=None, savoir_faire=None)
    assert "810000000005" in set(frame["rpps"])


def test_rpps_several_sites_weights_and_counts(tmp_path):
    rows = ROWS + [activity("810000000003", sf="SM53", commune="23008")]  # same site again: one row
    frame, report = read_rpps(write(tmp_path / "a.txt", rpps_text(rows)), departements="23")
    third = frame[frame["rpps"] == "810000000003"]
    assert sorted(third["code_commune"]) == ["23008", "23096"]
    assert third["weight"].tolist() == [0.5, 0.5]
    assert report.duplicate_rows == 1
    counts = gp_counts_by_commune(frame).set_index("code_commune")
    assert counts.loc["23096", "n_practitioners"] == 3
    assert counts.loc["23096", "fte"] == pytest.approx(2.5)
    assert counts.loc["23008", "fte"] == pytest.approx(0.5)
    assert counts["fte"].sum() == pytest.approx(3.0)  # the GP with no commune is not in any commune
    assert all(isinstance(code, str) for code in counts.index)


def test_rpps_weight_counts_sites_outside_the_departement_filter(tmp_path):
    rows = [activity("810000000010", commune="23096"), activity("810000000010", commune="87085")]
    frame, _ = read_rpps(write(tmp_path / "a.txt", rpps_text(rows)), departements=["23"])
    assert frame["weight"].tolist() == [0.5]


def test_rpps_paris_lyon_marseille_arrondissements(tmp_path):
    rows = [activity("810000000020", commune="75108"), activity("810000000021", commune="75120"),
            activity("810000000022", commune="69383"), activity("810000000023", commune="13205"),
            activity("810000000024", commune="75056")]
    path = write(tmp_path / "a.txt", rpps_text(rows))
    frame, _ = read_rpps(path)
    assert sorted(frame["code_commune"]) == ["13055", "69123", "75056", "75056", "75056"]
    assert set(frame["code_commune_source"]) == {"75108", "75120", "69383", "13205", "75056"}
    counts = gp_counts_by_commune(frame).set_index("code_commune")
    assert counts.loc["75056", "n_practitioners"] == 3
    frame, _ = read_rpps(path, aggregate_arrondissements=False)
    assert "75108" in set(frame["code_commune"])
    frame, _ = read_rpps(path, departements="75")
    assert len(frame) == 3


def test_rpps_missing_commune_is_reported_not_dropped(tmp_path):
    rows = ROWS + [activity("810000000030", commune="", postal=""), activity("810000000031", commune="",
                                                                             postal="87000")]
    path = write(tmp_path / "a.txt", rpps_text(rows))
    frame, report = read_rpps(path)
    assert report.missing_commune == ["810000000007", "810000000030", "810000000031"]
    assert frame.loc[frame["rpps"] == "810000000007", "code_commune"].isna().all()
    assert "no commune code" in report.summary()
    frame, report = read_rpps(path, departements="23")
    assert report.missing_commune == ["810000000007"]  # placed in 23 by its postal code
    assert frame.loc[frame["rpps"] == "810000000007", "departement"].item() == "23"
    assert report.unlocated_rows == 1  # neither commune nor postal code: cannot be in 23 or not
    assert "810000000031" not in set(frame["rpps"])


def test_rpps_corsica_and_overseas_departements(tmp_path):
    rows = [activity("810000000040", commune="2A004", postal="20000"),
            activity("810000000041", commune="2B033", postal="20200"),
            activity("810000000042", commune="97411", postal="97400"),
            activity("810000000043", commune="97101", postal="97139"),
            activity("810000000044", commune="", postal="20090")]
    path = write(tmp_path / "a.txt", rpps_text(rows))
    frame, _ = read_rpps(path, departements="2A, 974")
    assert sorted(frame["rpps"]) == ["810000000040", "810000000042", "810000000044"]
    assert set(frame["departement"]) == {"2A", "974"}
    frame, _ = read_rpps(path, departements="20")  # both Corsican départements
    assert sorted(frame["rpps"]) == ["810000000040", "810000000041", "810000000044"]


def test_rpps_separate_savoir_faire_file(tmp_path):
    header = [h for h in HEADER if "savoir-faire" not in h.lower()]
    path = write(tmp_path / "PS_LibreAcces_Personne_activite_202611240000.txt", rpps_text(ROWS, header=header))
    sf_lines = ["|".join(SAVOIR_FAIRE_HEADER) + "|"]
    people = [("810000000001", "10", "SM54"), ("810000000002", "10", "SM53"), ("810000000003", "10", "CAPA12"),
              ("810000000003", "10", "SM53"), ("810000000004", "10", "SM04"), ("810000000006", "10", "SM26"),
              ("810000000007", "10", "SM54"), ("810000000099", "10", "SM54")]
    for rpps, profession, sf in people:
        sf_lines.append("|".join(["8", rpps[1:], rpps, "MÉNARD", "HÉLÈNE", profession, "Médecin", "C", "Civil",
                                  "S", "Spécialité ordinale", sf, SF_LABELS.get(sf, "Capacité")]) + "|")
    sf_text = "\n".join(sf_lines) + "\n"
    with pytest.raises(ValueError, match="savoir_faire_path"):
        read_rpps(path)
    (tmp_path / "sf").mkdir()
    sf_path = write(tmp_path / "sf" / "savoir_faire.txt", sf_text)
    frame, report = read_rpps(path, savoir_faire_path=sf_path)
    assert sorted(frame["rpps"].unique()) == ["810000000001", "810000000002", "810000000003", "810000000006",
                                             "810000000007"]
    assert frame.loc[frame["rpps"] == "810000000003", "savoir_faire"].unique().tolist() == ["SM53"]
    assert frame.loc[frame["rpps"] == "810000000003", "weight"].tolist() == [0.5, 0.5]
    assert report.savoir_faire_source.startswith("separate file")
    assert read_savoir_faire(sf_path, savoir_faire=("SM53", "SM54")).set_index("rpps")["savoir_faire"].to_dict() \
        == {"810000000001": "SM54", "810000000002": "SM53", "810000000003": "SM53", "810000000007": "SM54",
            "810000000099": "SM54"}
    # The zip as downloaded: the savoir-faire member is found by itself.
    archive = tmp_path / "PS_LibreAcces_202611240000.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("PS_LibreAcces_Personne_activite_202611240000.txt", path.read_bytes())
        out.writestr("PS_LibreAcces_Dipl_AutExerc_202611240000.txt", "Type d'identifiant PP|Identifiant PP|\n")
        out.writestr("PS_LibreAcces_SavoirFaire_202611240000.txt", sf_text)
    zipped, report = read_rpps(archive)
    pd.testing.assert_frame_equal(zipped, frame)
    # A PS_LibreAcces_SavoirFaire file next to the activity file is found too.
    write(tmp_path / "PS_LibreAcces_SavoirFaire_202611240000.txt", sf_text)
    beside, _ = read_rpps(path)
    pd.testing.assert_frame_equal(beside, frame)


def test_rpps_header_spelling_variants(tmp_path):
    rename = {
        "Libellé civilité d'exercice": "Libellé civilité exercice",
        "Code commune (coord. structure)": "Code commune (coordonnées structure)",
        "Code postal (coord. structure)": "CODE POSTAL (COORD. STRUCTURE)",
        "Code profession": " code  profession ",
        "Code savoir-faire": "Code savoir faire",
        "Code Département (structure)": "Code département (coord. structure)",
        "Indice répétition voie (coord. structure)": "Indice répétition voie (coord. Structure)",
        "Code secteur d'activité": "Code secteur activité",
    }
    reordered = HEADER[20:] + HEADER[:20]
    frame, report = read_rpps(write(tmp_path / "a.txt", rpps_text(ROWS, header=reordered, rename=rename)))
    expected, _ = read_rpps(write(tmp_path / "b.txt", rpps_text(ROWS)))
    pd.testing.assert_frame_equal(frame, expected)
    assert report.columns["code_commune"] == "Code commune (coordonnées structure)"
    assert normalise_name("Libellé civilité d'exercice") == "libelle civilite d exercice"
    assert compact_name("Libellé civilité d'exercice") == compact_name("Libellé civilité exercice")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1"])
def test_rpps_utf8_or_latin1(tmp_path, encoding):
    path = write(tmp_path / "a.txt", rpps_text(ROWS), encoding=encoding)
    frame, report = read_rpps(path)
    expected, _ = read_rpps(write(tmp_path / "b.txt", rpps_text(ROWS)))
    pd.testing.assert_frame_equal(frame, expected)
    assert report.encoding == encoding
    assert detect_encoding("HÉLÈNE".encode("latin-1")) == "latin-1"
    assert detect_encoding("HÉLÈNE".encode("utf-8")[:-1]) == "utf-8"  # cut inside a character


def test_rpps_truncated_last_line_and_malformed_lines(tmp_path):
    text = rpps_text(ROWS)
    cut = text.rstrip("\n").rfind("\n")
    truncated = text + text[cut + 1:cut + 60]  # the start of a line, no trailing '|', no newline
    frame, report = read_rpps(write(tmp_path / "a.txt", truncated))
    assert report.malformed_lines == 1 and report.truncated_last_line
    assert report.lines_read == len(ROWS) + 1
    assert report.rows_kept == 6  # the same as without the cut line
    assert "malformed" in report.summary()
    # A complete last line without its newline is fine; a broken line in the middle is skipped and counted.
    lines = text.rstrip("\n").split("\n")
    broken = lines[:2] + [lines[2].replace("|S|", "|S|extra|", 1)] + lines[3:]
    frame, report = read_rpps(write(tmp_path / "b.txt", "\r\n".join(broken)))
    assert report.malformed_lines == 1 and not report.truncated_last_line
    assert "810000000002" not in set(frame["rpps"]) and "810000000007" in set(frame["rpps"])


def test_rpps_zip_bytes_chunks_and_progress(tmp_path):
    text = rpps_text(ROWS)
    expected, _ = read_rpps(io.BytesIO(text.encode("utf-8")))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("PS_LibreAcces_Dipl_AutExerc_202611240000.txt", "x|y|\n")
        out.writestr("PS_LibreAcces_Personne_activite_202611240000.txt", text)
    zipped, report = read_rpps(archive.getvalue())
    pd.testing.assert_frame_equal(zipped, expected)
    assert report.source.endswith("PS_LibreAcces_Personne_activite_202611240000.txt")
    seen = []
    chunked, report = read_rpps(write(tmp_path / "a.txt", text), chunksize=2, progress=seen.append)
    pd.testing.assert_frame_equal(chunked, expected)
    assert seen[-1] == 1.0 and all(0.0 <= f <= 1.0 for f in seen) and len(seen) >= 2


def test_rpps_header_only(tmp_path):
    frame, report = read_rpps(write(tmp_path / "a.txt", rpps_text([])))
    assert list(frame.columns) == list(OUTPUT_COLUMNS) and len(frame) == 0
    assert report.lines_read == 0 and report.rows_kept == 0
    assert gp_counts_by_commune(frame).empty


def test_rpps_modes_filter(tmp_path):
    frame, _ = read_rpps(write(tmp_path / "a.txt", rpps_text(ROWS)), modes="L")
    assert set(frame["mode_exercice"]) == {"L"} and "810000000002" not in set(frame["rpps"])


def test_rpps_clear_errors(tmp_path):
    header = [h for h in HEADER if h != "Code commune (coord. structure)"]
    with pytest.raises(ValueError, match=r"missing.*'Code commune \(coord\. structure\)'"):
        read_rpps(write(tmp_path / "a.txt", rpps_text(ROWS, header=header)))
    header = [h for h in HEADER if h not in ("Code mode exercice",)]
    read_rpps(write(tmp_path / "b.txt", rpps_text(ROWS, header=header)))  # not needed without a mode filter
    with pytest.raises(ValueError, match="Code mode exercice"):
        read_rpps(tmp_path / "b.txt", modes="L")
    with pytest.raises(ValueError, match="not an RPPS extraction"):
        read_rpps(write(tmp_path / "c.txt", "finess;etalab;98;2026-11-24\nstructureet;1;2\n"))
    with pytest.raises(ValueError, match="not an RPPS extraction"):
        read_rpps(write(tmp_path / "d.txt", "nom|prenom|ville|\nA|B|C|\n"))
    with pytest.raises(ValueError, match="empty"):
        read_rpps(write(tmp_path / "e.txt", ""))
    with pytest.raises(ValueError, match="999"):
        read_rpps(tmp_path / "a.txt", departements="23, 999")


def test_line_filter_counts_fields_a_block_at_a_time():
    data = b"a|b|\n1|2|\n\n3|4|5|\n6|7|\r\n8|"
    stream = LineFilter(io.BytesIO(data), "|", 2, block_size=4)
    assert io.BufferedReader(stream).read() == b"a|b|\n1|2|\n6|7|\r\n"
    assert (stream.lines, stream.malformed, stream.truncated_last_line) == (5, 2, True)


def test_parse_departements():
    assert parse_departements("23, 53") == ["23", "53"]
    assert parse_departements(["23", "2a"]) == ["23", "2A"]
    assert parse_departements([1, "9", 23, "23"]) == ["01", "09", "23"]
    assert parse_departements("20") == ["2A", "2B"]
    assert parse_departements("971;974") == ["971", "974"]
    assert parse_departements(None) is None and parse_departements("") is None
    with pytest.raises(ValueError, match="'999'"):
        parse_departements("23, 999")
    with pytest.raises(ValueError, match="'96'"):
        parse_departements(["96"])
    codes = pd.Series(["23096", "2A004", "97411", "75056"])
    assert departement_of_commune(codes).tolist() == ["23", "2A", "974", "75"]
    assert departement_of_postal_code(pd.Series(["23000", "20090", "20200", "97400", ""])).tolist() == \
        ["23", "2A", "2B", "974", ""]


# ----------------------------------------------------------------------------------------------------- FINESS

FINESS_LINES = [
    "finess;etalab;98;2026-11-24",
    "structureet;230780041;230000010;CH DE GUERET;CENTRE HOSPITALIER DE GUERET;;;39;AV;DE LA SENATORERIE;;BP 159;"
    "096;23;CREUSE;23011 GUERET CEDEX;0555517000;0555517001;355;Centre Hospitalier (C.H.);1102;"
    "Centres Hospitaliers;26230005600011;8610Z;03;ARS établissements Publics de santé dotation globale;1;"
    "Etablissement public de santé;1900-01-01;1900-01-01;2024-01-10;",
    "structureet;230005555;230005554;MSP BOURGANEUF;\"MAISON DE SANTE \"\"LES GENETS\"\"; BOURGANEUF\";;;2;R;DU "
    "MOULIN;;;030;23;CREUSE;23400 BOURGANEUF;;;603;Maison de santé (L.6223-3);;;;8621Z;;;;;2019-09-02;2019-09-02;"
    "2025-03-01;",
    "structureet;230006666;230006665;CENTRE DE SANTE AUZANCES;CENTRE DE SANTE MUNICIPAL D'AUZANCES;;;1;PL;DE LA "
    "MAIRIE;;;013;23;CREUSE;23700 AUZANCES;;;124;Centre de Santé;;;;8621Z;;;;;2020-01-01;2020-01-01;2025-03-01;",
    "structureet;230007777;230007776;PHARMACIE DU CENTRE;PHARMACIE DU CENTRE;;;5;R;PASTEUR;;;096;23;CREUSE;"
    "23000 GUERET;;;620;Pharmacie d'Officine;;;;4773Z;;;;;1998-06-15;1998-06-15;2025-03-01;",
    "structureet;2A0001234;2A0001233;MSP AJACCIO;MAISON DE SANTE PLURIPROFESSIONNELLE D'AJACCIO;;;3;BD;PAOLI;;;004;"
    "2A;CORSE-DU-SUD;20000 AJACCIO;;;603;Maison de santé (L.6223-3);;;;8621Z;;;;;2021-01-01;2021-01-01;2025-03-01;",
    "structureet;970100012;970100103;POLYCLINIQUE DES ABYMES;POLYCLINIQUE DES ABYMES;;;;;MORNE JOLIVIERE;;;101;9A;"
    "GUADELOUPE;97139 LES ABYMES;;;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;;8610Z;03;ARS;1;"
    "Etablissement public de santé;1969-03-01;1969-03-01;2010-08-25;",
    "structureet;970400024;970408589;CHU SITE NORD;CHU SITE NORD (SAINT DENIS);;;;ALL;DES TOPAZES;;CS 11021;411;9D;"
    "LA REUNION;97405 ST DENIS CEDEX;;;101;Centre Hospitalier Régional (C.H.R.);1101;"
    "Centres Hospitaliers Régionaux;;8610Z;03;ARS;1;Etablissement public de santé;1957-07-01;1957-07-01;2023-11-13;",
    "geolocalisation;230780041;600883.6;6566341.2;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2024-01-10",
    "geolocalisation;230005555;590001.5;6540002.5;1,ATLASANTE,100,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole);"
    "2025-03-01",
    "geolocalisation;230007777;600123.4;6566456.7;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2025-03-01",
    "geolocalisation;2A0001234;1177000.1;6102000.2;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2025-03-01",
    "geolocalisation;970100012;657400.2;1795302.6;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_N20;2024-01-10",
    "geolocalisation;970400024;338523.9;7690837.1;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40;2024-01-10",
]


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_finess_structures_and_geolocations(tmp_path, encoding):
    path = write(tmp_path / "etalab-cs1100507-stock-20261124-0400.csv", "\n".join(FINESS_LINES) + "\n", encoding)
    frame, report = read_finess(path)
    assert report.extraction_date == "2026-11-24" and report.layout_version == "98"
    assert report.structures_read == 7 and report.geolocations_read == 6 and report.malformed_lines == 0
    assert report.encoding == encoding
    assert "230007777" not in set(frame["nofinesset"])  # a pharmacy: not in the default categories
    assert set(frame["category"]) <= set(DEFAULT_CATEGORIES)
    rows = frame.set_index("nofinesset")
    assert rows.loc["230780041", "code_commune"] == "23096"
    assert rows.loc["230780041", "code_postal"] == "23011"
    assert rows.loc["230780041", "category_label"] == "Centre Hospitalier (C.H.)"
    assert rows.loc["230780041", "name"] == "CH DE GUERET"
    assert rows.loc["230005555", "long_name"] == 'MAISON DE SANTE "LES GENETS"; BOURGANEUF'
    assert rows.loc["2A0001234", "code_commune"] == "2A004"
    assert rows.loc["970100012", "code_commune"] == "97101" and rows.loc["970100012", "departement"] == "971"
    assert rows.loc["970400024", "code_commune"] == "97411" and rows.loc["970400024", "departement"] == "974"
    assert (rows.loc["230780041", "x"], rows.loc["230780041", "y"]) == (600883.6, 6566341.2)
    assert rows["crs"].to_dict() == {"230780041": "LAMBERT_93", "230005555": "EPSG:2154 RGF93 / Lambert-93 "
                                     "(Métropole)", "230006666": None, "2A0001234": "LAMBERT_93",
                                     "970100012": "UTM_N20", "970400024": "UTM_S40"}
    assert rows["epsg"].fillna(0).to_dict() == {"230005555": 2154, "230006666": 0, "230780041": 2154,
                                                "2A0001234": 2154, "970100012": 5490, "970400024": 2975}
    assert np.isnan(rows.loc["230006666", "x"])  # no geolocalisation line
    assert report.without_coordinates == 1
    assert rows.loc["230780041", "category_group_label"] == "Centres Hospitaliers"


def test_finess_filters(tmp_path):
    path = write(tmp_path / "finess.csv", "\n".join(FINESS_LINES) + "\n")
    frame, _ = read_finess(path, categories=None)
    assert len(frame) == 7
    frame, _ = read_finess(path, categories=["pharmacies", "124"])
    assert sorted(frame["nofinesset"]) == ["230006666", "230007777"]
    frame, _ = read_finess(path, categories="603", departements="2A")
    assert frame["nofinesset"].tolist() == ["2A0001234"]
    frame, _ = read_finess(path, departements=["971", "974"])
    assert sorted(frame["nofinesset"]) == ["970100012", "970400024"]
    archive = tmp_path / "finess.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(path, "etalab-cs1100507-stock-20261124-0400.csv")
    zipped, _ = read_finess(archive, categories=None)
    assert len(zipped) == 7


def test_finess_not_a_finess_file(tmp_path):
    with pytest.raises(ValueError, match="not a FINESS extraction"):
        read_finess(write(tmp_path / "x.csv", "code_insee,commune\n23001,Ahun\n"))


# ------------------------------------------------------------------------------------------------------ INSEE


def test_population_age_groups_in_columns(tmp_path):
    header = ["CODGEO", "LIBGEO"] + list(AGE_GROUPS) + ["P_POP"]
    rows = [["23096", "Guéret"] + [str(100 + k) for k in range(19)] + [str(sum(100 + k for k in range(19)))],
            ["1001", "L'Abergement"] + ["1"] * 19 + ["19"],                 # code lost its zero in a spreadsheet
            ["75101", "Paris 1er"] + ["10"] * 19 + ["190"], ["75102", "Paris 2e"] + ["20"] * 19 + ["380"],
            ["2A004", "Ajaccio"] + ["5"] * 19 + ["95"]]
    text = "\n".join(";".join(r) for r in [header] + rows) + "\n"
    frame, report = read_population(write(tmp_path / "population_communes.csv", text))
    assert list(frame.columns) == ["code_commune"] + list(AGE_GROUPS) + ["population"]
    assert frame["code_commune"].tolist() == ["01001", "23096", "2A004", "75056"]
    paris = frame.set_index("code_commune").loc["75056"]
    assert paris["pop_00_04"] == 30 and paris["population"] == 570
    assert report.has_age_groups and report.codes_padded == 1 and report.arrondissements_merged == 2
    assert report.total_mismatches == 0
    frame, _ = read_population(tmp_path / "population_communes.csv", aggregate_arrondissements=False,
                               departements="75")
    assert frame["code_commune"].tolist() == ["75101", "75102"]


def test_population_insee_quinquennal_by_sex(tmp_path):
    columns = [f"ageq_rec{g:02d}s{s}rpop2021" for g in range(1, 21) for s in (1, 2)]
    header = ["RR", "DR", "CR", "STABLE", "DR24", "LIBELLE"] + columns
    values = {"23": [1.5] * 40, "2A": [2.0] * 40}
    lines = [";".join(header)]
    lines.append(";".join(["75", "23", "096", "1", "23", "Guéret"] + [str(v).replace(".", ",") for v in values["23"]]))
    lines.append(";".join(["94", "2A", "004", "1", "2A", "Ajaccio"] + [str(v) for v in values["2A"]]))
    frame, report = read_population(write(tmp_path / "pop-sexe-age-quinquennal6821.csv", "\n".join(lines),
                                          "latin-1"))
    assert report.layout.startswith("INSEE") and report.year == "2021"
    rows = frame.set_index("code_commune")
    assert rows.loc["23096", "pop_00_04"] == pytest.approx(3.0)
    assert rows.loc["23096", "pop_90_plus"] == pytest.approx(6.0)  # 90-94 and 95+, both sexes
    assert rows.loc["2A004", "population"] == pytest.approx(80.0)


def test_population_totals_only_populations_legales(tmp_path):
    text = ("REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT\r\n"
            "75;Nouvelle-Aquitaine;23;2;01;001;23001;Ahun;1433;233;1666\r\n"
            "52;Pays de la Loire;53;1;05;130;53130;Laval;49728;1270;50998\r\n")
    frame, report = read_population(write(tmp_path / "populations_legales.csv", text), departements=["23"])
    assert frame["code_commune"].tolist() == ["23001"]
    assert frame["population"].tolist() == [1433.0]  # PMUN, the population municipale
    assert frame[list(AGE_GROUPS)].isna().all().all()
    assert not report.has_age_groups and "weigh 1" in report.summary()


def test_population_single_year_ages_long(tmp_path):
    lines = ["NIVGEO;CODGEO;LIBGEO;SEXE;AGED100;NB"]
    for code in ("23096", "53130"):
        for sex in (1, 2):
            for age in range(0, 101):
                lines.append(f"COM;{code};X;{sex};{age:03d};1")
    frame, report = read_population(write(tmp_path / "BTT_TD_POP1B_2021.csv", "\n".join(lines) + "\n"))
    assert report.layout.startswith("single-year")
    rows = frame.set_index("code_commune")
    assert rows.loc["23096", "pop_00_04"] == 10 and rows.loc["23096", "pop_90_plus"] == 22
    assert rows.loc["53130", "population"] == 202


def test_population_not_a_population_file(tmp_path):
    with pytest.raises(ValueError, match="no population columns"):
        read_population(write(tmp_path / "x.csv", "CODGEO;ZRR;FRR\n23001;C;1\n"))
    with pytest.raises(ValueError, match="no commune code"):
        read_population(write(tmp_path / "y.csv", "nom;valeur\na;1\n"))


# ----------------------------------------------------------------------------------------------------- sample


def test_readers_agree_with_the_sample_generator(tmp_path):
    pytest.importorskip("osgeo.ogr")
    from medical_deserts_plugin.sample import generate_departement, write_sample

    paths = write_sample(tmp_path, seed=1, n_communes=30)
    dep = generate_departement(seed=1, n_communes=30)

    frame, report = read_rpps(paths["rpps"])
    lines = dep.rpps
    gp = lines[(lines["Code profession"] == "10") & lines["Code savoir-faire"].isin(["SM53", "SM54"])]
    assert report.lines_read == len(lines) and report.malformed_lines == 0
    assert report.rows_kept == len(gp)  # one line per GP and site in the sample
    assert report.practitioners == gp["Identification nationale PP"].nunique()
    assert report.fte == pytest.approx(report.practitioners)
    assert report.missing_commune == gp.loc[gp["Code commune (coord. structure)"] == "",
                                            "Identification nationale PP"].tolist()
    assert len(report.missing_commune) == 1
    in_00, report_00 = read_rpps(paths["rpps"], departements="00")
    assert len(in_00) == len(gp) - 1 and report_00.unlocated_rows == 1  # no commune, no postal code
    # Practice sites (hospital lines excepted): GPs per commune as the generator placed them.
    practice = frame[frame["secteur"] != "SA01"]
    counts = gp_counts_by_commune(practice).set_index("code_commune")["n_practitioners"]
    expected = dep.gp_sites.groupby("code_insee")["n_gp"].sum()
    pd.testing.assert_series_equal(counts.sort_index(), expected.sort_index(), check_names=False)

    facilities, report = read_finess(paths["finess"], categories=None)
    assert report.rows_kept == len(dep.facilities) and report.without_coordinates == 0
    assert facilities["category"].value_counts().to_dict() == dep.facilities["categetab"].value_counts().to_dict()
    truth = dep.facilities.set_index("finess")
    rows = facilities.set_index("nofinesset").loc[truth.index]
    assert np.allclose(rows["x"], [p.x for p in truth["geometry"]], atol=0.051)
    assert np.allclose(rows["y"], [p.y for p in truth["geometry"]], atol=0.051)
    assert set(rows["epsg"]) == {2154}
    assert set(facilities["code_commune"]) <= set(dep.communes["code_insee"])
    default, _ = read_finess(paths["finess"])
    assert "620" not in set(default["category"])

    population, report = read_population(paths["population"])
    assert population["code_commune"].tolist() == dep.population["CODGEO"].tolist()
    assert np.array_equal(population[list(AGE_GROUPS)].to_numpy(), dep.population[list(AGE_GROUPS)].to_numpy())
    assert population["population"].sum() == dep.communes["population"].sum()
    assert report.has_age_groups and report.total_mismatches == 0
