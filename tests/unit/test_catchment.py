"""Catchment polygons on hand-made networks whose reach is worked out by hand (60 km/h = 1 km per minute)."""

import numpy as np
import pytest
import shapely

from medical_deserts_plugin.core.catchment import catchment_areas, facility_times, population_within
from medical_deserts_plugin.core.network import BACKWARD, FORWARD, build_network

TOL = 1e-6


def network_from_lines(lines, speeds, directions=None):
    coords, part = shapely.get_coordinates([shapely.LineString(line) for line in lines], return_index=True)
    return build_network(coords, part, speeds, directions)


def straight_road(direction=None):
    """A 30 km road along y = 0 at 60 km/h, a vertex every kilometre."""
    line = [(x, 0.0) for x in range(0, 30001, 1000)]
    return network_from_lines([line], [60.0], None if direction is None else [direction])


def grid(side_km=6, speed=60.0):
    """Square grid, 1 km blocks, every street at ``speed`` km/h."""
    lines = []
    for k in range(side_km + 1):
        lines.append([(x * 1000.0, k * 1000.0) for x in range(side_km + 1)])
        lines.append([(k * 1000.0, y * 1000.0) for y in range(side_km + 1)])
    return network_from_lines(lines, [speed] * len(lines))


def inside(geometry, points):
    return shapely.intersects(geometry, shapely.points(np.asarray(points, dtype=float)))


# ---------------------------------------------------------------------------------------------------------------
# Reach along the road
# ---------------------------------------------------------------------------------------------------------------


def test_straight_road_polygon_ends_exactly_at_the_band():
    df = catchment_areas(straight_road(), [(12500, 0)], [10], buffer_m=50)
    polygon = df.geometry[0]
    assert polygon.bounds == pytest.approx((2500, -50, 22500, 50), abs=TOL)
    assert df.area_km2[0] == pytest.approx(20 * 0.1, rel=TOL)  # flat ends: a 20 km x 100 m strip
    # 9 minutes away: inside; 11 minutes away or 60 m off the road: outside.
    assert inside(polygon, [(3500, 0), (21500, 0), (21500, 40), (12500, 0)]).all()
    assert not inside(polygon, [(1500, 0), (23500, 0), (12500, 60)]).any()


def test_bands_as_disks_and_rings():
    road = straight_road()
    disks = catchment_areas(road, [(12500, 0)], [5, 10], buffer_m=50)
    rings = catchment_areas(road, [(12500, 0)], [5, 10], buffer_m=50, rings=True)
    assert disks.lower.tolist() == [0, 0] and rings.lower.tolist() == [0, 5]
    assert disks.geometry[0].bounds == pytest.approx((7500, -50, 17500, 50), abs=TOL)
    ring = rings.geometry[1]
    assert rings.area_km2[1] == pytest.approx(2.0 - 1.0, rel=TOL)
    assert shapely.area(shapely.intersection(ring, rings.geometry[0])) < TOL
    assert shapely.union(ring, rings.geometry[0]).equals_exact(disks.geometry[1], 1e-6) or \
        shapely.area(shapely.symmetric_difference(shapely.union(ring, rings.geometry[0]), disks.geometry[1])) < TOL
    assert inside(ring, [(5000, 0), (20000, 0)]).all() and not inside(ring, [(12500, 0)]).any()


def test_access_leg_costs_time_and_the_facility_is_inside():
    # 1 km off the road at 20 km/h = 3 minutes, so 7 minutes are left along the road.
    df = catchment_areas(straight_road(), [(12500, 1000)], [10], buffer_m=50, access_speed_kmh=20)
    polygon = df.geometry[0]
    assert polygon.bounds == pytest.approx((5500, -50, 19500, 1050), abs=TOL)
    assert inside(polygon, [(12500, 1000), (12500, 500), (6000, 0)]).all()
    assert not inside(polygon, [(5000, 0), (12000, 500)]).any()


def test_delay_shifts_the_bands_and_max_time_caps_them():
    road = straight_road()
    delayed = catchment_areas(road, [(12500, 0)], [10], buffer_m=50, delay_minutes=2)
    assert delayed.geometry[0].bounds == pytest.approx((4500, -50, 20500, 50), abs=TOL)
    capped = catchment_areas(road, [(12500, 0)], [5, 10], buffer_m=50, max_minutes=5)
    assert capped.geometry[1].equals(capped.geometry[0])
    late = catchment_areas(road, [(12500, 0)], [5, 10], buffer_m=50, delay_minutes=7)
    assert late.geometry[0].is_empty
    assert late.geometry[1].bounds == pytest.approx((9500, -50, 15500, 50), abs=TOL)


