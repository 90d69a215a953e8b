"""``medicaldeserts:importroads``: an OpenStreetMap extract (.osm.pbf, .osm) or an IGN ROUTE 500 / BD TOPO road file
as a road layer the network parameters take as it is, clipped to the départements' communes plus a border belt."""

import os
import zipfile

import numpy as np
import pandas as pd
import shapely
from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core.roads import IGN_FIELDS, IGN_NAMES, as_multilines, clip_lines, ign_fields, osm_roads
from ..i18n import tr
from .base import advanced, check_cancel
from .import_rpps import (
    BELT_KM,
    COMMUNES,
    Communes,
    ImportAlgorithm,
    add_communes_parameters,
    add_departements_parameter,
    add_working_crs_parameter,
    belt_metres,
    departements_filter,
    file_parameter,
    input_file,
    reader_errors,
    write_features,
)
from .layers import new_feature, read_ogr_in_bulk
from .network_parameters import working_crs
from .qgis_compat import new_field
from .styles import CategorisedStyle, style_on_load

INPUT, MORE_INPUTS, KIND, OUTPUT = "INPUT", "MORE_INPUTS", "KIND", "OUTPUT"
KINDS = ("osm", "route500", "bdtopo")
#: The fields of an OSM road layer written by the import, in this order.
OSM_FIELDS = (("osm_id", "string"), ("highway", "string"), ("maxspeed", "double"), ("oneway", "string"),
              ("ref", "string"), ("name", "string"))
#: The fields GDAL's OSM driver gives its ``lines`` layer (its default osmconf.ini) that the import reads.
OSM_SOURCE_FIELDS = ("osm_id", "name", "highway", "other_tags")
IGN_LAYERS = {"route500": "TRONCON_ROUTE", "bdtopo": "TRONCON_DE_ROUTE"}


def kind_labels():
    return [tr("OpenStreetMap (.osm.pbf or .osm)"), tr("IGN ROUTE 500 (TRONCON_ROUTE)"),
            tr("IGN BD TOPO (TRONCON_DE_ROUTE)")]


def road_classes(kind):
    """(value, colour, label) of the road classes drawn apart; every other road in grey."""
    classes = {
        "osm": (("motorway", "#e31a1c", tr("Motorway")), ("trunk", "#fd8d3c", tr("Trunk road")),
                ("primary", "#feb24c", tr("Primary road")), ("secondary", "#fed976", tr("Secondary road"))),
        "route500": (("Type autoroutier", "#e31a1c", tr("Motorway")),
                     ("Liaison principale", "#fd8d3c", tr("Main link")),
                     ("Liaison régionale", "#feb24c", tr("Regional link"))),
        "bdtopo": (("Type autoroutier", "#e31a1c", tr("Motorway")),
                   ("Route à 2 chaussées", "#fd8d3c", tr("Dual carriageway"))),
    }[kind]
    return classes + (("", "#969696", tr("Other roads")),)


