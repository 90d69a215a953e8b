"""Reader of the FINESS "extraction géolocalisée" of health establishments (etalab ``cs1100507``, data.gouv.fr).

Layout of ``etalab-cs1100507-stock-<date>.csv`` (also met zipped):

* ``;``-separated, no header row, Latin-1 in older files and UTF-8 in recent ones; fields holding ``;`` or ``"``
  are quoted CSV-style (a doubled quote inside quotes), ``structureet`` lines end with a trailing ``;``;
* a first line ``finess;etalab;<layout version>;<extraction date>``;
* ``structureet`` lines (32 fields): structureet; nofinesset; nofinessej; rs; rslongue; complrs; compldistrib;
  numvoie; typvoie; voie; compvoie; lieuditbp; commune (3 characters: the INSEE code without the département);
  departement (``01``..``95``, ``2A``/``2B``, ``9A`` Guadeloupe, ``9B`` Martinique, ``9C`` Guyane, ``9D`` La Réunion,
  ``9E`` Saint-Pierre-et-Miquelon, ``9F`` Mayotte, ``9J``... other overseas collectivities); libdepartement;
  ligneacheminement (``"23000 GUERET"``); telephone; telecopie; categetab; libcategetab; categagretab;
  libcategagretab; siret; codeape; codemft; libmft; codesph; libsph; dateouv; dateautor; datemaj; numuai;
* ``geolocalisation`` lines (6 fields): geolocalisation; nofinesset; coordxet; coordyet; sourcecoordet; datemaj.
  ``sourcecoordet`` is comma-separated and ends with the coordinate system, e.g.
  ``1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93`` (metres); overseas ``UTM_N20`` (Antilles), ``UTM_N21``
  (Saint-Pierre), ``UTM_N22`` (Guyane), ``UTM_S38`` (Mayotte), ``UTM_S40`` (La Réunion). Some re-exports write
  ``EPSG:<code> <name>`` instead.

The INSEE commune code is built as the file implies: département + commune (``"01"`` + ``"451"`` -> ``"01451"``),
``97``/``98`` + commune overseas (``"9D"`` + ``"411"`` -> ``"97411"``).

Also read: the "joined" re-export with a header row (``nofinesset;...;categetab;...;coordx;coordy;sourcegeocod``...).

Public API: :func:`read_finess`, :class:`FinessReport`, :data:`FINESS_CATEGORIES`, :data:`CATEGORY_GROUPS`,
:data:`DEFAULT_CATEGORIES`, :data:`CRS_EPSG`, :func:`epsg_of_source`.
"""

import csv
import io
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .common import (
    city_of_arrondissement,
    clean_codes,
    departement_of_commune,
    match_columns,
    parse_departements,
    read_text,
    sniff_separator,
)

#: FINESS establishment categories (``categetab``) used by the plugin, with their FINESS labels.
FINESS_CATEGORIES = {
    "603": "Maison de santé (L.6223-3)",
    "124": "Centre de Santé",
    "101": "Centre Hospitalier Régional (C.H.R.)",
    "355": "Centre Hospitalier (C.H.)",
    "106": "Centre hospitalier, ex Hôpital local",
    "114": "Hôpital des armées",
    "365": "Etablissement de Soins Pluridisciplinaire",
    "128": "Etablissement de Soins Chirurgicaux",
    "129": "Etablissement de Soins Médicaux",
    "620": "Pharmacie d'Officine",
}
#: Named groups of categories.
CATEGORY_GROUPS = {
    "maisons_de_sante": ("603",),
    "centres_de_sante": ("124",),
    "hopitaux_publics": ("101", "355", "106", "114"),
    "cliniques": ("365", "128", "129"),
    "pharmacies": ("620",),
}
#: Default filter: first-contact care sites (maisons and centres de santé) and public hospitals. Pharmacies are
#: left out by default (about 20,000 of them): add ``CATEGORY_GROUPS["pharmacies"]`` or pass ``categories=None``.
DEFAULT_CATEGORIES = CATEGORY_GROUPS["maisons_de_sante"] + CATEGORY_GROUPS["centres_de_sante"] + \
    CATEGORY_GROUPS["hopitaux_publics"]

#: Coordinate systems named in ``sourcecoordet`` -> EPSG code (the French legal systems of each territory).
CRS_EPSG = {
    "LAMBERT_93": 2154,   # RGF93 v1 / Lambert-93, metropolitan France and Corsica
    "UTM_N20": 5490,      # RGAF09 / UTM zone 20N, Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
    "UTM_N21": 4467,      # RGSPM06 / UTM zone 21N, Saint-Pierre-et-Miquelon
    "UTM_N22": 2972,      # RGFG95 / UTM zone 22N, Guyane
    "UTM_S38": 4471,      # RGM04 / UTM zone 38S, Mayotte
    "UTM_S40": 2975,      # RGR92 / UTM zone 40S, La Réunion
    "WGS84": 4326,
}

