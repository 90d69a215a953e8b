"""Mobile care tour: which stops a mobile surgery (médicobus) visits on each day of its cycle, and in what order,
to serve the most underserved people within each day's working time (a covering tour / team orienteering problem).

Inputs are plain arrays, in minutes: ``travel_minutes`` is the square matrix of the stops then the depot (the LAST
row and column), ``inf`` where a trip is not possible; ``serves`` says which demand units each stop serves (a unit
within the service time of the stop); ``underserved_population`` is the population that counts in each unit (0 for
units that are not underserved). Every day the vehicle leaves the depot at minute 0, drives to its stops, stays
``stop_minutes`` at each, and must be back at the depot by ``minutes_per_day``.

Each person counts once: a unit served by several chosen stops is credited to the first of them, by day then order.

Exact model (HiGHS through ``scipy.optimize.milp``), for instances up to ``size_limit`` variables:

* The days are interchangeable (the same vehicle, depot and hours), so the model has no day index: each day is one
  route out of the depot and back, and the routes are numbered as days afterwards (the one serving the most people
  first). This removes the days' symmetry, which made a per-day formulation (x_ijd) several times slower.
* binary x_ij: the vehicle drives i -> j on some day (i, j stops or the depot; only arcs that fit in a day: depot ->
  i -> j -> depot within the day's minutes); binary y_s: stop s is visited; z_u in [0, 1]: unit u covered (integral
  at the optimum, as in the MCLP); continuous a_s: arrival minute at stop s, from the day's start.
* maximise Σ_u pop_u z_u; z_u ≤ Σ_{s serving u} y_s; into and out of each stop Σ x = y_s; at most ``days``
  departures from the depot, and as many returns.
* Subtours and each day's time: Miller-Tucker-Zemlin constraints on the arrival times (chosen over a flow
  formulation: one variable per stop), a_j ≥ a_i + stop_minutes + t_ij − M_ij (1 − x_ij), with a_s in
  [t_depot,s, minutes_per_day − stop_minutes − t_s,depot] and the smallest M_ij that keeps the row inactive at
  x = 0. Along a route the arrival times grow by the driving and stop minutes and the last stop must leave time to
  drive back, so every route holds within the day exactly. A step of at least ``MIN_STEP`` minutes is required
  between consecutive stops so that two stops at the same place with no stop time cannot form a loop of their own
  (the upper bounds of a_s then get that much room per stop). The whole cycle's driving and stop minutes within
  days x minutes_per_day is a row too (valid, it tightens the relaxation).
* A tiny cost per driven minute (far below one inhabitant over the whole cycle) makes the solver prefer the shorter
  of two tours that serve the same people.

Heuristic, beyond the size limit, when asked (``method="heuristic"``) or when HiGHS finds nothing within its time
limit: greedy insertion (Vansteenwegen et al.'s ratio): repeatedly insert, at its cheapest position in any day that
still has the time, the stop with the most newly covered underserved people per added minute (driving detour plus
stop time); then 2-opt on each day (shorter days leave room for more insertions); then swaps: each visited stop is
removed in turn and the best insertion of an unvisited one is tried in its place, kept when the people served grow,
until no swap helps. When HiGHS stops on its time limit with a solution, the heuristic runs too and the better of the
two is kept; the gap is measured against HiGHS's bound either way. The heuristic alone reports its gap to a
covering bound: the most people ``days`` x k stops could cover, k the most stops a day can hold (a maximal covering
model, small and solved exactly), which no tour can beat. Every result's routes are finished by 2-opt.

Before any model, stops that serve no underserved person are dropped, and stops the vehicle cannot reach, serve and
leave within one day (depot -> stop -> depot plus the stop time beyond ``minutes_per_day``) are excluded, counted in
the message.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from . import location
from .location import (
    DEFAULT_MIP_REL_GAP, DEFAULT_TIME_LIMIT, MAX_SWAP_PASSES, METHOD_MILP, _Builder, _check_method, _fmt, _gap,
)
from .travel_times import TravelTimeTable

METHOD_HEURISTIC = "greedy insertion+2-opt+swap"
#: Largest MILP (variables) solved by ``method="auto"``; above, the heuristic.
DEFAULT_SIZE_LIMIT = 5_000
#: Shortest step (minutes) between consecutive stops in the MILP's arrival-time rows (see the module docstring).
MIN_STEP = 1e-6
_TOL = 1e-9


@dataclass
class TourResult:
    """A tour of ``days`` days. Per day (lists of arrays, stop indices into the input): ``routes`` in visiting order,
    ``arrival`` and ``departure`` minutes from the day's start at the depot; ``day_minutes``: the minute the vehicle
    is back at the depot (0 on a day without stops); ``day_travel``: its driving minutes.

    ``stop_served``: per input stop, the underserved people credited to it (each person once: to the first chosen
    stop serving them, by day then order; 0 for stops not visited). ``day_served``: per day. ``unit_stop`` /
    ``unit_day``: per demand unit, the stop and day credited (-1 when not served). ``served``: total served;
    ``underserved``: total underserved population; ``excluded``: stops that no day can fit. ``optimal``: proven
    optimal to the requested gap; ``mip_gap``: relative gap to HiGHS's bound (to the covering bound for the
    heuristic alone, see the module docstring; NaN when HiGHS found nothing).
    """

    routes: list
    arrival: list
    departure: list
    day_minutes: np.ndarray
    day_travel: np.ndarray
    stop_served: np.ndarray
    day_served: np.ndarray
    unit_stop: np.ndarray
    unit_day: np.ndarray
    served: float
    underserved: float
    excluded: np.ndarray
    optimal: bool
    mip_gap: float
    method: str
    message: str


# ----------------------------------------------------------------------------------------------------------- checks


def _check_inputs(travel_minutes, serves, population, days, minutes_per_day, stop_minutes):
    t = np.array(travel_minutes, dtype=np.float64)
    if t.ndim != 2 or t.shape[0] != t.shape[1] or t.shape[0] < 2:
        raise ValueError("travel_minutes must be a square matrix of the stops then the depot (at least one stop)")
    if np.isnan(t).any() or (t < 0).any():
        raise ValueError("travel times must be non-negative minutes (inf where a trip is not possible)")
    n_stops = t.shape[0] - 1
    np.fill_diagonal(t, 0.0)
    s = sparse.csc_matrix(serves, dtype=bool)
    if s.shape[1] != n_stops:
        raise ValueError(f"serves has {s.shape[1]} stop columns for {n_stops} stops")
    pop = np.asarray(population, dtype=np.float64).ravel()
    if pop.shape != (s.shape[0],):
        raise ValueError(f"underserved_population has {pop.size} values for {s.shape[0]} demand units")
    if not np.all(np.isfinite(pop)) or (pop < 0).any():
        raise ValueError("underserved_population must be finite and non-negative")
    if int(days) != days or days < 1:
        raise ValueError(f"the cycle must last a whole number of days, 1 or more (got {days!r})")
    if not (np.isfinite(minutes_per_day) and minutes_per_day > 0):
        raise ValueError(f"the working minutes per day must be more than 0 (got {minutes_per_day!r})")
    if not (np.isfinite(stop_minutes) and stop_minutes >= 0):
        raise ValueError(f"the minutes spent at a stop must be 0 or more (got {stop_minutes!r})")
    return t, s, pop, int(days), float(minutes_per_day), float(stop_minutes)


# ------------------------------------------------------------------------------------------------------- the model


def mobile_care_tour(travel_minutes, serves, underserved_population, days, minutes_per_day, stop_minutes, *,
                     method="auto", time_limit=DEFAULT_TIME_LIMIT, mip_rel_gap=DEFAULT_MIP_REL_GAP,
                     size_limit=DEFAULT_SIZE_LIMIT):
    """Best tour of ``days`` days (see the module docstring); returns a :class:`TourResult`.

    ``travel_minutes``: (stops + 1) square matrix, the depot last, ``inf`` where unreachable; ``serves``: demand
    units x stops booleans (sparse or dense); ``underserved_population``: people counted per unit; ``minutes_per_day``
    and ``stop_minutes`` in minutes. ``method``: "auto" (MILP up to ``size_limit`` variables), "milp" or
    "heuristic". ValueError on bad settings, or when no stop can be visited and left within one day.
    """
    t, s, pop, days, budget, stop = _check_inputs(travel_minutes, serves, underserved_population, days,
                                                  minutes_per_day, stop_minutes)
    _check_method(method, True)
    n_stops = t.shape[0] - 1
    depot = n_stops
    round_trip = t[depot, :n_stops] + stop + t[:n_stops, depot]
    fits = round_trip <= budget + _TOL
    excluded = np.flatnonzero(~fits)
    gain = np.asarray(s.T @ pop).ravel()
    useful = gain > 0
    keep = np.flatnonzero(fits & useful)
    notes = []
    if excluded.size:
        notes.append(f"{excluded.size} stop(s) excluded: the depot, the stop ({stop:g} min) and the way back take "
                     f"more than the {budget:g} min of a day")
    if (~useful & fits).any():
        notes.append(f"{int((~useful & fits).sum())} stop(s) serve no underserved person")
    if not fits.any():
        raise ValueError(f"no candidate stop can be reached, served ({stop:g} min) and left for the depot within "
                         f"the {budget:g} working minutes of a day; the nearest round trip takes "
                         f"{np.min(round_trip):.1f} min" if np.isfinite(round_trip).any() else
                         "no candidate stop can be reached from the depot and back")
    total = float(pop.sum())
    if total <= 0 or keep.size == 0:
        raise ValueError("nobody underserved lives within the service time of a stop the tour can visit: there is "
                         "nothing for the tour to serve")

    # the sub-instance: kept stops then the depot
    nodes = np.r_[keep, depot]
    tk = t[np.ix_(nodes, nodes)]
    sk = s[:, keep].tocsr()
    units = np.flatnonzero((pop > 0) & (np.diff(sk.indptr) > 0))
    sk = sk[units]
    pk = pop[units]

    n_vars = _milp_size(tk, budget, stop, units.size)
    heuristic = lambda: _heuristic(tk, sk, pk, days, budget, stop)  # noqa: E731
    use_milp = method == "milp" or (method == "auto" and n_vars <= size_limit)
    if use_milp:
        routes, optimal, gap, used, status = _solve_milp(tk, sk, pk, days, budget, stop, time_limit, mip_rel_gap,
                                                         heuristic)
    else:
        routes = heuristic()
        optimal, used = False, METHOD_HEURISTIC
        bound = _coverage_bound(tk, sk, pk, days, budget, stop, time_limit)
        value = _covered(sk, pk, routes)
        gap = max(bound - value, 0.0) / bound if bound > 0 else 0.0
        status = (f"{n_vars:,} MILP variables exceed the size limit ({size_limit:,}); " if method == "auto" else "") \
            + (f"greedy insertion + 2-opt + swap heuristic (not proven optimal), gap {gap:.2%} at most to the "
               f"covering bound of {_fmt(bound)} people")
    routes = [_two_opt(tk, route, depot=keep.size) for route in routes]
    return _result(routes, keep, t, s, pop, days, stop, excluded, optimal, gap, used, status, notes, budget)


def _arcs(tk, budget, stop):
    """Arcs (i, j, minutes) of the kept stops and the depot (last node) that fit in a day."""
    n = tk.shape[0] - 1
    depot = n
    i, j = np.nonzero(np.isfinite(tk) & ~np.eye(n + 1, dtype=bool))
    c = tk[i, j]
    # depot -> i -> j -> depot must fit in the day (both stops served)
    through = tk[depot, i] + c + tk[j, depot] + stop * ((i != depot).astype(float) + (j != depot))
    ok = through <= budget + _TOL
    return i[ok], j[ok], c[ok]


def _milp_size(tk, budget, stop, n_units):
    n = tk.shape[0] - 1
    return len(_arcs(tk, budget, stop)[0]) + 2 * n + n_units


def _solve_milp(tk, sk, pk, days, budget, stop, time_limit, mip_rel_gap, heuristic):
    """(routes, optimal, gap, method, status) from HiGHS; the heuristic when HiGHS finds nothing, or when it stops
    on its time limit with a worse tour."""
    n = tk.shape[0] - 1
    depot = n
    ai, aj, ac = _arcs(tk, budget, stop)
    n_arcs = len(ai)
    n_units = len(pk)
    eps = 1e-6 * pk.min() / (days * budget + 1.0)  # per driven minute: less than 1e-6 inhabitant in all
    inner = np.flatnonzero((ai != depot) & (aj != depot))
    step = stop + ac[inner]
    flat = step < MIN_STEP
    step[flat] = MIN_STEP

    b = _Builder()
    y0 = b.add_vars(n, integer=True)
    x0 = b.add_vars(n_arcs, cost=eps * ac, integer=True)
    arrive_lo = tk[depot, :n]
    # the arrival at a stop leaves time to serve it and drive back; room for the MIN_STEP steps of a tight day
    arrive_hi = budget - stop - tk[:n, depot] + (n * MIN_STEP if flat.any() else 0.0)
    a0 = b.add_vars(n, lb=arrive_lo, ub=arrive_hi)
    z0 = b.add_vars(n_units, cost=-pk)
    stops = np.arange(n)
    # out of each stop, and into it, = y_s
    for end in (ai, aj):
        sel = np.flatnonzero(end != depot)
        b.add_rows(n, np.r_[end[sel], stops], np.r_[x0 + sel, y0 + stops], np.r_[np.ones(sel.size), -np.ones(n)],
                   0.0, 0.0)
    # at most one route a day: as many departures from the depot as days at most, and as many returns
    out_depot, in_depot = np.flatnonzero(ai == depot), np.flatnonzero(aj == depot)
    b.add_rows(1, np.zeros(out_depot.size), x0 + out_depot, 1.0, 0.0, days)
    b.add_rows(1, np.zeros(out_depot.size + in_depot.size), np.r_[x0 + out_depot, x0 + in_depot],
               np.r_[np.ones(out_depot.size), -np.ones(in_depot.size)], 0.0, 0.0)
    # arrival times (MTZ): a_j - a_i - M_ij x_ij >= step_ij - M_ij
    if inner.size:
        big = np.maximum(step + arrive_hi[ai[inner]] - arrive_lo[aj[inner]], 0.0)
        rows = np.arange(inner.size)
        b.add_rows(inner.size, np.r_[rows, rows, rows], np.r_[a0 + aj[inner], a0 + ai[inner], x0 + inner],
                   np.r_[np.ones(inner.size), -np.ones(inner.size), -big], step - big, np.inf)
    # all the days' driving and stop minutes within the cycle's (valid, tightens the relaxation)
    b.add_rows(1, np.zeros(n_arcs + n), np.r_[x0 + np.arange(n_arcs), y0 + stops], np.r_[ac, np.full(n, stop)],
               -np.inf, days * budget)
    # coverage: z_u - Σ_{s serving u} y_s <= 0
    coo = sk.tocoo()
    b.add_rows(n_units, np.r_[np.arange(n_units), coo.row], np.r_[z0 + np.arange(n_units), y0 + coo.col],
               np.r_[np.ones(n_units), -np.ones(coo.nnz)], -np.inf, 0.0)
    model = b.build(n)
    res = model.solve(time_limit, mip_rel_gap)
    if res.x is None:
        if res.status == 2:
            raise ValueError("the tour model is infeasible")  # cannot happen: staying at the depot is a tour
        return heuristic(), False, float("nan"), METHOD_HEURISTIC, (
            f"HiGHS found no tour within {time_limit} s ({res.message}); greedy insertion + 2-opt + swap heuristic "
            f"(not proven optimal)")
    x = res.x[x0:x0 + n_arcs] > 0.5
    routes = _follow(ai[x], aj[x], depot)
    routes = sorted(routes, key=lambda route: -_covered(sk, pk, [route]))
    routes += [np.zeros(0, dtype=np.int64)] * (days - len(routes))
    value = _covered(sk, pk, routes)
    dual = getattr(res, "mip_dual_bound", None)
    bound = -float(dual) if dual is not None and np.isfinite(dual) else value * (1 + _gap(res))
    optimal = res.status == 0
    used, note = METHOD_MILP, ""
    if not optimal:
        other = heuristic()
        if _covered(sk, pk, other) > value + _TOL:
            routes, value, used, note = other, _covered(sk, pk, other), METHOD_HEURISTIC, \
                "; the heuristic's tour is better and kept"
    gap = max(bound - value, 0.0) / bound if bound > 0 else 0.0
    text = "optimal" if optimal else f"not proven optimal ({res.message})"
    return routes, optimal, gap, used, (f"HiGHS: {text}, gap {gap:.2%} to the bound of {_fmt(bound)} people "
                                        f"({model.c.size:,} variables){note}")


def _coverage_bound(tk, sk, pk, days, budget, stop, time_limit):
    """An upper bound of the people any tour serves: the most people ``days`` x k stops cover (maximal covering,
    HiGHS), k the most stops a day can hold (every route drives at least the shortest way out of the depot and
    the shortest way back)."""
    n = tk.shape[0] - 1
    if stop <= 0:
        return float(pk.sum())
    least = np.min(tk[n, :n]) + np.min(tk[:n, n])
    per_day = int(np.floor((budget - least) / stop + _TOL))
    coo = sk.tocoo()
    table = TravelTimeTable(coo.row, coo.col, np.zeros(coo.nnz), sk.shape)
    result = location.mclp(table, pk, 0.0, min(days * per_day, n), time_limit=time_limit, mip_rel_gap=0.0)
    if result.method != METHOD_MILP:
        return float(pk.sum())
    return result.objective if result.optimal else result.objective / max(1.0 - result.mip_gap, 1e-9)


def _follow(i, j, depot):
    """The routes of the chosen arcs: the stops of each, in order from the depot."""
    nxt = dict(zip(i[i != depot].tolist(), j[i != depot].tolist()))
    routes = []
    for first in j[i == depot].tolist():
        route, node = [], first
        while node != depot:
            route.append(node)
            node = nxt[node]
        routes.append(np.asarray(route, dtype=np.int64))
    return routes


def _covered(sk, pk, routes):
    """Underserved people covered by the stops of ``routes``."""
    visited = np.zeros(sk.shape[1], dtype=bool)
    for route in routes:
        visited[route] = True
    return float(pk[np.asarray(sk[:, visited].sum(axis=1)).ravel() > 0].sum())


def _route_minutes(tk, route, stop, depot):
    """Minutes of a day: driving depot -> stops -> depot plus the stop time."""
    path = np.r_[depot, route, depot]
    return float(tk[path[:-1], path[1:]].sum() + stop * len(route))


# ------------------------------------------------------------------------------------------------------ heuristic


def _heuristic(tk, sk, pk, days, budget, stop):
    """Greedy insertion, 2-opt, swaps (module docstring): one array of stops per day."""
    depot = tk.shape[0] - 1
    skc = sk.tocsc()
    routes = [np.zeros(0, dtype=np.int64) for _ in range(days)]
    routes = _fill(tk, skc, pk, routes, budget, stop)
    value = _covered(skc, pk, routes)
    for _ in range(MAX_SWAP_PASSES):
        improved = False
        for d in range(days):
            for position in range(len(routes[d])):
                if position >= len(routes[d]):
                    break
                trial = list(routes)
                removed = routes[d][position]
                trial[d] = np.delete(routes[d], position)
                trial = _fill(tk, skc, pk, trial, budget, stop, banned=removed)
                trial_value = _covered(skc, pk, trial)
                if trial_value > value + _TOL * (1 + value):
                    routes, value, improved = _fill(tk, skc, pk, trial, budget, stop), trial_value, True
        if not improved:
            break
    return [_two_opt(tk, route, depot) for route in routes]


def _fill(tk, skc, pk, routes, budget, stop, banned=-1):
    """Insert stops greedily (most newly covered people per added minute), with 2-opt between rounds, until no
    stop adds anyone or fits; ``banned`` is never inserted."""
    depot = tk.shape[0] - 1
    n = depot
    routes = [np.asarray(r, dtype=np.int64) for r in routes]
    while True:
        visited = np.zeros(n, dtype=bool)
        for route in routes:
            visited[route] = True
        count = np.asarray(skc[:, visited].sum(axis=1)).ravel()
        gain = np.asarray(skc.T @ (pk * (count == 0))).ravel()
        candidates = np.flatnonzero(~visited & (gain > _TOL))
        candidates = candidates[candidates != banned]
        best = None
        for d, route in enumerate(routes):
            if candidates.size == 0:
                break
            path = np.r_[depot, route, depot]
            prev, after = path[:-1], path[1:]
            added = tk[prev][:, candidates] + tk[candidates][:, after].T - tk[prev, after][:, None] + stop
            room = budget - _route_minutes(tk, route, stop, depot)
            added = np.where(added <= room + _TOL, added, np.inf)
            position = np.argmin(added, axis=0)
            cost = added[position, np.arange(candidates.size)]
            ok = np.isfinite(cost)
            if not ok.any():
                continue
            ratio = np.where(ok, gain[candidates] / np.maximum(cost, MIN_STEP), -np.inf)
            k = int(np.argmax(ratio))
            if best is None or ratio[k] > best[0] + _TOL:
                best = (ratio[k], d, int(position[k]), int(candidates[k]))
        if best is None:
            return routes
        _, d, position, chosen = best
        routes[d] = _two_opt(tk, np.insert(routes[d], position, chosen), depot)


def _two_opt(tk, route, depot):
    """2-opt on one day's route (segment reversals, asymmetric times allowed) until no reversal shortens it."""
    route = np.asarray(route, dtype=np.int64)
    if len(route) < 2:
        return route
    improved = True
    while improved:
        improved = False
        best = _route_minutes(tk, route, 0.0, depot)
        for i in range(len(route) - 1):
            for j in range(i + 1, len(route)):
                trial = np.r_[route[:i], route[i:j + 1][::-1], route[j + 1:]]
                minutes = _route_minutes(tk, trial, 0.0, depot)
                if minutes < best - 1e-9 * (1 + best):
                    route, best, improved = trial, minutes, True
    return route


