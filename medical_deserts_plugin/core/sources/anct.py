"""Reader of the ANCT commune zonings: ZRR (zones de revitalisation rurale, until June 2024) and FRR (France
Ruralités Revitalisation, since July 2024).

The tables come as CSV, XLS or XLSX, one row per commune: a commune code column (``CODGEO``, ``code_insee``,
``INSEE_COM``...) and a class column per zoning:

* **ZRR** (``ZRR``, ``ZRR_SIMP``, ``ZONAGE_ZRR``, ``Classement ZRR``...): ``C`` classée, ``P`` partiellement classée,
  ``N`` non classée, written as the letter, ``"C - Classée en ZRR"``, ``"NC - Non classée"``, ``"Classée"``...;
* **FRR** (``FRR``, ``ZONAGE_FRR``, ``Classement FRR``...): ``FRR+``, ``FRR``, ``N`` non classée, written as
  ``"FRR+"``, ``"Classée FRR"``, ``"Non classée"``, or ``2``/``1``/``0``; a separate ``FRR+`` (or ``FRR_PLUS``)
  yes/no column upgrades ``FRR`` to ``FRR+``.

A few title lines may come before the header (the observatoire's files): the header is the first of the first
:data:`HEADER_SEARCH_LINES` lines that names a commune code column and a class column. ``;``, ``,``, tab or ``|``
separators, UTF-8 or Latin-1. Codes are read as text; a code that lost its leading zero in a spreadsheet (``1001``,
``1001.0``) is padded back (``01001``), and counted. Rows whose code is not a commune code (footnotes, blank
lines) are skipped, and counted.

Excel files are read by pandas, which needs the ``openpyxl`` (.xlsx) or ``xlrd`` (.xls) package: without it the
reader says to save the table as CSV.

Also: :func:`read_sites`, the France Services list as a table with latitude / longitude columns or one "lat, lon"
column (WGS84); :func:`departement_column` / :func:`row_departements`, to filter other ANCT layers (QPV, France
Services) by département from their code columns.

Public API: :func:`read_zoning`, :func:`zoning_from_table`, :func:`zoning_columns`, :class:`ZoningReport`,
:func:`read_sites`, :func:`coordinate_columns`, :class:`SitesReport`, :data:`ZONINGS`, :data:`CLASS_CODES`.
"""

import csv
import importlib.util
import io
import os
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .common import (
    clean_codes,
    departement_of_commune,
    detect_encoding,
    match_columns,
    normalise_name,
    open_binary,
    parse_departements,
    sniff_separator,
    verify_archive,
    zip_members,
)

ZRR, FRR = "zrr", "frr"
ZONINGS = (ZRR, FRR)
#: Class of each zoning -> code 0/1/2 (not classified, partly / FRR, fully / FRR+).
CLASS_CODES = {ZRR: {"N": 0, "P": 1, "C": 2}, FRR: {"N": 0, "FRR": 1, "FRR+": 2}}
#: Number of lines searched for the header (title lines may come first).
HEADER_SEARCH_LINES = 30
COMMUNE_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$")

_CODE_FIELDS = {"code": ("CODGEO", "code_commune", "code commune", "code_insee", "code INSEE", "INSEE_COM",
                         "insee", "DEPCOM", "COM", "code_geo", "code")}
_CLASS_FIELDS = {
    ZRR: ("ZRR_SIMP", "ZONAGE_ZRR", "ZRR", "classement ZRR", "classement en ZRR", "zonage ZRR", "classe ZRR"),
    FRR: ("FRR", "ZONAGE_FRR", "classement FRR", "classement en FRR", "zonage FRR", "classe FRR",
          "France ruralites revitalisation"),
}
_FRR_PLUS_HEADER = re.compile(r"^\s*frr\s*(\+|[\s_-]*plus)\s*$", re.IGNORECASE)
_FRR_PLUS_VALUE = re.compile(r"frr\s*(?:\+|plus)", re.IGNORECASE)
_YES = ("1", "oui", "o", "x", "vrai", "true", "yes")
_LAT_LON_FIELDS = {"latitude": ("latitude", "lat", "y_wgs84", "lat_wgs84", "coord_lat", "latitude_wgs84"),
                   "longitude": ("longitude", "lon", "lng", "long", "x_wgs84", "lon_wgs84", "coord_lon",
                                 "longitude_wgs84")}