#: Overseas FINESS département letters -> INSEE département.
FINESS_OVERSEAS = {"9A": "971", "9B": "972", "9C": "973", "9D": "974", "9E": "975", "9F": "976", "9J": "986",
                   "9K": "987", "9L": "988"}

STRUCTURE_FIELDS = ("structureet", "nofinesset", "nofinessej", "rs", "rslongue", "complrs", "compldistrib",
                    "numvoie", "typvoie", "voie", "compvoie", "lieuditbp", "commune", "departement",
                    "libdepartement", "ligneacheminement", "telephone", "telecopie", "categetab", "libcategetab",
                    "categagretab", "libcategagretab", "siret", "codeape", "codemft", "libmft", "codesph", "libsph",
                    "dateouv", "dateautor", "datemaj", "numuai")
GEOLOCATION_FIELDS = ("geolocalisation", "nofinesset", "coordxet", "coordyet", "sourcecoordet", "datemaj")

#: Columns of the frame returned by :func:`read_finess`.
OUTPUT_COLUMNS = ("nofinesset", "nofinessej", "name", "long_name", "category", "category_label",
                  "category_group", "category_group_label", "code_commune", "code_commune_source", "departement",
                  "code_postal", "commune_label", "siret", "x", "y", "crs", "epsg", "coord_source")

_HEADER_FIELDS = {
    "nofinesset": ("nofinesset", "finess_et", "numero finess et", "finess"),
    "nofinessej": ("nofinessej",),
    "rs": ("rs", "raison sociale"),
    "rslongue": ("rslongue",),
    "commune": ("commune",),
    "cog": ("cog", "code commune", "code insee", "codecommune"),
    "departement": ("departement", "codedepartement", "code departement"),
    "ligneacheminement": ("ligneacheminement",),
    "codepostal": ("codepostal", "code postal"),
    "categetab": ("categetab", "categorie"),
    "libcategetab": ("libcategetab",),
    "categagretab": ("categagretab", "categretab"),
    "libcategagretab": ("libcategagretab", "libcategretab"),
    "siret": ("siret",),
    "coordxet": ("coordxet", "coordx"),
    "coordyet": ("coordyet", "coordy"),
    "sourcecoordet": ("sourcecoordet", "sourcegeocod"),
}


@dataclass
class FinessReport:
    """What :func:`read_finess` read. ``without_coordinates``: kept establishments with no usable geolocation;
    ``unknown_crs``: coordinate systems met that have no EPSG code here (rows kept, ``epsg`` missing)."""

    source: str = ""
    encoding: str = ""
    layout: str = ""
    extraction_date: str = ""
    layout_version: str = ""
    structures_read: int = 0
    geolocations_read: int = 0
    malformed_lines: int = 0
    rows_kept: int = 0
    without_coordinates: int = 0
    crs_counts: dict = field(default_factory=dict)
    unknown_crs: list = field(default_factory=list)
    categories: list = None
    departements: list = None

    def summary(self):
        text = (f"{self.source}: {self.structures_read} establishments, {self.geolocations_read} geolocations "
                f"({self.encoding}, extraction {self.extraction_date or 'undated'}); {self.rows_kept} kept")
        if self.without_coordinates:
            text += f", {self.without_coordinates} without coordinates"
        if self.malformed_lines:
            text += f"; {self.malformed_lines} malformed line(s) skipped"
        if self.unknown_crs:
            text += f"; unknown coordinate systems: {', '.join(self.unknown_crs)}"
        return text


def epsg_of_source(values):
    """``sourcecoordet`` values -> (crs token as written, EPSG code or <NA>), element-wise (Series)."""
    values = pd.Series(values, dtype=object).fillna("").astype(str)
    token = values.str.rsplit(",", n=1).str[-1].str.strip()
    explicit = token.str.extract(r"EPSG\s*:\s*(\d+)", flags=re.IGNORECASE)[0]
    named = token.str.upper().str.replace(r"[\s\-]+", "_", regex=True).map(CRS_EPSG)
    epsg = pd.to_numeric(explicit, errors="coerce").fillna(named)
    return token.where(token != "", None), epsg.astype("Int64")


def commune_code(departement, commune):
    """INSEE commune code from FINESS ``departement`` and ``commune`` fields (Series of text)."""
    dep = clean_codes(departement).str.upper()
    com = clean_codes(commune)
    com = com.where(~com.str.fullmatch(r"\d{1,2}"), com.str.zfill(3))
    insee_dep = dep.map(FINESS_OVERSEAS)
    overseas = insee_dep.notna() | dep.str.fullmatch(r"9[A-Z]")
    prefix = np.where(overseas, np.where(insee_dep.fillna("97").str[:2] == "98", "98", "97"), dep.str.zfill(2))
    code = pd.Series(prefix, index=dep.index, dtype=object) + com
    return code.where((com != "") & (dep != ""), "")


