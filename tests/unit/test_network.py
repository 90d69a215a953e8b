"""Road-network engine on small networks whose travel times are worked out by hand (minutes)."""

import numpy as np
import pytest
import shapely

from medical_deserts_plugin.core.network import (
    BACKWARD,
    FORWARD,
    Cancelled,
    NetworkTravel,
    StraightLineTravel,
    build_network,
    merge_coincident_vertices,
)


def network_from_lines(lines, speeds, directions=None, tolerance_m=0.5):
    coords, part = shapely.get_coordinates([shapely.LineString(line) for line in lines], return_index=True)
    return build_network(coords, part, speeds, directions, tolerance_m)


def grid_network():
    """3 x 3 grid, 1 km cells: horizontal streets at 60 km/h (1 min/km), vertical at 30 km/h (2 min/km)."""
    lines, speeds = [], []
    for y in (0, 1000, 2000):
        lines.append([(0, y), (1000, y), (2000, y)])
        speeds.append(60)
    for x in (0, 1000, 2000):
        lines.append([(x, 0), (x, 1000), (x, 2000)])
        speeds.append(30)
    return network_from_lines(lines, speeds)


def test_grid_times_are_exact():
    travel = NetworkTravel(grid_network(), access_speed_kmh=20)
    origins = [(0, 0)]
    destinations = [(2000, 2000), (2000, 0), (0, 2000), (1000, 1000), (500, 0)]
    table = travel.table(origins, destinations, cutoff_minutes=60).sorted()
    got = dict(zip(table.destination, table.minutes))
    assert got == pytest.approx({0: 6.0, 1: 2.0, 2: 4.0, 3: 3.0, 4: 0.5})


def test_cutoff_drops_pairs_beyond_it_and_keeps_the_boundary():
    travel = NetworkTravel(grid_network())
    table = travel.table([(0, 0)], [(2000, 2000), (2000, 0), (1000, 1000)], cutoff_minutes=3.0)
    assert sorted(zip(table.destination, table.minutes)) == [(1, pytest.approx(2.0)), (2, pytest.approx(3.0))]


def test_one_way_loop_forces_the_long_way_round():
    # Square 1 km sides, one-way anticlockwise A(0,0) -> B(1000,0) -> C(1000,1000) -> D(0,1000) -> A, 60 km/h.
    square = [[(0, 0), (1000, 0)], [(1000, 0), (1000, 1000)], [(1000, 1000), (0, 1000)], [(0, 1000), (0, 0)]]
    net = network_from_lines(square, [60] * 4, [FORWARD] * 4)
    travel = NetworkTravel(net)
    corners = [(0, 0), (1000, 0), (1000, 1000), (0, 1000)]
    table = travel.table([corners[0], corners[1]], corners, cutoff_minutes=10)
    got = {(o, d): m for o, d, m in zip(table.origin, table.destination, table.minutes)}
    assert got[(0, 1)] == pytest.approx(1.0)
    assert got[(0, 3)] == pytest.approx(3.0)
    assert got[(1, 0)] == pytest.approx(3.0)
    assert got[(0, 0)] == 0.0


def test_backward_lines_run_against_digitising_order():
    net = network_from_lines([[(0, 0), (1000, 0)]], [60], [BACKWARD])
    table = NetworkTravel(net).table([(0, 0), (1000, 0)], [(0, 0), (1000, 0)], cutoff_minutes=10)
    pairs = {(o, d): m for o, d, m in zip(table.origin, table.destination, table.minutes)}
    assert (0, 1) not in pairs
    assert pairs[(1, 0)] == pytest.approx(1.0)


def test_two_disconnected_parts_have_no_entry_between_them():
    net = network_from_lines([[(0, 0), (1000, 0)], [(5000, 0), (6000, 0)]], [60, 60])
    assert net.component_count() == 2
    travel = NetworkTravel(net, max_snap_m=100)
    table = travel.table([(0, 0)], [(1000, 0), (6000, 0)], cutoff_minutes=1000)
    assert list(table.destination) == [0]
    minutes, facility = travel.nearest([(0, 0), (5000, 0)], [(6000, 0)], cutoff_minutes=1000)
    assert np.isnan(minutes[0]) and facility[0] == -1
    assert minutes[1] == pytest.approx(1.0) and facility[1] == 0


