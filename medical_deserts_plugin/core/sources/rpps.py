"""Reader of the RPPS open extraction (Annuaire santé, ``PS_LibreAcces_Personne_activite_<timestamp>.txt``).

Format (checked against the published extraction and public parsers of it):

* a zip of ``PS_LibreAcces_Personne_activite_<ts>.txt``, ``PS_LibreAcces_Dipl_AutExerc_<ts>.txt`` and
  ``PS_LibreAcces_SavoirFaire_<ts>.txt``, or the activity text alone (data.gouv.fr mirror);
* ``|``-separated, no quoting (a name may hold a ``"``), a header line, a trailing ``|`` on every line, UTF-8
  (a byte-order mark sometimes; Latin-1 in some re-exports);
* one line per practitioner x activity (site, role): a GP with two practices has two lines, sometimes more lines for
  the same site; header spellings vary between extractions (``"Libellé civilité exercice"``,
  ``"Code département (coord. structure)"``...), so columns are found by normalised name, never by position;
* newer extractions drop ``Code savoir-faire`` from the activity file: the specialities are in the
  ``SavoirFaire`` file, joined on ``Identification nationale PP``;
* the national file is large (about 2 million lines, several hundred MB): it is read in chunks, with only the needed
  columns, filtered on profession first.

Public API: :func:`read_rpps`, :func:`read_savoir_faire`, :func:`gp_counts_by_commune`, :class:`RppsReport`,
:data:`GP_SAVOIR_FAIRE`.
"""

import csv
import glob
import io
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .common import (
    LineFilter,
    city_of_arrondissement,
    departement_of_commune,
    departement_of_postal_code,
    detect_encoding,
    match_columns,
    open_binary,
    parse_departements,
    zip_members,
)

#: Header of ``PS_LibreAcces_Personne_activite`` as published (one spelling among the variants met in extractions).
RPPS_ACTIVITY_HEADER = (
    "Type d'identifiant PP", "Identifiant PP", "Identification nationale PP",
    "Code civilité d'exercice", "Libellé civilité d'exercice", "Code civilité", "Libellé civilité",
    "Nom d'exercice", "Prénom d'exercice", "Code profession", "Libellé profession",
    "Code catégorie professionnelle", "Libellé catégorie professionnelle",
    "Code type savoir-faire", "Libellé type savoir-faire", "Code savoir-faire", "Libellé savoir-faire",
    "Code mode exercice", "Libellé mode exercice", "Numéro SIRET site", "Numéro SIREN site",
    "Numéro FINESS site", "Numéro FINESS établissement juridique", "Identifiant technique de la structure",
    "Raison sociale site", "Enseigne commerciale site",
    "Complément destinataire (coord. structure)", "Complément point géographique (coord. structure)",
    "Numéro Voie (coord. structure)", "Indice répétition voie (coord. structure)",
    "Code type de voie (coord. structure)", "Libellé type de voie (coord. structure)",
    "Libellé Voie (coord. structure)", "Mention distribution (coord. structure)",
    "Bureau cedex (coord. structure)", "Code postal (coord. structure)", "Code commune (coord. structure)",
    "Libellé commune (coord. structure)", "Code pays (coord. structure)", "Libellé pays (coord. structure)",
    "Téléphone (coord. structure)", "Téléphone 2 (coord. structure)", "Télécopie (coord. structure)",
    "Adresse e-mail (coord. structure)", "Code Département (structure)", "Libellé Département (structure)",
    "Ancien identifiant de la structure", "Autorité d'enregistrement",
    "Code secteur d'activité", "Libellé secteur d'activité",
    "Code section tableau pharmaciens", "Libellé section tableau pharmaciens",
    "Code rôle", "Libellé rôle", "Code genre activité", "Libellé genre activité",
)


#: Savoir-faire codes of general practice: SM53 spécialiste en médecine générale, SM54 médecine générale,
#: SM26 qualifié en médecine générale.
GP_SAVOIR_FAIRE = ("SM53", "SM54", "SM26")
#: Profession code of médecins.
MEDECIN = "10"

