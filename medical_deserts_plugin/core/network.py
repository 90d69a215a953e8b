"""Road-network engine: directed graph of travel times (minutes), snapping, sparse travel-time tables.

Coordinates are metres in a projected CRS. Every vertex of every line is a node; vertices closer than the topology
tolerance merge. A place (origin, destination, facility) joins the network at the nearest point of the nearest road
segment, through an access leg (straight line at the access speed). Shortest paths come from
``scipy.sparse.csgraph.dijkstra`` with a time limit, run in chunks of sources so memory stays bounded. Many-to-many
searches run on the graph without its chain nodes (the shape vertices inside road lines: ``contract_chains``) and
are confined to the sub-network their sources can reach (see ``NetworkTravel._searches``), so their cost follows the
junctions reached rather than the whole country's vertices.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from .travel_times import TravelTimeTable

BOTH_WAYS, FORWARD, BACKWARD = 0, 1, -1

METRES_PER_MINUTE_PER_KMH = 1000.0 / 60.0
#: Searches are confined to the sub-network within reach when that square covers less than this share of the
#: network's extent, else the whole graph is searched (the national bench: confining still pays 1.6x at 27 %).
LOCAL_SEARCH_SHARE = 0.5


class Cancelled(Exception):
    """The caller's progress callback asked to stop."""


def minutes_for(distance_m, speed_kmh):
    """Minutes to cover ``distance_m`` metres at ``speed_kmh`` km/h."""
    return np.asarray(distance_m, dtype=float) / (np.asarray(speed_kmh, dtype=float) * METRES_PER_MINUTE_PER_KMH)


@dataclass(frozen=True)
class RoadNetwork:
    """A directed road graph whose edge weights are minutes.

    ``segment_*`` keep each drawn segment once (node ``a`` to node ``b`` in digitising order) with its forward and
    backward minutes (``inf`` where one-way forbids it): places snap onto these. ``graph`` is the CSR matrix of
    directed edges, duplicates reduced to the fastest.
    """

    node_xy: np.ndarray
    segment_a: np.ndarray
    segment_b: np.ndarray
    segment_forward_minutes: np.ndarray
    segment_backward_minutes: np.ndarray
    graph: sparse.csr_matrix
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def node_count(self):
        return len(self.node_xy)

    @property
    def segment_count(self):
        return len(self.segment_a)

    def component_count(self):
        """Number of weakly connected parts of the network."""
        return connected_components(self.graph, directed=True, connection="weak")[0]

    def segment_index(self):
        """Spatial index of the segments (built on first use, then kept)."""
        if "segments" not in self._cache:
            self._cache["segments"] = SegmentIndex(self.node_xy[self.segment_a], self.node_xy[self.segment_b])
        return self._cache["segments"]

    def edges(self):
        """The graph's directed edges as (from, to, minutes) arrays (computed once, then kept)."""
        if "edges" not in self._cache:
            coo = self.graph.tocoo()
            self._cache["edges"] = (coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data)
        return self._cache["edges"]


