"""mobilecaretour through processing.run on the 3 x 3 km road grid, with hand-computed routes and times."""

import os

import processing
import pytest
from qgis.core import NULL, QgsProcessingException

from bad_input import Log, run_refused
from conftest import csv_table, memory_layer
from test_network_algorithms import grid_roads, points

# Depot at (0, 0). Roads: horizontal 1 min per km, vertical 2 min per km. Depot -> S1 (2000, 0) 2 min,
# depot -> S2 (2000, 2000) 6 min, depot -> S3 (0, 2000) 4 min; S1 -> S2 4, S2 -> S3 2, S1 -> S3 6.
STOPS = [("S1", 2000, 0), ("S2", 2000, 2000), ("S3", 0, 2000)]


UNITS = [("U1", 2000, 0, 100, 40.0), ("U2", 2000, 2000, 200, 40.0), ("U3", 0, 2000, 50, 40.0),
         ("U4", 1000, 1000, 400, 5.0)]


def units(geometry=True):
    """A unit on each stop (0 min from it) and one in the middle; S1's, S2's and S3's are 40 min from a GP.
    Without ``geometry``: the same as a table (a ``NoGeometry`` memory layer)."""
    return memory_layer("Point" if geometry else "None", ["code:string", "pop:integer", "gp_min:double"],
                        [(f"POINT({x} {y})" if geometry else None, [code, pop, minutes])
                         for code, x, y, pop, minutes in UNITS])


def place_table(rows):
    """Places (code, x, y) as a table without geometry: only their codes."""
    return memory_layer("None", ["code:string"], [(None, [code]) for code, _, _ in rows])


def run(feedback=None, **overrides):
    parameters = dict(INPUT=units(), POPULATION_FIELD="pop", RULE=1, TIME_FIELD="gp_min", ISOLATED=30,
                      STOPS=points(STOPS), STOP_ID_FIELD="code", DEPOT=points([("depot", 0, 0)]), SERVICE_MINUTES=1,
                      DAYS=1, MINUTES_PER_DAY=42, STOP_MINUTES=10, DAY_START="08:30", ROADS=grid_roads(),
                      SPEED_FIELD="speed", OUTPUT_STOPS="memory:", OUTPUT_ROUTES="memory:", OUTPUT_DEMAND="memory:")
    parameters.update(overrides)
    return processing.run("medicaldeserts:mobilecaretour", parameters, feedback=feedback)


def rows(layer, *fields):
    return [tuple(feature[field] for field in fields) for feature in layer.getFeatures()]


def matrix_minutes(pairs):
    """Minutes of ``traveltimematrix`` between named places (depot and stops), by (origin, destination)."""
    places = [("depot", 0, 0)] + STOPS
    table = processing.run("medicaldeserts:traveltimematrix", dict(
        ORIGINS=points(places), ORIGIN_ID_FIELD="code", DESTINATIONS=points(places), DESTINATION_ID_FIELD="code",
        ROADS=grid_roads(), SPEED_FIELD="speed", CUTOFF=60, OUTPUT="memory:"))["OUTPUT"]
    got = {(f["origin_id"], f["destination_id"]): f["minutes"] for f in table.getFeatures()}
    return [got[pair] for pair in pairs]


def test_one_day_visits_the_three_stops_with_the_matrix_times(provider):
    result = run()
    stops = sorted(rows(result["OUTPUT_STOPS"], "stop_order", "stop_id", "day", "arrival_min", "departure_min",
                        "arrival", "departure", "served_pop"))
    order = [stop for _, stop, *_ in stops]
    assert sorted(order) == ["S1", "S2", "S3"] and order[1] == "S2"  # S2 between the two others, either way round
    legs = matrix_minutes(list(zip(["depot"] + order, order + ["depot"])))
    assert sum(legs) == pytest.approx(12.0)  # 2 + 4 + 2 + 4 by hand
    arrival = 0.0
    for (_, _, day, arrive, leave, at, out, _), leg in zip(stops, legs):
        arrival += leg
        assert day == 1 and arrive == pytest.approx(arrival) and leave == pytest.approx(arrival + 10)
        arrival += 10
    assert [s[5] for s in stops] == (["08:32", "08:46", "08:58"] if order[0] == "S1" else ["08:34", "08:46", "09:00"])
    assert sorted(s[7] for s in stops) == [50, 100, 200]
    route = rows(result["OUTPUT_ROUTES"], "day", "stops", "travel_min", "day_min", "leave_depot", "back_at_depot",
                 "served_pop")
    assert route == [(1, 3, pytest.approx(12.0), pytest.approx(42.0), "08:30", "09:12", 350)]
    line = next(result["OUTPUT_ROUTES"].getFeatures()).geometry().asPolyline()
    xy = [(p.x() - 700000, p.y() - 6600000) for p in line]  # the working CRS, Lambert-93, puts (0, 0) there
    # Along the roads, through every junction of the grid on the way: round the 2 x 2 km square, 8 km.
    square = [(0, 0), (1000, 0), (2000, 0), (2000, 1000), (2000, 2000), (1000, 2000), (0, 2000), (0, 1000), (0, 0)]
    assert [(round(x, 6), round(y, 6)) for x, y in xy] == (square if order[0] == "S1" else square[::-1])
    assert next(result["OUTPUT_ROUTES"].getFeatures()).geometry().length() == pytest.approx(8000)
    demand = sorted(rows(result["OUTPUT_DEMAND"], "code", "underserved_before", "covered", "served_stop",
                         "served_day", "underserved_after"))
    assert demand == [("U1", 1, 1, "S1", 1, 0), ("U2", 1, 1, "S2", 1, 0), ("U3", 1, 1, "S3", 1, 0),
                      ("U4", 0, 0, NULL, NULL, 0)]


