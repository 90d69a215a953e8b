"""Chain contraction (core.network.contract_chains): the shape vertices inside road lines leave the graph the
searches run on, with the same shortest times between the nodes kept (to rounding), one-way streets included."""

import numpy as np
import shapely
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from medical_deserts_plugin.core.network import BACKWARD, FORWARD, NetworkTravel, build_network, contract_chains


def graph_of(edges, n):
    row, col, minutes = np.array(edges, dtype=float).T
    return sparse.csr_matrix((minutes, (row.astype(int), col.astype(int))), shape=(n, n))


def test_a_run_of_shape_vertices_becomes_one_edge_per_allowed_direction():
    # 0 - 1 - 2 - 3 (1, 2 shape vertices; 2 -> 3 one-way), 3 - 4 dead end, ring 5 - 6 - 7 - 5 of chain nodes alone,
    # loop 3 - 8 - 9 - 3 back to its start.
    edges = [(0, 1, 1.0), (1, 0, 1.5), (1, 2, 2.0), (2, 1, 2.5), (2, 3, 3.0), (3, 4, 4.0), (4, 3, 4.0),
             (5, 6, 1.0), (6, 5, 1.0), (6, 7, 1.0), (7, 6, 1.0), (7, 5, 1.0), (5, 7, 1.0),
             (3, 8, 1.0), (8, 3, 1.0), (8, 9, 1.0), (9, 8, 1.0), (9, 3, 1.0), (3, 9, 1.0)]
    graph, kept = contract_chains(graph_of(edges, 10), np.zeros(10, dtype=bool))
    np.testing.assert_array_equal(kept, [0, 3, 4])  # 1, 2, 8, 9 and the ring's nodes were chain nodes
    dense = graph.toarray()
    assert dense[0, 1] == 1.0 + 2.0 + 3.0  # 0 -> 3 along the run
    assert dense[1, 0] == 0.0  # 3 -> 0 forbidden by the one-way 2 -> 3 (no edge stored)
    assert dense[1, 2] == dense[2, 1] == 4.0
    assert graph.nnz == 3  # the loop back to 3 and the lone ring give no edge


def test_kept_nodes_stay_even_inside_a_run():
    edges = [(0, 1, 1.0), (1, 0, 1.0), (1, 2, 2.0), (2, 1, 2.0)]
    graph, kept = contract_chains(graph_of(edges, 3), np.array([False, True, False]))
    np.testing.assert_array_equal(kept, [0, 1, 2])
    np.testing.assert_array_equal(graph.toarray(), graph_of(edges, 3).toarray())


def test_table_times_equal_a_search_on_the_whole_graph_of_every_vertex():
    """A street grid drawn with a vertex every 55 m (shape vertices nine times the junctions), one-way lines and
    mixed speeds: the engine's table (on the contracted graph) equals Dijkstra on every vertex to 1e-9 minutes."""
    rng = np.random.default_rng(3)
    side, spacing = 40, 500.0
    xs = np.arange(side) * spacing
    lines = [shapely.LineString(np.column_stack([xs, np.full(side, c)])) for c in xs] + \
            [shapely.LineString(np.column_stack([np.full(side, c), xs])) for c in xs]
    lines = shapely.segmentize(np.array(lines), 55.0)
    coords, part = shapely.get_coordinates(lines, return_index=True)
    roads = build_network(coords, part, rng.choice([20.0, 50.0, 110.0], len(lines)),
                          rng.choice([0, 0, FORWARD, BACKWARD], len(lines)))
    origins, destinations = rng.uniform(-200, xs[-1] + 200, (600, 2)), rng.uniform(-200, xs[-1] + 200, (90, 2))
    travel = NetworkTravel(roads)
    placed, origin_node, destination_node = travel._place(origins, destinations)
    assert placed.contracted().n_nodes < placed.n_nodes / 5
    table = travel.table(origins, destinations, 12.0)  # from the 90 destinations, on the reversed graph
    expected = dijkstra(placed.reversed_graph, indices=destination_node, limit=12.0)[:, origin_node].T
    found = np.full(expected.shape, np.inf)
    found[table.origin, table.destination] = table.minutes
    assert table.minutes.size > 10_000
    np.testing.assert_array_equal(np.isfinite(found), np.isfinite(expected))
    np.testing.assert_allclose(found[np.isfinite(found)], expected[np.isfinite(expected)], rtol=0, atol=1e-9)


def test_nearest_after_a_table_searches_the_contracted_graph_with_the_same_minutes():
    rng = np.random.default_rng(4)
    xs = np.arange(30) * 400.0
    lines = shapely.segmentize(np.array(
        [shapely.LineString(np.column_stack([xs, np.full(30, c)])) for c in xs]
        + [shapely.LineString(np.column_stack([np.full(30, c), xs])) for c in xs]), 50.0)
    coords, part = shapely.get_coordinates(lines, return_index=True)
    roads = build_network(coords, part, rng.choice([30.0, 90.0], len(lines)), rng.choice([0, FORWARD], len(lines)))
    origins, facilities = rng.uniform(0, xs[-1], (300, 2)), rng.uniform(0, xs[-1], (12, 2))
    fresh = NetworkTravel(roads).nearest(origins, facilities, 30.0)  # on the placed graph
    travel = NetworkTravel(roads)
    travel.table(origins, facilities, 5.0)  # builds the contracted graph for these places
    placed, _, _ = travel._place(origins, facilities)
    assert placed.contracted(build=False) is not None
    minutes, facility = travel.nearest(origins, facilities, 30.0)
    np.testing.assert_allclose(minutes, fresh[0], rtol=0, atol=1e-9)
    np.testing.assert_array_equal(facility, fresh[1])
    assert np.isfinite(minutes).sum() > 250
