"""Road speeds in km/h: from a speed field, from a road-class field through a preset table, or a default speed."""

import unicodedata

import numpy as np
import pandas as pd

#: Car speeds (km/h) per road class. ``None`` marks a class cars cannot use: its lines are left out.
#: The order is that of the ``SPEED_PRESET`` enum (users' runs and models keep its numbers): add at the end only.
#: The first four are near the legal limits; the last four are average travel speeds from OSRM's car profile.
SPEED_PRESETS = {
    "osm_highway": {
        "motorway": 110, "motorway link": 60, "trunk": 90, "trunk link": 50,
        "primary": 75, "primary link": 40, "secondary": 65, "secondary link": 40,
        "tertiary": 55, "tertiary link": 30, "unclassified": 45, "road": 40,
        "residential": 30, "living street": 10, "service": 20, "track": 15,
        "pedestrian": None, "footway": None, "path": None, "cycleway": None, "steps": None, "bridleway": None,
        "construction": None, "proposed": None,
    },
    "bdtopo_nature": {
        "type autoroutier": 115, "route a 2 chaussees": 90, "route a 1 chaussee": 60, "bretelle": 50,
        "rond point": 30, "route empierree": 20, "chemin": 15, "bac ou liaison maritime": None,
        "piste cyclable": None, "sentier": None, "escalier": None,
    },
    "route500_class_adm": {
        "autoroute": 115, "nationale": 85, "departementale": 70, "sans objet": 45, "communale": 45,
    },
    "route500_vocation": {
        "type autoroutier": 115, "liaison principale": 85, "liaison regionale": 70, "liaison locale": 50,
        "bretelle": 50, "piste cyclable": None,
    },
    # OSRM's car profile, speeds of roads without a maxspeed tag: ``setup().speeds.highway`` in profiles/car.lua of
    # Project-OSRM/osrm-backend (commit 4fc76cad0d9d481463e2ed91dd6dd1585e70a200, the file as of e957bf0c, 2026-07-31).
    # OSRM does not route cars on track, road, paths or ways under construction: not drivable here either.
    "osm_highway_osrm": {
        "motorway": 90, "motorway link": 45, "trunk": 85, "trunk link": 40,
        "primary": 65, "primary link": 30, "secondary": 55, "secondary link": 25,
        "tertiary": 40, "tertiary link": 20, "unclassified": 25, "residential": 25,
        "living street": 10, "service": 15, "road": None, "track": None,
        "pedestrian": None, "footway": None, "path": None, "cycleway": None, "steps": None, "bridleway": None,
        "construction": None, "proposed": None,
    },
    # IGN classes at the speed of the OSM class that tags the same roads in France (OSRM numbers above):
    # type autoroutier = motorway, route à 2 chaussées = trunk, route à 1 chaussée = tertiary (from former
    # nationales to village lanes: the middle class), bretelle = motorway link, rond point = unclassified (OSRM gives a
    # roundabout its road's class plus turn penalties), route empierrée = unclassified (gravel caps at 40 in OSRM,
    # above 25), chemin = track (not routed by OSRM).
    "bdtopo_nature_osrm": {
        "type autoroutier": 90, "route a 2 chaussees": 85, "route a 1 chaussee": 40, "bretelle": 45,
        "rond point": 25, "route empierree": 25, "chemin": None, "bac ou liaison maritime": None,
        "piste cyclable": None, "sentier": None, "escalier": None,
    },
    # autoroute = motorway, nationale = trunk, départementale = secondary/tertiary (OSM France tags the main
    # départementales secondary, the minor ones tertiary; CLASS_ADM does not tell them apart: the mean of 55 and 40),
    # communale = unclassified.
    "route500_class_adm_osrm": {
        "autoroute": 90, "nationale": 85, "departementale": 47.5, "sans objet": 25, "communale": 25,
    },
    # type autoroutier = motorway, liaison principale = primary, liaison régionale = secondary,
    # liaison locale = tertiary, bretelle = motorway link.
    "route500_vocation_osrm": {
        "type autoroutier": 90, "liaison principale": 65, "liaison regionale": 55, "liaison locale": 40,
        "bretelle": 45, "piste cyclable": None,
    },
}


def normalise_label(value):
    """Lower case, no accents, ``_``/``-`` as spaces, single spaces: ``"Route à 2 chaussées"`` -> ``"route a 2 chaussees"``."""
    if value is None or value != value:  # None or NaN
        return ""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def speeds_from_classes(classes, preset, default_kmh):
    """Speed (km/h) per line from its road class; returns (speeds, drivable mask, number of unknown classes).

    Unknown or empty classes take ``default_kmh``; classes the preset marks as not drivable get ``drivable=False``.
    """
    table = SPEED_PRESETS[preset]
    inverse, raw_labels = pd.factorize(pd.Series(classes, dtype=object), use_na_sentinel=False)
    labels = [normalise_label(raw) for raw in raw_labels]
    known = np.array([label in table for label in labels], dtype=bool)
    label_speed = np.array([table.get(label, default_kmh) for label in labels], dtype=float)
    speeds = label_speed[inverse]
    drivable = ~np.isnan(speeds)
    unknown = int(np.count_nonzero(~known[inverse]))
    return np.where(drivable, speeds, 0.0), drivable, unknown