_POINT_FIELDS = {"point": ("geo_point_2d", "geo_point", "geopoint", "geo point", "coordonnees", "coordonnees gps",
                           "coordonnees geographiques", "gps", "lat_lon", "latlon", "lat lon", "position")}
#: "46.17, 1.87", "46.17;1.87", "46,17 ; 1,87": latitude then longitude
_LAT_LON_PAIR = re.compile(r"^\s*(-?\d+(?:\.\d+)?|-?\d+,\d+)\s*(?:[,;/]|\s)\s*(-?\d+(?:\.\d+)?|-?\d+,\d+)\s*$")
_DEPARTEMENT_FIELDS = {"departement": ("insee_dep", "code_dep", "code_departement", "code departement", "dep",
                                       "departement", "num_dep", "code_dept")}


@dataclass
class ZoningReport:
    """What :func:`read_zoning` read. ``title_lines``: lines skipped before the header; ``rows_without_code``:
    rows whose code is not a commune code (footnotes...); ``duplicates``: repeated communes (the first row kept);
    ``class_counts`` / ``unknown_classes``: per zoning, {class: communes} and {value as written: rows} of the
    values that are no known class (kept with an empty class)."""

    source: str = ""
    encoding: str = ""
    layout: str = ""
    title_lines: int = 0
    rows_read: int = 0
    rows_kept: int = 0
    rows_without_code: int = 0
    codes_padded: int = 0
    duplicates: int = 0
    zonings: list = field(default_factory=list)
    columns: dict = field(default_factory=dict)
    class_counts: dict = field(default_factory=dict)
    unknown_classes: dict = field(default_factory=dict)
    departements: list = None

    def summary(self):
        text = f"{self.source}: {self.layout}, {self.rows_read} rows read, {self.rows_kept} communes kept"
        for zoning in self.zonings:
            counts = ", ".join(f"{count} {name}" for name, count in self.class_counts.get(zoning, {}).items())
            text += f"; {zoning.upper()}: {counts or 'none'}"
        if self.title_lines:
            text += f"; {self.title_lines} title line(s) before the header"
        if self.codes_padded:
            text += f"; {self.codes_padded} commune code(s) padded with a leading zero"
        if self.rows_without_code:
            text += f"; {self.rows_without_code} row(s) without a commune code skipped"
        if self.duplicates:
            text += f"; {self.duplicates} repeated commune(s), first row kept"
        for zoning, unknown in self.unknown_classes.items():
            values = ", ".join(f"“{value}” ({count})" for value, count in unknown.items())
            text += f"; unknown {zoning.upper()} classes: {values}"
        return text


def zoning_columns(header, zonings=ZONINGS):
    """``(code index or None, {zoning: class index}, FRR+ index or None)`` of a header (list of names).

    A class column is found by its spelling (:data:`_CLASS_FIELDS`), else as the first other column with the
    zoning's name as a word (``"zrr_2017"``, ``"Zonage ZRR au 1er janvier 2021"``)."""
    code, _ = match_columns(header, _CODE_FIELDS)
    code_index = code.get("code")
    plus = next((i for i, name in enumerate(header) if _FRR_PLUS_HEADER.match(str(name))), None)
    classes = {}
    for zoning in zonings:
        found, _ = match_columns(header, {zoning: _CLASS_FIELDS[zoning]})
        index = found.get(zoning)
        if index is None or index in (code_index, plus):
            index = next((i for i, name in enumerate(header) if zoning in normalise_name(name).split()
                          and i not in (code_index, plus)), None)
        if index is not None:
            classes[zoning] = index
    return code_index, classes, plus


def zoning_classes(values, zoning):
    """Class (``"C"``/``"P"``/``"N"`` for ZRR, ``"FRR+"``/``"FRR"``/``"N"`` for FRR) of the values of a class
    column, ``None`` where the value is no known class."""
    values = pd.Series(values, dtype=object).fillna("").astype(str).str.strip()
    unique = pd.Series(values.unique(), dtype=object)
    normal = unique.map(normalise_name)
    first = normal.str.split().str[0].fillna("")
    not_classified = normal.str.contains(r"\bnon\b|\bhors\b", regex=True) | first.isin(["n", "nc", "0"])
    partly = normal.str.contains("partiel") | (first == "p")
    classified = normal.str.contains(rf"class|\b{zoning}\b", regex=True) | first.isin(["c", "1", "oui"])
    if zoning == ZRR:
        classes = np.select([not_classified, partly, classified], ["N", "P", "C"], None)
    else:
        plus = unique.str.contains(_FRR_PLUS_VALUE) | (first == "2")
        classes = np.select([not_classified, partly, plus, classified], ["N", None, "FRR+", "FRR"], None)
    return values.map(dict(zip(unique, classes))).astype(object)


