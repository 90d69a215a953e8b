"""``medicaldeserts:catchmentareas``: network isochrone polygons around health facilities, with the population
they hold."""

import numpy as np
import shapely
from qgis.core import (
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

from ..core.catchment import MODES, SHAPES, catchment_areas
from ..i18n import tr
from .base import RunnableAlgorithm, advanced, check_cancel, core_errors, explained, progress_callback, section
from .fields import (
    INHABITANT_UNITS, MINUTE_UNITS, choose_population_field, number_field_parameter, population_help, read_numbers,
)
from .layers import as_multipolygon, finite_or_none, new_feature, read_input
from .network_parameters import (
    ACCESS_SPEED,
    ROADS,
    SNAP_TOLERANCE,
    add_network_parameters,
    road_network,
    working_crs,
)
from .places import place_source_parameter, polygon_point_parameter, read_places
from .qgis_compat import new_field
from .styles import GraduatedStyle, band_classes, style_on_load

INPUT, FACILITY_ID_FIELD = "INPUT", "FACILITY_ID_FIELD"
BANDS, DELAY_FIELD, MAX_TIME_FIELD = "BANDS", "DELAY_FIELD", "MAX_TIME_FIELD"
MODE, RINGS, DIRECTION = "MODE", "RINGS", "DIRECTION"
SHAPE, BUFFER_WIDTH, CONCAVE_RATIO = "SHAPE", "BUFFER_WIDTH", "CONCAVE_RATIO"
POPULATION, POPULATION_FIELD, POPULATION_COUNTING = "POPULATION", "POPULATION_FIELD", "POPULATION_COUNTING"
OUTPUT = "OUTPUT"

#: Directions in the order of the DIRECTION parameter: a patient's trip to the facility first (the default).
DIRECTION_CHOICES = ("inbound", "outbound")


def parse_bands(text):
    """``"10, 15,20 30"`` -> [10.0, 15.0, 20.0, 30.0] (minutes, strictly increasing, positive)."""
    pieces = text.replace(";", ",").replace(",", " ").split()
    if not pieces:
        raise QgsProcessingException(tr("Give at least one band in minutes, e.g. 10,15,20,30."))
    try:
        bands = [float(piece) for piece in pieces]
    except ValueError as error:
        raise QgsProcessingException(tr("The bands must be numbers of minutes separated by commas, e.g. "
                                        "10,15,20,30; got “{text}”.").format(text=text)) from error
    if not all(np.isfinite(band) and band > 0 for band in bands):
        raise QgsProcessingException(tr("Every band must be more than 0 minutes; got “{text}”.").format(text=text))
    if any(later <= earlier for earlier, later in zip(bands, bands[1:])):
        raise QgsProcessingException(tr("The bands must be strictly increasing, e.g. 10,15,20,30; got “{text}”.")
                                     .format(text=text))
    return bands


class CatchmentAreasAlgorithm(RunnableAlgorithm):
    def name(self):
        return "catchmentareas"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Catchment areas (isochrones)")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("10/15/20/30-minute catchment areas of health facilities over the road network, with the "
                  "population inside.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Polygons of the area reached from (or reaching) each health facility within each time band, e.g. "
            "10, 15, 20 and 30 minutes, over the road network, and the population living inside.\n\n"
            "How the polygons are drawn. Road corridors (default): every road reached within the band is kept up "
            "to the exact point where the time runs out (the last road piece is cut by interpolation along it), "
            "then buffered by the corridor half-width and dissolved. The polygon follows the roads and never covers "
            "a valley that no road reaches in time; blocks between roads wider than twice the width stay as "
            "holes. Concave hull: a smoother envelope of the same reached points (concave ratio: 0 tightest, 1 "
            "convex hull); lighter to draw, but it may cover land between roads that is not reached.\n\n"
            "Overlap modes. Overlap: one polygon per facility and band (neighbours' polygons overlap). Dissolve: "
            "one polygon per band for all facilities together. Split: areas of responsibility, every place going "
            "to the facility that reaches it first; polygons never overlap and add up to the dissolved ones.\n\n"
            "Bands are disks (0–15, 0–20 min) or, with rings, the differences (10–15, 15–20 min). A delay field "
            "adds minutes at the start for each facility (waiting, opening); a maximum time field caps a "
            "facility's own reach. Direction: to the facility (a patient's trip, default) or from it (home "
            "visits); they differ only on one-way streets.\n\n"
            "Population: points (addresses, cells' centres) count where they fall; polygons count in proportion to "
            "their area inside (right for 200 m cells; road corridors cover a small share of a large commune, so "
            "count communes whole where their point on surface falls).\n\n"
            "Output fields: facility_id (empty in dissolve mode), band_min, lower_min, area_km2, population, "
            "share_pct (percent of the population layer's total). A road network layer is needed."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(section(tr("Facilities and bands"), place_source_parameter(
            INPUT, tr("Facilities (e.g. MSP, centres de santé, GP practices)"))))
        self.addParameter(QgsProcessingParameterField(
            FACILITY_ID_FIELD, tr("Facility identifier field (default: feature id)"),
            parentLayerParameterName=INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(BANDS, tr("Bands (minutes, comma-separated)"),
                                                       defaultValue="10,15,20,30"))
        self.addParameter(QgsProcessingParameterEnum(
            MODE, tr("Overlap mode"), options=[
                tr("Overlap: one polygon per facility and band"),
                tr("Dissolve: one polygon per band for all facilities"),
                tr("Split: areas of responsibility (nearest facility)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(RINGS, tr("Rings (10–15, 15–20 …) instead of disks"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            DIRECTION, tr("Direction of travel"),
            options=[tr("To the facility (patients)"), tr("From the facility (home visits)")], defaultValue=0))
        self.addParameter(section(tr("Population inside (optional)"), QgsProcessingParameterFeatureSource(
            POPULATION, tr("Population (points or polygons)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True)))
        self.addParameter(explained(number_field_parameter(
            POPULATION_FIELD, tr("Population field (inhabitants)"), POPULATION), population_help()))
        self.addParameter(QgsProcessingParameterEnum(
            POPULATION_COUNTING, tr("Population polygons count"), options=[
                tr("By the share of their area inside (200 m cells, IRIS)"),
                tr("Whole, where their point on surface falls (communes)")], defaultValue=0))
        self.addParameter(section(tr("Facilities and bands"), advanced(number_field_parameter(
            DELAY_FIELD, tr("Delay at the start field (minutes)"), INPUT))))
        self.addParameter(advanced(number_field_parameter(
            MAX_TIME_FIELD, tr("Maximum time field (minutes)"), INPUT)))
        self.addParameter(section(tr("Polygon shape"), advanced(QgsProcessingParameterEnum(
            SHAPE, tr("Polygon shape"), options=[tr("Road corridors (exact)"), tr("Concave hull (smoother)")],
            defaultValue=0))))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            BUFFER_WIDTH, tr("Corridor half-width (metres)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=200.0, minValue=0.0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            CONCAVE_RATIO, tr("Concave hull ratio (0 tightest … 1 convex)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.3, minValue=0.0, maxValue=1.0)))
        self.addParameter(polygon_point_parameter())
        add_network_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Catchment areas"), QgsProcessing.SourceType.TypeVectorPolygon))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        bands = parse_bands(self.parameterAsString(parameters, BANDS, context))
        mode = MODES[self.parameterAsEnum(parameters, MODE, context)]
        rings = self.parameterAsBoolean(parameters, RINGS, context)
        direction = DIRECTION_CHOICES[self.parameterAsEnum(parameters, DIRECTION, context)]
        shape = SHAPES[self.parameterAsEnum(parameters, SHAPE, context)]
        buffer_m = self.parameterAsDouble(parameters, BUFFER_WIDTH, context)
        if not buffer_m > 0:
            raise QgsProcessingException(tr("The corridor half-width must be more than 0 metres."))
        if self.parameterAsSource(parameters, ROADS, context) is None:
            raise QgsProcessingException(tr("Catchment areas are drawn from the roads: give a road network layer."))

        facilities, facility_xy, facility_ids = read_places(
            self, parameters, context, feedback, crs, INPUT, FACILITY_ID_FIELD, tr("facilities"))
        delay = self.facility_minutes(parameters, context, facilities, DELAY_FIELD, tr("delay"), 0.0)
        max_minutes = self.facility_minutes(parameters, context, facilities, MAX_TIME_FIELD, tr("maximum time"),
                                            np.inf)
        population, counts = self.read_population(parameters, context, feedback, crs)
        check_cancel(feedback)
        feedback.setProgress(5)
        with core_errors():
            network = road_network(self, parameters, context, feedback, crs)
            check_cancel(feedback)
            feedback.setProgress(20)
            snap = self.parameterAsDouble(parameters, SNAP_TOLERANCE, context)
            areas = catchment_areas(
                network, facility_xy, bands, mode=mode, rings=rings, direction=direction, delay_minutes=delay,
                max_minutes=max_minutes, access_speed_kmh=self.parameterAsDouble(parameters, ACCESS_SPEED, context),
                max_snap_m=snap if snap > 0 else None, buffer_m=buffer_m, shape=shape,
                concave_ratio=self.parameterAsDouble(parameters, CONCAVE_RATIO, context),
                population=population, population_counts=counts, progress=progress_callback(feedback, 20, 95))
        self.report(feedback, areas, facility_ids, len(facility_xy))

        fields = QgsFields()
        for name, kind in (("facility_id", "string"), ("band_min", "double"),
                           ("lower_min", "double"), ("area_km2", "double"),
                           ("population", "double"), ("share_pct", "double")):
            fields.append(new_field(name, kind))
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs)
        output = []
        for row in areas.itertuples(index=False):
            output.append(new_feature(fields, [
                facility_ids[row.facility] if row.facility >= 0 else None, float(row.band), float(row.lower),
                float(row.area_km2), finite_or_none(row.population), finite_or_none(100.0 * row.share),
            ], shapely.to_wkb(as_multipolygon(row.geometry))))
        sink.addFeatures(output, QgsFeatureSink.Flag.FastInsert)
        style_on_load(context, output_id, GraduatedStyle("band_min", band_classes(bands), opacity=0.45,
                                                         larger_first=True,
                                                         aliases={"share_pct": tr("Share of the population (%)")}))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

    def facility_minutes(self, parameters, context, facilities, field_parameter, what, default):
        """Minutes per facility from an optional field (NULL -> ``default``), or None without a field."""
        field = self.parameterAsString(parameters, field_parameter, context)
        if not field:
            return None
        values = read_numbers(facilities, field, what, MINUTE_UNITS)
        return np.where(np.isnan(values), default, values)

    def read_population(self, parameters, context, feedback, crs):
        """Population geometries (shapely) and counts (inhabitants), or (None, None) without a population layer."""
        source = self.parameterAsSource(parameters, POPULATION, context)
        if source is None:
            return None, None
        label = tr("population")
        field = choose_population_field(self, parameters, POPULATION_FIELD, context, source.fields().names(), label,
                                        feedback)
        data = read_input(self, parameters, POPULATION, context, crs, label, fields=[field], keep_features=False,
                          feedback=feedback)
        counts = read_numbers(data, field, label, INHABITANT_UNITS)
        geometries = data.geometries
        present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries)) & ~np.isnan(counts)
        if (~present).any():
            feedback.pushWarning(tr("{count} population feature(s) without geometry or count are left out.")
                                 .format(count=int((~present).sum())))
        geometries = geometries[present]
        invalid = ~shapely.is_valid(geometries)
        if invalid.any():
            feedback.pushWarning(tr("{count} invalid population polygon(s) repaired.").format(count=int(invalid.sum())))
            geometries = geometries.copy()
            geometries[invalid] = shapely.make_valid(geometries[invalid])
        if self.parameterAsEnum(parameters, POPULATION_COUNTING, context) == 1:
            geometries = shapely.point_on_surface(geometries)
        return geometries, counts[present]

    @staticmethod
    def report(feedback, areas, facility_ids, n_facilities):
        off = areas.attrs["off_network"]
        if len(off):
            feedback.pushWarning(tr("{count} of {total} facilities are farther from any road than the snap "
                                    "tolerance and get no area: {ids}.").format(
                count=len(off), total=n_facilities, ids=", ".join(facility_ids[i] for i in off[:10])))
        has_population = np.isfinite(areas.attrs["total_population"])
        for band, rows in areas.groupby("band", sort=True):
            if areas.attrs["mode"] == "overlap":  # polygons overlap: per facility, not a total
                text = tr("{band:g} min: median {area:,.1f} km² per facility").format(
                    band=band, area=float(rows.area_km2.median()))
                if has_population:
                    text += tr(", median {population:,.0f} inhabitants").format(
                        population=float(rows.population.median()))
            else:
                text = tr("{band:g} min: {area:,.1f} km² in all").format(band=band, area=float(rows.area_km2.sum()))
                if has_population:
                    text += tr(", {population:,.0f} inhabitants ({share:.1%})").format(
                        population=float(rows.population.sum()), share=float(rows.share.sum()))
            feedback.pushInfo(text)
