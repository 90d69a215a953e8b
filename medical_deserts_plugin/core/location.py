"""Location-allocation: MCLP, p-median, p-center, LSCP (Church & ReVelle) and the APL lift, solved with HiGHS.

Every model reads a :class:`TravelTimeTable` of demand units (rows) x candidate sites (columns) — an unstored pair is
unreachable, a stored pair may be 0 minutes — and demand weights (inhabitants). Coverage is ``minutes <= radius``
(as PySAL spopt). Exact models go to ``scipy.optimize.milp`` (HiGHS) with sparse constraint matrices, a time limit
and a relative gap; MCLP, p-median and the APL lift also have a greedy + vertex-swap (Teitz & Bart) heuristic used
when the model is larger than ``size_limit`` variables, when asked (``method="heuristic"``), or when HiGHS stops on its
time limit before finding any solution. The result always says which method produced it.

Choices, documented once here:

* ``p`` counts the NEW sites. ``predefined`` candidates (sites already open) are forced open on top of them; they are
  not in ``result.sites`` but in ``result.predefined``, and demand may be assigned to them.
* Demand units of weight 0 take no part in the optimisation (they cannot change any objective); they still get an
  assignment (nearest open site) in the result.
* p-median / p-center: every demand unit must be assigned to an open site it can reach. A unit that reaches no
  candidate at all raises ``ValueError`` unless ``drop_unreachable=True``, which leaves it out (assignment -1) and says
  so in the message. If no choice of ``p`` sites reaches every unit, ``ValueError``.
* The uncapacitated p-median is solved on distance levels (:func:`_median_by_levels`), started from the heuristic;
  the capacitated one on assignment variables x_ij ≤ y_j.
* Capacities (MCLP, p-median) are in inhabitants, per candidate (or one number for all; ``inf`` = none). With
  capacities the assignment variables are continuous fractions: a unit may be split between sites (no single-source
  constraint). The reported assignment is then the site serving the largest share and ``served`` holds the share
  covered/served. Capacitated models are always solved exactly (no heuristic).
* ``optimal`` is True when HiGHS proved the solution optimal to the requested ``mip_rel_gap`` (default 1e-4; pass 0
  for an exact proof); ``mip_gap`` is the gap HiGHS reports (NaN for the heuristic, which proves nothing).
* ``result.sites`` is ranked by marginal contribution: the loss of the objective when that one site alone is closed
  (the others kept, demand reassigned to the best remaining open site), largest loss first, ties broken by lower
  candidate index. ``result.contribution`` holds those losses (``inf`` when closing it would leave some unit with no
  reachable site in p-median / p-center).

APL lift (DESIGN.md "The engine"): with 2SFCA, W = w(T), D = Wᵀ P, A = W (S / D). A new site of supply s at candidate
c has ratio s / D_c, where D_c = Σ_i W_ic P_i depends only on W and the demand P, not on any supply. Opening it
therefore leaves every existing ratio S_j / D_j unchanged and adds s · W[:, c] / D_c to A: the index after any set of
new sites is A + Σ_c s_c G[:, c] y_c with G = W / D (:func:`apl_gain_matrix`). This holds exactly when D_c is computed
with the same W and P as the index (tests check it against a from-scratch 2SFCA); it does NOT hold for 3SFCA or
Huff-type models, where a new site changes the other sites' shares of demand.
"""

import time
from dataclasses import dataclass
from typing import Optional

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .travel_times import TravelTimeTable

APL_THRESHOLD = 2.5
DEFAULT_TIME_LIMIT = 60.0
DEFAULT_MIP_REL_GAP = 1e-4
DEFAULT_SIZE_LIMIT = 300_000
LEVELS_FIRST = 16  # distance levels per unit in the first p-median model when no heuristic start is known
MAX_SWAP_PASSES = 100
_LIFT_TOL = 1e-9

METHOD_MILP = "milp"
METHOD_HEURISTIC = "greedy+swap"


@dataclass
class LocationResult:
    """Outcome of a location model.

    ``sites``: new candidate indices, ranked (see module docstring). ``assignment``: per demand unit, the candidate
    index serving it or -1; ``assignment_minutes``: its travel time (NaN when -1 or without times, as in the APL
    lift). ``served``: share of each unit's demand covered (MCLP, LSCP) or served (p-median, p-center), None for the
    APL lift. ``index_after``: the APL lift's predicted index.
    """

    model: str
    sites: np.ndarray
    objective: float
    assignment: np.ndarray
    assignment_minutes: np.ndarray
    optimal: bool
    mip_gap: float
    method: str
    message: str
    predefined: np.ndarray
    contribution: np.ndarray
    served: Optional[np.ndarray] = None
    index_after: Optional[np.ndarray] = None

    @property
    def open_sites(self):
        """Predefined sites followed by the new ones (in rank order)."""
        return np.concatenate([self.predefined, self.sites])


# ----------------------------------------------------------------------------------------------------------- checks


def _check_weights(weights, n, what="weights"):
    w = np.asarray(weights, dtype=np.float64).ravel()
    if w.shape != (n,):
        raise ValueError(f"{what} has {w.size} values for {n} demand units")
    if not np.all(np.isfinite(w)) or (w < 0).any():
        raise ValueError(f"{what} must be finite and non-negative")
    return w


def _check_table(table, weights):
    if not isinstance(table, TravelTimeTable):
        raise TypeError("expected a TravelTimeTable (demand units x candidate sites)")
    n_units, n_cand = table.shape
    return n_units, n_cand, _check_weights(weights, n_units)


def _check_sites(p, predefined, n_cand):
    predefined = np.unique(np.asarray(predefined, dtype=np.int64).ravel())
    if predefined.size and (predefined[0] < 0 or predefined[-1] >= n_cand):
        raise ValueError(f"predefined site indices must lie in 0..{n_cand - 1}")
    if p is not None:
        if int(p) != p or p < 0:
            raise ValueError(f"p must be a non-negative whole number, got {p!r}")
        p = int(p)
        free = n_cand - predefined.size
        if p > free:
            raise ValueError(
                f"cannot open {p} new sites: there are only {free} candidate sites"
                + (f" besides the {predefined.size} already open" if predefined.size else "")
            )
    return p, predefined


def _check_capacity(capacity, n_cand, total):
    if capacity is None:
        return None
    cap = np.broadcast_to(np.asarray(capacity, dtype=np.float64), (n_cand,)).copy()
    if np.isnan(cap).any() or (cap < 0).any():
        raise ValueError("capacities must be non-negative numbers (inf for no limit)")
    cap[np.isinf(cap)] = max(total, 1.0)  # a limit that never binds, kept finite for the solver
    return cap


def _check_radius(radius):
    if not isinstance(radius, (int, float, np.integer, np.floating)) or np.isnan(radius) or radius < 0:
        raise ValueError(f"the radius must be a non-negative number of minutes, got {radius!r}")


