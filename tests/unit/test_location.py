"""Location-allocation models checked against exhaustive enumeration on small random and hand-made instances."""

from itertools import combinations

import numpy as np
import pytest
from scipy import sparse
from scipy.optimize import linprog

from medical_deserts_plugin.core import location
from medical_deserts_plugin.core.location import apl_gain_matrix, apl_lift, lscp, mclp, p_center, p_median
from medical_deserts_plugin.core.travel_times import TravelTimeTable

EXACT = dict(mip_rel_gap=0.0, method="milp")


def random_instance(seed, n_units=8, n_cand=5, missing=0.25):
    """Dense minutes (inf = not stored), the table, integer weights (one unit empty)."""
    rng = np.random.default_rng(seed)
    minutes = np.round(rng.uniform(0, 30, (n_units, n_cand)), 1)
    minutes[rng.random((n_units, n_cand)) < 0.15] = 0.0
    minutes[rng.random((n_units, n_cand)) < missing] = np.inf
    for i in np.flatnonzero(~np.isfinite(minutes).any(axis=1)):  # every unit reaches at least one candidate
        minutes[i, rng.integers(n_cand)] = rng.uniform(0, 30)
    weights = rng.integers(1, 100, n_units).astype(float)
    weights[rng.integers(n_units)] = 0.0
    return minutes, table_from_dense(minutes), weights


def table_from_dense(minutes):
    o, d = np.nonzero(np.isfinite(minutes))
    return TravelTimeTable(o, d, minutes[o, d], minutes.shape)


def subsets(n_cand, p, predefined=()):
    free = [c for c in range(n_cand) if c not in predefined]
    for extra in combinations(free, p):
        yield sorted(list(predefined) + list(extra))


def covered_weight(minutes, weights, radius, sites):
    return weights[(minutes[:, sites] <= radius).any(axis=1)].sum()


def median_cost(minutes, weights, sites):
    best = minutes[:, sites].min(axis=1)[weights > 0]
    return np.inf if not np.isfinite(best).all() else (weights[weights > 0] * best).sum()


def center_cost(minutes, weights, sites):
    return minutes[:, sites].min(axis=1)[weights > 0].max()


def brute(score, n_cand, p, predefined=(), maximise=True):
    values = {tuple(s): score(s) for s in subsets(n_cand, p, predefined)}
    best = max(values.values()) if maximise else min(values.values())
    return best, [s for s, v in values.items() if np.isclose(v, best)]


# ------------------------------------------------------------------------------------------------------------ MCLP


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("p", [1, 2, 3])
def test_mclp_matches_enumeration(seed, p):
    minutes, table, w = random_instance(seed)
    best, winners = brute(lambda s: covered_weight(minutes, w, 12.0, s), 5, p)
    res = mclp(table, w, 12.0, p, **EXACT)
    assert res.objective == pytest.approx(best)
    assert tuple(sorted(res.sites)) in winners
    assert res.optimal and res.method == "milp" and res.mip_gap <= 1e-9
    covered = (minutes[:, res.sites] <= 12.0).any(axis=1)
    np.testing.assert_array_equal(res.assignment >= 0, covered)
    ok = res.assignment >= 0
    np.testing.assert_allclose(res.assignment_minutes[ok], minutes[ok, res.assignment[ok]])
    assert (res.assignment_minutes[ok] <= 12.0).all() and np.isnan(res.assignment_minutes[~ok]).all()


def test_mclp_predefined_sites_are_kept_and_p_counts_new_ones():
    minutes, table, w = random_instance(11)
    best, winners = brute(lambda s: covered_weight(minutes, w, 10.0, s), 5, 2, predefined=(3,))
    res = mclp(table, w, 10.0, 2, predefined=[3], **EXACT)
    assert res.objective == pytest.approx(best)
    assert len(res.sites) == 2 and 3 not in res.sites and list(res.predefined) == [3]
    assert tuple(sorted(res.open_sites)) in winners


