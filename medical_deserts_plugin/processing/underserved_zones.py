"""``medicaldeserts:underservedzones``: underserved classes, the contiguous zones they form, and Gi* hot spots."""

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core import zones
from ..core.professions import PROFESSIONS
from ..i18n import tr, user_language
from .accessibility_index import PROFESSION_IDS, profession_names
from .base import RunnableAlgorithm, advanced, check_cancel, core_errors, explained, section
from .fields import (
    INHABITANT_UNITS, MINUTE_UNITS, choose_population_field, field_values, number_field_parameter, population_help,
    read_numbers,
)
from .layers import as_multipolygon, finite_or_none, is_null, new_feature, read_layer
from .network_parameters import working_crs, working_crs_parameter
from .qgis_compat import new_field
from .styles import LABEL_SCALE, CategorisedStyle, place_label, style_on_load

INPUT, INDEX_FIELD, TIME_FIELD = "INPUT", "INDEX_FIELD", "TIME_FIELD"
POPULATION_FIELD, STD_POPULATION_FIELD = "POPULATION_FIELD", "STD_POPULATION_FIELD"
RULE, UNDERSERVED, VIGILANCE, ISOLATED = "RULE", "UNDERSERVED", "VIGILANCE", "ISOLATED"
PROFESSION = "PROFESSION"
#: defaults of the thresholds: the GPs' zoning (APL under 2.5: ZIP; 2.5-4: vigilance)
GP_UNDERSERVED, GP_VIGILANCE = PROFESSIONS["gp"].underserved, PROFESSIONS["gp"].vigilance
CONTIGUITY, TOLERANCE, MERGE_CLASSES, MIN_POPULATION = "CONTIGUITY", "TOLERANCE", "MERGE_CLASSES", "MIN_POPULATION"
ZRR_FIELD, ZRR_VALUES, QPV = "ZRR_FIELD", "ZRR_VALUES", "QPV"
HOTSPOTS, DISTANCE_BAND, FDR, ALPHA, LANGUAGE = "HOTSPOTS", "DISTANCE_BAND", "FDR", "ALPHA", "LANGUAGE"
OUTPUT, OUTPUT_ZONES, OUTPUT_SUMMARY = "OUTPUT", "OUTPUT_ZONES", "OUTPUT_SUMMARY"

UNIT_FIELDS = (("class_code", "int"), ("class_label", "string"), ("zone_id", "int"),
               ("gi_star", "double"), ("gi_p", "double"), ("hotspot", "string"))
ZONE_FIELDS = (("zone_id", "int"), ("class_code", "int"), ("class_label", "string"),
               ("n_units", "int"), ("population", "double"), ("pop_below", "double"),
               ("mean_index", "double"), ("worst_index", "double"), ("mean_min", "double"),
               ("zrr_pct", "double"), ("qpv_pct", "double"), ("small", "bool"))
LANGUAGES = ("fr", "en")

#: Class colours: served green, vigilance yellow, underserved red, isolated purple, both dark red, no data grey.
CLASS_COLOURS = {zones.NO_DATA: "#bdbdbd", zones.SERVED: "#a6d96a", zones.VIGILANCE: "#fee08b",
                 zones.UNDERSERVED: "#f46d43", zones.ISOLATED: "#9e9ac8", zones.UNDERSERVED_ISOLATED: "#a50026"}


def rule_labels():
    return [tr("Index under the threshold"), tr("More than N minutes from a GP"),
            tr("Either (index or time)"), tr("Both (index and time)")]


