"""``medicaldeserts:nearestfacility``: for each demand unit, minutes to the nearest facility, its id, and how many
facilities lie within N minutes."""

import numpy as np
from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..i18n import tr
from .base import RunnableAlgorithm, check_cancel, core_errors, progress_callback
from .layers import new_feature
from .network_parameters import add_network_parameters, report_snapping, travel_engine, working_crs
from .places import place_source_parameter, polygon_point_parameter, read_places, warn_if_supply_stops_at_the_edge
from .qgis_compat import new_field
from .styles import LABEL_SCALE, GraduatedStyle, place_label, style_on_load

INPUT = "INPUT"
FACILITIES, FACILITY_ID_FIELD = "FACILITIES", "FACILITY_ID_FIELD"
MAX_TIME, COUNT_WITHIN = "MAX_TIME", "COUNT_WITHIN"
OUTPUT = "OUTPUT"


def count_field_name(minutes):
    """``n_within_30`` for 30 minutes, ``n_within_12_5`` for 12.5."""
    return "n_within_" + f"{minutes:g}".replace(".", "_")


class NearestFacilityAlgorithm(RunnableAlgorithm):
    def name(self):
        return "nearestfacility"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Nearest facility")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("Minutes from every commune or cell to its nearest facility, and how many are within a given time.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "For each demand unit (commune, grid cell, address point): the travel time in minutes to the nearest "
            "facility (e.g. GP practice), that facility's identifier, and the number of facilities within N "
            "minutes.\n\n"
            "Times go from the demand unit to the facility (one-way streets taken that way). The nearest facility "
            "is found for all units in a single multi-source search, so thousands of facilities cost no more than "
            "one. A unit with no facility within the search limit gets an empty time (never a made-up value).\n\n"
            "Polygons start from a point on their surface or their centroid; the output keeps their shapes. Inputs "
            "in any CRS are reprojected to the working CRS (EPSG:2154 by default).\n\n"
            "Output fields: nearest_min (minutes), nearest_id, n_within_N (count), access_m (metres from the unit "
            "to the road it starts on)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(place_source_parameter(INPUT, tr("Demand units (e.g. communes, grid cells)")))
        self.addParameter(place_source_parameter(FACILITIES, tr("Facilities (e.g. GP practices, MSP)")))
        self.addParameter(QgsProcessingParameterField(
            FACILITY_ID_FIELD, tr("Facility identifier field (default: feature id)"),
            parentLayerParameterName=FACILITIES, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            MAX_TIME, tr("Search limit (minutes)"), QgsProcessingParameterNumber.Type.Double, defaultValue=120.0))
        self.addParameter(QgsProcessingParameterNumber(
            COUNT_WITHIN, tr("Count facilities within (minutes; 0: no count)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=30.0))
        self.addParameter(polygon_point_parameter())
        add_network_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Nearest facility"), QgsProcessing.SourceType.TypeVectorAnyGeometry))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        max_time = self.parameterAsDouble(parameters, MAX_TIME, context)
        count_within = self.parameterAsDouble(parameters, COUNT_WITHIN, context)
        if not max_time > 0:
            raise QgsProcessingException(tr("The search limit must be more than 0 minutes."))
        if not count_within >= 0:
            raise QgsProcessingException(tr("The counting time must be 0 minutes (no count) or more."))
        demand, demand_xy, _ = read_places(self, parameters, context, feedback, crs, INPUT, None, tr("demand units"))
        facilities, facility_xy, facility_ids = read_places(
            self, parameters, context, feedback, crs, FACILITIES, FACILITY_ID_FIELD, tr("facilities"))
        count_name = count_field_name(count_within) if count_within else None  # 0: no count (a 200 m grid)
        fields = demand.features[0].fields()
        for name in ("nearest_min", "nearest_id", count_name, "access_m"):
            if name is None:
                continue
            if fields.indexOf(name) >= 0:
                raise QgsProcessingException(tr("The demand layer already has a field “{name}”: rename it first.")
                                             .format(name=name))
        warn_if_supply_stops_at_the_edge(feedback, demand_xy, facility_xy, max_time, tr("facilities"))
        check_cancel(feedback)
        feedback.setProgress(10)
        with core_errors():
            engine = travel_engine(self, parameters, context, feedback, crs)
            check_cancel(feedback)
            feedback.setProgress(25)
            minutes, nearest = engine.nearest(demand_xy, facility_xy, max_time, progress_callback(feedback, 25, 55))
            counts = engine.table(demand_xy, facility_xy, count_within,
                                  progress=progress_callback(feedback, 55, 90)).count_within(count_within) \
                if count_name else None
        report_snapping(engine, feedback, [(tr("demand units"), len(demand_xy)), (tr("facilities"), len(facility_xy))])
        access_m = engine.last_snap.distance_m[:len(demand_xy)] if engine.last_snap is not None else None
        self.summarise(feedback, minutes, count_within, counts)

        fields.append(new_field("nearest_min", "double"))
        fields.append(new_field("nearest_id", "string"))
        if count_name:
            fields.append(new_field(count_name, "int"))
        fields.append(new_field("access_m", "double"))
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, demand.wkb_type, crs)
        output = []
        for row, feature in enumerate(demand.features):
            reached = not np.isnan(minutes[row])
            added = [float(minutes[row]) if reached else None, facility_ids[nearest[row]] if reached else None]
            if count_name:
                added.append(int(counts[row]))
            added.append(float(access_m[row]) if access_m is not None and np.isfinite(access_m[row]) else None)
            output.append(new_feature(fields, feature.attributes() + added))
            output[-1].setGeometry(feature.geometry())
        sink.addFeatures(output, QgsFeatureSink.Flag.FastInsert)
        style_on_load(context, output_id, GraduatedStyle(
            "nearest_min", null_label=tr("No facility within {minutes:g} min").format(minutes=max_time),
            label=place_label(fields.names()), label_scale=LABEL_SCALE))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

    @staticmethod
    def summarise(feedback, minutes, count_within, counts):
        reached = minutes[~np.isnan(minutes)]
        feedback.pushInfo(tr("{reached} of {total} demand units reach a facility; median {median:.1f} min, "
                             "worst {worst:.1f} min.").format(
            reached=len(reached), total=len(minutes), median=float(np.median(reached)) if len(reached) else np.nan,
            worst=float(reached.max()) if len(reached) else np.nan))
        if counts is not None:
            feedback.pushInfo(tr("{none} have no facility within {within:g} min.").format(
                none=int((counts == 0).sum()), within=count_within))