def zoning_from_table(table, zonings=None, departements=None, report=None):
    """Zoning by commune from a table of texts whose columns are the header (title lines already removed).

    ``zonings``: ``["frr"]``, ``["zrr"]``, or ``None`` for every zoning with a class column. Returns
    ``(frame, report)``: ``frame`` has ``code_commune`` (5-character text) and, per zoning ``z``, ``z`` (class),
    ``z_code`` (0/1/2, <NA> when the class is unknown) and ``z_label`` (the value as written); one row per
    commune, sorted by code. Raises ``ValueError`` when the code or a class column is missing.
    """
    report = report or ZoningReport()
    departements = parse_departements(departements)
    report.departements = departements
    header = [str(name) for name in table.columns]
    code_index, classes, plus_index = zoning_columns(header, zonings or ZONINGS)
    wanted = " or ".join(zoning.upper() for zoning in (zonings or ZONINGS))
    if code_index is None:
        raise ValueError(f"{report.source or 'the table'} is not a {wanted} zoning table: no commune code column "
                         f"(CODGEO, code_insee...); columns: {', '.join(header) or 'none'}")
    if not classes or any(zoning not in classes for zoning in zonings or ()):
        raise ValueError(f"{report.source or 'the table'} is not a {wanted} zoning table: no {wanted} class "
                         f"column; columns: {', '.join(header) or 'none'}")
    report.zonings = [zoning for zoning in ZONINGS if zoning in classes]
    report.rows_read = len(table)
    raw_codes = _texts(table.iloc[:, code_index]).str.upper()
    codes = clean_codes(raw_codes, 5)
    valid = codes.str.match(COMMUNE_CODE).to_numpy()
    report.rows_without_code = int((~valid).sum())
    report.codes_padded = int(((codes != raw_codes) & valid).sum())
    report.columns["code_commune"] = header[code_index]

    frame = pd.DataFrame({"code_commune": codes}, index=table.index)
    for zoning in report.zonings:
        labels = _texts(table.iloc[:, classes[zoning]])
        zoning_class = zoning_classes(labels, zoning)
        if zoning == FRR and plus_index is not None:
            upgraded = _texts(table.iloc[:, plus_index]).str.lower().isin(_YES) & (zoning_class == "FRR")
            zoning_class = zoning_class.where(~upgraded, "FRR+")
            report.columns["frr+"] = header[plus_index]
        frame[zoning] = zoning_class
        frame[f"{zoning}_code"] = zoning_class.map(CLASS_CODES[zoning]).astype("Int64")
        frame[f"{zoning}_label"] = labels
        report.columns[zoning] = header[classes[zoning]]

    frame = frame[valid]
    if departements:
        frame = frame[departement_of_commune(frame["code_commune"]).isin(departements).to_numpy()]
    repeated = frame["code_commune"].duplicated()
    report.duplicates = int(frame.loc[repeated, "code_commune"].nunique())
    frame = frame[~repeated].sort_values("code_commune", kind="stable").reset_index(drop=True)
    report.rows_kept = len(frame)
    for zoning in report.zonings:
        counts = frame[zoning].value_counts()
        report.class_counts[zoning] = {name: int(counts[name]) for name in CLASS_CODES[zoning] if name in counts}
        unknown = frame.loc[frame[zoning].isna(), f"{zoning}_label"].replace("", "(empty)").value_counts()
        if len(unknown):
            report.unknown_classes[zoning] = {str(value): int(count) for value, count in unknown.items()}
    return frame, report


def read_zoning(source, zonings=None, departements=None):
    """ZRR and/or FRR class of each commune from a CSV, XLS or XLSX table (a path, or a zip holding the table).

    ``zonings``: ``["frr"]``, ``["zrr"]`` or ``None`` (every zoning found); ``departements``: ``"23, 53"``...
    Returns ``(frame, report)`` as :func:`zoning_from_table`. Raises ``ValueError`` for a file that is not a
    zoning table, an empty file, or an Excel file that pandas cannot read here.
    """
    report = ZoningReport()
    return zoning_from_table(_read_table(source, report, _ZONING_TABLE), zonings, departements, report)