def _check_method(method, heuristic_ok):
    if method not in ("auto", "milp", "heuristic"):
        raise ValueError(f"method must be 'auto', 'milp' or 'heuristic', got {method!r}")
    if method == "heuristic" and not heuristic_ok:
        raise ValueError("the greedy + swap heuristic is not available for this model (or with capacities)")


@dataclass
class _Pairs:
    """Unique reachable (unit, site) pairs sorted by unit, then minutes, then site."""

    origin: np.ndarray
    dest: np.ndarray
    minutes: np.ndarray

    def subset(self, keep):
        return _Pairs(self.origin[keep], self.dest[keep], self.minutes[keep])


def _pairs(table):
    o, d, t = table.origin, table.destination, table.minutes
    ok = np.isfinite(t)
    o, d, t = o[ok], d[ok], t[ok]
    order = np.lexsort((t, d, o))  # keep the fastest of duplicated pairs
    o, d, t = o[order], d[order], t[order]
    first = np.r_[True, (np.diff(o) != 0) | (np.diff(d) != 0)] if o.size else np.zeros(0, bool)
    o, d, t = o[first], d[first], t[first]
    order = np.lexsort((d, t, o))
    return _Pairs(o[order], d[order], t[order])


def _group_first(sorted_keys):
    """Indices of the first element of each run of equal values in a sorted array."""
    if sorted_keys.size == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, np.diff(sorted_keys) != 0])


def _nearest_open(pairs, open_mask, n_units):
    """Nearest open site of each unit (ties: lower index) and its minutes; -1 / NaN when none is reachable."""
    site = np.full(n_units, -1, dtype=np.int64)
    minutes = np.full(n_units, np.nan)
    sel = np.flatnonzero(open_mask[pairs.dest])
    if sel.size:
        k = sel[_group_first(pairs.origin[sel])]
        site[pairs.origin[k]] = pairs.dest[k]
        minutes[pairs.origin[k]] = pairs.minutes[k]
    return site, minutes


def _fmt(x):
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.4g}"


# ------------------------------------------------------------------------------------------------------ MILP plumbing


class _Builder:
    """Variables and constraint rows of a MILP, collected as numpy index arrays (no loop over pairs)."""

    def __init__(self):
        self.c, self.integrality, self.lb, self.ub = [], [], [], []
        self.n_vars = 0
        self.rows, self.cols, self.vals, self.lo, self.hi = [], [], [], [], []
        self.n_rows = 0

    def add_vars(self, n, cost=0.0, integer=False, lb=0.0, ub=1.0):
        start = self.n_vars
        self.c.append(np.broadcast_to(np.asarray(cost, dtype=np.float64), (n,)))
        self.integrality.append(np.full(n, 1 if integer else 0))
        self.lb.append(np.broadcast_to(np.asarray(lb, dtype=np.float64), (n,)))
        self.ub.append(np.broadcast_to(np.asarray(ub, dtype=np.float64), (n,)))
        self.n_vars += n
        return start

    def add_rows(self, n, rows, cols, vals, lo, hi):
        """``n`` rows; ``rows`` are local (0..n-1) row indices of the nonzeros."""
        self.rows.append(np.asarray(rows, dtype=np.int64) + self.n_rows)
        self.cols.append(np.asarray(cols, dtype=np.int64))
        self.vals.append(np.broadcast_to(np.asarray(vals, dtype=np.float64), (len(rows),)))
        self.lo.append(np.broadcast_to(np.asarray(lo, dtype=np.float64), (n,)))
        self.hi.append(np.broadcast_to(np.asarray(hi, dtype=np.float64), (n,)))
        self.n_rows += n

    def build(self, n_cand):
        cat = lambda parts, dtype=np.float64: np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)
        a = sparse.csr_matrix(
            (cat(self.vals), (cat(self.rows, np.int64), cat(self.cols, np.int64))), shape=(self.n_rows, self.n_vars)
        )
        return _Milp(cat(self.c), cat(self.integrality, np.int64), cat(self.lb), cat(self.ub), a, cat(self.lo),
                     cat(self.hi), n_cand)


@dataclass
class _Milp:
    c: np.ndarray
    integrality: np.ndarray
    lb: np.ndarray
    ub: np.ndarray
    a: sparse.csr_matrix
    lo: np.ndarray
    hi: np.ndarray
    n_cand: int  # the first n_cand variables are the site variables y

    def solve(self, time_limit, mip_rel_gap, fixed_sites=None):
        """HiGHS. With ``fixed_sites`` (bool mask over the first variables), y is fixed and the rest is an LP."""
        lb, ub, integrality = self.lb, self.ub, self.integrality
        if fixed_sites is not None:
            n = fixed_sites.size
            lb, ub = lb.copy(), ub.copy()
            lb[:n] = ub[:n] = fixed_sites.astype(np.float64)
            integrality = np.zeros_like(integrality)
        constraints = LinearConstraint(self.a, self.lo, self.hi) if self.a.shape[0] else None
        options = {"disp": False, "presolve": True, "mip_rel_gap": float(mip_rel_gap)}
        if time_limit is not None:
            options["time_limit"] = float(time_limit)
        solve = lambda: milp(self.c, integrality=integrality, bounds=Bounds(lb, ub), constraints=constraints,
                             options=options)
        res = solve()
        if res.status == 2 or (res.x is not None and not self._satisfied(res.x, lb, ub, integrality)):
            # HiGHS's MIP presolve sometimes declares a feasible model infeasible, or returns a point that violates
            # the original rows (scipy#18907, HiGHS#1164, HiGHS#1710; seen here with scipy 1.10 on a capacitated
            # MCLP): trust neither without a second solve without presolve.
            options["presolve"] = False
            res = solve()
        return res

    def _satisfied(self, x, lb, ub, integrality, tol=1e-6):
        scale = 1.0 + np.abs(x).max(initial=0.0)
        ax = self.a @ x
        return bool((x >= lb - tol * scale).all() and (x <= ub + tol * scale).all()
                    and (ax >= self.lo - tol * (1.0 + np.abs(self.lo.clip(-1e30, 1e30)))).all()
                    and (ax <= self.hi + tol * (1.0 + np.abs(self.hi.clip(-1e30, 1e30)))).all()
                    and (np.abs(x[integrality > 0] - np.round(x[integrality > 0])) <= 1e-5).all())


def _site_row(b, n_cand, count, y0=0):
    """Σ y = count."""
    b.add_rows(1, np.zeros(n_cand, dtype=np.int64), y0 + np.arange(n_cand), 1.0, count, count)


def _site_bounds(n_cand, predefined):
    lb = np.zeros(n_cand)
    lb[predefined] = 1.0
    return lb


