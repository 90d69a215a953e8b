"""Underserved classes, contiguity, zones and Gi* hot spots on hand-made grids of square communes (1 km side)."""

import math

import numpy as np
import pytest
import shapely
from scipy.stats import norm
from shapely.geometry import Polygon, box

from medical_deserts_plugin.core.accessibility import population_below, population_weighted_mean
from medical_deserts_plugin.core.zones import (
    CLASS_LABELS,
    ISOLATED,
    NO_DATA,
    SERVED,
    UNDERSERVED,
    UNDERSERVED_ISOLATED,
    VIGILANCE,
    benjamini_hochberg,
    class_labels,
    classify,
    contiguity,
    contiguity_weights,
    distance_band_weights,
    find_zones,
    getis_ord_gi_star,
    zone_summary,
)

SIDE = 1000.0


def grid(rows, cols, side=SIDE):
    """Square communes, row-major: unit r * cols + c covers column c, row r."""
    return np.array(
        [box(c * side, r * side, (c + 1) * side, (r + 1) * side) for r in range(rows) for c in range(cols)],
        dtype=object,
    )


def neighbours(contig):
    m = contig.matrix.toarray()
    return [set(np.flatnonzero(row).tolist()) for row in m]


# ---------------------------------------------------------------------------------------------------- classes


def test_index_classes_and_bounds():
    index = [2.49, 2.5, 3.99, 4.0, np.nan, 0.0]
    assert classify(index).tolist() == [UNDERSERVED, VIGILANCE, VIGILANCE, SERVED, NO_DATA, UNDERSERVED]
    assert classify(index, underserved=3.0, vigilance=3.5).tolist() == [2, 2, 0, 0, -1, 2]


def test_time_classes_and_unreachable():
    minutes = [30.0, 30.01, np.nan, 0.0]
    assert classify(minutes=minutes).tolist() == [SERVED, ISOLATED, ISOLATED, SERVED]
    assert classify(minutes=minutes, unreachable_isolated=False).tolist() == [SERVED, ISOLATED, NO_DATA, SERVED]
    assert classify(minutes=minutes, isolated_minutes=20).tolist() == [ISOLATED, ISOLATED, ISOLATED, SERVED]


def test_combination_rules():
    index = [1.0, 1.0, 3.0, 3.0, 5.0, 5.0, np.nan, np.nan, 1.0, 5.0]
    minutes = [10, 45, 10, 45, 10, 45, 45, 10, np.nan, np.nan]
    either = classify(index, minutes, rule="index_or_time")
    assert either.tolist() == [2, 4, 1, 3, 0, 3, 3, -1, 4, 3]
    assert classify(index, minutes).tolist() == either.tolist()  # default with both arrays
    both = classify(index, minutes, rule="index_and_time")
    assert both.tolist() == [1, 4, 1, 1, 0, 1, -1, -1, 4, 1]
    # unreachable not counted as isolated: the unknown time leaves an underserved unit underserved, others no data
    unknown = classify(index, minutes, rule="index_or_time", unreachable_isolated=False)
    assert unknown.tolist()[8:] == [UNDERSERVED, NO_DATA]
    assert classify(index, minutes, rule="index_and_time", unreachable_isolated=False).tolist()[8:] == [-1, -1]
    assert classify(index, minutes, rule="index").tolist() == classify(index).tolist()
    assert classify(index, minutes, rule="time").tolist() == [0, 3, 0, 3, 0, 3, 3, 0, 3, 3]


def test_labels_use_official_vocabulary():
    assert sorted(CLASS_LABELS) == [-1, 0, 1, 2, 3, 4]
    fr = {k: v[0] for k, v in CLASS_LABELS.items()}
    assert "zone d'intervention prioritaire" in fr[UNDERSERVED] and "ZIP" in fr[UNDERSERVED]
    assert "zone d'action complémentaire" in fr[VIGILANCE] and "Vigilance" in fr[VIGILANCE]
    assert class_labels([4, -1], "en").tolist() == ["Underserved and isolated", "No data"]
    with pytest.raises(ValueError):
        class_labels([7])


def test_bad_classification_inputs():
    with pytest.raises(ValueError, match="numbers"):
        classify(["1.2", "abc"])
    with pytest.raises(ValueError, match="decimal comma"):
        classify(np.array(["2,5", "3"], dtype=object))
    with pytest.raises(ValueError, match="expected 2"):
        classify([1.0, 2.0], [10.0, 20.0, 30.0])
    with pytest.raises(ValueError, match="needs the minutes"):
        classify([1.0], rule="index_or_time")
    with pytest.raises(ValueError, match="rule"):
        classify([1.0], rule="worst")
    with pytest.raises(ValueError):
        classify([1.0], underserved=4, vigilance=2.5)
    # None (a NULL attribute) is no data, not an error
    assert classify(np.array([None, 1.0], dtype=object)).tolist() == [NO_DATA, UNDERSERVED]


