"""Reader of INSEE population by commune, by 5-year age group when the file has it.

Layouts recognised from the header (column names matched by normalised spelling):

* **wide, 19 groups** (the embedded sample, and tables prepared in that shape): a commune code column (``CODGEO``,
  ``COM``, ``code_insee``...), 19 columns ``pop_00_04`` ... ``pop_85_89``, ``pop_90_plus`` (any spelling with the
  two bounds, e.g. ``"0-4 ans"``, ``"P_90_plus"``), an optional total (``P_POP``, ``PMUN``, ``population``);
* **INSEE "population par sexe et âge quinquennal"** (``pop-sexe-age-quinquennal*.csv``): ``RR;DR;CR;STABLE;...;
  LIBELLE;ageq_rec01s1rpop<year>;...;ageq_rec20s2rpop<year>``: 20 groups x 2 sexes, summed over sexes, 90-94 and
  95+ merged into 90+, commune code = ``DR`` + ``CR``; population figures are not whole numbers (census weights);
* **single-year ages, long** (``BTT_TD_POP1B``-like): ``CODGEO``, an age column (``AGED100``, ``AGEREV``, ``AGE``;
  100 = 100 and over) and a count (``NB``), any other columns (``SEXE``...) summed over;
* **totals only** (populations légales, ``REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT``,
  ``;``-separated UTF-8 with CRLF): ``PMUN`` (population municipale) is taken; the age columns are left missing
  and ``report.has_age_groups`` is False (the APL then weighs every inhabitant 1 and says so).

``;``, ``,`` or tab separators, UTF-8 or Latin-1, a decimal comma, codes read as text (a 4-digit code lost its
leading zero in a spreadsheet: padded back, and counted). Paris, Lyon and Marseille arrondissements can be summed
into the city (75056, 69123, 13055).

Public API: :func:`read_population`, :class:`PopulationReport`, :data:`AGE_GROUPS`.
"""

import io
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .common import (
    ARRONDISSEMENT_CITY,
    city_of_arrondissement,
    clean_codes,
    departement_of_commune,
    match_columns,
    normalise_name,
    parse_departements,
    read_text,
    sniff_separator,
)

#: The 19 five-year age groups, youngest first (the DREES APL age groups): ``pop_00_04`` ... ``pop_90_plus``.
AGE_GROUPS = tuple(f"pop_{a:02d}_{a + 4:02d}" for a in range(0, 90, 5)) + ("pop_90_plus",)
#: Columns of the frame returned by :func:`read_population`.
OUTPUT_COLUMNS = ("code_commune",) + AGE_GROUPS + ("population",)

_CODE_FIELDS = {"code": ("CODGEO", "COM", "code_insee", "code_commune", "DEPCOM", "codecommune", "INSEE_COM",
                         "code commune", "code")}
_TOTAL_FIELDS = {"total": ("P_POP", "PMUN", "population", "population municipale", "pop_totale", "total",
                           "P_POP_TOTALE", "PTOT")}
_LONG_FIELDS = {"age": ("AGED100", "AGEREV", "AGEREVQ", "AGE", "age revolu"), "count": ("NB", "nombre", "effectif")}
_INSEE_AGEQ = re.compile(r"^ageq rec(\d{2})s([12])rpop(\d{4})$")


@dataclass
class PopulationReport:
    """What :func:`read_population` read. ``has_age_groups``: False for a totals-only file (age columns missing);
    ``codes_padded``: codes that had lost their leading zero; ``arrondissements_merged``: arrondissement rows summed
    into their city; ``total_mismatches``: communes whose given total differs from the sum of the age groups by more
    than 1 inhabitant (the given total is kept); ``repeated_codes``: communes on several rows (the first is kept)."""

    source: str = ""
    encoding: str = ""
    layout: str = ""
    year: str = ""
    rows_read: int = 0
    rows_kept: int = 0
    has_age_groups: bool = False
    codes_padded: int = 0
    arrondissements_merged: int = 0
    total_mismatches: int = 0
    repeated_codes: list = field(default_factory=list)
    population: float = 0.0
    departements: list = None
    columns: dict = field(default_factory=dict)

    def summary(self):
        inhabitants = f"{self.population:,.0f}".replace(",", " ")
        text = f"{self.source}: {self.layout}, {self.rows_kept} communes, {inhabitants} inhabitants"
        if not self.has_age_groups:
            text += "; no age groups: every inhabitant will weigh 1"
        if self.codes_padded:
            text += f"; {self.codes_padded} commune code(s) padded with a leading zero"
        if self.arrondissements_merged:
            text += f"; {self.arrondissements_merged} arrondissement rows merged into Paris/Lyon/Marseille"
        if self.total_mismatches:
            text += f"; {self.total_mismatches} commune(s) whose total differs from the sum of the age groups"
        return text