def _gap(res):
    gap = getattr(res, "mip_gap", None)
    if gap is None or not np.isfinite(gap):
        return 0.0 if res.status == 0 else float("nan")
    return float(gap)


# -------------------------------------------------------------------------------------------------------- evaluators
# An evaluator scores an open set lexicographically by a (primary, secondary) pair, higher is better. ``state`` is
# whatever makes ``value`` and ``add_scores`` (the gain of opening each candidate) cheap; both are vectorised.


class _CoverageEval:
    def __init__(self, cover, w, n_units, n_cand):
        self.p, self.w, self.n_units, self.n_cand = cover, w, n_units, n_cand

    def state(self, open_mask):
        return np.bincount(self.p.origin[open_mask[self.p.dest]], minlength=self.n_units)

    def value(self, count):
        return float(self.w[count > 0].sum()), 0.0

    def add_scores(self, count):
        gain = np.bincount(self.p.dest, weights=self.w[self.p.origin] * (count[self.p.origin] == 0),
                           minlength=self.n_cand)
        return gain, np.zeros(self.n_cand)

    def objective(self, v):
        return v[0]


class _MedianEval:
    """p-median (``center=False``) or p-center: primary = -unserved weight, secondary = -cost."""

    def __init__(self, pairs, w, active, n_units, n_cand, center=False):
        self.p, self.w, self.active, self.n_units, self.n_cand, self.center = pairs, w, active, n_units, n_cand, center

    def state(self, open_mask):
        _, minutes = _nearest_open(self.p, open_mask, self.n_units)
        return minutes

    def value(self, minutes):
        served = np.isfinite(minutes) & self.active
        unserved = self.w[self.active & ~served].sum() if not self.center else (self.active & ~served).sum()
        if self.center:
            cost = minutes[served].max() if served.any() else 0.0
        else:
            cost = float((self.w[served] * minutes[served]).sum())
        return -float(unserved), -float(cost)

    def add_scores(self, minutes):
        o, t = self.p.origin, self.p.minutes
        wo = self.w[o]
        cur = minutes[o]
        unserved = ~np.isfinite(cur)
        cur = np.where(unserved, 0.0, cur)
        first = np.bincount(self.p.dest, weights=wo * unserved, minlength=self.n_cand)
        better = np.where(unserved, -wo * t, wo * np.maximum(0.0, cur - t))
        return first, np.bincount(self.p.dest, weights=better, minlength=self.n_cand)

    def objective(self, v):
        return -v[1]


class _AplEval:
    """APL lift: ``lifted`` = (population lifted, progress toward the threshold); ``gain`` = (Σ pop ΔA, 0)."""

    def __init__(self, gpairs, index, pop, threshold, objective, n_cand):
        self.o, self.d, self.g = gpairs
        self.index, self.pop, self.thr, self.kind, self.n_cand = index, pop, threshold, objective, n_cand
        self.deficit = threshold - index
        self.below = self.deficit > _LIFT_TOL
        self.safe_def = np.where(self.below, self.deficit, 1.0)

    def state(self, open_mask):
        keep = open_mask[self.d]
        return np.bincount(self.o[keep], weights=self.g[keep], minlength=self.index.size)

    def lifted(self, delta):
        return self.below & (delta >= self.deficit - _LIFT_TOL)

    def value(self, delta):
        if self.kind == "gain":
            return float((self.pop * delta).sum()), 0.0
        progress = np.where(self.below, np.minimum(delta, self.safe_def) / self.safe_def, 0.0)
        return float(self.pop[self.lifted(delta)].sum()), float((self.pop * progress).sum())

    def add_scores(self, delta):
        o, g = self.o, self.g
        if self.kind == "gain":
            return np.bincount(self.d, weights=self.pop[o] * g, minlength=self.n_cand), np.zeros(self.n_cand)
        cur, new = delta[o], delta[o] + g
        below, dfc = self.below[o], self.safe_def[o]
        newly = below & (cur < self.deficit[o] - _LIFT_TOL) & (new >= self.deficit[o] - _LIFT_TOL)
        progress = np.where(below, (np.minimum(new, dfc) - np.minimum(cur, dfc)) / dfc, 0.0)
        return (np.bincount(self.d, weights=self.pop[o] * newly, minlength=self.n_cand),
                np.bincount(self.d, weights=self.pop[o] * progress, minlength=self.n_cand))

    def objective(self, v):
        return v[0]


class _FixedLpEval:
    """Capacitated models: the value of an open set is an LP (the MILP with y fixed). ``sign``: +1 minimise."""

    def __init__(self, model, sign, time_limit):
        self.model, self.sign, self.time_limit = model, sign, time_limit

    def state(self, open_mask):
        return open_mask.copy()

    def value(self, open_mask):
        res = self.model.solve(self.time_limit, 0.0, fixed_sites=open_mask)
        if res.x is None:
            return -np.inf, 0.0
        return 0.0, -float(res.fun)

    def objective(self, v):
        return -self.sign * v[1] if np.isfinite(v[0]) else np.inf


def _tol(x):
    return 1e-9 * (1.0 + abs(x))


def _better(a, b):
    if a[0] > b[0] + _tol(b[0]):
        return True
    return abs(a[0] - b[0]) <= _tol(b[0]) and a[1] > b[1] + _tol(b[1])


def _best(first, second, available):
    """Available candidate with the best (first, second) score; ties: lower index. -1 if none."""
    idx = np.flatnonzero(available)
    if idx.size == 0:
        return -1
    f = first[idx]
    top = f.max()
    idx = idx[f >= top - _tol(top)]
    s = second[idx]
    return int(idx[np.argmax(s >= s.max() - _tol(s.max()))])


def _greedy_swap(ev, n_cand, p, predefined, swap=True):
    """Greedy additions of ``p`` sites, then Teitz-Bart vertex swaps until no swap improves. Returns the open mask."""
    open_mask = np.zeros(n_cand, dtype=bool)
    open_mask[predefined] = True
    fixed = open_mask.copy()
    state = ev.state(open_mask)
    for _ in range(p):
        first, second = ev.add_scores(state)
        k = _best(first, second, ~open_mask)
        open_mask[k] = True
        state = ev.state(open_mask)
    passes = 0
    improved = swap and p > 0 and p < n_cand - predefined.size
    while improved and passes < MAX_SWAP_PASSES:
        improved, passes = False, passes + 1
        current = ev.value(state)
        for j in np.flatnonzero(open_mask & ~fixed):
            open_mask[j] = False
            reduced = ev.state(open_mask)
            base = ev.value(reduced)
            first, second = ev.add_scores(reduced)
            available = ~open_mask
            available[j] = False
            k = _best(first, second, available)
            if k >= 0 and _better((base[0] + first[k], base[1] + second[k]), current):
                open_mask[k] = True
                state = ev.state(open_mask)
                current = ev.value(state)
                improved = True
            else:
                open_mask[j] = True
        state = ev.state(open_mask)
    return open_mask