def test_one_way_road_reaches_one_side_only():
    road = straight_road(FORWARD)  # west -> east only
    out = catchment_areas(road, [(12500, 0)], [10], buffer_m=50).geometry[0]
    assert out.bounds == pytest.approx((12450, -50, 22500, 50), abs=TOL)  # west end: the facility's disc
    inbound = catchment_areas(road, [(12500, 0)], [10], buffer_m=50, direction="inbound").geometry[0]
    assert inbound.bounds == pytest.approx((2500, -50, 12550, 50), abs=TOL)
    backward = catchment_areas(straight_road(BACKWARD), [(12500, 0)], [10], buffer_m=50).geometry[0]
    assert backward.bounds == pytest.approx((2500, -50, 12550, 50), abs=TOL)


def test_grid_reach_turns_corners():
    # From the corner (0, 0), 2.5 minutes: 2.5 km along each edge, and 1.5 km up each first cross street.
    df = catchment_areas(grid(), [(0, 0)], [2.5], buffer_m=50)
    polygon = df.geometry[0]
    assert inside(polygon, [(2400, 0), (0, 2400), (1000, 1400), (1400, 1000), (2000, 400)]).all()
    assert not inside(polygon, [(2600, 0), (1000, 1600), (1600, 1000), (2000, 600), (500, 500)]).any()
    # The facility's own time table agrees.
    times = facility_times(grid(), [(0, 0)], 2.5)
    reached = dict(zip(map(tuple, grid().node_xy[times.node[times.node < grid().node_count]]),
                       times.minutes[times.node < grid().node_count]))
    assert reached[(2000.0, 0.0)] == pytest.approx(2.0) and reached[(1000.0, 1000.0)] == pytest.approx(2.0)
    assert (3000.0, 0.0) not in reached


def test_concave_hull_option_is_nested_and_holds_the_reached_points():
    df = catchment_areas(grid(), [(2000, 2000)], [1.5, 3], shape="concave", concave_ratio=0.2, buffer_m=50)
    small, large = df.geometry
    assert shapely.area(shapely.difference(small, large)) < TOL
    assert inside(large, [(2000, 2000), (4900, 2000), (3000, 3900)]).all()
    assert not inside(large, [(5100, 2000), (500, 500)]).any()


# ---------------------------------------------------------------------------------------------------------------
# Overlap modes
# ---------------------------------------------------------------------------------------------------------------

FACILITIES = [(1000, 1000), (4500, 1000), (3000, 4200), (3000, 4200)]


@pytest.mark.parametrize("shape", ["buffer", "concave"])
@pytest.mark.parametrize("rings", [False, True])
def test_split_polygons_do_not_overlap_and_add_up_to_dissolve(shape, rings):
    net = grid()
    kwargs = dict(buffer_m=120, shape=shape, rings=rings, delay_minutes=[0, 1, 0, 0])
    split = catchment_areas(net, FACILITIES, [2, 3, 4.5], mode="split", **kwargs)
    dissolve = catchment_areas(net, FACILITIES, [2, 3, 4.5], mode="dissolve", **kwargs)
    assert dissolve.facility.tolist() == [-1, -1, -1]
    geometries = split.geometry.to_numpy()
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    band = split.band.to_numpy()
    pair = (left < right) & ((band[left] == band[right]) | rings)  # disks of one facility are nested
    overlap = shapely.area(shapely.intersection(geometries[left[pair]], geometries[right[pair]]))
    assert overlap.max(initial=0) <= TOL * dissolve.area_km2.sum() * 1e6
    for band in (2, 3, 4.5):
        parts = split.geometry[split.band == band]
        whole = dissolve.geometry[dissolve.band == band].iloc[0]
        assert parts.map(shapely.area).sum() == pytest.approx(shapely.area(whole), rel=TOL)
        assert shapely.area(shapely.symmetric_difference(shapely.union_all(parts.to_numpy()), whole)) \
            <= TOL * shapely.area(whole)
    # The duplicate facility (same node as facility 2, same delay) gets nothing: the lower index wins.
    assert split.geometry[split.facility == 3].map(shapely.is_empty).all()


def test_split_gives_each_piece_to_the_nearest_facility():
    net = straight_road()
    df = catchment_areas(net, [(5000, 0), (15000, 0)], [10], mode="split", buffer_m=50)
    first, second = df.geometry
    # The west end of the road is reached with time left: round end 50 m beyond it.
    assert first.bounds == pytest.approx((-50, -50, 10000, 50), abs=TOL)
    assert second.bounds == pytest.approx((10000, -50, 25000, 50), abs=TOL)
    delayed = catchment_areas(net, [(5000, 0), (15000, 0)], [10], mode="split", buffer_m=50,
                              delay_minutes=[0, 2])
    assert delayed.geometry[0].bounds[2] == pytest.approx(11000, abs=TOL)  # times meet 1 km further east
    assert delayed.geometry[1].bounds == pytest.approx((11000, -50, 23000, 50), abs=TOL)