#: Columns read from the activity file: key -> accepted spellings (matched by normalised name).
ACTIVITY_FIELDS = {
    "rpps": ("Identification nationale PP", "Identification nationale du PP", "INPP"),
    "profession": ("Code profession",),
    "savoir_faire": ("Code savoir-faire", "Code savoir faire"),
    "mode_exercice": ("Code mode exercice", "Code mode d'exercice"),
    "code_commune": ("Code commune (coord. structure)", "Code commune (coordonnées structure)",
                     "Code commune structure", "Code commune"),
    "code_postal": ("Code postal (coord. structure)", "Code postal (coordonnées structure)",
                    "Code postal structure", "Code postal"),
    "secteur": ("Code secteur d'activité", "Code secteur activité"),
    "finess_site": ("Numéro FINESS site", "FINESS site"),
    "structure": ("Identifiant technique de la structure",),
}
#: Columns read from the savoir-faire file.
SAVOIR_FAIRE_FIELDS = {
    "rpps": ACTIVITY_FIELDS["rpps"],
    "profession": ("Code profession",),
    "savoir_faire": ("Code savoir-faire", "Code savoir faire"),
}
#: Columns of the frame returned by :func:`read_rpps`.
OUTPUT_COLUMNS = ("rpps", "profession", "savoir_faire", "mode_exercice", "code_commune", "code_commune_source",
                  "departement", "code_postal", "secteur", "finess_site", "structure", "weight")

ACTIVITY_MEMBER = r"personne.?activite"
SAVOIR_FAIRE_MEMBER = r"savoir.?faire"


@dataclass
class RppsReport:
    """What :func:`read_rpps` read, kept and could not place.

    ``lines_read``: data lines in the file (header excluded, malformed included); ``malformed_lines``: lines without
    the header's number of fields, skipped (``truncated_last_line`` if the last one was cut); ``rows_kept``: rows of
    the returned frame (one per practitioner and site); ``missing_commune``: RPPS ids of kept rows with no commune
    code (kept, with ``code_commune`` missing); ``unlocated_rows``: rows dropped by a département filter because they
    have neither commune nor postal code; ``duplicate_rows``: extra lines for a practitioner and site already seen.
    """

    source: str = ""
    encoding: str = ""
    lines_read: int = 0
    malformed_lines: int = 0
    truncated_last_line: bool = False
    rows_selected: int = 0
    duplicate_rows: int = 0
    rows_kept: int = 0
    practitioners: int = 0
    fte: float = 0.0
    missing_commune: list = field(default_factory=list)
    unlocated_rows: int = 0
    savoir_faire_source: str = ""
    departements: list = None
    columns: dict = field(default_factory=dict)

    def summary(self):
        """One paragraph for a log."""
        text = (f"{self.source}: {self.lines_read} lines read ({self.encoding}), {self.rows_kept} practitioner-site "
                f"rows kept for {self.practitioners} practitioners ({self.fte:.1f} full-time equivalents)")
        if self.malformed_lines:
            text += f"; {self.malformed_lines} malformed line(s) skipped"
            if self.truncated_last_line:
                text += " (truncated last line)"
        if self.missing_commune:
            text += f"; {len(self.missing_commune)} practitioner(s) with no commune code: " + \
                ", ".join(self.missing_commune[:10]) + (" ..." if len(self.missing_commune) > 10 else "")
        if self.unlocated_rows:
            text += f"; {self.unlocated_rows} row(s) with neither commune nor postal code left out by the filter"
        if self.savoir_faire_source:
            text += f"; savoir-faire from {self.savoir_faire_source}"
        return text


# ---------------------------------------------------------------------------------------------------- low level


class _Extraction:
    """An open ``|``-separated extraction: header parsed, encoding known, lines checked by a :class:`LineFilter`."""

    def __init__(self, stream, name, size, what):
        self.name = name
        self.size = size
        first = stream.readline()
        if not first.strip():
            raise ValueError(f"{name} is empty: not an RPPS extraction ({what})")
        head = stream.read(1 << 20)
        self.encoding = detect_encoding(first + head)
        if first.startswith(b"\xef\xbb\xbf"):
            first = first[3:]
        pandas_encoding = "utf-8" if self.encoding.startswith("utf-8") else "latin-1"
        if pandas_encoding == "utf-8":
            try:
                header_text = first.decode("utf-8")
            except UnicodeDecodeError:
                pandas_encoding = self.encoding = "latin-1"
        if pandas_encoding == "latin-1":
            header_text = first.decode("latin-1")
        self.pandas_encoding = pandas_encoding
        header_text = header_text.rstrip("\r\n")
        if "|" not in header_text:
            raise ValueError(f"{name} is not an RPPS extraction ({what}): its first line is not a '|'-separated "
                             f"header")
        names = header_text.split("|")
        if names and names[-1].strip() == "":
            names = names[:-1]
        self.header = [n.strip() for n in names]
        expected = header_text.count("|")
        newline = head.find(b"\n")
        if newline > 0:
            first_line_count = head[:newline].count(b"|")
            if abs(first_line_count - expected) == 1:  # header and data disagree only on the trailing '|'
                expected = first_line_count
        self.filter = LineFilter(stream, "|", expected, initial=head)

    def chunks(self, columns, chunksize):
        """DataFrames of the wanted columns (``{key: index}``), all text, ``""`` for empty."""
        order = sorted(columns.items(), key=lambda item: item[1])
        rename = {index: key for key, index in order}
        try:
            reader = pd.read_csv(
                io.BufferedReader(self.filter, buffer_size=1 << 20), sep="|", header=None,
                usecols=[index for _, index in order], dtype=str, na_filter=False, quoting=csv.QUOTE_NONE,
                encoding=self.pandas_encoding, encoding_errors="replace", chunksize=chunksize, engine="c",
                skip_blank_lines=True,
            )
        except pd.errors.EmptyDataError:  # a header and no data line
            return
        with reader:
            for chunk in reader:
                yield chunk.rename(columns=rename)


