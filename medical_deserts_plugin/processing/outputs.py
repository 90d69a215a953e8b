"""Outputs that are whole or absent, and never one of the run's inputs.

Before any work, every destination of a run is checked: its folder exists and can be written, its format is known,
it is not a file an input is read from, and no two outputs share it. File outputs are then written aside, into a
hidden folder next to their destination, and moved into place only when the whole run has succeeded and every
file has been read back with the number of features written. A cancel, an error or a failed write removes what was
written aside, so an earlier file at the destination is left as it was. A layer written into an existing
GeoPackage (a plain path to it, or an ``ogr:`` URI with a table) replaces that one layer and keeps the others.
"""

import os
import re
import shutil
import tempfile
from dataclasses import dataclass

from osgeo import gdal
from qgis.core import (
    QgsDataSourceUri,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..i18n import tr

ASIDE_PREFIX = ".medical-deserts-"
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".qpj", ".fix")
SQLITE_JOURNALS = ("-wal", "-shm", "-journal")
_PROVIDER_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9_]{2,}):(.*)$", re.DOTALL)  # "ogr:...", not "C:/..."


@dataclass
class Destination:
    """Where one output goes: ``path`` (None for memory and database outputs) and, inside a GeoPackage, ``table``."""

    parameter: str
    description: str
    value: str
    layer: bool  # a layer (feature sink), else a plain file (a PDF...)
    path: str = None
    table: str = None

    @property
    def layer_name(self):
        """The layer written inside a GeoPackage: the URI's table, else the file's name (as QGIS names it)."""
        return self.table or os.path.splitext(os.path.basename(self.path))[0]

    def joins_existing_geopackage(self):
        """True when the destination is an existing GeoPackage holding other layers, which must stay."""
        return _is_geopackage(self.path) and os.path.isfile(self.path) and any(
            name not in (self.layer_name, "layer_styles") for name in _layer_names(self.path))

    @property
    def label(self):
        return f"“{self.description}” ({self.parameter})"

    def shares_file(self, path, table=None):
        """True when writing this output would rewrite the file ``path`` (or its ``table``)."""
        if self.path is None or path is None:
            return False
        mine, theirs = _file_key(self.path), _file_key(path)
        if mine != theirs:
            return False
        return self.table is None or table is None or self.table == table


def _file_key(path):
    """A path as a comparable key: real path, and a shapefile's parts all as its .shp."""
    real = os.path.normcase(os.path.realpath(path))
    stem, extension = os.path.splitext(real)
    return stem + ".shp" if extension.lower() in SHAPEFILE_PARTS else real


def _is_geopackage(path):
    return path.lower().endswith(".gpkg")


def _open_vector(path):
    """The GDAL dataset of a vector file, read-only; None when it cannot be opened."""
    try:
        return gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:  # GDAL raises when its exceptions are on (QGIS >= 3.40), returns None when they are off
        return None


def _layer_names(path):
    """Names of the layers of an existing vector file (empty when it cannot be opened)."""
    dataset = _open_vector(path)
    if dataset is None:
        return []
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def resolve_destination(algorithm, parameters, name, context):
    """The ``Destination`` of output ``name`` as QGIS would write it; None when the optional output is not asked."""
    definition = algorithm.parameterDefinition(name)
    if isinstance(definition, QgsProcessingParameterFeatureSink):
        value = algorithm.parameterAsOutputLayer(parameters, name, context)
    else:
        value = algorithm.parameterAsFileOutput(parameters, name, context)
    if not value:
        return None
    is_layer = isinstance(definition, QgsProcessingParameterFeatureSink)
    destination = Destination(name, definition.description(), value, is_layer)
    prefix = _PROVIDER_PREFIX.match(value)
    if prefix and prefix.group(1) == "ogr":
        uri = QgsDataSourceUri(prefix.group(2))
        destination.path, destination.table = uri.database() or None, uri.table() or None
    elif not prefix:
        path = value
        if not os.path.splitext(path)[1]:  # as QGIS names it
            path += "." + (QgsProcessingUtils.defaultVectorExtension() if is_layer else
                           definition.defaultFileExtension())
        destination.path = os.path.abspath(path)
    return destination  # memory: and database outputs have no path


LAYER_TYPES = {"source", "vector", "raster", "layer", "mesh", "pointcloud", "vectortile"}


def input_files(algorithm, parameters, context):
    """(label, path) of every file the run's input parameters read."""
    found = []
    for definition in algorithm.parameterDefinitions():
        name, kind = definition.name(), definition.type()
        if definition.isDestination() or parameters.get(name) in (None, ""):
            continue
        label = f"“{definition.description()}” ({name})"
        if kind == "file":
            path = algorithm.parameterAsFile(parameters, name, context)
            if path and "://" not in path:
                found.append((label, path))
            continue
        if kind == "multilayer":
            layers = algorithm.parameterAsLayerList(parameters, name, context)
        elif kind in ("source", "vector"):
            layers = [algorithm.parameterAsVectorLayer(parameters, name, context)]
        elif kind in LAYER_TYPES:
            layers = [algorithm.parameterAsLayer(parameters, name, context)]
        else:
            continue
        for layer in layers:
            if layer is not None:
                parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
                if parts.get("path"):
                    found.append((label, parts["path"]))
    return found


