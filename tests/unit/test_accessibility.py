"""Accessibility indices on cases worked out by hand, and PySAL access's "hospital example" numbers."""

import numpy as np
import pytest

from medical_deserts_plugin.core.accessibility import (
    accessibility_index,
    apl,
    apl_supply,
    apl_weights,
    binary_weights,
    decay_weights,
    gaussian_weights,
    gp_supply_filter,
    gravity_weights,
    population_below,
    population_weighted_mean,
    standardised_population,
    step_weights,
    three_step_fca,
    two_step_fca,
)
from medical_deserts_plugin.core.travel_times import TravelTimeTable

# PySAL access, access/tests/test_hospital_example.py: tracts 0 and 1 are suburbs, tract 2 the city; each tract is
# both a demand unit (pop) and a supply point (doctors). Rows = origins = demand, columns = destinations = supply.
POP = np.array([100.0, 50.0, 10.0])
DOCS = np.array([15.0, 20.0, 100.0])
GRIDLOCK = [[1, 80, 40], [80, 1, 40], [40, 40, 1]]  # PySAL scenario 0: suburb-city 40, cross-suburb 80
INBOUND_FAST = [[1, 80, 20], [80, 1, 20], [40, 40, 1]]  # PySAL scenario 1: suburb -> city 20, city -> suburb 40
SUBURB0_CLOSER = [[1, 40, 20], [40, 1, 40], [20, 40, 1]]  # suburb 0 - city 20, suburb 1 - city 40, cross 40
CUTOFF = 61


def full_table(costs):
    costs = np.asarray(costs, dtype=float)
    origin, destination = np.indices(costs.shape).reshape(2, -1)
    return TravelTimeTable(origin, destination, costs.ravel(), costs.shape)


def gravity_2sfca(costs):
    return two_step_fca(full_table(costs), POP, DOCS, lambda t: gravity_weights(t, 1, cutoff=CUTOFF))


def test_pysal_hospital_example_2sfca_gravity_and_binary():
    np.testing.assert_allclose(gravity_2sfca(GRIDLOCK).index, [0.331444, 0.579828, 7.286418], atol=1e-6)
    binary = two_step_fca(full_table(GRIDLOCK), POP, DOCS, lambda t: binary_weights(t, CUTOFF))
    np.testing.assert_allclose(binary.index, [0.761364, 0.958333, 1.094697], atol=1e-6)
    same = accessibility_index(full_table(GRIDLOCK), POP, DOCS, "2sfca", "gravity", beta=1, cutoff=CUTOFF)
    np.testing.assert_allclose(same.index, gravity_2sfca(GRIDLOCK).index)


def test_pysal_hospital_example_3sfca():
    table = full_table(GRIDLOCK)
    weights = gravity_weights(table.minutes, 1, cutoff=CUTOFF)
    # PySAL sums the selection weight over every pair of its cost table, the 80-minute ones included.
    pysal = three_step_fca(table, POP, DOCS, weights, selection_weights=gravity_weights(table.minutes, 1))
    np.testing.assert_allclose(pysal.index, [0.156257, 0.406216, 9.906352], atol=1e-6)
    # Wan et al.: selection over the supply points inside the catchment only; suburb 0 sees 1 and 1/40.
    wan = three_step_fca(table, POP, DOCS, weights)
    g = np.array([[40 / 41, 0, 1 / 41], [0, 40 / 41, 1 / 41], [1 / 42, 1 / 42, 40 / 42]])
    w = np.array([[1, 0, 1 / 40], [0, 1, 1 / 40], [1 / 40, 1 / 40, 1]])
    ratio = DOCS / ((g * w).T @ POP)
    np.testing.assert_allclose(wan.index, (g * w) @ ratio)
    np.testing.assert_allclose(wan.index, [0.156332, 0.406293, 9.905212], atol=1e-6)


def test_pysal_orderings_inbound_fast_lane():
    before, after = gravity_2sfca(GRIDLOCK).index, gravity_2sfca(INBOUND_FAST).index
    assert after[0] > before[0] and after[1] > before[1] and after[2] < before[2]


def test_suburb0_closer_to_the_city():
    before, after = gravity_2sfca(GRIDLOCK), gravity_2sfca(SUBURB0_CLOSER)
    # By hand: D_0 = 100 + 50/40 + 10/20, D_1 = 100/40 + 50 + 10/40, D_2 = 100/20 + 50/40 + 10.
    np.testing.assert_allclose(after.demand, [101.75, 52.75, 16.25])
    np.testing.assert_allclose(before.demand, [100.25, 50.25, 13.75])
    # Suburb 0 now uses the city's doctors (weight 1/20) and suburb 1's (1/40): it improves. Suburb 1 shares its
    # doctors with suburb 0 and the city's get busier: it loses. The city's doctors are shared more: it loses.
    assert after.index[0] > before.index[0]
    assert after.index[1] < before.index[1]
    assert after.index[2] < before.index[2]


