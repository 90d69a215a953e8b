"""One département at BD TOPO density (issue 18): the whole chain in one process, each step timed.

    python bench/bench_departement.py [--workdir DIR] [--repeat 1] [--profile FILE] [--skip-model]

The instance is bench_national.py's generator on 5,900 km² (a département) at BD TOPO density: junctions every
580 m, 8 shape vertices between two (a vertex every ~64 m), ≈299 k road nodes; 22 x 22 = 484 communes with
``population``, the 19 age groups and ``code_insee``; 60 GP practices (``n_gp``, ``code_insee``); 30 FINESS-like
facilities (``finess``). Written once into ``--workdir`` and reused.

In one QGIS process (a ``QgsApplication``, ``processing.run``, outputs written as GeoPackages) the steps of the
chain run one after the other, as the demo runs them: ``nearestfacility`` (communes -> GP practices, 120 min, count
within 30 min), ``accessibilityindex`` (DREES APL), ``catchmentareas`` of the facilities (10/15/20/30 min, areas of
responsibility, rings, population by commune point), ``underservedzones`` (on the APL output) and ``suggestsites``
(APL lift, 3 new centres). Each step and the total are printed with the goal of issue 18 (under 10 s) as PASS/FAIL,
then the chain model ``medicaldeserts:councilchain`` (APL, zones, sites, report) on the same instance.
``--profile FILE`` runs the steps under cProfile and prints the 25 costliest functions (cumulative).
"""

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, "/usr/share/qgis/python/plugins")

from bench_national import write_instance  # noqa: E402

DEPARTEMENT_KM2 = 5_900.0
SPACING_M, SHAPE_VERTICES = 580.0, 8  # BD TOPO density: ≈299 k nodes on 5,900 km²
COMMUNES, GP_SITES, FACILITIES = 500, 60, 30
GOAL_SECONDS = 10.0


def instance(workdir):
    return write_instance(Path(workdir) / "departement", DEPARTEMENT_KM2 / 543_940.0, communes=COMMUNES,
                          gp_sites_count=GP_SITES, facilities=FACILITIES, spacing_m=SPACING_M,
                          shape_vertices=SHAPE_VERTICES)


def steps(meta, out):
    """(name, algorithm id, parameters) of the chain's steps, in order."""
    paths = meta["paths"]
    roads = dict(ROADS=paths["roads"], ROAD_CLASS_FIELD="highway", SPEED_PRESET=0, DIRECTION_FIELD="oneway")
    apl = str(out / "apl.gpkg")
    return [
        ("nearestfacility", "medicaldeserts:nearestfacility", dict(
            roads, INPUT=paths["communes"], FACILITIES=paths["gp_sites"], FACILITY_ID_FIELD="site_id", MAX_TIME=120,
            COUNT_WITHIN=30, OUTPUT=str(out / "nearest.gpkg"))),
        ("accessibilityindex", "medicaldeserts:accessibilityindex", dict(
            roads, INPUT=paths["communes"], POPULATION_FIELD="population", AGE_FIELD_PREFIX="pop_",
            DEMAND_CODE_FIELD="code_insee", SUPPLY=paths["gp_sites"], SUPPLY_FIELD="n_gp",
            SUPPLY_CODE_FIELD="code_insee", METHOD=0, OUTPUT=apl)),
        ("catchmentareas", "medicaldeserts:catchmentareas", dict(
            roads, INPUT=paths["facilities"], FACILITY_ID_FIELD="finess", BANDS="10,15,20,30", MODE=2, RINGS=True,
            POPULATION=paths["communes"], POPULATION_FIELD="population", POPULATION_COUNTING=1,
            OUTPUT=str(out / "catchments.gpkg"))),
        ("underservedzones", "medicaldeserts:underservedzones", dict(
            INPUT=apl, INDEX_FIELD="access_index", TIME_FIELD="nearest_min", POPULATION_FIELD="population",
            STD_POPULATION_FIELD="pop_std", OUTPUT=str(out / "classes.gpkg"), OUTPUT_ZONES=str(out / "zones.gpkg"),
            OUTPUT_SUMMARY=str(out / "summary.gpkg"))),
        ("suggestsites", "medicaldeserts:suggestsites", dict(
            roads, INPUT=apl, POPULATION_FIELD="population", EXISTING=paths["gp_sites"],
            EXISTING_SUPPLY_FIELD="n_gp", MODEL=4, P=3, OUTPUT_SITES=str(out / "sites.gpkg"),
            OUTPUT_DEMAND=str(out / "sites_demand.gpkg"))),
    ]


