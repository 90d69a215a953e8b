"""Default styles of the outputs: applied when QGIS loads them into the project, and saved in GeoPackage outputs."""

import numpy as np
from osgeo import ogr
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .qgis_compat import save_default_style

#: Bounds (min) and colours of the travel-time classes (yellow = near, dark red = far).
TIME_BOUNDS = ((0, 10, "#ffffcc"), (10, 20, "#fed976"), (20, 30, "#fd8d3c"), (30, 45, "#e31a1c"),
               (45, 100000, "#800026"))

#: Five colours from low (poor access, red) to high (good access, green).
ACCESS_COLOURS = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")

#: Field names that name a place (commune, site), in the order they are preferred; compared case-insensitively.
NAME_FIELDS = ("nom", "nom_commune", "nom_com", "libelle", "libgeo", "lib_com", "nomcom", "name", "nom_site",
               "raison_sociale", "rs")

#: Labels of places (communes) show under this scale (1:LABEL_SCALE), not on a whole département's map.
LABEL_SCALE = 250000

#: Colour of the "no value" class (NULL) of the graduated styles.
NO_VALUE_COLOUR = "#cccccc"


def time_classes():
    """Travel-time classes (lower, upper, colour, label), in minutes."""
    labels = (tr("< 10 min"), tr("10–20 min"), tr("20–30 min"), tr("30–45 min"), tr("≥ 45 min"))
    return tuple((lower, upper, colour, label) for (lower, upper, colour), label in zip(TIME_BOUNDS, labels))


def apl_classes():
    """DREES map classes of the APL to GPs, in consultations per year per standardised inhabitant."""
    return ((-1e-9, 2.5, "#d7301f", tr("< 2.5 consultations/yr/inhabitant (priority zone)")),
            (2.5, 4.0, "#fdcc8a", tr("2.5–4 consultations/yr/inhabitant (vigilance)")),
            (4.0, 1e9, "#31a354", tr("≥ 4 consultations/yr/inhabitant")))


def name_field(names):
    """The field among ``names`` that names the places (commune or site name: ``nom``, ``LIBGEO``…), or None."""
    by_lower = {name.lower(): name for name in names}
    return next((by_lower[candidate] for candidate in NAME_FIELDS if candidate in by_lower), None)


def place_label(names, id_field=None):
    """Label expression of places: their name field when ``names`` has one, else ``id_field`` (None: no label)."""
    field = name_field(names) or id_field
    return None if field is None else '"{}"'.format(field.replace('"', '""'))


