"""Supply that stops at the demand's edge: the sides short of a belt, and the demand units near them."""

import numpy as np

from medical_deserts_plugin.core.borders import short_sides


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
