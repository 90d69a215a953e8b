"""Write the fictional département's files, in the layouts of the real French sources.

All GeoPackages are EPSG:2154 (Lambert-93, metres) with an R-tree spatial index; every text file is UTF-8 without
a byte-order mark and ends its lines with ``\\n``. Output is byte-identical for a given seed and size (the
GeoPackage timestamp is pinned through GDAL's ``OGR_CURRENT_DATE``).

``communes.gpkg``, layer ``communes`` (MultiPolygon, as ADMIN EXPRESS)
    ``code_insee`` String(5), ``nom`` String(80), ``population`` Integer (inhabitants), then the 19 age groups
    ``pop_00_04`` ... ``pop_85_89``, ``pop_90_plus`` Integer, summing to ``population``; ``femmes`` Integer (women,
    the midwives' demand).
``roads.gpkg``, layer ``roads`` (LineString, OSM-like)
    ``highway`` String (motorway, motorway_link, trunk, primary, secondary, tertiary, unclassified, residential),
    ``oneway`` String ("yes", "no", "-1", NULL = tag absent), ``maxspeed`` Integer (km/h, NULL for most lines),
    ``ref`` String, ``name`` String.
``gp_sites.gpkg``, layer ``gp_sites`` (Point): one per GP practice site
    ``site_id`` String, ``code_insee`` String(5), ``n_gp`` Integer (GPs practising there; a GP with two sites counts
    at both), ``kind`` String (cabinet / msp / centre_sante), ``finess`` String (FINESS site of an MSP or centre,
    else NULL).
``facilities.gpkg``, layer ``facilities`` (Point): the FINESS establishments, at their ``geolocalisation``
    ``finess`` String(9), ``categetab`` String (355, 603, 124, 620), ``rs`` String.
``PS_LibreAcces_Personne_activite_202611240000.txt`` (RPPS extraction)
    ``|``-separated; header ``"|".join(RPPS_ACTIVITY_HEADER) + "|"``; one line per practitioner and site, each with
    a trailing ``|``; no quoting (no value contains ``|``). Exactly one GP line has an empty commune code.
``activite_generalistes.csv``
    ``;``-separated: ``Identification nationale PP;age;actes`` (age in years, actes = consultations + visits per
    year). Some GPs have no row: no activity data.
``finess_etablissements.csv`` (FINESS "extraction géolocalisée", etalab-cs1100507 layout)
    ``;``-separated, no header row, no quoting. First line ``finess;etalab;98;2026-11-24`` (file kind, producer,
    layout version, extraction date). Then the ``structureet`` section, 32 fields: structureet; nofinesset;
    nofinessej; rs; rslongue; complrs; compldistrib; numvoie; typvoie; voie; compvoie; lieuditbp; commune (3
    characters: the INSEE code without the département); departement; libdepartement; ligneacheminement;
    telephone; telecopie; categetab; libcategetab; categagretab; libcategagretab; siret; codeape; codemft;
    libmft; codesph; libsph; dateouv; dateautor; datemaj; numuai. Then the ``geolocalisation`` section, 6 fields:
    geolocalisation; nofinesset; coordxet; coordyet (Lambert-93 metres, one decimal); sourcecoordet (comma
    separated, ending with the CRS, e.g. ``1,ATLASANTE,100,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)``);
    datemaj. Written in UTF-8, as the recent files are; older ones are Latin-1 (readers should try UTF-8 first,
    then fall back to Latin-1). Column order checked against public parsers of etalab-cs1100507-stock-*.csv.
``population_communes.csv``
    ``;``-separated: ``CODGEO;LIBGEO;pop_00_04;...;pop_90_plus;P_POP`` (inhabitants).
``anct_zonage.csv``
    ``;``-separated: ``CODGEO;ZRR;FRR``; ZRR "C" classée, "P" partiellement classée, "N" non classée; FRR 0/1.
"""

import os

import numpy as np
import pandas as pd
import shapely

from ..core.sources.rpps import RPPS_ACTIVITY_HEADER
from .generator import AGE_FIELDS, EPSG, EXTRACTION_DATE, RPPS_FILE_NAME, generate_departement

FILE_NAMES = {
    "communes": "communes.gpkg",
    "roads": "roads.gpkg",
    "gp_sites": "gp_sites.gpkg",
    "facilities": "facilities.gpkg",
    "rpps": RPPS_FILE_NAME,
    "activity": "activite_generalistes.csv",
    "finess": "finess_etablissements.csv",
    "population": "population_communes.csv",
    "anct": "anct_zonage.csv",
}
#: Layout version written on the first line of the FINESS file (as in "finess;etalab;98;<date>").
FINESS_LAYOUT_VERSION = "98"
#: Timestamp stored in the GeoPackages (gpkg_contents.last_change), pinned so that files are reproducible.
GPKG_TIMESTAMP = f"{EXTRACTION_DATE}T00:00:00.000Z"