def _rank(ev, open_mask, predefined):
    """New sites ordered by the loss of the objective when each alone is closed; returns (sites, losses)."""
    new = np.flatnonzero(open_mask & ~np.isin(np.arange(open_mask.size), predefined))
    full = ev.value(ev.state(open_mask))
    lose_first, lose_second, losses = np.zeros(new.size), np.zeros(new.size), np.zeros(new.size)
    mask = open_mask.copy()
    for n, j in enumerate(new):  # one evaluation per chosen site, each vectorised over all pairs
        mask[j] = False
        v = ev.value(ev.state(mask))
        mask[j] = True
        lose_first[n], lose_second[n] = full[0] - v[0], full[1] - v[1]
        if lose_first[n] > _tol(full[0]) and not isinstance(ev, (_CoverageEval, _AplEval)):
            losses[n] = np.inf  # closing it leaves demand with no reachable site
        else:
            losses[n] = abs(ev.objective(full) - ev.objective(v))
    order = np.lexsort((new, -lose_second, -lose_first))
    return new[order], losses[order]


def _decide_method(method, n_vars, size_limit, heuristic_ok):
    if method == "auto":
        return "heuristic" if heuristic_ok and n_vars > size_limit else "milp"
    return method


def _run(model, time_limit, mip_rel_gap, infeasible_message, heuristic):
    """Solve the MILP; returns (y mask, res, note) — falls back to ``heuristic()`` if HiGHS found nothing."""
    res = model.solve(time_limit, mip_rel_gap)
    if res.status == 2:
        raise ValueError(infeasible_message)
    if res.x is None:
        if heuristic is not None:
            return heuristic(), None, f"HiGHS found no solution within {time_limit} s ({res.message}); "
        raise RuntimeError(f"HiGHS found no solution within {time_limit} s: {res.message}")
    return res.x[: model.n_cand] > 0.5, res, ""


def _solve(model, n_vars, method, size_limit, time_limit, mip_rel_gap, infeasible_message, heuristic,
           exact_only=False):
    """Heuristic or HiGHS as ``method`` and the size say; returns (open mask, optimal, gap, method used, status)."""
    if _decide_method(method, n_vars, size_limit, not exact_only) == "heuristic":
        note = f"{n_vars:,} variables exceed the size limit; " if method == "auto" else ""
        open_mask, res = heuristic(), None
    else:
        open_mask, res, note = _run(model, time_limit, mip_rel_gap, infeasible_message,
                                    None if exact_only else heuristic)
    return (open_mask, *_status(res, note))


def _status(res, note):
    if res is None:
        return False, float("nan"), METHOD_HEURISTIC, note + "greedy + swap heuristic (not proven optimal)"
    optimal = res.status == 0
    gap = _gap(res)
    text = "optimal" if optimal else f"not proven optimal ({res.message}), gap {gap:.2%}"
    return optimal, gap, METHOD_MILP, note + f"HiGHS: {text}"


# ------------------------------------------------------------------------------------------------------------- MCLP


def mclp(table, weights, radius, p, *, predefined=(), capacity=None, method="auto", time_limit=DEFAULT_TIME_LIMIT,
         mip_rel_gap=DEFAULT_MIP_REL_GAP, size_limit=DEFAULT_SIZE_LIMIT):
    """Maximal covering: open ``p`` new sites (plus ``predefined``) maximising the demand within ``radius`` minutes.

    With ``capacity`` each open site covers at most that many inhabitants (fractions x_ij, Σ_j x_ij ≤ 1); the
    objective is then the demand covered by assigned sites. Objective: inhabitants covered (predefined sites included).
    """
    n_units, n_cand, w = _check_table(table, weights)
    p, predefined = _check_sites(p, predefined, n_cand)
    cap = _check_capacity(capacity, n_cand, w.sum())
    _check_method(method, cap is None)
    _check_radius(radius)
    pairs = _pairs(table)
    cover = pairs.subset((pairs.minutes <= radius) & (w[pairs.origin] > 0))
    ev = _CoverageEval(cover, w, n_units, n_cand)
    heuristic = (lambda: _greedy_swap(ev, n_cand, p, predefined)) if cap is None else None

    b = _Builder()
    b.add_vars(n_cand, integer=True, lb=_site_bounds(n_cand, predefined))
    if cap is None:
        units = np.unique(cover.origin)
        row = np.full(n_units, -1)
        row[units] = np.arange(units.size)
        z0 = b.add_vars(units.size, cost=-w[units])
        # z_i - Σ_{j covers i} y_j <= 0
        b.add_rows(units.size, np.r_[np.arange(units.size), row[cover.origin]], np.r_[z0 + np.arange(units.size),
                   cover.dest], np.r_[np.ones(units.size), -np.ones(len(cover.dest))], -np.inf, 0.0)
    else:
        x0 = _allocation_rows(b, cover, w, n_units, n_cand, cap, cost=-w[cover.origin], exactly_one=False)
    _site_row(b, n_cand, p + predefined.size)
    model = b.build(n_cand)

    open_mask, optimal, gap, used, status = _solve(model, b.n_vars, method, size_limit, time_limit, mip_rel_gap,
                                                   "MCLP is infeasible", heuristic, exact_only=cap is not None)

    if cap is None:
        site, minutes = _nearest_open(cover, open_mask, n_units)
        served = (site >= 0).astype(np.float64)
        site_all, minutes_all = _nearest_open(pairs.subset(pairs.minutes <= radius), open_mask, n_units)
        zero = w == 0  # empty units: report their nearest open site within the radius too
        site[zero], minutes[zero], served[zero] = site_all[zero], minutes_all[zero], (site_all[zero] >= 0)
        objective = ev.value(ev.state(open_mask))[0]
        rank_ev = ev
    else:
        lp = model.solve(time_limit, 0.0, fixed_sites=open_mask)
        site, minutes, served = _split_assignment(cover, lp.x[x0:x0 + len(cover.dest)], n_units)
        objective = -float(lp.fun)
        rank_ev = _FixedLpEval(model, -1.0, time_limit)
    sites, contribution = _rank(rank_ev, open_mask, predefined)
    total = w.sum()
    share = f" ({objective / total:.1%})" if total > 0 else ""
    message = (f"MCLP: {p} new site(s){_existing(predefined)} cover {_fmt(objective)} of {_fmt(total)} "
               f"inhabitants{share} within {radius:g} min{' under capacities' if cap is not None else ''}. {status}.")
    return LocationResult("mclp", sites, float(objective), site, minutes, optimal, gap, used, message, predefined,
                          contribution, served)


def _existing(predefined):
    return f" (+{predefined.size} already open)" if predefined.size else ""


