"""How close the plugin's DREES APL comes to the published DREES APL 2023 on real data (Creuse, 23).

    python bench/bench_apl_fidelity.py [--real-data ../shared/data/real]

Runs ``medicaldeserts:accessibilityindex`` (METHOD 0, DREES APL) through processing.run in this one QGIS process on
the real-data folder: the Creuse communes of COG 2023 (``communes_dep23_53.gpkg``, layer ``communes_cog2023``,
dep = '23'), the 53 geocoded GP practice sites (``n_medecins`` GPs each, commune ``code_insee_cog2023``: a commune
reaches its own GPs at 0 min, as DREES does) at the imputed 5,400 consultations per GP, and the Travel Mapping road
graph of Creuse + 20 km (``roads_dep23.gpkg``: ``class`` autoroute / nationale / departementale, ``oneway``,
``maxspeed``). Configurations (times), each with two demands:
  route500 legal  ROAD_CLASS_FIELD=class, the ROUTE 500 CLASS_ADM preset near legal limits (départementale 70 km/h)
  route500 OSRM   the same with the ROUTE 500 CLASS_ADM average-speed preset (OSRM car profile: 47.5 km/h, between
                  OSRM's secondary and tertiary)
  OSM OSRM, D=…   the bounds of that choice: the classes written as OSM ``highway`` (autoroute = motorway,
                  nationale = trunk, every départementale = secondary 55 km/h, or every one tertiary 40 km/h)
                  with the OSM average-speed preset
  maxspeed        SPEED_FIELD=maxspeed (empty in this file: every line at DEFAULT_SPEED, 50 km/h)
  straight        no road layer: straight line x 1.3 at 50 km/h
  demand pmun     POPULATION_FIELD=pmun_2021 (INSEE municipal population, every inhabitant weighs 1)
  demand std      POPULATION_FIELD=pop_std_2021 (DREES's standardised population: without age fields the
                  algorithm takes the population field as the standardised demand as it is)
Printed per configuration: Spearman and Pearson correlation (scipy.stats) of our APL with DREES's ``apl_mg_2023``
over the communes that have both, the communes and inhabitants (pmun_2021) under 2.5 for us and for DREES, and
the Jaccard index of the two sets of communes under 2.5; then our mean APL weighted by pmun_2021 (DREES's is in the
heading). Nothing from the data folder is written or kept.
"""

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/usr/share/qgis/python/plugins")

THRESHOLD = 2.5
ROUTE500_LEGAL, OSM_OSRM, ROUTE500_OSRM = 2, 4, 6  # SPEED_PRESET values (network_parameters.preset_labels)
#: the Travel Mapping classes as OSM ``highway``, every départementale taken as {minor}
AS_OSM = ("CASE WHEN \"class\" = 'autoroute' THEN 'motorway' WHEN \"class\" = 'nationale' THEN 'trunk' "
          "ELSE '{minor}' END")
#: label -> network parameters; ROADS names the road layer: "roads", or it as OSM classes (AS_OSM), or None
TIMES = {
    "route500 legal": dict(ROADS="roads", ROAD_CLASS_FIELD="class", SPEED_PRESET=ROUTE500_LEGAL),
    "route500 OSRM": dict(ROADS="roads", ROAD_CLASS_FIELD="class", SPEED_PRESET=ROUTE500_OSRM),
    # calibrated on DREES's own APL of the communes (one factor on the consultations per GP; ranks unchanged)
    "route500 OSRM cal.": dict(ROADS="roads", ROAD_CLASS_FIELD="class", SPEED_PRESET=ROUTE500_OSRM,
                               CALIBRATION="communes", CALIBRATION_CODE_FIELD="code_insee",
                               CALIBRATION_INDEX_FIELD="apl_mg_2023"),
    "OSM OSRM, D=sec.": dict(ROADS="secondary", ROAD_CLASS_FIELD="highway", SPEED_PRESET=OSM_OSRM),
    "OSM OSRM, D=tert.": dict(ROADS="tertiary", ROAD_CLASS_FIELD="highway", SPEED_PRESET=OSM_OSRM),
    "maxspeed": dict(ROADS="roads", SPEED_FIELD="maxspeed"),
    "straight x1.3 50": dict(ROADS=None, STRAIGHT_SPEED=50.0, DETOUR_FACTOR=1.3),
}
DEMANDS = {"pmun": "pmun_2021", "std": "pop_std_2021"}