def write_sample(outdir, seed=42, n_communes=300, departement=None):
    """Generate (or take ``departement``) and write every file into ``outdir``; returns ``{key: absolute path}``."""
    dep = departement if departement is not None else generate_departement(seed=seed, n_communes=n_communes)
    outdir = os.path.abspath(outdir)
    os.makedirs(outdir, exist_ok=True)
    paths = {key: os.path.join(outdir, name) for key, name in FILE_NAMES.items()}

    commune_fields = [("code_insee", "String", 5), ("nom", "String", 80), ("population", "Integer", 0)]
    commune_fields += [(field, "Integer", 0) for field in AGE_FIELDS] + [("femmes", "Integer", 0)]
    write_geopackage(paths["communes"], "communes", "MultiPolygon", commune_fields, dep.communes)
    write_geopackage(paths["roads"], "roads", "LineString",
                     [("highway", "String", 20), ("oneway", "String", 3), ("maxspeed", "Integer", 0),
                      ("ref", "String", 20), ("name", "String", 80)], dep.roads)
    write_geopackage(paths["gp_sites"], "gp_sites", "Point",
                     [("site_id", "String", 10), ("code_insee", "String", 5), ("n_gp", "Integer", 0),
                      ("kind", "String", 12), ("finess", "String", 9)], dep.gp_sites)
    write_geopackage(paths["facilities"], "facilities", "Point",
                     [("finess", "String", 9), ("categetab", "String", 3), ("rs", "String", 38)], dep.facilities)

    write_rpps(paths["rpps"], dep.rpps)
    _write_lines(paths["finess"], finess_lines(dep.finess_structures, dep.finess_geolocation))
    dep.activity.to_csv(paths["activity"], sep=";", index=False, encoding="utf-8", lineterminator="\n")
    dep.population.to_csv(paths["population"], sep=";", index=False, encoding="utf-8", lineterminator="\n")
    dep.anct.to_csv(paths["anct"], sep=";", index=False, encoding="utf-8", lineterminator="\n")
    return paths


def _write_lines(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write("\n".join(lines))
        stream.write("\n")


def write_rpps(path, rpps):
    """RPPS extraction text: header + one line per row, ``|``-separated, each line ending with ``|``."""
    values = rpps[list(RPPS_ACTIVITY_HEADER)].astype(str).to_numpy()
    if np.char.find(values.astype(str), "|").max(initial=-1) >= 0:
        raise ValueError("an RPPS value contains '|'")
    lines = ["|".join(RPPS_ACTIVITY_HEADER) + "|"] + ["|".join(row) + "|" for row in values.tolist()]
    _write_lines(path, lines)


def finess_lines(structures, geolocation):
    """Lines of the FINESS extraction: the ``finess;etalab`` line, the structureet then geolocalisation sections."""
    for table in (structures, geolocation):
        if table.astype(str).apply(lambda column: column.str.contains(";", regex=False)).to_numpy().any():
            raise ValueError("a FINESS value contains ';'")
    first = f"finess;etalab;{FINESS_LAYOUT_VERSION};{EXTRACTION_DATE}"
    return ([first] + [";".join(row) for row in structures.astype(str).to_numpy().tolist()]
            + [";".join(row) for row in geolocation.astype(str).to_numpy().tolist()])


def write_geopackage(path, layer_name, geometry_type, fields, frame):
    """One-layer GeoPackage in EPSG:2154 with a spatial index; ``fields`` = [(name, "String"|"Integer", width)].

    ``frame`` holds the field columns and a ``geometry`` column of shapely geometries; None / NA values are
    written as NULL.
    """
    from osgeo import gdal, ogr, osr

    ogr_types = {"String": ogr.OFTString, "Integer": ogr.OFTInteger}
    geometry_types = {"MultiPolygon": ogr.wkbMultiPolygon, "LineString": ogr.wkbLineString, "Point": ogr.wkbPoint}
    if os.path.exists(path):
        os.remove(path)
    previous = gdal.GetConfigOption("OGR_CURRENT_DATE")
    gdal.SetConfigOption("OGR_CURRENT_DATE", GPKG_TIMESTAMP)
    try:
        driver = ogr.GetDriverByName("GPKG")
        dataset = driver.CreateDataSource(path)
        if dataset is None:
            raise OSError(f"cannot create {path}")
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        layer = dataset.CreateLayer(layer_name, srs, geometry_types[geometry_type],
                                    options=["SPATIAL_INDEX=YES", "FID=fid", "GEOMETRY_NAME=geom"])
        for name, kind, width in fields:
            definition = ogr.FieldDefn(name, ogr_types[kind])
            if width:
                definition.SetWidth(width)
            if layer.CreateField(definition) != 0:
                raise OSError(f"cannot create field {name} in {path}")
        wkb = shapely.to_wkb(frame["geometry"].to_numpy())
        columns = [frame[name].to_numpy(dtype=object) for name, _, _ in fields]
        definition = layer.GetLayerDefn()
        layer.StartTransaction()
        for row in range(len(frame)):
            feature = ogr.Feature(definition)
            for index, values in enumerate(columns):
                value = values[row]
                if pd.isna(value):
                    feature.SetFieldNull(index)
                elif fields[index][1] == "Integer":
                    feature.SetField(index, int(value))
                else:
                    feature.SetField(index, str(value))
            geometry = ogr.CreateGeometryFromWkb(wkb[row])
            if geometry_type == "MultiPolygon":
                geometry = ogr.ForceToMultiPolygon(geometry)
            feature.SetGeometry(geometry)
            if layer.CreateFeature(feature) != 0:
                raise OSError(f"cannot write feature {row} of {path}")
        layer.CommitTransaction()
        dataset = None
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", previous)