def quantile_classes(values, colours=ACCESS_COLOURS, unit=""):
    """Classes of (lower, upper, colour, label) at the quantiles of ``values`` (NaN ignored), one per colour;
    ``unit`` follows the numbers of the labels."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    suffix = f" {unit}" if unit else ""
    if len(values) == 0:
        return ((0.0, 0.0, colours[0], "0" + suffix),)
    edges = np.unique(np.quantile(values, np.linspace(0, 1, len(colours) + 1)))
    if len(edges) == 1:
        return ((edges[0], edges[0], colours[-1], f"{edges[0]:.3g}{suffix}"),)
    return tuple((lower, upper, colours[round(i * (len(colours) - 1) / max(len(edges) - 2, 1))],
                  f"{lower:.3g} – {upper:.3g}{suffix}") for i, (lower, upper) in enumerate(zip(edges[:-1], edges[1:])))


def band_classes(bands_minutes, colours=ACCESS_COLOURS[::-1]):
    """Classes of (lower, upper, colour, label) for travel-time bands in minutes, green (near) to red (far)."""
    bands = [float(band) for band in bands_minutes]
    picks = np.linspace(0, len(colours) - 1, len(bands)).round().astype(int) if len(bands) > 1 else [0]
    lowers = [0.0] + bands[:-1]
    return tuple((lower, upper, colours[pick], tr("{lower:g}–{upper:g} min").format(lower=lower, upper=upper))
                 for lower, upper, pick in zip(lowers, bands, picks))


def time_change_classes():
    """Classes of the change of minutes to the nearest GP (after − before): time saved green, lost red."""
    return ((-1e5, -15, "#1a9641", tr("≥ 15 min saved")),
            (-15, -5, "#a6d96a", tr("5–15 min saved")),
            (-5, -0.5, "#d9f0a3", tr("0.5–5 min saved")),
            (-0.5, 0.5, "#f7f7f7", tr("unchanged (± 0.5 min)")),
            (0.5, 1e5, "#d7191c", tr("longer")))


def apl_change_classes():
    """Classes of the change of APL (after − before), in consultations per year per standardised inhabitant."""
    return ((-1e9, -0.05, "#d7191c", tr("lower")),
            (-0.05, 0.05, "#f7f7f7", tr("unchanged (± 0.05 consultations/yr/inhabitant)")),
            (0.05, 1.0, "#d9f0a3", tr("+0.05 to +1 consultation/yr/inhabitant")),
            (1.0, 2.5, "#a6d96a", tr("+1 to +2.5 consultations/yr/inhabitant")),
            (2.5, 5.0, "#41ab5d", tr("+2.5 to +5 consultations/yr/inhabitant")),
            (5.0, 1e9, "#006837", tr("≥ +5 consultations/yr/inhabitant")))


def rank_classes():
    """Classes of the rank of a suggested site (1 = the most useful): (lower, upper, colour, label, size mm)."""
    return ((0.5, 1.5, "#54278f", tr("Rank 1"), 5.0),
            (1.5, 3.5, "#756bb1", tr("Ranks 2–3"), 4.0),
            (3.5, 10.5, "#9e9ac8", tr("Ranks 4–10"), 3.2),
            (10.5, 1e6, "#cbc9e2", tr("Ranks 11 and more"), 2.6))


def _symbol(layer, colour, opacity=1.0, size=None):
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    symbol.setOpacity(opacity)
    if size is not None and layer.geometryType() == QgsWkbTypes.GeometryType.PointGeometry:
        symbol.setSize(size)
    elif size is not None and layer.geometryType() == QgsWkbTypes.GeometryType.LineGeometry:
        symbol.setWidth(size)
    return symbol


def graduated_renderer(layer, field, classes, opacity=1.0, larger_first=False, null_label=None, rules=()):
    """Renderer of ``classes`` of ``field``, (lower, upper, colour, label[, size]) each, any geometry type.

    ``opacity`` of the fills (0..1); ``larger_first`` draws features by decreasing ``field`` so that the small
    ones (the near bands) stay on top. With ``null_label``, features whose ``field`` is NULL (or out of the
    classes) are drawn grey under that legend label: the renderer is then rule-based (a graduated renderer
    skips them). ``rules``, (filter expression, colour, label) each, are drawn before that grey class, for
    features that no class holds.
    """
    ranges = [QgsRendererRange(lower, upper, _symbol(layer, colour, opacity, *size), label)
              for lower, upper, colour, label, *size in classes]
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    if null_label is not None:
        renderer = QgsRuleBasedRenderer.convertFromRenderer(renderer, layer)
        for expression, colour, label in rules:
            renderer.rootRule().appendChild(QgsRuleBasedRenderer.Rule(
                _symbol(layer, colour, opacity), 0, 0, expression, label))
        other = QgsRuleBasedRenderer.Rule(_symbol(layer, NO_VALUE_COLOUR, opacity), 0, 0, "ELSE", null_label)
        other.setIsElse(True)
        renderer.rootRule().appendChild(other)
    if larger_first:
        renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(field, False)]))
        renderer.setOrderByEnabled(True)
    return renderer


def place_labeling(expression, max_scale=None):
    """Labels of ``expression`` in dark grey with a white halo, above points and lines' middle, inside polygons;
    shown only at scales larger than 1:``max_scale`` when given (so that a département's 600 communes do not
    hide the map)."""
    text = QgsTextFormat()
    text.setSize(8)
    text.setColor(QColor("#252525"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.8)
    halo.setColor(QColor("#ffffff"))
    text.setBuffer(halo)
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(text)
    settings.dist = 1.2  # mm between a point's symbol and its label
    if max_scale:
        settings.scaleVisibility = True
        settings.minimumScale = max_scale
        settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


class LayerStyle(QgsProcessingLayerPostProcessorInterface):
    """Post-processor that gives a loaded output a renderer and, with ``label``, labels of that expression
    (shown under 1:``label_scale`` when given); ``aliases`` (field name -> alias) name fields for the user, with
    their unit."""

    def __init__(self, label=None, label_scale=None, aliases=None):
        super().__init__()
        self.label = label
        self.label_scale = label_scale
        self.aliases = aliases or {}

    def renderer(self, layer):
        raise NotImplementedError

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is not None and layer.isValid():
            if layer.isSpatial():  # a table (places without geometry, times from a travel-time table) is not drawn
                layer.setRenderer(self.renderer(layer))
            if self.label and layer.isSpatial():
                layer.setLabeling(place_labeling(self.label, self.label_scale))
                layer.setLabelsEnabled(True)
            for name, alias in self.aliases.items():
                layer.setFieldAlias(layer.fields().indexOf(name), alias)
            layer.triggerRepaint()


class GraduatedStyle(LayerStyle):
    """Style by classes of ``field`` (travel-time classes by default); see :func:`graduated_renderer`."""

    def __init__(self, field, classes=None, opacity=1.0, larger_first=False, null_label=None, rules=(), **labels):
        super().__init__(**labels)
        self.rules = rules
        self.field = field
        self.classes = time_classes() if classes is None else classes
        self.opacity = opacity
        self.larger_first = larger_first
        self.null_label = null_label

    def renderer(self, layer):
        return graduated_renderer(layer, self.field, self.classes, self.opacity, self.larger_first, self.null_label,
                                  self.rules)


class CategorisedStyle(LayerStyle):
    """Style by the values of ``field``: (value, colour, label) each."""

    def __init__(self, field, categories, **labels):
        super().__init__(**labels)
        self.field = field
        self.categories = categories

    def renderer(self, layer):
        return QgsCategorizedSymbolRenderer(self.field, [
            QgsRendererCategory(value, _symbol(layer, colour), label) for value, colour, label in self.categories])


class SymbolStyle(LayerStyle):
    """One symbol of ``colour`` for every feature (``size``: mm of points, width of lines)."""

    def __init__(self, colour, size=None, opacity=1.0, **labels):
        super().__init__(**labels)
        self.colour = colour
        self.size = size
        self.opacity = opacity

    def renderer(self, layer):
        return QgsSingleSymbolRenderer(_symbol(layer, self.colour, self.opacity, self.size))


_KEEP_ALIVE = []


#: styles to embed in the GeoPackage outputs of a run once its sinks are closed, by the run's context address
_TO_EMBED = {}


def style_on_load(context, destination_id, post_processor):
    """Apply ``post_processor`` when ``destination_id`` is loaded into the project (GUI runs), and save it as the
    default style of a GeoPackage output (:func:`embed_styles`), so that it opens styled after ``qgis_process``."""
    _TO_EMBED.setdefault(sip.unwrapinstance(context), []).append((destination_id, post_processor))
    if context.willLoadLayerOnCompletion(destination_id):
        _KEEP_ALIVE[:] = _KEEP_ALIVE[-31:] + [post_processor]
        context.layerToLoadOnCompletionDetails(destination_id).setPostProcessor(post_processor)


def discard_styles(context):
    """Forget the styles to embed of an earlier run with the same context."""
    _TO_EMBED.pop(sip.unwrapinstance(context), None)


def forget_saved_styles(destination_id):
    """Remove the styles saved for the layer ``destination_id`` of a GeoPackage, before saving its new one (QGIS
    3.22 hangs when it updates the saved style of a layer written anew into an existing GeoPackage)."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", destination_id)
    dataset = ogr.Open(parts["path"], 1)
    if dataset is None or dataset.GetLayerByName("layer_styles") is None:
        return
    table = parts.get("layerName") or dataset.GetLayer(0).GetName()
    dataset.ExecuteSQL("DELETE FROM layer_styles WHERE f_table_name = '{}'".format(table.replace("'", "''")))
    dataset = None


def embed_styles(context, feedback):
    """Save the styles asked for during this run into its GeoPackage outputs (table layer_styles, default style);
    called after the algorithm, when the outputs are written and closed. Other outputs are left as they are."""
    for destination_id, post_processor in _TO_EMBED.pop(sip.unwrapinstance(context), []):
        if not isinstance(destination_id, str) or ".gpkg" not in destination_id.lower():
            continue
        layer = QgsVectorLayer(destination_id, "output", "ogr")
        if not layer.isValid():
            continue
        forget_saved_styles(destination_id)
        post_processor.postProcessLayer(layer, context, feedback)
        error = save_default_style(layer, "medical deserts", "Default style of the Medical deserts plugin")
        if error:
            feedback.pushWarning(tr("The style could not be saved in {path}: {error}").format(
                path=destination_id, error=error))
