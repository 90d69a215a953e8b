"""Our floating-catchment core against PySAL ``access`` on the same ~1,000,000-pair travel-time tables.

    .bench-venv/bin/python bench/bench_accessibility.py [--seed 42] [--repeat 3] [--case dense,cut]

Runs in the bench venv (``bash bench/setup_bench_venv.sh``), which has ``access`` and no qgis: our core is imported
from this checkout. Seeded instances: demand units and supply points uniform in a square, time = Euclidean distance x
a detour factor in [1.1, 1.5], rounded to 0.01 min so that some times fall exactly on the 10/20/30 min bounds (both
libraries count ``t <= bound`` as inside); populations lognormal, supply 1 to 20 GPs. Cutoff (access ``max_cost``)
30 min. Two tables:
  dense   2,000 x 500 in a 60 x 60 square, every pair stored (1,000,000 pairs, ~1/3 within 30 min): access filters
          on max_cost first and weights only those, we weight all pairs;
  cut     5,000 x 1,000 in a 78 x 78 square, only pairs within 30 min stored (~1,075,000 pairs: what our router
          outputs, and the setup of peers.md 2.1.5).

Cases, each asserted equal to 1e-9 (relative) on every demand unit:
  2sfca     binary catchment                   two_step_fca(binary_weights(t, 30))    vs two_stage_fca(max_cost=30)
  e2sfca    steps 10:1, 20:0.68, 30:0.22       two_step_fca(step_weights)             vs enhanced_two_stage_fca(
                                                                                         weight_fn=step_fn(...))
  e2sfca/n  the same, normalize=True           index / population_weighted_mean       vs normalize=True
  gravity   max(t, 1)^-1 within 30 min         gravity_weights(t, 1, 30, min_time=1)  vs two_stage_fca(
                                                                                         weight_fn=gravity(1, -1, 1))
  3sfca     access's default steps             three_step_fca(..., selection_weights) vs three_stage_fca(
            10:.962, 20:.704, 30:.377, 60:.042                                           max_cost=30)
Times: median of --repeat runs, each from the arrays already in memory (access's Access object built once, outside
the timing; ours wraps the arrays in a new table at each run, so its once-per-table duplicate check is timed),
weights included. Target: ours >= 10x faster than access for E2SFCA.
The line "duplicate-pair check" times the check every table gets once against ``np.unique`` (which numpy >= 2.3 made
hash-based and slow), on the pairs in (origin, destination) order as generated and shuffled (as a user's OD file may
be: the check then sorts, and the weight matrix goes through COO), with E2SFCA on the shuffled pairs.

Conventions that differ (checked here, reconciled before comparing):
* A demand unit that reaches no supply point within the cutoff: access leaves it out of its groupby, so its index is
  NaN in ``access_df``; ours gives 0 (and flags it in ``FcaResult.demand_unserved``). Compared as 0.
* A supply point nobody reaches (D_j = 0): access drops it (or gives inf/NaN when a pair inside ``max_cost`` has
  weight 0); ours gives ratio 0 and flags ``supply_unreached``. The instances have none, by construction.
* 3SFCA selection weight G_ij = w_ij / sum_k w_ik: access sums the UNCUT weight over every pair of its cost table
  (dense case: up to ~120 min, so the 30-60 min band 0.042 counts) while the FCA steps use only pairs <= max_cost;
  Wan et al. (and our default) sum over the catchment. Reproduced with ``selection_weights`` = the uncut step
  function; the gap to our default (Wan) convention is printed for information. On the cut table both coincide.
* access's gravity has a ``scale`` (x / scale)^alpha that cancels in every FCA index; ours has none.
* access's ``normalize`` divides by sum(P A) / sum(P) over all demand units (NaN skipped in the numerator, every P in
  the denominator): ours with unserved units at 0 through ``population_weighted_mean`` gives the same.
"""

import argparse
import logging
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_network import median_seconds  # noqa: E402
from medical_deserts_plugin.core.accessibility import (  # noqa: E402
    binary_weights,
    gravity_weights,
    population_weighted_mean,
    step_weights,
    three_step_fca,
    two_step_fca,
)
from medical_deserts_plugin.core.travel_times import TravelTimeTable  # noqa: E402