def test_binary_weights_conserve_supply():
    rng = np.random.default_rng(3)
    minutes = rng.uniform(0, 30, size=(6, 4))
    minutes[:, 0] = 0  # every supply point is reached by someone... and everyone reaches supply point 0
    table = full_table(minutes)
    population, supply = rng.uniform(10, 1000, 6), rng.uniform(1, 50, 4)
    result = two_step_fca(table, population, supply, binary_weights(table.minutes, 20))
    assert not result.supply_unreached.any()
    assert population @ result.index == pytest.approx(supply.sum())


def test_decays():
    t = np.array([0, 5, 10, 12, 15, 19.99, 20, 25])
    np.testing.assert_allclose(apl_weights(t), [1, 1, 2 / 3, 2 / 3, 1 / 3, 1 / 3, 0, 0])
    np.testing.assert_array_equal(binary_weights(t, 15), [1, 1, 1, 1, 1, 0, 0, 0])
    np.testing.assert_allclose(step_weights(t, [(10, 1), (20, 0.5)]), [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0])
    np.testing.assert_allclose(step_weights([20, 30, 40], {20: 1, 40: 0.68}), [1, 0.68, 0.68])
    many = [(5 * k, 1 - k / 20) for k in range(1, 13)]  # more than 8 bands: bisection instead of comparisons
    np.testing.assert_allclose(step_weights([0, 5, 5.01, 30, 59.99, 60, 61], many),
                               [0.95, 0.95, 0.9, 0.7, 0.4, 0.4, 0])
    np.testing.assert_allclose(gravity_weights([0, 2, 4, 30], beta=2, cutoff=20), [1, 0.25, 1 / 16, 0])
    np.testing.assert_allclose(gaussian_weights([0, 20, 40], sigma=20), [1, np.exp(-0.5), np.exp(-2)])
    np.testing.assert_allclose(gaussian_weights([0, 20, 40], sigma=20, cutoff=30), [1, np.exp(-0.5), 0])
    with pytest.raises(ValueError, match="unknown decay method"):
        decay_weights("cubic", t)
    with pytest.raises(ValueError, match="unknown accessibility method"):
        accessibility_index(full_table(GRIDLOCK), POP, DOCS, "4sfca")
    with pytest.raises(ValueError, match="infinite gravity weight"):
        gravity_weights([0, 1], beta=1, min_time=0)


def test_apl_supply_caps():
    np.testing.assert_array_equal(apl_supply([200, 250, 3000, 5000, 7000, np.nan]), [0, 3600, 3600, 5000, 6000, 5400])
    np.testing.assert_array_equal(apl_supply([200, 7000], capped=[False, False]), [200, 7000])  # centres de santé
    np.testing.assert_array_equal(gp_supply_filter([40, 65, 66, np.nan]), [True, True, False, True])
    np.testing.assert_array_equal(gp_supply_filter([np.nan], keep_unknown=False), [False])


def test_standardised_population():
    ages = np.zeros((2, 19))
    ages[0, 0], ages[0, 18] = 10, 20  # 10 under 5, 20 aged 90+
    ages[1] = np.nan
    std, missing = standardised_population(ages, population=[30, 42])
    np.testing.assert_allclose(std, [10 * 1.12 + 20 * 2.26, 42])
    np.testing.assert_array_equal(missing, [False, True])
    std, _ = standardised_population(ages[:1], weights="2022")
    np.testing.assert_allclose(std, [10 * 0.93 + 20 * 2.39])
    with pytest.raises(ValueError, match="19 columns"):
        standardised_population(np.ones((2, 18)))
    with pytest.raises(ValueError, match="no age data"):
        standardised_population(ages)
    with pytest.raises(ValueError, match="unknown age weights"):
        standardised_population(ages[:1], weights="2019")


def test_apl_two_communes_one_gp():
    # Commune 0 hosts the GP (0 min), commune 1 is 12 min away: weight 2/3.
    table = TravelTimeTable([0, 1], [0, 0], [0.0, 12.0], (2, 1))
    result = apl(table, [1000, 500], apl_supply([4500]))
    # D = 1000 + 500 * 2/3 = 4000/3; R = 4500 / D = 3.375; APL = 3.375 and 2/3 * 3.375 = 2.25.
    np.testing.assert_allclose(result.demand, [4000 / 3])
    np.testing.assert_allclose(result.index, [3.375, 2.25])
    assert population_weighted_mean(result.index, [1000, 500]) == pytest.approx(3.0)
    assert population_below(result.index, [1000, 500]) == 500
    # The same GP aged 70 is left out of the "65 or less" variant.
    np.testing.assert_array_equal(apl(table, [1000, 500], [4500], gp_supply_filter([70])).index, [0, 0])


