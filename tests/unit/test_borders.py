"""Supply that stops at the demand's edge: the sides short of a belt, and the demand units near them; the border
belt of a territory of départements (units of the neighbours within a distance)."""

import numpy as np
import pytest
import shapely

from medical_deserts_plugin.core.borders import border_belt, departements_within, proximity_table, short_sides


def test_supply_of_the_territory_alone_is_short_on_every_side():
    demand = [(0, 0), (50_000, 0), (0, 40_000), (25_000, 20_000)]
    sides, at_edge = short_sides(demand, [(10_000, 10_000), (40_000, 30_000)], 20_000)
    assert sides == ["west", "east", "south", "north"]
    assert at_edge.tolist() == [True, True, True, False]  # the centre (25 km, 20 km) is 20 km from every side


def test_a_belt_of_supply_beyond_the_edge_silences_a_side():
    demand = [(0, 0), (50_000, 40_000)]
    supply = [(-25_000, -25_000), (75_000, 10_000)]  # passes west, south and east by 25 km; north not
    sides, at_edge = short_sides(demand, supply, 20_000)
    assert sides == ["north"]
    assert at_edge.tolist() == [False, True]


def test_no_supply_or_no_demand_is_not_a_border_problem():
    assert short_sides([], [(0, 0)], 1000)[0] == []
    sides, at_edge = short_sides([(0, 0)], np.empty((0, 2)), 1000)
    assert sides == [] and at_edge.tolist() == [False]


def squares(lefts, side=4_000.0):
    """Square communes of ``side`` metres on one row, their west edges at ``lefts`` (metres)."""
    return np.array([shapely.box(left, 0.0, left + side, side) for left in lefts], dtype=object)


# Three départements of 4 km squares on one row: "23" from 0 to 12 km, "87" west of it (its squares' east edges at
# 0, 4 and 9 km from 23's west edge), "19" east of it (west edges at 0, 5 and 9 km from 23's east edge).
ROW = squares([0, 4_000, 8_000, -4_000, -8_000, -13_000, 12_000, 17_000, 21_000])
ROW_DEPARTEMENTS = ["23"] * 3 + ["87"] * 3 + ["19"] * 3


def test_a_belt_keeps_the_neighbours_units_within_its_width():
    kept, in_belt = border_belt(ROW, ROW_DEPARTEMENTS, ["23"], 5_000)
    assert kept.tolist() == [True, True, True, True, True, False, True, True, False]
    assert in_belt.tolist() == [False, False, False, True, True, False, True, True, False]  # 5 km away: kept


def test_no_belt_keeps_the_listed_departements_alone():
    kept, in_belt = border_belt(ROW, ROW_DEPARTEMENTS, ["23"], 0)
    assert kept.tolist() == [True] * 3 + [False] * 6 and not in_belt.any()
    kept, in_belt = border_belt(ROW, ROW_DEPARTEMENTS, ["23", "19"], 0)
    assert kept.tolist() == [True] * 3 + [False] * 3 + [True] * 3 and not in_belt.any()


def test_a_belt_around_two_departements_measures_from_both():
    kept, in_belt = border_belt(ROW, ROW_DEPARTEMENTS, ["87", "19"], 4_000)
    # 23's squares are within 4 km of 87 (first, touching; second, 4 km) or of 19 (third, touching)
    assert in_belt.tolist() == [True] * 3 + [False] * 6 and kept.all()


def test_units_without_geometry_are_kept_by_their_departement_only():
    row = ROW.copy()
    row[0], row[3] = None, shapely.Polygon()
    kept, in_belt = border_belt(row, ROW_DEPARTEMENTS, ["23"], 5_000)
    # 23 now starts at 4 km: 87's second square (east edge at -4 km) is 8 km away
    assert kept.tolist() == [True, True, True, False, False, False, True, True, False]
    assert in_belt.tolist() == [False, False, False, False, False, False, True, True, False]


def test_a_negative_belt_is_refused():
    with pytest.raises(ValueError, match="0 km or more, not -2 km"):
        border_belt(ROW, ROW_DEPARTEMENTS, ["23"], -2_000)


def test_departements_that_touch_are_within_0_km():
    assert departements_within(["23"], 0) == ["03", "18", "19", "36", "63", "87"]  # Creuse
    assert departements_within(["53"], 0) == ["35", "49", "50", "61", "72"]  # Mayenne: 44 is 3.4 km away
    assert departements_within(["13"], 0) == ["04", "30", "83", "84"]  # 04 touches, 0.5 km apart on the contours
    assert departements_within(["2A"], 0) == ["2B"]


def test_a_wider_belt_adds_the_departements_within_it():
    assert departements_within(["53"], 5) == ["35", "44", "49", "50", "61", "72"]  # 44: 3.4 km
    assert departements_within(["23"], 20) == ["03", "18", "19", "36", "63", "86", "87"]  # 86: 17.5 km
    assert departements_within(["23", "87"], 0) == ["03", "16", "18", "19", "24", "36", "63", "86"]
    assert "87" not in departements_within(["23", "87"], 50)  # the given ones are never neighbours


def test_the_neighbours_grow_with_the_distance():
    for codes in (["23"], ["53"], ["2B"], ["75"], ["29", "56"]):
        previous = set()
        for km in range(0, 201, 10):
            near = set(departements_within(codes, km))
            assert previous <= near and not near & set(codes)
            previous = near
    assert departements_within(["75"], 200) != departements_within(["75"], 0)
    assert departements_within(["2B"], 200) == ["06", "2A", "83"]  # across the sea: 164 km and 175 km


def test_the_table_is_symmetric_and_overseas_territories_have_no_neighbours():
    table, header = proximity_table()
    assert header["max_km"] == 200 and "Licence Ouverte" in header["licence"] and "france-geojson" in header["source"]
    assert len([code for code in table if not code.startswith("97")]) == 96
    assert all(table[other][code] == km for code, near in table.items() for other, km in near.items())
    for code in ("971", "972", "973", "974", "975", "976", "977", "978"):
        assert departements_within([code], 200) == []


def test_unknown_departements_and_distances_out_of_the_table_are_refused():
    with pytest.raises(ValueError, match="99"):
        departements_within(["23", "99"], 10)
    with pytest.raises(ValueError, match="250"):
        departements_within(["23"], 250)
    with pytest.raises(ValueError, match="-1"):
        departements_within(["23"], -1)
