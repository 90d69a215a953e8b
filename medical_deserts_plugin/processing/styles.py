"""Default styles applied to outputs when QGIS loads them into the project."""

from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererRange,
    QgsSymbol,
)
from qgis.PyQt.QtGui import QColor

#: Minutes classes and colours for travel times to care (yellow = near, dark red = far).
TIME_CLASSES = (
    (0, 10, "#ffffcc", "< 10 min"),
    (10, 20, "#fed976", "10–20 min"),
    (20, 30, "#fd8d3c", "20–30 min"),
    (30, 45, "#e31a1c", "30–45 min"),
    (45, 100000, "#800026", "≥ 45 min"),
)


def graduated_renderer(layer, field, classes):
    """Graduated renderer on ``field`` with ``classes`` of (lower, upper, colour, label), any geometry type."""
    ranges = []
    for lower, upper, colour, label in classes:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    return renderer


class GraduatedStyle(QgsProcessingLayerPostProcessorInterface):
    """Post-processor that styles a loaded output by travel-time classes."""

    def __init__(self, field, classes=TIME_CLASSES):
        super().__init__()
        self.field = field
        self.classes = classes

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is not None and layer.isValid():
            layer.setRenderer(graduated_renderer(layer, self.field, self.classes))
            layer.triggerRepaint()


_KEEP_ALIVE = []


def style_on_load(context, destination_id, post_processor):
    """Apply ``post_processor`` when ``destination_id`` is loaded into the project (GUI runs)."""
    if context.willLoadLayerOnCompletion(destination_id):
        _KEEP_ALIVE[:] = _KEEP_ALIVE[-31:] + [post_processor]
        context.layerToLoadOnCompletionDetails(destination_id).setPostProcessor(post_processor)