def test_aggregates_ignore_nan():
    assert population_weighted_mean([1, np.nan, 3], [1, 5, 3]) == pytest.approx(2.5)
    assert np.isnan(population_weighted_mean([np.nan], [10]))
    assert population_below([1, np.nan, 3], [10, 20, 30], threshold=2.5) == 10


def test_pair_order_does_not_matter_and_duplicates_are_refused():
    table = full_table(SUBURB0_CLOSER)
    assert table.is_in_pair_order and not table.has_duplicate_pairs
    shuffled = np.random.default_rng(5).permutation(len(table))
    mixed = TravelTimeTable(table.origin[shuffled], table.destination[shuffled], table.minutes[shuffled], table.shape)
    assert not mixed.is_in_pair_order and not mixed.has_duplicate_pairs
    weights = lambda t: gravity_weights(t, 1.0, CUTOFF)  # noqa: E731
    np.testing.assert_allclose(two_step_fca(mixed, POP, DOCS, weights).index,
                               two_step_fca(table, POP, DOCS, weights).index, rtol=1e-15)
    twice = TravelTimeTable(np.r_[table.origin, 2], np.r_[table.destination, 2], np.r_[table.minutes, 3.0], (3, 3))
    assert not twice.is_in_pair_order and twice.has_duplicate_pairs
    with pytest.raises(ValueError, match="duplicate"):
        two_step_fca(twice, POP, DOCS, weights)


def test_bad_input():
    table = full_table(GRIDLOCK)
    weights = binary_weights(table.minutes, CUTOFF)
    with pytest.raises(ValueError, match="total population is zero"):
        two_step_fca(table, [0, 0, 0], DOCS, weights)
    with pytest.raises(ValueError, match="negative"):
        two_step_fca(table, [100, -1, 10], DOCS, weights)
    with pytest.raises(ValueError, match="supply must be >= 0"):
        two_step_fca(table, POP, [1, -2, 3], weights)
    with pytest.raises(ValueError, match=r"expected \(3,\)"):
        two_step_fca(table, POP[:2], DOCS, weights)
    with pytest.raises(ValueError, match="one weight per stored pair"):
        two_step_fca(table, POP, DOCS, weights[:-1])
    with pytest.raises(ValueError, match=">= 0"):
        apl_supply([-5])
    zero = two_step_fca(table, POP, [0, 0, 0], weights)
    np.testing.assert_array_equal(zero.index, [0, 0, 0])


def test_supply_out_of_reach():
    # Supply point 1 is 50 min from everyone: with a 30-min catchment nobody reaches it.
    table = TravelTimeTable([0, 1, 0, 1], [0, 0, 1, 1], [5, 10, 50, 50], (2, 2))
    result = two_step_fca(table, [100, 100], [10, 30], binary_weights(table.minutes, 30))
    np.testing.assert_array_equal(result.supply_unreached, [False, True])
    assert result.supply_lost == 30
    np.testing.assert_allclose(result.index, [0.05, 0.05])
    alone = two_step_fca(table, [100, 100], [0, 30], binary_weights(table.minutes, 30))
    np.testing.assert_array_equal(alone.index, [0, 0])
    # A demand unit that reaches nothing is flagged, with index 0.
    far = TravelTimeTable([0], [0], [5.0], (2, 1))
    result = two_step_fca(far, [100, 100], [10], binary_weights(far.minutes, 30))
    np.testing.assert_array_equal(result.demand_unserved, [False, True])
    np.testing.assert_allclose(result.index, [0.1, 0])


def test_calibration_factor_meets_the_published_weighted_mean():
    from medical_deserts_plugin.core.accessibility import calibration_factor

    assert calibration_factor([1.0, 3.0], [2.0, 6.0], [1.0, 1.0]) == (2.0, 2, 4.0, 2.0)
    # only the units with a published value and inhabitants count: here the first
    assert calibration_factor([1.0, 3.0, 5.0], [2.0, np.nan, 1.0], [1.0, 3.0, 0.0]) == (2.0, 1, 2.0, 1.0)
    with pytest.raises(ValueError, match="no demand unit has both"):
        calibration_factor([1.0], [np.nan], [1.0])
    with pytest.raises(ValueError, match="the index is 0"):
        calibration_factor([0.0, 0.0], [2.0, 3.0], [1.0, 1.0])