def _allocation_rows(b, pairs, w, n_units, n_cand, cap, cost, exactly_one):
    """Pair variables x_k in [0, 1] with Σ_j x_ij (= or ≤) 1, x_k ≤ y_j and optional Σ_i w_i x_ij ≤ C_j y_j."""
    m = len(pairs.dest)
    x0 = b.add_vars(m, cost=cost)
    units = np.unique(pairs.origin)
    row = np.full(n_units, -1)
    row[units] = np.arange(units.size)
    xk = x0 + np.arange(m)
    b.add_rows(units.size, row[pairs.origin], xk, 1.0, 1.0 if exactly_one else -np.inf, 1.0)
    b.add_rows(m, np.r_[np.arange(m), np.arange(m)], np.r_[xk, pairs.dest], np.r_[np.ones(m), -np.ones(m)],
               -np.inf, 0.0)
    if cap is not None:
        b.add_rows(n_cand, np.r_[pairs.dest, np.arange(n_cand)], np.r_[xk, np.arange(n_cand)],
                   np.r_[w[pairs.origin], -cap], -np.inf, 0.0)
    return x0


def _split_assignment(pairs, x, n_units):
    """Per unit: the site with the largest share (ties: the nearer), its minutes, and the total share served."""
    x = np.clip(np.asarray(x, dtype=np.float64), 0.0, 1.0)
    served = np.bincount(pairs.origin, weights=x, minlength=n_units)
    site = np.full(n_units, -1, dtype=np.int64)
    minutes = np.full(n_units, np.nan)
    keep = np.flatnonzero(x > 1e-9)
    order = keep[np.lexsort((keep, -x[keep], pairs.origin[keep]))]
    k = order[_group_first(pairs.origin[order])]
    site[pairs.origin[k]] = pairs.dest[k]
    minutes[pairs.origin[k]] = pairs.minutes[k]
    return site, minutes, served


# ------------------------------------------------------------------------------------------------ p-median, p-center


def _assignable(table, weights, drop_unreachable, model_name):
    n_units, n_cand, w = _check_table(table, weights)
    pairs = _pairs(table)
    reach = np.zeros(n_units, dtype=bool)
    reach[pairs.origin] = True
    lost = (w > 0) & ~reach
    note = ""
    if lost.any():
        text = f"{lost.sum()} demand unit(s) ({_fmt(w[lost].sum())} inhabitants) reach no candidate site"
        if not drop_unreachable:
            raise ValueError(f"{model_name}: {text}; pass drop_unreachable=True to leave them unassigned")
        note = f" {text} and were left unassigned."
    active = (w > 0) & reach
    return n_units, n_cand, w, pairs, active, note


def p_median(table, weights, p, *, predefined=(), capacity=None, drop_unreachable=False, method="auto",
             time_limit=DEFAULT_TIME_LIMIT, mip_rel_gap=DEFAULT_MIP_REL_GAP, size_limit=DEFAULT_SIZE_LIMIT):
    """Minimise Σ w_i t_ij x_ij: every unit assigned to one open site it can reach; ``p`` new sites + ``predefined``.

    Objective: total inhabitant-minutes. With ``capacity`` a unit may be split between sites (continuous x).
    """
    n_units, n_cand, w, pairs, active, note = _assignable(table, weights, drop_unreachable, "p-median")
    p, predefined = _check_sites(p, predefined, n_cand)
    cap = _check_capacity(capacity, n_cand, w.sum())
    _check_method(method, cap is None)
    used_pairs = pairs.subset(active[pairs.origin])
    ev = _MedianEval(used_pairs, w, active, n_units, n_cand)

    infeasible = (f"p-median: no choice of {p} new site(s){_existing(predefined)} can serve every demand unit"
                  + (" within the capacities" if cap is not None else " (some units reach too few candidates)"))

    def heuristic():
        mask = _greedy_swap(ev, n_cand, p, predefined)
        if ev.value(ev.state(mask))[0] < 0:
            raise ValueError(infeasible + " (greedy + swap heuristic; an exact solve may still find one)")
        return mask

    if cap is None:
        size = n_cand + len(used_pairs.dest)  # the pair formulation's: the level model is smaller, not always easier
        if _decide_method(method, size, size_limit, True) == "heuristic":
            open_mask = heuristic()
            optimal, gap, used, status = _status(None, f"{size:,} variables exceed the size limit; "
                                                 if method == "auto" else "")
        else:
            try:
                start = _greedy_swap(ev, n_cand, p, predefined)
            except ValueError:
                start = None
            open_mask, optimal, gap, status = _median_by_levels(used_pairs, w, n_units, n_cand, p, predefined,
                                                                time_limit, mip_rel_gap, infeasible, ev, start)
            used = METHOD_MILP
            if open_mask is None:
                open_mask = heuristic()
                optimal, gap, used, status = _status(None, f"HiGHS found no solution within {time_limit} s; ")
    else:
        b = _Builder()
        b.add_vars(n_cand, integer=True, lb=_site_bounds(n_cand, predefined))
        x0 = _allocation_rows(b, used_pairs, w, n_units, n_cand, cap, w[used_pairs.origin] * used_pairs.minutes,
                              True)
        _site_row(b, n_cand, p + predefined.size)
        model = b.build(n_cand)
        open_mask, optimal, gap, used, status = _solve(model, b.n_vars, method, size_limit, time_limit, mip_rel_gap,
                                                       infeasible, heuristic, exact_only=True)

    if cap is None:
        site, minutes = _nearest_open(pairs, open_mask, n_units)
        site[~active & (w > 0)], minutes[~active & (w > 0)] = -1, np.nan
        served = (site >= 0).astype(np.float64)
        objective = ev.objective(ev.value(ev.state(open_mask)))
        rank_ev = ev
    else:
        lp = model.solve(time_limit, 0.0, fixed_sites=open_mask)
        site, minutes, served = _split_assignment(used_pairs, lp.x[x0:x0 + len(used_pairs.dest)], n_units)
        objective = float(lp.fun)
        rank_ev = _FixedLpEval(model, 1.0, time_limit)
    sites, contribution = _rank(rank_ev, open_mask, predefined)
    served_w = w[active].sum()
    mean = f", mean {objective / served_w:.1f} min per inhabitant" if served_w > 0 else ""
    message = (f"p-median: {p} new site(s){_existing(predefined)}, total {_fmt(objective)} inhabitant-minutes"
               f"{mean}{' under capacities' if cap is not None else ''}.{note} {status}.")
    return LocationResult("p_median", sites, float(objective), site, minutes, optimal, gap, used, message, predefined,
                          contribution, served)