@contextmanager
def _open_extraction(source, member_pattern, what):
    with open_binary(source, member_pattern, what) as (stream, name, size):
        yield _Extraction(stream, name, size, what)


def _code_set(values, what):
    if values is None:
        return None
    if isinstance(values, str):
        values = [v for v in re.split(r"[\s,;|]+", values) if v]
    codes = [str(v).strip() for v in values if str(v).strip()]
    if not codes:
        raise ValueError(f"empty {what} filter: pass None to keep everything")
    return codes


def _missing_columns_error(name, missing, fields, what):
    labels = ", ".join(repr(fields[key][0]) for key in missing)
    return ValueError(f"{name}: required column(s) missing from the {what}: {labels}")


def _is_rpps_header(found):
    return "rpps" in found and ("profession" in found or "code_commune" in found)


# ----------------------------------------------------------------------------------------------- savoir-faire


def read_savoir_faire(path_or_zip, professions=(MEDECIN,), savoir_faire=GP_SAVOIR_FAIRE, chunksize=200_000):
    """Savoir-faire of the practitioners from ``PS_LibreAcces_SavoirFaire_<ts>.txt`` (plain or in the RPPS zip).

    Returns one row per practitioner having one of the ``savoir_faire`` codes (all codes with ``None``):
    ``rpps``, ``savoir_faire`` (the first of ``savoir_faire`` the practitioner holds, in the order given).
    """
    professions = _code_set(professions, "profession")
    codes = _code_set(savoir_faire, "savoir-faire")
    what = "savoir-faire file (PS_LibreAcces_SavoirFaire)"
    frames = []
    with _open_extraction(path_or_zip, SAVOIR_FAIRE_MEMBER, what) as table:
        found, missing = match_columns(table.header, SAVOIR_FAIRE_FIELDS)
        if "rpps" not in found:
            raise ValueError(f"{table.name} is not an RPPS savoir-faire file: no 'Identification nationale PP' "
                             f"column")
        needed = ["savoir_faire"] + (["profession"] if professions else [])
        if any(key in missing for key in needed):
            raise _missing_columns_error(table.name, [k for k in needed if k in missing], SAVOIR_FAIRE_FIELDS, what)
        for chunk in table.chunks(found, chunksize):
            if professions:
                chunk = chunk[chunk["profession"].isin(professions)]
            sf = chunk["savoir_faire"].str.strip()
            keep = sf.isin(codes) if codes else sf != ""
            frames.append(pd.DataFrame({"rpps": chunk["rpps"].str.strip()[keep], "savoir_faire": sf[keep]}))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({"rpps": [], "savoir_faire": []},
                                                                              dtype=object)
    if codes:
        rank = table["savoir_faire"].map({code: i for i, code in enumerate(codes)})
        table = table.assign(_rank=rank).sort_values(["rpps", "_rank"], kind="stable").drop(columns="_rank")
    else:
        table = table.sort_values(["rpps", "savoir_faire"], kind="stable")
    return table.drop_duplicates("rpps").reset_index(drop=True)


def _savoir_faire_sibling(path):
    folder = os.path.dirname(os.path.abspath(path))
    candidates = [p for p in glob.glob(os.path.join(folder, "*")) if re.search(
        r"ps_libreacces_savoir.?faire", os.path.basename(p), re.IGNORECASE) and os.path.isfile(p)]
    return sorted(candidates)[-1] if candidates else None


# ------------------------------------------------------------------------------------------------ activity file


