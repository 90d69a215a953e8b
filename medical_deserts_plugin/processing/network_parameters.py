"""The one shared block of road-network parameters, and the travel-time engine it describes.

Every algorithm that needs travel times adds these parameters with ``add_network_parameters`` and gets its engine
from ``travel_engine``: same names, same defaults, same help everywhere.
"""

import hashlib
import threading

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.network import BACKWARD, FORWARD, NetworkTravel, StraightLineTravel, build_network
from ..core.speeds import SPEED_PRESETS, speeds_from_classes
from ..i18n import tr
from .base import advanced, explained, section
from .fields import SPEED_UNITS, number_field_parameter, read_numbers
from .layers import DEFAULT_CRS, check_working_crs, default_crs, is_line_layer, is_null, read_input

ROADS = "ROADS"
SPEED_FIELD = "SPEED_FIELD"
ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
SPEED_PRESET = "SPEED_PRESET"
DEFAULT_SPEED = "DEFAULT_SPEED"
DIRECTION_FIELD = "DIRECTION_FIELD"
VALUE_FORWARD = "VALUE_FORWARD"
VALUE_BACKWARD = "VALUE_BACKWARD"
TOPOLOGY_TOLERANCE = "TOPOLOGY_TOLERANCE"
SNAP_TOLERANCE = "SNAP_TOLERANCE"
ACCESS_SPEED = "ACCESS_SPEED"
STRAIGHT_SPEED = "STRAIGHT_SPEED"
DETOUR_FACTOR = "DETOUR_FACTOR"
WORKING_CRS = "WORKING_CRS"

PRESET_KEYS = list(SPEED_PRESETS)


def preset_labels():
    """Labels of the SPEED_PRESET enum, in the order of SPEED_PRESETS (new presets go at the end)."""
    return [
        tr("OpenStreetMap “highway”, near legal limits"),
        tr("IGN BD TOPO “NATURE”, near legal limits"),
        tr("IGN ROUTE 500 “CLASS_ADM” (autoroute, nationale, départementale), near legal limits"),
        tr("IGN ROUTE 500 “VOCATION”, near legal limits"),
        tr("OpenStreetMap “highway”, average speeds (OSRM car profile)"),
        tr("IGN BD TOPO “NATURE”, average speeds (OSRM car profile)"),
        tr("IGN ROUTE 500 “CLASS_ADM”, average speeds (OSRM car profile)"),
        tr("IGN ROUTE 500 “VOCATION”, average speeds (OSRM car profile)"),
    ]


def speed_preset_parameter():
    """The SPEED_PRESET enum with its help (shared by the network block and the chain model)."""
    return explained(QgsProcessingParameterEnum(
        SPEED_PRESET, tr("Speeds of road classes"), options=preset_labels(), defaultValue=0), tr(
        "“Near legal limits”: each class at about its speed limit, the fastest a car may go. “Average speeds”: "
        "the speeds of OpenStreetMap's most used router, OSRM (car profile, roads without a speed tag: motorway "
        "90, trunk 85, primary 65, secondary 55, tertiary 40, unclassified and residential 25 km/h); IGN classes "
        "take the speed of the OSM class of the same roads (ROUTE 500 départementale = between secondary and "
        "tertiary, 47.5 km/h; BD TOPO route à 1 chaussée = tertiary, 40 km/h). Average speeds model a trip, with its bends, villages and "
        "junctions, and come closer to the DREES APL; legal limits make times too short. Built-up areas are not "
        "slowed down."))