def _median_by_levels(pairs, w, n_units, n_cand, p, predefined, time_limit, mip_rel_gap, infeasible, ev, start):
    """Exact uncapacitated p-median on the distance levels of each unit (Elloumi 2010), truncated per unit.

    Per unit i with distinct times D_0 < D_1 < ... : cost = w_i (D_0 + Σ_k (D_k+1 - D_k) z_k), z_k = "no open site
    within D_k", telescoped as z_k ≥ z_k-1 - Σ_{t_ij = D_k} y_j (same LP bound as x_ij ≤ y_j, one row per level
    instead of one per pair). Keeping only the first levels of a unit drops non-negative terms: a lower bound. Each
    unit keeps twice the levels up to its nearest site in ``start`` (a heuristic solution; None: LEVELS_FIRST levels);
    when the optimum of that model gives every unit an open site within its kept levels, its true cost equals the
    bound and it is optimal; otherwise the units that went beyond get four times more levels and it is solved again.
    Never returns worse than ``start``.
    Returns (open mask or None, optimal, gap, status text); None when HiGHS found nothing in the time limit.
    """
    deadline = None if time_limit is None else time.monotonic() + float(time_limit)
    o, t = pairs.origin, pairs.minutes
    unit_start = _group_first(o)
    units = o[unit_start]  # active units, in pair order
    unit_of_pair = np.cumsum(np.r_[False, np.diff(o) != 0]) if o.size else np.zeros(0, np.int64)
    new_level = np.r_[True, (np.diff(o) != 0) | (np.diff(t) != 0)] if o.size else np.zeros(0, bool)
    global_level = np.cumsum(new_level) - 1
    level = global_level - global_level[unit_start][unit_of_pair]  # 0 = nearest time of its unit
    level_minutes = t[new_level]
    n_levels = np.bincount(unit_of_pair, weights=new_level, minlength=units.size).astype(np.int64)
    first_global = global_level[unit_start]
    constant = float((w[units] * t[unit_start]).sum())

    def nearest_level(open_mask):
        """Level of each unit's nearest open site (n_levels when none is reachable)."""
        minutes = ev.state(open_mask)[units]
        beyond = np.where(np.isfinite(minutes), minutes, np.inf)[unit_of_pair]
        return np.bincount(unit_of_pair, weights=new_level & (t < beyond), minlength=units.size).astype(np.int64)

    kept = np.full(units.size, LEVELS_FIRST) if start is None else 2 * (nearest_level(start) + 1)
    kept = np.minimum(kept, n_levels - 1)  # z variables per unit
    solves = 0
    while True:
        full = kept == n_levels - 1  # every level kept: the unit must reach an open site
        rows_per_unit = kept + full
        row_start = np.r_[0, np.cumsum(rows_per_unit)[:-1]]
        z_start = np.r_[0, np.cumsum(kept)[:-1]]
        b = _Builder()
        b.add_vars(n_cand, integer=True, lb=_site_bounds(n_cand, predefined))
        z_unit = np.repeat(np.arange(units.size), kept)
        z_level = np.arange(kept.sum()) - np.repeat(z_start, kept)
        z0 = b.add_vars(int(kept.sum()), cost=w[units][z_unit] * np.diff(level_minutes)[first_global[z_unit]
                                                                                          + z_level]
                        if z_unit.size else 0.0)
        in_model = np.flatnonzero(level < rows_per_unit[unit_of_pair])
        # row (i, k): z_k - z_k-1 + Σ_{level k} y ≥ [k = 0]; the last row of a full unit has no z_k
        z_rows = row_start[z_unit] + z_level
        previous = np.flatnonzero(z_level > 0)
        last = np.flatnonzero(full & (kept > 0))
        n_rows = int(rows_per_unit.sum())
        b.add_rows(n_rows,
                   np.r_[row_start[unit_of_pair[in_model]] + level[in_model], z_rows, z_rows[previous],
                         row_start[last] + kept[last]],
                   np.r_[pairs.dest[in_model], z0 + np.arange(z_unit.size), z0 + previous - 1,
                         z0 + z_start[last] + kept[last] - 1],
                   np.r_[np.ones(in_model.size), np.ones(z_unit.size), -np.ones(previous.size), -np.ones(last.size)],
                   np.isin(np.arange(n_rows), row_start).astype(np.float64), np.inf)
        _site_row(b, n_cand, p + predefined.size)
        left = None if deadline is None else max(deadline - time.monotonic(), 0.01)
        res = b.build(n_cand).solve(left, mip_rel_gap)
        solves += 1
        if res.status == 2:
            raise ValueError(infeasible)
        if res.x is None:
            return None, False, float("nan"), ""
        open_mask = res.x[:n_cand] > 0.5
        reached = nearest_level(open_mask)
        short = ~full & (reached >= kept)  # nearest open site beyond the kept levels: the bound was too low
        if short.any() and res.status == 0:
            kept[short] = np.minimum(np.maximum(4 * kept[short], reached[short] + 1), n_levels[short] - 1)
            continue
        unserved, cost = ev.value(ev.state(open_mask))
        if start is not None:
            start_value = ev.value(ev.state(start))
            if start_value > (unserved, cost):  # stopped early, worse than the start
                open_mask, (unserved, cost) = start, start_value
        dual_bound = getattr(res, "mip_dual_bound", None)
        bound = constant + float(dual_bound if dual_bound is not None and np.isfinite(dual_bound) else res.fun)
        gap = max(-cost - bound, 0.0) / -cost if cost < 0 else 0.0
        optimal = res.status == 0 and unserved == 0 and gap <= mip_rel_gap + 1e-9
        text = "optimal" if optimal else f"not proven optimal ({res.message}), gap {gap:.2%}"
        return open_mask, optimal, gap, (f"HiGHS: {text} (distance levels: {int(kept.sum()):,} kept, "
                                         f"{solves} solve(s))")


