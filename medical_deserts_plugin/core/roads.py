"""Road files as the network parameters take them: OpenStreetMap ways (``highway`` and the ``other_tags`` text of
GDAL's OSM driver) to ``highway`` / ``maxspeed`` (km/h) / ``oneway`` (yes, -1, no), and the fields of IGN's
ROUTE 500 and BD TOPO road sections under one spelling."""

import re

import numpy as np
import pandas as pd
import shapely

from .speeds import SPEED_PRESETS, normalise_label

#: km per mile, for a ``maxspeed`` in mph
MILE_KM = 1.609344
#: French speed zones of ``maxspeed`` (FR:urban...), km/h; ``none``, ``signals``, ``variable``: no number (NaN)
ZONE_SPEEDS = {"fr:urban": 50.0, "fr:rural": 80.0, "fr:motorway": 130.0, "fr:zone30": 30.0, "fr:walk": 6.0,
               "fr:living street": 20.0, "fr:trunk": 110.0}
#: OSM ``oneway`` values: along the way's drawing, against it (everything else: both ways)
ONEWAY_FORWARD, ONEWAY_BACKWARD = ("yes", "true", "1"), ("-1", "reverse")
#: classes one-way without a ``oneway`` tag (OSM's implied rules), and ``junction`` values that imply it
IMPLIED_ONEWAY = ("motorway", "motorway link")
ONEWAY_JUNCTIONS = ("roundabout", "circular")
#: the ``other_tags`` keys kept
OSM_TAGS = ("maxspeed", "oneway", "junction", "ref")


def drivable_highways():
    """The OSM ``highway`` classes a car may use in one of the OSM speed presets (normalised labels)."""
    return sorted({label for key, table in SPEED_PRESETS.items() if key.startswith("osm_highway")
                   for label, speed in table.items() if speed is not None})


def tag_values(other_tags, keys=OSM_TAGS):
    """The values of ``keys`` in GDAL's ``other_tags`` texts (``"maxspeed"=>"50","oneway"=>"yes"``): one text
    column per key, NaN where the key is absent; ``\\"`` in a value is read as ``"``."""
    texts = pd.Series(np.asarray(other_tags, dtype=object)).fillna("").astype(str)
    columns = {}
    for key in keys:
        pattern = r'(?:^|,)"' + re.escape(key) + r'"=>"((?:[^"\\]|\\.)*)"'
        columns[key] = texts.str.extract(pattern, expand=False).str.replace(r'\\(.)', r'\1', regex=True)
    return pd.DataFrame(columns)


def maxspeed_kmh(values):
    """``maxspeed`` texts as km/h: ``"50"`` -> 50, ``"30 mph"`` -> 48.3, ``"FR:urban"`` -> 50 (``ZONE_SPEEDS``),
    ``"50;70"`` -> 50 (the first); NaN for none, signals, variable, empty or unreadable values."""
    texts = pd.Series(np.asarray(values, dtype=object)).fillna("").astype(str).str.split(";").str[0].str.strip().str.lower()
    number = texts.str.extract(r"^(\d+(?:[.,]\d+)?)\s*(mph|km/h|kmh|kph)?$")
    speeds = pd.to_numeric(number[0].str.replace(",", ".", regex=False), errors="coerce")
    speeds = speeds.where(number[1] != "mph", speeds * MILE_KM)
    zones = texts.str.replace("_", " ", regex=False).str.replace("-", " ", regex=False).map(ZONE_SPEEDS)
    speeds = speeds.fillna(zones)
    return speeds.where(speeds > 0).to_numpy(dtype=float)


def oneway_values(oneway, highway, junction=None):
    """Each way's direction as ``"yes"`` (along its drawing), ``"-1"`` (against it) or ``"no"`` (both ways), from
    its ``oneway`` tag, else the implied rules: motorways and roundabouts are one-way, ``oneway=no`` wins."""
    tag = pd.Series(np.asarray(oneway, dtype=object)).fillna("").astype(str).str.strip().str.lower()
    classes = pd.Series(np.asarray(highway, dtype=object)).map(normalise_label)
    junction = pd.Series(np.full(len(tag), None) if junction is None else np.asarray(junction, dtype=object))
    implied = (classes.isin(IMPLIED_ONEWAY) | junction.fillna("").astype(str).str.lower().isin(ONEWAY_JUNCTIONS))
    result = np.where(implied.to_numpy() & (tag == "").to_numpy(), "yes", "no").astype(object)
    result[tag.isin(ONEWAY_FORWARD).to_numpy()] = "yes"
    result[tag.isin(ONEWAY_BACKWARD).to_numpy()] = "-1"
    return result