def _problem(message, **values):
    raise QgsProcessingException(message.format(**values))


def check_destinations(destinations, inputs):
    """Refuse, before any work, a destination that cannot be written or that would overwrite an input or another
    output of the run."""
    for index, destination in enumerate(destinations):
        if destination.path is None:
            continue
        folder = os.path.dirname(destination.path)
        if not os.path.isdir(folder):
            _problem(tr("The output {output} cannot be written: the folder {folder} does not exist."),
                     output=destination.label, folder=folder)
        extension = os.path.splitext(destination.path)[1].lstrip(".")
        if destination.layer and extension and not QgsVectorFileWriter.driverForExtension(extension):
            _problem(tr("The output {output} cannot be written: “.{extension}” is not a vector format QGIS can "
                        "write (choose .gpkg, .shp, .geojson, .fgb or .csv)."),
                     output=destination.label, extension=extension)
        if os.path.isdir(destination.path):
            _problem(tr("The output {output} cannot be written: {path} is a folder."),
                     output=destination.label, path=destination.path)
        for label, path in inputs:  # any layer of an input's file: a GeoPackage being read is not written
            if _file_key(destination.path) == _file_key(path):
                _problem(tr("The output {output} would write to {path}, which holds the input {input}: choose "
                            "another file, so that the input is not overwritten."),
                         output=destination.label, path=destination.path, input=label)
        for other in destinations[:index]:
            if other.path is not None and destination.shares_file(other.path, other.table):
                _problem(tr("The outputs {first} and {second} would both write to {path}: give each its own "
                            "file or layer."), first=other.label, second=destination.label, path=destination.path)


class CheckedSink:
    """A feature sink whose failed writes raise, counting the features it was given."""

    def __init__(self, sink, label):
        self.sink = sink
        self.label = label
        self.written = 0

    def addFeatures(self, features, flags=QgsFeatureSink.Flag.FastInsert):  # noqa: N802 (QGIS API)
        features = list(features)
        try:
            ok = self.sink.addFeatures(features, flags)
        except Exception as error:  # newer QGIS raise from their processing sinks
            raise QgsProcessingException(tr("The output {output} could not be written: {error}").format(
                output=self.label, error=error)) from error
        if not ok:
            raise QgsProcessingException(tr("The output {output} could not be written: {error}").format(
                output=self.label, error=self.sink.lastError() or tr("the file refused a feature (disk full?)")))
        self.written += len(features)
        return True

    def addFeature(self, feature, flags=QgsFeatureSink.Flag.FastInsert):  # noqa: N802 (QGIS API)
        return self.addFeatures([feature], flags)

    def lastError(self):  # noqa: N802 (QGIS API)
        return self.sink.lastError()

    def close(self):
        """Let the underlying writer go (this wrapper holds the only reference), so that its file is complete and
        closed now."""
        self.sink = None


@dataclass
class _Aside:
    destination: Destination
    folder: str
    sink: CheckedSink  # None for a plain file
    final_id: str
    into_existing: bool = False  # a layer written into an existing GeoPackage, whose other layers stay