def p_center(table, weights, p, *, predefined=(), drop_unreachable=False, formulation="radius",
             time_limit=DEFAULT_TIME_LIMIT, mip_rel_gap=DEFAULT_MIP_REL_GAP):
    """Minimise the worst travel time over units of positive weight (always solved exactly, no heuristic).

    ``formulation="assignment"``: the textbook MILP, min W with W ≥ Σ_j t_ij x_ij, Σ_j x_ij = 1, x_ij ≤ y_j. Its LP
    bound is weak (2,000 units x 300 sites: 54 % gap after 60 s). ``"radius"`` (default): the optimal W is one of the
    table's times, so binary search on it, each step a set-covering MILP "can ``p`` new sites cover every unit within
    r?" (Minieka); ~log2(distinct times) small solves, much faster. There, if fewer than ``p`` sites suffice, the rest
    are added greedily to cut the total inhabitant-minutes (the worst time cannot get worse). ``mip_rel_gap`` applies
    to the assignment formulation only (the covering steps have integer objectives and are solved exactly).
    """
    if formulation not in ("radius", "assignment"):
        raise ValueError(f"formulation must be 'radius' or 'assignment', got {formulation!r}")
    n_units, n_cand, w, pairs, active, note = _assignable(table, weights, drop_unreachable, "p-center")
    p, predefined = _check_sites(p, predefined, n_cand)
    used_pairs = pairs.subset(active[pairs.origin])
    ev = _MedianEval(used_pairs, w, active, n_units, n_cand, center=True)
    infeasible = f"p-center: no choice of {p} new site(s){_existing(predefined)} can serve every demand unit"

    if formulation == "radius":
        open_mask, optimal, gap, status = _center_by_radius(used_pairs, w, active, n_units, n_cand, p, predefined,
                                                            time_limit, infeasible)
        used = METHOD_MILP
    else:
        b = _Builder()
        b.add_vars(n_cand, integer=True, lb=_site_bounds(n_cand, predefined))
        x0 = _allocation_rows(b, used_pairs, w, n_units, n_cand, None, 0.0, True)
        w0 = b.add_vars(1, cost=1.0, lb=0.0, ub=np.inf)
        units = np.unique(used_pairs.origin)
        row = np.full(n_units, -1)
        row[units] = np.arange(units.size)
        m = len(used_pairs.dest)
        # W - Σ_j t_ij x_ij >= 0
        b.add_rows(units.size, np.r_[np.arange(units.size), row[used_pairs.origin]],
                   np.r_[np.full(units.size, w0), x0 + np.arange(m)],
                   np.r_[np.ones(units.size), -used_pairs.minutes], 0.0, np.inf)
        _site_row(b, n_cand, p + predefined.size)
        model = b.build(n_cand)
        open_mask, res, note2 = _run(model, time_limit, mip_rel_gap, infeasible, None)
        optimal, gap, used, status = _status(res, note2)
    site, minutes = _nearest_open(pairs, open_mask, n_units)
    site[~active & (w > 0)], minutes[~active & (w > 0)] = -1, np.nan
    objective = ev.objective(ev.value(ev.state(open_mask)))
    sites, contribution = _rank(ev, open_mask, predefined)
    message = (f"p-center: {p} new site(s){_existing(predefined)}, worst travel time {objective:.1f} min.{note} "
               f"{status}.")
    return LocationResult("p_center", sites, float(objective), site, minutes, optimal, gap, used, message,
                          predefined, contribution, (site >= 0).astype(np.float64))


def _center_by_radius(pairs, w, active, n_units, n_cand, p, predefined, time_limit, infeasible):
    """Binary search of the smallest table time r such that p new sites cover every active unit within r."""
    deadline = None if time_limit is None else time.monotonic() + float(time_limit)
    units = np.flatnonzero(active)
    row = np.full(n_units, -1)
    row[units] = np.arange(units.size)
    cost = np.ones(n_cand)
    cost[predefined] = 0.0
    new = np.ones(n_cand)
    new[predefined] = 0.0
    first = _group_first(pairs.origin)
    radii = np.unique(pairs.minutes)
    radii = radii[radii >= (pairs.minutes[first].max() if first.size else 0.0)]
    solves = [0]

    def covers(r):
        """(True, mask) proven feasible, (False, None) proven infeasible, (None, None) unknown (time limit)."""
        cov = pairs.subset(pairs.minutes <= r)
        b = _Builder()
        b.add_vars(n_cand, cost=cost, integer=True, lb=_site_bounds(n_cand, predefined))
        b.add_rows(units.size, row[cov.origin], cov.dest, 1.0, 1.0, np.inf)
        b.add_rows(1, np.zeros(n_cand, dtype=np.int64), np.arange(n_cand), new, -np.inf, p)
        left = None if deadline is None else max(deadline - time.monotonic(), 0.01)
        res = b.build(n_cand).solve(left, 0.0)
        solves[0] += 1
        if res.x is not None:
            return True, res.x[:n_cand] > 0.5
        return (False if res.status == 2 else None), None

    if radii.size == 0:  # no demand to serve
        best = np.zeros(n_cand, dtype=bool)
        best[predefined] = True
        lo = hi = 0
        proven_lo = 0
    else:
        lo, hi = 0, radii.size - 1
        ok, best = covers(radii[hi])
        if ok is False:
            raise ValueError(infeasible)
        if ok is None:
            raise RuntimeError(f"p-center: HiGHS found no solution within {time_limit} s")
        proven_lo = 0
        while lo < hi:
            mid = (lo + hi) // 2
            ok, mask = covers(radii[mid])
            if ok:
                hi, best = mid, mask
            else:
                lo = mid + 1
                if ok is False:
                    proven_lo = mid + 1
    # open exactly p new sites: fill greedily by total inhabitant-minutes (cannot raise the worst time)
    fill = _MedianEval(pairs, w, active, n_units, n_cand)
    missing = p - int((best & ~np.isin(np.arange(n_cand), predefined)).sum())
    if missing > 0:
        best = _greedy_swap(fill, n_cand, missing, np.flatnonzero(best), swap=False)
    optimal = proven_lo == hi
    gap = 0.0 if optimal else float((radii[hi] - radii[proven_lo]) / radii[hi]) if radii[hi] > 0 else 0.0
    text = "optimal" if optimal else f"stopped on the time limit, gap {gap:.2%}"
    return best, optimal, gap, f"HiGHS: {text} (radius search, {solves[0]} covering solves)"


# ------------------------------------------------------------------------------------------------------------- LSCP


def lscp(table, weights, radius, *, predefined=(), time_limit=DEFAULT_TIME_LIMIT, mip_rel_gap=DEFAULT_MIP_REL_GAP):
    """Fewest new sites so that every unit of positive weight has an open site within ``radius`` minutes.

    Objective: number of new sites (``predefined`` ones are open for free). ValueError if a unit has no candidate
    within the radius.
    """
    n_units, n_cand, w = _check_table(table, weights)
    _, predefined = _check_sites(None, predefined, n_cand)
    _check_radius(radius)
    pairs = _pairs(table)
    cover = pairs.subset((pairs.minutes <= radius) & (w[pairs.origin] > 0))
    need = w > 0
    covered = np.zeros(n_units, dtype=bool)
    covered[cover.origin] = True
    lost = need & ~covered
    if lost.any():
        raise ValueError(f"LSCP is infeasible: {lost.sum()} demand unit(s) ({_fmt(w[lost].sum())} inhabitants) have "
                         f"no candidate site within {radius:g} min")
    units = np.unique(cover.origin)
    row = np.full(n_units, -1)
    row[units] = np.arange(units.size)
    b = _Builder()
    cost = np.ones(n_cand)
    cost[predefined] = 0.0
    b.add_vars(n_cand, cost=cost, integer=True, lb=_site_bounds(n_cand, predefined))
    b.add_rows(units.size, row[cover.origin], cover.dest, 1.0, 1.0, np.inf)
    model = b.build(n_cand)
    open_mask, res, note = _run(model, time_limit, mip_rel_gap, "LSCP is infeasible", None)
    optimal, gap, used, status = _status(res, note)
    site, minutes = _nearest_open(pairs.subset(pairs.minutes <= radius), open_mask, n_units)
    ev = _CoverageEval(cover, w, n_units, n_cand)
    sites, contribution = _rank(ev, open_mask, predefined)
    objective = float(sites.size)
    message = (f"LSCP: {sites.size} new site(s){_existing(predefined)} put every inhabitant within {radius:g} min. "
               f"{status}.")
    return LocationResult("lscp", sites, objective, site, minutes, optimal, gap, used, message, predefined,
                          contribution, (site >= 0).astype(np.float64))


