"""Places lying exactly on a road node where one-way lines meet: travel times worked out by hand (minutes), and a
property test against a plain Dijkstra on the bare road graph."""

import numpy as np
import pytest
import shapely
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from medical_deserts_plugin.core.network import BACKWARD, BOTH_WAYS, FORWARD, NetworkTravel, build_network

# Every line below runs at 60 km/h: 1 minute per km. J is the junction, each arm 1 km long.
J, WEST, EAST, NORTH, SOUTH = (1000, 0), (0, 0), (2000, 0), (1000, 1000), (1000, -1000)


def network(lines, directions, speeds=None):
    coords, part = shapely.get_coordinates([shapely.LineString(line) for line in lines], return_index=True)
    return build_network(coords, part, speeds or [60] * len(lines), directions)


def times_between(net, places):
    """{(from, to): minutes} between every pair of ``places`` (indices), from the table and from nearest."""
    travel = NetworkTravel(net, access_speed_kmh=20)
    table = travel.table(places, places, cutoff_minutes=60)
    got = {(o, d): m for o, d, m in zip(table.origin, table.destination, table.minutes) if o != d}
    for facility in range(len(places)):
        others = [place for index, place in enumerate(places) if index != facility]
        minutes, _ = travel.nearest(others, [places[facility]], cutoff_minutes=60)
        from_places = [index for index in range(len(places)) if index != facility]
        nearest = {(o, facility): m for o, m in zip(from_places, minutes) if not np.isnan(m)}
        assert nearest == pytest.approx({key: value for key, value in got.items() if key[1] == facility})
    return got


@pytest.mark.parametrize("one_way_first", [True, False], ids=["one-way line first", "one-way line last"])
def test_place_where_a_one_way_line_ends(one_way_first):
    """WEST -> J one-way, J - EAST both ways (the issue's reproduction): the place on J is reached and left along
    the two-way line, and reached from WEST; nothing goes back to WEST."""
    lines, directions = [[WEST, J], [J, EAST]], [FORWARD, BOTH_WAYS]
    if not one_way_first:
        lines, directions = lines[::-1], directions[::-1]
    got = times_between(network(lines, directions), [J, WEST, EAST])
    assert got == pytest.approx({(2, 0): 1.0, (0, 2): 1.0, (1, 0): 1.0, (1, 2): 2.0})


@pytest.mark.parametrize("one_way_first", [True, False], ids=["one-way line first", "one-way line last"])
def test_place_where_a_one_way_line_starts(one_way_first):
    """J -> EAST one-way, WEST - J both ways: the place on J leaves either way, is reached only from WEST."""
    lines, directions = [[J, EAST], [WEST, J]], [FORWARD, BOTH_WAYS]
    if not one_way_first:
        lines, directions = lines[::-1], directions[::-1]
    got = times_between(network(lines, directions), [J, WEST, EAST])
    assert got == pytest.approx({(0, 1): 1.0, (0, 2): 1.0, (1, 0): 1.0, (1, 2): 2.0})


def test_place_where_a_one_way_line_passes():
    """One line WEST -> J -> EAST one-way (J is an inner vertex of it), and a two-way side road J - NORTH."""
    net = network([[WEST, J, EAST], [J, NORTH]], [FORWARD, BOTH_WAYS])
    got = times_between(net, [J, WEST, EAST, NORTH])
    assert got == pytest.approx({
        (0, 2): 1.0, (0, 3): 1.0,            # from J: on along the one-way line, or up the side road
        (1, 0): 1.0, (1, 2): 2.0, (1, 3): 2.0,
        (3, 0): 1.0, (3, 2): 2.0,            # from NORTH: down to J, then on to EAST; never back to WEST
    })


def test_place_where_a_backward_line_meets_a_two_way_line():
    """Drawn J -> WEST but one-way against its drawing (traffic WEST -> J), then J - EAST both ways."""
    got = times_between(network([[J, WEST], [J, EAST]], [BACKWARD, BOTH_WAYS]), [J, WEST, EAST])
    assert got == pytest.approx({(2, 0): 1.0, (0, 2): 1.0, (1, 0): 1.0, (1, 2): 2.0})


def test_place_where_several_one_way_lines_meet():
    """Four one-way arms: WEST -> J and NORTH -> J come in, J -> EAST and J -> SOUTH go out (SOUTH drawn towards
    J, one-way against its drawing). Only the ends of the incoming arms reach J; only those of the outgoing
    arms are reached from it."""
    net = network([[WEST, J], [NORTH, J], [J, EAST], [SOUTH, J]], [FORWARD, FORWARD, FORWARD, BACKWARD])
    got = times_between(net, [J, WEST, NORTH, EAST, SOUTH])
    into, out_of = (1, 2), (3, 4)
    expected = {(arm, 0): 1.0 for arm in into} | {(0, arm): 1.0 for arm in out_of}
    expected |= {(a, b): 2.0 for a in into for b in out_of}
    assert got == pytest.approx(expected)


