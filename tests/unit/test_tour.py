"""The mobile care tour (core/tour.py) against exhaustive enumeration, hand-computed times and bad settings."""

import itertools

import numpy as np
import pytest
from scipy import sparse

from medical_deserts_plugin.core.tour import METHOD_HEURISTIC, mobile_care_tour
from medical_deserts_plugin.core.location import METHOD_MILP


def instance(seed, n_stops=6, n_units=12, scale=40.0):
    """Random stops and units on a square, travel = Euclidean minutes (depot last), each unit served by the stops
    within 12 min of it; integer underserved populations, some 0."""
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, scale, (n_stops + 1, 2))
    travel = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    units = rng.uniform(0, scale, (n_units, 2))
    serves = np.hypot(*(units[:, None, :] - xy[None, :n_stops, :]).transpose(2, 0, 1)) <= 12.0
    pop = rng.integers(0, 500, n_units).astype(float)
    pop[rng.random(n_units) < 0.2] = 0.0
    return travel, serves, pop


def shortest_day(travel, stops, depot):
    """Minutes of the shortest route through ``stops`` (every order tried)."""
    if not stops:
        return 0.0
    return min(sum(travel[a, b] for a, b in zip((depot,) + order, order + (depot,)))
               for order in itertools.permutations(stops))


def enumerate_best(travel, serves, pop, days, budget, stop):
    """The most people served by any assignment of the stops to days (or none), each day in its best order."""
    depot = travel.shape[0] - 1
    n = depot
    day_minutes = {subset: shortest_day(travel, subset, depot) + stop * len(subset)
                   for k in range(n + 1) for subset in itertools.combinations(range(n), k)}
    best = 0.0
    for assignment in itertools.product(range(days + 1), repeat=n):  # 0 = not visited
        if all(day_minutes[tuple(s for s in range(n) if assignment[s] == d)] <= budget + 1e-9
               for d in range(1, days + 1)):
            visited = np.array(assignment) > 0
            best = max(best, pop[serves[:, visited].any(axis=1)].sum())
    return best


def check_feasible(result, travel, serves, pop, days, budget, stop):
    depot = travel.shape[0] - 1
    seen = np.concatenate(result.routes)
    assert len(seen) == len(set(seen.tolist()))  # a stop at most once in the cycle
    for d in range(days):
        minutes = shortest_day(travel, (), depot) if not len(result.routes[d]) else sum(
            travel[a, b] for a, b in zip(np.r_[depot, result.routes[d]], np.r_[result.routes[d], depot])) \
            + stop * len(result.routes[d])
        assert result.day_minutes[d] == pytest.approx(minutes)
        assert minutes <= budget + 1e-6
    visited = np.zeros(serves.shape[1], dtype=bool)
    visited[seen] = True
    covered = pop[serves[:, visited].any(axis=1)].sum()
    assert result.served == pytest.approx(covered)
    assert result.stop_served.sum() == pytest.approx(covered)  # each person once
    assert result.day_served.sum() == pytest.approx(covered)


@pytest.mark.parametrize("seed", range(6))
def test_milp_equals_exhaustive_enumeration_and_heuristic_is_feasible_and_no_better(seed):
    travel, serves, pop = instance(seed)
    days, budget, stop = 2, 90.0, 15.0
    best = enumerate_best(travel, serves, pop, days, budget, stop)
    exact = mobile_care_tour(travel, serves, pop, days, budget, stop, method="milp", mip_rel_gap=0.0)
    assert exact.method == METHOD_MILP and exact.optimal
    assert exact.served == pytest.approx(best)
    check_feasible(exact, travel, serves, pop, days, budget, stop)
    heuristic = mobile_care_tour(travel, serves, pop, days, budget, stop, method="heuristic")
    assert heuristic.method == METHOD_HEURISTIC and not heuristic.optimal
    assert heuristic.served <= best + 1e-6
    # its gap is to a covering bound that no tour beats
    assert 0 <= heuristic.mip_gap < 1 and heuristic.served / (1 - heuristic.mip_gap) >= best - 1e-6
    check_feasible(heuristic, travel, serves, pop, days, budget, stop)


