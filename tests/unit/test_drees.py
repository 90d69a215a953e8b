"""The DREES APL file as a population source: the national spreadsheet's layout (title lines, a units line, one
sheet per year, the newest read) and its CSV cut, with the standardised population by commune."""

import pandas as pd
import pytest

from medical_deserts_plugin.core.sources.drees import is_drees_apl, read_drees_apl

HEADER = ["Code commune INSEE", "Commune", "APL aux médecins généralistes",
          "APL aux médecins généralistes de moins de 65 ans", "Population standardisée {census} pour la médecine "
          "générale", "Population totale {census}"]
ROWS = [["23001", "Ahun", 3.9, 3.3, 1533.2, 1433], ["1004", "Ambérieu", 3.6, 2.9, 14002.7, 14288],
        ["87001", "Aixe", 2.1, 1.9, 500.5, 480]]


def sheet(year, census, factor):
    """A sheet as DREES lays it out: a title, blank and note lines, the header, a units line, then the rows."""
    header = [name.format(census=census) for name in HEADER]
    rows = [[f"Indicateur d'accessibilité potentielle localisée (APL) {year}"] + [None] * 5, [None] * 6,
            [f"Millésime : {year}"] + [None] * 5, header,
            [None, None, "En nombre de consultations", None, "En nombre d'habitants standardisés", "En nombre"]]
    rows += [row[:4] + [row[4] * factor, row[5]] for row in ROWS]
    return pd.DataFrame(rows)


@pytest.fixture
def spreadsheet(tmp_path):
    path = tmp_path / "apl_medecins_generalistes.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        pd.DataFrame([["Paramètres de l'indicateur"]]).to_excel(writer, sheet_name="Paramètres", header=False,
                                                                index=False)
        sheet(2023, 2021, 1.0).to_excel(writer, sheet_name="APL 2023", header=False, index=False)
        sheet(2022, 2020, 2.0).to_excel(writer, sheet_name="APL 2022", header=False, index=False)
    return path


def test_the_newest_sheet_of_the_spreadsheet_gives_the_standardised_population(spreadsheet):
    assert is_drees_apl(spreadsheet)
    frame, report = read_drees_apl(spreadsheet)
    assert (report.sheet, report.year, report.population_year) == ("APL 2023", "2023", "2021")
    assert frame["code_commune"].tolist() == ["01004", "23001", "87001"]  # the units line is not a commune
    assert frame["pop_std"].tolist() == [14002.7, 1533.2, 500.5]
    assert frame["population"].tolist() == [14288, 1433, 480] and frame["apl"].tolist() == [3.6, 3.9, 2.1]
    assert report.standardised == pytest.approx(16036.4) and report.population == 16201


def test_the_csv_cut_and_the_departement_filter(tmp_path):
    path = tmp_path / "apl_mg_2023.csv"
    path.write_text("code_insee,commune,apl_mg,apl_mg_moins65,pop_standardisee_2021,pop_totale_2021,millesime\n"
                    "23001,Ahun,3.901,3.34,1533.219,1433,2023\n87001,Aixe,2.1,1.9,500.5,480,2023\n", encoding="utf-8")
    assert is_drees_apl(path)
    frame, report = read_drees_apl(path, departements=["23"])
    assert (report.year, report.population_year) == ("2023", "2021")
    assert frame.to_dict("records") == [{"code_commune": "23001", "apl": 3.901, "pop_std": 1533.219,
                                         "population": 1433.0}]


def test_an_insee_population_file_is_not_the_drees_file(tmp_path):
    path = tmp_path / "legales.csv"
    path.write_text("CODGEO;PMUN\n23001;1433\n", encoding="utf-8")
    assert not is_drees_apl(path)
    with pytest.raises(ValueError, match="not a DREES APL file"):
        read_drees_apl(path)