def chain_model_parameters(meta, out):
    paths = meta["paths"]
    return dict(COMMUNES=paths["communes"], POPULATION_FIELD="population", AGE_FIELD_PREFIX="pop_",
                CODE_FIELD="code_insee", GP_SITES=paths["gp_sites"], GP_COUNT_FIELD="n_gp", GP_CODE_FIELD="code_insee",
                ROADS=paths["roads"], ROAD_CLASS_FIELD="highway", SPEED_PRESET=0, DIRECTION_FIELD="oneway",
                NEW_SITES=3, TERRITORY="Département de synthèse", LANGUAGE=0,
                **{"report:report": str(out / "report.pdf")})


def run_steps(meta, out, feedback):
    """{step: seconds} of one run of the chain's steps."""
    import processing

    seconds = {}
    for name, algorithm, parameters in steps(meta, out):
        start = time.perf_counter()
        processing.run(algorithm, parameters, feedback=feedback)
        seconds[name] = time.perf_counter() - start
        print(f"  {name:18s} {seconds[name]:6.2f} s", flush=True)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", default="/tmp/medical-deserts-departement")
    parser.add_argument("--repeat", type=int, default=1, help="runs of the steps (the best is kept)")
    parser.add_argument("--profile", help="write cProfile statistics of one run of the steps to this file")
    parser.add_argument("--skip-model", action="store_true")
    args = parser.parse_args()

    meta = instance(args.workdir)
    print(f"== one département: {meta['side_km']:.1f} km square, {meta['road_nodes']:,} road nodes "
          f"({meta['road_lines']:,} lines), {meta['communes']:,} communes, {meta['gp_sites']:,} GP practices "
          f"({meta['gps']:,} GPs), {FACILITIES} facilities; written in {meta['seconds']} s", flush=True)

    from qgis.core import QgsApplication, QgsProcessingFeedback

    start = time.perf_counter()
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from medical_deserts_plugin.processing.provider import MedicalDesertsProvider

    provider = MedicalDesertsProvider()  # kept: the registry does not own a Python provider
    QgsApplication.processingRegistry().addProvider(provider)
    print(f"  QGIS start-up in this process (not counted below): {time.perf_counter() - start:.1f} s", flush=True)
    feedback = QgsProcessingFeedback()

    with tempfile.TemporaryDirectory(prefix="departement-") as folder:
        runs = []
        for run in range(args.repeat):
            out = Path(folder) / f"run{run}"
            out.mkdir()
            runs.append(run_steps(meta, out, feedback))
        best = min(runs, key=lambda seconds: sum(seconds.values()))
        total = sum(best.values())
        print("\n| step | seconds |\n|---|---|")
        for name, seconds in best.items():
            print(f"| {name} | {seconds:.2f} |")
        print(f"| **all five, one process** | **{total:.2f}** |")
        print(f"\nGoal of issue 18 (the whole chain of one département under {GOAL_SECONDS:g} s in one process): "
              f"{total:.1f} s   {'PASS' if total < GOAL_SECONDS else 'FAIL'}", flush=True)

        if args.profile:
            out = Path(folder) / "profiled"
            out.mkdir()
            profile = cProfile.Profile()
            profile.runcall(run_steps, meta, out, feedback)
            profile.dump_stats(args.profile)
            print(f"\n== cProfile of one run of the steps ({args.profile})")
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)

        if not args.skip_model:
            import processing

            out = Path(folder) / "model"
            out.mkdir()
            start = time.perf_counter()
            processing.run("medicaldeserts:councilchain", chain_model_parameters(meta, out), feedback=feedback)
            print(f"\nChain model medicaldeserts:councilchain (APL, zones, 3 sites, report PDF) on the same instance: "
                  f"{time.perf_counter() - start:.2f} s", flush=True)
    QgsApplication.processingRegistry().removeProvider(provider)


if __name__ == "__main__":
    main()
