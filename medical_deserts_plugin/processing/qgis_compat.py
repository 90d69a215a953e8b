"""The few QGIS calls whose current form does not exist on QGIS 3.22 (the declared minimum): the current one where
QGIS has it (no deprecation warning on 3.40/3.44, works on QGIS 4 / Qt6), the 3.22 one elsewhere."""

from qgis.core import Qgis, QgsField, QgsMapLayer, QgsTextFormat
from qgis.PyQt.QtCore import QMetaType, QVariant

from ..i18n import tr

#: ``QgsField(name, QMetaType.Type)`` exists since QGIS 3.38; ``QVariant.Type`` is deprecated there and gone in Qt6.
_FIELDS_TAKE_METATYPE = Qgis.QGIS_VERSION_INT >= 33800

if _FIELDS_TAKE_METATYPE:
    _FIELD_TYPES = {"string": QMetaType.Type.QString, "int": QMetaType.Type.Int, "double": QMetaType.Type.Double,
                    "bool": QMetaType.Type.Bool}
else:
    _FIELD_TYPES = {"string": QVariant.Type.String, "int": QVariant.Type.Int, "double": QVariant.Type.Double,
                    "bool": QVariant.Type.Bool}


def new_field(name, kind):
    """A :class:`QgsField` called ``name`` of ``kind``: ``"string"``, ``"int"``, ``"double"`` or ``"bool"``."""
    return QgsField(name, _FIELD_TYPES[kind])


def parameter_as_strings(algorithm, parameters, name, context):
    """The list of strings (e.g. field names) of a multiple parameter: ``parameterAsStrings`` where QGIS has it
    (it deprecates ``parameterAsFields``; not in 3.22), ``parameterAsFields`` elsewhere."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def save_default_style(layer, name, description):
    """Save ``layer``'s style in its data source's style table as the default style; an error message, or "".
    ``saveStyleToDatabaseV2`` where QGIS has it (it deprecates ``saveStyleToDatabase``; not in 3.22)."""
    if not hasattr(layer, "saveStyleToDatabaseV2"):
        return layer.saveStyleToDatabase(name, description, True, "")
    result, error = layer.saveStyleToDatabaseV2(name, description, True, "")
    # The SLD copy is a courtesy (the QML is what QGIS loads): only a failed QML or database write is an error.
    failed = QgsMapLayer.SaveStyleResult.QmlGenerationFailed | QgsMapLayer.SaveStyleResult.DatabaseWriteFailed
    return (error or tr("QGIS gave no reason")) if result & failed else ""


def set_label_font(label, font, colour):
    """Font and colour of a layout label: its text format where QGIS has it (3.24; the font setters are deprecated
    then), the font setters on 3.22."""
    if hasattr(label, "setTextFormat"):
        text_format = QgsTextFormat.fromQFont(font)
        text_format.setColor(colour)
        label.setTextFormat(text_format)
    else:
        label.setFont(font)
        label.setFontColor(colour)


def set_legend_font(legend, style, font):
    """Font of one style (title, group, symbol label…) of a layout legend: its text format where QGIS has it (3.30;
    ``setStyleFont`` is deprecated then), the style's font on 3.22."""
    legend_style = legend.style(style)
    if hasattr(legend_style, "setTextFormat"):
        legend_style.setTextFormat(QgsTextFormat.fromQFont(font))
    else:
        legend_style.setFont(font)
    legend.setStyle(style, legend_style)