def read_rpps(path_or_zip, departements=None, professions=(MEDECIN,), savoir_faire=GP_SAVOIR_FAIRE, modes=None,
              savoir_faire_path=None, chunksize=200_000, progress=None, aggregate_arrondissements=True):
    """Practitioner-site rows from the RPPS activity extraction, with a weight splitting each practitioner.

    ``path_or_zip``: the zip as downloaded, the ``PS_LibreAcces_Personne_activite_<ts>.txt`` file, bytes or a binary
    stream. Filters (``None`` = no filter): ``departements`` (``"23, 53"``, ``["23", "2A"]``; on the commune code,
    or the postal code for a row with no commune), ``professions`` (``"10"`` médecin), ``savoir_faire`` (default:
    the general-practice codes), ``modes`` (``"L"`` libéral, ``"S"`` salarié, ``"B"`` bénévole).
    ``savoir_faire_path``: the separate ``PS_LibreAcces_SavoirFaire`` file when the activity file has no
    ``Code savoir-faire`` column (without it: the member of the same zip, or a ``PS_LibreAcces_SavoirFaire*`` file
    next to the activity file). ``progress(fraction)`` is called after every chunk (raise in it to cancel).
    ``aggregate_arrondissements``: Paris, Lyon and Marseille arrondissements -> 75056, 69123, 13055
    (``code_commune_source`` keeps the code as read).

    Returns ``(frame, report)``: one row per practitioner and site (duplicate lines for the same site dropped) with
    the :data:`OUTPUT_COLUMNS`; ``weight`` = 1 / number of sites of the practitioner in the whole file (after the
    profession, savoir-faire and mode filters, before the département filter), so a practitioner counts once in total
    however many sites. ``report`` is an :class:`RppsReport`. Raises ``ValueError`` if the file is not an RPPS
    extraction or required columns are missing (they are named).
    """
    departements = parse_departements(departements)
    professions = _code_set(professions, "profession")
    sf_codes = _code_set(savoir_faire, "savoir-faire")
    modes = _code_set(modes, "mode d'exercice")
    what = "RPPS activity extraction (PS_LibreAcces_Personne_activite)"
    report = RppsReport(departements=departements)

    kept, site_pairs = [], []
    with _open_extraction(path_or_zip, ACTIVITY_MEMBER, what) as table:
        report.source, report.encoding = table.name, table.encoding
        found, missing = match_columns(table.header, ACTIVITY_FIELDS)
        if not _is_rpps_header(found):
            raise ValueError(f"{table.name} is not an RPPS extraction: no 'Identification nationale PP' / "
                             f"'Code profession' / 'Code commune (coord. structure)' columns in its header")
        needed = ["rpps", "code_commune"] + (["profession"] if professions else []) + (
            ["mode_exercice"] if modes else [])
        absent = [key for key in needed if key in missing]
        if absent:
            raise _missing_columns_error(table.name, absent, ACTIVITY_FIELDS, what)
        report.columns = {key: table.header[index] for key, index in found.items()}

        separate_sf = None
        if sf_codes is not None:
            sf_source = savoir_faire_path
            if sf_source is None and "savoir_faire" not in found:
                members = zip_members(path_or_zip)
                if members is not None and any(re.search(SAVOIR_FAIRE_MEMBER, os.path.basename(m), re.IGNORECASE)
                                               for m in members):
                    sf_source = path_or_zip
                elif members is None and isinstance(path_or_zip, (str, os.PathLike)):
                    sf_source = _savoir_faire_sibling(path_or_zip)
                if sf_source is None:
                    raise ValueError(
                        f"{table.name}: no 'Code savoir-faire' column (newer extractions put the specialities in "
                        f"PS_LibreAcces_SavoirFaire_<timestamp>.txt): pass savoir_faire_path, or savoir_faire=None "
                        f"to keep every speciality")
            if sf_source is not None:
                separate_sf = read_savoir_faire(sf_source, professions, sf_codes, chunksize)
                separate_sf = separate_sf.set_index("rpps")["savoir_faire"]
                report.savoir_faire_source = f"separate file {_source_name(sf_source)}"
            else:
                report.savoir_faire_source = "activity file"

        for chunk in table.chunks(found, chunksize):
            chunk = _select(chunk, professions, modes, sf_codes, separate_sf)
            if len(chunk):
                chunk = _prepare(chunk, aggregate_arrondissements)
                site_pairs.append(chunk[["rpps", "_site"]].drop_duplicates())
                if departements:
                    located = chunk["departement"] != ""
                    report.unlocated_rows += int((~located).sum())
                    chunk = chunk[chunk["departement"].isin(departements)]
                kept.append(chunk)
            if progress is not None:
                progress(min(1.0, table.filter.consumed / table.size) if table.size else 0.0)
        report.lines_read = table.filter.lines
        report.malformed_lines = table.filter.malformed
        report.truncated_last_line = table.filter.truncated_last_line

    frame = _finish(kept, site_pairs, report)
    if progress is not None:
        progress(1.0)
    return frame, report