CUTOFF = 30.0
E2SFCA_BANDS = {10: 1.0, 20: 0.68, 30: 0.22}
THREE_SFCA_BANDS = {10: 0.962, 20: 0.704, 30: 0.377, 60: 0.042}  # access's default for three_stage_fca
RTOL = 1e-9
#: name -> (demand units, supply points, square side, keep only the pairs within the cutoff)
INSTANCES = {
    "dense": (2000, 500, 60.0, False),
    "cut": (5000, 1000, 78.0, True),
}


def instance(n_demand, n_supply, side, cut, seed):
    """(population, supply, table) of a seeded random instance."""
    rng = np.random.default_rng(seed)
    demand_xy = rng.uniform(0, side, (n_demand, 2))
    supply_xy = rng.uniform(0, side, (n_supply, 2))
    distance = np.hypot(demand_xy[:, None, 0] - supply_xy[None, :, 0], demand_xy[:, None, 1] - supply_xy[None, :, 1])
    minutes = np.round(distance * rng.uniform(1.1, 1.5, distance.shape), 2)
    population = np.round(rng.lognormal(7.0, 1.2, n_demand)) + 1.0
    supply = rng.integers(1, 21, n_supply).astype(np.float64)
    origin, destination = np.nonzero(minutes <= CUTOFF) if cut else np.divmod(np.arange(minutes.size), n_supply)
    return population, supply, TravelTimeTable(origin, destination, minutes[origin, destination],
                                               (n_demand, n_supply))


def compare(name, ours, theirs, ours_s, theirs_s, failures):
    theirs = np.asarray(theirs, dtype=np.float64)
    unserved = int(np.isnan(theirs).sum())
    theirs = np.nan_to_num(theirs, nan=0.0)
    scale = np.maximum(np.abs(theirs), np.finfo(float).tiny)
    rel = float(np.max(np.abs(ours - theirs) / scale, initial=0.0))
    ok = bool(np.allclose(ours, theirs, rtol=RTOL, atol=0.0))
    if not ok:
        failures.append(name)
    print(f"  {name:9s} ours {ours_s:7.4f} s   access {theirs_s:7.4f} s   ratio {theirs_s / ours_s:6.1f}x   "
          f"max rel diff {rel:.1e} {'OK' if ok else 'MISMATCH'}"
          + (f"   ({unserved} unit(s) NaN in access = 0 in ours)" if unserved else ""), flush=True)
    return theirs_s / ours_s