def _age_bounds(name):
    """(low, high) of a 5-year age-group column name, (90, None) for 90+, or None."""
    words = normalise_name(name).split()
    numbers = [(i, int(w)) for i, w in enumerate(words) if w.isdigit() and len(w) <= 3]
    for (i, low), (j, high) in zip(numbers, numbers[1:]):
        if j == i + 1 and high == low + 4 and low % 5 == 0 and low <= 85:
            return low, high
    for i, value in numbers:
        rest = words[i + 1:]
        if value == 90 and (not rest or rest[0] in ("plus", "p", "et", "ou", "ans")) and \
                (rest[:1] != ["ans"] or rest[1:2] in (["plus"], ["et"], ["ou"])):
            return 90, None
    return None


def _to_number(values, decimal_comma):
    values = values.astype(str).str.strip().str.replace("\u00a0", "", regex=False).str.replace(" ", "",
                                                                                           regex=False)
    if decimal_comma:
        values = values.str.replace(",", ".", regex=False)
    return pd.to_numeric(values.replace("", np.nan), errors="coerce")


def read_population(path_or_zip, departements=None, aggregate_arrondissements=True):
    """Population by commune and 5-year age group. Returns ``(frame, report)``.

    ``frame``: ``code_commune`` (5-character text) + the 19 :data:`AGE_GROUPS` + ``population`` (float:
    census figures are not whole numbers), one row per commune, sorted by code. Age columns are missing (NaN) for a
    totals-only file (``report.has_age_groups`` False). ``departements``: ``"23, 53"``... filter.
    ``aggregate_arrondissements``: sum the arrondissements of Paris, Lyon and Marseille into the city code (rows
    already at the city code are kept as they are, and their arrondissements then dropped, never added twice).
    """
    departements = parse_departements(departements)
    text, name, encoding = read_text(path_or_zip, r"pop|insee|age", "population file")
    text = text.lstrip("\ufeff")
    newline = text.find("\n")
    header_line = text[:newline if newline >= 0 else len(text)].rstrip("\r")
    sep = sniff_separator(header_line, (";", ",", "\t"))
    table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=True)
    table = table.loc[:, [not str(c).startswith("Unnamed") or table[c].astype(bool).any() for c in table.columns]]
    report = PopulationReport(source=name, encoding=encoding, rows_read=len(table), departements=departements)
    decimal_comma = sep != ","
    header = [str(c) for c in table.columns]

    ageq = {}
    for index, column in enumerate(header):
        match = _INSEE_AGEQ.match(normalise_name(column))
        if match:
            ageq.setdefault(int(match.group(1)), []).append(index)
            report.year = match.group(3)
    wide = {}
    for index, column in enumerate(header):
        bounds = _age_bounds(column)
        if bounds is not None and bounds not in wide:
            wide[bounds] = index
    long_found, long_missing = match_columns(header, _LONG_FIELDS)
    code_found, _ = match_columns(header, _CODE_FIELDS)
    total_found, _ = match_columns(header, _TOTAL_FIELDS)

    codes = None
    if "code" in code_found:
        codes = table.iloc[:, code_found["code"]]
        report.columns["code_commune"] = header[code_found["code"]]
    else:
        parts, _ = match_columns(header, {"dep": ("DR", "DEP", "departement"), "com": ("CR", "CODCOM")})
        if len(parts) == 2:
            dep = clean_codes(table.iloc[:, parts["dep"]])
            com = clean_codes(table.iloc[:, parts["com"]])
            dep = dep.where(~dep.str.fullmatch(r"\d"), dep.str.zfill(2))
            com = pd.Series([c.zfill(5 - len(d)) for d, c in zip(dep, com)], index=table.index, dtype=object)
            codes = dep + com
            report.columns["code_commune"] = f"{header[parts['dep']]} + {header[parts['com']]}"
    if codes is None:
        raise ValueError(f"{name}: no commune code column (expected one of CODGEO, COM, code_insee, or DR + CR)")
    raw_codes = clean_codes(codes)
    codes = clean_codes(codes, 5)
    report.codes_padded = int((codes != raw_codes).sum())

    ages = pd.DataFrame(index=table.index, columns=list(AGE_GROUPS), dtype=float)
    if len(ageq) >= 19:
        report.layout = "INSEE population by sex and 5-year age group"
        for group in range(1, 21):
            if group not in ageq:
                raise ValueError(f"{name}: age group ageq_rec{group:02d} missing")
            values = sum(_to_number(table.iloc[:, i], decimal_comma).fillna(0.0) for i in ageq[group])
            target = AGE_GROUPS[min(group, 19) - 1]
            ages[target] = values if group <= 19 else ages[target] + values
    elif len(wide) >= 19:
        report.layout = "age groups in columns"
        for k, column in enumerate(AGE_GROUPS):
            bounds = (5 * k, 5 * k + 4) if k < 18 else (90, None)
            if bounds not in wide:
                raise ValueError(f"{name}: age group column {column} not found")
            ages[column] = _to_number(table.iloc[:, wide[bounds]], decimal_comma)
            report.columns[column] = header[wide[bounds]]
    elif not long_missing:
        report.layout = "single-year ages (long)"
        age = _to_number(table.iloc[:, long_found["age"]], decimal_comma)
        count = _to_number(table.iloc[:, long_found["count"]], decimal_comma).fillna(0.0)
        group = np.minimum(age.fillna(-5).to_numpy() // 5, 18).astype(int)
        valid = age.notna().to_numpy() & (group >= 0)
        long = pd.DataFrame({"code": codes[valid].to_numpy(), "group": group[valid], "count": count[valid]})
        pivot = long.pivot_table(index="code", columns="group", values="count", aggfunc="sum", fill_value=0.0)
        pivot = pivot.reindex(columns=range(19), fill_value=0.0)
        pivot.columns = list(AGE_GROUPS)
        codes = pd.Series(pivot.index, dtype=object)
        ages = pivot.reset_index(drop=True).astype(float)
        total_found = {}
        report.columns.update({"age": header[long_found["age"]], "count": header[long_found["count"]]})
    elif "total" in total_found:
        report.layout = "totals only"
    else:
        raise ValueError(f"{name}: no population columns found (expected 19 age groups pop_00_04 ... pop_90_plus, "
                         f"INSEE ageq_rec01s1rpop..., single-year AGED100 + NB, or a total P_POP / PMUN)")
    report.has_age_groups = report.layout != "totals only"

    frame = ages.copy()
    frame.insert(0, "code_commune", codes.to_numpy())
    if "total" in total_found:
        frame["population"] = _to_number(table.iloc[:, total_found["total"]], decimal_comma).to_numpy()
        report.columns["population"] = header[total_found["total"]]
        if report.has_age_groups:
            summed = ages.sum(axis=1, min_count=1).to_numpy()
            frame["population"] = np.where(np.isnan(frame["population"]), summed, frame["population"])
            report.total_mismatches = int((np.abs(frame["population"] - summed) > 1.0).sum())
    else:
        frame["population"] = ages.sum(axis=1, min_count=1).to_numpy()
    frame = frame[frame["code_commune"] != ""]

    if aggregate_arrondissements:
        is_arrondissement = frame["code_commune"].isin(ARRONDISSEMENT_CITY.keys())
        city = city_of_arrondissement(frame["code_commune"])
        cities_present = set(frame.loc[~is_arrondissement, "code_commune"])
        redundant = is_arrondissement & city.isin(cities_present)
        report.arrondissements_merged = int(is_arrondissement.sum())
        frame = frame[~redundant].assign(code_commune=city[~redundant])
        numeric = list(AGE_GROUPS) + ["population"]
        if is_arrondissement.any():
            frame = frame.groupby("code_commune", sort=False)[numeric].sum(min_count=1).reset_index()

    if departements:
        frame = frame[departement_of_commune(frame["code_commune"]).isin(departements).to_numpy()]
    report.repeated_codes = sorted(frame.loc[frame["code_commune"].duplicated(), "code_commune"].unique())
    frame = frame.drop_duplicates("code_commune").sort_values("code_commune", kind="stable")
    frame = frame[list(OUTPUT_COLUMNS)].reset_index(drop=True)
    frame["code_commune"] = frame["code_commune"].astype(object)
    frame[list(AGE_GROUPS) + ["population"]] = frame[list(AGE_GROUPS) + ["population"]].astype(float)
    report.rows_kept = len(frame)
    report.population = float(np.nansum(frame["population"].to_numpy(dtype=float)))
    return frame, report