# ---------------------------------------------------------------------------------------------------- contiguity


def test_queen_and_rook_on_a_3x3_grid():
    queen, rook = contiguity(grid(3, 3), "queen"), contiguity(grid(3, 3), "rook")
    assert neighbours(queen)[0] == {1, 3, 4} and neighbours(queen)[4] == set(range(9)) - {4}
    assert neighbours(rook)[0] == {1, 3} and neighbours(rook)[4] == {1, 3, 5, 7}
    assert (rook.matrix != rook.matrix.T).nnz == 0 and rook.matrix.diagonal().sum() == 0
    assert queen.matrix.nnz == 2 * 20 and rook.matrix.nnz == 2 * 12
    assert queen.n_overlapping_pairs == 0 and len(queen.repaired) == 0


def test_tolerance_closes_slivers_but_not_corners():
    gap = 2.0  # two communes 2 m apart (a digitising sliver) and a third touching the first at a corner only
    polys = [box(0, 0, 1000, 1000), box(1000 + gap, 0, 2000, 1000), box(-1000, -1000, 0, 0)]
    assert neighbours(contiguity(polys, "rook"))[0] == set()
    assert neighbours(contiguity(polys, "queen"))[0] == {2}
    assert neighbours(contiguity(polys, "rook", tolerance=5.0))[0] == {1}
    assert neighbours(contiguity(polys, "queen", tolerance=5.0))[0] == {1, 2}


def test_bow_tie_is_repaired_and_reported():
    bow_tie = Polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000)])  # self-intersecting: invalid
    assert not bow_tie.is_valid
    contig = contiguity([bow_tie, box(1000, 0, 2000, 1000), None], "rook")
    assert contig.repaired.tolist() == [0] and contig.empty.tolist() == [2]
    assert neighbours(contig) == [{1}, {0}, set()]  # the right triangle shares the edge x = 1000
    assert any("make_valid" in line for line in contig.report())
    assert contig.islands.tolist() == [2]


def test_overlapping_polygons_are_counted():
    polys = [box(0, 0, 1000, 1000), box(500, 0, 1500, 1000), box(1400, 0, 2400, 1000), box(2400, 0, 3400, 1000)]
    contig = contiguity(polys, "rook")
    assert contig.n_overlapping_pairs == 2 and contig.overlapping_pairs.tolist() == [[0, 1], [1, 2]]
    assert neighbours(contig) == [{1}, {0, 2}, {1, 3}, {2}]
    # a tiny overlap (0.5 m²) is below min_overlap_area: not reported
    tiny = contiguity([box(0, 0, 1000, 1000), box(999.9995, 0, 2000, 1000)], "queen")
    assert tiny.n_overlapping_pairs == 0 and neighbours(tiny)[0] == {1}


def test_bad_geometries():
    with pytest.raises(ValueError, match="shapely"):
        contiguity([box(0, 0, 1, 1), "POLYGON"])
    with pytest.raises(ValueError, match="rule"):
        contiguity(grid(1, 2), "bishop")


# ---------------------------------------------------------------------------------------------------- zones


def corner_case():
    """2 x 2 grid, underserved units 0 (bottom left) and 3 (top right) touching only at the centre point."""
    return grid(2, 2), np.array([1.0, 5.0, 5.0, 2.0]), np.array([100.0, 200.0, 300.0, 400.0])


def test_corner_touch_one_zone_with_queen_two_with_rook():
    polys, index, pop = corner_case()
    classes = classify(index)
    queen = find_zones(classes, contiguity(polys, "queen"), pop, index=index)
    rook = find_zones(classes, contiguity(polys, "rook"), pop, index=index)
    assert queen.unit_zone.tolist() == [1, 0, 0, 1] and len(queen.table) == 1
    assert rook.unit_zone.tolist() == [2, 0, 0, 1] and len(rook.table) == 2  # zone 1 = the larger population
    assert rook.table["population"].tolist() == [400.0, 100.0]