def test_mclp_ties_return_one_of_the_optimal_sets():
    # four units, each covered by exactly two of four candidates, symmetric: many optimal pairs
    minutes = np.full((4, 4), 30.0)
    for i in range(4):
        minutes[i, i] = minutes[i, (i + 1) % 4] = 5.0
    w = np.full(4, 10.0)
    best, winners = brute(lambda s: covered_weight(minutes, w, 10.0, s), 4, 2)
    res = mclp(table_from_dense(minutes), w, 10.0, 2, **EXACT)
    assert best == 40 and len(winners) == 2 and res.objective == 40
    assert tuple(sorted(res.sites)) in winners
    np.testing.assert_array_equal(res.contribution, [20.0, 20.0])
    assert list(res.sites) == sorted(res.sites)  # equal contributions: lower index first


def test_mclp_ranking_is_the_loss_when_each_site_alone_is_closed():
    minutes, table, w = random_instance(3, n_units=12, n_cand=6)
    res = mclp(table, w, 15.0, 3, **EXACT)
    full = covered_weight(minutes, w, 15.0, list(res.sites))
    losses = [full - covered_weight(minutes, w, 15.0, [s for s in res.sites if s != j]) for j in res.sites]
    np.testing.assert_allclose(res.contribution, losses)
    assert all(np.diff(res.contribution) <= 0)


def test_capacity_changes_the_mclp_choice():
    minutes = np.array([[5.0, 30], [5, 30], [30, 5], [30, 5]])
    w = np.array([100.0, 60, 50, 55])
    table = table_from_dense(minutes)
    assert list(mclp(table, w, 10.0, 1, **EXACT).sites) == [0]
    res = mclp(table, w, 10.0, 1, capacity=[80, 120], **EXACT)
    assert list(res.sites) == [1] and res.objective == pytest.approx(105)
    np.testing.assert_allclose(res.served, [0, 0, 1, 1])
    res = mclp(table, w, 10.0, 2, capacity=[80, 120], **EXACT)
    assert res.objective == pytest.approx(185)
    assert res.served[:2] @ w[:2] == pytest.approx(80)


def lp_capacitated(minutes, w, sites, cap, radius=None):
    """Dense LP oracle: coverage served (radius given, maximise) or inhabitant-minutes (minimise, all served)."""
    n = len(w)
    sub = minutes[:, sites]
    allowed = np.isfinite(sub) if radius is None else sub <= radius
    k = len(sites)
    a_unit = np.kron(np.eye(n), np.ones(k))  # Σ_j x_ij
    a_cap = np.zeros((k, n * k))  # Σ_i w_i x_ij
    for j in range(k):
        a_cap[j, j::k] = w
    bounds = [(0, 1 if allowed.ravel()[q] else 0) for q in range(n * k)]
    if radius is None:
        active = w > 0
        cost = (w[:, None] * np.where(allowed, sub, 0)).ravel()
        res = linprog(cost, A_ub=a_cap, b_ub=np.asarray(cap)[sites], A_eq=a_unit[active], b_eq=np.ones(active.sum()),
                      bounds=bounds, method="highs")
        return res.fun if res.status == 0 else np.inf
    res = linprog(-(w[:, None] * np.ones(k)).ravel(), A_ub=np.vstack([a_unit, a_cap]),
                  b_ub=np.r_[np.ones(n), np.asarray(cap)[sites]], bounds=bounds, method="highs")
    return -res.fun


@pytest.mark.parametrize("seed", range(4))
def test_capacitated_mclp_matches_enumeration_of_lps(seed):
    minutes, table, w = random_instance(seed + 20)
    cap = np.random.default_rng(seed).uniform(40, 150, 5)
    best, _ = brute(lambda s: lp_capacitated(minutes, w, s, cap, radius=15.0), 5, 2)
    res = mclp(table, w, 15.0, 2, capacity=cap, **EXACT)
    assert res.objective == pytest.approx(best)
    assert (res.served >= -1e-9).all() and (res.served <= 1 + 1e-9).all()
    assert res.served @ w == pytest.approx(best)
    assert set(res.assignment[res.assignment >= 0]) <= set(res.sites)


# -------------------------------------------------------------------------------------------------------- p-median


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("p", [1, 2, 3])
def test_p_median_matches_enumeration(seed, p):
    minutes, table, w = random_instance(seed + 100, missing=0.1)
    best, winners = brute(lambda s: median_cost(minutes, w, s), 5, p, maximise=False)
    if not np.isfinite(best):
        with pytest.raises(ValueError, match="no choice of"):
            p_median(table, w, p, **EXACT)
        return
    res = p_median(table, w, p, **EXACT)
    assert res.objective == pytest.approx(best)
    assert tuple(sorted(res.sites)) in winners
    assert (res.assignment >= 0).all()
    np.testing.assert_allclose(res.assignment_minutes, minutes[np.arange(8), res.assignment])
    np.testing.assert_allclose(res.assignment_minutes, minutes[:, res.sites].min(axis=1))