@dataclass(frozen=True)
class _TableKind:
    name: str  # "ZRR/FRR zoning table"
    header: str  # what its header names, for the error messages
    member: str  # pattern of the table's name inside a zip
    header_index: object  # rows (lists of cells) -> index of the header row or None


def _read_table(source, report, kind):
    """A CSV, XLS or XLSX table (or a zip holding one) as texts, its header found below any title lines."""
    package = _spreadsheet_package(source)
    return _read_spreadsheet(source, package, report, kind) if package else _read_text_table(source, report, kind)


def _spreadsheet_package(source):
    """The package pandas needs to read ``source`` as a spreadsheet (``"openpyxl"``, ``"xlrd"``, ``"odf"``), or
    None for a text table."""
    path = os.fspath(source).lower() if isinstance(source, (str, os.PathLike)) else ""
    members = zip_members(source)
    if members is not None:
        return "openpyxl" if "xl/workbook.xml" in members else ("odf" if path.endswith(".ods") else None)
    with open_binary(source) as (stream, _, _):
        if stream.read(4) == b"\xd0\xcf\x11\xe0":  # OLE2 container: a .xls file whatever its name
            return "xlrd"
    return {".xlsx": "openpyxl", ".xlsm": "openpyxl", ".xls": "xlrd", ".ods": "odf"}.get(os.path.splitext(path)[1])


def _read_spreadsheet(source, package, report, kind):
    """The first sheet with a header, as a table whose columns are the header."""
    report.source = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "<spreadsheet>"
    if importlib.util.find_spec(package) is None:
        raise ValueError(f"{report.source}: reading this spreadsheet needs the Python package {package}, which is "
                         f"not installed; open it in a spreadsheet and save it as CSV (';' separated), then give "
                         f"the .csv file")
    report.encoding = "spreadsheet"
    if package in ("openpyxl", "odf"):  # a zip: damaged, encrypted or bomb members refused before pandas reads it
        verify_archive(source)
    sheets = pd.read_excel(source, sheet_name=None, header=None, dtype=object)
    for name, grid in sheets.items():
        top = grid.head(HEADER_SEARCH_LINES)
        index = kind.header_index(top.astype(object).where(top.notna(), "").astype(str).to_numpy().tolist())
        if index is not None:
            report.layout, report.title_lines = f"sheet “{name}”", index
            table = grid.iloc[index + 1:].dropna(how="all").reset_index(drop=True)
            table.columns = _texts(grid.iloc[index]).tolist()
            return table
    raise ValueError(f"{report.source}: no sheet has a header with {kind.header} in its first "
                     f"{HEADER_SEARCH_LINES} rows")


def _read_text_table(source, report, kind):
    """A CSV table as texts, the header found below any title lines."""
    with open_binary(source, kind.member, kind.name) as (stream, name, _):
        data = stream.read()
    report.source = name
    report.encoding = detect_encoding(data[:1 << 16])
    try:
        text = data.decode(report.encoding)
    except UnicodeDecodeError:
        report.encoding = "latin-1"
        text = data.decode("latin-1")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ValueError(f"{name} is empty")
    lines = text.splitlines()[:HEADER_SEARCH_LINES]
    separators = [sniff_separator(line) for line in lines]
    rows = []
    for number, (line, sep) in enumerate(zip(lines, separators), 1):
        try:
            rows.append(next(csv.reader([line], delimiter=sep), []))
        except csv.Error as error:  # a field over csv's limit (128 KB)
            raise ValueError(f"{name}: line {number}: {error}: this is not a {kind.name}") from error
    index = kind.header_index(rows)
    if index is None:
        raise ValueError(f"{name} is not a {kind.name}: none of its first {len(lines)} lines is a header with "
                         f"{kind.header}")
    report.title_lines = index
    report.layout = f"table separated by “{separators[index]}”"
    return pd.read_csv(io.StringIO(text), sep=separators[index], skiprows=index, dtype=str, keep_default_na=False,
                       index_col=False, skip_blank_lines=True, on_bad_lines="skip")


def _texts(column):
    """Cells as stripped text: missing -> "", a whole number read as a float (``1001.0``) -> ``"1001"``."""
    column = pd.Series(column, dtype=object)
    texts = column.where(column.notna(), "").astype(str).str.strip()
    return texts.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)


def _header_index(rows):
    """Index of the first row (list of cells) with a commune code column and a class column, or None."""
    for index, cells in enumerate(rows):
        code, classes, _ = zoning_columns([str(cell) for cell in cells])
        if code is not None and classes:
            return index
    return None


