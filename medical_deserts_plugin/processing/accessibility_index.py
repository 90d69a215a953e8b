"""``medicaldeserts:accessibilityindex``: 2SFCA family and the DREES APL for every demand unit."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import accessibility, professions
from ..core.travel_times import same_code_pairs
from ..i18n import tr
from .base import (
    RunnableAlgorithm, advanced, applies_when, check_cancel, core_errors, explained, progress_callback, section,
)
from .fields import (
    INHABITANT_UNITS, check_unique_ids, choose_population_field, fields_by_prefix,
    number_field_parameter, read_numbers,
)
from .layers import feature_ids, is_null, new_feature, read_input
from .network_parameters import add_network_parameters, report_snapping, travel_engine, working_crs
from .places import place_source_parameter, polygon_point_parameter, read_places, warn_if_supply_stops_at_the_edge
from .qgis_compat import new_field, parameter_as_strings
from .run_record import record_on_output
from .travel_table import add_table_field_parameters, has_travel_table, read_travel_table, travel_table_parameter
from .styles import LABEL_SCALE, GraduatedStyle, apl_classes, place_label, quantile_classes, style_on_load

INPUT, DEMAND_ID_FIELD, DEMAND_CODE_FIELD = "INPUT", "DEMAND_ID_FIELD", "DEMAND_CODE_FIELD"
POPULATION_FIELD, AGE_FIELDS, AGE_FIELD_PREFIX, AGE_WEIGHTS = (
    "POPULATION_FIELD", "AGE_FIELDS", "AGE_FIELD_PREFIX", "AGE_WEIGHTS")
SUPPLY, SUPPLY_ID_FIELD, SUPPLY_CODE_FIELD = "SUPPLY", "SUPPLY_ID_FIELD", "SUPPLY_CODE_FIELD"
SUPPLY_FIELD, ACTIVITY_FIELD = "SUPPLY_FIELD", "ACTIVITY_FIELD"
PROFESSION = "PROFESSION"
METHOD, CUTOFF, BANDS, BETA, SIGMA, SCALE = "METHOD", "CUTOFF", "BANDS", "BETA", "SIGMA", "SCALE"
CALIBRATION, CALIBRATION_CODE_FIELD, CALIBRATION_INDEX_FIELD = (
    "CALIBRATION", "CALIBRATION_CODE_FIELD", "CALIBRATION_INDEX_FIELD")
OUTPUT = "OUTPUT"

APL, TWO_STEP, ENHANCED, THREE_STEP, GRAVITY, GAUSSIAN = range(6)
#: names of the methods in the record of a run (the output's metadata)
METHOD_NAMES = ("apl", "2sfca", "e2sfca", "3sfca", "gravity", "gaussian")
AGE_WEIGHT_YEARS = ["2023", "2022"]
#: ids of the DREES professions, in the order of the PROFESSION choices (core.professions.PROFESSIONS)
PROFESSION_IDS = tuple(professions.PROFESSIONS)
NEAREST_SEARCH_MINUTES = 120.0
OUTPUT_FIELDS = ("access_index", "pop_std", "nearest_min")


def method_labels():
    return [
        tr("DREES APL (consultations per standardised inhabitant; 10/15/20 min decay)"),
        tr("2SFCA (everything within the cutoff counts fully)"),
        tr("E2SFCA (weights by time bands)"),
        tr("3SFCA (E2SFCA bands, demand shared among competing supply)"),
        tr("Gravity (power decay of time, within the cutoff)"),
        tr("Gaussian decay (within the cutoff)"),
    ]


def profession_names():
    """Short names of the DREES professions, in the order of :data:`PROFESSION_IDS`."""
    return [tr("General practitioners"), tr("Nurses"), tr("Physiotherapists"), tr("Midwives"), tr("Dentists")]


def profession_labels():
    """The PROFESSION choices, in the order of :data:`PROFESSION_IDS`."""
    return [
        tr("General practitioners (consultations per standardised inhabitant)"),
        tr("Nurses (FTE per 100,000 standardised inhabitants)"),
        tr("Physiotherapists (FTE per 100,000 standardised inhabitants)"),
        tr("Midwives (FTE per 100,000 women; demand: the female population)"),
        tr("Dentists (FTE per 100,000 standardised inhabitants)"),
    ]


def parse_bands(text):
    """``"10:1, 20:0.68, 30:0.22"`` -> [(10, 1.0), (20, 0.68), (30, 0.22)] (upper bound in minutes, weight)."""
    bands = []
    for item in (text or "").replace(";", ",").split(","):
        if not item.strip():
            continue
        bound, sep, weight = item.partition(":")
        try:
            bands.append((float(bound), float(weight)))
        except ValueError:
            sep = ""
        if not sep:
            raise QgsProcessingException(tr("Time bands must look like “10:1, 20:0.68, 30:0.22” (minutes:weight); "
                                            "“{item}” does not.").format(item=item.strip()))
    bounds = [bound for bound, _ in bands]
    if not bands or bounds[0] <= 0 or any(b <= a for a, b in zip(bounds, bounds[1:])):
        raise QgsProcessingException(tr("Time bands must have increasing upper bounds above 0 minutes."))
    if any(not 0 <= weight <= 1 for _, weight in bands):
        raise QgsProcessingException(tr("Band weights must lie between 0 and 1."))
    return bands


class AccessibilityIndexAlgorithm(RunnableAlgorithm):
    def name(self):
        return "accessibilityindex"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Accessibility index (APL, 2SFCA, E2SFCA…)")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("The DREES APL or a 2SFCA-family index of every commune or cell, with the minutes to the nearest GP.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Spatial accessibility of every demand unit (commune, grid cell) to supply (GPs, practices), by the "
            "two-step floating catchment family: each supply point's ratio of supply to the demand that reaches it, "
            "then each unit sums the ratios it reaches, both steps with the same time weights (Luo & Qi).\n\n"
            "DREES APL: supply = each GP's yearly consultations and visits (under 250 → 0, up to 3,600 → 3,600, "
            "over 6,000 → 6,000, unknown → 5,400) times the number of GPs; weights 1 under 10 min, 2/3 up to 15, "
            "1/3 up to 20, 0 beyond; demand standardised by the 19 age groups with the DREES weights; a commune "
            "to its own GPs at 0 min when commune code fields are given. Output in consultations per year per "
            "standardised inhabitant; under 2.5 is a priority zone.\n\n"
            "Other DREES professions (nurses, physiotherapists, midwives, dentists): the supply is the count or FTE "
            "field (e.g. fte of “Import RPPS”), the same time bands, each inhabitant weighs 1 (DREES publishes no "
            "age weights for them; for midwives give the female population), the index in FTE per 100,000 "
            "standardised inhabitants.\n\n"
            "Other methods: supply = the count or FTE field (1 per feature without it); the index is supply per "
            "“scale” inhabitants (10,000 by default). Coverage is time ≤ cutoff, as PySAL access.\n\n"
            "Times come from the road network, or from a travel-time table (output of “Travel-time matrix” or an "
            "INSEE Metric export) matched by the id fields, so the network is built once and reused. With a table, "
            "the demand units and the supply may be tables without geometry (a CSV of communes with their code and "
            "population): the output is then a table too.\n\n"
            "Output fields: access_index, pop_std (standardised inhabitants), nearest_min (minutes to the nearest "
            "supply). The log gives the mean weighted by standardised population and the population under 2.5."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(section(tr("Demand"), place_source_parameter(
            INPUT, tr("Demand units (e.g. communes, grid cells)"), table=True)))
        self.addParameter(explained(number_field_parameter(
            POPULATION_FIELD, tr("Population field (inhabitants)"), INPUT), tr(
            "Empty: the sum of the age groups when they are given, else the field named like a population "
            "(population, pop, PMUN, P21_POP…), said in the log.")))
        self.addParameter(explained(number_field_parameter(
            AGE_FIELDS, tr("19 age-group fields, <5 to 90+ in order (standardised demand)"), INPUT,
            allow_multiple=True), tr("They weigh the demand by the DREES consumption of care of each age. Or give "
                                     "their common prefix below.")))
        self.addParameter(explained(QgsProcessingParameterString(
            AGE_FIELD_PREFIX, tr("…or the prefix of the 19 age-group fields (e.g. pop_)"), optional=True), tr(
            "Every field named the prefix then a number (pop_00_04, pop_05_09 … pop_90_plus for “pop_”, as "
            "“Import INSEE population” writes them), in the order of that number; pop_std is not one.")))
        self.addParameter(QgsProcessingParameterEnum(
            AGE_WEIGHTS, tr("DREES age weights (with age groups)"), options=AGE_WEIGHT_YEARS, defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            DEMAND_CODE_FIELD, tr("Demand commune code field (same commune = 0 min)"), parentLayerParameterName=INPUT,
            optional=True))
        self.addParameter(section(tr("Supply"), place_source_parameter(SUPPLY, tr("Supply (e.g. GPs, GP practices)"),
                                                                          table=True)))
        self.addParameter(number_field_parameter(
            SUPPLY_FIELD, tr("Supply count or FTE field (default: 1 per feature)"), SUPPLY))
        self.addParameter(applies_when(number_field_parameter(
            ACTIVITY_FIELD, tr("Consultations per year per GP field (APL of GPs only; empty = 5,400)"), SUPPLY),
            METHOD, [APL]))
        self.addParameter(QgsProcessingParameterField(
            SUPPLY_CODE_FIELD, tr("Supply commune code field (same commune = 0 min)"), parentLayerParameterName=SUPPLY,
            optional=True))
        self.addParameter(section(tr("Method"), QgsProcessingParameterEnum(
            METHOD, tr("Method"), options=method_labels(), defaultValue=APL)))
        self.addParameter(applies_when(explained(QgsProcessingParameterEnum(
            PROFESSION, tr("Profession (DREES APL)"), options=profession_labels(), defaultValue=0), tr(
            "The DREES preset: its time bands, demand, supply rule and unit. Midwives need the female population "
            "(or the women's 19 age groups); the consultations field applies to GPs only.")), METHOD, [APL]))
        self.addParameter(applies_when(QgsProcessingParameterNumber(
            CUTOFF, tr("Cutoff (minutes; 2SFCA, gravity, Gaussian)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=30.0), METHOD, [TWO_STEP, GRAVITY, GAUSSIAN]))
        self.addParameter(applies_when(QgsProcessingParameterString(
            BANDS, tr("Time bands, minutes:weight (E2SFCA, 3SFCA)"), defaultValue="10:1, 20:0.68, 30:0.22"),
            METHOD, [ENHANCED, THREE_STEP]))
        self.addParameter(section(tr("Method"), applies_when(advanced(QgsProcessingParameterNumber(
            BETA, tr("Gravity exponent β (weight = minutes^-β, from 1 min; gravity)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=1.0, minValue=0.0)), METHOD, [GRAVITY])))
        self.addParameter(applies_when(advanced(QgsProcessingParameterNumber(
            SIGMA, tr("Gaussian σ (minutes; Gaussian)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=10.0)), METHOD, [GAUSSIAN]))
        self.addParameter(applies_when(advanced(QgsProcessingParameterNumber(
            SCALE, tr("Index per how many inhabitants (all but APL)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=10000.0, minValue=0.0)), METHOD, [TWO_STEP, ENHANCED, THREE_STEP, GRAVITY, GAUSSIAN]))
        self.addParameter(travel_table_parameter())
        self.addParameter(QgsProcessingParameterField(
            DEMAND_ID_FIELD, tr("Demand identifier field (with a table: matches its origins)"),
            parentLayerParameterName=INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            SUPPLY_ID_FIELD, tr("Supply identifier field (with a table: matches its destinations)"),
            parentLayerParameterName=SUPPLY, optional=True))
        add_table_field_parameters(self)
        self.addParameter(section(tr("Calibration on a published APL (optional)"), applies_when(explained(
            QgsProcessingParameterFeatureSource(
                CALIBRATION, tr("Published APL of the same year (e.g. the DREES APL file, by commune)"),
                [QgsProcessing.SourceType.TypeVector], optional=True), tr(
                "The consultations per GP are scaled so that the mean APL (weighted by the standardised population) "
                "of the communes found in this table equals its own: the ranking stays, the level meets DREES's. "
                "Needs the demand commune code field. The log gives the factor.")), METHOD, [APL])))
        self.addParameter(applies_when(QgsProcessingParameterField(
            CALIBRATION_CODE_FIELD, tr("Its commune code field"), parentLayerParameterName=CALIBRATION,
            optional=True), METHOD, [APL]))
        self.addParameter(applies_when(number_field_parameter(
            CALIBRATION_INDEX_FIELD, tr("Its APL field"), CALIBRATION), METHOD, [APL]))
        self.addParameter(polygon_point_parameter())
        add_network_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Accessibility index"), QgsProcessing.SourceType.TypeVectorAnyGeometry))

    # -- reading ---------------------------------------------------------------------------------------------

    def demand_values(self, parameters, context, demand, feedback, preset):
        """(plain population, standardised population) per demand unit, inhabitants (women for midwives)."""
        population_field = self.parameterAsString(parameters, POPULATION_FIELD, context)
        age_fields = parameter_as_strings(self, parameters, AGE_FIELDS, context)
        prefix = self.parameterAsString(parameters, AGE_FIELD_PREFIX, context).strip()
        if prefix and age_fields:
            raise QgsProcessingException(tr("Give the 19 age-group fields or their common prefix, not both."))
        if prefix:
            age_fields = fields_by_prefix(demand.features[0].fields().names(), prefix, 19, tr("demand units"))
            feedback.pushInfo(tr("Age groups: the fields {names}.").format(names=", ".join(age_fields)))
        if preset is not None and preset.demand == professions.WOMEN and not (age_fields or population_field):
            raise QgsProcessingException(tr(
                "The midwives' APL counts women: give the female population field (or the women's 19 age "
                "groups); the plain population would be taken otherwise."))
        if age_fields and len(age_fields) != 19:
            raise QgsProcessingException(tr("Give the 19 age-group fields (<5, 5–9, … 85–89, 90+), not {count}.")
                                         .format(count=len(age_fields)))
        if age_fields and not population_field:
            feedback.pushInfo(tr("Population: the sum of the 19 age groups."))
        else:
            population_field = choose_population_field(self, parameters, POPULATION_FIELD, context,
                                                       demand.features[0].fields().names(), tr("demand units"),
                                                       feedback)
        ages = np.column_stack([read_numbers(demand, name, tr("age group"), INHABITANT_UNITS)
                                for name in age_fields]) if age_fields else None
        population = read_numbers(demand, population_field, tr("population"), INHABITANT_UNITS) \
            if population_field else np.nansum(ages, axis=1)
        population = np.nan_to_num(population)
        if ages is None:
            feedback.pushInfo(tr("No age groups: every inhabitant weighs 1 (standardised population = population)."))
            return population, population
        year = AGE_WEIGHT_YEARS[self.parameterAsEnum(parameters, AGE_WEIGHTS, context)]
        standardised, weighted = professions.standardised_demand(preset or professions.profession("gp"), ages,
                                                                 population, year)
        if not weighted:
            feedback.pushInfo(tr("DREES publishes no age weights for this profession: every inhabitant of the age "
                                 "groups weighs 1."))
        return population, standardised

    def supply_values(self, parameters, context, supply, preset):
        """Supply per feature: the APL preset's (GPs: consultations per year), else the count/FTE field (1 without
        it)."""
        count_field = self.parameterAsString(parameters, SUPPLY_FIELD, context)
        count = np.nan_to_num(read_numbers(supply, count_field, tr("supply"))) \
            if count_field else np.ones(len(supply))
        if preset is None:
            return count
        activity_field = self.parameterAsString(parameters, ACTIVITY_FIELD, context)
        activity = read_numbers(supply, activity_field, tr("activity")) if activity_field else None
        with core_errors():
            return professions.supply_amount(preset, count, activity)

    def travel_table(self, parameters, context, feedback, crs, demand_xy, supply_xy, ids, cutoff):
        """(table demand x supply within ``cutoff`` minutes, nearest minutes per demand unit)."""
        if not has_travel_table(self, parameters, context):
            engine = travel_engine(self, parameters, context, feedback, crs)
            table = engine.table(demand_xy, supply_xy, cutoff, progress=progress_callback(feedback, 25, 70))
            check_cancel(feedback)
            nearest, _ = engine.nearest(demand_xy, supply_xy, max(cutoff, NEAREST_SEARCH_MINUTES),
                                        progress_callback(feedback, 70, 85))
            report_snapping(engine, feedback, [(tr("demand units"), len(demand_xy)), (tr("supply"), len(supply_xy))])
            return table, nearest
        full = read_travel_table(self, parameters, context, feedback, crs, (ids[0], DEMAND_ID_FIELD, tr("demand")),
                                 (ids[1], SUPPLY_ID_FIELD, tr("supply")))
        nearest, _ = full.nearest()
        return full.within(cutoff), nearest

    # -- the run ---------------------------------------------------------------------------------------------

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        method = self.parameterAsEnum(parameters, METHOD, context)
        preset = self.preset(parameters, context, method)
        cutoff, decay = self.decay(parameters, context, method, preset)
        scale = preset.scale if method == APL else self.parameterAsDouble(parameters, SCALE, context)
        if not scale > 0:
            raise QgsProcessingException(tr("The index is given per a number of inhabitants (scale) that must be "
                                            "more than 0; got {scale:g}.").format(scale=scale))
        by_road = not has_travel_table(self, parameters, context)  # positions: only for the road network
        demand, demand_xy, demand_ids = read_places(
            self, parameters, context, feedback, crs, INPUT, DEMAND_ID_FIELD, tr("demand units"), by_road)
        supply, supply_xy, supply_ids = read_places(
            self, parameters, context, feedback, crs, SUPPLY, SUPPLY_ID_FIELD, tr("supply"), by_road)
        for name in OUTPUT_FIELDS:
            if demand.features[0].fields().indexOf(name) >= 0:
                raise QgsProcessingException(tr("The demand layer already has a field “{name}”: rename it first.")
                                             .format(name=name))
        population, standardised = self.demand_values(parameters, context, demand, feedback, preset)
        supply_amount = self.supply_values(parameters, context, supply, preset)
        warn_if_supply_stops_at_the_edge(feedback, demand_xy, supply_xy, cutoff, tr("supply"))
        check_cancel(feedback)
        feedback.setProgress(10)
        with core_errors():
            table, nearest = self.travel_table(parameters, context, feedback, crs, demand_xy, supply_xy,
                                               (demand_ids, supply_ids), cutoff)
            demand_codes = self.parameterAsString(parameters, DEMAND_CODE_FIELD, context)
            supply_codes = self.parameterAsString(parameters, SUPPLY_CODE_FIELD, context)
            if demand_codes and supply_codes:
                same = same_code_pairs(code_column(demand, demand_codes), code_column(supply, supply_codes))
                table = table.with_zero_pairs(*same)
                nearest[same[0]] = 0.0
            check_cancel(feedback)
            index, result = self.index(method, table, standardised, supply_amount, decay, preset, scale)
        factor = self.calibrate(parameters, context, feedback, crs, method, demand, index, standardised)
        index = index * factor
        self.summarise(feedback, preset, index, population, standardised, result)

        fields = demand.features[0].fields()
        for name in OUTPUT_FIELDS:
            fields.append(new_field(name, "double"))
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, demand.wkb_type, crs)
        output = []
        for row, feature in enumerate(demand.features):
            output.append(new_feature(fields, feature.attributes() + [
                float(index[row]), float(standardised[row]),
                None if np.isnan(nearest[row]) else float(nearest[row])]))
            output[-1].setGeometry(feature.geometry())
        sink.addFeatures(output, QgsFeatureSink.Flag.FastInsert)
        if preset is not None and preset.underserved is not None:
            classes = apl_classes()
        else:
            classes = quantile_classes(index, unit=tr("FTE per 100,000 standardised inhabitants") if preset else
                                       tr("per {scale:g} inhabitants").format(scale=scale))
        style_on_load(context, output_id, GraduatedStyle(
            "access_index", classes, null_label=tr("No index (no inhabitants)"),
            label=place_label(fields.names(), self.parameterAsString(parameters, DEMAND_ID_FIELD, context)),
            label_scale=LABEL_SCALE))
        record_on_output(context, output_id, self, method_labels()[method],
                         dict(self.run_values(parameters, context, method),
                              activity_factor=None if factor == 1.0 else f"{factor:.4f}"))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

    def run_values(self, parameters, context, method):
        """The parameters of this run as the record of the output keeps them (minutes, weights, field names)."""
        value = lambda name: self.parameterAsDouble(parameters, name, context)  # noqa: E731
        field = lambda name: self.parameterAsString(parameters, name, context) or None  # noqa: E731
        preset = self.preset(parameters, context, method)
        if method == APL:
            bands = list(zip(preset.bounds, preset.band_weights))
        elif method in (ENHANCED, THREE_STEP):
            bands = parse_bands(self.parameterAsString(parameters, BANDS, context))
        else:
            bands = None
        ages = parameter_as_strings(self, parameters, AGE_FIELDS, context)
        return {
            "algorithm": self.name(), "method": METHOD_NAMES[method],
            "profession": preset.id if preset else None,
            "bands": None if bands is None else ",".join(f"{bound:g}:{weight:.4g}" for bound, weight in bands),
            "cutoff_min": f"{value(CUTOFF):g}" if bands is None else None,
            "beta": f"{value(BETA):g}" if method == GRAVITY else None,
            "sigma_min": f"{value(SIGMA):g}" if method == GAUSSIAN else None,
            "scale": None if method == APL else f"{value(SCALE):g}",
            "supply_field": field(SUPPLY_FIELD) or "",
            "activity_field": (field(ACTIVITY_FIELD) or "") if preset and preset.id == "gp" else None,
            "age_weights": AGE_WEIGHT_YEARS[self.parameterAsEnum(parameters, AGE_WEIGHTS, context)] if ages else "",
            "same_commune": "yes" if field(DEMAND_CODE_FIELD) and field(SUPPLY_CODE_FIELD) else "no",
            "times": "table" if has_travel_table(self, parameters, context) else "network",
        }

    def preset(self, parameters, context, method):
        """The DREES profession preset of an APL run (core.professions), None for the other methods."""
        if method != APL:
            return None
        return professions.PROFESSIONS[PROFESSION_IDS[self.parameterAsEnum(parameters, PROFESSION, context)]]

    def decay(self, parameters, context, method, preset):
        """(search cutoff in minutes, weights function of minutes) for ``method`` (the APL: ``preset``'s bands)."""
        cutoff = self.parameterAsDouble(parameters, CUTOFF, context)
        if method == APL:
            return preset.cutoff, preset.weights
        if method in (ENHANCED, THREE_STEP):
            bands = parse_bands(self.parameterAsString(parameters, BANDS, context))
            return bands[-1][0], lambda minutes: accessibility.step_weights(minutes, bands)
        if not cutoff > 0:
            raise QgsProcessingException(tr("The cutoff must be more than 0 minutes."))
        if method == GRAVITY:
            beta = self.parameterAsDouble(parameters, BETA, context)
            return cutoff, lambda minutes: accessibility.gravity_weights(minutes, beta=beta, cutoff=cutoff)
        if method == GAUSSIAN:
            sigma = self.parameterAsDouble(parameters, SIGMA, context)
            if not sigma > 0:
                raise QgsProcessingException(tr("The Gaussian σ must be more than 0 minutes."))
            return cutoff, lambda minutes: accessibility.gaussian_weights(minutes, sigma=sigma, cutoff=cutoff)
        return cutoff, lambda minutes: accessibility.binary_weights(minutes, cutoff)

    @staticmethod
    def index(method, table, standardised, supply_amount, decay, preset, scale):
        """(index per ``scale`` inhabitants, the FCA result); the APL in its ``preset``'s unit."""
        if method == APL:
            return professions.apl_index(table, standardised, supply_amount, preset)
        if method == THREE_STEP:
            result = accessibility.three_step_fca(table, standardised, supply_amount, decay)
        else:
            result = accessibility.two_step_fca(table, standardised, supply_amount, decay)
        return result.index * scale, result

    def calibrate(self, parameters, context, feedback, crs, method, demand, index, standardised):
        """The factor of the consultations per GP that brings the mean APL to the published table's (1 without
        a table): matched by commune code, weighted by the standardised population."""
        source = self.parameterAsSource(parameters, CALIBRATION, context)
        if source is None or method != APL:
            return 1.0
        demand_field = self.parameterAsString(parameters, DEMAND_CODE_FIELD, context)
        code_field = self.parameterAsString(parameters, CALIBRATION_CODE_FIELD, context)
        index_field = self.parameterAsString(parameters, CALIBRATION_INDEX_FIELD, context)
        if not (demand_field and code_field and index_field):
            raise QgsProcessingException(tr(
                "Calibration on a published APL needs the demand commune code field, and the code and APL fields of "
                "the published table."))
        table = read_input(self, parameters, CALIBRATION, context, crs, tr("published APL"),
                           fields=[code_field, index_field], keep_features=False, feedback=feedback)
        codes = feature_ids(table, code_field)
        check_unique_ids(codes, code_field, tr("published APL"), tr("each commune needs one published APL"))
        published = pd.Series(read_numbers(table, index_field, tr("published APL")), index=codes)
        matched = pd.Series(code_column(demand, demand_field)).map(published).to_numpy(dtype=float)
        with core_errors():
            factor, units, theirs, ours = accessibility.calibration_factor(index, matched, standardised)
        feedback.pushInfo(tr(
            "Calibration: the consultations per GP are multiplied by {factor:.4f}, so that the mean APL of the "
            "{units} communes of the published table is its {theirs:.3f} (it was {ours:.3f}).").format(
            factor=factor, units=units, theirs=theirs, ours=ours))
        return factor

    @staticmethod
    def summarise(feedback, preset, index, population, standardised, result):
        mean = accessibility.population_weighted_mean(index, standardised)
        feedback.pushInfo(tr("Mean index weighted by standardised population: {mean:.3f} ({units} units, "
                             "{inhabitants:,.0f} inhabitants).").format(
            mean=mean, units=len(index), inhabitants=float(population.sum())))
        if preset is not None and preset.underserved is not None:
            below = accessibility.population_below(index, population, preset.underserved)
            feedback.pushInfo(tr("{people:,.0f} inhabitants ({share:.1%}) live where the APL is under {threshold:g} "
                                 "consultations per year.").format(
                people=below, share=below / population.sum() if population.sum() else 0.0,
                threshold=preset.underserved))
        unreached = int(np.count_nonzero(result.supply_unreached))
        if unreached:
            feedback.pushWarning(tr("{count} supply point(s) reach no demand unit within the time limit: their "
                                    "supply counts for nobody.").format(count=unreached))
        unserved = int(np.count_nonzero(result.demand_unserved))
        if unserved:
            feedback.pushInfo(tr("{count} demand unit(s) reach no supply (index 0).").format(count=unserved))


def read_column(data, field):
    """Values of ``field`` from the features read by read_places (all attributes are kept there)."""
    index = data.features[0].fields().indexOf(field)
    return [feature.attributes()[index] for feature in data.features]


def code_column(data, field):
    return ["" if is_null(value) else str(value) for value in read_column(data, field)]
