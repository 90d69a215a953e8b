"""Where a supply layer stops short of the demand it serves: the sides of the demand's extent beyond which the
supply layer does not reach a belt of the given width (its GPs there, or the neighbouring département's, are
missing, and the communes near that side get too low an APL or too long a time); and the border belt of a
territory of départements: the neighbouring units within a distance of it, and the départements near one another
(``data/departements_near.json``, made by ``scripts/departements_near.py``)."""

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely

SIDES = ("west", "east", "south", "north")
#: For each département, the others within 200 km and their boundary-to-boundary distance (km).
PROXIMITY_PATH = Path(__file__).resolve().parent / "data" / "departements_near.json"


def short_sides(demand_xy, supply_xy, belt_m):
    """The sides (of ``SIDES``) where the supply points' extent does not pass the demand points' extent by
    ``belt_m`` metres, and for each demand unit whether it lies within ``belt_m`` of such a side (a bool array)."""
    demand_xy = np.asarray(demand_xy, dtype=float).reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype=float).reshape(-1, 2)
    if not len(demand_xy) or not len(supply_xy):
        return [], np.zeros(len(demand_xy), dtype=bool)
    low, high = demand_xy.min(axis=0), demand_xy.max(axis=0)
    supply_low, supply_high = supply_xy.min(axis=0), supply_xy.max(axis=0)
    short = {"west": supply_low[0] > low[0] - belt_m, "east": supply_high[0] < high[0] + belt_m,
             "south": supply_low[1] > low[1] - belt_m, "north": supply_high[1] < high[1] + belt_m}
    near = {"west": demand_xy[:, 0] < low[0] + belt_m, "east": demand_xy[:, 0] > high[0] - belt_m,
            "south": demand_xy[:, 1] < low[1] + belt_m, "north": demand_xy[:, 1] > high[1] - belt_m}
    sides = [side for side in SIDES if short[side]]
    at_edge = np.zeros(len(demand_xy), dtype=bool)
    for side in sides:
        at_edge |= near[side]
    return sides, at_edge


def border_belt(geometries, departements, listed, belt_m):
    """Which units a territory of départements with a border belt keeps: ``(kept, in_belt)``, two bool arrays.

    ``geometries``: shapely geometries of the units in a metric CRS (None or empty: never in the belt);
    ``departements``: each unit's département code; ``listed``: the départements asked for; ``belt_m``: the belt's
    width in metres (0: the listed départements alone). Kept: the units of the listed départements, plus the units of
    any other département within ``belt_m`` of one of the listed ones' units (those are ``in_belt``)."""
    geometries = np.asarray(geometries, dtype=object)
    belt_m = float(belt_m)
    if not belt_m >= 0:
        raise ValueError(f"the border belt must be 0 km or more, not {belt_m / 1000:g} km")
    listed_units = np.isin(np.asarray(departements, dtype=object), list(listed))
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    in_belt = np.zeros(len(geometries), dtype=bool)
    inside, others = np.flatnonzero(listed_units & present), np.flatnonzero(~listed_units & present)
    if belt_m > 0 and len(inside) and len(others):
        tree = shapely.STRtree(geometries[inside])
        near, _ = tree.query(geometries[others], predicate="dwithin", distance=belt_m)
        in_belt[others[near]] = True
    return listed_units | in_belt, in_belt


@lru_cache(maxsize=1)
def proximity_table():
    """``(table, header)`` of :data:`PROXIMITY_PATH`: ``{code: {other code: km}}`` and its header (``max_km``,
    ``tolerance_km``, source, licence)."""
    document = json.loads(PROXIMITY_PATH.read_text(encoding="utf-8"))
    return document["departements"], document["header"]


def departements_within(codes, km):
    """The départements other than ``codes`` whose boundary lies within ``km`` kilometres of one of theirs, sorted.

    The table's contours are simplified, so a pair is kept up to ``km`` plus the header's ``tolerance_km`` (two
    départements that touch may lie a few hundred metres apart there). ValueError for a code the table does not
    hold or a distance beyond its ``max_km`` (200 km); the overseas départements and collectivities have no neighbours."""
    table, header = proximity_table()
    codes = list(codes)
    unknown = [code for code in codes if code not in table]
    if unknown:
        raise ValueError(f"no distances to other départements for {', '.join(unknown)}")
    km = float(km)
    if not 0 <= km <= header["max_km"]:
        raise ValueError(f"the distance must be 0 to {header['max_km']:g} km, not {km:g} km")
    reach = km + header["tolerance_km"]
    near = {other for code in codes for other, distance in table[code].items() if distance <= reach}
    return sorted(near - set(codes))
