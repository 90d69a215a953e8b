"""QGIS layers <-> numpy/shapely arrays, in a metric working CRS (EPSG:2154 Lambert-93 by default)."""

import numpy as np
import pandas as pd
import shapely
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsPointXY,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ..i18n import tr
from .base import AlgorithmCancelled

DEFAULT_CRS = "EPSG:2154"
POINT_ON_SURFACE, CENTROID = 0, 1


def check_working_crs(crs):
    """The working CRS must be valid and projected (metres): distances and speeds depend on it."""
    if not crs.isValid():
        raise QgsProcessingException(tr("The working CRS is not valid: choose a projected CRS such as EPSG:2154."))
    if crs.isGeographic():
        raise QgsProcessingException(
            tr("The working CRS {crs} is geographic (degrees): choose a projected CRS in metres, "
               "such as EPSG:2154 (Lambert-93) for metropolitan France.").format(crs=crs.authid())
        )
    return crs


def default_crs():
    return QgsCoordinateReferenceSystem(DEFAULT_CRS)


MAX_SCALE_ERROR = 0.01  # 1 %: Lambert-93 stays within 0.3 % over metropolitan France
SCALE_PROBE_M = 100.0
# GDAL's names for the CRS of a GeoPackage layer with srs_id 0 or -1 ("undefined" in the GeoPackage standard).
UNDEFINED_CRS_NAMES = {"Undefined geographic SRS", "Undefined Cartesian SRS"}
# (west, south, east, north) in degrees -> the official projected CRS of that part of France.
FRENCH_CRS_AREAS = [
    ((-5.5, 41.0, 10.0, 51.5), "EPSG:2154"),   # metropolitan France and Corsica: RGF93 v1 / Lambert-93
    ((-63.5, 14.0, -60.5, 18.5), "EPSG:5490"),  # Antilles: RGAF09 / UTM zone 20N
    ((-55.0, 2.0, -51.0, 6.0), "EPSG:2972"),   # Guyane: RGFG95 / UTM zone 22N
    ((54.5, -21.6, 56.0, -20.6), "EPSG:2975"),  # La Réunion: RGR92 / UTM zone 40S
    ((44.8, -13.2, 45.5, -12.4), "EPSG:4471"),  # Mayotte: RGM04 / UTM zone 38S
    ((-56.6, 46.6, -55.9, 47.3), "EPSG:4467"),  # Saint-Pierre-et-Miquelon: RGSPM06 / UTM zone 21N
]


def crs_is_undefined(crs):
    """True for a CRS that does not say where on Earth its coordinates are: none at all (a shapefile without .prj),
    a GeoPackage's undefined srs_id 0 or -1, or a local CRS with no ellipsoid."""
    return not crs.isValid() or crs.description() in UNDEFINED_CRS_NAMES or not crs.ellipsoidAcronym()


