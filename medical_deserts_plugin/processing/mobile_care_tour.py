"""``medicaldeserts:mobilecaretour``: the stops, days and order of a mobile surgery's cycle that serve the most
underserved people (a covering tour, core/tour.py)."""

import re

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from scipy import sparse

from ..core import location, tour, zones
from ..i18n import tr
from .base import MIP_GAP, TIME_LIMIT, RunnableAlgorithm, add_solver_parameters, applies_when, check_cancel, \
    core_errors, explained, progress_callback, section
from .fields import INHABITANT_UNITS, MINUTE_UNITS, check_unique_ids, choose_population_field, \
    number_field_parameter, population_help, read_numbers
from .layers import located, new_feature, points_wkb
from .network_parameters import add_network_parameters, report_snapping, travel_engine, working_crs
from .places import place_names, place_source_parameter, polygon_point_parameter, read_places
from .qgis_compat import new_field
from .run_record import record_on_output
from .travel_table import add_table_field_parameters, has_travel_table, read_travel_table, table_rows, \
    travel_table_parameter
from .styles import CategorisedStyle, style_on_load
from .underserved_zones import rule_labels

INPUT, POPULATION_FIELD = "INPUT", "POPULATION_FIELD"
RULE, INDEX_FIELD, TIME_FIELD, GPS = "RULE", "INDEX_FIELD", "TIME_FIELD", "GPS"
THRESHOLD, ISOLATED = "THRESHOLD", "ISOLATED"
STOPS, STOP_ID_FIELD, DEPOT, SERVICE_MINUTES = "STOPS", "STOP_ID_FIELD", "DEPOT", "SERVICE_MINUTES"
DAYS, MINUTES_PER_DAY, STOP_MINUTES, DAY_START = "DAYS", "MINUTES_PER_DAY", "STOP_MINUTES", "DAY_START"
OUTPUT_STOPS, OUTPUT_ROUTES, OUTPUT_DEMAND = "OUTPUT_STOPS", "OUTPUT_ROUTES", "OUTPUT_DEMAND"
DEMAND_ID_FIELD, DEPOT_ID_FIELD = "DEMAND_ID_FIELD", "DEPOT_ID_FIELD"
INDEX_RULES, TIME_RULES = (0, 2, 3), (1, 2, 3)
DEMAND_FIELDS = ("underserved_before", "covered", "served_stop", "served_day", "underserved_after")
#: colours of the days (cycled beyond ten)
DAY_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#1f78b4",
               "#b2df8a")


def clock(start_minute, minutes):
    """"HH:MM" of ``minutes`` after ``start_minute`` (minutes after midnight), rounded to the minute."""
    total = np.rint(start_minute + np.asarray(minutes, dtype=float)).astype(np.int64)
    return [f"{value // 60:02d}:{value % 60:02d}" for value in total.tolist()]