# --------------------------------------------------------------------------------------------------------- result


def _result(routes_k, keep, t, s, pop, days, stop, excluded, optimal, gap, used, status, notes, budget):
    """The :class:`TourResult` in the input's indices, with times and each person credited once."""
    depot = t.shape[0] - 1
    n_units = s.shape[0]
    routes, arrival, departure = [], [], []
    day_minutes, day_travel, day_served = np.zeros(days), np.zeros(days), np.zeros(days)
    stop_served = np.zeros(depot)
    unit_stop = np.full(n_units, -1, dtype=np.int64)
    unit_day = np.full(n_units, -1, dtype=np.int64)
    csc = s.tocsc()
    for d, route_k in enumerate(routes_k):
        route = keep[route_k]
        path = np.r_[depot, route, depot]
        legs = t[path[:-1], path[1:]]
        arrive = np.cumsum(legs[:-1]) + stop * np.arange(len(route))
        routes.append(route)
        arrival.append(arrive)
        departure.append(arrive + stop)
        day_travel[d] = legs.sum() if len(route) else 0.0
        day_minutes[d] = day_travel[d] + stop * len(route)
        for stop_index in route:  # credit each unit to the first stop serving it
            units = csc.indices[csc.indptr[stop_index]:csc.indptr[stop_index + 1]]
            new = units[(unit_stop[units] < 0) & (pop[units] > 0)]
            unit_stop[new], unit_day[new] = stop_index, d
            stop_served[stop_index] = pop[new].sum()
            day_served[d] += pop[new].sum()
    served = float(day_served.sum())
    underserved = float(pop.sum())
    share = served / underserved if underserved else 0.0
    visited = sum(len(r) for r in routes)
    message = (f"Mobile care tour: {visited} stop(s) over {days} day(s) of {budget:g} min serve {_fmt(served)} of the "
               f"{_fmt(underserved)} underserved people ({share:.1%}). {status}."
               + "".join(f" {note}." for note in notes))
    return TourResult(routes, arrival, departure, day_minutes, day_travel, stop_served, day_served, unit_stop,
                      unit_day, served, underserved, excluded, optimal, gap, used, message)