def test_places_snapped_to_one_point_of_a_one_way_segment_are_an_access_leg_apart_both_ways():
    """Two places 10 m either side of a one-way segment, level with each other: each has a 10 m access leg at
    20 km/h (0.03 min), and the zero-length piece between their snap points costs nothing either way."""
    net = network([[WEST, J], [J, NORTH], [NORTH, WEST]], [FORWARD] * 3)  # a one-way triangle
    got = times_between(net, [(500, 10), (500, -10)])
    assert got == pytest.approx({(0, 1): 0.06, (1, 0): 0.06})


def test_the_issue_reproduction_gives_one_minute():
    """Facility on the junction (601000, 6600000), origin at the far end of the two-way line: 1.0 min."""
    net = network([[(600000, 6600000), (601000, 6600000)], [(601000, 6600000), (602000, 6600000)]],
                  [FORWARD, BOTH_WAYS])
    travel = NetworkTravel(net)
    table = travel.table([(602000, 6600000)], [(601000, 6600000)], cutoff_minutes=60)
    assert list(table.minutes) == pytest.approx([1.0])
    minutes, facility = travel.nearest([(602000, 6600000)], [(601000, 6600000)], cutoff_minutes=60)
    assert (minutes.tolist(), facility.tolist()) == (pytest.approx([1.0]), [0])


def random_directed_grid(rng, rows, columns):
    """Lines of a jittered grid (about 100 m cells) with random speeds and one-way streets, and the bare directed
    graph the lines mean: (lines, speeds, directions, node xy, graph of minutes).

    Each row is one long line (its inner vertices are junctions it passes through); each vertical link is its own
    line. A few links are missing, so some places cannot reach others."""
    xy = np.stack(np.meshgrid(np.arange(columns) * 100.0, np.arange(rows) * 100.0), axis=-1).reshape(-1, 2)
    xy += rng.uniform(-20, 20, xy.shape)
    node = np.arange(rows * columns).reshape(rows, columns)
    paths = [list(row) for row in node]
    paths += [[a, b] for a, b in zip(node[:-1].ravel(), node[1:].ravel()) if rng.random() > 0.1]
    speeds = rng.choice([20.0, 30.0, 50.0, 90.0], len(paths))
    directions = rng.choice([BOTH_WAYS, FORWARD, BACKWARD], len(paths), p=[0.5, 0.25, 0.25])
    edge_from, edge_to, minutes = [], [], []
    for path, speed, direction in zip(paths, speeds, directions):
        a, b = np.array(path[:-1]), np.array(path[1:])
        link_minutes = np.hypot(*(xy[b] - xy[a]).T) / (speed * 1000 / 60)
        for start, end, allowed in ((a, b, direction != BACKWARD), (b, a, direction != FORWARD)):
            if allowed:
                edge_from.append(start), edge_to.append(end), minutes.append(link_minutes)
    edge_from, edge_to, minutes = (np.concatenate(values) for values in (edge_from, edge_to, minutes))
    graph = sparse.csr_matrix((minutes, (edge_from, edge_to)), shape=(len(xy), len(xy)))
    return [xy[path] for path in paths], speeds, directions, xy, graph


@pytest.mark.parametrize("seed", range(12))
def test_places_on_vertices_of_random_one_way_grids_match_a_plain_dijkstra(seed):
    rng = np.random.default_rng(seed)
    lines, speeds, directions, xy, graph = random_directed_grid(rng, rows=int(rng.integers(3, 9)),
                                                                columns=int(rng.integers(3, 9)))
    coords, part = shapely.get_coordinates([shapely.LineString(line) for line in lines], return_index=True)
    travel = NetworkTravel(build_network(coords, part, speeds, directions), access_speed_kmh=20)
    origin_node = rng.integers(0, len(xy), int(rng.integers(1, 30)))
    facility_node = rng.integers(0, len(xy), int(rng.integers(1, 30)))  # repeats and shared nodes on purpose
    reference = dijkstra(graph, directed=True)  # minutes between every pair of road nodes

    for sources, targets in ((origin_node, facility_node), (facility_node, origin_node)):
        expected = reference[np.ix_(sources, targets)]
        table = travel.table(xy[sources], xy[targets], cutoff_minutes=1e6)
        got = np.full(expected.shape, np.inf)
        got[table.origin, table.destination] = table.minutes
        assert np.isfinite(got).sum() == np.isfinite(expected).sum()
        np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)

    minutes, facility = travel.nearest(xy[origin_node], xy[facility_node], cutoff_minutes=1e6)
    best = reference[np.ix_(origin_node, facility_node)].min(axis=1)
    reached = np.isfinite(best)
    np.testing.assert_allclose(minutes[reached], best[reached], rtol=0, atol=1e-9)
    assert np.isnan(minutes[~reached]).all() and (facility[~reached] == -1).all()
    chosen = reference[origin_node[reached], facility_node[facility[reached]]]
    np.testing.assert_allclose(chosen, best[reached], rtol=0, atol=1e-9)