def run_case(label, n_demand, n_supply, side, cut, seed, repeat, failures):
    from access import Access, weights

    population, supply, table = instance(n_demand, n_supply, side, cut, seed)
    demand_df = pd.DataFrame({"geoid": np.arange(n_demand), "pop": population})
    supply_df = pd.DataFrame({"geoid": np.arange(n_supply), "doctors": supply})
    cost_df = pd.DataFrame({"origin": table.origin, "dest": table.destination, "cost": table.minutes})
    acc = Access(demand_df=demand_df, demand_index="geoid", demand_value="pop", supply_df=supply_df,
                 supply_index="geoid", supply_value="doctors", cost_df=cost_df, cost_origin="origin",
                 cost_dest="dest", cost_name="cost")
    acc.log.setLevel(logging.WARNING)  # no "Overwriting ..." line at every repeat
    minutes = table.minutes
    print(f"\n== {label}: {n_demand:,} demand units x {n_supply:,} supply points, {len(table):,} pairs in the table, "
          f"{int((minutes <= CUTOFF).sum()):,} within {CUTOFF:g} min ({int((minutes == CUTOFF).sum())} exactly on "
          f"it)", flush=True)

    def theirs(method, column, **kwargs):
        def run():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out = getattr(acc, method)(**kwargs)
            return out[column].reindex(np.arange(n_demand)).to_numpy()
        return run

    step = lambda t: step_weights(t, E2SFCA_BANDS)  # noqa: E731
    bands_cut = lambda t: step_weights(t, THREE_SFCA_BANDS) * (t <= CUTOFF)  # noqa: E731
    bands_uncut = lambda t: step_weights(t, THREE_SFCA_BANDS)  # noqa: E731
    def fresh():
        """The same pairs as a new table, so that its once-per-table duplicate check is timed at every run."""
        return TravelTimeTable(table.origin, table.destination, table.minutes, table.shape)

    cases = [
        ("2sfca", lambda: two_step_fca(fresh(), population, supply, lambda t: binary_weights(t, CUTOFF)).index,
         theirs("two_stage_fca", "2sfca_doctors", name="2sfca", max_cost=CUTOFF)),
        ("e2sfca", lambda: two_step_fca(fresh(), population, supply, step).index,
         theirs("enhanced_two_stage_fca", "e2sfca_doctors", name="e2sfca", max_cost=CUTOFF,
                weight_fn=weights.step_fn(E2SFCA_BANDS))),
        ("e2sfca/n", lambda: (lambda a: a / population_weighted_mean(a, population))(
            two_step_fca(fresh(), population, supply, step).index),
         theirs("enhanced_two_stage_fca", "e2sfcan_doctors", name="e2sfcan", max_cost=CUTOFF,
                weight_fn=weights.step_fn(E2SFCA_BANDS), normalize=True)),
        ("gravity", lambda: two_step_fca(fresh(), population, supply,
                                         lambda t: gravity_weights(t, 1.0, CUTOFF, min_time=1.0)).index,
         theirs("two_stage_fca", "grav_doctors", name="grav", max_cost=CUTOFF,
                weight_fn=weights.gravity(1, -1, min_dist=1))),
        ("3sfca", lambda: three_step_fca(fresh(), population, supply, bands_cut, selection_weights=bands_uncut).index,
         theirs("three_stage_fca", "3sfca_doctors", name="3sfca", max_cost=CUTOFF,
                weight_fn=weights.step_fn(THREE_SFCA_BANDS))),
    ]
    ratios, times = {}, {}
    for name, ours_fn, theirs_fn in cases:
        ours_s, ours = median_seconds(ours_fn, repeat)
        theirs_s, ref = median_seconds(theirs_fn, repeat)
        ratios[name] = compare(name, ours, ref, ours_s, theirs_s, failures)
        times[name] = ours_s, theirs_s

    wan = three_step_fca(table, population, supply, bands_cut).index
    pysal = three_step_fca(table, population, supply, bands_cut, selection_weights=bands_uncut).index
    gap = np.abs(wan - pysal) / np.maximum(np.abs(pysal), np.finfo(float).tiny)
    print(f"  3sfca, our default (Wan: selection summed over the catchment) vs PySAL's (over the whole cost table): "
          f"median rel diff {np.median(gap):.1%}, max {gap.max():.1%} (a convention, not an error)")

    key = table.origin * n_supply + table.destination
    unique_s, _ = median_seconds(lambda: len(np.unique(key)) != len(key), repeat)
    order_s, _ = median_seconds(lambda: fresh().has_duplicate_pairs, repeat)
    shuffled = np.random.default_rng(seed).permutation(len(table))
    mixed = (table.origin[shuffled], table.destination[shuffled], table.minutes[shuffled], table.shape)
    sort_s, _ = median_seconds(lambda: TravelTimeTable(*mixed).has_duplicate_pairs, repeat)
    mixed_s, mixed_index = median_seconds(lambda: two_step_fca(TravelTimeTable(*mixed), population, supply,
                                                               step).index, repeat)
    assert np.allclose(mixed_index, two_step_fca(table, population, supply, step).index, rtol=RTOL, atol=0.0)
    print(f"  duplicate-pair check (once per table): np.unique of the pair keys {unique_s:.4f} s with numpy "
          f"{np.__version__}; ours {order_s:.4f} s on pairs in order, {sort_s:.4f} s shuffled (a sort). "
          f"E2SFCA on the shuffled pairs {mixed_s:.4f} s = {times['e2sfca'][1] / mixed_s:.1f}x faster than access")
    return ratios


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--case", default=",".join(INSTANCES))
    args = parser.parse_args()

    import access

    print(f"access {getattr(access, '__version__', '?')}, pandas {pd.__version__}, numpy {np.__version__}; "
          f"median of {args.repeat} run(s), seconds")
    failures, met = [], []
    for label in args.case.split(","):
        ratios = run_case(label, *INSTANCES[label], args.seed, args.repeat, failures)
        met.append(f"{label} {ratios['e2sfca']:.1f}x {'met' if ratios['e2sfca'] >= 10 else 'NOT met'}")
    print(f"\ntarget E2SFCA ours >= 10x faster than access: {'; '.join(met)}")
    if failures:
        sys.exit(f"results differ from PySAL access: {', '.join(failures)}")


if __name__ == "__main__":
    main()