def test_point_off_the_network_pays_an_access_leg():
    # A road along y = 0 at 60 km/h; a point 500 m north of x = 300, access at 20 km/h = 1.5 min.
    net = network_from_lines([[(0, 0), (2000, 0)]], [60])
    travel = NetworkTravel(net, access_speed_kmh=20)
    table = travel.table([(300, 500)], [(2000, 0)], cutoff_minutes=30)
    assert table.minutes[0] == pytest.approx(1.5 + 1.7)
    assert travel.last_snap.distance_m[0] == pytest.approx(500)


def test_point_beyond_the_snap_distance_is_unreachable():
    net = network_from_lines([[(0, 0), (2000, 0)]], [60])
    travel = NetworkTravel(net, max_snap_m=400)
    table = travel.table([(300, 500), (300, 100)], [(2000, 0)], cutoff_minutes=30)
    assert list(table.origin) == [1]
    assert not travel.last_snap.snapped[0]


def test_two_places_on_one_segment_travel_along_it():
    net = network_from_lines([[(0, 0), (10000, 0)]], [60])
    table = NetworkTravel(net).table([(2000, 0)], [(2500, 0), (9000, 0)], cutoff_minutes=30)
    assert sorted(table.minutes) == pytest.approx([0.5, 7.0])


def test_places_on_a_one_way_segment_respect_its_direction():
    net = network_from_lines([[(0, 0), (10000, 0)]], [60], [FORWARD])
    table = NetworkTravel(net).table([(6000, 0)], [(2000, 0), (9000, 0)], cutoff_minutes=30)
    assert list(table.destination) == [1]
    assert table.minutes[0] == pytest.approx(3.0)


def test_identical_places_are_zero_minutes_apart():
    net = network_from_lines([[(0, 0), (1000, 0)]], [60])
    table = NetworkTravel(net).table([(400, 300)], [(400, 300)], cutoff_minutes=5)
    assert len(table) == 1 and table.minutes[0] == 0.0


def test_duplicate_edges_keep_the_fastest():
    net = network_from_lines([[(0, 0), (1000, 0)], [(0, 0), (1000, 0)], [(1000, 0), (0, 0)]], [30, 60, 20])
    assert net.graph.nnz == 2
    assert net.graph[0, 1] == pytest.approx(1.0) and net.graph[1, 0] == pytest.approx(1.0)


def test_vertices_within_tolerance_merge():
    lines = [[(0, 0), (1000, 0)], [(1000.3, 0), (2000, 0)]]
    assert network_from_lines(lines, [60, 60], tolerance_m=0.5).component_count() == 1
    assert network_from_lines(lines, [60, 60], tolerance_m=0.1).component_count() == 2
    node_of_vertex, _ = merge_coincident_vertices(np.array([[0, 0], [0, 0.4], [0, 0.8], [5, 5]]), 0.5)
    assert len(set(node_of_vertex[:3])) == 1 and node_of_vertex[3] != node_of_vertex[0]


def test_zero_or_negative_speed_is_refused():
    with pytest.raises(ValueError, match="positive number of km/h"):
        network_from_lines([[(0, 0), (1000, 0)], [(0, 0), (0, 10)]], [60, 0])
    with pytest.raises(ValueError, match="1 road line"):
        network_from_lines([[(0, 0), (1000, 0)]], [-5])


def test_cutoff_must_be_positive():
    travel = NetworkTravel(grid_network())
    for cutoff in (0, -1):
        with pytest.raises(ValueError, match="cutoff"):
            travel.table([(0, 0)], [(1, 1)], cutoff)
        with pytest.raises(ValueError, match="cutoff"):
            travel.nearest([(0, 0)], [(1, 1)], cutoff)