@pytest.mark.parametrize("seed", range(4))
def test_p_median_distance_levels_widened_until_proven(seed, monkeypatch):
    """Kept levels start at 1 per unit, so the first models are truncated: the answer must still be the optimum,
    with predefined sites, ties (times rounded to 1 min), zero-minute and missing pairs."""
    monkeypatch.setattr(location, "LEVELS_FIRST", 1)
    rng = np.random.default_rng(seed + 300)
    minutes = np.round(rng.uniform(0, 40, (30, 14)))
    minutes[rng.random(minutes.shape) < 0.1] = 0.0
    minutes[rng.random(minutes.shape) < 0.2] = np.inf
    minutes[:, 13] = np.where(np.isfinite(minutes[:, 13]), minutes[:, 13], 39.0)  # everyone reaches site 13
    weights = rng.integers(0, 100, 30).astype(float)
    for predefined in ((), (13,)):
        best, winners = brute(lambda s: median_cost(minutes, weights, s), 14, 3, predefined, maximise=False)
        res = p_median(table_from_dense(minutes), weights, 3, predefined=list(predefined), **EXACT)
        assert res.objective == pytest.approx(best) and res.optimal
        assert tuple(sorted(list(predefined) + list(res.sites))) in winners
        assert "solve(s)" in res.message


def test_p_median_predefined_and_zero_minute_pairs():
    minutes, table, w = random_instance(7, missing=0.0)
    best, winners = brute(lambda s: median_cost(minutes, w, s), 5, 1, predefined=(4,), maximise=False)
    res = p_median(table, w, 1, predefined=[4], **EXACT)
    assert res.objective == pytest.approx(best) and len(res.sites) == 1 and 4 not in res.sites
    everywhere_zero = np.zeros((3, 2))
    res = p_median(table_from_dense(everywhere_zero), [1, 2, 3], 1, **EXACT)
    assert res.objective == 0 and list(res.sites) == [0] and (res.assignment == 0).all()


def test_p_median_unreachable_unit_is_an_error_unless_dropped():
    minutes = np.array([[3.0, np.inf], [np.inf, 4.0], [np.inf, np.inf]])
    table = table_from_dense(minutes)
    with pytest.raises(ValueError, match=r"1 demand unit\(s\) \(7 inhabitants\) reach no candidate.*drop_unreachable"):
        p_median(table, [1, 2, 7], 2)
    res = p_median(table, [1, 2, 7], 2, drop_unreachable=True, **EXACT)
    assert res.objective == pytest.approx(1 * 3 + 2 * 4)
    assert list(res.assignment) == [0, 1, -1] and "left unassigned" in res.message
    with pytest.raises(ValueError, match="no choice of 1 new site"):
        p_median(table, [1, 2, 7], 1, drop_unreachable=True)
    heuristic = p_median(table, [1, 2, 7], 2, drop_unreachable=True, size_limit=0)
    assert "left unassigned" in heuristic.message and heuristic.message.count("size limit") == 1
    # an empty unit that reaches nothing is not an error
    assert p_median(table, [1, 2, 0], 2, **EXACT).objective == pytest.approx(11)


def test_capacity_changes_the_p_median_solution():
    minutes = np.array([[1.0, 5, 20], [1, 20, 6]])
    table = table_from_dense(minutes)
    w = [10.0, 10]
    res = p_median(table, w, 1, **EXACT)
    assert list(res.sites) == [0] and res.objective == pytest.approx(20)
    with pytest.raises(ValueError, match="within the capacities"):
        p_median(table, w, 1, capacity=10)
    res = p_median(table, w, 2, capacity=10, **EXACT)
    assert sorted(res.sites) == [0, 1] and res.objective == pytest.approx(60)
    assert list(res.assignment) == [1, 0]
    np.testing.assert_allclose(res.served, [1, 1])