class RunOutputs:
    """The outputs of one run: checked before the work, written aside, moved into place by ``commit``."""

    def __init__(self, algorithm, parameters, context):
        self.algorithm, self.parameters, self.context = algorithm, parameters, context
        self.destinations = {}
        self.asides = []
        self.folders = {}  # output name -> its folder aside

    def check(self):
        """Resolve and check every destination (raises QgsProcessingException before any work)."""
        destinations = [resolve_destination(self.algorithm, self.parameters, definition.name(), self.context)
                        for definition in self.algorithm.destinationParameterDefinitions()]
        destinations = [destination for destination in destinations if destination is not None]
        check_destinations(destinations, input_files(self.algorithm, self.parameters, self.context))
        self.destinations = {destination.parameter: destination for destination in destinations}
        for destination in destinations:
            if destination.path is not None:
                folder = os.path.dirname(destination.path)
                try:  # also the proof that the folder can be written
                    self.folders[destination.parameter] = tempfile.mkdtemp(prefix=ASIDE_PREFIX, dir=folder)
                except OSError as error:
                    self.discard()
                    _problem(tr("The output {output} cannot be written in {folder}: {error}"),
                             output=destination.label, folder=folder, error=error.strerror or error)

    def sink(self, name, create):
        """A ``CheckedSink`` for output ``name`` and the id of its final destination; ``create(parameters)`` is
        QGIS's ``parameterAsSink`` on parameters that point the output at its place aside."""
        destination = self.destinations.get(name)
        folder = self.folders.get(name) if destination is not None else None
        if folder is None:
            sink, output_id = create(self.parameters)
            return (None if sink is None else CheckedSink(sink, self._label(name))), output_id
        aside_path = os.path.join(folder, os.path.basename(destination.path))
        value = f"ogr:dbname='{aside_path}' table=\"{destination.table}\" (geom)" if destination.table else aside_path
        original = self.parameters.get(name)
        if isinstance(original, QgsProcessingOutputLayerDefinition):
            definition = QgsProcessingOutputLayerDefinition(original)
            definition.sink = QgsProperty.fromValue(value)
            value = definition
        sink, written_id = create({**self.parameters, name: value})
        final_id = written_id.replace(folder, os.path.dirname(destination.path), 1)
        into_existing = destination.joins_existing_geopackage()
        if into_existing and "|layername=" not in final_id:
            final_id += f"|layername={destination.layer_name}"
        layers = self.context.layersToLoadOnCompletion()
        if written_id in layers:
            layers[final_id] = layers.pop(written_id)
            self.context.setLayersToLoadOnCompletion(layers)
        checked = CheckedSink(sink, destination.label)
        self.asides.append(_Aside(destination, folder, checked, final_id, into_existing))
        return checked, final_id

    def file(self, name):
        """Where to write the plain file of output ``name`` (a file destination, e.g. a PDF): a path aside, moved to
        the final destination by ``commit``; also that final path."""
        destination = self.destinations[name]
        aside = _Aside(destination, self.folders[name], None, destination.path)
        self.asides.append(aside)
        return self._aside_file(aside), destination.path

    def _label(self, name):
        definition = self.algorithm.parameterDefinition(name)
        return f"“{definition.description()}” ({name})" if definition else name

    def commit(self):
        """Close every output, check that each file holds what was written, then move them into place."""
        for aside in self.asides:
            self._close(aside)
        for aside in self.asides:
            self._verify(aside)
        for aside in self.asides:
            self._move_into_place(aside)
        self._remove_folders()

    def discard(self):
        """Close and remove everything written aside; the destinations are left as they were."""
        for aside in self.asides:
            self._close(aside)
        layers = self.context.layersToLoadOnCompletion()
        for aside in self.asides:
            layers.pop(aside.final_id, None)
        self.context.setLayersToLoadOnCompletion(layers)
        self._remove_folders()

    @staticmethod
    def _close(aside):
        if aside.sink is not None:
            aside.sink.close()

    def _remove_folders(self):
        for folder in self.folders.values():
            shutil.rmtree(folder, ignore_errors=True)
        self.folders = {}

    def _aside_file(self, aside):
        return os.path.join(aside.folder, os.path.basename(aside.destination.path))

    def _verify(self, aside):
        """The file written aside exists; a layer's opens and holds as many features as were written."""
        path = self._aside_file(aside)
        if aside.sink is None:
            if not os.path.isfile(path):
                _problem(tr("The output {output} was not written: nothing was written."), output=aside.destination.label)
            return
        table = aside.destination.layer_name if _is_geopackage(path) else None
        dataset = _open_vector(path)
        layer = None if dataset is None else (dataset.GetLayerByName(table) if table else dataset.GetLayer(0))
        count = None if layer is None else layer.GetFeatureCount()
        dataset = None
        if count != aside.sink.written:
            _problem(tr("The output {output} could not be written completely ({count} of {written} features in "
                        "the file; is the disk full?): nothing was written."),
                     output=aside.destination.label, count=count or 0, written=aside.sink.written)

    def _write_layer_into(self, path, destination):
        """Copy the layer of the GeoPackage ``path`` into the existing GeoPackage of ``destination``, replacing only
        that layer, through QGIS's own writer."""
        table = destination.layer_name
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, destination.path, self.context.transformContext(), options)
        del layer
        if error != QgsVectorFileWriter.WriterError.NoError:
            _problem(tr("The output {output} could not be added to {path}: {error}"), output=destination.label,
                     path=destination.path, error=message)

    def _move_into_place(self, aside):
        destination = aside.destination
        path = self._aside_file(aside)
        final_folder = os.path.dirname(destination.path)
        if aside.into_existing:
            self._write_layer_into(path, destination)
            return
        written = os.listdir(aside.folder)
        stem = os.path.splitext(os.path.basename(destination.path))[0]
        if destination.path.lower().endswith(".shp"):  # parts of an older shapefile that this one lacks
            stale = [os.path.join(final_folder, stem + extension) for extension in SHAPEFILE_PARTS
                     if stem + extension not in written]
        else:  # an older SQLite journal would be replayed into the new file and corrupt it
            stale = [destination.path + suffix for suffix in SQLITE_JOURNALS]
        for path in stale:
            if os.path.exists(path):
                os.remove(path)
        for name in written:
            os.replace(os.path.join(aside.folder, name), os.path.join(final_folder, name))
