"""Searches confined to the sub-network within reach (core.network: tiles of sources, the nodes within fastest
speed x cutoff, then the nodes the tile's sources reach): the same pairs and times as a search on the whole graph,
to the last bit, on grids with one-way streets and fast roads, from either side, with k nearest, with cancel."""

import numpy as np
import pytest
import shapely

from medical_deserts_plugin.core import network
from medical_deserts_plugin.core.network import BACKWARD, FORWARD, Cancelled, NetworkTravel, build_network


def city_grid(side=120, spacing=500.0, seed=0):
    """A ``side`` x ``side`` street grid (60 km at 500 m): mixed speeds, a fast road every 10 lines, one-way
    streets, so that the fastest speed bounds the reach far beyond most searches."""
    rng = np.random.default_rng(seed)
    xs = np.arange(side) * spacing
    lines = [[(0, y), (xs[-1], y)] for y in xs] + [[(x, 0), (x, xs[-1])] for x in xs]
    segments = [shapely.LineString(np.column_stack([xs, np.full(side, c)]) if i < side else
                                   np.column_stack([np.full(side, c), xs]))
                for i, c in enumerate(np.r_[xs, xs])]
    speeds = rng.choice([20.0, 30.0, 50.0], len(lines))
    speeds[::10] = 110.0
    directions = rng.choice([0, 0, 0, FORWARD, BACKWARD], len(lines))
    coords, part = shapely.get_coordinates(segments, return_index=True)
    return build_network(coords, part, speeds, directions), xs[-1]


def places(extent, count, seed):
    return np.random.default_rng(seed).uniform(-300, extent + 300, (count, 2))


def whole_graph_table(monkeypatch, roads, origins, destinations, cutoff, **options):
    with monkeypatch.context() as patch:
        patch.setattr(network, "LOCAL_SEARCH_SHARE", 0.0)  # never confined: today's whole-graph search
        return NetworkTravel(roads, **options).table(origins, destinations, cutoff).sorted()


def assert_same(table, expected):
    np.testing.assert_array_equal(table.origin, expected.origin)
    np.testing.assert_array_equal(table.destination, expected.destination)
    np.testing.assert_array_equal(table.minutes, expected.minutes)  # bit for bit, not approximately


def test_confined_searches_give_the_whole_graph_times_bit_for_bit(monkeypatch):
    roads, extent = city_grid()
    origins, destinations = places(extent, 1500, 1), places(extent, 400, 2)
    travel = NetworkTravel(roads)
    placed, _, destination_node = travel._place(origins, destinations)
    sources = np.unique(destination_node[destination_node >= 0])
    searches = travel._searches(placed, sources, np.arange(10), 5.0)
    assert len(searches) > 4 and all(nodes is not None and len(nodes) < placed.n_nodes / 2
                                     for nodes, _, _ in searches)  # the case is confined indeed
    table = travel.table(origins, destinations, 5.0).sorted()  # from the 400 destinations, reversed graph
    assert table.minutes.size > 1000
    assert_same(table, whole_graph_table(monkeypatch, roads, origins, destinations, 5.0))
    forward = travel.table(destinations, origins, 5.0).sorted()  # from the 400 origins, forward graph
    assert_same(forward, whole_graph_table(monkeypatch, roads, destinations, origins, 5.0))


def test_k_nearest_and_a_small_memory_budget_are_the_same_confined(monkeypatch):
    roads, extent = city_grid(seed=3)
    origins, destinations = places(extent, 150, 4), places(extent, 200, 5)
    confined = NetworkTravel(roads, memory_mb=0.05).table(origins, destinations, 6.0, k=3).sorted()
    with monkeypatch.context() as patch:
        patch.setattr(network, "LOCAL_SEARCH_SHARE", 0.0)
        whole = NetworkTravel(roads).table(origins, destinations, 6.0, k=3).sorted()
    assert_same(confined, whole)
    assert np.bincount(confined.origin).max() == 3


def test_the_reach_is_bounded_by_the_fastest_edge():
    roads, extent = city_grid()
    placed = NetworkTravel(roads, access_speed_kmh=20)._place(places(extent, 5, 6), places(extent, 5, 7))[0]
    assert placed.metres_per_minute() == pytest.approx(110 * 1000 / 60)  # the fast roads, not the access legs


def test_a_large_cutoff_searches_the_whole_graph():
    roads, extent = city_grid(side=20)
    travel = NetworkTravel(roads)
    placed, origin_node, _ = travel._place(places(extent, 10, 8), places(extent, 10, 9))
    assert [nodes for nodes, _, _ in travel._searches(placed, np.unique(origin_node), origin_node, 60.0)] == [None]


def test_cancel_stops_the_confined_searches():
    roads, extent = city_grid()
    calls = []

    def cancel_after_two(fraction):
        calls.append(fraction)
        return len(calls) < 3

    with pytest.raises(Cancelled):
        NetworkTravel(roads).table(places(extent, 200, 10), places(extent, 100, 11), 5.0,
                                              progress=cancel_after_two)
    assert len(calls) == 3