def _category_set(categories):
    if categories is None:
        return None
    if isinstance(categories, str):
        categories = [c for c in re.split(r"[\s,;|]+", categories) if c]
    codes = []
    for item in categories:
        key = str(item).strip()
        if key in CATEGORY_GROUPS:
            codes.extend(CATEGORY_GROUPS[key])
        elif key:
            codes.append(key.zfill(3) if key.isdigit() else key)
    if not codes:
        raise ValueError("empty FINESS category filter: pass None to keep every category")
    return list(dict.fromkeys(codes))


def read_finess(path_or_zip, categories=DEFAULT_CATEGORIES, departements=None, aggregate_arrondissements=True):
    """Establishments of the FINESS géolocalisé extraction, with their coordinates and coordinate system.

    ``categories``: ``categetab`` codes and/or :data:`CATEGORY_GROUPS` names (``"603, 124"``,
    ``["maisons_de_sante", "620"]``), ``None`` for all. ``departements``: ``"23, 53"``, ``["971"]``...
    Returns ``(frame, report)``; ``frame`` has the :data:`OUTPUT_COLUMNS` (``x``/``y`` as written, in the system
    given per row by ``crs``/``epsg``: Lambert-93 metres in metropolitan France, UTM overseas), one row per
    establishment, sorted by ``nofinesset``.
    """
    categories = _category_set(categories)
    departements = parse_departements(departements)
    text, name, encoding = read_text(path_or_zip, r"cs1100507|finess|etab", "FINESS extraction")
    report = FinessReport(source=name, encoding=encoding, categories=categories, departements=departements)
    first_line = text[:text.find("\n")] if "\n" in text else text
    first_cells = [c.strip().lower() for c in first_line.lstrip("\ufeff").split(";")]
    if first_cells and first_cells[0] in ("finess", "structureet", "geolocalisation"):
        structures, geolocation = _read_sections(text, report)
    elif "nofinesset" in [re.sub(r"\W", "", c) for c in first_cells] or "finess_et" in first_cells:
        structures, geolocation = _read_with_header(text, report)
    else:
        raise ValueError(f"{name} is not a FINESS extraction: the first line is neither 'finess;etalab;...' nor a "
                         f"header with 'nofinesset'")
    frame = _assemble(structures, geolocation, report, aggregate_arrondissements)
    if categories:
        frame = frame[frame["category"].isin(categories)]
    if departements:
        frame = frame[frame["departement"].isin(departements)]
    frame = frame.sort_values("nofinesset", kind="stable").reset_index(drop=True)
    report.rows_kept = len(frame)
    report.without_coordinates = int((frame["x"].isna() | frame["y"].isna()).sum())
    crs = frame["crs"].fillna("<none>").value_counts()
    report.crs_counts = {str(k): int(v) for k, v in crs.items()}
    report.unknown_crs = sorted(set(frame.loc[frame["crs"].notna() & frame["epsg"].isna(), "crs"]))
    return frame, report


def _csv_rows(reader, name):
    """The rows of a ``csv.reader``; a csv error (a quote left open swallows the next lines into one field, until
    the field is over csv's limit) becomes a ValueError naming ``name`` and the line where the row starts."""
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ValueError(f"{name}: line {start:,}: {error}: a quote is left open, or this is not a FINESS "
                             f"extraction") from error
        yield row
        start = reader.line_num + 1


def _read_sections(text, report):
    structures, geolocation = [], []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";", quotechar='"')
    for cells in _csv_rows(reader, report.source):
        if not cells or not any(c.strip() for c in cells):
            continue
        kind = cells[0].strip().lower()
        if kind == "structureet":
            if len(cells) < 24:
                report.malformed_lines += 1
                continue
            structures.append(cells[:len(STRUCTURE_FIELDS)] + [""] * (len(STRUCTURE_FIELDS) - len(cells)))
        elif kind == "geolocalisation":
            if len(cells) < 5:
                report.malformed_lines += 1
                continue
            geolocation.append(cells[:len(GEOLOCATION_FIELDS)] + [""] * (len(GEOLOCATION_FIELDS) - len(cells)))
        elif kind == "finess":
            report.layout = "etalab sections"
            report.layout_version = cells[2].strip() if len(cells) > 2 else ""
            report.extraction_date = cells[3].strip() if len(cells) > 3 else ""
        else:
            report.malformed_lines += 1  # other sections (equipements...) or broken lines
    report.layout = report.layout or "etalab sections"
    report.structures_read = len(structures)
    report.geolocations_read = len(geolocation)
    structures = pd.DataFrame(structures, columns=list(STRUCTURE_FIELDS), dtype=object)
    geolocation = pd.DataFrame(geolocation, columns=list(GEOLOCATION_FIELDS), dtype=object)
    structures["code_commune"] = commune_code(structures["departement"], structures["commune"])
    return structures, geolocation