# Hand-made 3 x 4 territory (row 0 at the bottom), units numbered row-major:
#   row 2:  8: 6.0   9: 6.0  10: 6.0  11: 0.5
#   row 1:  4: 2.2   5: 3.0   6: 5.0   7: 2.4
#   row 0:  0: 1.0   1: 2.0   2: 5.0   3: 1.5
# Underserved (APL < 2.5): {0, 1, 4} (zone A) and {3, 7, 11} (zone B); unit 5 is vigilance.
INDEX = np.array([1.0, 2.0, 5.0, 1.5, 2.2, 3.0, 5.0, 2.4, 6.0, 6.0, 6.0, 0.5])
POP = np.array([100, 200, 500, 1000, 300, 500, 500, 50, 500, 500, 500, 150], dtype=float)
STD = np.array([120, 180, 450, 900, 300, 550, 480, 100, 500, 520, 510, 250], dtype=float)
MINUTES = np.array([5, 10, 0, 10, 15, 5, 0, 20, 0, 0, 0, 40], dtype=float)
ZRR = np.zeros(12, dtype=bool)
ZRR[[3, 7]] = True
QPV = np.zeros(12)
QPV[0] = 30.0


def test_zone_membership_populations_and_means():
    polys = grid(3, 4)
    classes = classify(INDEX)
    assert classes.tolist() == [2, 2, 0, 2, 2, 1, 0, 2, 0, 0, 0, 2]
    zones = find_zones(
        classes,
        contiguity(polys, "rook"),
        POP,
        index=INDEX,
        standardised_population=STD,
        minutes=MINUTES,
        zrr=ZRR,
        qpv_population=QPV,
        polygons=polys,
    )
    assert zones.unit_zone.tolist() == [2, 2, 0, 1, 2, 0, 0, 1, 0, 0, 0, 1]
    t = zones.table
    assert t.index.tolist() == [1, 2]
    assert t["n_units"].tolist() == [3, 3]
    assert t["population"].tolist() == [1200.0, 600.0]
    # mean weighted by standardised population (DREES): B = (1.5*900 + 2.4*100 + 0.5*250) / 1250
    assert t.loc[1, "mean_index"] == pytest.approx(1715 / 1250)
    assert t.loc[2, "mean_index"] == pytest.approx((1.0 * 120 + 2.0 * 180 + 2.2 * 300) / 600)
    assert t.loc[1, "mean_index"] == pytest.approx(population_weighted_mean(INDEX[[3, 7, 11]], STD[[3, 7, 11]]))
    assert t.loc[1, "mean_index"] != pytest.approx(population_weighted_mean(INDEX[[3, 7, 11]], POP[[3, 7, 11]]))
    assert t["worst_index"].tolist() == [0.5, 1.0]
    assert t.loc[1, "mean_minutes"] == pytest.approx((10 * 1000 + 20 * 50 + 40 * 150) / 1200)
    assert t.loc[1, "zrr_share"] == pytest.approx(1050 / 1200) and t.loc[2, "zrr_share"] == 0.0
    assert t.loc[2, "qpv_share"] == pytest.approx(30 / 600) and t.loc[1, "qpv_share"] == 0.0
    assert t["standardised_population"].tolist() == [1250.0, 600.0]
    assert t["class_code"].tolist() == [UNDERSERVED, UNDERSERVED] and not t["small"].any()
    # dissolved geometries: an L of three squares and a column of three
    assert zones.geometry[0].area == pytest.approx(3 * SIDE**2) and zones.geometry[0].geom_type == "Polygon"
    assert zones.geometry[0].bounds == (3000.0, 0.0, 4000.0, 3000.0)
    assert zones.geometry[1].equals(shapely.union_all([polys[0], polys[1], polys[4]]))


def test_summary_counts_plain_population_under_the_threshold():
    zones = find_zones(classify(INDEX), contiguity(grid(3, 4), "rook"), POP, index=INDEX, standardised_population=STD)
    summary = zone_summary(zones)
    assert summary["zone"].tolist() == ["1", "2", "Total"]
    assert summary["n_units"].tolist() == [3, 3, 6]
    # plain population: 1200 + 600, not the standardised 1250 + 600
    assert summary["population_below"].tolist() == [1200.0, 600.0, 1800.0]
    assert summary["population_below"].iloc[-1] == population_below(INDEX, POP)
    assert summary["population_below"].iloc[-1] != population_below(INDEX, STD)
    total = POP.sum()
    assert summary["share_pct"].tolist() == pytest.approx([120000 / total, 60000 / total, 180000 / total])
    fr = zone_summary(zones, "fr")
    assert {"communes", "population_sous_seuil", "part_population_pct"} <= set(fr.columns)
    assert "zone d'intervention prioritaire" in fr["classe"].iloc[0]


