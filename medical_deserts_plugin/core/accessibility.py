"""Floating-catchment accessibility (2SFCA, E2SFCA, gravity, 3SFCA) and the DREES APL preset, on sparse matrices.

Everything works on a :class:`~medical_deserts_plugin.core.travel_times.TravelTimeTable` oriented **demand units
(origins) x supply points (destinations)**, times in minutes. With W the per-pair weights as a sparse matrix,
P the demand (inhabitants) and S the supply (e.g. consultations per year)::

    D = Wᵀ P        demand seen by each supply point (weighted inhabitants)
    R = S / D       supply per inhabitant at each supply point (0 where D == 0)
    A = W R         accessibility index of each demand unit (supply units per inhabitant)

The same weight is used in both steps (Luo & Qi 2009). The numbers match PySAL ``access`` (``two_stage_fca``,
``three_stage_fca``), whose coverage rule is ``cost <= max_cost``; every cutoff here is inclusive as well.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

# --------------------------------------------------------------------------------------------------------------
# Decay functions: minutes (array) -> weights (array), vectorised
# --------------------------------------------------------------------------------------------------------------


def _minutes(minutes):
    minutes = np.asarray(minutes, dtype=np.float64)
    if np.isnan(minutes).any():
        raise ValueError("travel times contain NaN: an unreachable pair must be left out of the table")
    if (minutes < 0).any():
        raise ValueError("travel times must be >= 0 minutes")
    return minutes


def _within(minutes, cutoff):
    if cutoff is None:
        return np.ones(minutes.shape, dtype=bool)
    if not cutoff >= 0:
        raise ValueError(f"cutoff must be >= 0 minutes, got {cutoff!r}")
    return minutes <= cutoff


def binary_weights(minutes, cutoff):
    """1 where ``minutes <= cutoff`` (classic 2SFCA catchment), else 0."""
    minutes = _minutes(minutes)
    return _within(minutes, cutoff).astype(np.float64)


def step_weights(minutes, bands):
    """E2SFCA step bands: ``bands`` is a list of ``(upper_bound_minutes, weight)`` (or a dict bound -> weight).

    A time gets the weight of the first band with ``minutes <= bound`` (inclusive, as PySAL ``weights.step_fn``);
    beyond the last bound the weight is 0.
    """
    minutes = _minutes(minutes)
    items = sorted(bands.items()) if isinstance(bands, dict) else [tuple(b) for b in bands]
    if not items:
        raise ValueError("step bands are empty: give at least one (upper_bound_minutes, weight)")
    bounds = np.array([float(b) for b, _ in items])
    values = np.array([float(w) for _, w in items])
    if np.isnan(bounds).any() or (np.diff(bounds) <= 0).any():
        raise ValueError(f"step band bounds must be strictly increasing minutes, got {bounds.tolist()}")
    if not np.isfinite(values).all() or (values < 0).any():
        raise ValueError(f"step band weights must be finite and >= 0, got {values.tolist()}")
    if len(bounds) > 8:
        band = np.searchsorted(bounds, minutes, side="left")  # index of the first bound >= t
    else:  # the same index counted with one comparison pass per bound: 2.5x faster than bisection for few bands
        band = np.zeros(minutes.shape, dtype=np.intp)
        for bound in bounds:
            band += minutes > bound
    return np.r_[values, 0.0][band]


def gravity_weights(minutes, beta=1.0, cutoff=None, min_time=1.0):
    """Power decay ``max(t, min_time) ** -beta`` for ``t <= cutoff`` (no cutoff if None), else 0.

    ``min_time`` (minutes) avoids the infinite weight at t = 0 (PySAL ``weights.gravity(1, -beta, min_time)``;
    PySAL's ``scale`` is left out: a constant factor on W cancels in every FCA index).
    """
    minutes = _minutes(minutes)
    if not np.isfinite(beta) or beta < 0:
        raise ValueError(f"gravity beta must be finite and >= 0, got {beta!r}")
    if not min_time >= 0:
        raise ValueError(f"min_time must be >= 0 minutes, got {min_time!r}")
    base = np.maximum(minutes, min_time)
    if beta > 0 and (base == 0).any():
        raise ValueError("a pair at 0 minutes has an infinite gravity weight: set min_time > 0")
    with np.errstate(divide="ignore"):
        weights = np.power(base, -float(beta))
    return np.where(_within(minutes, cutoff), weights, 0.0)


def gaussian_weights(minutes, sigma, cutoff=None):
    """Gaussian decay ``exp(-t² / (2 sigma²))`` (PySAL ``weights.gaussian(sigma)``, f(0) = 1, not normalised),
    for ``t <= cutoff`` (no cutoff if None), else 0. ``sigma`` and ``cutoff`` in minutes.
    """
    minutes = _minutes(minutes)
    if not np.isfinite(sigma) or sigma <= 0:
        raise ValueError(f"gaussian sigma must be > 0 minutes, got {sigma!r}")
    weights = np.exp(-0.5 * (minutes / float(sigma)) ** 2)
    return np.where(_within(minutes, cutoff), weights, 0.0)


APL_BOUNDS = (10.0, 15.0, 20.0)
APL_BAND_WEIGHTS = (1.0, 2.0 / 3.0, 1.0 / 3.0, 0.0)


def apl_weights(minutes, bounds=APL_BOUNDS, band_weights=APL_BAND_WEIGHTS):
    """DREES APL decay on commune-to-commune road time (minutes).

    DREES: "moins de 10 minutes" 1, "entre 10 et 15" 2/3, "entre 15 et 20" 1/3, "plus de 20" 0. Boundaries taken
    here: t < 10 -> 1; 10 <= t < 15 -> 2/3; 15 <= t < 20 -> 1/3; t >= 20 -> 0. Same commune (0 min) -> 1.
    Other ``bounds`` (minutes, increasing) and ``band_weights`` (one more) follow the same rule (t < bound).
    """
    minutes = _minutes(minutes)
    return np.asarray(band_weights)[np.searchsorted(bounds, minutes, side="right")]


DECAYS = {
    "binary": binary_weights,
    "step": step_weights,
    "gravity": gravity_weights,
    "gaussian": gaussian_weights,
    "apl": apl_weights,
}


def decay_weights(method, minutes, **params):
    """Weights of ``minutes`` by the named decay: binary(cutoff), step(bands), gravity(beta, cutoff, min_time),
    gaussian(sigma, cutoff) or apl()."""
    if method not in DECAYS:
        raise ValueError(f"unknown decay method {method!r}; expected one of {sorted(DECAYS)}")
    return DECAYS[method](minutes, **params)


# --------------------------------------------------------------------------------------------------------------
# Floating catchment areas
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FcaResult:
    """Result of a floating-catchment computation.

    index: per demand unit, supply per inhabitant (e.g. consultations/year per inhabitant).
    ratio: per supply point, R = S / D (0 where no demand reaches it).
    demand: per supply point, D = weighted inhabitants that reach it.
    supply_unreached: per supply point, True when no demand reaches it (D == 0): its supply is counted nowhere.
    demand_unserved: per demand unit, True when it reaches no supply point (index 0 by construction).
    """

    index: np.ndarray
    ratio: np.ndarray
    demand: np.ndarray
    supply_unreached: np.ndarray
    demand_unserved: np.ndarray
    supply: np.ndarray

    @property
    def supply_lost(self):
        """Total supply held by supply points no demand reaches."""
        return float(self.supply[self.supply_unreached].sum())


def _values(name, values, length, allow_nan=False):
    values = np.asarray(values, dtype=np.float64)
    if values.ndim != 1 or len(values) != length:
        raise ValueError(f"{name} has shape {values.shape}, expected ({length},)")
    if not allow_nan and np.isnan(values).any():
        raise ValueError(f"{name} contains NaN")
    if (values < 0).any():
        raise ValueError(f"{name} must be >= 0 (found {int((values < 0).sum())} negative value(s))")
    if np.isinf(values).any():
        raise ValueError(f"{name} must be finite")
    return values


def _pair_weights(table, weights, name="weights"):
    if callable(weights):
        weights = weights(table.minutes)
    weights = np.asarray(weights, dtype=np.float64)
    if weights.shape != (len(table),):
        raise ValueError(f"{name} has shape {weights.shape}, expected one weight per stored pair ({len(table)},)")
    if not np.isfinite(weights).all() or (weights < 0).any():
        raise ValueError(f"{name} must be finite and >= 0")
    return weights


def _check_problem(table, demand, supply):
    n_demand, n_supply = table.shape
    demand = _values("demand (population)", demand, n_demand)
    supply = _values("supply", supply, n_supply)
    if demand.sum() == 0:
        raise ValueError("total population is zero: there is no demand to share the supply between")
    if table.has_duplicate_pairs:
        raise ValueError("the travel-time table holds duplicate (origin, destination) pairs")
    return demand, supply


def _fca(matrix, demand, supply):
    """The two FCA steps on an effective weight matrix (demand x supply, CSR)."""
    seen = np.asarray(matrix.T @ demand).ravel()
    ratio = np.divide(supply, seen, out=np.zeros_like(supply), where=seen > 0)
    index = np.asarray(matrix @ ratio).ravel()
    return FcaResult(
        index=index,
        ratio=ratio,
        demand=seen,
        supply_unreached=seen <= 0,
        demand_unserved=np.diff(matrix.indptr) == 0,
        supply=supply,
    )


def two_step_fca(table, demand, supply, weights):
    """Generic 2SFCA / E2SFCA / gravity FCA (Luo & Wang 2003, Luo & Qi 2009).

    table: demand units x supply points, minutes. demand: inhabitants per demand unit. supply: per supply point
    (e.g. consultations/year). weights: one weight per stored pair, or a function of the minutes array
    (e.g. ``lambda t: binary_weights(t, 30)``). Index unit: supply per inhabitant.
    """
    demand, supply = _check_problem(table, demand, supply)
    matrix = table.weight_matrix(_pair_weights(table, weights))
    return _fca(matrix, demand, supply)


def three_step_fca(table, demand, supply, weights, selection_weights=None):
    """3SFCA (Wan, Zou & Sternberg 2012): a selection weight G_ij = V_ij / Σ_k V_ik shares each unit's demand
    between the supply points it reaches; D_j = Σ_i G_ij W_ij P_i, R_j = S_j / D_j, A_i = Σ_j G_ij W_ij R_j.

    ``selection_weights`` (V, per pair or a function of minutes) defaults to ``weights`` (Wan: sum over the supply
    points inside the catchment). PySAL ``three_stage_fca`` sums the *uncut* weight over every pair in its cost table
    (even beyond ``max_cost``): pass the decay without cutoff as ``selection_weights`` to reproduce it.
    """
    demand, supply = _check_problem(table, demand, supply)
    matrix = table.weight_matrix(_pair_weights(table, weights))
    if selection_weights is None:
        selection = matrix
    else:
        selection = table.weight_matrix(_pair_weights(table, selection_weights, "selection_weights"))
    row_sum = np.asarray(selection.sum(axis=1)).ravel()
    inverse = np.divide(1.0, row_sum, out=np.zeros_like(row_sum), where=row_sum > 0)
    share = sparse.diags(inverse) @ selection
    effective = sparse.csr_matrix(share.multiply(matrix))
    effective.eliminate_zeros()
    return _fca(effective, demand, supply)


METHODS = ("2sfca", "3sfca")


def accessibility_index(table, demand, supply, method="2sfca", decay="binary", **decay_params):
    """One entry point: ``method`` '2sfca' (also E2SFCA / gravity, by the decay) or '3sfca'; ``decay`` one of
    :data:`DECAYS` with its parameters (minutes)."""
    if method not in METHODS:
        raise ValueError(f"unknown accessibility method {method!r}; expected one of {list(METHODS)}")
    weights = decay_weights(decay, table.minutes, **decay_params)
    if method == "2sfca":
        return two_step_fca(table, demand, supply, weights)
    return three_step_fca(table, demand, supply, weights)


# --------------------------------------------------------------------------------------------------------------
# DREES APL preset
# --------------------------------------------------------------------------------------------------------------

APL_AGE_WEIGHTS = {
    "2023": (1.12, 0.58, 0.51, 0.60, 0.75, 0.79, 0.82, 0.85, 0.89, 0.93,
             1.03, 1.15, 1.18, 1.23, 1.46, 1.57, 1.63, 1.89, 2.26),
    "2022": (0.93, 0.59, 0.55, 0.59, 0.73, 0.78, 0.84, 0.88, 0.90, 0.97,
             1.06, 1.14, 1.16, 1.19, 1.52, 1.53, 1.72, 1.99, 2.39),
}  # fmt: skip
"""DREES consumption weights of the 19 five-year age groups <5, 5-9, ..., 85-89, 90+ (APL 2022 and 2023)."""

APL_MIN_ACTIVITY = 250.0
APL_FLOOR = 3600.0
APL_CEILING = 6000.0
APL_IMPUTED = 5400.0


def apl_supply(activity, capped=None):
    """Yearly consultations + visits + teleconsultations counted per GP (DREES rules).

    Capped (liberal) GPs: under 250 -> 0; 250 to 3,600 -> 3,600 (DREES writes "moins de 250" / "entre 251 et
    3 600": exactly 250 is taken as 3,600); 3,600-6,000 as is; over 6,000 -> 6,000. Uncapped rows
    (``capped`` False: centres de santé) are kept as is. Missing activity (NaN, no activity last year) -> 5,400
    imputed, for every row.
    """
    activity = np.asarray(activity, dtype=np.float64)
    if activity.ndim != 1:
        raise ValueError(f"activity must be one value per GP, got shape {activity.shape}")
    if (activity < 0).any() or np.isinf(activity).any():
        raise ValueError("activity (consultations per year) must be finite and >= 0")
    capped = np.ones(activity.shape, dtype=bool) if capped is None else np.asarray(capped, dtype=bool)
    if capped.shape != activity.shape:
        raise ValueError(f"capped has shape {capped.shape}, expected {activity.shape}")
    bounded = np.where(activity < APL_MIN_ACTIVITY, 0.0, np.clip(activity, APL_FLOOR, APL_CEILING))
    supply = np.where(capped, bounded, activity)
    return np.where(np.isnan(activity), APL_IMPUTED, supply)


def gp_supply_filter(ages, max_age=65, keep_unknown=True):
    """Mask of the GPs kept by the DREES variant "aged 65 or less" (``age <= max_age``); unknown ages (NaN) are
    kept unless ``keep_unknown`` is False."""
    ages = np.asarray(ages, dtype=np.float64)
    return np.where(np.isnan(ages), bool(keep_unknown), ages <= max_age)


def standardised_population(age_counts, population=None, weights="2023"):
    """Population standardised by age (inhabitants): Σ_g count_g × weight_g over the 19 DREES age groups.

    age_counts: (n, 19) inhabitants per 5-year group <5 ... 90+. ``weights``: "2023", "2022" or 19 numbers.
    A row with any NaN has no age data: it gets its plain ``population`` (weight 1). Returns
    ``(standardised, no_age_data)`` where ``no_age_data`` flags those rows.
    """
    counts = np.asarray(age_counts, dtype=np.float64)
    if counts.ndim != 2 or counts.shape[1] != 19:
        raise ValueError(
            f"age counts must have 19 columns (5-year groups <5 ... 90+), got shape {counts.shape}"
        )
    if isinstance(weights, str):
        if weights not in APL_AGE_WEIGHTS:
            raise ValueError(f"unknown age weights {weights!r}; expected one of {sorted(APL_AGE_WEIGHTS)}")
        weights = APL_AGE_WEIGHTS[weights]
    weights = np.asarray(weights, dtype=np.float64)
    if weights.shape != (19,) or not np.isfinite(weights).all() or (weights < 0).any():
        raise ValueError("age weights must be 19 finite numbers >= 0")
    if (counts < 0).any():
        raise ValueError("age counts must be >= 0")
    missing = np.isnan(counts).any(axis=1)
    standardised = np.where(missing, 0.0, np.nan_to_num(counts) @ weights)
    if missing.any():
        if population is None:
            raise ValueError(f"{int(missing.sum())} row(s) have no age data and no plain population was given")
        population = _values("population", population, len(counts), allow_nan=True)
        if np.isnan(population[missing]).any():
            raise ValueError("rows without age data must have a plain population")
        standardised = np.where(missing, np.nan_to_num(population), standardised)
    return standardised, missing


def apl(table, standardised_pop, supply, supply_mask=None, weights=apl_weights):
    """DREES APL: FCA with the APL decay (``weights``, a function of minutes: another profession's bands); output
    in supply per standardised inhabitant (GPs: consultations per year).

    table: communes (demand) x GPs or GP communes (supply), road minutes, a commune to itself at 0 min.
    standardised_pop: standardised inhabitants per commune. supply: consultations/year per supply point, already
    through :func:`apl_supply`. supply_mask: supply points kept (e.g. :func:`gp_supply_filter`), others count 0.
    """
    supply = np.asarray(supply, dtype=np.float64)
    if supply_mask is not None:
        supply_mask = np.asarray(supply_mask, dtype=bool)
        if supply_mask.shape != supply.shape:
            raise ValueError(f"supply_mask has shape {supply_mask.shape}, expected {supply.shape}")
        supply = np.where(supply_mask, supply, 0.0)
    return two_step_fca(table, standardised_pop, supply, weights)


# --------------------------------------------------------------------------------------------------------------
# Aggregates
# --------------------------------------------------------------------------------------------------------------


def population_weighted_mean(index, population):
    """Mean of ``index`` weighted by ``population`` (DREES: standardised population), ignoring NaN; NaN if no
    weight is left."""
    index = np.asarray(index, dtype=np.float64)
    population = _values("population", population, len(index), allow_nan=True)
    keep = ~(np.isnan(index) | np.isnan(population))
    total = population[keep].sum()
    return float(index[keep] @ population[keep] / total) if total > 0 else float("nan")


def population_below(index, population, threshold=2.5):
    """Inhabitants (plain population, as DREES) living where ``index < threshold``; NaN index or population count
    for nothing."""
    index = np.asarray(index, dtype=np.float64)
    population = _values("population", population, len(index), allow_nan=True)
    below = (index < threshold) & ~np.isnan(population)
    return float(population[below].sum())


def calibration_factor(index, published, population):
    """(factor, units compared, published mean, our mean): the factor that makes the ``population``-weighted mean
    of ``index`` equal that of ``published`` (e.g. DREES's APL of the same year) over the units that have both.

    The APL is proportional to the consultations per GP, so multiplying the activity by this factor multiplies every
    unit's APL by it: the ranking stays, the level meets the published one. NaN in ``published`` means no published
    value. Raises ValueError when no unit has both, or when our index is 0 on all of them."""
    index = np.asarray(index, dtype=np.float64)
    published = _values("published index", published, len(index), allow_nan=True)
    population = _values("population", population, len(index), allow_nan=True)
    both = ~(np.isnan(index) | np.isnan(published) | np.isnan(population)) & (population > 0)
    if not both.any():
        raise ValueError("no demand unit has both a published index and inhabitants: check the code fields")
    ours, theirs = (population_weighted_mean(values[both], population[both]) for values in (index, published))
    if not ours > 0:
        raise ValueError("the index is 0 on every demand unit with a published value: nothing to calibrate")
    return theirs / ours, int(both.sum()), theirs, ours
