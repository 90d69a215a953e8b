"""``medicaldeserts:importfiness``: health establishments of the FINESS géolocalisé extraction as points."""

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.sources.finess import DEFAULT_CATEGORIES, read_finess
from ..core.territory import in_france
from ..i18n import tr
from .base import check_cancel
from .import_rpps import (
    BATCH,
    ImportAlgorithm,
    add_departements_parameter,
    add_working_crs_parameter,
    code_list,
    departements_filter,
    file_parameter,
    input_file,
    listed,
    point_feature,
    python_values,
    reader_errors,
    write_features,
)
from .network_parameters import working_crs
from .qgis_compat import new_field
from .styles import SymbolStyle, style_on_load

INPUT, CATEGORIES, OUTPUT = "INPUT", "CATEGORIES", "OUTPUT"

#: Attributes of the establishment points: output name, column of the reader's frame, type.
POINT_FIELDS = (
    ("nofinesset", "nofinesset", "string"), ("nofinessej", "nofinessej", "string"),
    ("name", "name", "string"), ("long_name", "long_name", "string"),
    ("category", "category", "string"), ("category_label", "category_label", "string"),
    ("category_group", "category_group", "string"),
    ("category_group_label", "category_group_label", "string"),
    ("code_commune", "code_commune", "string"), ("departement", "departement", "string"),
    ("code_postal", "code_postal", "string"), ("commune_label", "commune_label", "string"),
    ("siret", "siret", "string"), ("source_crs", "crs", "string"),
)


def transform_points(x, y, source, target, transform_context):
    """(x, y) from ``source`` to ``target``, all points in one call (a multipoint); NaN where it fails."""
    transform = QgsCoordinateTransform(source, target, transform_context)
    geometry = QgsGeometry()
    geometry.fromWkb(shapely.to_wkb(shapely.multipoints(np.column_stack([x, y]))))
    try:
        geometry.transform(transform)
        out = shapely.get_coordinates(shapely.from_wkb(bytes(geometry.asWkb())))
    except QgsCsException:  # one point out of the CRS's range: transform each alone, keep the others
        out = np.full((len(x), 2), np.nan)
        for index in range(len(x)):
            try:
                point = transform.transform(QgsPointXY(float(x[index]), float(y[index])))
                out[index] = point.x(), point.y()
            except QgsCsException:
                pass
    out[~np.isfinite(out).all(axis=1)] = np.nan
    return out


