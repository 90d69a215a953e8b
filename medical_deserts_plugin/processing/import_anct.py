"""``medicaldeserts:importanct``: the ANCT territories: FRR / ZRR zoning of the communes, QPV polygons, France
Services sites."""

import os

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsFields,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.sources.anct import (
    FRR,
    ZRR,
    ZoningReport,
    departement_column,
    read_sites,
    read_zoning,
    row_departements,
    zoning_columns,
    zoning_from_table,
)
from ..core.sources.common import city_of_arrondissement, verify_archive, zip_members
from ..i18n import tr
from .base import check_cancel
from .import_rpps import (
    COMMUNE_CODE_FIELD,
    COMMUNES,
    Communes,
    ImportAlgorithm,
    add_communes_parameters,
    add_departements_parameter,
    add_working_crs_parameter,
    commune_features,
    departements_filter,
    file_parameter,
    input_file,
    listed,
    python_values,
    reader_errors,
    write_features,
)
from .layers import is_null, new_feature, read_layer
from .network_parameters import working_crs
from .qgis_compat import new_field
from .styles import LABEL_SCALE, CategorisedStyle, SymbolStyle, place_label, style_on_load

INPUT, KIND, OUTPUT = "INPUT", "KIND", "OUTPUT"
AUTOMATIC, FRR_ZONING, ZRR_ZONING, QPV, FRANCE_SERVICES = range(5)
#: Zonings read for each kind (None: every zoning column of the table).
KIND_ZONINGS = {AUTOMATIC: None, FRR_ZONING: [FRR], ZRR_ZONING: [ZRR]}
TABLE_EXTENSIONS = (".csv", ".txt", ".tsv", ".xls", ".xlsx", ".xlsm", ".ods")
VECTOR_MEMBER_EXTENSIONS = (".gpkg", ".geojson", ".json", ".shp")
#: Colour of each class code (0 not classified, 1 partly / FRR, 2 classified / FRR+).
CLASS_COLOURS = {ZRR: ("#f0f0f0", "#c7e9c0", "#41ab5d"), FRR: ("#f0f0f0", "#74c476", "#006d2c")}


def kind_labels():
    return [tr("Automatic (from the file)"), tr("FRR zoning of the communes (table or polygons)"),
            tr("ZRR zoning of the communes (table)"), tr("QPV priority neighbourhoods (polygons)"),
            tr("France Services sites (points)")]


def class_labels(zoning):
    if zoning == ZRR:
        return (tr("Not classified"), tr("Partly classified ZRR"), tr("Classified ZRR"))
    return (tr("Not classified"), "FRR", "FRR+")


def vector_uri(path):
    """OGR address of a vector file, or of the vector member of a zip (``/vsizip/``, the archive verified whole
    first: GDAL would read a damaged member as a short or empty layer); None for a table."""
    members = zip_members(path)
    if members is not None:
        vectors = sorted(m for m in members if m.lower().endswith(VECTOR_MEMBER_EXTENSIONS))
        if vectors:
            verify_archive(path)
        return f"/vsizip/{path}/{vectors[0]}" if vectors else None
    return None if path.lower().endswith(TABLE_EXTENSIONS) else path