def test_k_nearest_keeps_each_origins_nearest_destinations():
    travel = NetworkTravel(grid_network())
    destinations = [(2000, 2000), (2000, 0), (0, 2000), (1000, 1000)]
    table = travel.table([(0, 0), (2000, 2000)], destinations, cutoff_minutes=60, k=2).sorted()
    assert list(zip(table.origin, table.destination)) == [(0, 1), (0, 3), (1, 0), (1, 2)]
    assert list(table.minutes) == pytest.approx([2.0, 3.0, 0.0, 2.0])


def test_small_memory_budget_gives_the_same_table():
    rng = np.random.default_rng(1)
    points = rng.uniform(0, 2000, size=(40, 2))
    big = NetworkTravel(grid_network()).table(points, points[:7], 20).sorted()
    small = NetworkTravel(grid_network(), memory_mb=1e-4).table(points, points[:7], 20).sorted()
    np.testing.assert_array_equal(big.origin, small.origin)
    np.testing.assert_allclose(big.minutes, small.minutes)


def test_table_is_the_same_from_either_side():
    rng = np.random.default_rng(2)
    points = rng.uniform(0, 2000, size=(30, 2))
    travel = NetworkTravel(grid_network())
    few_destinations = travel.table(points, points[:5], 20).sorted()  # runs from the destinations
    as_k = travel.table(points, points[:5], 20, k=5).sorted()  # runs from the origins
    np.testing.assert_array_equal(few_destinations.destination, as_k.destination)
    np.testing.assert_allclose(few_destinations.minutes, as_k.minutes)


def test_nearest_matches_the_full_table():
    rng = np.random.default_rng(3)
    origins = rng.uniform(-200, 2200, size=(50, 2))
    facilities = rng.uniform(0, 2000, size=(6, 2))
    travel = NetworkTravel(grid_network(), access_speed_kmh=15)
    minutes, facility = travel.nearest(origins, facilities, cutoff_minutes=8)
    expected_minutes, expected_facility = travel.table(origins, facilities, 8).nearest()
    np.testing.assert_allclose(minutes, expected_minutes)
    np.testing.assert_array_equal(facility, expected_facility)


def test_same_places_are_placed_once_and_give_the_same_times(monkeypatch):
    """nearest then table on the same places (what nearestfacility does) snaps them once; other places again."""
    from medical_deserts_plugin.core import network as network_module

    calls = []
    place = network_module.place_on_network
    monkeypatch.setattr(network_module, "place_on_network", lambda *args: calls.append(1) or place(*args))
    rng = np.random.default_rng(4)
    origins, facilities = rng.uniform(0, 2000, size=(20, 2)), rng.uniform(0, 2000, size=(4, 2))
    travel = NetworkTravel(grid_network(), access_speed_kmh=15)
    travel.nearest(origins, facilities, 30)
    reused = travel.table(origins, facilities, 30).sorted()
    assert len(calls) == 1
    fresh = NetworkTravel(grid_network(), access_speed_kmh=15).table(origins, facilities, 30).sorted()
    np.testing.assert_array_equal(reused.minutes, fresh.minutes)
    travel.table(origins[:5], facilities, 30)
    assert len(calls) == 3  # the fresh engine's, then these other places