# --------------------------------------------------------------------------------------------------------- APL lift


def apl_gain_matrix(weight_matrix, demand):
    """G = W / D per column, D_c = Σ_i W_ic P_i: the index gain of each unit per unit of supply at each candidate.

    ``weight_matrix``: decay weights units x candidates (sparse or dense), the SAME W and demand P as the index.
    A candidate nobody reaches (D_c = 0) gets an empty column.
    """
    w = sparse.csc_matrix(weight_matrix, dtype=np.float64)
    demand = _check_weights(demand, w.shape[0], "demand")
    d = np.asarray(w.T @ demand).ravel()
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d > 0)
    g = (w @ sparse.diags(inv)).tocsr()
    g.eliminate_zeros()
    return g


def _largest_sum(unit, value, n_units, count):
    """Per unit, the sum of its ``count`` largest ``value`` (all of them where it has fewer)."""
    order = np.lexsort((-value, unit))
    unit, value = unit[order], value[order]
    rank = np.arange(len(unit)) - np.searchsorted(unit, unit)
    return np.bincount(unit[rank < count], weights=value[rank < count], minlength=n_units)


def apl_lift(index, gain, population, p, supply, *, threshold=APL_THRESHOLD, objective="lifted", predefined=(),
             method="auto", time_limit=DEFAULT_TIME_LIMIT, mip_rel_gap=DEFAULT_MIP_REL_GAP,
             size_limit=DEFAULT_SIZE_LIMIT):
    """Choose ``p`` new sites of supply ``supply`` (one number or one per candidate) among the columns of ``gain``.

    ``index``: current APL per unit; ``gain``: :func:`apl_gain_matrix`; ``population``: the weights of the objective
    (plain population to count people). ``objective="lifted"``: maximise the population of units below ``threshold``
    brought to it or above (binary z_i, Σ_c s_c G_ic y_c ≥ (threshold − A_i) z_i); ``"gain"``: maximise
    Σ_i pop_i ΔA_i. ``predefined`` candidates are opened on top of the ``p`` and count in the objective.
    ``result.index_after`` is the predicted index (closed form, see module docstring).
    """
    if objective not in ("lifted", "gain"):
        raise ValueError(f"objective must be 'lifted' or 'gain', got {objective!r}")
    index = np.asarray(index, dtype=np.float64).ravel()
    if not np.all(np.isfinite(index)):
        raise ValueError("the current index must be finite")
    g = sparse.coo_matrix(gain, dtype=np.float64)
    n_units, n_cand = g.shape
    if index.size != n_units:
        raise ValueError(f"index has {index.size} values for {n_units} rows of the gain matrix")
    pop = _check_weights(population, n_units, "population")
    p, predefined = _check_sites(p, predefined, n_cand)
    s = np.broadcast_to(np.asarray(supply, dtype=np.float64), (n_cand,))
    if not np.all(np.isfinite(s)) or (s < 0).any():
        raise ValueError("supply must be finite and non-negative")
    _check_method(method, True)
    keep = (g.data * s[g.col]) > 0
    o, d, val = g.row[keep].astype(np.int64), g.col[keep].astype(np.int64), g.data[keep] * s[g.col[keep]]
    ev = _AplEval((o, d, val), index, pop, threshold, objective, n_cand)

    b = _Builder()
    if objective == "gain":
        b.add_vars(n_cand, cost=-np.bincount(d, weights=pop[o] * val, minlength=n_cand), integer=True,
                   lb=_site_bounds(n_cand, predefined))
    else:
        b.add_vars(n_cand, integer=True, lb=_site_bounds(n_cand, predefined))
        # A unit only the sum of its p + len(predefined) largest gains could lift: the others stay out of the
        # model (z_i = 0 in every solution), which makes it ten times smaller on a département.
        best = _largest_sum(o, val, n_units, p + predefined.size)
        units = np.flatnonzero(ev.below & (pop > 0) & (best >= ev.deficit - _LIFT_TOL))
        row = np.full(n_units, -1)
        row[units] = np.arange(units.size)
        z0 = b.add_vars(units.size, cost=-pop[units], integer=True)
        sel = row[o] >= 0
        # Σ_c s_c G_ic y_c - (threshold - A_i) z_i >= 0
        b.add_rows(units.size, np.r_[row[o[sel]], np.arange(units.size)], np.r_[d[sel], z0 + np.arange(units.size)],
                   np.r_[val[sel], -ev.deficit[units]], 0.0, np.inf)
    _site_row(b, n_cand, p + predefined.size)
    model = b.build(n_cand)

    heuristic = lambda: _greedy_swap(ev, n_cand, p, predefined, swap=objective == "lifted")
    open_mask, optimal, gap, used, status = _solve(model, b.n_vars, method, size_limit, time_limit, mip_rel_gap,
                                                   "APL lift is infeasible", heuristic)
    if used == METHOD_HEURISTIC and objective == "gain":
        optimal, gap, status = True, 0.0, "greedy top-p (exact for this linear objective)"

    delta = ev.state(open_mask)
    value = ev.value(delta)
    sel = np.flatnonzero(open_mask[d])
    site = np.full(n_units, -1, dtype=np.int64)
    if sel.size:  # the open site adding the most to each unit
        order = sel[np.lexsort((d[sel], -val[sel], o[sel]))]
        k = order[_group_first(o[order])]
        site[o[k]] = d[k]
    sites, contribution = _rank(ev, open_mask, predefined)
    below = ev.below
    if objective == "lifted":
        text = (f"lift {_fmt(value[0])} of the {_fmt(pop[below].sum())} people below {threshold:g} "
                f"to {threshold:g} or more")
    else:
        text = f"add {_fmt(value[0])} to the population-weighted index"
    message = f"APL lift: {p} new site(s){_existing(predefined)} {text}. {status}."
    return LocationResult("apl_lift", sites, float(value[0]), site, np.full(n_units, np.nan), optimal, gap, used,
                          message, predefined, contribution, None, index + delta)
