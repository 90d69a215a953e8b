"""Default styles of the outputs: applied when QGIS loads them into the project, and saved in GeoPackage outputs."""

import numpy as np
from osgeo import ogr
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsRendererCategory,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .qgis_compat import save_default_style

#: Minutes classes and colours for travel times to care (yellow = near, dark red = far).
TIME_CLASSES = (
    (0, 10, "#ffffcc", "< 10 min"),
    (10, 20, "#fed976", "10–20 min"),
    (20, 30, "#fd8d3c", "20–30 min"),
    (30, 45, "#e31a1c", "30–45 min"),
    (45, 100000, "#800026", "≥ 45 min"),
)

#: DREES map classes of the APL to GPs (consultations per year per standardised inhabitant).
APL_CLASSES = (
    (-1e-9, 2.5, "#d7301f", "< 2.5 (priority)"),
    (2.5, 4.0, "#fdcc8a", "2.5–4"),
    (4.0, 1e9, "#31a354", "≥ 4"),
)

#: Five colours from low (poor access, red) to high (good access, green).
ACCESS_COLOURS = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")


def quantile_classes(values, colours=ACCESS_COLOURS):
    """Classes of (lower, upper, colour, label) at the quantiles of ``values`` (NaN ignored), one per colour."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if len(values) == 0:
        return ((0.0, 0.0, colours[0], "0"),)
    edges = np.unique(np.quantile(values, np.linspace(0, 1, len(colours) + 1)))
    if len(edges) == 1:
        return ((edges[0], edges[0], colours[-1], f"{edges[0]:.3g}"),)
    return tuple((lower, upper, colours[round(i * (len(colours) - 1) / max(len(edges) - 2, 1))],
                  f"{lower:.3g} – {upper:.3g}") for i, (lower, upper) in enumerate(zip(edges[:-1], edges[1:])))


def band_classes(bands_minutes, colours=ACCESS_COLOURS[::-1]):
    """Classes of (lower, upper, colour, label) for travel-time bands in minutes, green (near) to red (far)."""
    bands = [float(band) for band in bands_minutes]
    picks = np.linspace(0, len(colours) - 1, len(bands)).round().astype(int) if len(bands) > 1 else [0]
    lowers = [0.0] + bands[:-1]
    return tuple((lower, upper, colours[pick], f"{lower:g}–{upper:g} min")
                 for lower, upper, pick in zip(lowers, bands, picks))


def graduated_renderer(layer, field, classes, opacity=1.0, larger_first=False):
    """Graduated renderer on ``field`` with ``classes`` of (lower, upper, colour, label), any geometry type.

    ``opacity`` of the fills (0..1); ``larger_first`` draws features by decreasing ``field`` so that the small
    ones (the near bands) stay on top.
    """
    ranges = []
    for lower, upper, colour, label in classes:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        symbol.setOpacity(opacity)
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    if larger_first:
        renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(field, False)]))
        renderer.setOrderByEnabled(True)
    return renderer


class GraduatedStyle(QgsProcessingLayerPostProcessorInterface):
    """Post-processor that styles a loaded output by classes of ``field`` (travel-time classes by default)."""

    def __init__(self, field, classes=TIME_CLASSES, opacity=1.0, larger_first=False):
        super().__init__()
        self.field = field
        self.classes = classes
        self.opacity = opacity
        self.larger_first = larger_first

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is not None and layer.isValid():
            layer.setRenderer(graduated_renderer(layer, self.field, self.classes, self.opacity, self.larger_first))
            layer.triggerRepaint()


class CategorisedStyle(QgsProcessingLayerPostProcessorInterface):
    """Post-processor that colours a loaded output by the values of ``field``: (value, colour, label) each."""

    def __init__(self, field, categories):
        super().__init__()
        self.field = field
        self.categories = categories

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is not None and layer.isValid():
            categories = []
            for value, colour, label in self.categories:
                symbol = QgsSymbol.defaultSymbol(layer.geometryType())
                symbol.setColor(QColor(colour))
                categories.append(QgsRendererCategory(value, symbol, label))
            layer.setRenderer(QgsCategorizedSymbolRenderer(self.field, categories))
            layer.triggerRepaint()


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
