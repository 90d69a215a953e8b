"""Road speeds in km/h: from a speed field, from a road-class field through a preset table, or a default speed."""

import unicodedata

import numpy as np
import pandas as pd

#: Average car speeds (km/h) per road class. ``None`` marks a class cars cannot use: its lines are left out.
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