_ZONING_TABLE = _TableKind("ZRR/FRR zoning table", "a commune code column (CODGEO, code_insee...) and a ZRR or FRR "
                           "class column", r"zrr|frr|zonage|anct", _header_index)


# ------------------------------------------------------------------------------ France Services sites from a table


@dataclass
class SitesReport:
    """What :func:`read_sites` found: columns used, rows read, rows without usable coordinates."""

    source: str = ""
    encoding: str = ""
    layout: str = ""
    title_lines: int = 0
    rows_read: int = 0
    coordinates: str = ""  # "latitude / longitude" or the name of the "lat, lon" column
    without_coordinates: int = 0
    out_of_range: int = 0


def coordinate_columns(header):
    """``("pair", index)`` of a ``"lat, lon"`` column, ``("split", (lat index, lon index))`` of latitude and
    longitude columns, or ``None``."""
    found, _ = match_columns(header, _LAT_LON_FIELDS)
    if "latitude" in found and "longitude" in found:
        return "split", (found["latitude"], found["longitude"])
    found, _ = match_columns(header, _POINT_FIELDS)
    return ("pair", found["point"]) if "point" in found else None


def _coordinate_header_index(rows):
    for index, cells in enumerate(rows):
        if coordinate_columns([str(cell) for cell in cells]) is not None:
            return index
    return None


_SITES_TABLE = _TableKind("table of sites", "latitude and longitude columns (or a “lat, lon” column such as "
                                            "geo_point_2d)", r"france.?services|structures|sites|anct",
                          _coordinate_header_index)


def _degrees(texts):
    """Decimal degrees from texts (``"46.17"``, ``"46,17"``); NaN where not a number."""
    return pd.to_numeric(_texts(texts).str.replace(",", ".", regex=False), errors="coerce").to_numpy(np.float64)


def read_sites(source):
    """Sites of a table with WGS84 coordinates (the France Services list as CSV or XLSX): ``(table of texts,
    longitude, latitude, report)``; longitude and latitude in decimal degrees, NaN where a row has none or they
    are out of range (counted in the report). Raises ``ValueError`` when no coordinate column is found."""
    report = SitesReport()
    table = _read_table(source, report, _SITES_TABLE)
    table = table.dropna(how="all").apply(_texts)  # spreadsheet cells too: blank -> "", 23096.0 -> "23096"
    table.columns = [str(name) for name in table.columns]
    layout, columns = coordinate_columns(list(table.columns))
    if layout == "split":
        latitude, longitude = (_degrees(table.iloc[:, column]) for column in columns)
        report.coordinates = f"{table.columns[columns[0]]} / {table.columns[columns[1]]}"
    else:
        pairs = table.iloc[:, columns].str.extract(_LAT_LON_PAIR)
        latitude, longitude = _degrees(pairs[0]), _degrees(pairs[1])
        report.coordinates = str(table.columns[columns])
    missing = np.isnan(latitude) | np.isnan(longitude)
    outside = ~missing & ((np.abs(latitude) > 90) | (np.abs(longitude) > 180))
    latitude[missing | outside] = longitude[missing | outside] = np.nan
    report.rows_read = len(table)
    report.without_coordinates, report.out_of_range = int(missing.sum()), int(outside.sum())
    return table.reset_index(drop=True), longitude, latitude, report


# ---------------------------------------------------------------------------------- other ANCT layers: départements


def departement_column(header):
    """``(index, "departement" | "commune")`` of the column that locates each row of an ANCT layer (QPV,
    France Services), a département column preferred; ``None`` when there is none."""
    found, _ = match_columns(header, _DEPARTEMENT_FIELDS)
    if "departement" in found:
        return found["departement"], "departement"
    found, _ = match_columns(header, _CODE_FIELDS)
    return (found["code"], "commune") if "code" in found else None


def row_departements(values, kind):
    """Département of each row from the values of a ``"departement"`` column (``"23"``, ``"2A"``, ``1`` ->
    ``"01"``, ``"23 - Creuse"``) or of a ``"commune"`` code column; ``""`` where unknown."""
    texts = _texts(values).str.upper()
    if kind == "commune":
        return departement_of_commune(clean_codes(texts, 5).where(texts.str.match(r"^(\d{4,5}|2[AB]\d{3})$"), ""))
    token = texts.str.extract(r"^(2[AB]|\d{1,3})(?![\dAB])", expand=False).fillna("")
    return clean_codes(token, 2)
