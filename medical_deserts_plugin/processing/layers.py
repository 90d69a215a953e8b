"""QGIS layers <-> numpy/shapely arrays, in a metric working CRS (EPSG:2154 Lambert-93 by default)."""

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
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


class LayerData:
    """Features of a source read into the working CRS: shapely geometries, attribute columns, the features."""

    def __init__(self, features, feature_ids, geometries, columns, transformed_from, wkb_type):
        self.features = features
        self.feature_ids = feature_ids
        self.wkb_type = wkb_type
        self.geometries = geometries
        self.columns = columns
        self.transformed_from = transformed_from

    def __len__(self):
        return len(self.feature_ids)


def read_layer(source, crs, context, label, fields=(), keep_features=True, feedback=None):
    """Read every feature of ``source`` into ``crs``; ``label`` names the input in error messages.

    Raises a clear QgsProcessingException for a missing layer, an empty layer, a missing field or a
    geometry that cannot be reprojected.
    """
    if source is None:
        raise QgsProcessingException(tr("The {label} layer could not be opened.").format(label=label))
    names = source.fields().names()
    for name in fields:
        if name and name not in names:
            raise QgsProcessingException(
                tr("The {label} layer has no field “{field}” (its fields: {names}).").format(
                    label=label, field=name, names=", ".join(names) or "-"
                )
            )
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    if not keep_features:
        request.setSubsetOfAttributes([names.index(name) for name in fields if name])
    features, ids, wkbs = [], [], []
    total = source.featureCount()
    try:
        for feature in source.getFeatures(request):
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
    if not ids:
        raise QgsProcessingException(
            tr("The {label} layer has no features.").format(label=label)
            if total in (0, -1) else tr("The {label} layer could not be read.").format(label=label)
        )
    columns = {name: [feature[name] for feature in features] for name in fields if name}
    transformed_from = source.sourceCrs().authid() if source.sourceCrs() != crs else None
    return LayerData(
        features if keep_features else [], ids, shapely.from_wkb(wkbs), columns, transformed_from, source.wkbType()
    )


def located_points(data, label, polygon_point=POINT_ON_SURFACE):
    """One (x, y) per feature: points as they are, other shapes by point on surface or centroid.

    A feature without geometry is an error: a place that is nowhere cannot have a travel time.
    """
    geometries = data.geometries
    missing = np.flatnonzero(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    if len(missing):
        ids = [str(data.feature_ids[i]) for i in missing[:5]]
        raise QgsProcessingException(
            tr("{count} feature(s) of the {label} layer have no geometry (feature ids {ids}): "
               "fix or remove them.").format(count=len(missing), label=label, ids=", ".join(ids))
        )
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        geometries[invalid] = shapely.make_valid(geometries[invalid])
    points = shapely.centroid(geometries) if polygon_point == CENTROID else shapely.point_on_surface(geometries)
    return shapely.get_coordinates(points)


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
    return QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.LineGeometry


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