class UnderservedZonesAlgorithm(RunnableAlgorithm):
    def name(self):
        return "underservedzones"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Underserved zones")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("Underserved communes (APL under 2.5, far from a GP), the contiguous zones they form and "
                  "their population.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Classes every unit (commune, cell) by its accessibility index (e.g. the APL from “Accessibility "
            "index”, or the DREES APL joined to communes) and its time to the nearest GP (from “Nearest "
            "facility”): underserved under the threshold (2.5, priority zone ZIP), vigilance band (2.5–4, ZAC), "
            "isolated beyond N minutes (30), or both.\n\n"
            "Units of a problem class that touch (queen: a shared point; rook: a shared edge; a tolerance for "
            "slivers) form zones; each zone gets its units, population, mean index weighted by standardised "
            "population (DREES rule), worst index, mean time to the nearest GP and, when given, its share in "
            "ZRR/FRR and in QPV (zrr_pct, qpv_pct: percent of its population). Counts of people under the threshold use the plain population.\n\n"
            "Hot spots: Getis-Ord Gi* of the index on the same contiguity (or a distance band), with an optional "
            "false-discovery-rate correction; a cold spot is a cluster of low access.\n\n"
            "Outputs: the units with class, zone and Gi*; the zones as polygons; a summary table (one row per "
            "zone and a total row)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(section(tr("Units and their fields"), QgsProcessingParameterFeatureSource(
            INPUT, tr("Units with an accessibility index (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon])))
        self.addParameter(number_field_parameter(
            INDEX_FIELD, tr("Accessibility index field (e.g. access_index, APL)"), INPUT))
        self.addParameter(number_field_parameter(
            TIME_FIELD, tr("Minutes to the nearest GP field (e.g. nearest_min)"), INPUT))
        self.addParameter(explained(number_field_parameter(
            POPULATION_FIELD, tr("Population field (inhabitants)"), INPUT), population_help()))
        self.addParameter(number_field_parameter(
            STD_POPULATION_FIELD, tr("Standardised population field (e.g. pop_std; weights the mean index)"), INPUT))
        self.addParameter(section(tr("Classes"), QgsProcessingParameterEnum(
            RULE, tr("A unit is a problem when"), options=rule_labels(), defaultValue=2)))
        self.addParameter(explained(QgsProcessingParameterEnum(
            PROFESSION, tr("Profession of the APL (its official thresholds)"), options=profession_names(),
            defaultValue=0), tr("GPs: 2.5 and 4 consultations (the zoning's ZIP and vigilance). No official zoning "
                                "sets an APL threshold for the other professions: give yours below.")))
        self.addParameter(QgsProcessingParameterNumber(
            UNDERSERVED, tr("Underserved under (index)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=GP_UNDERSERVED))
        self.addParameter(QgsProcessingParameterNumber(
            VIGILANCE, tr("Vigilance up to (index)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=GP_VIGILANCE))
        self.addParameter(QgsProcessingParameterNumber(
            ISOLATED, tr("Isolated beyond (minutes to the nearest GP)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=30.0, minValue=0.0))
        self.addParameter(section(tr("Zones"), QgsProcessingParameterEnum(
            CONTIGUITY, tr("Neighbours"), options=[tr("Queen (a shared point)"), tr("Rook (a shared edge)")],
            defaultValue=0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            TOLERANCE, tr("Contiguity tolerance for slivers and gaps (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.0, minValue=0.0)))
        self.addParameter(QgsProcessingParameterBoolean(
            MERGE_CLASSES, tr("Merge touching units of different problem classes into one zone"), defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            MIN_POPULATION, tr("Smallest zone population kept (inhabitants; 0 = all)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(section(tr("Rural zoning and priority neighbourhoods"), QgsProcessingParameterField(
            ZRR_FIELD, tr("ZRR / FRR classification field"), parentLayerParameterName=INPUT, optional=True)))
        self.addParameter(advanced(QgsProcessingParameterString(
            ZRR_VALUES, tr("Values meaning classified (comma separated)"), defaultValue="C,P,1,true,oui,yes")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            QPV, tr("QPV polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(section(tr("Hot and cold spots"), QgsProcessingParameterBoolean(
            HOTSPOTS, tr("Hot spots (Getis-Ord Gi*)"), defaultValue=True)))
        self.addParameter(section(tr("Hot and cold spots"), advanced(QgsProcessingParameterNumber(
            DISTANCE_BAND, tr("Gi* distance band (m; 0 = the contiguity above)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0))))
        self.addParameter(advanced(QgsProcessingParameterBoolean(
            FDR, tr("False-discovery-rate correction of Gi* p-values"), defaultValue=False)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            ALPHA, tr("Significance level"), QgsProcessingParameterNumber.Type.Double, defaultValue=0.05, minValue=0.0,
            maxValue=1.0)))
        self.addParameter(section(tr("Output"), QgsProcessingParameterEnum(
            LANGUAGE, tr("Labels in"), options=["Français", "English"], defaultValue=0)))
        self.addParameter(working_crs_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Units by class"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_ZONES, tr("Underserved zones"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_SUMMARY, tr("Zone summary"), QgsProcessing.SourceType.TypeVector))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        language = LANGUAGES[self.parameterAsEnum(parameters, LANGUAGE, context)]
        index_field, time_field, population_field, std_field, zrr_field = (
            self.parameterAsString(parameters, name, context)
            for name in (INDEX_FIELD, TIME_FIELD, POPULATION_FIELD, STD_POPULATION_FIELD, ZRR_FIELD))
        if not index_field and not time_field:
            raise QgsProcessingException(tr("Give an accessibility index field, a time field, or both."))
        underserved, vigilance = self.thresholds(parameters, context, index_field)
        if not underserved <= vigilance:
            raise QgsProcessingException(tr("The vigilance threshold ({vigilance:g}) must be at least the underserved "
                                            "threshold ({underserved:g}).").format(vigilance=vigilance,
                                                                                  underserved=underserved))
        source = self.parameterAsSource(parameters, INPUT, context)
        # Invalid polygons are repaired (make_valid) and reported by the zones core, not refused.
        units = read_layer(source, crs, context, tr("units"), feedback=feedback,
                           check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        for name, _ in UNIT_FIELDS:
            if units.features[0].fields().indexOf(name) >= 0:
                raise QgsProcessingException(tr("The units layer already has a field “{name}”: rename it first.")
                                             .format(name=name))
        population_field = choose_population_field(self, parameters, POPULATION_FIELD, context,
                                                   units.features[0].fields().names(), tr("units"), feedback)
        index = read_numbers(units, index_field, tr("index"), negative=True) if index_field else None
        minutes = read_numbers(units, time_field, tr("time"), MINUTE_UNITS) if time_field else None
        population = np.nan_to_num(read_numbers(units, population_field, tr("population"), INHABITANT_UNITS))
        standardised = np.nan_to_num(read_numbers(units, std_field, tr("population"), INHABITANT_UNITS)) \
            if std_field else None
        check_neighbour_distances(units.geometries, self.parameterAsDouble(parameters, TOLERANCE, context),
                                  self.parameterAsDouble(parameters, DISTANCE_BAND, context))
        rule = zones.RULES[self.parameterAsEnum(parameters, RULE, context)]
        if rule != "index" and minutes is None or rule != "time" and index is None:
            rule = "index" if minutes is None else "time"
            feedback.pushInfo(tr("Only one criterion given: the rule used is “{rule}”.").format(rule=rule))
        check_cancel(feedback)
        with core_errors():
            classes = zones.classify(
                index, minutes, rule=rule, underserved=underserved, vigilance=vigilance,
                isolated_minutes=self.parameterAsDouble(parameters, ISOLATED, context))
            feedback.setProgress(10)
            contiguity = zones.contiguity(
                units.geometries, rule=("queen", "rook")[self.parameterAsEnum(parameters, CONTIGUITY, context)],
                tolerance=self.parameterAsDouble(parameters, TOLERANCE, context))
            for line in contiguity.report():
                feedback.pushWarning(line)
            check_cancel(feedback)
            feedback.setProgress(50)
            found = zones.find_zones(
                classes, contiguity.matrix, population, index=index, standardised_population=standardised,
                minutes=minutes, zrr=self.zrr_flags(parameters, context, units, zrr_field),
                qpv_fraction=self.qpv_fraction(parameters, context, units, crs, feedback),
                polygons=units.geometries,
                merge_problem_classes=self.parameterAsBoolean(parameters, MERGE_CLASSES, context),
                min_population=self.parameterAsDouble(parameters, MIN_POPULATION, context), drop_small=True,
                threshold=underserved)
            for line in found.notes:
                feedback.pushInfo(line)
            feedback.setProgress(75)
            hot = self.hot_spots(parameters, context, units, index, contiguity) \
                if index is not None and self.parameterAsBoolean(parameters, HOTSPOTS, context) else None
        self.summarise(feedback, classes, found, population, language)
        return self.write(parameters, context, crs, units, classes, found, hot, language)

    def thresholds(self, parameters, context, index_field):
        """(underserved, vigilance) thresholds of the index: those given, the profession's official ones when the
        GPs' defaults are left (core.professions); refused for a profession no zoning gives one."""
        values = tuple(self.parameterAsDouble(parameters, name, context) for name in (UNDERSERVED, VIGILANCE))
        choice = self.parameterAsEnum(parameters, PROFESSION, context)
        preset = PROFESSIONS[PROFESSION_IDS[choice]]
        if not index_field or values != (GP_UNDERSERVED, GP_VIGILANCE):
            return values
        if preset.underserved is None:
            raise QgsProcessingException(tr(
                "No official zoning sets an APL threshold for {name} (the ARS rank the territories by their APL): "
                "give the underserved and vigilance thresholds, in FTE per 100,000 inhabitants.").format(
                name=profession_names()[choice].lower()))
        return preset.underserved, preset.vigilance

    def zrr_flags(self, parameters, context, units, field):
        if not field:
            return None
        accepted = {value.strip().lower() for value in
                    self.parameterAsString(parameters, ZRR_VALUES, context).split(",") if value.strip()}
        return np.array([not is_null(value) and str(value).strip().lower() in accepted
                         for value in field_values(units, field)])

    def qpv_fraction(self, parameters, context, units, crs, feedback):
        """Share of each unit's area inside a QPV (0-1), or None without a QPV layer."""
        source = self.parameterAsSource(parameters, QPV, context)
        if source is None:
            return None
        qpv = read_layer(source, crs, context, tr("QPV"), keep_features=False, feedback=feedback,
                         check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        union = shapely.union_all(shapely.make_valid(qpv.geometries[~shapely.is_missing(qpv.geometries)]))
        geometries = shapely.make_valid(units.geometries)
        area = shapely.area(geometries)
        inside = shapely.area(shapely.intersection(geometries, union))
        return np.divide(inside, area, out=np.zeros_like(area), where=area > 0)

    def hot_spots(self, parameters, context, units, index, contiguity):
        band = self.parameterAsDouble(parameters, DISTANCE_BAND, context)
        weights = zones.distance_band_weights(units.geometries, band) if band > 0 \
            else zones.contiguity_weights(contiguity.matrix)
        return zones.getis_ord_gi_star(index, weights, alpha=self.parameterAsDouble(parameters, ALPHA, context),
                                       fdr=self.parameterAsBoolean(parameters, FDR, context))

    @staticmethod
    def summarise(feedback, classes, found, population, language):
        labels = dict(zip(zones.CLASS_LABELS, zones.class_labels(list(zones.CLASS_LABELS), language)))
        for code in zones.CLASS_LABELS:
            members = classes == code
            if members.any():
                feedback.pushInfo(tr("{label}: {units} unit(s), {people:,.0f} inhabitants.").format(
                    label=labels[code], units=int(members.sum()), people=float(population[members].sum())))
        table = found.table
        feedback.pushInfo(tr("{zones} zone(s): {units} unit(s), {people:,.0f} inhabitants ({share:.1%} of the "
                             "territory).").format(
            zones=len(table), units=int(table["n_units"].sum()), people=float(table["population"].sum()),
            share=float(table["population"].sum()) / found.total_population if found.total_population else 0.0))
        if found.dropped_small:
            feedback.pushInfo(tr("{count} zone(s) under the smallest population left out.").format(
                count=found.dropped_small))

    def write(self, parameters, context, crs, units, classes, found, hot, language):
        labels = zones.class_labels(classes, language)
        fields = units.features[0].fields()
        for name, kind in UNIT_FIELDS:
            fields.append(new_field(name, kind))
        sink, units_id = self.parameterAsSink(parameters, OUTPUT, context, fields, units.wkb_type, crs)
        output = []
        for row, feature in enumerate(units.features):
            extra = [int(classes[row]), labels[row], int(found.unit_zone[row]) or None]
            extra += [None, None, None] if hot is None else [
                finite_or_none(hot["gi_star"].iat[row]), finite_or_none(hot["p_adjusted"].iat[row]), hot["category"].iat[row]]
            output.append(new_feature(fields, feature.attributes() + extra))
            output[-1].setGeometry(feature.geometry())
        sink.addFeatures(output, QgsFeatureSink.Flag.FastInsert)
        legend = "fr" if user_language() == "fr" else "en"  # the legend speaks the UI's language, not the fields'
        style_on_load(context, units_id, CategorisedStyle("class_code", class_categories(legend),
                                                          label=place_label(fields.names()), label_scale=LABEL_SCALE))

        zone_fields = QgsFields()
        for name, kind in ZONE_FIELDS:
            zone_fields.append(new_field(name, kind))
        zone_sink, zones_id = self.parameterAsSink(parameters, OUTPUT_ZONES, context, zone_fields,
                                                   QgsWkbTypes.Type.MultiPolygon, crs)
        table = found.table
        zone_labels = zones.class_labels(table["class_code"].to_numpy(), language) if len(table) else []
        wkb = [shapely.to_wkb(as_multipolygon(geometry)) for geometry in found.geometry]
        zone_sink.addFeatures([new_feature(zone_fields, [
            int(zone), int(row.class_code), zone_labels[i], int(row.n_units), float(row.population),
            finite_or_none(row.population_below), finite_or_none(row.mean_index), finite_or_none(row.worst_index), finite_or_none(row.mean_minutes),
            finite_or_none(100.0 * row.zrr_share), finite_or_none(100.0 * row.qpv_share), bool(row.small)], wkb[i])
            for i, (zone, row) in enumerate(table.iterrows())], QgsFeatureSink.Flag.FastInsert)
        style_on_load(context, zones_id, CategorisedStyle("class_code", class_categories(legend),
                                                          label=zone_population_label(legend),
                                                          aliases=zone_aliases()))

        summary = zones.zone_summary(found, language)
        summary_fields = QgsFields()
        for name in summary.columns:
            kind = "string" if summary[name].dtype == object else "double"
            summary_fields.append(new_field(name, kind))
        summary_sink, summary_id = self.parameterAsSink(parameters, OUTPUT_SUMMARY, context, summary_fields,
                                                        QgsWkbTypes.Type.NoGeometry, crs)
        summary_sink.addFeatures([new_feature(summary_fields, [
            value if isinstance(value, str) else finite_or_none(value) for value in row])
            for row in summary.itertuples(index=False)], QgsFeatureSink.Flag.FastInsert)
        return {OUTPUT: units_id, OUTPUT_ZONES: zones_id, OUTPUT_SUMMARY: summary_id}


def check_neighbour_distances(geometries, tolerance, band):
    """Refuse neighbour distances (m) that make every unit a neighbour of far ones. The rules: the contiguity
    tolerance (for slivers and gaps) must stay under the median width of the units (square root of their area),
    and the Gi* distance band under the diagonal of the layer's extent (a wider band makes every unit the
    neighbour of every other, and Gi* says nothing)."""
    present = geometries[~shapely.is_missing(geometries)]
    width = float(np.median(np.sqrt(shapely.area(present)))) if len(present) else 0.0
    if tolerance > 0 and tolerance >= width:
        raise QgsProcessingException(tr(
            "The contiguity tolerance ({tolerance:g} m) is not under the median width of the units ({width:.3g} m): "
            "units that do not touch would be neighbours. It is meant for slivers and gaps of a few metres.").format(
            tolerance=tolerance, width=width))
    west, south, east, north = shapely.total_bounds(present)
    diagonal = float(np.hypot(east - west, north - south))
    if band > 0 and band >= diagonal:
        raise QgsProcessingException(tr(
            "The Gi* distance band ({band:g} m) covers the whole layer (its extent is {diagonal:.3g} m across): every "
            "unit would be the neighbour of every other. Choose a band of a few units' widths, or 0 for the "
            "contiguity.").format(band=band, diagonal=diagonal))


def zone_aliases():
    """Aliases of the zones' percentage fields, in the UI's language."""
    return {"zrr_pct": tr("Population in ZRR / FRR (%)"), "qpv_pct": tr("Population in QPV (%)")}


def zone_population_label(language):
    """Label expression of a zone: its population, in inhabitants, in the legend's language."""
    unit = "hab." if language == "fr" else "inhabitants"
    return "format_number(\"population\", 0) || ' {unit}'".format(unit=unit)


def class_categories(language):
    return [(code, CLASS_COLOURS[code], label) for code, label in
            zip(zones.CLASS_LABELS, zones.class_labels(list(zones.CLASS_LABELS), language))]