def test_overlap_mode_polygons_overlap_and_dissolve_is_their_union():
    net = grid()
    overlap = catchment_areas(net, FACILITIES[:3], [3], mode="overlap", buffer_m=100)
    dissolve = catchment_areas(net, FACILITIES[:3], [3], mode="dissolve", buffer_m=100)
    union = shapely.union_all(overlap.geometry.to_numpy())
    assert shapely.area(shapely.symmetric_difference(union, dissolve.geometry[0])) <= TOL * union.area
    assert overlap.area_km2.sum() > dissolve.area_km2[0] * (1 + 1e-3)


def test_rings_of_one_facility_do_not_overlap():
    df = catchment_areas(grid(), [(3000, 3000)], [1, 2, 3, 5], rings=True, buffer_m=100)
    geometries = df.geometry.to_numpy()
    for i in range(len(geometries)):
        for j in range(i + 1, len(geometries)):
            assert shapely.area(shapely.intersection(geometries[i], geometries[j])) < TOL
    disk = catchment_areas(grid(), [(3000, 3000)], [5], buffer_m=100).geometry[0]
    assert shapely.union_all(geometries).area == pytest.approx(disk.area, rel=TOL)


def test_maximum_times_take_the_per_facility_path_and_agree_without_effect():
    net = grid()
    free = catchment_areas(net, FACILITIES[:3], [2, 4], mode="split", buffer_m=100)
    capped = catchment_areas(net, FACILITIES[:3], [2, 4], mode="split", buffer_m=100, max_minutes=1000)
    for a, b in zip(free.geometry, capped.geometry):
        assert shapely.area(shapely.symmetric_difference(a, b)) < TOL
    tight = catchment_areas(net, FACILITIES[:3], [2, 4], mode="dissolve", buffer_m=100, max_minutes=[2, 4, 4])
    only_first = catchment_areas(net, FACILITIES[:1], [2], buffer_m=100).geometry[0]
    assert shapely.area(shapely.difference(only_first, tight.geometry[1])) < TOL


def test_small_memory_chunks_give_the_same_polygons():
    net = grid()
    big = catchment_areas(net, FACILITIES, [3], buffer_m=100)
    small = catchment_areas(net, FACILITIES, [3], buffer_m=100, memory_mb=1e-4)
    for a, b in zip(big.geometry, small.geometry):
        assert a.equals(b)


# ---------------------------------------------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------------------------------------------


def test_population_of_points_is_exact():
    # Points every km at y = +-25 (near the road) and y = +-75 (beyond the 50 m buffer).
    xs = np.arange(500.0, 30000.0, 1000.0)
    xy = np.concatenate([np.stack([xs, np.full_like(xs, y)], 1) for y in (-25, 25, -75, 75)])
    counts = np.arange(1, len(xy) + 1, dtype=float)
    df = catchment_areas(straight_road(), [(12000, 0)], [5, 10], buffer_m=50, population=xy,
                         population_counts=counts, rings=True)
    near = (np.abs(xy[:, 1]) < 50)
    disk5 = counts[near & (xy[:, 0] > 7000) & (xy[:, 0] < 17000)].sum()
    disk10 = counts[near & (xy[:, 0] > 2000) & (xy[:, 0] < 22000)].sum()
    assert df.population.tolist() == [disk5, disk10 - disk5]
    assert df.share.tolist() == pytest.approx([disk5 / counts.sum(), (disk10 - disk5) / counts.sum()])
    assert df.attrs["total_population"] == counts.sum()


def test_population_of_squares_is_area_weighted():
    # 100 m squares under the road's south half: each is half inside the 50 m buffer; the squares cut by the
    # 10-minute end (x = 2500 and 22500) are a quarter inside.
    corners = np.arange(0.0, 30000.0, 100.0) - 50.0
    squares = shapely.box(corners, -100.0, corners + 100.0, 0.0)
    counts = np.full(len(corners), 8.0)
    df = catchment_areas(straight_road(), [(12500, 0)], [10], buffer_m=50, population=squares,
                         population_counts=counts)
    # Squares wholly between 2500 and 22500: centres 2600 .. 22400 (199 squares) + 2 cut squares.
    assert df.population[0] == pytest.approx(199 * 8 * 0.5 + 2 * 8 * 0.25, rel=1e-9)
    assert population_within([shapely.box(0, 0, 10, 10)], [shapely.box(5, 0, 15, 10)], [10]) == \
        pytest.approx([5.0])
    assert population_within([shapely.box(0, 0, 10, 10), shapely.Polygon()], np.array([[5.0, 5], [50, 5]])) \
        .tolist() == [1.0, 0.0]