def test_isolated_zone_counts_only_people_under_the_threshold():
    # unit 5 (APL 3.0, vigilance by index) is 45 min away: isolated, joined with nothing of its own class
    minutes = MINUTES.copy()
    minutes[[5, 6]] = 45.0
    classes = classify(INDEX, minutes)
    assert classes[[5, 6]].tolist() == [ISOLATED, ISOLATED] and classes[11] == UNDERSERVED_ISOLATED
    zones = find_zones(classes, contiguity(grid(3, 4), "rook"), POP, index=INDEX, minutes=minutes)
    t = zones.table
    # zone B splits by class: {3, 7} underserved (1050 inhabitants) and {11} underserved and isolated (150)
    assert t["classes"].tolist() == ["2", "3", "2", "4"]  # zones of a single class each
    assert zones.unit_zone.tolist() == [3, 3, 0, 1, 3, 2, 2, 1, 0, 0, 0, 4]
    assert t["population"].tolist() == [1050.0, 1000.0, 600.0, 150.0]
    assert t.loc[2, "population_below"] == 0.0 and t.loc[2, "mean_minutes"] == 45.0
    assert zones.notes  # no standardised population given: said so


def test_merge_problem_classes():
    minutes = MINUTES.copy()
    minutes[[5, 6]] = 45.0
    classes = classify(INDEX, minutes)
    merged = find_zones(classes, contiguity(grid(3, 4), "rook"), POP, index=INDEX, merge_problem_classes=True)
    assert merged.unit_zone.tolist() == [1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1]
    assert merged.table["classes"].tolist() == ["2+3+4"]
    assert merged.table.loc[1, "class_code"] == UNDERSERVED  # the class holding most people (1650 vs 1000, 150)


def test_min_population_flags_or_drops_small_zones():
    contig = contiguity(grid(3, 4), "rook")
    flagged = find_zones(classify(INDEX), contig, POP, index=INDEX, min_population=1000)
    assert flagged.table["small"].tolist() == [False, True] and flagged.dropped_small == 0
    dropped = find_zones(classify(INDEX), contig, POP, index=INDEX, min_population=1000, drop_small=True)
    assert dropped.unit_zone.tolist() == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]
    assert dropped.table.index.tolist() == [1] and dropped.dropped_small == 1


def test_zone_ids_are_stable_on_ties():
    # three isolated single units with equal populations: ids follow the unit order
    classes = np.array([2, 0, 2, 0, 2])
    zones = find_zones(classes, contiguity(grid(1, 5), "rook"), np.array([5.0, 1.0, 5.0, 1.0, 9.0]))
    assert zones.unit_zone.tolist() == [2, 0, 3, 0, 1]


def test_problem_classes_parameter_and_qpv_fraction():
    zones = find_zones(
        classify(INDEX),
        contiguity(grid(3, 4), "rook"),
        POP,
        index=INDEX,
        problem_classes=[VIGILANCE],
        qpv_fraction=np.full(12, 0.5),
    )
    assert zones.unit_zone.tolist() == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert zones.table.loc[1, "qpv_share"] == 0.5


def test_bad_zone_inputs():
    contig = contiguity(grid(3, 4), "rook")
    classes = classify(INDEX)
    with pytest.raises(ValueError, match="expected 12"):
        find_zones(classes, contig, POP[:-1])
    with pytest.raises(ValueError, match="expected 11"):
        find_zones(classes[:-1], contig, POP[:-1])
    with pytest.raises(ValueError, match="numbers"):
        find_zones(classes, contig, POP.astype(str).astype(object) + "x")
    with pytest.raises(ValueError, match="not both"):
        find_zones(classes, contig, POP, qpv_population=QPV, qpv_fraction=np.zeros(12))
    with pytest.raises(ValueError, match=">= 0"):
        find_zones(classes, contig, -POP)


# ---------------------------------------------------------------------------------------------------- Gi*


def gi_star_by_hand(x, w):
    """Getis & Ord (1995) Gi*, written out with loops: S is the population standard deviation (ddof=0)."""
    n = len(x)
    mean = sum(x) / n
    s = math.sqrt(sum(v * v for v in x) / n - mean * mean)
    out = []
    for i in range(n):
        wi = sum(w[i][j] for j in range(n))
        s1 = sum(w[i][j] ** 2 for j in range(n))
        num = sum(w[i][j] * x[j] for j in range(n)) - mean * wi
        out.append(num / (s * math.sqrt((n * s1 - wi * wi) / (n - 1))))
    return out


def rook_with_self_3x3():
    w = [[0.0] * 9 for _ in range(9)]
    for i in range(9):
        for j in range(9):
            ri, ci, rj, cj = i // 3, i % 3, j // 3, j % 3
            if abs(ri - rj) + abs(ci - cj) <= 1:
                w[i][j] = 1.0
    return w