def suggested_crs(longitude, latitude):
    """A projected CRS in metres suited to data around (``longitude``, ``latitude``) in degrees: the official one
    of metropolitan France or an overseas département, else the WGS 84 UTM zone."""
    for (west, south, east, north), authid in FRENCH_CRS_AREAS:
        if west <= longitude <= east and south <= latitude <= north:
            return QgsCoordinateReferenceSystem(authid)
    zone = int(np.clip((longitude + 180) // 6 + 1, 1, 60))
    return QgsCoordinateReferenceSystem(f"EPSG:{(32600 if latitude >= 0 else 32700) + zone}")


def check_coordinates(ids, geometries, crs, context, label):
    """Refuse coordinates that are not finite numbers, and a working CRS whose scale error over them exceeds
    ``MAX_SCALE_ERROR``: planar lengths in ``crs`` against lengths on its ellipsoid, for short steps east and
    north from the data's extreme vertices (farthest west, east, south, north and along both diagonals)."""
    xy, owner = shapely.get_coordinates(geometries, return_index=True)
    if not np.isfinite(xy).all():
        not_finite = np.unique(owner[~np.isfinite(xy).all(axis=1)])
        raise QgsProcessingException(
            tr("{count} feature(s) of the {label} layer have coordinates that are not finite numbers in {crs} "
               "(feature ids {ids}): correct their geometries or the layer's CRS.").format(
                count=len(not_finite), label=label, crs=crs.authid(),
                ids=", ".join(str(ids[i]) for i in not_finite[:5])))
    if len(xy) == 0 or crs.isGeographic():
        return
    x, y = np.ascontiguousarray(xy.T)
    extremes = np.unique([f(v) for v in (x, y, x + y, x - y) for f in (np.argmin, np.argmax)])
    distance = QgsDistanceArea()
    distance.setSourceCrs(crs, context.transformContext())
    distance.setEllipsoid(crs.ellipsoidAcronym())
    errors = []
    for vertex in extremes:
        x, y = xy[vertex]
        on_ellipsoid = [distance.measureLine(QgsPointXY(x, y), QgsPointXY(x + dx, y + dy))
                        for dx, dy in ((SCALE_PROBE_M, 0.0), (0.0, SCALE_PROBE_M))]
        if not all(np.isfinite(length) and length > 0 for length in on_ellipsoid):
            raise QgsProcessingException(
                tr("Feature {id} of the {label} layer lies where the working CRS {crs} is not defined "
                   "({x:.6g}, {y:.6g}): correct its geometry, or choose a working CRS that covers the data.").format(
                    id=ids[owner[vertex]], label=label, crs=crs.authid(), x=x, y=y))
        errors += [SCALE_PROBE_M / length - 1 for length in on_ellipsoid]
    worst = max(errors, key=abs)
    if abs(worst) > MAX_SCALE_ERROR:
        to_degrees = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                            context.transformContext())
        try:
            centre = to_degrees.transform(QgsPointXY(*xy[extremes].mean(axis=0)))
        except QgsCsException:  # the middle of far-flung data may lie off the CRS: one of its (measured) ends
            centre = to_degrees.transform(QgsPointXY(*xy[extremes[0]]))
        suggestion = suggested_crs(centre.x(), centre.y())
        raise QgsProcessingException(
            tr("The working CRS {crs} distorts distances by {error:+.1f} % over the {label} layer (more than 1 %): "
               "travel times and distances would be wrong by as much. Choose a working CRS suited to the data, "
               "such as {suggestion} ({name}).").format(
                crs=crs.authid(), error=100 * worst, label=label, suggestion=suggestion.authid(),
                name=suggestion.description()))


class LayerData:
    """Features of a source read into the working CRS: shapely geometries, attribute columns, the features."""

    def __init__(self, features, feature_ids, geometries, columns, transformed_from, wkb_type, categories=None):
        self.features = features
        #: {field: pandas Categorical} of the text columns read in bulk: the same values, each distinct text once
        self.categories = categories or {}
        self.feature_ids = feature_ids
        self.wkb_type = wkb_type
        self.geometries = geometries
        self.columns = columns
        self.transformed_from = transformed_from

    def __len__(self):
        return len(self.feature_ids)

    def attribute_rows(self):
        """Every feature's attribute list, taken once (``QgsFeature.attributes`` builds a new list per call: 20
        fields of 35,000 communes read column by column would build 700,000)."""
        if not hasattr(self, "_rows"):
            self._rows = [feature.attributes() for feature in self.features]
        return self._rows


def bulk_layer(algorithm, parameters, name, context, crs):
    """The layer of parameter ``name`` when GDAL can read it whole in its place (see ``read_layer``), else None.

    That is a plain OGR file layer (GeoPackage, shapefile, FlatGeobuf...) already in ``crs``, used as it is on disk:
    no selection, feature limit, filter or unsaved edits.
    """
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1):
        return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    if layer.isSpatial() and layer.crs() != crs:
        return None
    return layer


def _python_values(column):
    """A GDAL Arrow column as an object array of Python values (as ``tolist`` gives them, without a list): texts
    decoded from UTF-8, None where NULL; and, for a text column, the same as a pandas Categorical (else None)."""
    values, missing = np.ma.getdata(column), np.ma.getmaskarray(column)
    if values.dtype.kind in "SO":  # each distinct text decoded once: ids and road classes repeat thousands of times
        codes, distinct = _factorize_bytes(values) if values.dtype.kind == "S" else pd.factorize(values)
        codes[missing] = -1
        decoded, texts = pd.factorize(np.array(  # two byte strings may decode alike (invalid UTF-8 replaced)
            [v.decode("utf-8", "replace") if isinstance(v, bytes) else v for v in distinct], dtype=object))
        codes = np.append(decoded, -1)[codes]  # code -1 (NULL) takes the last
        return np.append(texts, None)[codes], pd.Categorical.from_codes(codes, texts)
    values = values.astype(object)  # numpy scalars become Python ones, as tolist makes them
    values[missing] = None
    return values, None