def test_hand_computed_tour_times_and_each_person_once():
    # depot at 0 on a line; stops A at 10 min, B at 20 min (A-B 10 min). A day of 60 min, 15 min per stop:
    # depot -> A -> B -> depot = 10 + 15 + 10 + 15 + 20 = 70 > 60, so one stop a day; two days visit both.
    travel = np.array([[0, 10, 10], [10, 0, 20], [10, 20, 0]], dtype=float)[[1, 2, 0]][:, [1, 2, 0]]
    # units: u0 served by A only (100), u1 by both (50), u2 by B only (30)
    serves = sparse.csr_matrix(np.array([[1, 0], [1, 1], [0, 1]], dtype=bool))
    pop = np.array([100.0, 50.0, 30.0])
    one_day = mobile_care_tour(travel, serves, pop, 1, 60.0, 15.0, mip_rel_gap=0.0)
    assert [r.tolist() for r in one_day.routes] == [[0]]
    assert one_day.served == 150.0 and one_day.arrival[0].tolist() == [10.0]
    assert one_day.departure[0].tolist() == [25.0] and one_day.day_minutes.tolist() == [35.0]
    two_days = mobile_care_tour(travel, serves, pop, 2, 60.0, 15.0, mip_rel_gap=0.0)
    assert sorted(r.tolist() for r in two_days.routes) == [[0], [1]]
    assert two_days.served == 180.0
    first = int(np.argmax([0 in r for r in two_days.routes]))
    # u1 (50) is credited to the stop of the first day only
    assert two_days.stop_served[two_days.routes[0][0]] == (150.0 if first == 0 else 80.0)
    assert two_days.stop_served.sum() == 180.0
    assert two_days.unit_day[1] == 0
    # a longer day fits both on one day, in either order: 70 min
    long_day = mobile_care_tour(travel, serves, pop, 1, 70.0, 15.0, mip_rel_gap=0.0)
    assert sorted(long_day.routes[0].tolist()) == [0, 1] and long_day.day_minutes[0] == pytest.approx(70.0)
    assert long_day.departure[0][-1] + travel[long_day.routes[0][-1], 2] == pytest.approx(70.0)


def test_far_stop_is_excluded_with_a_message():
    travel = np.array([[0, 50, 40], [50, 0, 10], [40, 10, 0]], dtype=float)  # stops 0, 1; depot 2
    serves = np.array([[True, False], [False, True]])
    pop = np.array([1000.0, 10.0])
    result = mobile_care_tour(travel, serves, pop, 1, 60.0, 15.0)  # stop 0: 40 + 15 + 40 = 95 > 60
    assert result.excluded.tolist() == [0] and [r.tolist() for r in result.routes] == [[1]]
    assert "1 stop(s) excluded" in result.message and result.served == 10.0


@pytest.mark.parametrize("days, minutes, stop, text", [
    (1, 0.0, 15.0, "working minutes per day must be more than 0"),
    (1, -5.0, 15.0, "working minutes per day must be more than 0"),
    (0, 60.0, 15.0, "whole number of days, 1 or more"),
    (1.5, 60.0, 15.0, "whole number of days, 1 or more"),
    (1, 60.0, -1.0, "minutes spent at a stop must be 0 or more"),
    (1, 20.0, 15.0, "no candidate stop can be reached, served (15 min) and left for the depot within the 20"),
])
def test_bad_settings_give_clear_messages(days, minutes, stop, text):
    travel = np.array([[0, 10], [10, 0]], dtype=float)
    with pytest.raises(ValueError, match=text.replace("(", r"\(").replace(")", r"\)")):
        mobile_care_tour(travel, np.array([[True]]), np.array([5.0]), days, minutes, stop)


def test_nobody_underserved_is_refused():
    travel = np.array([[0, 10], [10, 0]], dtype=float)
    with pytest.raises(ValueError, match="nothing for the tour to serve"):
        mobile_care_tour(travel, np.array([[True]]), np.array([0.0]), 1, 60.0, 15.0)


def test_same_place_stops_without_stop_time_make_no_loop_of_their_own():
    # far stops F0, F1 at the same place, 25 min from the depot; near stop N 5 min from it, 25 min from F.
    # 50 min a day, no stop time: D-F0-F1-D = 50 fits, D-N-F0-F1-D = 55 does not. F0 + F1 serve 200, N 150.
    # A loop F0 <-> F1 of 0 min off the route, with N visited, would claim 350.
    travel = np.array([[0, 0, 25, 25], [0, 0, 25, 25], [25, 25, 0, 5], [25, 25, 5, 0]], dtype=float)
    result = mobile_care_tour(travel, np.eye(3, dtype=bool), np.array([100.0, 100.0, 150.0]), 1, 50.0, 0.0,
                              method="milp", mip_rel_gap=0.0)
    assert sorted(result.routes[0].tolist()) == [0, 1] and result.served == 200.0
    assert result.day_minutes[0] == pytest.approx(50.0)


def test_auto_uses_the_heuristic_beyond_the_size_limit():
    travel, serves, pop = instance(3, n_stops=20, n_units=60, scale=60.0)
    result = mobile_care_tour(travel, serves, pop, 3, 120.0, 15.0, size_limit=100)
    assert result.method == METHOD_HEURISTIC and "exceed the size limit" in result.message
    check_feasible(result, travel, serves, pop, 3, 120.0, 15.0)
    exact = mobile_care_tour(travel, serves, pop, 3, 120.0, 15.0, time_limit=30)
    check_feasible(exact, travel, serves, pop, 3, 120.0, 15.0)
    assert exact.served >= result.served - 1e-6 or not exact.optimal