@pytest.mark.parametrize("seed", range(4))
def test_capacitated_p_median_matches_enumeration_of_lps(seed):
    minutes, table, w = random_instance(seed + 40, missing=0.1)
    cap = np.full(5, w.sum() / 2.2)
    best, winners = brute(lambda s: lp_capacitated(minutes, w, s, cap), 5, 3, maximise=False)
    res = p_median(table, w, 3, capacity=cap, **EXACT)
    assert res.objective == pytest.approx(best)
    assert tuple(sorted(res.sites)) in winners


# -------------------------------------------------------------------------------------------------------- p-center


@pytest.mark.parametrize("formulation", ["radius", "assignment"])
@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("p", [1, 2, 3])
def test_p_center_matches_enumeration(seed, p, formulation):
    minutes, table, w = random_instance(seed + 200, missing=0.1)
    best, winners = brute(lambda s: center_cost(minutes, w, s), 5, p, maximise=False)
    if not np.isfinite(best):
        with pytest.raises(ValueError, match="p-center: no choice of"):
            p_center(table, w, p, mip_rel_gap=0, formulation=formulation)
        return
    res = p_center(table, w, p, mip_rel_gap=0, formulation=formulation)
    assert res.objective == pytest.approx(best) and res.optimal and res.mip_gap == 0
    assert tuple(sorted(res.sites)) in winners and len(res.sites) == p
    assert np.nanmax(res.assignment_minutes[w > 0]) == pytest.approx(best)


@pytest.mark.parametrize("formulation", ["radius", "assignment"])
def test_p_center_with_predefined(formulation):
    minutes, table, w = random_instance(5, missing=0.0)
    best, _ = brute(lambda s: center_cost(minutes, w, s), 5, 1, predefined=(0, 2), maximise=False)
    res = p_center(table, w, 1, predefined=[2, 0], mip_rel_gap=0, formulation=formulation)
    assert res.objective == pytest.approx(best) and list(res.predefined) == [0, 2] and len(res.sites) == 1


def test_p_center_radius_search_fills_spare_sites_by_total_time():
    # one far unit fixes the worst time whatever the choice; the second site then goes where it saves most
    minutes = np.array([[40.0, 40, 40], [1, 9, 30], [30, 9, 1]])
    w = [1.0, 100, 10]
    res = p_center(table_from_dense(minutes), w, 2)
    assert res.objective == 40 and sorted(res.sites) == [0, 2]


# ------------------------------------------------------------------------------------------------------------ LSCP


@pytest.mark.parametrize("seed", range(6))
def test_lscp_matches_enumeration(seed):
    minutes, table, w = random_instance(seed + 300, missing=0.0)
    radius = np.sort(minutes[w > 0].min(axis=1))[-1] + 4.0  # feasible
    need = w > 0
    fewest = min(k for k in range(6) if any((minutes[need][:, list(s)] <= radius).any(axis=1).all()
                                            for s in combinations(range(5), k)))
    res = lscp(table, w, radius, mip_rel_gap=0)
    assert res.objective == fewest == len(res.sites)
    assert (res.assignment[need] >= 0).all() and (res.assignment_minutes[need] <= radius).all()
    assert (res.contribution > 0).all()  # a minimal cover: every site is needed


def test_lscp_predefined_and_infeasible_radius():
    minutes = np.array([[2.0, 9, 20], [9, 2, 20], [20, 20, 3], [25, 30, 40]])
    table = table_from_dense(minutes)
    w = [5, 5, 5, 8]
    with pytest.raises(ValueError, match=r"LSCP is infeasible: 1 demand unit\(s\) \(8 inhabitants\).*10 min"):
        lscp(table, w, 10.0)
    res = lscp(table, [5, 5, 5, 0], 10.0, mip_rel_gap=0)
    assert res.objective == 2 and sorted(res.sites) in ([0, 2], [1, 2])
    res = lscp(table, [5, 5, 5, 0], 10.0, predefined=[2], mip_rel_gap=0)
    assert res.objective == 1 and len(res.sites) == 1 and list(res.predefined) == [2]


# ---------------------------------------------------------------------------------------------------- infeasibility