class ImportRoadsAlgorithm(ImportAlgorithm):
    def name(self):
        return "importroads"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Import roads (OpenStreetMap, IGN ROUTE 500, BD TOPO)")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("A road layer for the travel times, from an OpenStreetMap extract or an IGN road file, clipped "
                  "to the départements and their belt.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Reads a road file into a line layer that the road-network parameters of the other algorithms take as "
            "it is, in the working CRS.\n\n"
            "OpenStreetMap: a Geofabrik extract (.osm.pbf) or an .osm XML file, read by GDAL's OSM driver (its "
            "“lines” layer). Only the ways cars may use are kept: the highway classes the OpenStreetMap speed "
            "presets drive on (motorway to residential, service, track…; not footway, path, cycleway, steps, "
            "pedestrian, bridleway, construction, proposed). Fields: osm_id, highway, maxspeed (km/h: “50”, "
            "“30 mph”, “FR:urban” = 50, “FR:rural” = 80; empty when untagged), oneway (yes = along the drawing, -1 "
            "= against it, no = both ways; motorways and roundabouts are one-way unless tagged otherwise), ref, "
            "name. Use road class field highway with an OpenStreetMap preset and one-way field oneway; maxspeed "
            "as speed field overrides the class speed where it is tagged.\n\n"
            "IGN ROUTE 500 (TRONCON_ROUTE) and BD TOPO (TRONCON_DE_ROUTE): the shapefile, a zip holding it, or the "
            "GeoPackage. IGN's .7z archives cannot be read by QGIS: unpack them first (7-Zip). Kept: ROUTE 500 "
            "VOCATION, CLASS_ADM, SENS, NUM_ROUTE, NB_CHAUSSE; BD TOPO NATURE, SENS, VIT_MOY_VL (km/h), ACCES_VL, "
            "IMPORTANCE, NUMERO (the GeoPackage's long names are written under these). Use road class field "
            "VOCATION, CLASS_ADM or NATURE with the preset of that field, or speed field VIT_MOY_VL; one-way field "
            "SENS (Sens direct, Sens inverse).\n\n"
            "Clip: with a communes layer, the roads are cut to the union of the communes (of the départements "
            "given, else all) widened by the border belt (km), so that trips across the border use the "
            "neighbours' roads. Without a communes layer the whole file is kept. Other files of the same kind "
            "(the neighbouring régions' extracts) can be given too: a way found in two extracts is kept once."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(file_parameter(
            INPUT, tr("Road file (.osm.pbf, .osm; IGN .shp, .zip, .gpkg)"),
            tr("Road files (*.pbf *.osm *.shp *.zip *.gpkg);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterEnum(KIND, tr("Kind of road file"), options=kind_labels(),
                                                     defaultValue=0))
        self.addParameter(advanced(QgsProcessingParameterMultipleLayers(
            MORE_INPUTS, tr("More road files of the same kind (e.g. the neighbouring régions' extracts)"),
            QgsProcessing.SourceType.TypeFile, optional=True)))
        add_communes_parameters(self, tr("Communes (polygons) to clip to; empty: no clip"), optional=True)
        add_departements_parameter(self)
        belt = QgsProcessingParameterNumber(
            BELT_KM, tr("Border belt: roads within (km) of the départements' communes (0 = the départements alone)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, optional=True)
        belt.setHelp(tr("So that trips from border communes may cross into the neighbouring départements. Needs "
                        "the départements and the communes layer."))
        self.addParameter(belt)
        add_working_crs_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Roads"),
                                                            QgsProcessing.SourceType.TypeVectorLine))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        kind = KINDS[self.parameterAsEnum(parameters, KIND, context)]
        departements = departements_filter(self, parameters, context)
        belt_m = belt_metres(self, parameters, context, departements, feedback)
        paths = [input_file(self, parameters, INPUT, context, tr("road"), feedback)]
        paths += [input_file(self, {INPUT: path}, INPUT, context, tr("road"), feedback)
                  for path in self.parameterAsFileList(parameters, MORE_INPUTS, context) if path]
        area = self.clip_area(parameters, context, feedback, crs, departements, belt_m)
        check_cancel(feedback)
        feedback.setProgress(5)
        with reader_errors(tr("road")):
            sources = [road_source(path, kind) for path in paths]
        geometries, columns = [], []
        for index, (source, layer, fields) in enumerate(sources):
            lines, values = translated(source, layer, list(fields.values()), kind, crs, area, feedback,
                                       5 + 60 * index / len(sources), 5 + 60 * (index + 1) / len(sources))
            geometries.append(lines)
            columns.append(pd.DataFrame({name: values[source_name] for name, source_name in fields.items()}))
        feedback.setProgress(65)
        geometries = np.concatenate(geometries)
        read = len(geometries)
        table, kept = self.roads_table(kind, pd.concat(columns, ignore_index=True), feedback)
        geometries, present = as_multilines(geometries[kept])
        if area is not None:
            geometries, present = clip_lines(geometries, area)
        table, geometries = table[present].reset_index(drop=True), geometries[present]
        kept_text = (tr("{read} line(s) read from {files} file(s), {kept} road(s) kept in the clip area.")
                     if area is not None else tr("{read} line(s) read from {files} file(s), {kept} road(s) kept."))
        feedback.pushInfo(kept_text.format(read=read, files=len(paths), kept=len(table)))
        if not len(table):
            raise QgsProcessingException(tr("No road is left: the road file holds no road of this kind inside the "
                                            "clip area (check the kind, the départements and the communes layer)."))
        check_cancel(feedback)
        feedback.setProgress(75)

        field_types = OSM_FIELDS if kind == "osm" else [(name, type_) for name, type_, _ in IGN_FIELDS[kind]
                                                          if name in table.columns]
        fields = QgsFields()
        for name, type_ in field_types:
            fields.append(new_field(name, type_))
        values = [table[name].astype(object).where(table[name].notna(), None).tolist() for name, _ in field_types]
        wkbs = shapely.to_wkb(shapely.force_2d(geometries))  # MultiLineStrings, as the sink
        features = [new_feature(fields, list(attributes), wkb) for attributes, wkb in zip(zip(*values), wkbs)]
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields,
                                               QgsWkbTypes.Type.MultiLineString, crs)
        write_features(sink, features, feedback, 80, 100, tr("roads"))
        class_field = "highway" if kind == "osm" else ("VOCATION" if "VOCATION" in table.columns else
                                                       "CLASS_ADM" if kind == "route500" else "NATURE")
        style_on_load(context, output_id, CategorisedStyle(class_field, road_classes(kind)))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

    def clip_area(self, parameters, context, feedback, crs, departements, belt_m):
        """The clip polygon in ``crs``: the union of the communes (of ``departements``) widened by ``belt_m``
        metres; None without a communes layer."""
        if self.parameterAsSource(parameters, COMMUNES, context) is None:
            if departements:
                raise QgsProcessingException(tr("Clipping the roads to départements needs the communes layer: "
                                                "choose it, or leave the départements empty to keep the whole "
                                                "file."))
            feedback.pushInfo(tr("No communes layer: the whole road file is kept."))
            return None
        communes = Communes(self, parameters, context, feedback, crs, departements, None)
        shapes = communes.geometries[~(shapely.is_missing(communes.geometries) |
                                       shapely.is_empty(communes.geometries))]
        invalid = ~shapely.is_valid(shapes)
        shapes[invalid] = shapely.make_valid(shapes[invalid])
        area = shapely.union_all(shapes)
        if belt_m:
            area = shapely.buffer(area, belt_m)
        text = (tr("Clip area: {count} commune(s) and a belt of {km:g} km, {km2:,.0f} km².") if belt_m else
                tr("Clip area: {count} commune(s) without a belt, {km2:,.0f} km²."))
        feedback.pushInfo(text.format(count=len(shapes), km=belt_m / 1000, km2=shapely.area(area) / 1e6))
        return area

    @staticmethod
    def roads_table(kind, columns, feedback):
        """(the output attributes as a DataFrame, which of the lines read are roads) from the columns read (a
        DataFrame under the output names)."""
        if kind != "osm":
            table = columns.reindex(columns=[name for name, _type, _names in IGN_FIELDS[kind]
                                             if name in columns.columns])
            if "VIT_MOY_VL" in table.columns:
                table["VIT_MOY_VL"] = pd.to_numeric(table["VIT_MOY_VL"], errors="coerce")
            return table, np.ones(len(table), dtype=bool)
        kept, table = osm_roads(columns["highway"], columns["other_tags"], columns["name"])
        table.insert(0, "osm_id", columns["osm_id"].to_numpy(dtype=object)[kept])
        feedback.pushInfo(tr("{count} way(s) cars cannot use (footways, paths, cycleways, steps…) left out.").format(
            count=int((~kept).sum())))
        repeated = table["osm_id"].duplicated().to_numpy()
        if repeated.any():
            feedback.pushInfo(tr("{count} way(s) found in two extracts kept once.").format(count=int(repeated.sum())))
            kept[np.flatnonzero(kept)[repeated]] = False
            table = table[~repeated].reset_index(drop=True)
        return table, kept