def attribute_table(layer):
    """The attributes of a layer as a DataFrame (NULL -> None), its field names as columns."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    rows = [[None if is_null(value) else value for value in feature.attributes()]
            for feature in layer.getFeatures(request)]
    return pd.DataFrame(rows, columns=layer.fields().names(), dtype=object)


def zoning_fields(zonings):
    """(name, type) of the fields added per zoning: class, code 0/1/2 and the class as written."""
    return [field for zoning in zonings for field in
            ((zoning, "string"), (f"{zoning}_code", "int"), (f"{zoning}_label", "string"))]


class ImportAnctAlgorithm(ImportAlgorithm):
    def name(self):
        return "importanct"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Import ANCT territories")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("The ANCT zonings (ZRR, FRR) of every commune, joined by commune code.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Reads the territories of the Agence nationale de la cohésion des territoires: the FRR (France "
            "Ruralités Revitalisation) or ZRR zoning of the communes, the QPV priority neighbourhoods, or the "
            "France Services sites.\n\n"
            "Zoning tables (.csv, .xls, .xlsx, or a .zip holding one) have a commune code column (CODGEO, "
            "code_insee…) and a class column (ZRR: C classée, P partiellement classée, N non classée; FRR: FRR+, "
            "FRR, non classée); title lines before the header are skipped. The classes are joined to the communes "
            "layer by commune code: fields zrr / frr (class), zrr_code / frr_code (0 not classified, 1 partly "
            "classified or FRR, 2 classified or FRR+) and zrr_label / frr_label (the class as written). Without "
            "a communes layer the output is a table, or the zoning's own polygons when the file has some. "
            "Automatic reads every zoning the table has. Excel files need the Python package openpyxl (or xlrd "
            "for .xls): without it, save the table as CSV.\n\n"
            "QPV polygons and France Services points (GeoJSON, GeoPackage, Shapefile or a .zip holding one) are "
            "reprojected to the working CRS, invalid polygons are repaired, and every attribute is kept. With the "
            "kind France Services, a table (.csv, .xlsx) with latitude and longitude columns, or one “lat, lon” "
            "column such as geo_point_2d (WGS84 degrees, decimal point or comma), is read as points too. "
            "Départements (e.g. 23,53) filter every kind, by the département or commune code field of the file."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(file_parameter(
            INPUT, tr("ANCT file (zoning table, QPV or France Services layer)"),
            tr("ANCT files (*.csv *.txt *.xls *.xlsx *.geojson *.json *.gpkg *.shp *.zip);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterEnum(KIND, tr("Kind of territory"), options=kind_labels(),
                                                     defaultValue=AUTOMATIC))
        add_communes_parameters(self, tr("Communes (polygons) to join a zoning table to"), optional=True)
        add_departements_parameter(self)
        add_working_crs_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("ANCT territories"), QgsProcessing.SourceType.TypeVectorAnyGeometry))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        departements = departements_filter(self, parameters, context)
        path = input_file(self, parameters, INPUT, context, tr("ANCT"), feedback)
        kind = self.parameterAsEnum(parameters, KIND, context)
        with reader_errors(tr("ANCT")):
            uri = vector_uri(path)
        layer = None
        if uri is not None:
            layer = QgsVectorLayer(uri, os.path.basename(path), "ogr")
            # The context owns the layer: a layer left to Python's collector outlives QGIS and crashes the exit.
            context.temporaryLayerStore().addMapLayer(layer)
            if not layer.isValid():
                raise QgsProcessingException(tr("The ANCT file “{path}” could not be opened as a table or a vector "
                                                "layer.").format(path=path))
            if kind == AUTOMATIC:
                kind = self.detected_kind(layer, path)
        elif kind == QPV:
            raise QgsProcessingException(tr(
                "QPV polygons are read from a vector file (GeoJSON, GeoPackage, Shapefile); “{path}” is a "
                "table.").format(path=path))
        elif kind == FRANCE_SERVICES:
            layer = self.sites_layer(path, context, feedback)
        feedback.setProgress(5)
        if kind in (QPV, FRANCE_SERVICES):
            return self.import_vector(parameters, context, feedback, layer, kind, crs, departements)
        return self.import_zoning(parameters, context, feedback, path, layer, kind, crs, departements)

    @staticmethod
    def detected_kind(layer, path):
        """AUTOMATIC (every zoning of the layer) when it has a commune code and a class field, else QPV (polygons)
        or France Services (points)."""
        code, classes, _ = zoning_columns(layer.fields().names())
        geometry = QgsWkbTypes.geometryType(layer.wkbType())
        if code is not None and classes:
            return AUTOMATIC
        if geometry == QgsWkbTypes.GeometryType.PolygonGeometry:
            return QPV
        if geometry == QgsWkbTypes.GeometryType.PointGeometry:
            return FRANCE_SERVICES
        raise QgsProcessingException(tr("Could not tell which ANCT territories “{path}” holds (no ZRR/FRR class "
                                        "field, neither polygons nor points): choose the kind.").format(path=path))

    # ------------------------------------------------------------------------------------------------ zonings

    def import_zoning(self, parameters, context, feedback, path, layer, kind, crs, departements):
        with reader_errors(tr("ANCT")):
            if layer is None:
                frame, report = read_zoning(path, KIND_ZONINGS[kind], departements)
            else:
                report = ZoningReport(source=path, encoding="-", layout=tr("vector layer"))
                frame, report = zoning_from_table(attribute_table(layer), KIND_ZONINGS[kind], departements, report)
        self.report_zoning(feedback, report)
        check_cancel(feedback)
        feedback.setProgress(30)

        communes = None
        if parameters.get(COMMUNES) not in (None, ""):
            communes = Communes(self, parameters, context, feedback, crs, departements)
        elif (layer is not None
              and QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry):
            own = {COMMUNES: layer.source(), COMMUNE_CODE_FIELD: report.columns["code_commune"]}
            communes = Communes(self, own, context, feedback, crs, departements)
        added = zoning_fields(report.zonings)
        check_cancel(feedback)
        feedback.setProgress(50)
        if communes is None:
            fields = QgsFields()
            for name, type_ in [("code_commune", "string")] + added:
                fields.append(new_field(name, type_))
            columns = [python_values(frame[name]) for name, _ in [("code_commune", None)] + added]
            features = [new_feature(fields, list(attributes)) for attributes in zip(*columns)]
            sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
            write_features(sink, features, feedback, 60, 100, tr("ANCT territories"))
            feedback.pushInfo(tr("No communes layer: {count} commune(s) written as a table without "
                                 "geometry.").format(count=len(features)))
            return {OUTPUT: output_id}

        values = self.joined_values(feedback, communes, frame, added)
        replaced = communes.replaced_fields(added)
        if replaced:
            feedback.pushInfo(tr("The communes layer's fields {names} are replaced by the computed ones.").format(
                names=", ".join(replaced)))
        fields, kept = communes.output_fields(added)
        polygons = commune_features(communes, fields, kept, values)
        check_cancel(feedback)
        feedback.setProgress(70)
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, communes.wkb_type, crs)
        write_features(sink, polygons, feedback, 70, 100, tr("ANCT territories"))
        zoning = FRR if FRR in report.zonings else ZRR
        categories = [(code, colour, label) for code, colour, label in
                      zip(range(3), CLASS_COLOURS[zoning], class_labels(zoning))]
        style_on_load(context, output_id, CategorisedStyle(f"{zoning}_code", categories,
                                                           label=place_label(fields.names()), label_scale=LABEL_SCALE))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

    @staticmethod
    def report_zoning(feedback, report):
        feedback.pushInfo(tr("{source}: {layout}, {rows} row(s) read, {kept} commune(s) kept.").format(
            source=report.source, layout=report.layout, rows=report.rows_read, kept=report.rows_kept))
        for zoning in report.zonings:
            counts = report.class_counts.get(zoning, {})
            feedback.pushInfo(tr("{zoning} (column “{column}”): {counts}.").format(
                zoning=zoning.upper(), column=report.columns[zoning],
                counts=", ".join(f"{name} {count}" for name, count in counts.items()) or "-"))
        if report.title_lines:
            feedback.pushInfo(tr("{count} title line(s) before the header skipped.").format(count=report.title_lines))
        if report.codes_padded:
            feedback.pushInfo(tr("{count} commune code(s) had lost their leading zero: padded.").format(
                count=report.codes_padded))
        if report.rows_without_code:
            feedback.pushWarning(tr("{count} row(s) without a commune code skipped.").format(
                count=report.rows_without_code))
        if report.duplicates:
            feedback.pushWarning(tr("{count} commune(s) appear on several rows: the first row is kept.").format(
                count=report.duplicates))
        for zoning, unknown in report.unknown_classes.items():
            feedback.pushWarning(tr("{count} commune(s) have a {zoning} class that is not known, left empty: "
                                    "{values}.").format(
                count=sum(unknown.values()), zoning=zoning.upper(),
                values=listed([f"“{value}” ({count})" for value, count in unknown.items()])))
        if report.rows_kept == 0:
            feedback.pushWarning(tr("No commune of the zoning table matches the filters."))

    @staticmethod
    def joined_values(feedback, communes, frame, added):
        """The added fields' values of each commune (lists), found by code, else by the city of an
        arrondissement; communes not in the table and table rows not in the layer are logged."""
        table = frame.set_index("code_commune")[[name for name, _ in added]]
        codes = pd.Series(communes.codes, dtype=object)
        lookup = codes.where(codes.isin(table.index), city_of_arrondissement(codes))
        joined = table.reindex(lookup)
        found = lookup.isin(table.index).to_numpy()
        missing = ~found & (communes.codes != "")
        if missing.any():
            feedback.pushWarning(tr("{count} commune(s) of the layer are not in the zoning table: their classes are "
                                    "empty (communes: {codes}).").format(
                count=int(missing.sum()), codes=listed(communes.codes[missing])))
        unused = ~frame["code_commune"].isin(lookup)
        if unused.any():
            feedback.pushInfo(tr("{count} row(s) of the zoning table match no commune of the layer (communes: "
                                 "{codes}).").format(count=int(unused.sum()),
                                                     codes=listed(frame.loc[unused, "code_commune"])))
        feedback.pushInfo(tr("{count} commune(s) of the layer joined to the zoning table.").format(
            count=int(found.sum())))
        return list(map(list, zip(*[python_values(joined[name]) for name, _ in added])))

    # --------------------------------------------------------------------------------- QPV, France Services

    @staticmethod
    def sites_layer(path, context, feedback):
        """France Services sites of a table with latitude / longitude (WGS84) as a point layer, owned by
        ``context``; rows without usable coordinates have no geometry (left out, and said, by import_vector)."""
        with reader_errors(tr("France Services")):
            table, longitude, latitude, report = read_sites(path)
        feedback.pushInfo(tr("{source}: {layout}, {rows} row(s) read, coordinates from “{columns}” (WGS84).")
                          .format(source=report.source, layout=report.layout, rows=report.rows_read,
                                  columns=report.coordinates))
        if report.out_of_range:
            feedback.pushWarning(tr("{count} row(s) have coordinates out of range (latitude beyond ±90° or "
                                    "longitude beyond ±180°).").format(count=report.out_of_range))
        layer = QgsVectorLayer("Point?crs=EPSG:4326", os.path.basename(path), "memory")
        fields = QgsFields()
        for name in table.columns:
            fields.append(new_field(name, "string"))
        layer.dataProvider().addAttributes(fields)
        layer.updateFields()
        located = ~np.isnan(longitude)
        wkbs = np.full(len(table), None, dtype=object)
        wkbs[located] = shapely.to_wkb(shapely.points(longitude[located], latitude[located]))
        added, _ = layer.dataProvider().addFeatures([new_feature(layer.fields(), row, wkb) for row, wkb in
                                                     zip(table.to_numpy().tolist(), wkbs)])
        if not added:
            raise QgsProcessingException(tr("The France Services points of {path} could not be made: {error}").format(
                path=path, error=layer.dataProvider().lastError()))
        context.temporaryLayerStore().addMapLayer(layer)
        return layer

    def import_vector(self, parameters, context, feedback, layer, kind, crs, departements):
        polygons = kind == QPV
        label = tr("QPV") if polygons else tr("France Services")
        geometry = QgsWkbTypes.geometryType(layer.wkbType())
        expected = QgsWkbTypes.GeometryType.PolygonGeometry if polygons else QgsWkbTypes.GeometryType.PointGeometry
        if geometry != expected:
            raise QgsProcessingException(tr("The {label} layer must have {expected}; “{source}” has {geometry}.")
                                         .format(label=label, expected=tr("polygons") if polygons else tr("points"),
                                                 source=layer.name(), geometry=QgsWkbTypes.geometryDisplayString(
                                                     geometry)))
        names = layer.fields().names()
        located = departement_column(names)
        data = read_layer(layer, crs, context, label, fields=[names[located[0]]] if located else [],  # repaired below:
                          feedback=feedback, check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        if data.transformed_from:
            feedback.pushInfo(tr("The {label} layer is reprojected from {source} to {target}.").format(
                label=label, source=data.transformed_from, target=crs.authid()))
        keep = np.ones(len(data), dtype=bool)
        if departements and located:
            values = [None if is_null(value) else value for value in data.columns[names[located[0]]]]
            keep = row_departements(values, located[1]).isin(departements).to_numpy()
        elif departements:
            feedback.pushWarning(tr("The {label} layer has no département or commune code field: the département "
                                    "filter is not applied.").format(label=label))
        check_cancel(feedback)
        feedback.setProgress(40)

        geometries = data.geometries
        present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
        invalid = present & ~shapely.is_valid(geometries)
        if invalid.any():
            geometries = geometries.copy()
            geometries[invalid] = shapely.make_valid(geometries[invalid])
        geometries = shapely.force_2d(geometries)
        if polygons:
            parts, index = shapely.get_parts(geometries, return_index=True)
            polygon_parts = shapely.get_type_id(parts) == 3
            geometries = shapely.multipolygons(parts[polygon_parts], indices=index[polygon_parts],
                                               out=np.empty(len(geometries), dtype=object))
            present = ~shapely.is_missing(geometries)
        wkb_type = QgsWkbTypes.Type.MultiPolygon if polygons else QgsWkbTypes.flatType(layer.wkbType())
        written = keep & present
        feedback.pushInfo(tr("{label}: {read} feature(s) read, {kept} kept.").format(
            label=label, read=len(data), kept=int(written.sum())))
        if invalid[keep].any():
            feedback.pushInfo(tr("{count} invalid geometry(ies) repaired.").format(count=int(invalid[keep].sum())))
        if (keep & ~present).any():
            feedback.pushWarning(tr("{count} feature(s) without geometry left out.").format(
                count=int((keep & ~present).sum())))
        if not written.any():
            feedback.pushWarning(tr("No {label} feature matches the filters.").format(label=label))
        check_cancel(feedback)
        feedback.setProgress(60)

        fields = layer.fields()
        wkbs = shapely.to_wkb(geometries[written])
        features = [new_feature(fields, data.features[row].attributes(), wkb)
                    for row, wkb in zip(np.flatnonzero(written), wkbs)]
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, wkb_type, crs)
        write_features(sink, features, feedback, 70, 100, label)
        style_on_load(context, output_id, SymbolStyle("#6a3d9a", opacity=0.35) if polygons
                      else SymbolStyle("#ff7f00", size=2.2))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