def _source_name(source):
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(os.fspath(source))
    return "<stream>"


def _select(chunk, professions, modes, sf_codes, separate_sf):
    """Early filters, on the raw chunk: profession, mode, savoir-faire."""
    if professions:
        profession = chunk["profession"]
        keep = profession.isin(professions)
        if not keep.all():
            keep |= profession.str.strip().isin(professions)
        chunk = chunk[keep]
    if modes:
        chunk = chunk[chunk["mode_exercice"].str.strip().isin(modes)]
    if sf_codes is not None:
        if separate_sf is not None:
            rpps = chunk["rpps"].str.strip()
            chunk = chunk[rpps.isin(separate_sf.index)].copy()
            chunk["savoir_faire"] = chunk["rpps"].str.strip().map(separate_sf)
        else:
            chunk = chunk[chunk["savoir_faire"].str.strip().isin(sf_codes)]
    return chunk


def _prepare(chunk, aggregate_arrondissements):
    """Output columns (stripped text) of the selected rows, plus ``_site`` (the site key) and ``departement``."""
    out = pd.DataFrame(index=chunk.index)
    for key in ("rpps", "profession", "savoir_faire", "mode_exercice", "code_commune", "code_postal", "secteur",
                "finess_site", "structure"):
        if key in chunk.columns:
            out[key] = chunk[key].astype(str).str.strip()
        else:
            out[key] = ""
    out["code_commune_source"] = out["code_commune"]
    if aggregate_arrondissements:
        out["code_commune"] = city_of_arrondissement(out["code_commune"])
    has_commune = out["code_commune"] != ""
    out["departement"] = np.where(has_commune, departement_of_commune(out["code_commune"]),
                                  departement_of_postal_code(out["code_postal"]))
    fallback = ("~" + out["code_commune_source"] + "|" + out["code_postal"] + "|" + out["finess_site"] + "|"
                + out["secteur"])
    out["_site"] = out["structure"].where(out["structure"] != "", fallback)
    return out


def _finish(kept, site_pairs, report):
    if kept:
        frame = pd.concat(kept, ignore_index=True)
        pairs = pd.concat(site_pairs, ignore_index=True).drop_duplicates()
    else:
        frame = pd.DataFrame({column: pd.Series(dtype=object) for column in OUTPUT_COLUMNS + ("_site",)})
        pairs = pd.DataFrame({"rpps": [], "_site": []}, dtype=object)
    report.rows_selected = len(frame)
    frame = frame.drop_duplicates(["rpps", "_site"])
    report.duplicate_rows = report.rows_selected - len(frame)
    sites = pairs["rpps"].value_counts()
    frame["weight"] = 1.0 / frame["rpps"].map(sites).astype(float).to_numpy()
    frame = frame.drop(columns="_site")
    for column in ("savoir_faire", "mode_exercice", "code_commune", "code_commune_source", "departement",
                   "code_postal", "secteur", "finess_site", "structure"):
        frame[column] = frame[column].astype(object).where(frame[column] != "", None)
    frame = frame.sort_values(["code_commune", "rpps"], kind="stable", na_position="last")
    frame = frame[list(OUTPUT_COLUMNS)].reset_index(drop=True)
    report.rows_kept = len(frame)
    report.practitioners = int(frame["rpps"].nunique())
    report.fte = float(frame["weight"].sum())
    report.missing_commune = sorted(frame.loc[frame["code_commune"].isna(), "rpps"].unique().tolist())
    return frame


def gp_counts_by_commune(frame):
    """Per commune: ``n_practitioners`` (distinct practitioners with a site there: one with sites in two communes
    counts in both) and ``fte`` (sum of the weights: each practitioner counts once in total), ``n_sites``.

    Rows with no commune code are left out (see ``RppsReport.missing_commune``). Sorted by ``code_commune``.
    """
    known = frame[frame["code_commune"].notna()]
    counts = known.groupby("code_commune", sort=True).agg(
        n_practitioners=("rpps", "nunique"), fte=("weight", "sum"), n_sites=("rpps", "size"))
    counts = counts.reset_index()
    counts["n_practitioners"] = counts["n_practitioners"].astype(np.int64)
    counts["n_sites"] = counts["n_sites"].astype(np.int64)
    return counts