def gdal_crs(crs):
    """``crs`` as GDAL reads it: its EPSG code, else its WKT."""
    authid = crs.authid()
    return authid if authid.upper().startswith("EPSG:") else crs.toWkt(
        QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL)


def _open(path, drivers=None):
    try:
        return gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=drivers or [])
    except RuntimeError:  # GDAL raises when its exceptions are on, returns None when they are off
        return None


def road_source(path, kind):
    """(GDAL dataset name, layer name, {output field: the layer's field}) of a road file of ``kind``; ValueError
    in plain words when it is not one."""
    if kind == "osm":
        dataset = _open(path, ["OSM"])
        if dataset is None:
            raise ValueError(tr("{path} is not an OpenStreetMap file (.osm.pbf or .osm XML)").format(
                path=os.path.basename(path)))
        layer = dataset.GetLayerByName("lines")
        names = [] if layer is None else [layer.GetLayerDefn().GetFieldDefn(i).GetName()
                                          for i in range(layer.GetLayerDefn().GetFieldCount())]
        missing = [name for name in OSM_SOURCE_FIELDS if name not in names]
        if missing:
            raise ValueError(tr("the OpenStreetMap lines of {path} have no field {fields} (GDAL's osmconf.ini was "
                                "changed?)").format(path=os.path.basename(path), fields=", ".join(missing)))
        return path, "lines", {name: name for name in OSM_SOURCE_FIELDS}
    lower = path.lower()
    if lower.endswith(".7z"):
        raise ValueError(tr("{path} is a 7-Zip archive, which QGIS cannot read: unpack it (7-Zip) and give the "
                            "{layer} shapefile or GeoPackage inside").format(
            path=os.path.basename(path), layer=IGN_LAYERS[kind]))
    name = path
    if lower.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.lower().endswith((".shp", ".gpkg"))]
        wanted = [m for m in members if os.path.splitext(os.path.basename(m))[0].upper() == IGN_LAYERS[kind]]
        if not (wanted or members):
            raise ValueError(tr("the zip {path} holds no shapefile or GeoPackage").format(path=os.path.basename(path)))
        name = f"/vsizip/{path}/{(wanted or members)[0]}"
    dataset = _open(name)
    if dataset is None:
        raise ValueError(tr("{path} is not a vector file GDAL can read").format(path=os.path.basename(path)))
    layers = [dataset.GetLayer(i) for i in range(dataset.GetLayerCount())]
    chosen = [layer for layer in layers if layer.GetName().upper() == IGN_LAYERS[kind]] or (
        layers if len(layers) == 1 else [])
    if not chosen:
        raise ValueError(tr("{path} has no {layer} layer (its layers: {names})").format(
            path=os.path.basename(path), layer=IGN_LAYERS[kind], names=", ".join(l.GetName() for l in layers)))
    definition = chosen[0].GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    try:
        fields = ign_fields(names, kind)
    except ValueError as error:
        raise ValueError(tr("{path}: {error}").format(path=os.path.basename(path), error=error)) from error
    if ogr.GT_Flatten(definition.GetGeomType()) not in (ogr.wkbLineString, ogr.wkbMultiLineString, ogr.wkbUnknown):
        raise ValueError(tr("{path}: the {name} layer is not made of lines").format(
            path=os.path.basename(path), name=IGN_NAMES[kind]))
    return name, chosen[0].GetName(), fields


