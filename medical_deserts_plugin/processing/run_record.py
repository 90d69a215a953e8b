"""What a run did, recorded in the metadata of its output layers (Layer properties › Metadata in QGIS): an abstract
for the user and keywords of the vocabulary :data:`VOCABULARY`, ``key=value`` each, that ``councilreport`` reads
back. Saved in the GeoPackage (table gpkg_metadata, so it survives a copy of the file) or, for other files, beside
it (.qmd); set on the layer itself for a memory output. A layer made elsewhere has no record: :func:`recorded`
gives an empty dict."""

from qgis.core import QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt import sip

from ..i18n import tr

VOCABULARY = "medical_deserts"

#: records to save once the run's outputs are written and closed, by the run's context address
_TO_RECORD = {}


def record_on_output(context, destination_id, algorithm, summary, values):
    """Record what ``algorithm`` did (``summary``, a line for the user, and ``values``, key -> value, None left
    out) in the metadata of the output ``destination_id`` at the end of the run (:func:`save_records`)."""
    entries = [f"{key}={value}" for key, value in values.items() if value is not None]
    abstract = "\n".join([tr("Made by “{algorithm}” (Medical deserts plugin).").format(
        algorithm=algorithm.displayName()), summary] + entries)
    _TO_RECORD.setdefault(sip.unwrapinstance(context), []).append((destination_id, abstract, entries))


def discard_records(context):
    """Forget the records of a run that failed or was cancelled."""
    _TO_RECORD.pop(sip.unwrapinstance(context), None)


def _with_table(destination_id):
    """``destination_id`` naming its GeoPackage table (QGIS saves a GeoPackage layer's metadata by table)."""
    registry = QgsProviderRegistry.instance()
    parts = registry.decodeUri("ogr", destination_id)
    if parts.get("path", "").lower().endswith(".gpkg") and not parts.get("layerName"):
        layer = QgsVectorLayer(destination_id, "output", "ogr")
        names = layer.dataProvider().subLayers() if layer.isValid() else []
        if names:
            parts["layerName"] = names[0].split(layer.dataProvider().sublayerSeparator())[1]
    return registry.encodeUri("ogr", parts)


def save_records(context, feedback):
    """Write the records of this run into its outputs' metadata; called after the algorithm, when the outputs are
    written and closed."""
    for destination_id, abstract, entries in _TO_RECORD.pop(sip.unwrapinstance(context), []):
        layer = context.temporaryLayerStore().mapLayer(destination_id) if isinstance(destination_id, str) else None
        in_memory = layer is not None
        if not in_memory:
            layer = QgsVectorLayer(_with_table(destination_id), "output", "ogr")
            if not layer.isValid():
                continue
        metadata = layer.metadata()
        metadata.setAbstract(abstract)
        keywords = metadata.keywords()
        keywords[VOCABULARY] = entries
        metadata.setKeywords(keywords)
        layer.setMetadata(metadata)
        if not in_memory:
            message, saved = layer.saveDefaultMetadata()
            if not saved:
                feedback.pushWarning(tr("The description of the run could not be saved in {path}: {error}").format(
                    path=destination_id, error=message))


def recorded(layer):
    """The record of the run that made ``layer`` (key -> text), empty for a layer made elsewhere (or None)."""
    if layer is None:
        return {}
    entries = layer.metadata().keywords().get(VOCABULARY, [])
    return dict(entry.split("=", 1) for entry in entries if "=" in entry)