def test_too_many_sites_is_a_clear_error():
    _, table, w = random_instance(1)
    with pytest.raises(ValueError, match="cannot open 6 new sites: there are only 5 candidate sites"):
        mclp(table, w, 10.0, 6)
    with pytest.raises(ValueError, match="only 3 candidate sites besides the 2 already open"):
        p_median(table, w, 4, predefined=[0, 1])
    with pytest.raises(ValueError, match="cannot open"):
        p_center(table, w, 9)
    with pytest.raises(ValueError, match="weights has 3 values for 8"):
        mclp(table, [1, 2, 3], 10.0, 1)
    with pytest.raises(ValueError, match="non-negative whole number"):
        mclp(table, w, 10.0, 1.5)
    with pytest.raises(ValueError, match="radius must be a non-negative number"):
        lscp(table, w, -1)


# ------------------------------------------------------------------------------------------------------- heuristic


def swap_neighbours(sites, n_cand):
    for out in sites:
        for inn in set(range(n_cand)) - set(sites):
            yield sorted(set(sites) - {out} | {inn})


@pytest.mark.parametrize("seed", range(5))
def test_heuristics_are_local_optima_no_better_than_the_optimum(seed):
    minutes, table, w = random_instance(seed + 400, n_units=30, n_cand=9, missing=0.05)
    exact = mclp(table, w, 10.0, 3, **EXACT)
    heur = mclp(table, w, 10.0, 3, method="heuristic")
    assert heur.method == "greedy+swap" and not heur.optimal and np.isnan(heur.mip_gap)
    assert heur.objective <= exact.objective + 1e-9
    assert heur.objective == pytest.approx(covered_weight(minutes, w, 10.0, list(heur.sites)))
    for s in swap_neighbours(list(heur.sites), 9):
        assert covered_weight(minutes, w, 10.0, s) <= heur.objective + 1e-9

    exact = p_median(table, w, 3, **EXACT)
    heur = p_median(table, w, 3, size_limit=0)  # auto: too big for the MILP
    assert heur.method == "greedy+swap" and heur.message.count("size limit") == 1
    assert heur.objective >= exact.objective - 1e-9
    assert heur.objective == pytest.approx(median_cost(minutes, w, list(heur.sites)))
    for s in swap_neighbours(list(heur.sites), 9):
        assert median_cost(minutes, w, s) >= heur.objective - 1e-9


def test_heuristic_keeps_predefined_sites():
    minutes, table, w = random_instance(9, n_units=20, n_cand=8, missing=0.0)
    res = p_median(table, w, 2, predefined=[5], method="heuristic")
    assert 5 not in res.sites and list(res.predefined) == [5] and len(res.sites) == 2
    assert res.objective == pytest.approx(median_cost(minutes, w, [5, *res.sites]))
    with pytest.raises(ValueError, match="not available"):
        p_median(table, w, 2, capacity=100, method="heuristic")


# -------------------------------------------------------------------------------------------------------- APL lift


def decay(minutes):
    """DREES steps: < 10 → 1, 10-15 → 2/3, 15-20 → 1/3, beyond → 0 (unreachable: inf → 0)."""
    return np.select([minutes < 10, minutes < 15, minutes < 20], [1.0, 2 / 3, 1 / 3], 0.0)


def fca(weights_matrix, supply, demand):
    """From-scratch dense 2SFCA: A = W (S / (Wᵀ P))."""
    d = weights_matrix.T @ demand
    ratio = np.divide(supply, d, out=np.zeros_like(d), where=d > 0)
    return weights_matrix @ ratio


def apl_instance(seed, n_units=10, n_exist=3, n_cand=5):
    rng = np.random.default_rng(seed)
    w_exist = decay(rng.uniform(0, 28, (n_units, n_exist)))
    w_cand = decay(rng.uniform(0, 28, (n_units, n_cand)))
    pop = rng.integers(100, 3000, n_units).astype(float)
    demand = pop * rng.uniform(0.8, 1.3, n_units)  # standardised population
    supply = rng.uniform(2000, 6000, n_exist)
    index = fca(w_exist, supply, demand)
    scale = 2.3 / np.average(index, weights=pop)
    return w_exist, w_cand, pop, demand, supply * scale, index * scale, 4000.0 * scale


def apl_after(inst, sites):
    w_exist, w_cand, pop, demand, supply, index, s = inst
    return fca(np.hstack([w_exist, w_cand[:, sites]]), np.r_[supply, np.full(len(sites), s)], demand)