def test_progress_callback_can_cancel():
    travel = NetworkTravel(grid_network())
    seen = []
    travel.table([(0, 0)], [(1, 1)], 10, progress=lambda f: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        travel.table([(0, 0)], [(1, 1)], 10, progress=lambda f: False)


def test_straight_line_times():
    travel = StraightLineTravel(speed_kmh=60, detour_factor=1.5)
    # 3-4-5 triangle: 5 km straight x 1.5 = 7.5 km at 1 km/min.
    table = travel.table([(0, 0)], [(3000, 4000), (30000, 0)], cutoff_minutes=10)
    assert list(table.destination) == [0] and table.minutes[0] == pytest.approx(7.5)
    minutes, facility = travel.nearest([(0, 0), (100000, 0)], [(3000, 4000)], cutoff_minutes=7.5)
    assert minutes[0] == pytest.approx(7.5) and facility[0] == 0
    assert np.isnan(minutes[1]) and facility[1] == -1


def test_segment_index_finds_the_exact_nearest_segment_like_brute_force():
    from medical_deserts_plugin.core.network import SegmentIndex

    rng = np.random.default_rng(7)
    start = rng.uniform(0, 10_000, size=(400, 2))
    length = np.where(rng.random(400) < 0.1, 5_000.0, 150.0)  # a few long segments among short ones
    angle = rng.uniform(0, 2 * np.pi, 400)
    end = start + length[:, None] * np.c_[np.cos(angle), np.sin(angle)]
    points = rng.uniform(-2_000, 12_000, size=(1_000, 2))
    segment, fraction, distance = SegmentIndex(start, end).nearest(points)
    delta = end - start
    along = np.clip(np.einsum("pk,sk->ps", points, delta) - (start * delta).sum(1), 0, None) / (delta ** 2).sum(1)
    along = np.clip(along, 0, 1)
    gap = np.hypot(*(points[:, None, :] - start - along[..., None] * delta).transpose(2, 0, 1))
    assert distance == pytest.approx(gap.min(axis=1), abs=1e-9)
    assert np.take_along_axis(gap, segment[:, None], 1).ravel() == pytest.approx(distance, abs=1e-9)
    assert fraction == pytest.approx(along[np.arange(1_000), segment], abs=1e-9)


def test_paths_follow_the_roads_and_their_one_way_streets():
    # One-way anticlockwise square A(0,0) -> B(1000,0) -> C(1000,1000) -> D(0,1000) -> A, 60 km/h: from B to A
    # the path goes round by C and D (3 min), from A to B straight (1 min).
    square = [[(0, 0), (500, 0), (1000, 0)], [(1000, 0), (1000, 1000)], [(1000, 1000), (0, 1000)], [(0, 1000), (0, 0)]]
    travel = NetworkTravel(network_from_lines(square, [60] * 4, [FORWARD] * 4), access_speed_kmh=6)
    origins, destinations = [(1000, 0), (0, 0), (0, 0)], [(0, 0), (1000, 0), (500, 100)]
    paths = travel.paths(origins, destinations, cutoff_minutes=10)
    assert paths[0].tolist() == [[1000, 0], [1000, 1000], [0, 1000], [0, 0]]
    assert paths[1].tolist() == [[0, 0], [500, 0], [1000, 0]]
    # To a place off the road: along the road to its snap point (500, 0), then the access leg.
    assert paths[2].tolist() == [[0, 0], [500, 0], [500, 100]]
    table = travel.table(origins, destinations, cutoff_minutes=10)
    minutes = {(o, d): m for o, d, m in zip(table.origin, table.destination, table.minutes)}
    assert minutes[(0, 0)] == pytest.approx(3.0) and minutes[(1, 1)] == pytest.approx(1.0)
    assert minutes[(2, 2)] == pytest.approx(0.5 + 0.1 / 6 * 60)


def test_paths_beyond_the_cutoff_or_off_the_network_are_none():
    net = network_from_lines([[(0, 0), (1000, 0)], [(5000, 0), (6000, 0)]], [60, 60])
    travel = NetworkTravel(net, max_snap_m=100)
    paths = travel.paths([(0, 0), (0, 0), (0, 0), (0, 5000)], [(1000, 0), (5000, 0), (1000, 0), (0, 0)],
                         cutoff_minutes=2)
    assert paths[0].tolist() == [[0, 0], [1000, 0]]
    assert paths[1] is None and paths[3] is None  # another part of the network; an origin 5 km from any road
    assert travel.paths([(0, 0)], [(1000, 0)], cutoff_minutes=0.5) == [None]
    with pytest.raises(ValueError, match="one destination per origin"):
        travel.paths([(0, 0)], [(1000, 0), (0, 0)], cutoff_minutes=2)


def test_straight_line_paths_are_segments_within_the_cutoff():
    # 60 km/h x 1.5: 1 km takes 1.5 min, 3 km 4.5 min.
    travel = StraightLineTravel(speed_kmh=60, detour_factor=1.5)
    paths = travel.paths([(0, 0), (0, 0)], [(1000, 0), (3000, 0)], cutoff_minutes=2)
    assert paths[0].tolist() == [[0, 0], [1000, 0]] and paths[1] is None