def test_two_short_days_take_the_two_best_single_stops(provider):
    # 30 min a day: any two stops take 32 min or more, so one stop a day: S2 (200, 6 + 10 + 6 = 22 min) then S1
    # (100, 2 + 10 + 2 = 14 min); the same people with the matrix times
    result = run(DAYS=2, MINUTES_PER_DAY=30)
    stops = sorted(rows(result["OUTPUT_STOPS"], "day", "stop_order", "stop_id", "arrival", "departure", "served_pop"))
    assert stops == [(1, 1, "S2", "08:36", "08:46", 200), (2, 1, "S1", "08:32", "08:42", 100)]
    assert matrix_minutes([("depot", "S2"), ("S2", "depot"), ("depot", "S1")]) == pytest.approx([6.0, 6.0, 2.0])
    assert sorted(rows(result["OUTPUT_ROUTES"], "day", "day_min")) == [(1, pytest.approx(22.0)),
                                                                       (2, pytest.approx(14.0))]


def test_gps_layer_computes_the_minutes_in_the_run(provider):
    # a GP at (1000, 1000): U4 is on it (0 min), U1 3 min away (1 km at 60 + 1 km at 30); with 2 min isolated
    # only U1, U2 and U3 are underserved, as with the field
    result = run(TIME_FIELD=None, GPS=points([("gp", 1000, 1000)]), ISOLATED=2.5)
    demand = sorted(rows(result["OUTPUT_DEMAND"], "code", "underserved_before"))
    assert demand == [("U1", 1), ("U2", 1), ("U3", 1), ("U4", 0)]


@pytest.mark.parametrize("overrides, message", [
    (dict(MINUTES_PER_DAY=0), "working minutes per day must be more than 0"),
    (dict(MINUTES_PER_DAY=12), r"no candidate stop can be reached, served \(10 min\) and left for the depot within "
                               r"the 12 working minutes of a day; the nearest round trip takes 14.0 min"),
    (dict(DAYS=0), "1 day or more"),
    (dict(DAY_START="25:00"), "not a time of day"),
    (dict(ISOLATED=60), "nothing for the tour to serve"),
    (dict(RULE=0), "accessibility index field"),
])
def test_bad_input_is_refused_and_writes_nothing(provider, tmp_path, overrides, message):
    outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in ("OUTPUT_STOPS", "OUTPUT_ROUTES",
                                                                        "OUTPUT_DEMAND")}
    parameters = dict(INPUT=units(), POPULATION_FIELD="pop", RULE=1, TIME_FIELD="gp_min", ISOLATED=30,
                      STOPS=points(STOPS), STOP_ID_FIELD="code", DEPOT=points([("depot", 0, 0)]), SERVICE_MINUTES=1,
                      DAYS=1, MINUTES_PER_DAY=42, STOP_MINUTES=10, ROADS=grid_roads(), SPEED_FIELD="speed",
                      **outputs)
    parameters.update(overrides)
    run_refused("medicaldeserts:mobilecaretour", parameters, message)


def travel_table():
    """The road grid's minutes from the depot, the stops and the units to the depot and the stops, as
    ``traveltimematrix`` writes them (origin_id, destination_id, minutes)."""
    places = [("depot", 0, 0)] + STOPS
    units_points = points([(code, x, y) for code, x, y in [("U1", 2000, 0), ("U2", 2000, 2000), ("U3", 0, 2000),
                                                            ("U4", 1000, 1000)]])
    tables = [processing.run("medicaldeserts:traveltimematrix", dict(
        ORIGINS=origins, ORIGIN_ID_FIELD="code", DESTINATIONS=points(places), DESTINATION_ID_FIELD="code",
        ROADS=grid_roads(), SPEED_FIELD="speed", CUTOFF=60, OUTPUT="memory:"))["OUTPUT"]
        for origins in (points(places), units_points)]
    rows = [[f["origin_id"], f["destination_id"], f["minutes"]] for table in tables for f in table.getFeatures()]
    return memory_layer("None", ["origin_id:string", "destination_id:string", "minutes:double"],
                        [(None, row) for row in rows])