@pytest.mark.parametrize("seed", range(6))
def test_closed_form_equals_from_scratch_2sfca_for_every_set(seed):
    inst = apl_instance(seed)
    w_exist, w_cand, pop, demand, supply, index, s = inst
    gain = apl_gain_matrix(sparse.csr_matrix(w_cand), demand)
    for k in range(4):
        for sites in combinations(range(5), k):
            y = np.zeros(5)
            y[list(sites)] = 1
            np.testing.assert_allclose(index + gain @ (s * y), apl_after(inst, list(sites)), rtol=1e-12)
    # the closed form needs D_c from the same demand: with the plain population it is wrong
    wrong = apl_gain_matrix(w_cand, pop)
    assert not np.allclose(index + wrong @ np.full(5, s), apl_after(inst, list(range(5))))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("p", [1, 2])
def test_apl_lift_matches_enumeration(seed, p):
    inst = apl_instance(seed)
    w_exist, w_cand, pop, demand, supply, index, s = inst
    below = index < 2.5
    lifted = lambda sites: pop[below & (apl_after(inst, list(sites)) >= 2.5)].sum()
    best, winners = brute(lifted, 5, p)
    gain = apl_gain_matrix(w_cand, demand)
    res = apl_lift(index, gain, pop, p, s, mip_rel_gap=0, method="milp")
    assert res.objective == pytest.approx(best)
    assert tuple(sorted(res.sites)) in winners
    np.testing.assert_allclose(res.index_after, apl_after(inst, sorted(res.sites)), rtol=1e-12)
    assert res.optimal and res.method == "milp"

    weighted = lambda sites: pop @ (apl_after(inst, list(sites)) - index)
    best_gain, _ = brute(weighted, 5, p)
    for method in ("milp", "heuristic"):
        res = apl_lift(index, gain, pop, p, s, objective="gain", mip_rel_gap=0, method=method)
        assert res.objective == pytest.approx(best_gain)

    greedy = apl_lift(index, gain, pop, p, s, method="heuristic")
    assert greedy.method == "greedy+swap" and greedy.objective <= best + 1e-9
    assert greedy.objective == pytest.approx(lifted(greedy.sites))


def test_apl_lift_instances_are_not_trivial():
    """The random instances do discriminate: several sets, different lifted populations."""
    inst = apl_instance(0)
    w_exist, w_cand, pop, demand, supply, index, s = inst
    below = index < 2.5
    values = {pop[below & (apl_after(inst, list(c)) >= 2.5)].sum() for c in combinations(range(5), 2)}
    assert len(values) > 2 and below.any() and (~below).any()


def test_apl_lift_needs_two_sites_together_and_predefined():
    # one unit at 1.0; each candidate alone adds 1.0, together 2.0 -> lifted only by the pair
    index = np.array([1.0, 3.0, 2.0])
    gain = sparse.csr_matrix(np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.2]]))
    pop = np.array([1000.0, 50.0, 100.0])
    res = apl_lift(index, gain, pop, 2, 1.0, mip_rel_gap=0)
    assert sorted(res.sites) == [0, 1] and res.objective == 1000
    np.testing.assert_allclose(res.index_after, [3.0, 3.0, 2.0])
    greedy = apl_lift(index, gain, pop, 2, 1.0, method="heuristic")  # progress tie-break finds the pair
    assert sorted(greedy.sites) == [0, 1] and greedy.objective == 1000
    res = apl_lift(index, gain, pop, 1, 1.0, predefined=[0], mip_rel_gap=0)
    assert list(res.sites) == [1] and res.objective == 1000
    res = apl_lift(index, gain, pop, 1, 1.0, mip_rel_gap=0)  # one site alone lifts nobody: unit 0 is left out
    assert res.objective == 0 and res.optimal
    res = apl_lift(index, gain, pop, 1, [1.0, 1.0, 2.5], mip_rel_gap=0)  # per-candidate supply
    assert list(res.sites) == [2] and res.objective == 100
    with pytest.raises(ValueError, match="cannot open 4 new sites"):
        apl_lift(index, gain, pop, 4, 1.0)


def test_gain_matrix_of_an_unreached_candidate_is_empty():
    w = np.array([[1.0, 0.0], [0.5, 0.0]])
    g = apl_gain_matrix(w, [100.0, 200.0]).toarray()
    np.testing.assert_allclose(g, [[1 / 200, 0], [0.5 / 200, 0]])
