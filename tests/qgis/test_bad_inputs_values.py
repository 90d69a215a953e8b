"""Bad values through processing.run, on GeoPackages written under tmp_path: numbers stored as text that are no
numbers, duplicate identifiers that join things, values outside their meaning, and population fields that are
not given. Each is refused with a clear message, leaves no output and changes no input (bad_input.run_refused).
Then the same numbers spelled the French way ("1 234", "600,5", "50 km/h") give the same results as numbers."""

from pathlib import Path

import processing
import pytest
from osgeo import gdal, ogr
from qgis.core import (
    NULL,
    QgsCoordinateTransformContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from bad_input import Log, run_refused
from conftest import memory_layer

STRAIGHT = dict(STRAIGHT_SPEED=60, DETOUR_FACTOR=1.0)  # 1 km = 1 min
ACCESS = "medicaldeserts:accessibilityindex"
SUGGEST = "medicaldeserts:suggestsites"
ZONES = "medicaldeserts:underservedzones"
CATCHMENT = "medicaldeserts:catchmentareas"
MATRIX = "medicaldeserts:traveltimematrix"
NEAREST = "medicaldeserts:nearestfacility"


def gpkg(folder, name, geometry, fields, rows):
    """A GeoPackage ``folder/name.gpkg`` holding a layer of ``rows`` (see conftest.memory_layer); its path."""
    path = Path(folder) / f"{name}.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", name
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory_layer(geometry, fields, rows, name=name), str(path),
                                                       QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return str(path)


def square(x, y, size=1000):
    return f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"


class Inputs:
    """The input files of one case, written on demand under ``tmp/in``; outputs go to ``tmp/out``."""

    def __init__(self, tmp_path):
        self.folder, self.out = tmp_path / "in", tmp_path / "out"
        self.folder.mkdir()
        self.out.mkdir()
        self.paths = []

    def add(self, name, geometry, fields, rows):
        self.paths.append(gpkg(self.folder, name, geometry, fields, rows))
        return self.paths[-1]

    def output(self, name="output"):
        return str(self.out / f"{name}.gpkg")

    def demand(self, pop=("1000", "500", "200"), ids=("a", "b", "c"), extra=None):
        """Three points 0, 5 and 40 km along x; ``pop`` as text; ``extra``: {field: (type, values)}."""
        extra = extra or {}
        fields = ["code:string", "pop:string"] + [f"{name}:{kind}" for name, (kind, _) in extra.items()]
        rows = [(f"POINT({km * 1000} 0)", [ids[i], pop[i]] + [values[i] for _, values in extra.values()])
                for i, km in enumerate((0, 5, 40))]
        return self.add("demand", "Point", fields, rows)

    def supply(self, ids=("s1", "s2"), n=("1", "2"), acts=("5000", "4000")):
        rows = [(f"POINT({km * 1000} 0)", [ids[i], n[i], acts[i]]) for i, km in enumerate((0, 10))]
        return self.add("supply", "Point", ["code:string", "n:string", "acts:string"], rows)

    def table(self, minutes=("1", "2")):
        rows = [(None, ["a", "s1", minutes[0]]), (None, ["b", "s2", minutes[1]])]
        return self.add("table", "None", ["origin_id:string", "destination_id:string", "minutes:string"], rows)

    def units(self, index=("1,5", "3", "6"), minutes=("10", "35", "5"), pop=("100", "200", "300"),
              population_name="pop"):
        rows = [(square(k * 1000, 0), [f"u{k}", index[k], minutes[k], pop[k]]) for k in range(3)]
        return self.add("units", "Polygon", ["code:string", "apl:string", "minutes:string",
                                             f"{population_name}:string"], rows)

    def roads(self, speed=("60", "60")):
        rows = [("LINESTRING(0 0, 20000 0)", [speed[0]]), ("LINESTRING(20000 0, 40000 0)", [speed[1]])]
        return self.add("roads", "LineString", ["speed:string"], rows)


def with_defaults(inputs, files, fixed, overrides):
    """Parameters: ``overrides``, then ``fixed`` ones, then the input ``files`` (name -> method of ``inputs``)
    written only when not overridden."""
    written = {name: make() for name, make in files.items() if name not in overrides}
    return {**written, **fixed, **overrides}


def access(inputs, **overrides):
    return ACCESS, with_defaults(inputs, dict(INPUT=inputs.demand, SUPPLY=inputs.supply), dict(
        POPULATION_FIELD="pop", SUPPLY_FIELD="n", METHOD=1, OUTPUT=inputs.output(), **STRAIGHT), overrides)


def suggest(inputs, **overrides):
    return SUGGEST, with_defaults(inputs, dict(INPUT=inputs.demand), dict(
        POPULATION_FIELD="pop", P=1, RADIUS=20, OUTPUT_SITES=inputs.output("sites"),
        OUTPUT_DEMAND=inputs.output("demand_out"), **STRAIGHT), overrides)


def zones(inputs, **overrides):
    return ZONES, with_defaults(inputs, dict(INPUT=inputs.units), dict(
        INDEX_FIELD="apl", TIME_FIELD="minutes", POPULATION_FIELD="pop", OUTPUT=inputs.output("units_out"),
        OUTPUT_ZONES=inputs.output("zones"), OUTPUT_SUMMARY=inputs.output("summary")), overrides)


def catchment(inputs, **overrides):
    return CATCHMENT, with_defaults(inputs, dict(INPUT=inputs.supply, ROADS=inputs.roads), dict(
        FACILITY_ID_FIELD="code", BANDS="10", SPEED_FIELD="speed", OUTPUT=inputs.output()), overrides)


def matrix(inputs, **overrides):
    return MATRIX, with_defaults(inputs, dict(ORIGINS=inputs.demand, DESTINATIONS=inputs.supply, ROADS=inputs.roads),
                                 dict(SPEED_FIELD="speed", OUTPUT=inputs.output()), overrides)


def nearest(inputs, **overrides):
    return NEAREST, with_defaults(inputs, dict(INPUT=inputs.demand, FACILITIES=inputs.supply, ROADS=inputs.roads),
                                  dict(SPEED_FIELD="speed", OUTPUT=inputs.output()), overrides)


#: (case, message regex): ``case(inputs)`` gives (algorithm, parameters).
CASES = {
    # -- numbers stored as text that are no numbers: the field, the count and the features named
    "population text": (lambda i: access(i, INPUT=i.demand(pop=("1000", "beaucoup", "200"))),
                        r"population field “pop” holds 1 value\(s\) that are not numbers \(feature 2: “beaucoup”\)"),
    "population with a percent": (lambda i: access(i, INPUT=i.demand(pop=("12,5 %", "1", "2"))),
                                  r"population field “pop” holds 1 value.*feature 1: “12,5 %”"),
    "population digits wrongly grouped": (lambda i: access(i, INPUT=i.demand(pop=("1 2345", "12 5", "3"))),
                                          r"“pop” holds 2 value\(s\).*feature 1: “1 2345”, feature 2: “12 5”"),
    "negative population as text": (lambda i: access(i, INPUT=i.demand(pop=("-1 234", "5", "6"))),
                                    r"population field “pop” has 1 negative value\(s\) \(feature ids 1\)"),
    "age group text": (lambda i: access(i, POPULATION_FIELD=None, AGE_FIELDS=["age"] * 19, INPUT=i.demand(
        extra={"age": ("string", ("10", "n/a", "3"))})), r"age group field “age” holds 1 value.*feature 2: “n/a”"),
    "supply text": (lambda i: access(i, SUPPLY=i.supply(n=("1", "deux"))),
                    r"supply field “n” holds 1 value.*feature 2: “deux”"),
    "activity with another unit": (lambda i: access(i, METHOD=0, ACTIVITY_FIELD="acts", SUPPLY=i.supply(
        acts=("5 400 actes", "4000"))), r"activity field “acts” holds 1 value.*“5 400 actes”"),
    "table minutes text": (lambda i: access(i, TRAVEL_TABLE=i.table(minutes=("1", "vingt")), DEMAND_ID_FIELD="code",
                                            SUPPLY_ID_FIELD="code"), r"minutes field “minutes” holds 1 value.*vingt"),
    "suggestsites population text": (lambda i: suggest(i, INPUT=i.demand(pop=("1.234,5,6", "1", "2"))),
                                     r"population field “pop” holds 1 value.*“1.234,5,6”"),
    "index text": (lambda i: zones(i, INPUT=i.units(index=("1,5", "s", "6"))),
                   r"index field “apl” holds 1 value.*feature 2: “s”"),
    "time in km/h": (lambda i: zones(i, INPUT=i.units(minutes=("10", "30 km/h", "5"))),
                     r"time field “minutes” holds 1 value.*“30 km/h”"),
    "delay text": (lambda i: catchment(i, DELAY_FIELD="acts", INPUT=i.supply(acts=("5", "cinq"))),
                   r"delay field “acts” holds 1 value.*“cinq”"),
    "speed text": (lambda i: matrix(i, ROADS=i.roads(speed=("60", "vite"))),
                   r"speed field “speed” holds 1 value.*feature 2: “vite”"),
    "speed in minutes": (lambda i: nearest(i, ROADS=i.roads(speed=("50 min", "60"))),
                         r"speed field “speed” holds 1 value.*“50 min”"),
    # -- duplicate identifiers where they join things
    "demand ids repeated with a table": (
        lambda i: access(i, TRAVEL_TABLE=i.table(), INPUT=i.demand(ids=("a", "b", "a")), DEMAND_ID_FIELD="code",
                         SUPPLY_ID_FIELD="code"),
        r"demand identifier field “code” has 1 value\(s\) found on several features \(“a”; 2 features in all\): "
        r"the rows of the travel-time table cannot tell them apart"),
    "supply ids repeated with a table": (
        lambda i: access(i, TRAVEL_TABLE=i.table(), SUPPLY=i.supply(ids=("s1", "s1")), DEMAND_ID_FIELD="code",
                         SUPPLY_ID_FIELD="code"), r"supply identifier field “code” has 1 value.*“s1”"),
    "candidate ids repeated": (lambda i: suggest(i, CANDIDATES=i.supply(ids=("s1", "s1")), CANDIDATE_ID_FIELD="code"),
                               r"candidate identifier field “code” has 1 value.*“s1”; 2 features"),
    # -- values outside their meaning
    "scale zero": (lambda i: access(i, SCALE=0), r"scale\) that must be more than 0"),
    "scale negative": (lambda i: access(i, SCALE=-10), r"Incorrect parameter value for SCALE"),
    "negative gravity exponent": (lambda i: access(i, METHOD=4, BETA=-1), r"Incorrect parameter value for BETA"),
    "negative solver time limit": (lambda i: suggest(i, TIME_LIMIT=-5), r"Incorrect parameter value for TIME_LIMIT"),
    "site supply zero": (lambda i: suggest(i, MODEL=4, SITE_SUPPLY=0), r"supply of a new site must be more than 0"),
    "significance above 1": (lambda i: zones(i, ALPHA=2), r"Incorrect parameter value for ALPHA"),
    "vigilance under the underserved threshold": (
        lambda i: zones(i, UNDERSERVED=4, VIGILANCE=2.5),
        r"vigilance threshold \(2.5\) must be at least the underserved threshold \(4\)"),
    "contiguity tolerance as wide as a unit": (
        lambda i: zones(i, TOLERANCE=1000), r"contiguity tolerance \(1000 m\) is not under the median width of the "
        r"units \(1e\+03 m\)"),
    "Gi* band over the whole layer": (
        lambda i: zones(i, DISTANCE_BAND=5000), r"Gi\* distance band \(5000 m\) covers the whole layer \(its extent "
        r"is 3.16e\+03 m across\)"),
    "negative isolation time": (lambda i: zones(i, ISOLATED=-1), r"Incorrect parameter value for ISOLATED"),
    "APL threshold zero": (lambda i: suggest(i, MODEL=4, THRESHOLD=0), r"APL threshold must be more than 0"),
    "optimality gap above 1": (lambda i: suggest(i, MIP_GAP=5), r"Incorrect parameter value for MIP_GAP"),
    "topology tolerance wider than the network": (
        lambda i: matrix(i, TOPOLOGY_TOLERANCE=100000),
        r"topology tolerance \(100000 m\) is not under the median length of the road segments \(2e\+04 m\)"),
    "unreachable p-center": (
        lambda i: suggest(i, MODEL=2, MAX_TIME=15, CANDIDATES=i.supply()),
        r"p-center: 1 demand unit\(s\) \(200 inhabitants; feature ids 3\) reach no candidate site or existing "
        r"facility within the longest trip \(15 min\)"),
    # -- no population field given and none named like one
    "accessibilityindex without population": (
        lambda i: access(i, POPULATION_FIELD=None, INPUT=i.add("demand", "Point", ["fid_2:integer", "n:double"], [
            ("POINT(0 0)", [1, 10.0])])), r"Choose the population field of the demand units layer.*fid_2, n"),
    "suggestsites without population": (
        lambda i: suggest(i, POPULATION_FIELD=None, INPUT=i.add("demand", "Point", ["code:string", "n:double"], [
            ("POINT(0 0)", ["a", 10.0])])), r"Choose the population field of the demand units layer"),
    "underservedzones without population": (
        lambda i: zones(i, POPULATION_FIELD=None, INPUT=i.units(population_name="people_2021")),
        r"Choose the population field of the units layer"),
    "catchmentareas without population": (
        lambda i: catchment(i, POPULATION=i.units(population_name="n"), POPULATION_FIELD=None),
        r"Choose the population field of the population layer"),
}


@pytest.mark.parametrize("name", CASES)
def test_refused(provider, tmp_path, name):
    case, message = CASES[name]
    inputs = Inputs(tmp_path)
    algorithm, parameters = case(inputs)
    run_refused(algorithm, parameters, message, inputs=inputs.paths)



def field_values(path, field):
    layer = QgsVectorLayer(path, "output", "ogr")
    return [feature[field] for feature in layer.getFeatures()]


def test_french_spellings_give_the_same_apl(provider, tmp_path):
    """APL of demand A (0 km, 1 234 inhabitants) and B (5 km, 600.5) to one GP at 0 km doing 5,400 consultations:
    both within 10 min (weight 1), so both get 5400 / (1234 + 600.5) = 2.94358 consultations per inhabitant."""
    results = {}
    for spelling, pop, acts in (("numbers", [1234.0, 600.5], 5400.0), ("french", ["1 234", "600,5"], "5 400"),
                                ("no-break", ["1\u202f234", "600,5 hab"], "5\u00a0400")):
        kind = "double" if spelling == "numbers" else "string"
        folder = tmp_path / spelling
        folder.mkdir()
        demand = gpkg(folder, "demand", "Point", ["code:string", f"pop:{kind}"],
                      [("POINT(0 0)", ["A", pop[0]]), ("POINT(5000 0)", ["B", pop[1]])])
        supply = gpkg(folder, "supply", "Point", ["code:string", f"acts:{kind}"], [("POINT(0 0)", ["S", acts])])
        output = str(folder / "apl.gpkg")
        processing.run(ACCESS, dict(INPUT=demand, POPULATION_FIELD="pop", SUPPLY=supply, ACTIVITY_FIELD="acts",
                                    METHOD=0, OUTPUT=output, **STRAIGHT))
        results[spelling] = field_values(output, "access_index")
    assert results["numbers"] == pytest.approx([5400 / 1834.5] * 2, rel=1e-12)
    assert results["french"] == results["numbers"] and results["no-break"] == results["numbers"]


def test_speeds_in_km_h_text_give_the_same_times(provider, tmp_path):
    """Roads 0–20 km at 60 km/h and 20–40 km at 40 km/h; origins at 0, 5 and 40 km, destinations at 0 and 10 km:
    0 and 10 min from 0 km, 5 and 5 from 5 km, 30 + 20 = 50 and 30 + 10 = 40 min from 40 km."""
    times = {}
    for spelling, kind, speeds in (("numbers", "double", (60.0, 40.0)), ("text", "string", ("60 km/h", "40,0"))):
        (tmp_path / spelling).mkdir()
        inputs = Inputs(tmp_path / spelling)
        roads = inputs.add("roads", "LineString", [f"speed:{kind}"], [("LINESTRING(0 0, 20000 0)", [speeds[0]]),
                                                                      ("LINESTRING(20000 0, 40000 0)", [speeds[1]])])
        algorithm, parameters = matrix(inputs, ROADS=roads)
        processing.run(algorithm, parameters)
        times[spelling] = sorted(field_values(parameters["OUTPUT"], "minutes"))
    assert times["numbers"] == pytest.approx([0, 5, 5, 10, 40, 50], abs=1e-9)
    assert times["text"] == times["numbers"]


def test_population_field_chosen_by_name_and_logged(provider, tmp_path):
    """No population field given: the layer's “P21_POP” is used, not “fid” nor the first field, and the log says so;
    MCLP then covers the inhabitants, not the sum of feature ids."""
    inputs = Inputs(tmp_path)
    demand = inputs.add("demand", "Point", ["code:string", "P19_POP:double", "P21_POP:double"],
                        [(f"POINT({km * 1000} 0)", [f"d{km}", 1.0, pop]) for km, pop in ((0, 300.0), (50, 700.0))])
    log = Log()
    algorithm, parameters = suggest(inputs, INPUT=demand, POPULATION_FIELD=None, RADIUS=10)
    processing.run(algorithm, parameters, feedback=log)
    assert any("the field “P21_POP” of the demand units layer, chosen by its name" in line for line in log.lines)
    assert "MCLP: 1 new site(s) cover 700 of 1,000 inhabitants (70.0%) within 10 min. HiGHS: optimal." in log.lines


def test_duplicate_ids_in_a_travel_time_matrix_are_said(provider, tmp_path):
    inputs = Inputs(tmp_path)
    log = Log()
    algorithm, parameters = matrix(inputs, ORIGINS=inputs.demand(ids=("a", "a", "b")), ORIGIN_ID_FIELD="code")
    processing.run(algorithm, parameters, feedback=log)
    assert any("origin identifier field “code” has 1 value(s) found on several features (“a”; 2 features in all)"
               in line and "will not reuse this table" in line for line in log.lines), log.lines


def test_finess_coordinates_outside_france_are_left_out_and_said(provider, sample, tmp_path):
    """A geolocation typed wrong (1e30 m, or a Lambert-93 point in the Atlantic) is counted, listed and not placed;
    the other establishments are placed as before."""
    lines = open(sample["finess"], encoding="utf-8").read().splitlines()
    geolocated = [i for i, line in enumerate(lines) if line.startswith("geolocalisation;")]
    wrong = {}
    for index, (x, y) in zip(geolocated[:2], (("1e30", "1e30"), ("-300000", "6600000"))):
        cells = lines[index].split(";")
        cells[2], cells[3] = x, y
        wrong[cells[1]] = lines[index] = ";".join(cells)
    path = tmp_path / "finess_wrong.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log = Log()
    everything = processing.run("medicaldeserts:importfiness", dict(INPUT=sample["finess"], CATEGORIES="",
                                                                     OUTPUT="memory:"))["OUTPUT"]
    output = processing.run("medicaldeserts:importfiness", dict(INPUT=str(path), CATEGORIES="", OUTPUT="memory:"),
                            feedback=log)["OUTPUT"]
    placed = {feature["nofinesset"] for feature in output.getFeatures()}
    assert placed == {feature["nofinesset"] for feature in everything.getFeatures()} - set(wrong)
    [warning] = [line for line in log.lines if "outside France's territories" in line]
    assert warning.startswith("2 establishment(s)") and all(finess in warning for finess in wrong)


def test_repeated_commune_codes_in_imports_are_said(provider, sample, tmp_path):
    """A commune twice in the population file, and a code on two features of the communes layer: the count, the
    codes and the field are in the log; the first row (feature) of each code gets the values."""
    lines = open(sample["population"], encoding="utf-8").read().splitlines()
    repeated = lines[1].split(";")
    lines.insert(2, ";".join(repeated[:2] + ["0"] * (len(repeated) - 2)))
    population = tmp_path / "population.csv"
    population.write_text("\n".join(lines) + "\n", encoding="utf-8")
    communes = str(tmp_path / "communes.gpkg")
    gdal.VectorTranslate(communes, sample["communes"])
    dataset = ogr.Open(communes, 1)
    layer = dataset.GetLayer(0)
    first, second = layer.GetNextFeature(), layer.GetNextFeature()
    second.SetField("code_insee", first.GetField("code_insee"))
    layer.SetFeature(second)
    dataset = None
    log = Log()
    output = processing.run("medicaldeserts:importpopulation", dict(INPUT=str(population), COMMUNES=communes,
                                                                     OUTPUT="memory:"), feedback=log)["OUTPUT"]
    assert f"1 commune(s) appear on several rows of the population file (communes: {repeated[0]}): the first row " \
           "of each is kept." in log.lines
    assert f"1 commune code(s) of the field “code_insee” appear on several features of the communes layer " \
           f"({first.GetField('code_insee')}): values go to the first feature of each code." in log.lines
    by_code = [feature["population"] for feature in output.getFeatures()
               if feature["code_insee"] == first.GetField("code_insee")]
    assert by_code == [float(repeated[-1]), NULL]
