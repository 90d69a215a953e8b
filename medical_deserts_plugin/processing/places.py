"""Parameters and reading of the place layers (demand units, facilities, origins, destinations)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
)

from ..core.borders import short_sides
from ..i18n import tr
from .base import section
from .layers import feature_ids, has_geometry, is_null, located, located_points, read_input
from .styles import name_field

POLYGON_POINT = "POLYGON_POINT"
PLACE_TYPES = [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]
#: places whose positions a travel-time table makes unneeded: points, polygons, or a table without geometry
TABLE_PLACE_TYPES = [QgsProcessing.SourceType.TypeVector]


def place_source_parameter(name, description, optional=False, table=False):
    """A layer of places: points or polygons, or also a table without geometry when ``table`` (an algorithm that
    can take its times from a travel-time table)."""
    return QgsProcessingParameterFeatureSource(name, description, TABLE_PLACE_TYPES if table else PLACE_TYPES,
                                               optional=optional)


def polygon_point_parameter():
    """Where a polygon's travel starts; it opens the dialog's travel-time section (the road network follows)."""
    return section(tr("Travel times"), QgsProcessingParameterEnum(
        POLYGON_POINT, tr("Where a polygon (commune, cell) starts from"),
        options=[tr("Point on surface (always inside)"), tr("Centroid")], defaultValue=0))


def read_places(algorithm, parameters, context, feedback, crs, layer_parameter, id_parameter, label,
                positions=True):
    """Read a place layer: its data (features in the working CRS), (x, y) in metres, and text ids.

    ``positions``: whether the run needs where the places are (False with a travel-time table: then a table
    without geometry is read too, and a place without geometry has NaN for x and y); a layer without geometry is
    refused when it does, naming it."""
    id_field = algorithm.parameterAsString(parameters, id_parameter, context) if id_parameter else ""
    source = algorithm.parameterAsSource(parameters, layer_parameter, context)
    if positions and source is not None and not has_geometry(source):
        raise QgsProcessingException(tr(
            "Without a travel-time table, the {label} layer needs point or polygon geometry: “{name}” has none (a "
            "table). Give it geometry, or give a travel-time table (the output of “Travel-time matrix” or another "
            "router's) whose identifiers match the identifier fields.").format(label=label, name=source.sourceName()))
    data = read_input(algorithm, parameters, layer_parameter, context, crs, label, fields=[id_field], feedback=feedback)
    how = algorithm.parameterAsEnum(parameters, POLYGON_POINT, context)
    xy = located_points(data, label, how, missing_ok=not positions)
    if data.transformed_from and has_geometry(source):
        feedback.pushInfo(tr("The {label} layer is reprojected from {source} to {target}.").format(
            label=label, source=data.transformed_from, target=crs.authid()))
    return data, xy, feature_ids(data, id_field)


def place_names(features):
    """Each feature's name from the name field of its layer (``nom``, ``LIBGEO``…; NULL gives ""), or None when
    the layer has none."""
    field = name_field(features[0].fields().names()) if features else None
    if field is None:
        return None
    return ["" if is_null(feature[field]) else str(feature[field]) for feature in features]


#: Width of the belt of supply a territory needs beyond its edge: 1 km per minute of the time limit (60 km/h), at
#: most 30 km (km).
BELT_KM_PER_MINUTE, BELT_MAX_KM = 1.0, 30.0


def side_names():
    return {"west": tr("west"), "east": tr("east"), "south": tr("south"), "north": tr("north")}


def warn_if_supply_stops_at_the_edge(feedback, demand_xy, supply_xy, minutes, label):
    """A warning when the ``label`` layer (supply, facilities) stops within a belt of the demand units' edge: what
    lies beyond (the neighbouring départements' GPs) is not counted. The belt is 1 km per minute of ``minutes``
    (the time limit), at most 30 km. Places without geometry (tables, with a travel-time table) are left out."""
    demand_xy, supply_xy = demand_xy[located(demand_xy)], supply_xy[located(supply_xy)]
    belt_km = min(minutes * BELT_KM_PER_MINUTE, BELT_MAX_KM)
    sides, at_edge = short_sides(demand_xy, supply_xy, belt_km * 1000.0)
    if sides:
        names = side_names()
        feedback.pushWarning(tr(
            "The {label} layer stops within {km:g} km of the demand units' edge on the {sides} side(s): what lies "
            "beyond (a neighbouring département's) is not counted, so {count} demand unit(s) near that edge may get "
            "too low an index or too long a time. Add the {label} of a {km:g} km belt around the territory (and, "
            "for the APL, its population).").format(
            label=label, km=belt_km, sides=", ".join(names[side] for side in sides), count=int(at_edge.sum())))