class SegmentIndex:
    """Exact nearest-segment queries through a ``cKDTree`` of sample points along the segments.

    Samples sit at the middles of equal pieces no longer than ``step_m`` (the median segment length), so every
    point of a segment lies within ``step_m / 2`` of one of its samples. The nearest segment to a point is then
    among those having a sample within (distance to the nearest sample + ``step_m / 2``): those candidates are
    gathered with k-nearest queries, k growing until the bound is passed, and the exact projection decides.
    """

    def __init__(self, start_xy, end_xy):
        self.start_xy, self.end_xy = start_xy, end_xy
        length = np.hypot(*(end_xy - start_xy).T)
        self.step_m = float(np.clip(np.median(length), 1.0, 1000.0)) if len(length) else 1.0
        pieces = np.maximum(1, np.ceil(length / self.step_m).astype(np.int64))
        self.sample_segment = np.repeat(np.arange(len(length)), pieces)
        piece = np.arange(len(self.sample_segment)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        along = (piece + 0.5) / pieces[self.sample_segment]
        delta = end_xy - start_xy
        self.tree = cKDTree(start_xy[self.sample_segment] + along[:, None] * delta[self.sample_segment])

    def nearest(self, points_xy):
        """For each point: (nearest segment, position along it 0..1, distance in metres)."""
        n_samples = len(self.sample_segment)
        segment = np.zeros(len(points_xy), dtype=np.int64)
        fraction = np.zeros(len(points_xy))
        distance = np.full(len(points_xy), np.inf)
        pending, k = np.arange(len(points_xy)), 8
        while len(pending):
            k = min(k, n_samples)
            sample_distance, sample = self.tree.query(points_xy[pending], k=k)
            sample_distance, sample = sample_distance.reshape(len(pending), k), sample.reshape(len(pending), k)
            candidates = self.sample_segment[sample]
            best, best_fraction, best_distance = self._project(points_xy[pending], candidates)
            segment[pending], fraction[pending], distance[pending] = best, best_fraction, best_distance
            complete = (k == n_samples) | (sample_distance[:, -1] > sample_distance[:, 0] + self.step_m / 2)
            pending, k = pending[~complete], 4 * k
        return segment, fraction, distance

    def _project(self, points_xy, candidates):
        """Best of each row of candidate segments: (segment, fraction, distance); ties go to the lowest index."""
        start, delta = self.start_xy[candidates], self.end_xy[candidates] - self.start_xy[candidates]
        offset = points_xy[:, None, :] - start
        along = np.clip(np.einsum("ijk,ijk->ij", offset, delta) / np.einsum("ijk,ijk->ij", delta, delta), 0, 1)
        gap = np.hypot(*np.moveaxis(offset - along[..., None] * delta, -1, 0))
        nearest = gap == gap.min(axis=1, keepdims=True)
        pick = np.argmin(np.where(nearest, candidates, np.iinfo(np.int64).max), axis=1)
        rows = np.arange(len(points_xy))
        return candidates[rows, pick], along[rows, pick], gap[rows, pick]


def merge_coincident_vertices(coords, tolerance_m):
    """Node index of every vertex: vertices within ``tolerance_m`` metres of each other (transitively) share one."""
    if len(coords) == 0:
        return np.empty(0, dtype=np.int64), np.empty((0, 2))
    if tolerance_m > 0:
        pairs = cKDTree(coords).query_pairs(tolerance_m, output_type="ndarray")
        links = sparse.coo_matrix(
            (np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(len(coords), len(coords))
        )
        _, cluster = connected_components(links, directed=False)
    else:
        _, cluster = np.unique(coords, axis=0, return_inverse=True)
        cluster = cluster.ravel()
    _, first_vertex, node_of_vertex = np.unique(cluster, return_index=True, return_inverse=True)
    return node_of_vertex.astype(np.int64), coords[first_vertex]


def build_network(coords, part_index, speed_kmh, direction=None, tolerance_m=0.5):
    """Build the road graph from line vertices.

    ``coords``: (n, 2) vertices in metres, parts one after another; ``part_index``: the line part of each vertex
    (as ``shapely.get_coordinates(..., return_index=True)`` gives); ``speed_kmh``: one speed per part (> 0);
    ``direction``: one of BOTH_WAYS, FORWARD, BACKWARD per part (default both ways).
    """
    coords = np.asarray(coords, dtype=float).reshape(-1, 2)
    part_index = np.asarray(part_index, dtype=np.int64)
    speed_kmh = np.asarray(speed_kmh, dtype=float)
    n_parts = len(speed_kmh)
    direction = np.zeros(n_parts, dtype=np.int8) if direction is None else np.asarray(direction, dtype=np.int8)
    if len(direction) != n_parts:
        raise ValueError("one direction per line is needed")
    bad_speed = ~(np.isfinite(speed_kmh) & (speed_kmh > 0))
    if bad_speed.any():
        raise ValueError(f"{int(bad_speed.sum())} road line(s) have a speed that is not a positive number of km/h")
    if not np.isin(direction, (BOTH_WAYS, FORWARD, BACKWARD)).all():
        raise ValueError("direction must be 0 (both ways), 1 (forward) or -1 (backward)")

    node_of_vertex, node_xy = merge_coincident_vertices(coords, tolerance_m)
    same_part = part_index[1:] == part_index[:-1]
    start = np.flatnonzero(same_part)
    a, b = node_of_vertex[start], node_of_vertex[start + 1]
    part = part_index[start]
    real = a != b
    a, b, part = a[real], b[real], part[real]
    length_m = np.hypot(*(node_xy[b] - node_xy[a]).T)
    minutes = minutes_for(length_m, speed_kmh[part])
    seg_direction = direction[part]
    forward = np.where(seg_direction != BACKWARD, minutes, np.inf)
    backward = np.where(seg_direction != FORWARD, minutes, np.inf)

    edge_from = np.concatenate([a, b])
    edge_to = np.concatenate([b, a])
    edge_minutes = np.concatenate([forward, backward])
    graph = directed_graph(edge_from, edge_to, edge_minutes, len(node_xy))
    return RoadNetwork(node_xy, a, b, forward, backward, graph)


def directed_graph(edge_from, edge_to, edge_minutes, n_nodes):
    """CSR graph of the finite edges; parallel edges keep the fastest."""
    keep = np.isfinite(edge_minutes)
    edge_from, edge_to, edge_minutes = edge_from[keep], edge_to[keep], edge_minutes[keep]
    order = np.lexsort((edge_minutes, edge_to, edge_from))
    edge_from, edge_to, edge_minutes = edge_from[order], edge_to[order], edge_minutes[order]
    first = np.r_[True, (np.diff(edge_from) != 0) | (np.diff(edge_to) != 0)]
    return sparse.csr_matrix(
        (edge_minutes[first], (edge_from[first], edge_to[first])), shape=(n_nodes, n_nodes)
    )


@dataclass(frozen=True)
class Snap:
    """Where places join the network: segment, position along it (0 at ``a`` .. 1 at ``b``), access distance."""

    segment: np.ndarray
    fraction: np.ndarray
    distance_m: np.ndarray

    @property
    def snapped(self):
        return self.segment >= 0


def snap_points(network, points_xy, max_distance_m=None):
    """Nearest point of the nearest segment for each point; segment -1 where none lies within ``max_distance_m``."""
    points_xy = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    n = len(points_xy)
    if n == 0 or network.segment_count == 0:
        return Snap(np.full(n, -1, dtype=np.int64), np.zeros(n), np.full(n, np.inf))
    segment, fraction, distance_m = network.segment_index().nearest(points_xy)
    if max_distance_m is not None and np.isfinite(max_distance_m):
        too_far = distance_m > max_distance_m
        segment[too_far], fraction[too_far], distance_m[too_far] = -1, 0.0, np.inf
    return Snap(segment, fraction, distance_m)


class _SearchedGraph:
    """What the confined searches need of a graph (``graph``, ``node_xy`` and a ``_cache`` dict): its fastest
    speed and a KD-tree of its nodes, each computed once."""

    def metres_per_minute(self):
        """The fastest any edge goes: straight distance between its ends over its minutes (inf when an edge of
        some length takes no time). No path covers more straight-line metres per minute."""
        if "speed" not in self._cache:
            self._cache["speed"] = fastest_metres_per_minute(self.graph, self.node_xy)
        return self._cache["speed"]

    def node_tree(self):
        """KD-tree of the graph's nodes (built on first use, then kept)."""
        if "tree" not in self._cache:
            self._cache["tree"] = cKDTree(self.node_xy)
        return self._cache["tree"]


class PlacedGraph(_SearchedGraph):
    """The road graph plus one node per distinct place, linked to the road by its access leg.

    The road's own edges are kept as they are: a place splits its segment a-b with a node s, and the new edges
    a-s-b add up to exactly the old a-b time, so the old edge needs no removal. The graph and its reverse are built
    on first use from the road edges plus the few new ones.
    """

    def __init__(self, network, node_xy, new_from, new_to, new_minutes, place_node, snap):
        self.network = network
        self.node_xy = node_xy  # metres: the road nodes, then the snap points, then the places
        self.n_nodes = len(node_xy)
        keep = np.isfinite(new_minutes)
        self.new_edges = (new_from[keep], new_to[keep], new_minutes[keep])
        self.place_node = place_node  # graph node of each place, -1 if it is off the network
        self.snap = snap
        self._graphs = {}
        self._cache = {}

    def contracted(self, build=True):
        """The graph without its chain nodes (:func:`contract_chains`; the snap and place nodes always stay), as
        a :class:`ContractedGraph` (built on first use, then kept); None if not built yet and not ``build``."""
        if "contracted" not in self._cache:
            if not build:
                return None
            keep = np.zeros(self.n_nodes, dtype=bool)
            keep[self.network.node_count:] = True
            graph, kept = contract_chains(self.graph, keep)
            self._cache["contracted"] = ContractedGraph(graph, kept, self.node_xy[kept], self.n_nodes)
        return self._cache["contracted"]

    def _build(self, reverse):
        if reverse not in self._graphs:
            road_from, road_to, road_minutes = self.network.edges()
            new_from, new_to, new_minutes = self.new_edges
            row, col = np.concatenate([road_from, new_from]), np.concatenate([road_to, new_to])
            if reverse:
                row, col = col, row
            self._graphs[reverse] = sparse.csr_matrix(
                (np.concatenate([road_minutes, new_minutes]), (row, col)), shape=(self.n_nodes, self.n_nodes))
        return self._graphs[reverse]

    @property
    def graph(self):
        """CSR matrix of directed edges (minutes)."""
        return self._build(False)

    @property
    def reversed_graph(self):
        """The same graph with every edge turned round: Dijkstra on it gives times *to* its sources."""
        return self._build(True)


def fastest_metres_per_minute(graph, node_xy):
    """Straight metres per minute of the fastest edge of ``graph`` (inf when an edge of some length takes no time;
    0 without edges): no path covers more straight-line metres per minute."""
    row, col, minutes = sparse.find(graph)
    metres = np.hypot(*(node_xy[row] - node_xy[col]).T)
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = np.where(metres > 0, metres / minutes, 0.0)
    return float(speed.max()) if len(speed) else 0.0


def contract_chains(graph, keep):
    """(contracted CSR graph, sorted ids of its nodes in ``graph``) without the *chain nodes* of ``graph``: nodes
    not in ``keep`` (a boolean mask) that have exactly two neighbours, edges of either direction counted, such as
    the shape vertices inside a road line. Each run of chain nodes between two other nodes becomes one edge per
    direction whose minutes are the sum of the run's (inf, so left out, where a one-way edge forbids it);
    parallel edges keep the fastest. Shortest times between the nodes kept are the same, summed in another
    order (to rounding, 1e-12 minutes). Vectorised: runs are followed by pointer doubling, log2(run) steps."""
    n = graph.shape[0]
    coo = graph.tocoo()
    row, col, minutes = coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data
    key = row * n + col
    order = np.argsort(key, kind="stable")
    key, minutes = key[order], minutes[order]
    both = np.concatenate([key, col[order] * n + row[order]])
    both = np.unique(both[both // n != both % n])  # neighbour pairs, both ways, no self-loops; sorted by (from, to)
    source, target = both // n, both % n
    degree = np.bincount(source, minlength=n)
    first = np.r_[0, np.cumsum(degree)[:-1]]  # position of each node's first neighbour pair
    chain = (degree == 2) & ~np.asarray(keep, dtype=bool)
    found = np.minimum(np.searchsorted(key, both), max(len(key) - 1, 0))
    total = np.where(key[found] == both, minutes[found], np.inf) if len(key) else np.full(len(both), np.inf)
    # The next pair of a pair u -> v entering a chain node v: v -> its other neighbour.
    entering = np.flatnonzero(chain[target])
    following = np.full(len(both), -1, dtype=np.int64)
    head = first[target[entering]]
    following[entering] = head + (target[head] == source[entering])
    end = target.copy()
    active = entering
    while len(active):  # pointer doubling; pairs in rings of chain nodes alone never end and are dropped
        step = following[active]
        total[active] = total[active] + total[step]
        end[active] = end[step]
        following[active] = following[step]
        still = active[following[active] >= 0]
        if len(still) == len(active):
            break
        active = still
    out = ~chain[source] & (following < 0) & (end != source)
    kept = np.flatnonzero(~chain)
    renumber = np.cumsum(~chain) - 1
    return directed_graph(renumber[source[out]], renumber[end[out]], total[out], len(kept)), kept


@dataclass(frozen=True)
class ContractedGraph(_SearchedGraph):
    """A placed graph without its chain nodes (:func:`contract_chains`): the graph the many-to-many searches run
    on. ``kept``: the placed graph's id of each node; ``position``: the id here of each placed node (-1: gone)."""

    graph: sparse.csr_matrix
    kept: np.ndarray
    node_xy: np.ndarray
    placed_nodes: int
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_nodes(self):
        return len(self.kept)

    @property
    def position(self):
        if "position" not in self._cache:
            position = np.full(self.placed_nodes, -1, dtype=np.int64)
            position[self.kept] = np.arange(len(self.kept))
            self._cache["position"] = position
        return self._cache["position"]

    @property
    def reversed_graph(self):
        if "reversed" not in self._cache:
            self._cache["reversed"] = self.graph.T.tocsr()
        return self._cache["reversed"]


def piece_minutes(fraction, segment_minutes):
    """Minutes along ``fraction`` (0..1) of a segment that takes ``segment_minutes`` whole (inf where one-way
    forbids it). A piece of length 0 joins two nodes at the same point: 0 minutes either way, one-way or not."""
    return fraction * np.where(fraction > 0, segment_minutes, 0.0)


def place_on_network(network, places_xy, access_speed_kmh, max_snap_m=None):
    """Add every place to the graph: a node at its snap point (splitting the segment) and a node for the place.

    Places on the same segment are chained in order along it, so travel between them follows the segment.
    Identical coordinates share one node, so the time between them is exactly 0; a place on a road node (or two
    places snapped to one point) is 0 minutes from that node both ways, whatever the direction of its segment.
    """
    places_xy = np.asarray(places_xy, dtype=float).reshape(-1, 2)
    unique_xy, place_of_input = np.unique(places_xy, axis=0, return_inverse=True)
    place_of_input = place_of_input.ravel()
    snap = snap_points(network, unique_xy, max_snap_m)
    on = np.flatnonzero(snap.snapped)
    n = network.node_count
    n_on = len(on)
    place_node = np.full(len(unique_xy), -1, dtype=np.int64)
    place_node[on] = n + n_on + np.arange(n_on)  # place nodes after the snap-point nodes
    snap_node = n + np.arange(n_on)

    seg = snap.segment[on]
    frac = snap.fraction[on]
    access = minutes_for(snap.distance_m[on], access_speed_kmh)
    order = np.lexsort((frac, seg))
    seg_sorted, frac_sorted, node_sorted = seg[order], frac[order], snap_node[order]
    forward = network.segment_forward_minutes[seg_sorted]
    backward = network.segment_backward_minutes[seg_sorted]
    first_on_segment = np.r_[True, seg_sorted[1:] != seg_sorted[:-1]]
    last_on_segment = np.r_[seg_sorted[1:] != seg_sorted[:-1], True]

    # Chain a -> s1 -> s2 -> ... -> b along each split segment (and back where allowed).
    prev_node = np.where(first_on_segment, network.segment_a[seg_sorted], np.r_[-1, node_sorted[:-1]])
    prev_frac = np.where(first_on_segment, 0.0, np.r_[0.0, frac_sorted[:-1]])
    step = frac_sorted - prev_frac
    tail_seg = seg_sorted[last_on_segment]
    tail_step = 1.0 - frac_sorted[last_on_segment]
    chain_from = np.concatenate([prev_node, node_sorted[last_on_segment]])
    chain_to = np.concatenate([node_sorted, network.segment_b[tail_seg]])
    chain_forward = np.concatenate([piece_minutes(step, forward),
                                    piece_minutes(tail_step, network.segment_forward_minutes[tail_seg])])
    chain_backward = np.concatenate([piece_minutes(step, backward),
                                     piece_minutes(tail_step, network.segment_backward_minutes[tail_seg])])

    a_xy, b_xy = network.node_xy[network.segment_a[seg]], network.node_xy[network.segment_b[seg]]
    snap_xy = a_xy + frac[:, None] * (b_xy - a_xy)
    return PlacedGraph(
        network, np.vstack([network.node_xy, snap_xy, unique_xy[on]]),
        np.concatenate([chain_from, chain_to, place_node[on], snap_node]),
        np.concatenate([chain_to, chain_from, snap_node, place_node[on]]),
        np.concatenate([chain_forward, chain_backward, access, access]),
        place_node[place_of_input],
        Snap(snap.segment[place_of_input], snap.fraction[place_of_input], snap.distance_m[place_of_input]),
    )


def _report(progress, fraction):
    if progress is not None and progress(fraction) is False:
        raise Cancelled()


def _validate_cutoff(cutoff_minutes):
    if not (cutoff_minutes > 0):
        raise ValueError("the cutoff must be a positive number of minutes")


class NetworkTravel:
    """Travel times over a road network (minutes), from places given as coordinates in metres."""

    def __init__(self, network, access_speed_kmh=20.0, max_snap_m=None, memory_mb=256):
        if not (access_speed_kmh > 0):
            raise ValueError("the access speed must be a positive number of km/h")
        self.network = network
        self.access_speed_kmh = float(access_speed_kmh)
        self.max_snap_m = max_snap_m
        self.memory_mb = memory_mb
        self.last_snap = None
        self._last_placed = (None, None)

    def _place(self, origins_xy, destinations_xy):
        """The places on the graph; the same places as the last call (nearest, then a table) are placed once."""
        origins_xy = np.asarray(origins_xy, dtype=float).reshape(-1, 2)
        places_xy = np.vstack([origins_xy, np.asarray(destinations_xy, dtype=float).reshape(-1, 2)])
        last_xy, placed = self._last_placed
        if last_xy is None or not np.array_equal(last_xy, places_xy):
            placed = place_on_network(self.network, places_xy, self.access_speed_kmh, self.max_snap_m)
            self._last_placed = (places_xy, placed)
        n_o = len(origins_xy)
        self.last_snap = placed.snap
        return placed, placed.place_node[:n_o], placed.place_node[n_o:]

    def _chunk_size(self, n_nodes, n_targets):
        per_source = 8 * (2 * n_nodes + n_targets)
        return max(1, int(self.memory_mb * 2**20 // per_source))

    def table(self, origins_xy, destinations_xy, cutoff_minutes, k=None, progress=None):
        """Every (origin, destination) pair reachable within ``cutoff_minutes``; with ``k``, only each origin's k
        nearest. Runs Dijkstra from whichever side has fewer distinct places (on the reversed graph from the
        destinations), unless ``k`` is given."""
        _validate_cutoff(cutoff_minutes)
        placed, origin_node, destination_node = self._place(origins_xy, destinations_xy)
        from_destinations = k is None and (
            len(np.unique(destination_node)) < len(np.unique(origin_node))
        )
        sources, targets = (destination_node, origin_node) if from_destinations else (origin_node, destination_node)
        table = self._run(placed, from_destinations, sources, targets, cutoff_minutes, k, progress)
        return table.transposed() if from_destinations else table

    def _searches(self, placed, sources, targets, cutoff_minutes):
        """The bounded searches to run on ``placed`` (a placed or contracted graph): (node ids of the sub-network
        searched, or None for the whole graph; positions in ``sources`` searched on it; positions in ``targets``
        it can reach).

        No path within the cutoff leaves the disc of radius fastest speed x cutoff around its source, so sources
        grouped by square tiles are searched on the nodes within that radius of their tile: the work follows the
        nodes a search can reach, not the whole graph, with exactly the same times."""
        reach_m = placed.metres_per_minute() * cutoff_minutes * (1 + 1e-9) + 1e-6
        node_xy = placed.node_xy
        span = node_xy.max(axis=0) - node_xy.min(axis=0) if len(node_xy) else np.zeros(2)
        tile_m = reach_m / 2  # the searched square is then at most 2.5 x 2.5 radii around each source
        if not np.isfinite(reach_m) or (2 * reach_m + tile_m) ** 2 > LOCAL_SEARCH_SHARE * span.prod():
            return [(None, np.arange(len(sources)), np.arange(len(targets)))]
        tile = np.floor((node_xy[sources] - node_xy.min(axis=0)) / tile_m).astype(np.int64)
        _, tile_of_source = np.unique(tile, axis=0, return_inverse=True)
        tile_of_source = tile_of_source.ravel()
        order = np.argsort(tile_of_source, kind="stable")
        bounds = np.flatnonzero(np.diff(np.r_[-1, tile_of_source[order], -2]))
        target_tree = cKDTree(node_xy[targets])
        searches = []
        for begin, end in zip(bounds[:-1], bounds[1:]):
            members = order[begin:end]
            low, high = node_xy[sources[members]].min(axis=0), node_xy[sources[members]].max(axis=0)
            centre, radius = (low + high) / 2, reach_m + np.hypot(*(high - low)) / 2
            nodes = np.sort(np.asarray(placed.node_tree().query_ball_point(centre, radius), dtype=np.int64))
            reached = np.asarray(target_tree.query_ball_point(centre, radius), dtype=np.int64)
            searches.append((nodes, members, np.sort(reached)))
        return searches

    def _search(self, graph, nodes, sources, targets, cutoff_minutes, k):
        """(rows in ``sources``, positions in ``targets``, minutes) of one bounded search on ``nodes`` (None: the
        whole graph), in chunks of sources that keep memory bounded."""
        if nodes is None:
            local, local_sources, local_targets = graph, sources, targets
        else:
            local, nodes = confined(graph, nodes, sources, cutoff_minutes)
            local_sources = np.searchsorted(nodes, sources)
            position = np.minimum(np.searchsorted(nodes, targets), len(nodes) - 1)
            keep = nodes[position] == targets  # the targets the sources reach at all within the cutoff
            targets_kept = np.flatnonzero(keep)
            local_targets = position[keep]
        chunk = self._chunk_size(local.shape[0], len(local_targets))
        rows, columns, minutes = [], [], []
        for begin in range(0, len(local_sources), chunk):
            times = dijkstra(local, directed=True, indices=local_sources[begin:begin + chunk],
                             limit=cutoff_minutes)[:, local_targets]
            if k is not None and times.shape[1] > k:
                kth = np.partition(times, k - 1, axis=1)[:, k - 1:k]
                times = np.where(times <= kth, times, np.inf)
            row, column = np.nonzero(times <= cutoff_minutes)
            rows.append(begin + row)
            columns.append(column if nodes is None else targets_kept[column])
            minutes.append(times[row, column])
        return np.concatenate(rows), np.concatenate(columns), np.concatenate(minutes)

    def _run(self, placed, reverse, source_node, target_node, cutoff_minutes, k, progress):
        """Pairs (source index, target index, minutes) within the cutoff, grouped by distinct source node; on the
        reversed graph when ``reverse`` (times *to* the sources). The searches run on the graph without its chain
        nodes (:meth:`PlacedGraph.contracted`): the places' nodes are all kept."""
        search = placed.contracted()
        graph = search.reversed_graph if reverse else search.graph
        shape = (len(source_node), len(target_node))
        on_sources = np.flatnonzero(source_node >= 0)
        distinct_sources, source_group = np.unique(search.position[source_node[on_sources]], return_inverse=True)
        on_targets = np.flatnonzero(target_node >= 0)
        target_columns = search.position[target_node[on_targets]]
        _report(progress, 0.0)
        if len(distinct_sources) == 0 or len(on_targets) == 0:
            return TravelTimeTable.empty(*shape)
        pieces, done = [], 0
        for nodes, members, reached in self._searches(search, distinct_sources, target_columns, cutoff_minutes):
            row, column, minutes = self._search(graph, nodes, distinct_sources[members], target_columns[reached],
                                                cutoff_minutes, k)
            pieces.append((members[row], on_targets[reached[column]], minutes))
            done += len(members)
            _report(progress, done / len(distinct_sources))
        group, target, minutes = (np.concatenate(p) for p in zip(*pieces))
        # Expand each distinct source node back to every input that shares it.
        members = np.argsort(source_group, kind="stable")
        member_start = np.searchsorted(source_group[members], np.arange(len(distinct_sources)))
        member_count = np.bincount(source_group, minlength=len(distinct_sources))
        repeat = member_count[group]
        pair = np.repeat(np.arange(len(group)), repeat)
        offset = np.arange(len(pair)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
        source = on_sources[members[member_start[group[pair]] + offset]]
        table = TravelTimeTable(source, target[pair], minutes[pair], shape)
        return table.k_nearest(k) if k is not None else table

    def nearest(self, origins_xy, facilities_xy, cutoff_minutes, progress=None):
        """For each origin: minutes to its nearest facility (NaN beyond the cutoff or off the network) and that
        facility's index (-1). One multi-source Dijkstra on the reversed graph from all facilities at once."""
        _validate_cutoff(cutoff_minutes)
        placed, origin_node, facility_node = self._place(origins_xy, facilities_xy)
        minutes = np.full(len(origin_node), np.nan)
        facility = np.full(len(origin_node), -1, dtype=np.int64)
        on_facilities = np.flatnonzero(facility_node >= 0)
        _report(progress, 0.0)
        if len(on_facilities) == 0:
            return minutes, facility
        # On the graph without chain nodes when a table made it for these places (the place nodes are kept), else
        # on the placed graph: contracting for one search would cost about what it saves.
        search = placed.contracted(build=False)
        if search is not None:
            graph, n_nodes = search.reversed_graph, search.n_nodes
            origin_node, facility_node = (np.where(nodes >= 0, search.position[nodes], -1)
                                          for nodes in (origin_node, facility_node))
        else:
            graph, n_nodes = placed.reversed_graph, placed.n_nodes
        # The lowest facility index wins when several share a node.
        source_nodes, first = np.unique(facility_node[on_facilities], return_index=True)
        node_times, _, node_source = dijkstra(
            graph, directed=True, indices=source_nodes, limit=cutoff_minutes, min_only=True,
            return_predecessors=True,
        )
        facility_of_node = np.full(n_nodes, -1, dtype=np.int64)
        facility_of_node[source_nodes] = on_facilities[first]
        on = np.flatnonzero(origin_node >= 0)
        reached = np.isfinite(node_times[origin_node[on]])
        minutes[on[reached]] = node_times[origin_node[on[reached]]]
        facility[on[reached]] = facility_of_node[node_source[origin_node[on[reached]]]]
        _report(progress, 1.0)
        return minutes, facility


    def paths(self, origins_xy, destinations_xy, cutoff_minutes):
        """The fastest road path of each pair ``origins_xy[k] -> destinations_xy[k]``, to draw a route: a list of
        (n, 2) arrays of metres, from the origin along its access leg and the roads' shape vertices to the
        destination (its minutes are the table's). None where the destination is beyond ``cutoff_minutes`` or a
        place is off the network. One bounded search per distinct origin, on the graph with its shape vertices;
        each path is followed back through the search's predecessors, in as many steps as it has vertices."""
        _validate_cutoff(cutoff_minutes)
        origins_xy = np.asarray(origins_xy, dtype=float).reshape(-1, 2)
        destinations_xy = np.asarray(destinations_xy, dtype=float).reshape(-1, 2)
        if len(origins_xy) != len(destinations_xy):
            raise ValueError("paths need one destination per origin")
        placed, origin_node, destination_node = self._place(origins_xy, destinations_xy)
        out = [None] * len(origins_xy)
        for source in np.unique(origin_node[(origin_node >= 0) & (destination_node >= 0)]):
            pairs = np.flatnonzero((origin_node == source) & (destination_node >= 0))
            times, predecessor = dijkstra(placed.graph, directed=True, indices=source, limit=cutoff_minutes,
                                          return_predecessors=True)
            for pair in pairs[np.isfinite(times[destination_node[pairs]])]:
                nodes = [destination_node[pair]]
                while nodes[-1] != source:
                    nodes.append(predecessor[nodes[-1]])
                xy = placed.node_xy[nodes[::-1]]
                moved = np.r_[True, (np.diff(xy, axis=0) != 0).any(axis=1)]  # a place on a node: one vertex
                out[pair] = xy[moved]
        return out


def confined(graph, nodes, sources, cutoff_minutes):
    """(sub-graph, its node ids) of the nodes some of ``sources`` reach within the cutoff, found by one
    multi-source search on the candidate ``nodes`` (sorted, holding every node within reach). Every shortest path
    of the sources within the cutoff runs on these nodes only, so searches on the sub-graph give the same times."""
    candidate = graph[nodes][:, nodes]
    reach = dijkstra(candidate, directed=True, indices=np.searchsorted(nodes, sources), limit=cutoff_minutes,
                     min_only=True)
    kept = np.flatnonzero(np.isfinite(reach))
    return candidate[kept][:, kept], nodes[kept]


class StraightLineTravel:
    """Travel times without a road layer: straight-line distance x detour factor at a constant speed."""

    def __init__(self, speed_kmh=50.0, detour_factor=1.3):
        if not (speed_kmh > 0):
            raise ValueError("the straight-line speed must be a positive number of km/h")
        if not (detour_factor >= 1):
            raise ValueError("the detour factor must be 1 or more")
        self.speed_kmh = float(speed_kmh)
        self.detour_factor = float(detour_factor)
        self.last_snap = None

    def _metres_for(self, minutes):
        return minutes * self.speed_kmh * METRES_PER_MINUTE_PER_KMH / self.detour_factor

    def _minutes_for(self, distance_m):
        return minutes_for(distance_m * self.detour_factor, self.speed_kmh)

    def table(self, origins_xy, destinations_xy, cutoff_minutes, k=None, progress=None):
        """Pairs within ``cutoff_minutes`` (optionally each origin's ``k`` nearest)."""
        _validate_cutoff(cutoff_minutes)
        origins_xy = np.asarray(origins_xy, dtype=float).reshape(-1, 2)
        destinations_xy = np.asarray(destinations_xy, dtype=float).reshape(-1, 2)
        shape = (len(origins_xy), len(destinations_xy))
        _report(progress, 0.0)
        if not all(shape):
            return TravelTimeTable.empty(*shape)
        pairs = cKDTree(origins_xy).sparse_distance_matrix(
            cKDTree(destinations_xy), self._metres_for(cutoff_minutes), output_type="ndarray"
        )
        table = TravelTimeTable(pairs["i"], pairs["j"], self._minutes_for(pairs["v"]), shape)
        _report(progress, 1.0)
        return table.k_nearest(k) if k is not None else table

    def paths(self, origins_xy, destinations_xy, cutoff_minutes):
        """Each pair ``origins_xy[k] -> destinations_xy[k]`` as its straight segment (a (2, 2) array of metres),
        None beyond ``cutoff_minutes``: the same contract as :meth:`NetworkTravel.paths`."""
        _validate_cutoff(cutoff_minutes)
        origins_xy = np.asarray(origins_xy, dtype=float).reshape(-1, 2)
        destinations_xy = np.asarray(destinations_xy, dtype=float).reshape(-1, 2)
        if len(origins_xy) != len(destinations_xy):
            raise ValueError("paths need one destination per origin")
        within = self._minutes_for(np.hypot(*(destinations_xy - origins_xy).T)) <= cutoff_minutes
        return [np.array([o, d]) if ok else None for o, d, ok in zip(origins_xy, destinations_xy, within)]

    def nearest(self, origins_xy, facilities_xy, cutoff_minutes, progress=None):
        """Minutes to the nearest facility (NaN beyond the cutoff) and its index (-1)."""
        _validate_cutoff(cutoff_minutes)
        origins_xy = np.asarray(origins_xy, dtype=float).reshape(-1, 2)
        facilities_xy = np.asarray(facilities_xy, dtype=float).reshape(-1, 2)
        minutes = np.full(len(origins_xy), np.nan)
        facility = np.full(len(origins_xy), -1, dtype=np.int64)
        if len(origins_xy) and len(facilities_xy):
            distance, index = cKDTree(facilities_xy).query(
                origins_xy, distance_upper_bound=self._metres_for(cutoff_minutes) * (1 + 1e-12)
            )
            found = np.isfinite(distance)
            minutes[found] = self._minutes_for(distance[found])
            facility[found] = index[found]
            beyond = minutes > cutoff_minutes
            minutes[beyond], facility[beyond] = np.nan, -1
        _report(progress, 1.0)
        return minutes, facility
