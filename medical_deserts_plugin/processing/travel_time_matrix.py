"""``medicaldeserts:traveltimematrix``: origins x destinations travel times within a cutoff, optional k nearest."""

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..i18n import tr
from .base import RunnableAlgorithm, check_cancel, core_errors, progress_callback
from .fields import repeated_ids
from .layers import new_feature
from .network_parameters import add_network_parameters, report_snapping, travel_engine, working_crs
from .places import place_source_parameter, polygon_point_parameter, read_places
from .qgis_compat import new_field
from .styles import GraduatedStyle, style_on_load

ORIGINS, ORIGIN_ID_FIELD = "ORIGINS", "ORIGIN_ID_FIELD"
DESTINATIONS, DESTINATION_ID_FIELD = "DESTINATIONS", "DESTINATION_ID_FIELD"
CUTOFF, K_NEAREST = "CUTOFF", "K_NEAREST"
OUTPUT, OUTPUT_LINES = "OUTPUT", "OUTPUT_LINES"


def pair_fields():
    fields = QgsFields()
    fields.append(new_field("origin_id", "string"))
    fields.append(new_field("destination_id", "string"))
    fields.append(new_field("minutes", "double"))
    fields.append(new_field("rank", "int"))
    return fields


class TravelTimeMatrixAlgorithm(RunnableAlgorithm):
    def name(self):
        return "traveltimematrix"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Travel-time matrix")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("Minutes over the road network from every origin to every destination within a cutoff, as "
                  "a table (and lines).")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Travel time in minutes from every origin to every destination reachable within the cutoff, over the "
            "road network (or in a straight line with a detour factor when no road layer is given).\n\n"
            "Pairs beyond the cutoff, or that cannot be reached (roads not connected, place too far from any road), "
            "are simply absent: there is never a made-up value. With “k nearest”, each origin keeps only its k "
            "nearest destinations; “rank” is 1 for the nearest.\n\n"
            "Polygons (communes, grid cells) start from a point on their surface or their centroid. A place joins "
            "the nearest road at its nearest point, through a straight access leg at the access speed. Inputs in "
            "any CRS are reprojected to the working CRS (EPSG:2154 by default).\n\n"
            "Output: a table origin_id, destination_id, minutes, rank; optionally the same as straight lines, to "
            "draw. The table can be reused by the accessibility algorithms instead of the road network."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(place_source_parameter(ORIGINS, tr("Origins (e.g. communes, grid cells)")))
        self.addParameter(QgsProcessingParameterField(
            ORIGIN_ID_FIELD, tr("Origin identifier field (default: feature id)"), parentLayerParameterName=ORIGINS,
            optional=True))
        self.addParameter(place_source_parameter(DESTINATIONS, tr("Destinations (e.g. GP practices)")))
        self.addParameter(QgsProcessingParameterField(
            DESTINATION_ID_FIELD, tr("Destination identifier field (default: feature id)"),
            parentLayerParameterName=DESTINATIONS, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            CUTOFF, tr("Cutoff (minutes)"), QgsProcessingParameterNumber.Type.Double, defaultValue=60.0))
        self.addParameter(QgsProcessingParameterNumber(
            K_NEAREST, tr("Keep only the k nearest destinations of each origin (0 = all)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0))
        self.addParameter(polygon_point_parameter())
        add_network_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Travel-time table"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_LINES, tr("Travel-time lines"), QgsProcessing.SourceType.TypeVectorLine, optional=True,
            createByDefault=False))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        cutoff = self.parameterAsDouble(parameters, CUTOFF, context)
        if not cutoff > 0:
            raise QgsProcessingException(tr("The cutoff must be more than 0 minutes."))
        k = self.parameterAsInt(parameters, K_NEAREST, context)
        origins, origin_xy, origin_ids = read_places(
            self, parameters, context, feedback, crs, ORIGINS, ORIGIN_ID_FIELD, tr("origins"))
        destinations, destination_xy, destination_ids = read_places(
            self, parameters, context, feedback, crs, DESTINATIONS, DESTINATION_ID_FIELD, tr("destinations"))
        for ids, parameter, label in ((origin_ids, ORIGIN_ID_FIELD, tr("origin")),
                                      (destination_ids, DESTINATION_ID_FIELD, tr("destination"))):
            repeated = repeated_ids(ids, self.parameterAsString(parameters, parameter, context), label)
            if repeated:
                feedback.pushWarning(tr("{repeated}: their rows cannot be told apart, and “Accessibility index” "
                                        "will not reuse this table.").format(repeated=repeated))
        check_cancel(feedback)
        feedback.setProgress(10)
        with core_errors():
            engine = travel_engine(self, parameters, context, feedback, crs)
            check_cancel(feedback)
            feedback.setProgress(25)
            table = engine.table(origin_xy, destination_xy, cutoff, k or None, progress_callback(feedback, 25, 85))
        report_snapping(engine, feedback, [(tr("origins"), len(origin_xy)), (tr("destinations"), len(destination_xy))])
        table = table.sorted()
        ranks = table.rank()
        feedback.pushInfo(tr("{pairs} origin-destination pairs within {cutoff} min; {unreached} of {origins} origins "
                             "reach no destination.").format(
            pairs=len(table), cutoff=cutoff, origins=len(origin_xy),
            unreached=int(len(origin_xy) - len(np.unique(table.origin)))))

        fields = pair_fields()
        sink, table_id = self.parameterAsSink(parameters, OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry, crs)
        lines, lines_id = self.parameterAsSink(parameters, OUTPUT_LINES, context, fields, QgsWkbTypes.Type.LineString,
                                               crs)
        line_wkb = shapely.to_wkb(shapely.linestrings(
            np.stack([origin_xy[table.origin], destination_xy[table.destination]], axis=1))) if lines else None
        for begin in range(0, len(table), 10000):  # a cancel leaves no output (written aside until the end)
            check_cancel(feedback)
            rows = range(begin, min(begin + 10000, len(table)))
            attributes = [[origin_ids[table.origin[row]], destination_ids[table.destination[row]],
                           float(table.minutes[row]), int(ranks[row])] for row in rows]
            sink.addFeatures([new_feature(fields, values) for values in attributes], QgsFeatureSink.Flag.FastInsert)
            if lines is not None:
                lines.addFeatures([new_feature(fields, values, line_wkb[row]) for values, row in zip(attributes, rows)],
                                  QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(85 + 15 * rows.stop / len(table))
        if lines is not None:
            style_on_load(context, lines_id, GraduatedStyle("minutes", opacity=0.6))
        feedback.setProgress(100)
        results = {OUTPUT: table_id}
        if lines is not None:
            results[OUTPUT_LINES] = lines_id
        return results