def add_network_parameters(algorithm):
    """Add the shared road-network parameters to ``algorithm`` (the less common ones as advanced)."""

    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        ROADS, tr("Road network (lines; leave empty for straight-line distance)"),
        [QgsProcessing.SourceType.TypeVectorLine], optional=True))
    algorithm.addParameter(number_field_parameter(SPEED_FIELD, tr("Speed field (km/h)"), ROADS))
    algorithm.addParameter(QgsProcessingParameterField(
        ROAD_CLASS_FIELD, tr("Road class field (speed from the preset below)"), parentLayerParameterName=ROADS,
        optional=True))
    algorithm.addParameter(speed_preset_parameter())
    algorithm.addParameter(QgsProcessingParameterNumber(
        DEFAULT_SPEED, tr("Default speed (km/h)"), QgsProcessingParameterNumber.Type.Double, defaultValue=50.0))
    algorithm.addParameter(QgsProcessingParameterField(
        DIRECTION_FIELD, tr("One-way field"), parentLayerParameterName=ROADS, optional=True))
    algorithm.addParameter(section(tr("Road network"), advanced(QgsProcessingParameterString(
        VALUE_FORWARD, tr("One-way values, in drawing direction (comma separated)"),
        defaultValue="yes,true,1,FT,Sens direct,Direct"))))
    algorithm.addParameter(advanced(QgsProcessingParameterString(
        VALUE_BACKWARD, tr("One-way values, against drawing direction (comma separated)"),
        defaultValue="-1,reverse,TF,Sens inverse,Inverse")))
    algorithm.addParameter(advanced(QgsProcessingParameterDistance(
        TOPOLOGY_TOLERANCE, tr("Topology tolerance: road vertices closer than this are joined (m)"),
        defaultValue=0.5, parentParameterName=ROADS, minValue=0.0)))
    algorithm.addParameter(advanced(QgsProcessingParameterDistance(
        SNAP_TOLERANCE, tr("Farthest a place may be from a road (m; 0 = no limit)"),
        defaultValue=10000.0, parentParameterName=ROADS, minValue=0.0)))
    algorithm.addParameter(advanced(QgsProcessingParameterNumber(
        ACCESS_SPEED, tr("Speed from a place to its nearest road, straight line (km/h)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=20.0)))
    algorithm.addParameter(advanced(QgsProcessingParameterNumber(
        STRAIGHT_SPEED, tr("Speed without a road network, straight line (km/h)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=50.0)))
    algorithm.addParameter(advanced(QgsProcessingParameterNumber(
        DETOUR_FACTOR, tr("Detour factor without a road network (road distance / straight distance)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=1.3)))
    algorithm.addParameter(working_crs_parameter())


def working_crs_parameter():
    """The working-CRS parameter (advanced), shared by every algorithm that measures in metres."""
    return advanced(QgsProcessingParameterCrs(
        WORKING_CRS, tr("Working CRS, projected in metres (inputs are reprojected to it)"), defaultValue=DEFAULT_CRS,
        optional=True))


def working_crs(algorithm, parameters, context):
    """The working CRS (EPSG:2154 when none is given), refused when geographic."""
    if parameters.get(WORKING_CRS) in (None, ""):
        return default_crs()
    return check_working_crs(algorithm.parameterAsCrs(parameters, WORKING_CRS, context))


def _values(text):
    return {value.strip().lower() for value in (text or "").split(",") if value.strip()}


def _positive(value, message):
    if not (value > 0):
        raise QgsProcessingException(message)
    return value


def road_directions(values, forward_text, backward_text):
    """FORWARD / BACKWARD / both ways per line from the one-way field's values."""
    forward, backward = _values(forward_text), _values(backward_text)
    labels = np.array(["" if is_null(value) else str(value).strip().lower() for value in values], dtype=object)
    direction = np.zeros(len(labels), dtype=np.int8)
    direction[np.isin(labels, list(forward))] = FORWARD
    direction[np.isin(labels, list(backward))] = BACKWARD
    return direction


def road_speeds(algorithm, parameters, context, data, feedback):
    """Speed (km/h) of each road line and which lines cars can use."""
    default_speed = _positive(
        algorithm.parameterAsDouble(parameters, DEFAULT_SPEED, context),
        tr("The default speed must be more than 0 km/h."),
    )
    speed_field = algorithm.parameterAsString(parameters, SPEED_FIELD, context)
    class_field = algorithm.parameterAsString(parameters, ROAD_CLASS_FIELD, context)
    n = len(data.geometries)
    speeds = np.full(n, default_speed)
    drivable = np.ones(n, dtype=bool)
    if class_field:
        preset = PRESET_KEYS[algorithm.parameterAsEnum(parameters, SPEED_PRESET, context)]
        speeds, drivable, unknown = speeds_from_classes(data.columns[class_field], preset, default_speed)
        if unknown:
            feedback.pushInfo(tr("{count} road line(s) have a class the preset does not know: {speed} km/h used.")
                              .format(count=unknown, speed=default_speed))
        if (~drivable).any():
            feedback.pushInfo(tr("{count} road line(s) cars cannot use (paths, cycle ways…) are left out.")
                              .format(count=int((~drivable).sum())))
    if speed_field:
        field_speed = read_numbers(data, speed_field, tr("speed"), SPEED_UNITS, negative=True)
        given = ~np.isnan(field_speed)
        bad = given & ~(field_speed > 0)
        if bad.any():
            ids = [str(data.feature_ids[i]) for i in np.flatnonzero(bad)[:5]]
            raise QgsProcessingException(
                tr("{count} road line(s) have a speed of 0 km/h or less in “{field}” (feature ids {ids}): "
                   "correct them, or empty the value to use the class or default speed.").format(
                    count=int(bad.sum()), field=speed_field, ids=", ".join(ids)))
        speeds = np.where(given, field_speed, speeds)
        drivable |= given
    return speeds, drivable


def road_network(algorithm, parameters, context, feedback, crs):
    """Build the road graph from the ROADS layer, or return None when there is no road layer."""
    source = algorithm.parameterAsSource(parameters, ROADS, context)
    if source is None:
        return None
    if not is_line_layer(source):
        raise QgsProcessingException(tr("The road network must be a line layer."))
    fields = [algorithm.parameterAsString(parameters, name, context)
              for name in (SPEED_FIELD, ROAD_CLASS_FIELD, DIRECTION_FIELD)]
    data = read_input(algorithm, parameters, ROADS, context, crs, tr("road network"), fields=fields,
                      keep_features=False, feedback=feedback)
    speeds, drivable = road_speeds(algorithm, parameters, context, data, feedback)
    direction_field = fields[2]
    direction = (road_directions(data.columns[direction_field],
                                 algorithm.parameterAsString(parameters, VALUE_FORWARD, context),
                                 algorithm.parameterAsString(parameters, VALUE_BACKWARD, context))
                 if direction_field else np.zeros(len(speeds), dtype=np.int8))
    present = ~(shapely.is_missing(data.geometries) | shapely.is_empty(data.geometries))
    if (~present).any():
        feedback.pushWarning(tr("{count} road line(s) without geometry are left out.").format(
            count=int((~present).sum())))
    keep = np.flatnonzero(present & drivable)
    if len(keep) == 0:
        raise QgsProcessingException(tr("The road network has no usable line."))
    parts = shapely.get_parts(data.geometries[keep], return_index=True)
    coords, part_of_vertex = shapely.get_coordinates(parts[0], return_index=True)
    line_of_part = keep[parts[1]]
    tolerance = algorithm.parameterAsDouble(parameters, TOPOLOGY_TOLERANCE, context)
    check_topology_tolerance(tolerance, coords, part_of_vertex)
    network, reused = built_network(coords, part_of_vertex, speeds[line_of_part], direction[line_of_part], tolerance)
    feedback.pushInfo(tr("Road network: {lines} lines, {nodes} nodes, {edges} directed edges, {parts} connected "
                         "part(s).").format(lines=len(keep), nodes=network.node_count, edges=network.graph.nnz,
                                            parts=network.component_count())
                      + (tr(" The same roads as the previous run: its network is reused.") if reused else ""))
    return network


_last_network = {}  # {content key: RoadNetwork}: the last network built, one at a time
_last_network_lock = threading.Lock()


def built_network(coords, part_of_vertex, speeds, direction, tolerance):
    """(``build_network`` of these arrays, whether it was reused): the last network built is kept, so that the
    algorithms of a chain (a model, a session, the demo) on the same roads build it once, its spatial index too.
    The key is the content itself (vertices, speeds, directions, tolerance), so an edited or another layer with
    other roads never gets a stale network."""
    digest = hashlib.blake2b(digest_size=16)
    for array in (coords, part_of_vertex, speeds, direction, np.float64(tolerance)):
        array = np.ascontiguousarray(array)
        digest.update(f"{array.dtype.str}{array.shape}".encode())
        digest.update(memoryview(array).cast("B"))
    key = digest.digest()
    with _last_network_lock:
        network = _last_network.get(key)
    if network is not None:
        return network, True
    network = build_network(coords, part_of_vertex, speeds, direction, tolerance)
    with _last_network_lock:
        _last_network.clear()
        _last_network[key] = network
    return network, False


def check_topology_tolerance(tolerance, coords, part_of_vertex):
    """Refuse a topology tolerance (m) that would collapse the network: the rule is that it must stay under the
    median length of the road segments (between consecutive vertices), else joining vertices that close would
    shrink most segments to nothing (a tolerance wider than the whole network is the extreme case)."""
    same_part = part_of_vertex[1:] == part_of_vertex[:-1]
    lengths = np.hypot(*(coords[1:, :2] - coords[:-1, :2])[same_part].T)
    lengths = lengths[lengths > 0]
    if len(lengths) and tolerance >= np.median(lengths):
        raise QgsProcessingException(
            tr("The topology tolerance ({tolerance:g} m) is not under the median length of the road segments "
               "({median:.3g} m): joining vertices that close would merge most of the network into a few nodes. "
               "Use a tolerance of a few metres at most (0.5 m by default).").format(
                tolerance=tolerance, median=float(np.median(lengths))))


def travel_engine(algorithm, parameters, context, feedback, crs):
    """The travel-time engine the parameters describe: the road network, or straight lines with a detour."""
    network = road_network(algorithm, parameters, context, feedback, crs)
    if network is None:
        speed = _positive(algorithm.parameterAsDouble(parameters, STRAIGHT_SPEED, context),
                          tr("The straight-line speed must be more than 0 km/h."))
        detour = algorithm.parameterAsDouble(parameters, DETOUR_FACTOR, context)
        if not detour >= 1:
            raise QgsProcessingException(tr("The detour factor must be 1 or more."))
        feedback.pushInfo(tr("No road network: straight-line distance × {detour} at {speed} km/h.").format(
            detour=detour, speed=speed))
        return StraightLineTravel(speed, detour)
    access_speed = _positive(algorithm.parameterAsDouble(parameters, ACCESS_SPEED, context),
                             tr("The access speed must be more than 0 km/h."))
    snap = algorithm.parameterAsDouble(parameters, SNAP_TOLERANCE, context)
    return NetworkTravel(network, access_speed, snap if snap > 0 else None)


def report_snapping(engine, feedback, labels_and_counts):
    """Say how many places could not reach the road network, and how far the others were from it (metres)."""
    snap = engine.last_snap
    if snap is None:
        return
    start = 0
    for label, count in labels_and_counts:
        part = slice(start, start + count)
        start += count
        off = int((~snap.snapped[part]).sum())
        if off:
            feedback.pushWarning(tr("{count} {label} are farther from any road than the snap tolerance: "
                                    "they get no travel time.").format(count=off, label=label))
        reached = snap.distance_m[part][snap.snapped[part]]
        if len(reached):
            feedback.pushInfo(tr("{label}: distance to the road network median {median:.0f} m, max {max:.0f} m.")
                              .format(label=label, median=float(np.median(reached)), max=float(reached.max())))