def _read_with_header(text, report):
    sep = sniff_separator(text[:text.find("\n")])
    table = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), sep=sep, dtype=str, keep_default_na=False)
    found, missing = match_columns(list(table.columns), _HEADER_FIELDS)
    needed = [k for k in ("nofinesset", "categetab") if k in missing]
    if needed or ("cog" in missing and ("commune" in missing or "departement" in missing)):
        labels = needed + ([] if "cog" in found or ("commune" in found and "departement" in found)
                           else ["cog (or commune + departement)"])
        raise ValueError(f"{report.source}: required FINESS column(s) missing: {', '.join(labels)}")
    structures = pd.DataFrame({key: table.iloc[:, found[key]] if key in found else "" for key in _HEADER_FIELDS},
                              index=table.index)
    if "cog" in found:
        structures["code_commune"] = clean_codes(structures["cog"], 5)
    else:
        structures["code_commune"] = commune_code(structures["departement"], structures["commune"])
    if "ligneacheminement" not in found and "codepostal" in found:
        structures["ligneacheminement"] = structures["codepostal"]
    report.layout = "table with header"
    report.structures_read = len(structures)
    geolocation = structures[["nofinesset", "coordxet", "coordyet", "sourcecoordet"]].copy()
    geolocation = geolocation[(geolocation["coordxet"] != "") | (geolocation["coordyet"] != "")]
    report.geolocations_read = len(geolocation)
    return structures, geolocation


def _assemble(structures, geolocation, report, aggregate_arrondissements):
    nofinesset = clean_codes(structures["nofinesset"], 9)
    frame = pd.DataFrame({
        "nofinesset": nofinesset,
        "nofinessej": clean_codes(structures["nofinessej"], 9),
        "name": structures["rs"].astype(str).str.strip(),
        "long_name": structures["rslongue"].astype(str).str.strip(),
        "category": clean_codes(structures["categetab"], 3),
        "category_label": structures["libcategetab"].astype(str).str.strip(),
        "category_group": clean_codes(structures["categagretab"]),
        "category_group_label": structures["libcategagretab"].astype(str).str.strip(),
        "code_commune_source": structures["code_commune"],
        "code_postal": structures["ligneacheminement"].astype(str).str.extract(r"^\s*(\d{5})")[0],
        "commune_label": structures["ligneacheminement"].astype(str).str.replace(r"^\s*\d{5}\s*", "", regex=True)
        .str.strip(),
        "siret": clean_codes(structures["siret"]),
    })
    frame["code_commune"] = (city_of_arrondissement(frame["code_commune_source"]) if aggregate_arrondissements
                             else frame["code_commune_source"])
    finess_dep = clean_codes(structures["departement"]).str.upper()
    finess_dep = finess_dep.map(FINESS_OVERSEAS).fillna(finess_dep)
    frame["departement"] = departement_of_commune(frame["code_commune"].fillna(""))
    frame["departement"] = frame["departement"].where(frame["departement"] != "", finess_dep)
    geo = geolocation.copy()
    geo["nofinesset"] = clean_codes(geo["nofinesset"], 9)
    geo = geo.drop_duplicates("nofinesset", keep="last").set_index("nofinesset")
    x = pd.to_numeric(geo["coordxet"].astype(str).str.strip().str.replace(",", ".", regex=False), errors="coerce")
    y = pd.to_numeric(geo["coordyet"].astype(str).str.strip().str.replace(",", ".", regex=False), errors="coerce")
    crs, epsg = epsg_of_source(geo["sourcecoordet"])
    frame["x"] = nofinesset.map(x).astype(float)
    frame["y"] = nofinesset.map(y).astype(float)
    frame["crs"] = nofinesset.map(pd.Series(crs.to_numpy(), index=geo.index))
    frame["epsg"] = nofinesset.map(pd.Series(epsg.to_numpy(), index=geo.index)).astype("Int64")
    frame["coord_source"] = nofinesset.map(geo["sourcecoordet"].astype(str).str.strip())
    for column in ("nofinessej", "long_name", "category_label", "category_group", "category_group_label",
                   "code_commune", "code_commune_source", "departement", "code_postal", "commune_label", "siret",
                   "crs", "coord_source"):
        frame[column] = frame[column].where(frame[column].notna() & (frame[column] != ""), None)
    return frame[list(OUTPUT_COLUMNS)]