class ImportFinessAlgorithm(ImportAlgorithm):
    def name(self):
        return "importfiness"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Import FINESS establishments")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("Health facilities (MSP, centres de santé, hospitals, pharmacies) from the FINESS file, as points.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Reads the FINESS “extraction géolocalisée” of health establishments (etalab cs1100507, .csv or .zip) "
            "and makes one point per establishment at its geolocation.\n\n"
            "Categories: FINESS categetab codes or group names, comma separated (603 maison de santé, 124 centre "
            "de santé, 101/355/106/114 public hospitals, 620 pharmacie; maisons_de_sante, centres_de_sante, "
            "hopitaux_publics, cliniques, pharmacies); empty keeps every category. Départements: e.g. 23,53.\n\n"
            "Each row's coordinates are in the system the file names for it (Lambert-93 in metropolitan France, "
            "UTM overseas): every system is transformed to the working CRS (EPSG:2154 by default). "
            "Establishments without coordinates, in a system that is not known, or outside France's territories "
            "(a coordinate typed wrong), are counted and listed in the log, not placed."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(file_parameter(INPUT, tr("FINESS extraction (etalab cs1100507, .csv or .zip)"),
                                         tr("FINESS extraction (*.csv *.txt *.zip);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterString(
            CATEGORIES, tr("Establishment categories (categetab codes or groups; empty = all)"),
            defaultValue=",".join(DEFAULT_CATEGORIES), optional=True))
        add_departements_parameter(self)
        add_working_crs_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Health establishments"), QgsProcessing.SourceType.TypeVectorPoint))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        departements = departements_filter(self, parameters, context)
        path = input_file(self, parameters, INPUT, context, tr("FINESS"), feedback)
        categories = code_list(self, parameters, CATEGORIES, context)
        feedback.setProgress(5)
        with reader_errors(tr("FINESS")):
            frame, report = read_finess(path, categories=categories, departements=departements)
        feedback.pushInfo(tr("{source}: {structures} establishments, {geolocations} geolocations ({encoding}, "
                             "extraction {date}); {kept} kept.").format(
            source=report.source, structures=report.structures_read, geolocations=report.geolocations_read,
            encoding=report.encoding, date=report.extraction_date or "-", kept=report.rows_kept))
        if report.malformed_lines:
            feedback.pushWarning(tr("{count} line(s) of the FINESS file that are neither establishments nor "
                                    "geolocations skipped.").format(count=report.malformed_lines))
        if report.rows_kept == 0:
            feedback.pushWarning(tr("No establishment matches the filters."))
        check_cancel(feedback)
        feedback.setProgress(40)

        xy = self.working_coordinates(frame, crs, context, feedback)
        placed = ~np.isnan(xy[:, 0])
        check_cancel(feedback)
        feedback.setProgress(70)

        fields = QgsFields()
        for name, _, kind in POINT_FIELDS:
            fields.append(new_field(name, kind))
        kept = frame[placed]
        columns = [python_values(kept[column]) for _, column, _ in POINT_FIELDS]
        kept_xy = xy[placed]
        points = []
        for index, attributes in enumerate(zip(*columns)):
            if index % BATCH == 0:
                check_cancel(feedback)
            points.append(point_feature(fields, list(attributes), kept_xy[index, 0], kept_xy[index, 1]))
        feedback.pushInfo(tr("{count} establishment(s) placed.").format(count=len(points)))
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, QgsWkbTypes.Type.Point, crs)
        write_features(sink, points, feedback, 80, 100, tr("health establishments"))
        style_on_load(context, output_id, SymbolStyle("#e7298a", size=2.2))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

    @staticmethod
    def working_coordinates(frame, crs, context, feedback):
        """(x, y) of every row in the working CRS, transformed one coordinate system at a time; NaN if not placed."""
        x, y = frame["x"].to_numpy(dtype=float), frame["y"].to_numpy(dtype=float)
        epsg = frame["epsg"]
        xy = np.full((len(frame), 2), np.nan)
        no_coordinates = np.isnan(x) | np.isnan(y)
        unknown = ~no_coordinates & epsg.isna().to_numpy()
        failed = np.zeros(len(frame), dtype=bool)
        outside = np.zeros(len(frame), dtype=bool)
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        ids = frame["nofinesset"]
        for code in sorted(set(epsg[~no_coordinates & ~unknown].astype(int))):
            group = np.flatnonzero(~no_coordinates & (epsg.fillna(-1).to_numpy(dtype=np.int64) == code))
            source = QgsCoordinateReferenceSystem(f"EPSG:{code}")
            if not source.isValid():
                unknown[group] = True
                continue
            xy[group] = transform_points(x[group], y[group], source, crs, context.transformContext())
            failed[group] = np.isnan(xy[group, 0])
            lonlat = transform_points(x[group], y[group], source, wgs84, context.transformContext())
            outside[group] = ~failed[group] & ~in_france(lonlat[:, 0], lonlat[:, 1])
            if crs.authid() != f"EPSG:{code}":
                feedback.pushInfo(tr("{count} establishment(s) transformed from EPSG:{code} to {target}.").format(
                    count=len(group), code=code, target=crs.authid()))
        if no_coordinates.any():
            feedback.pushWarning(tr("{count} establishment(s) have no coordinates and are not placed (FINESS: "
                                    "{ids}).").format(count=int(no_coordinates.sum()),
                                                      ids=listed(ids[no_coordinates])))
        if unknown.any():
            systems = sorted(set(frame.loc[unknown, "crs"].fillna("?").astype(str)))
            feedback.pushWarning(tr("{count} establishment(s) have coordinates in a system that is not known "
                                    "({systems}) and are not placed (FINESS: {ids}).").format(
                count=int(unknown.sum()), systems=", ".join(systems), ids=listed(ids[unknown])))
        if failed.any():
            feedback.pushWarning(tr("{count} establishment(s) could not be transformed to {target} and are not "
                                    "placed (FINESS: {ids}).").format(
                count=int(failed.sum()), target=crs.authid(), ids=listed(ids[failed])))
        if outside.any():
            feedback.pushWarning(tr("{count} establishment(s) have coordinates outside France's territories and "
                                    "are not placed (FINESS: {ids}).").format(count=int(outside.sum()),
                                                                              ids=listed(ids[outside])))
            xy[outside] = np.nan
        return xy