def test_gi_star_matches_the_published_formula():
    x = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0]
    weights = contiguity_weights(contiguity(grid(3, 3), "rook"))
    assert weights.toarray().tolist() == rook_with_self_3x3()
    result = getis_ord_gi_star(x, weights)
    assert result["gi_star"].to_numpy() == pytest.approx(gi_star_by_hand(x, rook_with_self_3x3()), rel=1e-12)
    assert result["p_value"].to_numpy() == pytest.approx(2 * norm.sf(np.abs(result["gi_star"].to_numpy())))


def test_gi_star_known_value():
    # x = 0..8 on the 3 x 3 rook lattice with self. Mean 4, S² = 204/9 - 16 = 20/3. Corner 0 sees {0, 1, 3}:
    # sum 4, W = 3, S1 = 3, so Gi* = (4 - 4*3) / (sqrt(20/3) * sqrt((9*3 - 9) / 8)) = -8 / sqrt(15).
    # The centre sees 1, 3, 4, 5, 7: sum 20 = 4 * 5, Gi* = 0.
    result = getis_ord_gi_star(np.arange(9.0), contiguity_weights(contiguity(grid(3, 3), "rook")))
    z = result["gi_star"].to_numpy()
    assert z[0] == pytest.approx(-8 / math.sqrt(15)) and z[8] == pytest.approx(8 / math.sqrt(15))
    assert z[4] == pytest.approx(0.0, abs=1e-12)
    # unit 1 (z = -2.2045, p = 0.0275): cold at 95 % without FDR; BH lifts its p to 0.0875: only 90 %
    plain = getis_ord_gi_star(np.arange(9.0), contiguity_weights(contiguity(grid(3, 3), "rook")))
    assert plain["category"].tolist()[:2] == ["cold", "cold"] and plain["confidence"].tolist()[:3] == [-95, -95, 0]
    assert plain["category"].iloc[7] == "hot" and plain["gi_bin"].iloc[7] == 2
    fdr = getis_ord_gi_star(np.arange(9.0), contiguity_weights(contiguity(grid(3, 3), "rook")), fdr=True)
    # BH: sorted p .0275 .0275 .0389 .0389 ...; rank 4 gives .0389 * 9 / 4 = .0875, the minimum from above
    assert fdr["p_adjusted"].iloc[1] == pytest.approx(2 * norm.sf(8 / math.sqrt(15)) * 9 / 4)
    assert (fdr["category"] == "not significant").all() and fdr["confidence"].tolist()[:2] == [-90, -90]


def test_distance_band_weights_and_missing_values():
    polys = grid(3, 3)
    rook = contiguity_weights(contiguity(polys, "rook"))
    band = distance_band_weights(polys, 1000.0)  # centroid spacing 1000 m, diagonals 1414 m
    assert (band != rook).nnz == 0
    assert distance_band_weights(shapely.get_coordinates(shapely.centroid(polys)), 1500.0).nnz == 9 + 2 * 20
    x = np.array([3.0, 1.0, 4.0, 1.0, np.nan, 9.0, 2.0, 6.0, 5.0])
    result = getis_ord_gi_star(x, band)
    keep = [0, 1, 2, 3, 5, 6, 7, 8]
    w = [[rook_with_self_3x3()[i][j] for j in keep] for i in keep]
    assert result["gi_star"].to_numpy()[keep] == pytest.approx(gi_star_by_hand(x[keep].tolist(), w))
    assert result["category"].iloc[4] == "no data" and np.isnan(result["gi_star"].iloc[4])
    with pytest.raises(ValueError, match="expected 8 units"):
        getis_ord_gi_star(x[:-1], band)
    with pytest.raises(ValueError, match="numbers"):
        getis_ord_gi_star(["a"] * 9, band)


def test_benjamini_hochberg_on_known_p_values():
    p = [0.01, 0.04, 0.03, 0.005]  # sorted .005 .01 .03 .04 -> x 4/rank: .02 .02 .04 .04
    assert benjamini_hochberg(p).tolist() == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert benjamini_hochberg([0.01, 0.02, 0.03, 0.04, 0.05]).tolist() == pytest.approx([0.05] * 5)
    out = benjamini_hochberg([0.9, np.nan, 0.8])  # NaN ignored: m = 2
    assert out[0] == pytest.approx(0.9) and np.isnan(out[1]) and out[2] == pytest.approx(0.9)
    assert benjamini_hochberg([0.6, 0.7]).tolist() == [0.7, 0.7]
    with pytest.raises(ValueError):
        benjamini_hochberg([1.5])