def parse_clock(text):
    """Minutes after midnight of "HH:MM" (or "HHhMM", "8:30"); QgsProcessingException otherwise."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*[:hH]\s*(\d{2})?\s*", text or "")
    if not match or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        raise QgsProcessingException(tr("The start of the day “{text}” is not a time of day such as 08:30.")
                                     .format(text=text))
    return int(match.group(1)) * 60 + int(match.group(2) or 0)


def route_lines(routes, places_xy, engine, travel):
    """Each day's route (stop indices into ``places_xy``, whose last row is the depot) as one line from the depot
    through its stops and back: along the roads' fastest paths with a road network, straight segments with
    straight-line travel or a travel-time table (``engine`` None). ``travel`` holds the minutes between places: the
    searches for the paths stop at the longest leg. None for a day without stops, or whose stops or depot have no
    position."""
    depot = len(places_xy) - 1
    drawn = located(places_xy)
    visits = [np.r_[depot, route, depot].tolist() if len(route) and drawn[route].all() and drawn[depot] else None
              for route in routes]
    legs = sorted({leg for v in visits if v for leg in zip(v[:-1], v[1:])})
    paths = {}
    if engine is not None and legs:
        ends = np.array(legs)
        longest = travel[ends[:, 0], ends[:, 1]].max()
        found = engine.paths(places_xy[ends[:, 0]], places_xy[ends[:, 1]], longest * (1 + 1e-9) + 1e-9)
        paths = {leg: path for leg, path in zip(legs, found) if path is not None and len(path) > 1}
    lines = []
    for v in visits:
        pieces = [paths.get(leg, places_xy[list(leg)]) for leg in zip(v[:-1], v[1:])] if v else None
        lines.append(shapely.linestrings(np.vstack([pieces[0]] + [p[1:] for p in pieces[1:]])) if v else None)
    return lines


class MobileCareTourAlgorithm(RunnableAlgorithm):
    def name(self):
        return "mobilecaretour"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Mobile care tour")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("Which stops a mobile surgery visits on each day of its cycle, and in what order, to serve the "
                  "most underserved people.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Plans the cycle of a mobile surgery (médicobus, mobile health unit): every day the vehicle leaves the "
            "depot, drives along the roads to some of the candidate stops (town halls, France Services sites, "
            "village halls), stays there the given minutes, and is back within the working minutes of the day. "
            "A stop serves the demand units within the service time of it. The tour serves the most underserved "
            "people, each person counted once, over the days of the cycle.\n\n"
            "Underserved: an APL under the threshold and/or more than the given minutes from a GP, from the fields "
            "of “Accessibility index” and “Nearest facility”, or with the minutes computed in the run from a "
            "layer of GPs.\n\n"
            "Solved exactly by HiGHS (mixed-integer programming) within the time limit; the log says whether the "
            "tour is proven optimal and the gap. Large cases use a heuristic (greedy insertion, 2-opt, swaps), said "
            "so. Stops that cannot be reached, served and left for the depot within a day are left out, said so.\n\n"
            "Times come from the road network, or from a travel-time table (output of “Travel-time matrix” or "
            "another router's: rows between the depot and the stops both ways, and from the demand units to the "
            "stops) matched by the identifier fields. With a table, the demand units, stops and depot may be tables "
            "without geometry: the outputs are then tables too (a route has its line only when its stops and the "
            "depot have geometry).\n\n"
            "Outputs: the stops with their day, order, arrival and departure times and the people served; each "
            "day's route as a line along the roads' fastest paths (straight segments with straight-line "
            "travel or a travel-time table); the demand units with the day that serves them and underserved before and after."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(section(tr("Demand"), place_source_parameter(
            INPUT, tr("Demand units (e.g. communes, grid cells)"), table=True)))
        self.addParameter(explained(number_field_parameter(POPULATION_FIELD, tr("Population field (inhabitants)"),
                                                           INPUT), population_help()))
        self.addParameter(section(tr("Underserved"), QgsProcessingParameterEnum(
            RULE, tr("A unit is underserved when"), options=rule_labels(), defaultValue=2)))
        self.addParameter(applies_when(number_field_parameter(
            INDEX_FIELD, tr("Accessibility index field (e.g. access_index, APL)"), INPUT), RULE, INDEX_RULES))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            THRESHOLD, tr("Underserved under (index)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=location.APL_THRESHOLD), RULE, INDEX_RULES))
        self.addParameter(applies_when(explained(number_field_parameter(
            TIME_FIELD, tr("Minutes to the nearest GP field (e.g. nearest_min)"), INPUT), tr(
            "Empty: the minutes are computed in the run from the GPs layer below; an empty value means no GP "
            "within reach (isolated).")), RULE, TIME_RULES))
        self.addParameter(applies_when(place_source_parameter(
            GPS, tr("GPs (to compute the minutes when no field is given)"), optional=True), RULE, TIME_RULES))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            ISOLATED, tr("Isolated beyond (minutes to the nearest GP)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=30.0, minValue=0.0), RULE, TIME_RULES))
        self.addParameter(section(tr("Stops and depot"), place_source_parameter(
            STOPS, tr("Candidate stops (town halls, France Services sites, village halls…)"), table=True)))
        self.addParameter(QgsProcessingParameterField(
            STOP_ID_FIELD, tr("Stop identifier field (default: feature id)"), parentLayerParameterName=STOPS,
            optional=True))
        self.addParameter(explained(place_source_parameter(DEPOT, tr("Depot (where each day starts and ends)"),
                                                           table=True), tr("Its first feature is the depot.")))
        self.addParameter(QgsProcessingParameterNumber(
            SERVICE_MINUTES, tr("A stop serves the units within (minutes)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=15.0))
        self.addParameter(section(tr("Schedule"), QgsProcessingParameterNumber(
            DAYS, tr("Days in the cycle (e.g. 5 a week, 10 a fortnight)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=5)))
        self.addParameter(QgsProcessingParameterNumber(
            MINUTES_PER_DAY, tr("Working minutes per day (driving and stops, depot to depot)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=420.0))
        self.addParameter(QgsProcessingParameterNumber(
            STOP_MINUTES, tr("Minutes at each stop"), QgsProcessingParameterNumber.Type.Double, defaultValue=90.0))
        self.addParameter(QgsProcessingParameterString(DAY_START, tr("The day starts at (HH:MM)"),
                                                       defaultValue="08:30"))
        add_solver_parameters(self)
        self.addParameter(polygon_point_parameter())
        add_network_parameters(self)
        self.addParameter(travel_table_parameter())
        self.addParameter(QgsProcessingParameterField(
            DEMAND_ID_FIELD, tr("Demand identifier field (with a table: demand unit to stop rows)"),
            parentLayerParameterName=INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            DEPOT_ID_FIELD, tr("Depot identifier field (with a table: depot to stop rows and back)"),
            parentLayerParameterName=DEPOT, optional=True))
        add_table_field_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_STOPS, tr("Tour stops"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_ROUTES, tr("Daily routes (straight segments between stops; times along the roads)"),
            QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_DEMAND, tr("Demand units served"), QgsProcessing.SourceType.TypeVectorAnyGeometry))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        number = lambda name: self.parameterAsDouble(parameters, name, context)  # noqa: E731
        days, budget, stop_minutes = self.parameterAsInt(parameters, DAYS, context), number(MINUTES_PER_DAY), \
            number(STOP_MINUTES)
        service = number(SERVICE_MINUTES)
        start = parse_clock(self.parameterAsString(parameters, DAY_START, context))
        if days < 1:
            raise QgsProcessingException(tr("The cycle must have 1 day or more."))
        if not budget > 0:
            raise QgsProcessingException(tr("The working minutes per day must be more than 0."))
        if stop_minutes < 0:
            raise QgsProcessingException(tr("The minutes at each stop must be 0 or more."))
        if not service > 0:
            raise QgsProcessingException(tr("The service time of a stop must be more than 0 minutes."))
        by_road = not has_travel_table(self, parameters, context)  # positions: for the road network and drawing
        demand, demand_xy, demand_ids = read_places(self, parameters, context, feedback, crs, INPUT, DEMAND_ID_FIELD,
                                                    tr("demand units"), by_road)
        names = demand.features[0].fields().names()
        for name in DEMAND_FIELDS:
            if name in names:
                raise QgsProcessingException(tr("The demand layer already has a field “{name}”: rename it first.")
                                             .format(name=name))
        population_field = choose_population_field(self, parameters, POPULATION_FIELD, context, names,
                                                   tr("demand units"), feedback)
        population = np.nan_to_num(read_numbers(demand, population_field, tr("population"), INHABITANT_UNITS))
        stops, stop_xy, stop_ids = read_places(self, parameters, context, feedback, crs, STOPS, STOP_ID_FIELD,
                                               tr("candidate stops"), by_road)
        check_unique_ids(stop_ids, self.parameterAsString(parameters, STOP_ID_FIELD, context), tr("stop"),
                         tr("the tour would not say which stop it visits"))
        _, depot_xy, depot_ids = read_places(self, parameters, context, feedback, crs, DEPOT, DEPOT_ID_FIELD,
                                             tr("depot"), by_road)
        if len(depot_xy) > 1:
            feedback.pushWarning(tr("The depot layer has {count} features: the first is the depot.").format(
                count=len(depot_xy)))
        places_xy = np.vstack([stop_xy, depot_xy[:1]])
        check_cancel(feedback)
        feedback.setProgress(5)
        with core_errors():
            if not by_road:
                engine = None
                table, reach = self.tables_from_file(parameters, context, feedback, crs,
                                                     (demand_ids, stop_ids, depot_ids[0]), budget, service)
            else:
                engine = travel_engine(self, parameters, context, feedback, crs)
                table = engine.table(places_xy, places_xy, budget, progress=progress_callback(feedback, 10, 30))
                report_snapping(engine, feedback, [(tr("stops"), len(stop_xy)), (tr("depot"), 1)])
                reach = engine.table(demand_xy, stop_xy, service, progress=progress_callback(feedback, 30, 50))
            underserved = self.underserved(parameters, context, feedback, crs, (demand, demand_xy), engine)
            travel = np.full(table.shape, np.inf)
            np.fill_diagonal(travel, 0.0)
            travel[table.origin, table.destination] = table.minutes
            serves = sparse.csr_matrix((np.ones(len(reach), dtype=bool), (reach.origin, reach.destination)),
                                       shape=reach.shape)
            check_cancel(feedback)
            feedback.setProgress(50)
            result = tour.mobile_care_tour(travel, serves, population * underserved, days, budget, stop_minutes,
                                           time_limit=number(TIME_LIMIT), mip_rel_gap=number(MIP_GAP))
        feedback.pushInfo(result.message)
        before = population[underserved].sum()
        feedback.pushInfo(tr("Underserved: {before:,.0f} inhabitants before, {after:,.0f} after the tour "
                             "({served:,.0f} served).").format(before=before, after=before - result.served,
                                                                served=result.served))
        feedback.setProgress(90)
        return self.write(parameters, context, feedback, (demand, underserved, serves), result, stop_xy,
                          (places_xy, engine, travel), (stop_ids, place_names(stops.features)), start)

    def tables_from_file(self, parameters, context, feedback, crs, ids, budget, service):
        """(stops and depot x stops and depot within ``budget`` minutes, demand units x stops within
        ``service``) from the travel-time table; ``ids`` is (demand ids, stop ids, the depot's id)."""
        demand_ids, stop_ids, depot_id = ids
        if depot_id in set(stop_ids):
            raise QgsProcessingException(tr("The depot's identifier “{id}” is also a stop's: with a travel-time "
                                            "table each place needs its own.").format(id=depot_id))
        rows = table_rows(self, parameters, context, feedback, crs)
        places = (list(stop_ids) + [depot_id], None, tr("stop or depot"))
        table = read_travel_table(self, parameters, context, feedback, crs, places, places, rows, quiet=True)
        reach = read_travel_table(self, parameters, context, feedback, crs, (demand_ids, DEMAND_ID_FIELD,
                                  tr("demand")), (stop_ids, STOP_ID_FIELD, tr("stop")), rows, quiet=True)
        feedback.pushInfo(tr("Travel-time table: {pairs:,} stop and depot pairs, {reach:,} demand unit to stop "
                             "pairs.").format(pairs=len(table), reach=len(reach)))
        return table.within(budget), reach.within(service)

    def underserved(self, parameters, context, feedback, crs, places, engine):
        """Which demand units (``places``: layer data, x y in metres) are underserved (``zones.classify`` with the
        chosen rule; the vigilance band plays no part)."""
        demand, demand_xy = places
        rule = self.parameterAsEnum(parameters, RULE, context)
        index = minutes = None
        isolated = self.parameterAsDouble(parameters, ISOLATED, context)
        threshold = self.parameterAsDouble(parameters, THRESHOLD, context)
        if rule in INDEX_RULES:
            field = self.parameterAsString(parameters, INDEX_FIELD, context)
            if not field:
                raise QgsProcessingException(tr("Choose the accessibility index field: the rule uses the index."))
            index = read_numbers(demand, field, tr("index"))
        if rule in TIME_RULES:
            field = self.parameterAsString(parameters, TIME_FIELD, context)
            if field:
                minutes = read_numbers(demand, field, tr("minutes"), MINUTE_UNITS)
            elif self.parameterAsSource(parameters, GPS, context) is not None and engine is None:
                raise QgsProcessingException(tr("With a travel-time table, give the minutes to the nearest GP as a "
                                                "field of the demand units."))
            elif self.parameterAsSource(parameters, GPS, context) is not None:
                _, gp_xy, _ = read_places(self, parameters, context, feedback, crs, GPS, None, tr("GPs"))
                minutes = engine.nearest(demand_xy, gp_xy, max(isolated, 1e-6) * (1 + 1e-9))[0]
                feedback.pushInfo(tr("Minutes to the nearest GP computed from the GPs layer ({count} GPs).").format(
                    count=len(gp_xy)))
            else:
                raise QgsProcessingException(tr("Choose the minutes to the nearest GP field, or a GPs layer: the "
                                                "rule uses the time to a GP."))
        classes = zones.classify(index, minutes, rule=zones.RULES[rule], underserved=threshold,
                                 vigilance=threshold, isolated_minutes=isolated)
        return np.isin(classes, zones.PROBLEM_CLASSES)

    def run_values(self, parameters, context, result):
        value = lambda name: f"{self.parameterAsDouble(parameters, name, context):g}"  # noqa: E731
        return {"algorithm": self.name(), "days": self.parameterAsInt(parameters, DAYS, context),
                "minutes_per_day": value(MINUTES_PER_DAY), "stop_minutes": value(STOP_MINUTES),
                "service_minutes": value(SERVICE_MINUTES), "served": f"{result.served:.0f}",
                "underserved": f"{result.underserved:.0f}", "solver": result.method,
                "optimal": "yes" if result.optimal else "no", "mip_gap": f"{result.mip_gap:.6g}",
                "mip_rel_gap": value(MIP_GAP), "time_limit_s": value(TIME_LIMIT)}

    def write(self, parameters, context, feedback, demand_data, result, stop_xy, drawing, stop_names, start):
        """Write the stops, the routes and the demand units; ``demand_data`` is (layer data, underserved mask,
        serves matrix), ``drawing`` (stop and depot positions, the travel engine or None with a table, the
        minutes between them), ``stop_names`` (ids, names or None), ``start`` the day's start (minutes after midnight)."""
        places_xy, engine, travel = drawing
        demand, underserved, serves = demand_data
        stop_ids, names = stop_names
        crs = working_crs(self, parameters, context)
        stop_fields = QgsFields()
        for name, kind in (("stop_id", "string"),) + ((("stop_name", "string"),) if names else ()) + (
                ("day", "int"), ("stop_order", "int"), ("arrival_min", "double"), ("departure_min", "double"),
                ("arrival", "string"), ("departure", "string"), ("served_pop", "double")):
            stop_fields.append(new_field(name, kind))
        sink, stops_id = self.parameterAsSink(
            parameters, OUTPUT_STOPS, context, stop_fields,
            QgsWkbTypes.Type.Point if located(stop_xy).any() else QgsWkbTypes.Type.NoGeometry, crs)
        wkb = points_wkb(stop_xy)
        features = []
        for day, (route, arrive, leave) in enumerate(zip(result.routes, result.arrival, result.departure)):
            for order, (stop, at, out, at_clock, out_clock) in enumerate(zip(
                    route.tolist(), arrive.tolist(), leave.tolist(), clock(start, arrive), clock(start, leave))):
                features.append(new_feature(stop_fields, [stop_ids[stop]] + ([names[stop]] if names else []) + [
                    day + 1, order + 1, at, out, at_clock, out_clock, float(result.stop_served[stop])], wkb[stop]))
        sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        record_on_output(context, stops_id, self, result.message, self.run_values(parameters, context, result))
        days = len(result.routes)
        categories = [(day + 1, DAY_COLOURS[day % len(DAY_COLOURS)], tr("Day {day}").format(day=day + 1))
                      for day in range(days)]
        style_on_load(context, stops_id, CategorisedStyle(
            "day", categories, label="concat(\"day\", '.', \"stop_order\", ' ', \"arrival\", '–', \"departure\")"))

        route_fields = QgsFields()
        for name, kind in (("day", "int"), ("stops", "int"), ("travel_min", "double"), ("day_min", "double"),
                           ("leave_depot", "string"), ("back_at_depot", "string"), ("served_pop", "double")):
            route_fields.append(new_field(name, kind))
        drawn = located(places_xy)  # a route is drawn when the depot and its stops have geometry
        routes, routes_id = self.parameterAsSink(
            parameters, OUTPUT_ROUTES, context, route_fields,
            QgsWkbTypes.Type.LineString if drawn.any() else QgsWkbTypes.Type.NoGeometry, crs)
        lines, undrawn = [], []
        for day, (route, shape) in enumerate(zip(result.routes, route_lines(result.routes, places_xy, engine,
                                                                             travel))):
            if not len(route):
                continue
            line = shapely.to_wkb(shape) if shape is not None else None
            if line is None:
                undrawn.append(day + 1)
            lines.append(new_feature(route_fields, [
                day + 1, len(route), float(result.day_travel[day]), float(result.day_minutes[day]),
                clock(start, [0.0])[0], clock(start, [result.day_minutes[day]])[0],
                float(result.day_served[day])], line))
        routes.addFeatures(lines, QgsFeatureSink.Flag.FastInsert)
        if undrawn and drawn.any():
            feedback.pushWarning(tr("The route of day(s) {days} is written without a line: some of its stops or the "
                                    "depot have no geometry.").format(days=", ".join(map(str, undrawn))))
        elif undrawn:
            feedback.pushInfo(tr("The stops and the depot have no geometry: the stops and the daily routes are "
                                 "written as tables (without points or lines)."))
        style_on_load(context, routes_id, CategorisedStyle("day", categories))

        fields = demand.features[0].fields()
        for name, kind in zip(DEMAND_FIELDS, ("int", "int", "string", "int", "int")):
            fields.append(new_field(name, kind))
        units, units_id = self.parameterAsSink(parameters, OUTPUT_DEMAND, context, fields, demand.wkb_type, crs)
        visited = np.zeros(len(stop_xy), dtype=bool)
        visited[np.concatenate(result.routes)] = True
        covered = np.asarray(serves[:, visited].sum(axis=1)).ravel() > 0
        output = []
        for row, feature in enumerate(demand.features):
            credited = result.unit_stop[row]
            output.append(new_feature(fields, feature.attributes() + [
                int(underserved[row]), int(covered[row]), stop_ids[credited] if credited >= 0 else None,
                int(result.unit_day[row]) + 1 if credited >= 0 else None,
                int(underserved[row] and not covered[row])]))
            output[-1].setGeometry(feature.geometry())
        units.addFeatures(output, QgsFeatureSink.Flag.FastInsert)
        style_on_load(context, units_id, CategorisedStyle(
            'CASE WHEN "served_day" IS NOT NULL THEN 2 WHEN "underserved_before" = 1 THEN 1 ELSE 0 END',
            [(2, "#1a9641", tr("Underserved, served by the tour")),
             (1, "#d7191c", tr("Underserved, not served")),
             (0, "#dddddd", tr("Not underserved"))]))
        return {OUTPUT_STOPS: stops_id, OUTPUT_ROUTES: routes_id, OUTPUT_DEMAND: units_id}
