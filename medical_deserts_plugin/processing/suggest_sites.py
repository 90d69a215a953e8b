"""``medicaldeserts:suggestsites``: where to open the next health centres (MCLP, p-median, p-center, LSCP, APL lift)."""

import numpy as np
import shapely
from qgis.core import (
    QgsExpression,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import accessibility, location, zones
from ..i18n import tr, user_language
from .base import MIP_GAP, TIME_LIMIT, RunnableAlgorithm, add_solver_parameters, advanced, applies_when, \
    check_cancel, core_errors, explained, progress_callback, section
from .fields import (
    INHABITANT_UNITS, LISTED, MINUTE_UNITS, check_unique_ids, choose_population_field, number_field_parameter, population_help,
    read_numbers,
)
from .layers import finite_or_none, located, new_feature, points_wkb
from .network_parameters import add_network_parameters, report_snapping, travel_engine, working_crs
from .places import place_names, place_source_parameter, polygon_point_parameter, read_places
from .qgis_compat import new_field
from .run_record import record_on_output
from .travel_table import add_table_field_parameters, has_travel_table, read_travel_table, travel_table_parameter
from .styles import GraduatedStyle, SymbolStyle, apl_change_classes, rank_classes, style_on_load, time_change_classes

INPUT, POPULATION_FIELD, APL_DEMAND_FIELD = "INPUT", "POPULATION_FIELD", "APL_DEMAND_FIELD"
DEMAND_ID_FIELD = "DEMAND_ID_FIELD"
#: the standardised population field that "Accessibility index" writes
STANDARDISED_FIELD = "pop_std"
CANDIDATES, CANDIDATE_ID_FIELD = "CANDIDATES", "CANDIDATE_ID_FIELD"
EXISTING, EXISTING_ID_FIELD, EXISTING_SUPPLY_FIELD = "EXISTING", "EXISTING_ID_FIELD", "EXISTING_SUPPLY_FIELD"
MODEL, P, RADIUS, MAX_TIME, CAPACITY = "MODEL", "P", "RADIUS", "MAX_TIME", "CAPACITY"
SITE_SUPPLY, THRESHOLD = "SITE_SUPPLY", "THRESHOLD"
OUTPUT_SITES, OUTPUT_DEMAND, OUTPUT_LINES = "OUTPUT_SITES", "OUTPUT_DEMAND", "OUTPUT_LINES"
#: who counts in the objective: people beyond N minutes from a GP, and/or under an index threshold
TARGET_BEYOND, TARGET_TIME_FIELD = "TARGET_BEYOND", "TARGET_TIME_FIELD"
TARGET_INDEX_FIELD, TARGET_INDEX_BELOW = "TARGET_INDEX_FIELD", "TARGET_INDEX_BELOW"
TARGETED_FIELD = "targeted"

MCLP, P_MEDIAN, P_CENTER, LSCP, APL_LIFTED, APL_GAIN = range(6)
#: names of the models in the record of a run (the output's metadata)
MODEL_NAMES = ("mclp", "p_median", "p_center", "lscp", "apl_lift", "apl_gain")
APL_MODELS = (APL_LIFTED, APL_GAIN)
DEMAND_FIELDS = ("assigned_site", "before_min", "after_min", "delta_min", "index_before", "index_after", "delta_apl")


def model_labels():
    return [
        tr("Maximal covering (MCLP): most people within the radius with p new sites"),
        tr("p-median: least total travel time with p new sites"),
        tr("p-center: shortest worst travel time with p new sites"),
        tr("Set covering (LSCP): fewest sites so everyone is within the radius"),
        tr("APL lift: most people brought to the APL threshold with p new sites"),
        tr("APL gain: largest population-weighted APL gain with p new sites"),
    ]


class SuggestSitesAlgorithm(RunnableAlgorithm):
    def name(self):
        return "suggestsites"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Suggest sites for new health centres")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("Where p new health centres would bring the most people within reach or to an APL of 2.5, "
                  "and what each changes.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Chooses among candidate sites (town halls, vacant buildings, commune centres; the demand units "
            "themselves when no candidate layer is given) where to open new health centres, keeping the existing "
            "facilities open, over the road network.\n\n"
            "Models (Church & ReVelle; coverage is time ≤ radius): maximal covering, p-median, p-center, set "
            "covering, and the APL lift: with the DREES APL method, a new site of a given supply (consultations "
            "per year, 3 GPs × 5,400 by default) adds to each commune's APL a known amount, so the sites that "
            "bring the most inhabitants to the threshold (2.5) are found exactly. The APL shares supply by "
            "standardised inhabitants (the pop_std field of “Accessibility index”, or the field chosen in the "
            "advanced parameters) and counts people with the population field.\n\n"
            "Solved exactly by HiGHS (mixed-integer programming) within the time limit; the log says whether the "
            "result is proven optimal and the gap. Very large cases use a greedy + swap heuristic, said so.\n\n"
            "Outputs: the chosen sites ranked by what each adds (what the objective loses if that site alone is "
            "dropped); the demand units with their site and time (or APL) before and after; allocation lines.\n\n"
            "Times come from the road network, or from a travel-time table (output of “Travel-time matrix” or "
            "another router's) matched by the identifier fields. With a table, the demand units, candidates and "
            "existing facilities may be tables without geometry (a CSV of communes with their code and population): "
            "the outputs are then tables too; the allocation lines need the geometry of the demand units and sites."
            "\n\n"
            "Who counts (optional): only the people farther than N minutes from an existing facility (or from the "
            "time field given, e.g. nearest_min of “Nearest facility”; empty = beyond reach), and/or whose index "
            "(e.g. the APL) is under a threshold. Either condition makes a unit count (targeted = true in the "
            "output); the others weigh nothing in the objective. With pharmacies or France Services sites as "
            "candidates, this answers “which 5 of them should host a téléconsultation point”."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(section(tr("Demand"), place_source_parameter(
            INPUT, tr("Demand units (e.g. communes, grid cells)"), table=True)))
        self.addParameter(explained(number_field_parameter(POPULATION_FIELD, tr("Population field (inhabitants)"),
                                                           INPUT), population_help()))
        self.addParameter(applies_when(advanced(number_field_parameter(
            APL_DEMAND_FIELD, tr("APL: demand field (standardised inhabitants; default: pop_std when the layer "
                                 "has it, else the population)"), INPUT)), MODEL, APL_MODELS))
        self.addParameter(section(tr("Who counts"), explained(QgsProcessingParameterNumber(
            TARGET_BEYOND, tr("Only people farther than (minutes from an existing facility; 0: everyone)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0),
            tr("0 counts everyone. Otherwise a unit counts when its time to the nearest existing facility (the "
               "field below, or computed to the existing facilities) is more than this, or unknown (none within "
               "the longest trip)."))))
        self.addParameter(QgsProcessingParameterField(
            TARGET_TIME_FIELD, tr("Time to the nearest GP field (minutes; default: computed to the existing "
                                  "facilities)"), parentLayerParameterName=INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            TARGET_INDEX_FIELD, tr("or with an index under the threshold below: index field (e.g. access_index)"),
            parentLayerParameterName=INPUT, type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            TARGET_INDEX_BELOW, tr("Index threshold (e.g. 2.5 for the APL)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=location.APL_THRESHOLD))
        self.addParameter(section(tr("Candidate sites and existing facilities"), place_source_parameter(
            CANDIDATES, tr("Candidate sites (default: the demand units)"), optional=True, table=True)))
        self.addParameter(QgsProcessingParameterField(
            CANDIDATE_ID_FIELD, tr("Candidate identifier field (default: feature id)"),
            parentLayerParameterName=CANDIDATES, optional=True))
        self.addParameter(place_source_parameter(EXISTING, tr("Existing facilities, kept open"), optional=True,
                                                 table=True))
        self.addParameter(QgsProcessingParameterField(
            EXISTING_ID_FIELD, tr("Existing facility identifier field (default: feature id)"),
            parentLayerParameterName=EXISTING, optional=True))
        self.addParameter(applies_when(number_field_parameter(
            EXISTING_SUPPLY_FIELD, tr("GPs per existing facility field (APL models; default 1, 5,400 consultations "
                                      "each)"), EXISTING), MODEL, APL_MODELS))
        self.addParameter(section(tr("Model"), QgsProcessingParameterEnum(
            MODEL, tr("Model"), options=model_labels(), defaultValue=MCLP)))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            P, tr("Number of new sites (p; all but LSCP)"), QgsProcessingParameterNumber.Type.Integer, defaultValue=1,
            minValue=0), MODEL, [MCLP, P_MEDIAN, P_CENTER, APL_LIFTED, APL_GAIN]))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            RADIUS, tr("Coverage radius (minutes; MCLP, LSCP)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=30.0), MODEL, [MCLP, LSCP]))
        self.addParameter(QgsProcessingParameterNumber(
            MAX_TIME, tr("Longest trip considered (minutes)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=120.0))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            CAPACITY, tr("Capacity of a site (inhabitants; 0 = no limit; MCLP, p-median)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0), MODEL, [MCLP, P_MEDIAN]))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            SITE_SUPPLY, tr("Supply of a new site (consultations per year; APL models)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=3 * accessibility.APL_IMPUTED), MODEL, APL_MODELS))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            THRESHOLD, tr("APL threshold (APL models)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=location.APL_THRESHOLD), MODEL, APL_MODELS))
        add_solver_parameters(self)
        self.addParameter(polygon_point_parameter())
        add_network_parameters(self)
        self.addParameter(travel_table_parameter())
        self.addParameter(QgsProcessingParameterField(
            DEMAND_ID_FIELD, tr("Demand identifier field (with a table: matches its origins; the candidates' and "
                                "existing facilities' identifiers match its destinations)"),
            parentLayerParameterName=INPUT, optional=True))
        add_table_field_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_SITES, tr("Suggested sites"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_DEMAND, tr("Demand units before and after"), QgsProcessing.SourceType.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_LINES, tr("Allocation lines"), QgsProcessing.SourceType.TypeVectorLine, optional=True,
            createByDefault=False))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        model = self.parameterAsEnum(parameters, MODEL, context)
        p = self.parameterAsInt(parameters, P, context)
        radius = self.parameterAsDouble(parameters, RADIUS, context)
        max_time = self.parameterAsDouble(parameters, MAX_TIME, context)
        for value, name in ((radius, tr("coverage radius")), (max_time, tr("longest trip"))):
            if not value > 0:
                raise QgsProcessingException(tr("The {name} must be more than 0 minutes.").format(name=name))
        if model in APL_MODELS and not self.parameterAsDouble(parameters, SITE_SUPPLY, context) > 0:
            raise QgsProcessingException(tr("The supply of a new site must be more than 0 consultations per year."))
        if model == APL_LIFTED and not self.parameterAsDouble(parameters, THRESHOLD, context) > 0:
            raise QgsProcessingException(tr("The APL threshold must be more than 0 consultations per year."))
        by_road = not has_travel_table(self, parameters, context)  # positions: for the road network and drawing
        demand, demand_xy, demand_ids = read_places(
            self, parameters, context, feedback, crs, INPUT, DEMAND_ID_FIELD, tr("demand units"), by_road)
        drawn = [(demand_xy, tr("demand units"))]  # the places the allocation lines join
        population_field = choose_population_field(self, parameters, POPULATION_FIELD, context,
                                                   demand.features[0].fields().names(), tr("demand units"), feedback)
        population = np.nan_to_num(read_numbers(demand, population_field, tr("population"), INHABITANT_UNITS))
        for name in DEMAND_FIELDS + (TARGETED_FIELD,):
            if demand.features[0].fields().indexOf(name) >= 0:
                raise QgsProcessingException(tr("The demand layer already has a field “{name}”: rename it first.")
                                             .format(name=name))
        if self.parameterAsSource(parameters, CANDIDATES, context) is None:
            candidate_xy, candidate_ids, candidate_names = demand_xy, demand_ids, place_names(demand.features)
            feedback.pushInfo(tr("No candidate layer: every demand unit is a candidate site."))
        else:
            candidates, candidate_xy, candidate_ids = read_places(
                self, parameters, context, feedback, crs, CANDIDATES, CANDIDATE_ID_FIELD, tr("candidate sites"),
                by_road)
            drawn.append((candidate_xy, tr("candidate sites")))
            candidate_names = place_names(candidates.features)
            check_unique_ids(candidate_ids, self.parameterAsString(parameters, CANDIDATE_ID_FIELD, context),
                             tr("candidate"), tr("the suggested sites would not say which candidate they are"))
        existing_xy, existing_ids, existing_gps = np.empty((0, 2)), [], np.empty(0)
        if self.parameterAsSource(parameters, EXISTING, context) is not None:
            existing, existing_xy, existing_ids = read_places(
                self, parameters, context, feedback, crs, EXISTING, EXISTING_ID_FIELD, tr("existing facilities"),
                by_road)
            drawn.append((existing_xy, tr("existing facilities")))
            supply_field = self.parameterAsString(parameters, EXISTING_SUPPLY_FIELD, context)
            existing_gps = np.nan_to_num(read_numbers(existing, supply_field, tr("supply"))) \
                if supply_field else np.ones(len(existing_xy))
        elif model in APL_MODELS:
            feedback.pushInfo(tr("No existing facilities: every demand unit starts from an APL of 0."))
        self.check_line_ends(parameters, context, drawn)
        if not located(candidate_xy).any():
            feedback.pushInfo(tr("The candidate sites have no geometry: the suggested sites are written as a table "
                                 "(without points)."))
        n_candidates = len(candidate_xy)
        site_xy = np.vstack([candidate_xy, existing_xy])
        site_ids = list(candidate_ids) + list(existing_ids)
        cutoff = {MCLP: radius, LSCP: radius, P_MEDIAN: max_time, P_CENTER: max_time}.get(
            model, accessibility.APL_BOUNDS[-1])
        check_cancel(feedback)
        feedback.setProgress(5)
        with core_errors():
            table, nearest_of = self.travel_times(parameters, context, feedback, crs, (demand_xy, demand_ids),
                                                  (site_xy, site_ids), cutoff, max_time)
            existing_columns = np.arange(n_candidates, len(site_xy))
            before_min = nearest_of(existing_columns) if len(existing_xy) else np.full(len(demand_xy), np.nan)
            targeted = self.target_group(parameters, context, feedback, demand, population,
                                         before_min if len(existing_xy) else None)
            weights = population if targeted is None else population * targeted  # who counts in the objective
            if model == P_CENTER:
                self.check_center_reach(table, weights, demand_ids, max_time)
            check_cancel(feedback)
            feedback.setProgress(50)
            options = dict(time_limit=self.parameterAsDouble(parameters, TIME_LIMIT, context),
                           mip_rel_gap=self.parameterAsDouble(parameters, MIP_GAP, context))
            if model in APL_MODELS:
                apl_demand = self.apl_demand(parameters, context, feedback, demand, population)
                result, index_before = self.apl_model(parameters, context, model, p, table, existing_gps,
                                                      weights, apl_demand, n_candidates, options)
            else:
                result, index_before = self.network_model(parameters, context, model, p, table, weights,
                                                          radius, n_candidates, len(site_xy), options), None
            feedback.setProgress(80)
            after_min = nearest_of(np.concatenate([result.sites, existing_columns]))
        feedback.setProgress(90)
        threshold = self.parameterAsDouble(parameters, THRESHOLD, context)
        self.report(feedback, model, result, weights, (before_min, after_min), radius, index_before, threshold)
        return self.write(parameters, context, demand, result, site_xy, (site_ids, candidate_names, n_candidates),
                          demand_xy, (weights, targeted), (before_min, after_min), index_before, model,
                          (max_time, gain_label(model, radius, threshold)))

    def check_line_ends(self, parameters, context, places):
        """Refuse, before solving, the allocation lines when asked for and a layer of ``places`` ((x y, label)
        each) has places without geometry: a line joins a demand unit to its site."""
        if not self.parameterAsOutputLayer(parameters, OUTPUT_LINES, context):
            return
        for xy, label in places:
            missing = int(np.count_nonzero(~located(xy)))
            if missing:
                raise QgsProcessingException(tr(
                    "The allocation lines join each demand unit to its site, but {count} of the {total} {label} "
                    "have no geometry: leave the allocation lines out, or give the {label} layer point or polygon "
                    "geometry.").format(count=missing, total=len(xy), label=label))

    def target_group(self, parameters, context, feedback, demand, population, before_min):
        """Mask of the units that count in the objective (None: all of them): farther than TARGET_BEYOND
        minutes from a GP (the time field, else ``before_min``, minutes to the existing facilities or None without
        them; unknown = beyond), or under TARGET_INDEX_BELOW in the index field."""
        beyond = self.parameterAsDouble(parameters, TARGET_BEYOND, context)
        time_field = self.parameterAsString(parameters, TARGET_TIME_FIELD, context)
        index_field = self.parameterAsString(parameters, TARGET_INDEX_FIELD, context)
        if not beyond and not index_field:
            return None
        below = self.parameterAsDouble(parameters, TARGET_INDEX_BELOW, context)
        minutes = index = None
        if beyond:
            if time_field:
                minutes = read_numbers(demand, time_field, tr("minutes"), MINUTE_UNITS)
            elif before_min is None:
                raise QgsProcessingException(tr(
                    "“Only people farther than {minutes:g} min” needs the existing facilities or a field of the time "
                    "to the nearest GP.").format(minutes=beyond))
            else:
                minutes = before_min
        if index_field:
            index = read_numbers(demand, index_field, tr("index"))
        # The underserved zones' classes, either condition (NaN minutes: no facility within reach, isolated).
        classes = zones.classify(index, minutes, underserved=below, vigilance=below, isolated_minutes=beyond)
        targeted = np.isin(classes, zones.PROBLEM_CLASSES)
        conditions = ([tr("farther than {minutes:g} min from a GP").format(minutes=beyond)] if beyond else []) + (
            [tr("{field} under {threshold:g}").format(field=index_field, threshold=below)] if index_field else [])
        feedback.pushInfo(tr("Who counts: {units:,} of {total:,} demand units ({people:,.0f} of {all:,.0f} "
                             "inhabitants), {conditions}.").format(
            units=int(targeted.sum()), total=len(targeted), people=float(population[targeted].sum()),
            all=float(population.sum()), conditions=tr(" or ").join(conditions)))
        if not population[targeted].sum() > 0:
            raise QgsProcessingException(tr("Nobody counts: no inhabited demand unit is {conditions}.").format(
                conditions=tr(" or ").join(conditions)))
        return targeted

    def travel_times(self, parameters, context, feedback, crs, demand, sites, cutoff, max_time):
        """(table demand units x sites within ``cutoff`` minutes, function giving each unit's minutes to the
        nearest of some sites (columns) within ``max_time``, NaN beyond): over the road network, or from the
        travel-time table matched by identifiers (``demand`` and ``sites`` are (xy, ids) each)."""
        if has_travel_table(self, parameters, context):
            full = read_travel_table(self, parameters, context, feedback, crs,
                                     (demand[1], DEMAND_ID_FIELD, tr("demand")), (sites[1], None, tr("site")))
            longest = full.within(max_time)
            return full.within(cutoff), lambda columns: longest.destinations(columns).nearest()[0]
        engine = travel_engine(self, parameters, context, feedback, crs)
        table = engine.table(demand[0], sites[0], cutoff, progress=progress_callback(feedback, 10, 50))
        report_snapping(engine, feedback, [(tr("demand units"), len(demand[0])), (tr("sites"), len(sites[0]))])
        return table, lambda columns: engine.nearest(demand[0], sites[0][columns], max_time)[0]

    @staticmethod
    def check_center_reach(table, population, demand_ids, max_time):
        """p-center: every inhabited demand unit must reach a site within ``max_time`` minutes, else the worst
        time is infinite and no radius can be reported."""
        unreached = (population > 0) & ~np.isin(np.arange(table.shape[0]), table.origin)
        if unreached.any():
            raise QgsProcessingException(tr(
                "p-center: {count} demand unit(s) ({people:,.0f} inhabitants; feature ids {ids}) reach no "
                "candidate site or existing facility within the longest trip ({minutes:g} min): the worst "
                "time would be infinite. Raise the longest trip, add candidate sites, or leave those units "
                "out.").format(count=int(unreached.sum()), people=float(population[unreached].sum()),
                               minutes=max_time, ids=", ".join(str(demand_ids[row]) for row in
                                                               np.flatnonzero(unreached)[:LISTED])))

    def network_model(self, parameters, context, model, p, table, population, radius, n_candidates, n_sites,
                      options):
        predefined = np.arange(n_candidates, n_sites)
        capacity = self.parameterAsDouble(parameters, CAPACITY, context) or None
        if model == MCLP:
            return location.mclp(table, population, radius, p, predefined=predefined, capacity=capacity, **options)
        if model == P_MEDIAN:
            return location.p_median(table, population, p, predefined=predefined, capacity=capacity,
                                     drop_unreachable=True, **options)
        if model == P_CENTER:
            return location.p_center(table, population, p, predefined=predefined, drop_unreachable=True, **options)
        return location.lscp(table, population, radius, predefined=predefined, **options)

    def apl_demand(self, parameters, context, feedback, demand, population):
        """Demand of the APL (standardised inhabitants): the chosen field, else pop_std, else the population."""
        field = self.parameterAsString(parameters, APL_DEMAND_FIELD, context)
        if not field and STANDARDISED_FIELD in demand.features[0].fields().names():
            field = STANDARDISED_FIELD
        if not field:
            feedback.pushInfo(tr("APL demand: the population as it is (no standardised population field)."))
            return population
        feedback.pushInfo(tr("APL demand: standardised inhabitants of the field “{field}”; people are counted "
                             "with the population field.").format(field=field))
        return np.nan_to_num(read_numbers(demand, field, tr("APL demand"), INHABITANT_UNITS))

    def apl_model(self, parameters, context, model, p, table, existing_gps, population, apl_demand, n_candidates,
                  options):
        """APL lift or gain: (result, APL before). The index shares supply by ``apl_demand`` (standardised
        inhabitants); the objective counts ``population`` (people)."""
        apl_table = table.within(accessibility.APL_BOUNDS[-1])
        existing = apl_table.destinations(np.arange(n_candidates, table.shape[1]))
        if existing.shape[1]:
            index_before = accessibility.apl(existing, apl_demand, existing_gps * accessibility.APL_IMPUTED).index
        else:
            index_before = np.zeros(table.shape[0])
        candidates = apl_table.destinations(np.arange(n_candidates))
        gain = location.apl_gain_matrix(candidates.weight_matrix(accessibility.apl_weights(candidates.minutes)),
                                        apl_demand)
        result = location.apl_lift(
            index_before, gain, population, p, self.parameterAsDouble(parameters, SITE_SUPPLY, context),
            threshold=self.parameterAsDouble(parameters, THRESHOLD, context),
            objective="lifted" if model == APL_LIFTED else "gain", **options)
        return result, index_before

    @staticmethod
    def report(feedback, model, result, population, times, radius, index_before, threshold):
        """Log the objective's message and the situation before vs after (minutes to the nearest open site)."""
        feedback.pushInfo(result.message)
        before_min, after_min = times
        total = population.sum() or 1.0
        if model in (MCLP, LSCP):
            before = population[before_min <= radius].sum()
            after = population[after_min <= radius].sum()
            feedback.pushInfo(tr("Within {radius:g} min: {before:,.0f} inhabitants ({before_share:.1%}) before, "
                                 "{after:,.0f} ({after_share:.1%}) after.").format(
                radius=radius, before=before, before_share=before / total, after=after, after_share=after / total))
        elif model in (P_MEDIAN, P_CENTER):
            feedback.pushInfo(tr("Mean time {before:.1f} min before, {after:.1f} min after; worst {worst_before:.1f} "
                                 "min before, {worst_after:.1f} min after.").format(
                before=accessibility.population_weighted_mean(before_min, population),
                after=accessibility.population_weighted_mean(after_min, population),
                worst_before=np.nanmax(before_min) if np.isfinite(before_min).any() else np.nan,
                worst_after=np.nanmax(after_min) if np.isfinite(after_min).any() else np.nan))
        else:
            feedback.pushInfo(tr("Under the APL threshold {threshold:g}: {before:,.0f} inhabitants before, "
                                 "{after:,.0f} after; mean APL {mean_before:.2f} before, {mean_after:.2f} after.")
                              .format(threshold=threshold,
                                      before=accessibility.population_below(index_before, population, threshold),
                                      after=accessibility.population_below(result.index_after, population, threshold),
                                      mean_before=accessibility.population_weighted_mean(index_before, population),
                                      mean_after=accessibility.population_weighted_mean(result.index_after,
                                                                                        population)))

    def run_values(self, parameters, context, model, result):
        """The parameters and the solver's outcome of this run as the record of the sites keeps them."""
        value = lambda name: f"{self.parameterAsDouble(parameters, name, context):g}"  # noqa: E731
        return {
            "algorithm": self.name(), "model": MODEL_NAMES[model], "p": len(result.sites),
            "radius_min": value(RADIUS) if model in (MCLP, LSCP) else None,
            "max_time_min": value(MAX_TIME) if model in (P_MEDIAN, P_CENTER) else None,
            "site_supply": value(SITE_SUPPLY) if model in APL_MODELS else None,
            "threshold": value(THRESHOLD) if model in APL_MODELS else None,
            "solver": result.method, "optimal": "yes" if result.optimal else "no",
            "mip_gap": f"{result.mip_gap:.6g}", "mip_rel_gap": value(MIP_GAP), "time_limit_s": value(TIME_LIMIT),
        }

    def write(self, parameters, context, demand, result, site_xy, site_names, demand_xy, counted, times,
              index_before, model, styling):
        """Write the outputs; ``site_names`` is (id of every site, name of every candidate or None: the existing
        facilities, after the candidates, are not named; the number of candidates); ``counted`` is (inhabitants who
        count in the objective, mask of the units that count or None: all); ``styling`` is (longest trip in
        minutes, label expression of a site's gain)."""
        population, targeted = counted
        before_min, after_min = times
        max_time, gain = styling
        site_ids, candidate_names, n_candidates = site_names
        named = candidate_names is not None
        names = [[name] for name in candidate_names] + [[""]] * (len(site_ids) - len(candidate_names)) if named \
            else [[]] * len(site_ids)
        crs = working_crs(self, parameters, context)
        site_fields = QgsFields()
        for name, kind in (("site_id", "string"),) + ((("site_name", "string"),) if named else ()) + (
                ("rank", "int"), ("adds", "double"), ("served_pop", "double")):
            site_fields.append(new_field(name, kind))
        sites, sites_id = self.parameterAsSink(
            parameters, OUTPUT_SITES, context, site_fields,
            QgsWkbTypes.Type.Point if located(site_xy[:n_candidates]).any() else QgsWkbTypes.Type.NoGeometry, crs)
        assigned = result.assignment
        share = result.served if result.served is not None else (assigned >= 0).astype(float)
        served_pop = np.bincount(assigned[assigned >= 0], (population * share)[assigned >= 0],
                                 minlength=len(site_xy))
        site_wkb = points_wkb(site_xy)
        sites.addFeatures([new_feature(site_fields, [site_ids[site]] + names[site] + [
            rank + 1, finite_or_none(result.contribution[rank]), float(served_pop[site])], site_wkb[site])
            for rank, site in enumerate(result.sites)], QgsFeatureSink.Flag.FastInsert)
        site_label = "if(\"site_name\" IS NULL OR \"site_name\" = '', \"site_id\", \"site_name\")" if named \
            else '"site_id"'
        record_on_output(context, sites_id, self, result.message, self.run_values(parameters, context, model, result))
        style_on_load(context, sites_id, GraduatedStyle("rank", rank_classes(),
                                                        label=f"concat(\"rank\", '. ', {site_label}, '\\n', {gain})"))

        fields = demand.features[0].fields()
        for name, kind in zip(DEMAND_FIELDS, ("string",) + ("double",) * 6):
            fields.append(new_field(name, kind))
        if targeted is not None:
            fields.append(new_field(TARGETED_FIELD, "bool"))
        units, units_id = self.parameterAsSink(parameters, OUTPUT_DEMAND, context, fields, demand.wkb_type, crs)
        after = result.index_after
        output = []
        delta_min = after_min - before_min
        delta_apl = None if index_before is None or after is None else after - index_before
        for row, feature in enumerate(demand.features):
            output.append(new_feature(fields, feature.attributes() + [
                site_ids[assigned[row]] if assigned[row] >= 0 else None, finite_or_none(before_min[row]),
                finite_or_none(after_min[row]), finite_or_none(delta_min[row]),
                None if index_before is None else float(index_before[row]),
                None if after is None else float(after[row]),
                None if delta_apl is None else finite_or_none(delta_apl[row])]
                + ([bool(targeted[row])] if targeted is not None else [])))
            output[-1].setGeometry(feature.geometry())
        units.addFeatures(output, QgsFeatureSink.Flag.FastInsert)
        if model in APL_MODELS:
            style_on_load(context, units_id, GraduatedStyle("delta_apl", apl_change_classes(),
                                                            null_label=tr("No APL")))
        else:
            style_on_load(context, units_id, GraduatedStyle(
                "delta_min", time_change_classes(),
                null_label=tr("No facility within {minutes:g} min, before or after").format(minutes=max_time),
                rules=[('"before_min" IS NULL AND "after_min" IS NOT NULL', "#2166ac",
                        tr("Newly within {minutes:g} min").format(minutes=max_time))]))
        results = {OUTPUT_SITES: sites_id, OUTPUT_DEMAND: units_id}

        lines, lines_id = self.parameterAsSink(parameters, OUTPUT_LINES, context, site_fields,
                                               QgsWkbTypes.Type.LineString, crs)
        if lines is not None:
            rows = np.flatnonzero(assigned >= 0)
            wkb = shapely.to_wkb(shapely.linestrings(np.stack([demand_xy[rows], site_xy[assigned[rows]]], axis=1)))
            lines.addFeatures([new_feature(site_fields, [site_ids[assigned[row]]] + names[assigned[row]] + [
                None, None, float(population[row])], line) for row, line in zip(rows, wkb)],
                QgsFeatureSink.Flag.FastInsert)
            style_on_load(context, lines_id, SymbolStyle("#6a51a3", size=0.3, opacity=0.5))
            results[OUTPUT_LINES] = lines_id
        return results


def gain_label(model, radius, threshold):
    """Label expression of what a suggested site changes (its ``adds`` field: what the objective loses without
    it), in the UI's language: inhabitants covered (MCLP, LSCP) or lifted (APL lift), population-weighted APL
    gain, inhabitant-minutes (p-median) or minutes of the longest trip (p-center) saved."""
    decimal = "," if user_language() == "fr" else "."
    threshold = f"{threshold:g}".replace(".", decimal)
    if model in (MCLP, LSCP):
        text, decimals = tr("+{value} inhabitants within {minutes} min").format(
            value="{value}", minutes=f"{radius:g}".replace(".", decimal)), 0
    elif model == APL_LIFTED:
        text, decimals = tr("+{value} inhabitants at APL ≥ {threshold}").format(value="{value}",
                                                                                threshold=threshold), 0
    elif model == APL_GAIN:
        text, decimals = tr("+{value} APL × inhabitants"), 0
    elif model == P_MEDIAN:
        text, decimals = tr("−{value} inhabitant-minutes"), 0
    else:
        text, decimals = tr("−{value} min on the longest trip"), 1
    before, _, after = text.partition("{value}")
    number = f"format_number(\"adds\", {decimals})"
    # NULL: closing the site would leave some units with no site (p-median, p-center; infinite loss)
    return (f"if(\"adds\" IS NULL, {QgsExpression.quotedString(tr('the only site some inhabitants reach'))}, "
            f"concat({QgsExpression.quotedString(before)}, {number}, {QgsExpression.quotedString(after)}))")