def _factorize_bytes(values):
    """``pd.factorize`` of a fixed-width byte-string array (codes, distinct values in order of first appearance),
    six times faster: each row's bytes are read as 64-bit words, factorized word by word, not hashed as Python
    objects."""
    n, width = len(values), values.dtype.itemsize
    if n == 0 or width == 0:
        return np.zeros(n, dtype=np.int64), values[:min(n, 1)]
    words = np.zeros((n, -(-width // 8) * 8), dtype=np.uint8)
    words[:, :width] = np.ascontiguousarray(values).view(np.uint8).reshape(n, width)
    words = words.view(np.uint64)
    codes = pd.factorize(words[:, 0])[0]
    for word in words.T[1:]:
        part, distinct = pd.factorize(word)
        codes = pd.factorize(codes * np.int64(len(distinct)) + part)[0]  # < n * n: no overflow below 3e9 rows
    count = int(codes.max()) + 1
    first = np.empty(count, dtype=np.int64)
    first[codes[::-1]] = np.arange(n - 1, -1, -1)  # each code's first row
    return codes, values[first]


def _column(batches, name):
    """One column of every Arrow batch, end to end (a masked array)."""
    return np.ma.concatenate([batch[name] for batch in batches]) if batches else np.ma.masked_array([])


def _read_in_bulk(layer, fields, feedback):
    """(feature ids, shapely geometries, {field: values}) of ``layer`` through GDAL's Arrow stream, one C++
    pass instead of a Python call per feature; None when GDAL cannot read it that way."""
    uri = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if uri.get("geometryType") or uri.get("subset") or not uri.get("path"):
        return None
    path = (uri.get("vsiPrefix") or "") + uri["path"] + (uri.get("vsiSuffix") or "")  # a zipped shapefile...
    return read_ogr_in_bulk(path, fields, uri.get("layerName"), int(uri.get("layerId") or 0),
                            uri.get("openOptions") or [], feedback)


def read_ogr_in_bulk(path, fields, layer_name=None, layer_id=0, open_options=(), feedback=None):
    """(feature ids, shapely geometries, {field: values}, {field: Categorical}) of a layer of the GDAL dataset
    ``path`` (by name, else by index) through GDAL's Arrow stream; None when GDAL cannot read it that way."""
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=list(open_options))
    except RuntimeError:  # GDAL raises when its exceptions are on, returns None when they are off
        return None
    if dataset is None:
        return None
    ogr_layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(layer_id)
    definition = None if ogr_layer is None else ogr_layer.GetLayerDefn()
    if definition is None or definition.GetGeomFieldCount() > 1:
        return None
    fid_name = ogr_layer.GetFIDColumn() or "OGC_FID"
    geometry_name = (ogr_layer.GetGeometryColumn() or "wkb_geometry") if definition.GetGeomFieldCount() else None
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if any(name and name not in names and name != fid_name for name in fields):
        return None
    ogr_layer.SetIgnoredFields([name for name in names if name not in fields] + ["OGR_STYLE"])
    stream = ogr_layer.GetArrowStreamAsNumPy(["INCLUDE_FID=YES"])
    if stream is None:
        return None
    batches = []
    for batch in stream:
        if feedback is not None and feedback.isCanceled():
            raise AlgorithmCancelled()
        batches.append(batch)

    ids = _column(batches, fid_name).tolist()
    wkbs = np.full(len(ids), None)
    if geometry_name is not None:
        geometry = _column(batches, geometry_name)
        present = ~np.ma.getmaskarray(geometry)
        wkbs[present] = np.ma.getdata(geometry)[present]
    read = {name: _python_values(_column(batches, name)) for name in fields if name and name != fid_name}
    columns = {name: ids if name == fid_name else read[name][0] for name in fields if name}
    categories = {name: texts for name, (_, texts) in read.items() if texts is not None}
    del batches, stream  # Arrow memory goes before its dataset closes
    geometries = shapely.from_wkb(wkbs)
    empty = shapely.is_empty(geometries)
    geometries[empty] = None  # as the feature path reads them
    return ids, geometries, columns, categories


def geometry_check(parameters, name, context):
    """What an invalid geometry of input ``name`` does: the input's own Processing setting, else the context's."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and \
            value.flags & QgsProcessingFeatureSourceDefinition.Flag.FlagOverrideDefaultGeometryCheck:
        return value.geometryCheck
    return context.invalidGeometryCheck()


def read_input(algorithm, parameters, name, context, crs, label, fields=(), keep_features=True, feedback=None):
    """``read_layer`` of the feature source of parameter ``name``: from its file in bulk when it can be, with the
    invalid-geometry check chosen for that input."""
    source = algorithm.parameterAsSource(parameters, name, context)
    bulk = None if keep_features or source is None else bulk_layer(algorithm, parameters, name, context, crs)
    return read_layer(source, crs, context, label, fields, keep_features, feedback, bulk,
                      geometry_check(parameters, name, context))


def has_geometry(source):
    """Whether the features of ``source`` can have a geometry (False for a table: a CSV without coordinates...)."""
    return QgsWkbTypes.geometryType(source.wkbType()) not in (QgsWkbTypes.GeometryType.NullGeometry,
                                                               QgsWkbTypes.GeometryType.UnknownGeometry)


def read_layer(source, crs, context, label, fields=(), keep_features=True, feedback=None, bulk=None, check=None):
    """Read every feature of ``source`` into ``crs``; ``label`` names the input in error messages.

    Without ``keep_features``, a layer from ``bulk_layer`` (``bulk``) is read straight from its file by GDAL, ten
    times faster on big road or table files; the result is the same. Invalid geometries are stopped on, skipped or
    kept as ``check`` (a QgsFeatureRequest geometry check; default: the context's) says. Raises a clear
    QgsProcessingException for a missing layer, a layer without a defined CRS, an empty layer, a missing field,
    an invalid geometry to stop on, a geometry that cannot be reprojected or whose coordinates are not finite, and
    a working CRS that distorts lengths over the layer by more than 1 %.
    """
    if source is None:
        raise QgsProcessingException(tr("The {label} layer could not be opened.").format(label=label))
    if has_geometry(source) and crs_is_undefined(source.sourceCrs()):
        raise QgsProcessingException(
            tr("The {label} layer “{name}” has no defined CRS: set its CRS (Layer Properties > Source, or "
               "Vector general > Assign projection) and run again.").format(label=label, name=source.sourceName()))
    names = source.fields().names()
    for name in fields:
        if name and name not in names:
            raise QgsProcessingException(
                tr("The {label} layer has no field “{field}” (its fields: {names}).").format(
                    label=label, field=name, names=", ".join(names) or "-"
                )
            )
    read = None
    if bulk is not None and not keep_features and all(
            bulk.fields().fieldOrigin(bulk.fields().indexOf(name)) == QgsFields.FieldOrigin.OriginProvider
            for name in fields if name):
        read = _read_in_bulk(bulk, fields, feedback)
    features = []
    if read is None:
        features, ids, wkbs, columns = _read_features(source, crs, context, label, fields, keep_features, feedback)
        geometries, categories = shapely.from_wkb(wkbs), {}
    else:
        ids, geometries, columns, categories = read
    if not ids:  # featureCount only here: on a text file it reads the whole file
        raise QgsProcessingException(
            tr("The {label} layer has no features.").format(label=label)
            if source.featureCount() in (0, -1) else tr("The {label} layer could not be read.").format(label=label)
        )
    check_coordinates(ids, geometries, crs, context, label)
    check = context.invalidGeometryCheck() if check is None else check
    invalid = np.zeros(len(ids), dtype=bool) if check == QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck else \
        ~shapely.is_missing(geometries) & ~shapely.is_valid(geometries)
    if invalid.any() and check == QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid:
        raise QgsProcessingException(
            tr("{count} feature(s) of the {label} layer have an invalid geometry (feature ids {ids}): repair them "
               "(Vector geometry > Fix geometries), or let Processing skip or keep invalid features (Options > "
               "Processing > General).").format(
                count=int(invalid.sum()), label=label, ids=", ".join(str(ids[i]) for i in np.flatnonzero(invalid)[:5])))
    if invalid.any():
        if feedback is not None:
            feedback.pushWarning(tr("{count} feature(s) of the {label} layer have an invalid geometry: skipped, as the "
                                    "Processing options ask.").format(count=int(invalid.sum()), label=label))
        keep = np.flatnonzero(~invalid)
        ids, geometries = [ids[i] for i in keep], geometries[keep]
        features = [features[i] for i in keep] if features else features
        columns = {name: [values[i] for i in keep] for name, values in columns.items()}
        categories = {name: texts[keep] for name, texts in categories.items()}
    transformed_from = source.sourceCrs().authid() if source.sourceCrs() != crs else None
    return LayerData(
        features if keep_features else [], ids, geometries, columns, transformed_from, source.wkbType(), categories
    )


def _read_features(source, crs, context, label, fields, keep_features, feedback):
    """(features, feature ids, WKB per feature or None, {field: values}) of ``source``, feature by feature."""
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    if not keep_features:
        names = source.fields().names()
        request.setSubsetOfAttributes([names.index(name) for name in fields if name])
    features, ids, wkbs = [], [], []
    try:
        for feature in _features(source, request):
            if feedback is not None and feedback.isCanceled():
                raise AlgorithmCancelled()
            geometry = feature.geometry()
            wkbs.append(None if geometry.isNull() or geometry.isEmpty() else bytes(geometry.asWkb()))
            ids.append(feature.id())
            features.append(feature)
    except QgsCsException as error:
        raise QgsProcessingException(
            tr("The {label} layer could not be reprojected to {crs}: {error}").format(
                label=label, crs=crs.authid(), error=str(error)
            )
        ) from error
    check_reprojected(source, crs, label, [fid for fid, wkb in zip(ids, wkbs) if wkb is None])
    return features, ids, wkbs, {name: [None if is_null(feature[name]) else feature[name] for feature in features]
                                 for name in fields if name}


def _features(source, request):
    """The features of ``source`` that ``request`` asks for, without QGIS's own validity check: it would throw
    through Python (and crash QGIS 3.22); read_layer checks instead."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    return source.getFeatures(request)


def check_reprojected(source, crs, label, without_geometry):
    """QGIS drops the geometry it cannot reproject: refuse the features of ``without_geometry`` (ids) that have
    one in ``source``, rather than call them features without geometry."""
    if not without_geometry or source.sourceCrs() == crs or not has_geometry(source):  # a table: nothing lost
        return
    request = QgsFeatureRequest().setFilterFids(without_geometry).setNoAttributes()
    lost = [feature.id() for feature in _features(source, request) if not feature.geometry().isNull()]
    if lost:
        raise QgsProcessingException(
            tr("{count} feature(s) of the {label} layer could not be reprojected from {source} to {crs} (feature "
               "ids {ids}): check their coordinates and the layer's CRS.").format(
                count=len(lost), label=label, source=source.sourceCrs().authid(), crs=crs.authid(),
                ids=", ".join(str(fid) for fid in lost[:5])))


def located_points(data, label, polygon_point=POINT_ON_SURFACE, missing_ok=False):
    """One (x, y) per feature: points as they are, other shapes by point on surface or centroid.

    A feature without geometry is an error (a place that is nowhere cannot have a travel time by road), unless
    ``missing_ok`` (times from a travel-time table): then its x and y are NaN.
    """
    geometries = data.geometries
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    if missing.any() and not missing_ok:
        ids = [str(data.feature_ids[i]) for i in np.flatnonzero(missing)[:5]]
        raise QgsProcessingException(
            tr("{count} feature(s) of the {label} layer have no geometry (feature ids {ids}): "
               "fix or remove them.").format(count=int(missing.sum()), label=label, ids=", ".join(ids))
        )
    xy = np.full((len(geometries), 2), np.nan)
    geometries = geometries[~missing]
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        geometries[invalid] = shapely.make_valid(geometries[invalid])
    points = shapely.centroid(geometries) if polygon_point == CENTROID else shapely.point_on_surface(geometries)
    xy[~missing] = shapely.get_coordinates(points)
    return xy


def located(xy):
    """Which rows of ``xy`` (x, y per place, NaN: a place without geometry) say where the place is."""
    return np.isfinite(xy).all(axis=1)


def points_wkb(xy):
    """WKB of a point per (x, y) row, None where the row is NaN (a place without geometry)."""
    wkb = np.full(len(xy), None, dtype=object)
    present = located(xy)
    wkb[present] = shapely.to_wkb(shapely.points(xy[present]))
    return wkb


def is_null(value):
    """True for None, QGIS NULL and NaN."""
    return value is None or (hasattr(value, "isNull") and value.isNull()) or value != value


def finite_or_none(value):
    """A float for an attribute, or None (NULL) for NaN and infinities."""
    value = float(value)
    return value if np.isfinite(value) else None


def feature_ids(data, field):
    """Identifier of each feature as text: the chosen field (NULL gives ""), else the feature id."""
    if not field:
        return [str(fid) for fid in data.feature_ids]
    return ["" if is_null(value) else str(value) for value in data.columns[field]]


def is_line_layer(source):
    return QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.GeometryType.LineGeometry


def new_feature(fields, attributes, wkb=None):
    """A feature with ``attributes`` and, when given, the geometry of ``wkb``."""
    feature = QgsFeature(fields)
    feature.setAttributes(attributes)
    if wkb is not None:
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        feature.setGeometry(geometry)
    return feature


def as_multipolygon(geometry):
    """The polygon parts of a shapely geometry as one MultiPolygon (empty when it has none)."""
    parts = shapely.get_parts(geometry)
    return shapely.multipolygons(parts[shapely.get_type_id(parts) == 3])
