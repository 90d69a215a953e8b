"""Where a place of a French health file may plausibly be: France's territories as longitude / latitude boxes."""

import numpy as np

#: (west, south, east, north) in degrees (WGS84), each territory's extent with a margin of about 0.2°.
FRANCE_BOXES = {
    "metropole": (-5.5, 41.1, 10.0, 51.3),  # with Corsica
    "antilles": (-63.4, 14.2, -60.6, 18.3),  # Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
    "guyane": (-54.9, 1.9, -51.4, 6.0),
    "reunion": (55.0, -21.6, 56.0, -20.7),
    "mayotte": (44.9, -13.2, 45.5, -12.4),
    "saint_pierre_et_miquelon": (-56.6, 46.6, -55.9, 47.3),
    "wallis_et_futuna": (-178.4, -14.6, -175.9, -13.0),
    "polynesie": (-155.0, -28.2, -134.0, -7.7),
    "nouvelle_caledonie": (163.3, -23.0, 168.4, -19.3),
}


def in_france(longitude, latitude):
    """True where (``longitude``, ``latitude``) in degrees falls in one of France's territories (NaN: False)."""
    longitude, latitude = np.asarray(longitude, dtype=float), np.asarray(latitude, dtype=float)
    inside = np.zeros(longitude.shape, dtype=bool)
    for west, south, east, north in FRANCE_BOXES.values():
        inside |= (longitude >= west) & (longitude <= east) & (latitude >= south) & (latitude <= north)
    return inside