def translated(source, layer, fields, kind, crs, area, feedback, start, end):
    """(shapely lines in ``crs``, {field: values}) of ``layer`` of ``source``: read by GDAL (ogr2ogr) into a
    temporary GeoPackage in ``crs``, keeping the lines whose box meets ``area``'s (all without ``area``)."""
    target = QgsProcessingUtils.generateTempFilename("roads_read.gpkg")

    def progress(fraction, _message, _data):
        feedback.setProgress(start + (end - start) * fraction)
        return 0 if feedback.isCanceled() else 1

    srs = gdal_crs(crs)
    options = gdal.VectorTranslateOptions(
        format="GPKG", layers=[layer], layerName="roads", dstSRS=srs, selectFields=fields,
        where="highway IS NOT NULL" if kind == "osm" else None, callback=progress,
        spatFilter=None if area is None else list(shapely.bounds(area)), spatSRS=None if area is None else srs)
    try:
        try:
            result = gdal.VectorTranslate(target, source, options=options)
        except RuntimeError as error:
            result, message = None, str(error)
        else:
            message = gdal.GetLastErrorMsg()
        check_cancel(feedback)
        if result is None:
            raise QgsProcessingException(tr("GDAL could not read the road file {path}: {error}").format(
                path=os.path.basename(source), error=message or tr("no reason given")))
        result = None  # closes the GeoPackage
        read = read_ogr_in_bulk(target, fields, "roads", feedback=feedback)
        if read is None:
            raise QgsProcessingException(tr("GDAL could not read back the roads of {path}.").format(
                path=os.path.basename(source)))
        _ids, geometries, columns, _categories = read
        return geometries, {name: np.asarray(values, dtype=object) for name, values in columns.items()}
    finally:
        if os.path.exists(target):
            os.remove(target)
