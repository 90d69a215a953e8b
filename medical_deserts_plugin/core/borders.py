"""Where a supply layer stops short of the demand it serves: the sides of the demand's extent beyond which the
supply layer does not reach a belt of the given width (its GPs there, or the neighbouring département's, are
missing, and the communes near that side get too low an APL or too long a time)."""

import numpy as np

SIDES = ("west", "east", "south", "north")


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
