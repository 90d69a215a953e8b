"""Catchment areas: isochrone polygons around health facilities, built from the road network itself.

Times
    Each facility joins the network like any place (:func:`~.network.place_on_network`: nearest point of the
    nearest segment, plus an access leg at the access speed). ``direction="outbound"`` (default) times the trip
    *from* the facility to the places (the forward graph: a doctor's home visit, an ambulance);
    ``direction="inbound"`` times the trip *to* the facility (the reversed graph: a patient driving to the
    surgery). Both only differ where one-way streets do. The time of a point is
    ``delay[f] + network minutes from facility f`` (the delay, per facility, is added at the start: opening hours,
    a waiting time...). A facility's maximum time ``max_minutes[f]`` caps its own reach: its polygon for any band
    ``T`` covers what it reaches within ``min(T, max_minutes[f])`` minutes in total.

Polygons (``shape="buffer"``, the default)
    For a band limit ``T`` every directed edge ``u -> v`` (road segments, the pieces of the segments split by a
    facility, the access legs) with node time ``t_u <= T`` is reached from ``u`` up to the fraction
    ``(T - t_u) / minutes(u -> v)`` of its length, linearly interpolated; a segment ``a - b`` is so reached from
    ``a`` forward and from ``b`` backward, each only where its direction is allowed (one-way streets are
    reached from their start only). The reached pieces are buffered by ``buffer_m`` metres and dissolved:

    * fully reached segments that follow each other in the road line are merged into polylines first, buffered
      with round caps and joins (``quad_segs`` segments per quarter circle);
    * a partly reached piece is buffered with a *flat* cap, so the polygon ends exactly where the time runs out
      along the road, and a disc of radius ``buffer_m`` at the node it starts from keeps the junction round;
    * the facility's own point is always inside (disc of radius ``buffer_m``) once its delay has passed.

    The polygon is therefore every point within ``buffer_m`` metres of a road point reached in time, except beyond
    the tips of the partly reached pieces. Blocks of the road mesh wider than ``2 * buffer_m`` stay as holes.
    In the ``dissolve`` and ``split`` modes the bands are drawn one on the other: a band's polygon is the smaller
    band's united with the buffers of what it adds (the polylines holding a segment whole only from this band on,
    the partial pieces, the round ends), so the bands are nested exactly (a round end of a smaller band, a polygon
    with ``quad_segs`` sides, can stick out of the polyline join of a larger band by a few square metres).

Polygons (``shape="concave"``)
    ``shapely.concave_hull`` (``concave_ratio``: 0 most concave .. 1 convex hull) of the reached points: the reached
    nodes, points every ``2 * buffer_m`` along the reached pieces, their tips and the facility point. Smoother and lighter, but it may cover
    land between roads that no road reaches within the time. A hull with no area (fewer than 3 points in a line)
    falls back to the buffer of those points. Hulls are made nested (band ``T`` = hull(T) united with the smaller
    bands' polygons) so rings never overlap.

Overlap modes
    ``overlap``  one polygon per facility and band, from that facility's own times (polygons of neighbouring
                 facilities overlap).
    ``dissolve`` one polygon per band for all facilities together: from the multi-source minimum times (the
                 network is reached as soon as any facility reaches it). ``facility`` is -1.
    ``split``    one polygon per facility and band, the ``dissolve`` polygon shared among the facilities: every
                 network node goes to the facility that reaches it first (multi-source minimum, ties to the lowest
                 index), a segment whose ends belong to two facilities is cut where their times meet. Each
                 facility's pieces give its own shape; where the shapes of several facilities overlap, each
                 point goes to the facility whose network piece is nearest (Voronoi diagram of points sampled
                 every ``buffer_m / 2`` along the labelled pieces of the largest band). This assignment is fixed
                 once for all bands, so the polygons of different facilities never overlap, rings of a facility
                 never overlap, and each band's polygons add up exactly to the ``dissolve`` polygon.

Bands
    ``bands_minutes`` increasing, positive. ``rings=False``: disks ``0 - T`` for each band; ``rings=True``:
    ``0 - T1, T1 - T2, ...`` (the difference of consecutive disks).

Population
    Points (xy array or shapely points, with counts): a point counts where the polygon intersects it (a point
    exactly on a border between two polygons counts for both). Polygons (shapely polygons with counts): area
    weighted, ``count * area(polygon & area) / area(area)``. Rings get the difference of their disks'
    populations; ``share`` is population / total population given.
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from .network import _report, place_on_network, snap_points

MODES = ("overlap", "dissolve", "split")
DIRECTIONS = ("outbound", "inbound")
SHAPES = ("buffer", "concave")
WORKERS = os.cpu_count() or 1  # threads drawing the polygons and their overlays
_NO_TIME_LEFT = 1e-9  # minutes: a node reached with less than this left gets no round end (rounding noise)
_GRID_M = 1e-3  # metres: precision grid of the overlays retried after a GEOS robustness failure

__all__ = [
    "MODES", "DIRECTIONS", "SHAPES", "FacilityTimes", "facility_times", "catchment_areas", "population_within",
]


# --------------------------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------------------------


def _facilities(facilities_xy):
    facilities_xy = np.asarray(facilities_xy, dtype=float)
    if facilities_xy.size == 0:
        raise ValueError("no facilities given: at least one facility point is needed")
    facilities_xy = facilities_xy.reshape(-1, 2)
    if not np.isfinite(facilities_xy).all():
        raise ValueError("facility coordinates must be finite numbers (metres)")
    return facilities_xy


def _bands(bands_minutes):
    bands = np.atleast_1d(np.asarray(bands_minutes, dtype=float))
    if bands.ndim != 1 or len(bands) == 0:
        raise ValueError("at least one band (minutes) is needed")
    if not (np.isfinite(bands).all() and (bands > 0).all()):
        raise ValueError(f"bands must be positive numbers of minutes, got {bands.tolist()}")
    if (np.diff(bands) <= 0).any():
        raise ValueError(f"bands must be strictly increasing, got {bands.tolist()}")
    return bands


def _per_facility(values, n, name, default, allow_inf=False):
    if values is None:
        return np.full(n, default, dtype=float)
    values = np.asarray(values, dtype=float)
    if values.ndim == 0:
        values = np.full(n, float(values))
    if values.shape != (n,):
        raise ValueError(f"{name}: one value per facility is needed ({n}), got {values.shape[0]}")
    return values


def _delays(delay_minutes, n):
    delay = _per_facility(delay_minutes, n, "delay_minutes", 0.0)
    if not (np.isfinite(delay).all() and (delay >= 0).all()):
        raise ValueError("delays must be finite numbers of minutes, 0 or more")
    return delay


def _caps(max_minutes, n):
    cap = _per_facility(max_minutes, n, "max_minutes", np.inf)
    cap = np.where(np.isnan(cap), np.inf, cap)  # a missing value means no maximum
    if (cap <= 0).any():
        raise ValueError("maximum times must be positive numbers of minutes (leave empty for no maximum)")
    return cap


def _choice(value, allowed, name):
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


# --------------------------------------------------------------------------------------------------------------
# Facilities on the network: graph, node coordinates, segments
# --------------------------------------------------------------------------------------------------------------


class _Placement:
    """The road graph with the facilities placed on it, plus what the polygons need.

    ``node_xy`` gives coordinates to every graph node (road nodes, snap points, facility points). The segments are
    the road segments that no facility splits, then the pieces of the split ones and the access legs, each as
    ``a, b, forward minutes (a -> b in the travel direction), backward minutes``; ``inf`` where forbidden.
    """

    def __init__(self, network, facilities_xy, access_speed_kmh, max_snap_m, direction):
        if not (access_speed_kmh > 0):
            raise ValueError("the access speed must be a positive number of km/h")
        if network.segment_count == 0:
            raise ValueError("the road network has no segment")
        if max_snap_m is not None and not snap_points(network, facilities_xy, max_snap_m).snapped.any():
            # (checked first: place_on_network cannot place an empty set)
            raise ValueError(f"none of the {len(facilities_xy)} facilities lies on the road network within "
                             f"{max_snap_m:g} m: check the snap tolerance, the layers' CRS and extent")
        placed = place_on_network(network, facilities_xy, access_speed_kmh, max_snap_m)
        self.placed, self.snap = placed, placed.snap
        self.facility_node = placed.place_node
        n = network.node_count
        n_on = (placed.n_nodes - n) // 2
        on = self.facility_node >= 0
        node_xy = np.empty((placed.n_nodes, 2))
        node_xy[:n] = network.node_xy
        seg = self.snap.segment[on]
        start, end = network.node_xy[network.segment_a[seg]], network.node_xy[network.segment_b[seg]]
        node_xy[self.facility_node[on]] = facilities_xy[on]
        node_xy[self.facility_node[on] - n_on] = start + self.snap.fraction[on, None] * (end - start)
        self.node_xy = node_xy

        # Road segments, less those split by a facility (their pieces come with the new edges).
        keep = np.ones(network.segment_count, dtype=bool)
        keep[seg] = False
        road = np.flatnonzero(keep)
        # New edges (chain pieces and access legs) paired into segments lo-hi.
        new_from, new_to, new_minutes = placed.new_edges
        lo, hi = np.minimum(new_from, new_to), np.maximum(new_from, new_to)
        pair, pair_index = np.unique(np.stack([lo, hi], 1), axis=0, return_inverse=True)
        pair_index = pair_index.ravel()
        forward = np.full(len(pair), np.inf)
        backward = np.full(len(pair), np.inf)
        is_forward = new_from < new_to
        np.minimum.at(forward, pair_index[is_forward], new_minutes[is_forward])
        np.minimum.at(backward, pair_index[~is_forward], new_minutes[~is_forward])
        self.seg_a = np.concatenate([network.segment_a[road], pair[:, 0]]).astype(np.int64)
        self.seg_b = np.concatenate([network.segment_b[road], pair[:, 1]]).astype(np.int64)
        self.seg_fwd = np.concatenate([network.segment_forward_minutes[road], forward])
        self.seg_bwd = np.concatenate([network.segment_backward_minutes[road], backward])
        self.inbound = direction == "inbound"
        if self.inbound:  # travel towards the facility: a segment is entered from its far end
            self.seg_fwd, self.seg_bwd = self.seg_bwd, self.seg_fwd
        # Node -> incident segments (CSR).
        ends = np.concatenate([self.seg_a, self.seg_b])
        order = np.argsort(ends, kind="stable")
        self.incident = order % len(self.seg_a)
        self.incident_ptr = np.r_[0, np.cumsum(np.bincount(ends, minlength=placed.n_nodes))]

    @property
    def n_nodes(self):
        return self.placed.n_nodes

    @property
    def graph(self):
        return self.placed.reversed_graph if self.inbound else self.placed.graph

    def segments_at(self, nodes):
        """Distinct segments touching any of ``nodes``."""
        start, stop = self.incident_ptr[nodes], self.incident_ptr[nodes + 1]
        count = stop - start
        offset = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        return np.unique(self.incident[np.repeat(start, count) + offset])


# --------------------------------------------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacilityTimes:
    """Network minutes from (or to) each facility, within its own limit.

    ``facility[k]`` reaches graph node ``node[k]`` in ``minutes[k]`` network minutes (delay *not* included), for
    every node within ``limit[facility]`` = ``min(horizon, max_minutes) - delay``; sorted by facility then node.
    ``facility_node`` is each facility's graph node (-1 off the network), ``off_network`` lists those.
    """

    facility: np.ndarray
    node: np.ndarray
    minutes: np.ndarray
    limit: np.ndarray
    delay: np.ndarray
    cap: np.ndarray
    facility_node: np.ndarray
    off_network: np.ndarray
    snap_distance_m: np.ndarray
    direction: str


def _limits(bands, delay, cap):
    """Network-minute limit of each facility for each band: shape (facilities, bands)."""
    return np.minimum(bands[None, :], cap[:, None]) - delay[:, None]


def _bounded_times(placement, limit, memory_mb, progress):
    """Per-facility bounded Dijkstra in chunks: (facility, node, minutes) within each facility's own limit."""
    graph = placement.graph
    n_nodes = graph.shape[0]
    sources = np.flatnonzero((placement.facility_node >= 0) & (limit >= 0))
    chunk = max(1, int(memory_mb * 2**20 // (8 * 2 * n_nodes)))
    pieces = []
    for begin in range(0, len(sources), chunk):
        rows = sources[begin:begin + chunk]
        times = dijkstra(graph, directed=True, indices=placement.facility_node[rows], limit=limit[rows].max())
        row, node = np.nonzero(times <= limit[rows, None])
        pieces.append((rows[row], node, times[row, node]))
        _report(progress, (begin + len(rows)) / max(1, len(sources)))
    if not pieces:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
    return tuple(np.concatenate(p) for p in zip(*pieces))


def _times_table(pl, horizon, delay, cap, memory_mb, progress):
    limit = _limits(np.array([horizon]), delay, cap)[:, 0]
    facility, node, minutes = _bounded_times(pl, limit, memory_mb, progress)
    return FacilityTimes(facility, node, minutes, limit, delay, cap, pl.facility_node,
                         np.flatnonzero(pl.facility_node < 0), pl.snap.distance_m,
                         "inbound" if pl.inbound else "outbound")


def facility_times(network, facilities_xy, horizon_minutes, *, direction="outbound", delay_minutes=None,
                   max_minutes=None, access_speed_kmh=20.0, max_snap_m=None, memory_mb=256, progress=None):
    """Times from (``outbound``) or to (``inbound``) each facility over the network, up to ``horizon_minutes`` in
    total (delay included), each facility capped by its ``max_minutes``. One bounded Dijkstra per facility, in
    chunks sized to ``memory_mb``. Returns a :class:`FacilityTimes`."""
    facilities_xy = _facilities(facilities_xy)
    horizon = _bands([horizon_minutes])[0]
    _choice(direction, DIRECTIONS, "direction")
    n = len(facilities_xy)
    delay, cap = _delays(delay_minutes, n), _caps(max_minutes, n)
    pl = _Placement(network, facilities_xy, access_speed_kmh, max_snap_m, direction)
    return _times_table(pl, horizon, delay, cap, memory_mb, progress)


def _nearest_multi_source(placement, delay, horizon):
    """Without per-facility maxima: one multi-source Dijkstra. Each facility starts from its own extra node linked to
    its graph node by an edge of ``delay`` minutes, so the times include the delays and ``sources`` tells which
    facility reached each node. Returns (total minutes per node, facility per node, -1 where unreached)."""
    on = np.flatnonzero((placement.facility_node >= 0) & (delay <= horizon))
    n = placement.n_nodes
    total = np.full(n, np.inf)
    label = np.full(n, -1, dtype=np.int64)
    if len(on) == 0:
        return total, label
    # One source per distinct node: the smallest delay, then the lowest index.
    order = np.lexsort((on, delay[on], placement.facility_node[on]))
    first = np.r_[True, np.diff(placement.facility_node[on][order]) != 0]
    source = on[order][first]
    coo = placement.graph.tocoo()
    extra = n + np.arange(len(source))
    graph = sparse.csr_matrix(
        (np.concatenate([coo.data, delay[source]]),
         (np.concatenate([coo.row, extra]), np.concatenate([coo.col, placement.facility_node[source]]))),
        shape=(n + len(source), n + len(source)))
    times, _, reached_from = dijkstra(graph, directed=True, indices=extra, limit=horizon, min_only=True,
                                      return_predecessors=True)
    times, reached_from = times[:n], reached_from[:n]
    hit = np.isfinite(times)
    total[hit] = times[hit]
    label[hit] = source[reached_from[hit] - n]
    return total, label


def _nearest_from_table(times, n_nodes, horizon):
    """With per-facility maxima: the nearest facility of each node from the per-facility times (within caps),
    ties to the lowest index. Returns (total minutes, facility) per node."""
    total_of_pair = times.delay[times.facility] + times.minutes
    keep = total_of_pair <= np.minimum(horizon, times.cap[times.facility])
    facility, node, total_of_pair = times.facility[keep], times.node[keep], total_of_pair[keep]
    order = np.lexsort((facility, total_of_pair, node))
    first = order[np.r_[True, np.diff(node[order]) != 0]] if len(order) else order
    total = np.full(n_nodes, np.inf)
    label = np.full(n_nodes, -1, dtype=np.int64)
    total[node[first]], label[node[first]] = total_of_pair[first], facility[first]
    return total, label


def _max_slack(times, limits_band, n_nodes):
    """Largest remaining time over the facilities at each node, for one band (``-inf`` where nobody reaches)."""
    slack = limits_band[times.facility] - times.minutes
    keep = slack >= 0
    out = np.full(n_nodes, -np.inf)
    node, slack = times.node[keep], slack[keep]
    order = np.lexsort((-slack, node))
    first = order[np.r_[True, np.diff(node[order]) != 0]] if len(order) else order
    out[node[first]] = slack[first]
    return out


# --------------------------------------------------------------------------------------------------------------
# Reached pieces of the network and their polygons
# --------------------------------------------------------------------------------------------------------------


def _fraction(slack, minutes):
    """Share of a segment covered with ``slack`` minutes left, in [0, 1] (a 0-minute segment is covered whole)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(minutes > 0, slack / np.where(minutes > 0, minutes, 1.0), np.inf)
    return np.clip(f, 0.0, 1.0)


@dataclass
class _Pieces:
    """Reached parts of segments: whole segments (``full_seg``), and parts from an ``anchor`` node to a ``tip``."""

    full_seg: np.ndarray
    full_group: np.ndarray
    anchor: np.ndarray
    tip: np.ndarray
    part_group: np.ndarray
    slack: np.ndarray  # minutes left at each node (the polygons get round ends only where some time is left)


def _reached_pieces(pl, seg, slack, label, total):
    """Reached pieces of segments ``seg`` from node arrays ``slack`` (minutes left, < 0 unreached), ``label`` (group
    of each node) and ``total`` (node time, only used where the two ends have different groups: the segment is cut
    where the times from both ends meet)."""
    a, b = pl.seg_a[seg], pl.seg_b[seg]
    forward, backward = pl.seg_fwd[seg], pl.seg_bwd[seg]
    ok_a, ok_b = slack[a] >= 0, slack[b] >= 0
    ra = np.where(ok_a, _fraction(slack[a], forward), 0.0)
    rb = np.where(ok_b, _fraction(slack[b], backward), 0.0)
    la = np.where(ok_a, label[a], label[b])
    lb = np.where(ok_b, label[b], la)
    full = (ok_a | ok_b) & (ra + rb >= 1)
    cut = full & (la != lb)
    with np.errstate(invalid="ignore"):
        meet = (total[b] + backward - total[a]) / (forward + backward)
    meet = np.where(np.isinf(backward), 1.0, np.where(np.isinf(forward), 0.0, meet))
    meet = np.clip(np.nan_to_num(meet, nan=0.5), 1.0 - rb, ra)
    whole_a = full & (~cut | (meet >= 1))
    whole_b = cut & (meet <= 0)
    inner = cut & (meet > 0) & (meet < 1)
    part_a_r = np.where(inner, meet, np.where(~full, ra, 0.0))
    part_b_r = np.where(inner, 1.0 - meet, np.where(~full, rb, 0.0))
    pa, pb = part_a_r > 0, part_b_r > 0
    xy = pl.node_xy
    tip_a = xy[a[pa]] + part_a_r[pa, None] * (xy[b[pa]] - xy[a[pa]])
    tip_b = xy[b[pb]] + part_b_r[pb, None] * (xy[a[pb]] - xy[b[pb]])
    return _Pieces(
        np.concatenate([seg[whole_a], seg[whole_b]]), np.concatenate([la[whole_a], lb[whole_b]]),
        np.concatenate([a[pa], b[pb]]), np.vstack([tip_a, tip_b]), np.concatenate([la[pa], lb[pb]]), slack,
    )


def _runs(pl, full_seg, full_group, fresh=None):
    """Whole segments merged into polylines where they follow each other in the road line (same group). With
    ``fresh`` (a flag per segment), only the polylines holding a flagged segment."""
    order = np.lexsort((full_seg, full_group))
    seg, group = full_seg[order], full_group[order]
    if len(seg) == 0:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64), np.empty((0, 2), dtype=np.int64)
    follows = np.r_[False, (group[1:] == group[:-1]) & (seg[1:] == seg[:-1] + 1)
                    & (pl.seg_a[seg[1:]] == pl.seg_b[seg[:-1]])]
    start = ~follows
    count = 1 + start
    offset = np.cumsum(count) - count
    coords = np.empty((count.sum(), 2))
    coords[offset[start]] = pl.node_xy[pl.seg_a[seg[start]]]
    coords[offset + start] = pl.node_xy[pl.seg_b[seg]]
    run = np.cumsum(start) - 1
    stop = np.r_[start[1:], True]
    ends = np.stack([pl.seg_a[seg[start]], pl.seg_b[seg[stop]]], axis=1)
    if fresh is None:
        return shapely.linestrings(coords, indices=np.repeat(run, count)), group[start], ends
    keep = np.bincount(run, weights=fresh[order], minlength=run[-1] + 1) > 0
    point_keep = np.repeat(keep[run], count)
    lines = shapely.linestrings(coords[point_keep], indices=np.repeat(np.cumsum(keep)[run] - 1, count)[point_keep]) \
        if keep.any() else np.empty(0, dtype=object)
    return lines, group[start][keep], ends[keep]


def _piece_lines(pl, pieces, fresh=None):
    """Line geometries of the pieces and their groups: polylines of whole segments (only those holding a
    ``fresh`` segment, if given), then partial pieces."""
    runs, run_group, run_ends = _runs(pl, pieces.full_seg, pieces.full_group, fresh)
    partial = shapely.linestrings(np.stack([pl.node_xy[pieces.anchor], pieces.tip], axis=1)) \
        if len(pieces.anchor) else np.empty(0, dtype=object)
    return runs, run_group, run_ends, partial


def _union_by_group(geometries, group, groups):
    """``shapely.union_all`` of the geometries of each group, in the order of ``groups`` (empty polygon if none)."""
    out = np.array([shapely.Polygon()] * len(groups), dtype=object)
    if len(geometries) == 0:
        return out
    order = np.argsort(group, kind="stable")
    geometries, group = geometries[order], group[order]
    bounds = np.searchsorted(group, groups, side="left"), np.searchsorted(group, groups, side="right")
    filled = [(k, begin, end) for k, (begin, end) in enumerate(zip(*bounds)) if end > begin]
    unions = _in_threads(lambda item: _polygonal(_union_all(geometries[item[1]:item[2]])), filled)
    for (k, _, _), union in zip(filled, unions):
        out[k] = union
    return out


def _buffer(geometries, width, **options):
    """``shapely.buffer`` of an array of geometries, in one chunk per thread."""
    chunks = np.array_split(np.asarray(geometries, dtype=object), max(1, min(WORKERS, len(geometries) // 64)))
    return np.concatenate(_in_threads(lambda chunk: shapely.buffer(chunk, width, **options), chunks))


_worker = threading.local()  # ``busy`` in a thread of _in_threads: work nested in it runs in that thread


def _in_threads(function, items):
    """``[function(item) for item in items]``, the items shared out among :data:`WORKERS` threads (GEOS releases
    the GIL); in order. Each item is computed alone, exactly as in one thread. Inside a worker, nested calls run
    in that worker."""
    items = list(items)
    if WORKERS <= 1 or len(items) <= 1 or getattr(_worker, "busy", False):
        return [function(item) for item in items]

    def run(item):
        _worker.busy = True
        return function(item)

    with ThreadPoolExecutor(max_workers=min(WORKERS, len(items))) as pool:
        return list(pool.map(run, items))


def _union_all(geometries):
    """``shapely.union_all``; should GEOS meet a robustness failure, again on valid inputs snapped to a grid."""
    try:
        return shapely.union_all(geometries)
    except shapely.errors.GEOSException:
        return shapely.union_all(shapely.make_valid(geometries), grid_size=_GRID_M)


def _overlay(operation, a, b):
    """``operation`` (``shapely.union``, ``intersection`` or ``difference``), element-wise; should GEOS meet a
    robustness failure (a "non-noded intersection" on nearly collinear edges), again on valid inputs snapped to a
    grid of :data:`_GRID_M` metres."""
    try:
        if np.ndim(a) == 0 and np.ndim(b) == 0:
            return operation(a, b)
        a, b = np.broadcast_arrays(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
        out = np.empty(a.shape, dtype=object)  # element by element in threads: the same as on the whole arrays
        out.ravel()[:] = _in_threads(lambda pair: operation(*pair), zip(a.ravel(), b.ravel()))
        return out
    except shapely.errors.GEOSException:
        return operation(_valid_polygons(a), _valid_polygons(b), grid_size=_GRID_M)


def _valid_polygons(geometries):
    """Valid polygons only, of one geometry or an array of them (same shape)."""
    if isinstance(geometries, shapely.Geometry):
        return _polygonal(shapely.make_valid(geometries))
    return _polygonal_all(shapely.make_valid(geometries))


def _nested(shapes):
    """Each band's polygon united with the smaller bands' (rows: groups, columns: bands), so bands are nested."""
    shapes = shapes.copy()
    for k in range(1, shapes.shape[1]):
        shapes[:, k] = _polygonal_all(_overlay(shapely.union, shapes[:, k], shapes[:, k - 1]))
    return shapes


def _polygonal_all(geometries):
    """:func:`_polygonal` of every geometry of an array (same shape)."""
    geometries = np.asarray(geometries, dtype=object)
    out = np.empty(geometries.shape, dtype=object)
    out.ravel()[:] = [_polygonal(g) for g in geometries.ravel()]
    return out


def _polygonal(geometry):
    """Only the polygon parts of a geometry (overlays may leave lines or points where shapes touch)."""
    if geometry is None or shapely.is_empty(geometry):
        return shapely.Polygon()
    if shapely.get_type_id(geometry) in (3, 6):
        return geometry
    parts = shapely.get_parts(geometry)
    parts = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
    if len(parts) == 0:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


class _Builder:
    """Turns reached pieces into one polygon per group (buffer or concave hull)."""

    def __init__(self, pl, facilities_xy, buffer_m, quad_segs, shape, concave_ratio):
        self.pl, self.facilities_xy = pl, facilities_xy
        self.buffer_m, self.quad_segs, self.shape, self.ratio = buffer_m, quad_segs, shape, concave_ratio

    def polygons(self, pieces, facility_points, facility_group, groups, before=None):
        """Polygon of each of ``groups``; also returns the piece lines and their groups (for the split mode).

        ``before``: (whole segments, polygon of each group) of the previous, smaller band (buffers only). The
        polylines made of segments already whole then are in those polygons: only the others are drawn, and
        the result is united with them, so the bands are nested (a round end of a smaller band stays in)."""
        pl, width, quad = self.pl, self.buffer_m, self.quad_segs
        runs, run_group, run_ends, partial = _piece_lines(pl, pieces)
        lines = np.concatenate([runs, partial])
        line_group = np.concatenate([run_group, pieces.part_group]).astype(np.int64)
        if self.shape == "buffer":
            # Flat ends everywhere, and a disc at every end node with time left (the start of a partial piece,
            # the ends of a polyline): the polygon stops square where the time runs out, round elsewhere.
            ends = np.concatenate([pieces.anchor, run_ends[:, 0], run_ends[:, 1]])
            end_group = np.concatenate([pieces.part_group, run_group, run_group])
            live = pieces.slack[ends] > _NO_TIME_LEFT
            anchors = np.unique(np.stack([end_group[live], ends[live]], 1), axis=0).reshape(-1, 2)
            points = shapely.points(np.vstack([pl.node_xy[anchors[:, 1]], facility_points]))
            if before is not None:
                runs, run_group, _ = _runs(pl, pieces.full_seg, pieces.full_group,
                                           ~np.isin(pieces.full_seg, before[0]))
            geometries = np.concatenate([
                _buffer(runs, width, quad_segs=quad, cap_style="flat"),
                _buffer(partial, width, quad_segs=quad, cap_style="flat"),
                _buffer(points, width, quad_segs=quad),
            ])
            group = np.concatenate([run_group, pieces.part_group, anchors[:, 0], facility_group]).astype(np.int64)
            added = _union_by_group(geometries, group, groups)
            if before is None:
                return added, lines, line_group
            return _polygonal_all(_overlay(shapely.union, before[1], added)), lines, line_group
        # Points along the reached lines, at least every 2 x buffer_m, so the hull follows the roads.
        dense = lines.copy()
        long = shapely.length(lines) > 0  # GEOS cannot densify a zero-length line
        dense[long] = shapely.segmentize(lines[long], 2 * width)
        coords, index = shapely.get_coordinates(dense, return_index=True)
        coords = np.vstack([coords, facility_points])
        point_group = np.concatenate([line_group[index], facility_group]).astype(np.int64)
        out = np.array([shapely.Polygon()] * len(groups), dtype=object)
        present = np.isin(groups, point_group)
        if present.any():
            order = np.argsort(point_group, kind="stable")
            position, compact = np.unique(np.searchsorted(groups, point_group[order]), return_inverse=True)
            clouds = shapely.multipoints(coords[order], indices=compact.ravel())
            hulls = shapely.concave_hull(clouds, ratio=self.ratio)
            flat = shapely.area(hulls) <= 0
            hulls[flat] = shapely.buffer(hulls[flat], width, quad_segs=quad)
            out[position] = _polygonal_all(hulls)
        return out, lines, line_group


# --------------------------------------------------------------------------------------------------------------
# Split mode: a fixed partition of the contested areas by nearest labelled network piece
# --------------------------------------------------------------------------------------------------------------


def _contested(shapes):
    """Union of the pairwise overlaps of ``shapes`` (polygons), or None."""
    present = np.flatnonzero(~shapely.is_empty(shapes))
    if len(present) < 2:
        return None
    tree = shapely.STRtree(shapes[present])
    left, right = tree.query(shapes[present], predicate="intersects")
    pair = left < right
    if not pair.any():
        return None
    overlaps = _overlay(shapely.intersection, shapes[present][left[pair]], shapes[present][right[pair]])
    contested = _polygonal(_union_all(overlaps))
    return None if shapely.is_empty(contested) or shapely.area(contested) <= 0 else contested


def _voronoi_owner(contested, lines, line_group, groups, step_m, clip_m):
    """Where each of ``groups`` owns the ``contested`` area: the Voronoi cells of points sampled every ``step_m``
    along the lines (near the contested area if ``clip_m`` is given), united per group. Together they cover the
    contested area (and more: only their intersection with it is meant)."""
    zone_parts = shapely.get_parts(contested)
    if clip_m is not None:
        zones = shapely.buffer(zone_parts, clip_m, quad_segs=1)
        tree = shapely.STRtree(lines)
        zone, line = tree.query(zones, predicate="intersects")
        near, part_of = shapely.get_parts(shapely.intersection(lines[line], zones[zone]), return_index=True)
        near_group = line_group[line][part_of]
    else:
        near, near_group = lines, line_group
    keep = (shapely.get_type_id(near) == 1) & (shapely.length(near) > 0)
    near, near_group = near[keep], near_group[keep]
    near = shapely.segmentize(near, step_m)
    coords, index = shapely.get_coordinates(near, return_index=True)
    same = index[1:] == index[:-1]
    samples = 0.5 * (coords[1:][same] + coords[:-1][same])
    sample_group = near_group[index[1:][same]]
    # One sample per millimetre (the lowest group where pieces of several meet), so that the diagram is robust.
    samples = np.round(samples, 3)
    order = np.lexsort((sample_group, samples[:, 1], samples[:, 0]))
    samples, sample_group = samples[order], sample_group[order]
    first = np.r_[True, (np.diff(samples, axis=0) != 0).any(axis=1)] if len(samples) else np.empty(0, bool)
    samples, sample_group = samples[first], sample_group[first]
    extent = shapely.envelope(shapely.buffer(shapely.envelope(contested), step_m + (clip_m or 0), quad_segs=1))
    distinct = np.unique(sample_group)
    if len(distinct) <= 1:  # one group near the contested area (or, degenerate, none): it takes it all
        owners = np.array([shapely.Polygon()] * len(groups), dtype=object)
        owners[np.searchsorted(groups, distinct[0]) if len(distinct) else 0] = extent
        return owners
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(samples), extend_to=extent))
    cells = shapely.make_valid(cells)
    cell, point = shapely.STRtree(shapely.points(samples)).query(cells, predicate="intersects")
    # A cell holding several samples (on its border) goes to the lowest group among them.
    order = np.lexsort((sample_group[point], cell))
    first = order[np.r_[True, np.diff(cell[order]) != 0]]
    cell_group = np.full(len(cells), groups[0], dtype=np.int64)
    cell_group[cell[first]] = sample_group[point[first]]
    # Not clipped to the contested area: Voronoi edges cross the other shapes' edges cleanly, while clipped
    # owners would share edges with them, which makes later overlays slow.
    return _union_by_group(cells, cell_group, groups)


# --------------------------------------------------------------------------------------------------------------
# Population
# --------------------------------------------------------------------------------------------------------------


def population_within(polygons, population, counts=None):
    """Population inside each polygon.

    ``population``: an (n, 2) array of point coordinates, or shapely points, or shapely polygons; ``counts``: the
    inhabitants of each (default 1 each). Points count where the polygon intersects them; polygons are weighted by
    the share of their area inside (``count * area(intersection) / area``). Vectorised: pairs from an STRtree
    query, areas only for the polygons crossing a border (those wholly inside count whole).
    """
    polygons = np.asarray(polygons, dtype=object).reshape(-1)
    geometries = _population_geometries(population)
    counts = np.ones(len(geometries)) if counts is None else np.asarray(counts, dtype=float).reshape(-1)
    if len(counts) != len(geometries):
        raise ValueError(f"one count per population feature is needed ({len(geometries)}), got {len(counts)}")
    if not np.isfinite(counts).all():
        raise ValueError("population counts must be finite numbers")
    out = np.zeros(len(polygons))
    live = np.flatnonzero(~shapely.is_empty(polygons) & ~shapely.is_missing(polygons))
    if len(live) == 0 or len(geometries) == 0:
        return out
    shapely.prepare(polygons[live])
    tree = shapely.STRtree(geometries)
    which, item = tree.query(polygons[live], predicate="intersects")
    kinds = np.unique(shapely.get_type_id(geometries))
    if set(kinds) <= {0}:  # points
        weight = counts[item]
    else:
        area = shapely.area(geometries[item])
        inside = shapely.contains(polygons[live][which], geometries[item])
        weight = counts[item].copy()
        cross = ~inside & (area > 0)
        shared = shapely.area(shapely.intersection(polygons[live][which[cross]], geometries[item[cross]]))
        weight[cross] *= shared / area[cross]
        weight[~inside & (area <= 0)] = 0.0
    out[live] = np.bincount(which, weights=weight, minlength=len(live))
    return out


def _population_geometries(population):
    array = np.asarray(population)
    if array.dtype != object:
        array = np.asarray(array, dtype=float)
        if array.size == 0:
            return np.empty(0, dtype=object)
        if array.ndim != 2 or array.shape[1] != 2:
            raise ValueError("population points must be an (n, 2) array of coordinates (metres)")
        if not np.isfinite(array).all():
            raise ValueError("population coordinates must be finite numbers")
        return shapely.points(array)
    geometries = array.reshape(-1)
    kinds = set(np.unique(shapely.get_type_id(geometries)).tolist())
    if not (kinds <= {0} or kinds <= {3, 6}):
        raise ValueError("population must be all points or all polygons (with counts), not a mix or lines")
    return geometries


# --------------------------------------------------------------------------------------------------------------
# The whole computation
# --------------------------------------------------------------------------------------------------------------


def catchment_areas(network, facilities_xy, bands_minutes, *, mode="overlap", rings=False, direction="outbound",
                    delay_minutes=None, max_minutes=None, access_speed_kmh=20.0, max_snap_m=None,
                    buffer_m=100.0, quad_segs=2, shape="buffer", concave_ratio=0.3,
                    population=None, population_counts=None, memory_mb=256, progress=None):
    """Catchment polygons of the facilities for each band (see the module documentation for the method).

    ``network``: a :class:`~.network.RoadNetwork` (metres, minutes). ``facilities_xy``: (n, 2) metres.
    ``bands_minutes``: increasing positive limits, e.g. ``[10, 15, 20, 30]``. ``mode``: ``overlap``, ``dissolve`` or
    ``split``; ``rings``: bands as rings ``T(k-1) - T(k)`` instead of disks ``0 - T(k)``. ``direction``:
    ``outbound`` (facility -> places) or ``inbound`` (places -> facility). ``delay_minutes`` and ``max_minutes``:
    a number or one per facility (``max_minutes`` NaN or inf = none). ``access_speed_kmh`` and ``max_snap_m`` as in
    :func:`~.network.place_on_network`. ``buffer_m``: half-width of the road corridors; ``quad_segs``: segments per
    quarter circle of the buffers. ``shape``: ``buffer`` or ``concave`` (``concave_ratio``). ``population`` (points
    as an (n, 2) array or shapely points, or shapely polygons) with ``population_counts``.

    Returns a ``pandas.DataFrame``, one row per facility and band (``dissolve``: per band, facility -1), columns
    ``facility, band, lower, geometry, area_km2, population, share`` (population columns NaN without population).
    ``df.attrs`` holds ``off_network`` (indices of the facilities farther than ``max_snap_m`` from every road: their
    rows have empty polygons), ``snap_distance_m``, ``mode``, ``direction``, ``total_population``.
    Raises ``ValueError`` on bad input, or when no facility lies on the network.
    """
    facilities_xy = _facilities(facilities_xy)
    bands = _bands(bands_minutes)
    _choice(mode, MODES, "mode")
    _choice(direction, DIRECTIONS, "direction")
    _choice(shape, SHAPES, "shape")
    if not (buffer_m > 0):
        raise ValueError("the buffer width must be a positive number of metres")
    if not (0 <= concave_ratio <= 1):
        raise ValueError("the concave-hull ratio must be between 0 and 1")
    quad_segs = max(1, int(quad_segs))
    n = len(facilities_xy)
    delay, cap = _delays(delay_minutes, n), _caps(max_minutes, n)
    if population is None and population_counts is not None:
        raise ValueError("population counts were given without the population geometry")
    _report(progress, 0.0)

    pl = _Placement(network, facilities_xy, access_speed_kmh, max_snap_m, direction)
    on_network = pl.facility_node >= 0
    horizon = bands[-1]
    limits = _limits(bands, delay, cap)  # (facilities, bands), network minutes
    builder = _Builder(pl, facilities_xy, buffer_m, quad_segs, shape, concave_ratio)
    facility_index = np.arange(n)
    n_bands = len(bands)
    shapes = np.array([[shapely.Polygon()] * n_bands for _ in range(n if mode != "dissolve" else 1)],
                      dtype=object).reshape(-1, n_bands)

    if mode == "overlap":
        times = _bounded_times(pl, limits[:, -1], memory_mb, lambda f: _report(progress, 0.3 * f))
        zero = np.zeros(pl.n_nodes, dtype=np.int64)
        boundaries = np.searchsorted(times[0], facility_index, side="left"), \
            np.searchsorted(times[0], facility_index, side="right")
        scratch = threading.local()  # each worker's node array of minutes left, -inf outside the current facility

        def facility_shapes(f):
            nodes, minutes = times[1][boundaries[0][f]:boundaries[1][f]], times[2][boundaries[0][f]:boundaries[1][f]]
            if len(nodes) == 0:
                return
            if not hasattr(scratch, "slack"):
                scratch.slack = np.full(pl.n_nodes, -np.inf)
            slack, seg = scratch.slack, pl.segments_at(nodes)
            for k in np.flatnonzero(limits[f] >= 0):
                slack[nodes] = limits[f, k] - minutes
                pieces = _reached_pieces(pl, seg, slack, zero, slack)
                shapes[f, k] = builder.polygons(pieces, facilities_xy[[f]], np.zeros(1, np.int64),
                                                np.zeros(1, np.int64))[0][0]
            slack[nodes] = -np.inf

        # GEOS releases the GIL: one worker per core shares out the facilities.
        with ThreadPoolExecutor(max_workers=min(WORKERS, n)) as pool:
            work = [pool.submit(facility_shapes, f) for f in np.flatnonzero(on_network)]
            try:
                for done, future in enumerate(as_completed(work), 1):
                    future.result()
                    _report(progress, 0.3 + 0.6 * done / len(work))
            except BaseException:
                for future in work:
                    future.cancel()
                raise
        if shape == "concave":
            shapes = _nested(shapes)
    else:
        if np.isfinite(cap).any():
            table = _times_table(pl, horizon, delay, cap, memory_mb, lambda f: _report(progress, 0.3 * f))
            total, label = _nearest_from_table(table, pl.n_nodes, horizon)
        else:
            table = None
            total, label = _nearest_multi_source(pl, delay, horizon)
        _report(progress, 0.3)
        # Pieces labelled by nearest facility in both modes: the dissolved polygon is the union of the same
        # pieces the split mode shares out, so the two agree to the last vertex of the buffers' round parts.
        groups = facility_index
        reached_any = np.flatnonzero(np.isfinite(total))
        seg = pl.segments_at(reached_any) if len(reached_any) else np.empty(0, np.int64)
        group_shapes = np.empty((len(groups), n_bands), dtype=object)
        lines = before = None
        for k, band in enumerate(bands):
            slack = band - total if table is None else _max_slack(table, limits[:, k], pl.n_nodes)
            pieces = _reached_pieces(pl, seg, slack, label, total)
            present = on_network & (delay <= np.minimum(band, cap))
            points = facilities_xy[present]
            point_group = label[pl.facility_node[present]]
            group_shapes[:, k], band_lines, band_line_group = builder.polygons(pieces, points, point_group, groups,
                                                                               before)
            if shape == "buffer":
                before = (pieces.full_seg, group_shapes[:, k])
            if k == n_bands - 1:
                lines = (band_lines, band_line_group)
            _report(progress, 0.3 + 0.4 * (k + 1) / n_bands)
        if shape == "concave":
            group_shapes = _nested(group_shapes)
        if mode == "dissolve":
            shapes[0] = _in_threads(lambda k: _polygonal(_union_all(group_shapes[:, k])), range(n_bands))
        else:
            contested = _contested(group_shapes[:, -1])
            if contested is None:
                shapes[:] = group_shapes
            else:
                clip = None if shape == "concave" else buffer_m
                owner = _voronoi_owner(contested, *lines, groups, buffer_m / 2, clip)
                for k in range(n_bands):
                    own = _overlay(shapely.difference, group_shapes[:, k], contested)
                    # The dissolved polygon within the contested area: the union of the facilities' parts there.
                    contested_band = _polygonal(_union_all(
                        _overlay(shapely.intersection, group_shapes[:, k], contested)))
                    share = _overlay(shapely.intersection, contested_band, owner)
                    shapes[:, k] = _polygonal_all(_overlay(shapely.union, own, share))
    _report(progress, 0.9)

    # Populations of the disks, then rings as differences.
    total_population = np.nan
    population_of = np.full(shapes.shape, np.nan)
    if population is not None:
        geometries = _population_geometries(population)
        counts = np.ones(len(geometries)) if population_counts is None else \
            np.asarray(population_counts, dtype=float).reshape(-1)
        population_of = population_within(shapes.ravel(), geometries, counts).reshape(shapes.shape)
        total_population = float(counts.sum())
    lower = np.r_[0.0, bands[:-1]] if rings else np.zeros(n_bands)
    geometry = shapes.copy()
    if rings:
        geometry[:, 1:] = _polygonal_all(_overlay(shapely.difference, shapes[:, 1:], shapes[:, :-1]))
        population_of[:, 1:] = population_of[:, 1:] - population_of[:, :-1]
    rows = geometry.shape[0]
    frame = pd.DataFrame({
        "facility": np.repeat(np.arange(rows) if mode != "dissolve" else [-1], n_bands),
        "band": np.tile(bands, rows),
        "lower": np.tile(lower, rows),
        "geometry": geometry.ravel(),
        "area_km2": shapely.area(geometry.ravel()) / 1e6,
        "population": population_of.ravel(),
    })
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["share"] = frame["population"] / total_population if total_population else np.nan
    frame.attrs.update(off_network=np.flatnonzero(~on_network), snap_distance_m=pl.snap.distance_m, mode=mode,
                       direction=direction, total_population=total_population)
    _report(progress, 1.0)
    return frame
