"""``make demo``: generate the sample département and run the plugin's algorithms on it through qgis_process.

    python scripts/demo.py --out demo_output [--qgis-process /usr/bin/qgis_process.bin] [--seed 42]

Writes the sample files in ``OUT/sample``, one GeoPackage per algorithm run in ``OUT`` and the council's report
``OUT/rapport_territorial.pdf``, then runs the whole chain again as one Processing model
(``OUT/rapport_territorial_chaine.pdf``), then lists them.
The plugin must be installed in the QGIS profile qgis_process uses (``make install`` does it).
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from medical_deserts_plugin.sample import write_sample  # noqa: E402
from medical_deserts_plugin.sample.generator import AGE_FIELDS  # noqa: E402
from scripts.qgis_runner import QGIS_PROCESS, qgis_process_env, run_algorithm  # noqa: E402


def demo_runs(sample, out):
    """(title, algorithm, parameters) of every demo run on the sample files."""
    network = dict(ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", SPEED_PRESET=0, DIRECTION_FIELD="oneway")
    return [
        ("Time from every commune to the nearest GP practice, GP practices within 15 min",
         "medicaldeserts:nearestfacility",
         dict(network, INPUT=sample["communes"], FACILITIES=sample["gp_sites"], FACILITY_ID_FIELD="site_id",
              MAX_TIME=120, COUNT_WITHIN=15, OUTPUT=out / "nearest_gp.gpkg")),
        ("Travel-time matrix communes x GP practices within 30 min, with lines",
         "medicaldeserts:traveltimematrix",
         dict(network, ORIGINS=sample["communes"], ORIGIN_ID_FIELD="code_insee", DESTINATIONS=sample["gp_sites"],
              DESTINATION_ID_FIELD="site_id", CUTOFF=30, OUTPUT=out / "matrix_communes_gp.gpkg",
              OUTPUT_LINES=out / "matrix_communes_gp_lines.gpkg")),
        ("Time from every commune to the nearest FINESS facility (MSP, centre de santé, hospital, pharmacy)",
         "medicaldeserts:nearestfacility",
         dict(network, INPUT=sample["communes"], FACILITIES=sample["facilities"], FACILITY_ID_FIELD="finess",
              MAX_TIME=120, COUNT_WITHIN=30, OUTPUT=out / "nearest_finess.gpkg")),
        ("10/15/20/30-min catchment areas of the FINESS facilities (split: areas of responsibility), with "
         "the population inside",
         "medicaldeserts:catchmentareas",
         dict(network, INPUT=sample["facilities"], FACILITY_ID_FIELD="finess", BANDS="10,15,20,30", MODE=2,
              RINGS=True, POPULATION=sample["communes"], POPULATION_FIELD="population", POPULATION_COUNTING=1,
              OUTPUT=out / "catchments_facilities.gpkg")),
        ("ZRR/FRR classification of the communes (ANCT zoning table joined by commune code)",
         "medicaldeserts:importanct",
         dict(INPUT=sample["anct"], COMMUNES=sample["communes"], COMMUNE_CODE_FIELD="code_insee",
              OUTPUT=out / "communes_zrr_frr.gpkg")),
        ("DREES APL of every commune (age-standardised, 10/15/20-min decay, same commune at 0 min)",
         "medicaldeserts:accessibilityindex",
         dict(network, INPUT=sample["communes"], POPULATION_FIELD="population", AGE_FIELDS=";".join(AGE_FIELDS),
              DEMAND_CODE_FIELD="code_insee", SUPPLY=sample["gp_sites"], SUPPLY_FIELD="n_gp",
              SUPPLY_CODE_FIELD="code_insee", METHOD=0, OUTPUT=out / "apl_communes.gpkg")),
        *profession_runs(sample, out, network),
        ("Underserved communes (APL under 2.5 or more than 20 min from a GP), their zones and Gi* cold spots",
         "medicaldeserts:underservedzones",
         dict(INPUT=out / "apl_communes.gpkg", INDEX_FIELD="access_index", TIME_FIELD="nearest_min",
              POPULATION_FIELD="population", STD_POPULATION_FIELD="pop_std", ISOLATED=20,
              OUTPUT=out / "communes_classes.gpkg", OUTPUT_ZONES=out / "underserved_zones.gpkg",
              OUTPUT_SUMMARY=out / "underserved_summary.gpkg")),
        ("Three new health centres bringing the most inhabitants to an APL of 2.5 (commune centres as candidates; "
         "age-standardised demand of the APL output, so that the APL before is the one above)",
         "medicaldeserts:suggestsites",
         dict(network, INPUT=out / "apl_communes.gpkg", POPULATION_FIELD="population", EXISTING=sample["gp_sites"],
              EXISTING_SUPPLY_FIELD="n_gp", MODEL=4, P=3, OUTPUT_SITES=out / "suggested_sites_apl.gpkg",
              OUTPUT_DEMAND=out / "communes_apl_before_after.gpkg")),
        ("Three new sites putting the most inhabitants within 10 min of a GP practice",
         "medicaldeserts:suggestsites",
         dict(network, INPUT=sample["communes"], POPULATION_FIELD="population", EXISTING=sample["gp_sites"],
              MODEL=0, P=3, RADIUS=10, OUTPUT_SITES=out / "suggested_sites_mclp.gpkg",
              OUTPUT_DEMAND=out / "communes_time_before_after.gpkg", OUTPUT_LINES=out / "allocation_mclp.gpkg")),
        ("Five pharmacies to host a téléconsultation cabin: the most people more than 15 min from a GP practice "
         "within 10 min of one (the sample's FINESS pharmacies as candidates)",
         "medicaldeserts:suggestsites",
         dict(network, INPUT=sample["communes"], POPULATION_FIELD="population",
              CANDIDATES=f"{sample['facilities']}|layername=facilities|subset=\"categetab\" = '620'",
              CANDIDATE_ID_FIELD="finess", EXISTING=sample["gp_sites"], TARGET_BEYOND=15, MODEL=0, P=5,
              RADIUS=10, OUTPUT_SITES=out / "teleconsultation_pharmacies.gpkg",
              OUTPUT_DEMAND=out / "communes_teleconsultation.gpkg")),
        ("A bus santé's week: 5 days of 7 h from the first FINESS facility, 90 min at each stop, serving the "
         "underserved communes (APL under 2.5 or more than 20 min from a GP) within 15 min of a stop",
         "medicaldeserts:mobilecaretour",
         dict(network, INPUT=out / "apl_communes.gpkg", POPULATION_FIELD="population", INDEX_FIELD="access_index",
              TIME_FIELD="nearest_min", ISOLATED=20, STOPS=sample["communes"], STOP_ID_FIELD="code_insee",
              DEPOT=f"{sample['facilities']}|layername=facilities|subset=\"fid\" = 1", DAYS=5,
              MINUTES_PER_DAY=420, STOP_MINUTES=90, SERVICE_MINUTES=15, OUTPUT_STOPS=out / "bus_sante_stops.gpkg",
              OUTPUT_ROUTES=out / "bus_sante_routes.gpkg", OUTPUT_DEMAND=out / "bus_sante_communes.gpkg")),
        ("The council's report (A4 PDF, French): key figures, maps, charts, least served communes, method",
         "medicaldeserts:councilreport",
         dict(INPUT=out / "apl_communes.gpkg", NEAREST=out / "nearest_gp.gpkg", CLASSES=out / "communes_classes.gpkg",
              ZONES=out / "underserved_zones.gpkg", SITES=out / "suggested_sites_apl.gpkg",
              SITES_DEMAND=out / "communes_apl_before_after.gpkg", TERRITORY="Département exemple (99)",
              OUTPUT=out / "rapport_territorial.pdf")),
        ("The whole chain as one Processing model (APL → underserved zones → 3 new centres → report), from the "
         "sample files alone: the same APL and sites as the runs above",
         "medicaldeserts:councilchain",
         dict(COMMUNES=sample["communes"], POPULATION_FIELD="population", AGE_FIELD_PREFIX="pop_",
              CODE_FIELD="code_insee", GP_SITES=sample["gp_sites"], GP_COUNT_FIELD="n_gp", GP_CODE_FIELD="code_insee",
              ROADS=sample["roads"], ROAD_CLASS_FIELD="highway", DIRECTION_FIELD="oneway", NEW_SITES=3,
              TERRITORY="Département exemple (99)", **{
                  "sites:suggested_sites": out / "chaine_sites_proposes.gpkg",
                  "zones:underserved_zones": out / "chaine_zones_sous_dotees.gpkg",
                  "report:report": out / "rapport_territorial_chaine.pdf"})),
    ]


#: The other DREES professions: (id, PROFESSION_PRESET of importrpps, PROFESSION of accessibilityindex, demand field)
PROFESSION_RUNS = (("nurses", 2, 1, "population"), ("physiotherapists", 3, 2, "population"),
                   ("midwives", 4, 3, "femmes"), ("dentists", 5, 4, "population"))


def profession_runs(sample, out, network):
    """The RPPS lines of each other DREES profession, then its APL (FTE per 100,000; midwives: per 100,000 women)."""
    runs = []
    for key, preset, profession, demand in PROFESSION_RUNS:
        runs += [
            (f"RPPS {key} of the sample (the DREES profession's codes), one FTE per practitioner",
             "medicaldeserts:importrpps",
             dict(INPUT=sample["rpps"], PROFESSION_PRESET=preset, COMMUNES=sample["communes"],
                  OUTPUT=out / f"rpps_{key}.gpkg", OUTPUT_COMMUNES=out / f"rpps_{key}_communes.gpkg")),
            (f"DREES APL to {key} of every commune (FTE per 100,000 inhabitants, 10/15/20-min decay)",
             "medicaldeserts:accessibilityindex",
             dict(network, INPUT=sample["communes"], POPULATION_FIELD=demand, DEMAND_CODE_FIELD="code_insee",
                  SUPPLY=out / f"rpps_{key}.gpkg", SUPPLY_FIELD="weight", SUPPLY_CODE_FIELD="code_commune",
                  METHOD=0, PROFESSION=profession, OUTPUT=out / f"apl_{key}.gpkg")),
        ]
    return runs


def is_output(name):
    """An output parameter of an algorithm (``OUTPUT…``) or of a model (``child:output``)."""
    return name.startswith("OUTPUT") or ":" in name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="demo_output")
    parser.add_argument("--qgis-process", default=QGIS_PROCESS)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    sample = write_sample(out / "sample", seed=args.seed)
    print(f"Sample département written in {out / 'sample'}")
    env = qgis_process_env()
    written = []
    for title, algorithm, parameters in demo_runs(sample, out):
        for key, value in parameters.items():
            if is_output(key) and Path(value).exists():
                Path(value).unlink()
        start = time.perf_counter()
        result = run_algorithm(algorithm, parameters, env, executable=args.qgis_process)
        print(f"{algorithm} ({time.perf_counter() - start:.1f} s): {title}")
        for line in result.get("log", {}).get("info", [])[-2:]:
            print("    " + line)
        for key, value in sorted(result["results"].items()):
            if is_output(key) and Path(str(value)).exists():  # not the model's temporary layers
                written.append(value)
    print("\nOutputs (GeoPackage, EPSG:2154, and the report PDF):")
    for path in written:
        print("  " + str(path))
    print(f"Sample inputs: {', '.join(str(path) for path in sample.values())}")


if __name__ == "__main__":
    main()