def test_a_travel_time_table_gives_the_tour_of_the_network(provider):
    table = travel_table()
    for overrides in (dict(), dict(DAYS=2, MINUTES_PER_DAY=30)):
        network = run(**overrides)
        from_table = run(TRAVEL_TABLE=table, DEMAND_ID_FIELD="code", DEPOT_ID_FIELD="code", **overrides)
        fields = ("day", "stop_order", "stop_id", "arrival_min", "departure_min", "served_pop")
        assert sorted(rows(from_table["OUTPUT_STOPS"], *fields)) == sorted(rows(network["OUTPUT_STOPS"], *fields))
        fields = ("code", "underserved_before", "covered", "served_stop", "served_day", "underserved_after")
        assert sorted(rows(from_table["OUTPUT_DEMAND"], *fields)) == sorted(rows(network["OUTPUT_DEMAND"], *fields))


def test_layers_without_geometry_give_the_same_tour_with_a_travel_table(provider):
    """With a travel-time table the positions are not used: the units, stops and depot as tables give the tour of
    the network (12 min of driving and 42 min in the day, by hand above); stops and routes are tables then."""
    table = travel_table()
    network = run()
    log = Log()
    tables = run(TRAVEL_TABLE=table, DEMAND_ID_FIELD="code", DEPOT_ID_FIELD="code", INPUT=units(geometry=False),
                 STOPS=place_table(STOPS), DEPOT=place_table([("depot", 0, 0)]), feedback=log)
    fields = ("day", "stop_order", "stop_id", "arrival_min", "departure_min", "served_pop")
    assert sorted(rows(tables["OUTPUT_STOPS"], *fields)) == sorted(rows(network["OUTPUT_STOPS"], *fields))
    fields = ("code", "underserved_before", "covered", "served_stop", "served_day", "underserved_after")
    assert sorted(rows(tables["OUTPUT_DEMAND"], *fields)) == sorted(rows(network["OUTPUT_DEMAND"], *fields))
    assert rows(tables["OUTPUT_ROUTES"], "day", "stops", "travel_min", "day_min", "served_pop") == [
        (1, 3, pytest.approx(12.0), pytest.approx(42.0), 350)]
    assert not any(tables[name].isSpatial() for name in ("OUTPUT_STOPS", "OUTPUT_ROUTES", "OUTPUT_DEMAND"))
    assert any("written as tables" in line for line in log.info)
    # Stops with points, the depot a table: the stops keep their points, the route has no line (said so).
    log = Log()
    mixed = run(TRAVEL_TABLE=table, DEMAND_ID_FIELD="code", DEPOT_ID_FIELD="code",
                DEPOT=place_table([("depot", 0, 0)]), feedback=log)
    at = {f["stop_id"]: (f.geometry().asPoint().x() - 700000, f.geometry().asPoint().y() - 6600000)
          for f in mixed["OUTPUT_STOPS"].getFeatures()}
    assert at == {code: pytest.approx((x, y), abs=1e-6) for code, x, y in STOPS}
    route = next(mixed["OUTPUT_ROUTES"].getFeatures())
    assert route.geometry().isNull() and route["day_min"] == pytest.approx(42.0)
    assert any("day(s) 1 is written without a line" in line for line in log.warnings)


def test_stops_without_geometry_need_a_travel_table(provider, tmp_path):
    stops = csv_table(tmp_path / "stops.csv", ["code", "name"], [[code, code] for code, _, _ in STOPS])
    outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in ("OUTPUT_STOPS", "OUTPUT_ROUTES",
                                                                        "OUTPUT_DEMAND")}
    run_refused("medicaldeserts:mobilecaretour", dict(
        INPUT=units(), POPULATION_FIELD="pop", RULE=1, TIME_FIELD="gp_min", ISOLATED=30, STOPS=stops,
        STOP_ID_FIELD="code", DEPOT=points([("depot", 0, 0)]), ROADS=grid_roads(), SPEED_FIELD="speed", **outputs),
        "Without a travel-time table, the candidate stops layer needs point or polygon geometry: “stops” has none",
        inputs=[stops])


def test_a_table_needs_its_own_depot_identifier_and_the_minutes_field(provider, no_file):
    table = travel_table()
    with pytest.raises(QgsProcessingException, match="also a stop's"):
        run(TRAVEL_TABLE=table, DEMAND_ID_FIELD="code", DEPOT=points([("S1", 0, 0)]), DEPOT_ID_FIELD="code",
            OUTPUT_STOPS=no_file)
    with pytest.raises(QgsProcessingException, match="give the minutes to the nearest GP as a field"):
        run(TRAVEL_TABLE=table, DEMAND_ID_FIELD="code", DEPOT_ID_FIELD="code", TIME_FIELD=None,
            GPS=points([("g", 0, 0)]), OUTPUT_STOPS=no_file)
    assert not os.path.exists(no_file)
