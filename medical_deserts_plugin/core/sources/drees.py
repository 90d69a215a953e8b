"""Reader of the DREES APL file (accessibilité potentielle localisée aux médecins généralistes): per commune, the
published APL, the standardised population (inhabitants weighted by the consumption of care of their age: the
demand of the APL) and the total population.

Layouts: the national spreadsheet (sheets ``Paramètres``, ``APL 2022``, ``APL 2023``…; title lines above a header
``Code commune INSEE | Commune | APL aux médecins généralistes | … | Population standardisée 2021 pour la médecine
générale | Population totale 2021``, then a line of units; the newest ``APL <year>`` sheet is read), or a CSV with
the same columns (``code_insee, commune, apl_mg, apl_mg_moins65, pop_standardisee_2021, pop_totale_2021,
millesime``).

Public API: :func:`is_drees_apl`, :func:`read_drees_apl`, :class:`DreesAplReport`.
"""

import importlib.util
import io
import os
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .anct import _spreadsheet_package
from .common import clean_codes, departement_of_commune, normalise_name, read_text, sniff_separator, verify_archive

#: Columns of the frame returned by :func:`read_drees_apl`.
OUTPUT_COLUMNS = ("code_commune", "apl", "pop_std", "population")
HEADER_SEARCH_LINES = 30
_SHEET = re.compile(r"^apl (\d{4})$")


@dataclass
class DreesAplReport:
    """What :func:`read_drees_apl` read: ``year`` the APL's millésime (its age weights), ``population_year`` the
    census year of its populations."""

    source: str = ""
    sheet: str = ""
    year: str = ""
    population_year: str = ""
    rows_read: int = 0
    rows_kept: int = 0
    population: float = 0.0
    standardised: float = 0.0
    columns: dict = field(default_factory=dict)


def _role(name):
    """``"code"``, ``"apl"``, ``"std"``, ``"total"`` or None for a column name of the DREES file."""
    text = normalise_name(name)
    if text in ("code commune insee", "code insee", "codgeo", "code commune"):
        return "code"
    if text in ("apl aux medecins generalistes", "apl mg", "apl"):
        return "apl"
    if re.match(r"^(pop|population) standardisee\b", text):
        return "std"
    if re.match(r"^(pop|population) totale\b", text):
        return "total"
    return None


def _header(row):
    """{role: column index} when ``row`` is the DREES header (a code and a standardised population), else None."""
    roles = {}
    for index, name in enumerate(row):
        role = _role(name)
        if role and role not in roles:
            roles[role] = index
    return roles if {"code", "std"} <= set(roles) else None


def is_drees_apl(source):
    """Whether ``source`` (a path) is a DREES APL file: a spreadsheet, or a text table whose header has a
    standardised population column."""
    if _spreadsheet_package(source):
        return True
    text, _, _ = read_text(source, r"apl|pop|insee", "population file")
    line = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    return _header(line.split(sniff_separator(line, (";", ",", "\t")))) is not None


def _spreadsheet(source, report):
    package = _spreadsheet_package(source)
    if importlib.util.find_spec(package) is None:
        raise ValueError(f"{report.source}: reading this spreadsheet needs the Python package {package}, which is "
                         f"not installed; save its APL sheet as CSV (';' separated), then give the .csv file")
    if package in ("openpyxl", "odf"):
        verify_archive(source)
    book = pd.ExcelFile(source)
    years = {int(m.group(1)): name for name in book.sheet_names if (m := _SHEET.match(normalise_name(name)))}
    sheets = [years[max(years)]] if years else book.sheet_names
    for sheet in sheets:
        grid = book.parse(sheet, header=None, dtype=object)
        top = grid.head(HEADER_SEARCH_LINES).astype(object).where(grid.head(HEADER_SEARCH_LINES).notna(), "")
        for index, row in enumerate(top.astype(str).to_numpy().tolist()):
            if _header(row) is not None:
                report.sheet = str(sheet)
                report.year = str(max(years)) if years else ""
                table = grid.iloc[index + 1:].reset_index(drop=True)
                table.columns = [str(value) for value in grid.iloc[index]]
                return table
    raise ValueError(f"{report.source}: no sheet has the DREES APL header (Code commune INSEE, Population "
                     f"standardisée…) in its first {HEADER_SEARCH_LINES} rows")


def _numbers(values):
    """Numbers of a column of the file (text with a decimal comma, or numbers); NaN where there is none."""
    texts = pd.Series(values, dtype=object).astype(str).str.strip().str.replace("\u00a0", "", regex=False)
    return pd.to_numeric(texts.str.replace(" ", "", regex=False).str.replace(",", ".", regex=False),
                         errors="coerce").to_numpy(dtype=float)


def read_drees_apl(source, departements=None):
    """The DREES APL file by commune: ``(frame, report)``, frame columns :data:`OUTPUT_COLUMNS` (``apl`` in
    consultations per year per standardised inhabitant, ``pop_std`` in standardised inhabitants, ``population`` in
    inhabitants), one row per commune, sorted by code; ``departements``: a list of codes to keep, or None."""
    report = DreesAplReport(source=os.fspath(source) if isinstance(source, (str, os.PathLike)) else "<file>")
    if _spreadsheet_package(source):
        table = _spreadsheet(source, report)
    else:
        text, report.source, _ = read_text(source, r"apl|pop|insee", "population file")
        text = text.lstrip("\ufeff")
        line = text.split("\n", 1)[0].rstrip("\r")
        table = pd.read_csv(io.StringIO(text), sep=sniff_separator(line, (";", ",", "\t")), dtype=str,
                            keep_default_na=False)
    header = [str(name) for name in table.columns]
    roles = _header(header)
    if roles is None:
        raise ValueError(f"{report.source}: not a DREES APL file (no commune code and standardised population "
                         f"columns)")
    report.columns = {role: header[index] for role, index in roles.items()}
    found = re.search(r"(\d{4})", normalise_name(header[roles["std"]]))
    report.population_year = found.group(1) if found else ""
    if not report.year and "millesime" in [normalise_name(name) for name in header]:
        years = table.iloc[:, [normalise_name(name) for name in header].index("millesime")].astype(str).str.strip()
        report.year = years[years != ""].iloc[0] if (years != "").any() else ""
    report.rows_read = len(table)
    codes = clean_codes(table.iloc[:, roles["code"]].where(table.iloc[:, roles["code"]].notna(), ""), 5)
    frame = pd.DataFrame({
        "code_commune": codes.to_numpy(dtype=object),
        "apl": _numbers(table.iloc[:, roles["apl"]]) if "apl" in roles else np.nan,
        "pop_std": _numbers(table.iloc[:, roles["std"]]),
        "population": _numbers(table.iloc[:, roles["total"]]) if "total" in roles else np.nan,
    })
    frame = frame[frame["code_commune"].str.fullmatch(r"[0-9][0-9AB][0-9]{3}")]  # the units line, notes: out
    if departements:
        frame = frame[departement_of_commune(frame["code_commune"]).isin(departements).to_numpy()]
    frame = frame.drop_duplicates("code_commune").sort_values("code_commune", kind="stable").reset_index(drop=True)
    report.rows_kept = len(frame)
    report.population = float(np.nansum(frame["population"].to_numpy(dtype=float)))
    report.standardised = float(np.nansum(frame["pop_std"].to_numpy(dtype=float)))
    return frame[list(OUTPUT_COLUMNS)], report