def osm_roads(highway, other_tags, name=None):
    """The car roads of OSM ways: ``(kept, table)``, ``kept`` a bool array over the ways (a drivable ``highway``
    class, see :func:`drivable_highways`) and ``table`` the kept ways' ``highway``, ``maxspeed`` (km/h, NaN when
    untagged), ``oneway`` (yes / -1 / no), ``ref`` and ``name``."""
    highway = pd.Series(np.asarray(highway, dtype=object))
    kept = highway.map(normalise_label).isin(drivable_highways()).to_numpy()
    tags = tag_values(np.asarray(other_tags, dtype=object)[kept])
    classes = highway[kept].reset_index(drop=True)
    names = np.full(len(highway), None) if name is None else np.asarray(name, dtype=object)
    table = pd.DataFrame({
        "highway": classes, "maxspeed": maxspeed_kmh(tags["maxspeed"]),
        "oneway": oneway_values(tags["oneway"], classes, tags["junction"]),
        "ref": tags["ref"].astype(object).where(tags["ref"].notna(), None), "name": names[kept]})
    return kept, table


#: What the importer keeps of an IGN road file: (output field, type, accepted source names), the required ones
#: first; ROUTE 500 needs VOCATION or CLASS_ADM, BD TOPO needs NATURE (shapefile names, then GeoPackage names).
IGN_FIELDS = {
    "route500": (("VOCATION", "string", ("VOCATION",)), ("CLASS_ADM", "string", ("CLASS_ADM",)),
                 ("SENS", "string", ("SENS",)), ("NUM_ROUTE", "string", ("NUM_ROUTE",)),
                 ("NB_CHAUSSE", "string", ("NB_CHAUSSE",))),
    "bdtopo": (("NATURE", "string", ("NATURE",)), ("SENS", "string", ("SENS", "SENS_DE_CIRCULATION")),
               ("VIT_MOY_VL", "double", ("VIT_MOY_VL", "VITESSE_MOYENNE_VL")),
               ("ACCES_VL", "string", ("ACCES_VL", "ACCES_VEHICULE_LEGER")),
               ("IMPORTANCE", "string", ("IMPORTANCE",)), ("NUMERO", "string", ("NUMERO", "CL_ADMIN"))),
}
IGN_REQUIRED = {"route500": ("VOCATION", "CLASS_ADM"), "bdtopo": ("NATURE",)}
IGN_NAMES = {"route500": "IGN ROUTE 500 (TRONCON_ROUTE)", "bdtopo": "IGN BD TOPO (TRONCON_DE_ROUTE)"}


def ign_fields(names, kind):
    """``{output field: the file's field}`` of an IGN road file whose fields are ``names`` (case-insensitive);
    ValueError when none of the class fields the kind needs is there."""
    by_upper = {str(name).upper(): name for name in names}
    found = {}
    for output, _kind, accepted in IGN_FIELDS[kind]:
        match = next((by_upper[name] for name in accepted if name in by_upper), None)
        if match is not None:
            found[output] = match
    if not any(name in found for name in IGN_REQUIRED[kind]):
        raise ValueError(f"it is not an {IGN_NAMES[kind]} road file: no field {' or '.join(IGN_REQUIRED[kind])} "
                         f"(its fields: {', '.join(map(str, names)) or '-'})")
    return found


def as_multilines(geometries):
    """The line parts of each geometry as one MultiLineString (points and polygons of a collection dropped), and
    whether it has any: ``(multilines, has_lines)``; a geometry without lines gives None."""
    geometries = np.asarray(geometries, dtype=object)
    parts, owner = shapely.get_parts(geometries, return_index=True)
    nested = np.isin(shapely.get_type_id(parts), (5, 7))  # a collection holding multi-parts: one level more
    if nested.any():
        inner, inner_owner = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        owner = np.concatenate([owner[~nested], owner[nested][inner_owner]])
    lines = np.isin(shapely.get_type_id(parts), (1, 2)) & ~shapely.is_empty(parts)
    result = np.full(len(geometries), None, dtype=object)
    owners, position = np.unique(owner[lines], return_inverse=True)
    if len(owners):
        result[owners] = shapely.multilinestrings(parts[lines], indices=position)
    has_lines = np.zeros(len(geometries), dtype=bool)
    has_lines[owners] = True
    return result, has_lines


def clip_lines(lines, area):
    """The parts of ``lines`` inside the polygon ``area`` (same CRS): ``(MultiLineStrings, kept)``, ``kept`` False
    for the lines with no part of positive length inside (outside, touching its edge, or without geometry)."""
    lines = np.asarray(lines, dtype=object)
    present = np.flatnonzero(~(shapely.is_missing(lines) | shapely.is_empty(lines)))
    shapely.prepare(area)
    meeting = present[shapely.intersects(area, lines[present])]
    whole = shapely.contains_properly(area, lines[meeting])
    clipped = lines.copy()
    cut = meeting[~whole]
    clipped[cut] = shapely.intersection(lines[cut], area)
    kept = np.zeros(len(lines), dtype=bool)
    kept[meeting] = True
    result, has_lines = as_multilines(clipped)
    kept &= has_lines
    result[~kept] = None
    return result, kept