# ---------------------------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------------------------


def test_bad_input_is_refused_with_a_clear_message():
    road = straight_road()
    with pytest.raises(ValueError, match="no facilities"):
        catchment_areas(road, np.empty((0, 2)), [10])
    with pytest.raises(ValueError, match="strictly increasing"):
        catchment_areas(road, [(0, 0)], [10, 10])
    with pytest.raises(ValueError, match="positive"):
        catchment_areas(road, [(0, 0)], [0, 10])
    with pytest.raises(ValueError, match="at least one band"):
        catchment_areas(road, [(0, 0)], [])
    with pytest.raises(ValueError, match="mode"):
        catchment_areas(road, [(0, 0)], [10], mode="voronoi")
    with pytest.raises(ValueError, match="delays"):
        catchment_areas(road, [(0, 0)], [10], delay_minutes=-1)
    with pytest.raises(ValueError, match="one value per facility"):
        catchment_areas(road, [(0, 0)], [10], delay_minutes=[1, 2])
    with pytest.raises(ValueError, match="buffer"):
        catchment_areas(road, [(0, 0)], [10], buffer_m=0)
    with pytest.raises(ValueError, match="all points or all polygons"):
        catchment_areas(road, [(0, 0)], [10], population=[shapely.Point(0, 0), shapely.box(0, 0, 1, 1)])


def test_facility_off_every_road_is_reported_not_fatal():
    road = straight_road()
    df = catchment_areas(road, [(12500, 0), (12500, 5000)], [10], max_snap_m=500, mode="split", buffer_m=50)
    assert df.attrs["off_network"].tolist() == [1]
    assert df.geometry[1].is_empty and not df.geometry[0].is_empty
    assert df.geometry[0].bounds == pytest.approx((2500, -50, 22500, 50), abs=TOL)
    with pytest.raises(ValueError, match="none of the 1 facilities lies on the road network within 500 m"):
        catchment_areas(road, [(12500, 5000)], [10], max_snap_m=500)


def test_overlay_retries_on_a_grid_after_a_geos_robustness_failure():
    from medical_deserts_plugin.core import catchment

    calls = []

    def flaky_union(a, b, **kwargs):
        calls.append(kwargs)
        if not kwargs:
            raise shapely.errors.GEOSException("TopologyException: found non-noded intersection")
        return shapely.union(a, b, **kwargs)

    # A line left over from an earlier overlay is dropped before the retry (GEOS refuses mixed dimensions).
    mixed = shapely.GeometryCollection([shapely.box(0, 0, 1, 1), shapely.LineString([(1, 0), (2, 0)])])
    result = catchment._overlay(flaky_union, mixed, shapely.box(1, 0, 2, 1))
    assert calls == [{}, {"grid_size": catchment._GRID_M}]
    assert result.area == pytest.approx(2.0)


@pytest.mark.parametrize("mode", ["overlap", "dissolve", "split"])
def test_threads_give_the_same_polygons_as_one_thread(mode, monkeypatch):
    """The overlays and unions shared out among threads give, vertex for vertex, the polygons of one thread."""
    from bench.bench_national import road_lines
    from medical_deserts_plugin.core import catchment

    rng = np.random.default_rng(18)
    lines, classes, _ = road_lines(rng, np.zeros(2), 6000.0, spacing_m=600.0, shape_vertices=3)
    speed = np.where(classes == "primary", 80.0, 40.0)
    coords, part = shapely.get_coordinates(shapely.linestrings(np.concatenate(lines), indices=np.repeat(
        np.arange(len(lines)), [len(line) for line in lines])), return_index=True)
    net = build_network(coords, part, speed)
    facilities = rng.uniform(500, 5500, size=(5, 2))
    population = rng.uniform(0, 6000, size=(300, 2))
    kwargs = dict(mode=mode, rings=True, buffer_m=150, population=population)
    monkeypatch.setattr(catchment, "WORKERS", 1)
    alone = catchment_areas(net, facilities, [2, 4, 6], **kwargs)
    monkeypatch.setattr(catchment, "WORKERS", 2)
    shared = catchment_areas(net, facilities, [2, 4, 6], **kwargs)
    assert len(alone) == len(shared) and (shapely.area(alone.geometry.to_numpy()) > 0).sum() >= 3
    assert (shapely.to_wkb(alone.geometry.to_numpy()) == shapely.to_wkb(shared.geometry.to_numpy())).all()
    assert alone.drop(columns="geometry").equals(shared.drop(columns="geometry"))