def layers(real_data):
    from qgis.core import QgsVectorLayer

    communes = QgsVectorLayer(
        str(real_data / "communes-geo" / "communes_dep23_53.gpkg") + "|layername=communes_cog2023", "communes", "ogr")
    communes.setSubsetString("dep = '23'")
    sites = QgsVectorLayer(str(real_data / "medecins-generalistes" / "generalistes_creuse_sites.geojson"), "gp", "ogr")
    roads = QgsVectorLayer(str(real_data / "roads" / "roads_dep23.gpkg") + "|layername=roads", "roads", "ogr")
    for layer in (communes, sites, roads):
        if not layer.isValid():
            sys.exit(f"cannot open {layer.source()}")
    return communes, sites, roads


def run_apl(communes, sites, times, population_field):
    """Our APL per commune (code -> consultations per standardised inhabitant)."""
    import processing

    parameters = dict(
        INPUT=communes, POPULATION_FIELD=population_field, DEMAND_CODE_FIELD="code_insee", SUPPLY=sites,
        SUPPLY_FIELD="n_medecins", SUPPLY_CODE_FIELD="code_insee_cog2023", METHOD=0, DIRECTION_FIELD="oneway",
        OUTPUT="memory:")
    parameters.update(times)
    output = processing.run("medicaldeserts:accessibilityindex", parameters)["OUTPUT"]
    return {feature["code_insee"]: feature["access_index"] for feature in output.getFeatures()}


def compare(ours, drees, population):
    """Spearman, Pearson, communes and inhabitants under 2.5 (ours, DREES), Jaccard of the two sets."""
    from scipy.stats import pearsonr, spearmanr

    below_ours, below_drees = ours < THRESHOLD, drees < THRESHOLD
    union = np.count_nonzero(below_ours | below_drees)
    return (spearmanr(ours, drees)[0], pearsonr(ours, drees)[0], int(below_ours.sum()), int(below_drees.sum()),
            float(population[below_ours].sum()), float(population[below_drees].sum()),
            np.count_nonzero(below_ours & below_drees) / union if union else 1.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real-data", default=str(ROOT.parent / "shared" / "data" / "real"))
    args = parser.parse_args()
    real_data = Path(args.real_data)
    if not (real_data / "roads" / "roads_dep23.gpkg").exists():
        print(f"no real-data folder at {real_data}: APL fidelity bench skipped")
        return

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from medical_deserts_plugin.processing.provider import MedicalDesertsProvider

    provider = MedicalDesertsProvider()  # kept: the registry does not own it
    QgsApplication.processingRegistry().addProvider(provider)
    communes, sites, roads = layers(real_data)
    import processing

    road_layers = {None: None, "roads": roads}
    for minor in ("secondary", "tertiary"):
        road_layers[minor] = processing.run("native:fieldcalculator", {
            "INPUT": roads, "FIELD_NAME": "highway", "FIELD_TYPE": 2, "FORMULA": AS_OSM.format(minor=minor),
            "OUTPUT": "memory:"})["OUTPUT"]
    reference = {f["code_insee"]: (f["apl_mg_2023"], f["pmun_2021"]) for f in communes.getFeatures()}
    codes = sorted(code for code, (apl, _) in reference.items() if apl is not None and apl == apl)
    drees = np.array([reference[code][0] for code in codes], dtype=float)
    population = np.array([reference[code][1] or 0 for code in codes], dtype=float)
    print(f"Creuse (23): {len(reference)} communes, {len(codes)} with a DREES APL 2023, "
          f"{sites.featureCount()} GP sites ({sum(f['n_medecins'] for f in sites.getFeatures())} GPs), "
          f"{roads.featureCount()} road lines; DREES population-weighted mean APL "
          f"{np.average(drees, weights=population):.2f}\n")
    print(f"{'times':18s} {'demand':6s} {'Spearman':>8s} {'Pearson':>7s} {'<2.5 ours':>9s} {'DREES':>5s} "
          f"{'inhab. ours':>11s} {'DREES':>7s} {'Jaccard':>7s} {'mean':>5s}")
    for times_label, times in TIMES.items():
        for demand_label, population_field in DEMANDS.items():
            parameters = dict(times, ROADS=road_layers[times["ROADS"]])
            if parameters.get("CALIBRATION") == "communes":
                parameters["CALIBRATION"] = communes
            apl = run_apl(communes, sites, parameters, population_field)
            ours = np.array([apl[code] for code in codes], dtype=float)
            spearman, pearson, n_ours, n_drees, people_ours, people_drees, jaccard = compare(ours, drees, population)
            mean = np.average(ours, weights=population)
            print(f"{times_label:18s} {demand_label:6s} {spearman:8.3f} {pearson:7.3f} {n_ours:9d} {n_drees:5d} "
                  f"{people_ours:11,.0f} {people_drees:7,.0f} {jaccard:7.3f} {mean:5.2f}", flush=True)


if __name__ == "__main__":
    main()
