"""The data panel ("Déserts médicaux — données"): the datasets of ``catalogue.json``, filters, "Download and load"
and "Load a local file…". Downloads run in a :class:`~.download.DownloadTask`; files are read by the plugin's
Processing algorithms (``medicaldeserts:importrpps``...) in a background :class:`QgsProcessingAlgRunnerTask`
(progress, cancel; see :class:`AlgorithmImport`) or opened directly for plain geodata, reprojected to a metric CRS,
styled, and added to the layer-tree group "Medical deserts" in the main thread."""

import html
import os
import re
from dataclasses import dataclass, field
from datetime import datetime

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayerProxyModel,
    QgsMarkerSymbol,
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.borders import departements_within
from ..i18n import PLUGIN_DIR, tr, user_language
from .catalogue import (
    CatalogueError,
    dataset_by_id,
    file_requests,
    load_catalogue,
    localized,
    metric_crs_for,
    safe_name,
)
from .download import DownloadTask, cache_folder, default_cache_folder, safe_extract, set_cache_folder

LOG_TAG = "Medical Deserts"
#: The algorithms the dock opens to go from the data to the report.
CHAIN_ALGORITHM, REPORT_ALGORITHM = "medicaldeserts:councilchain", "medicaldeserts:councilreport"
#: The parameter of an import algorithm that takes the downloaded files after the first (the other régions' roads)
MORE_INPUTS = "MORE_INPUTS"
_DEPARTEMENT = re.compile(r"^(0[0-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-8])$")
#: Invisible break point; runs of 30 characters or more without a space get them (paths, addresses in messages).
ZERO_WIDTH_SPACE = "\u200b"
_UNBROKEN = re.compile(r"\S{30,}")
_SEPARATOR = re.compile(r"([/\\_.\-])")
_UNBROKEN_PIECE = re.compile(f"([^{ZERO_WIDTH_SPACE}]{{30}})(?=[^{ZERO_WIDTH_SPACE}])")
#: Extensions preferred when a folder (an extracted archive) holds several candidate files.
_PREFERRED = (".gpkg", ".geojson", ".json", ".shp", ".csv", ".xlsx", ".xls", ".txt")


class LoadError(Exception):
    """A file could not be loaded; the message is for the user."""


@dataclass
class Filters:
    """What the filter widgets say, passed to the import algorithms (only the parameters they declare)."""

    departements: list = field(default_factory=list)
    profession: object = None  # "10"; None: not applicable (the algorithm's default), "": all
    specialties: object = None  # "SM53, SM54"; None / "" as above
    modes: object = None  # ["L", "S"]; None / [] as above
    communes: object = None  # QgsVectorLayer
    commune_code_field: str = ""
    belt_km: float = 0.0  # border belt around the départements, km (0: the départements alone)
    neighbours: list = field(default_factory=list)  # départements downloaded too for the belt (not the user's)


def parse_departements(text):
    """``"23, 87 2a"`` -> ``["23", "87", "2A"]`` (``"20"`` -> Corse, 2A and 2B); raises ValueError naming bad codes."""
    codes, bad = [], []
    for item in re.split(r"[\s,;/|]+", (text or "").strip()):
        if not item:
            continue
        code = item.upper().zfill(2) if item.isdigit() and len(item) == 1 else item.upper()
        for value in (["2A", "2B"] if code == "20" else [code]):
            if not _DEPARTEMENT.match(value):
                bad.append(item)
            elif value not in codes:
                codes.append(value)
    if bad:
        raise ValueError(tr("Unknown département code(s): {codes}. Expected 01 to 95, 2A, 2B, 971 to 976.")
                         .format(codes=", ".join(bad)))
    return codes


def belt_neighbours(entry, filters):
    """The départements within the border belt of ``filters.departements`` whose files ``entry`` downloads too: for
    an entry with one file per département or région (``url_template``) and a belt (km > 0), else []."""
    if not filters.belt_km or not filters.departements or not any(
            spec.get("url_template") for spec in entry.get("files", [])):
        return []
    return departements_within(filters.departements, filters.belt_km)


def format_description(text):
    """The catalogue's format description ``text`` (English) in the interface's language."""
    return {
        "Text, | separated (PS_LibreAcces_Personne_activite), or zip":
            tr("Text, | separated (PS_LibreAcces_Personne_activite), or zip"),
        "CSV, ; separated, no header (structureet + geolocalisation sections)":
            tr("CSV, ; separated, no header (structureet + geolocalisation sections)"),
        "zip (pop-sexe-age-quinquennal), or CSV prepared by commune":
            tr("zip (pop-sexe-age-quinquennal), or CSV prepared by commune"),
        "Shapefile (zip), GeoPackage, GeoJSON or table": tr("Shapefile (zip), GeoPackage, GeoJSON or table"),
        "GeoJSON, GeoPackage or Shapefile (zip)": tr("GeoJSON, GeoPackage or Shapefile (zip)"),
        "GeoPackage (or CSV / XLSX)": tr("GeoPackage (or CSV / XLSX)"),
        "OpenStreetMap PBF (.osm.pbf) or XML (.osm)": tr("OpenStreetMap PBF (.osm.pbf) or XML (.osm)"),
        "Shapefile (TRONCON_ROUTE.shp, unpacked from IGN's .7z), zip or GeoPackage":
            tr("Shapefile (TRONCON_ROUTE.shp, unpacked from IGN's .7z), zip or GeoPackage"),
        "Shapefile (TRONCON_DE_ROUTE.shp, unpacked from IGN's .7z), zip or GeoPackage":
            tr("Shapefile (TRONCON_DE_ROUTE.shp, unpacked from IGN's .7z), zip or GeoPackage"),
    }.get(text, text)


def breakable(text):
    """``text`` with invisible break points in its long runs without spaces (after / \\ _ . - and every 30
    characters), so that a word-wrapped label can wrap a long path or address instead of widening."""
    def split(match):
        run = _SEPARATOR.sub(r"\1" + ZERO_WIDTH_SPACE, match.group(0))
        return _UNBROKEN_PIECE.sub(r"\1" + ZERO_WIDTH_SPACE, run)

    return _UNBROKEN.sub(split, text)


def wrapping_label():
    """A word-wrapped label whose text never makes the panel wider: it takes the width it is given."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


# ------------------------------------------------------------------------------------------------ styles


def _rgba(colour, opacity=1.0):
    colour = colour.lstrip("#")
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return f"{red},{green},{blue},{int(round(255 * float(opacity)))}"


def apply_style(layer, entry):
    """The dataset's default style: ``styles/<id>.qml`` in the plugin when present, else the catalogue's symbol."""
    qml = os.path.join(str(PLUGIN_DIR), "styles", f"{entry['id']}.qml")
    if os.path.isfile(qml):
        layer.loadNamedStyle(qml)
        return
    style = entry.get("style")
    if not style or not layer.isSpatial():
        return
    kind = {QgsWkbTypes.GeometryType.PointGeometry: "point", QgsWkbTypes.GeometryType.LineGeometry: "line",
            QgsWkbTypes.GeometryType.PolygonGeometry: "polygon"}.get(layer.geometryType())
    if kind != style["geometry"]:
        return
    fill = style.get("fill", "#888888")
    outline = style.get("outline", "#333333")
    if kind == "point":
        symbol = QgsMarkerSymbol.createSimple({
            "name": style.get("shape", "circle"), "color": _rgba(fill, style.get("opacity", 1)),
            "outline_color": _rgba(outline), "size": str(style.get("size", 2.0)), "outline_width": "0.2"})
    elif kind == "line":
        symbol = QgsLineSymbol.createSimple({"line_color": _rgba(outline), "line_width": str(style.get("width", 0.4))})
    else:
        symbol = QgsFillSymbol.createSimple({
            "color": _rgba(fill, style.get("opacity", 1)), "outline_color": _rgba(outline),
            "outline_width": str(style.get("outline_width", 0.26))})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


# ------------------------------------------------------------------------------------------------ loading


class DatasetLoader:
    """Reads files of a catalogue entry into styled layers of ``project``, in the group "Medical deserts"."""

    def __init__(self, project, language="en", cache_root=None):
        self.project = project
        self.language = language
        self.cache_root = cache_root or cache_folder

    def _root(self):
        return self.cache_root() if callable(self.cache_root) else self.cache_root

    def output_path(self, entry, filters, suffix="", extension="gpkg"):
        folder = os.path.join(self._root(), "layers")
        os.makedirs(folder, exist_ok=True)
        parts = [entry["id"], "-".join(filters.departements) or "france",
                 f"belt{filters.belt_km:g}km" if filters.belt_km else "", suffix,
                 datetime.now().strftime("%Y%m%d-%H%M%S-%f")]
        return os.path.join(folder, safe_name("_".join(p for p in parts if p)) + "." + extension)

    def layer_name(self, entry, filters, detail=""):
        name = localized(entry["title"], self.language)
        if filters.departements:
            belt = tr(" + {km:g} km").format(km=filters.belt_km) if filters.belt_km else ""
            if filters.neighbours:
                belt = tr(" + {codes} (belt {km:g} km)").format(codes=", ".join(filters.neighbours),
                                                                 km=filters.belt_km)
            name += f" ({', '.join(filters.departements)}{belt})"
        return f"{name} — {detail}" if detail else name

    def group(self):
        root = self.project.layerTreeRoot()
        name = tr("Medical deserts")
        return root.findGroup(name) or root.insertGroup(0, name)

    def add(self, layer, entry):
        layer.loadDefaultStyle()[1] or apply_style(layer, entry)  # the style an algorithm embeds, else the catalogue's
        self.project.addMapLayer(layer, False)
        group = self.group()
        if not layer.isSpatial() or layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry:
            group.addLayer(layer)
        else:
            group.insertLayer(0, layer)
        return layer

    def load(self, entry, paths, filters, companions=None):
        """Layers made from ``paths`` (files or extracted folders) for ``entry``, added to the project.

        Algorithm readers take the first path as INPUT and ``companions`` ({parameter: path}) as other inputs; they
        run here, in the calling thread (the dock runs them in a task: :class:`AlgorithmImport`).
        """
        paths = checked_paths(paths)
        target = QgsCoordinateReferenceSystem(metric_crs_for(filters.departements))
        if entry["reader"] == "algorithm":
            layers = AlgorithmImport(self, entry, paths[0], filters, companions).run()
        else:
            layers = [self.open_vector(entry, [self.data_file(entry, p) for p in paths], filters, target)]
        return self.add_all(layers, entry, target)

    def add_all(self, layers, entry, target):
        """``layers`` of ``entry`` added to the project; a project without a metric CRS takes ``target``."""
        crs = self.project.crs()
        if any(layer.isSpatial() for layer in layers) and (not crs.isValid() or crs.isGeographic()):
            self.project.setCrs(target)
        return [self.add(layer, entry) for layer in layers]

    def data_file(self, entry, path):
        """The file to open: ``path`` itself, or the best candidate inside a folder or a zip to extract."""
        member = entry["files"][0].get("member") or r"\.(gpkg|geojson|json|shp|csv|xlsx|xls|txt)$"
        if os.path.isfile(path) and path.lower().endswith(".zip") and entry["reader"] != "algorithm":
            folder = os.path.join(self._root(), safe_name(entry["id"]), "local_" + safe_name(
                os.path.splitext(os.path.basename(path))[0]))
            try:
                safe_extract(path, folder)
            except Exception as error:  # noqa: BLE001 (message for the user)
                raise LoadError(str(error)) from error
            path = folder
        if not os.path.isdir(path):
            return path
        regex = re.compile(member, re.IGNORECASE)
        found = [os.path.join(root, name) for root, _dirs, names in os.walk(path) for name in names
                 if regex.search(name)]
        if not found:
            raise LoadError(tr("No data file found in {path}.").format(path=path))

        def rank(candidate):
            extension = os.path.splitext(candidate)[1].lower()
            return (_PREFERRED.index(extension) if extension in _PREFERRED else len(_PREFERRED), candidate)

        return sorted(found, key=rank)[0]

    def open_vector(self, entry, files, filters, target):
        """One layer from one or several files: merged, and reprojected to ``target`` when not already metric."""
        import processing

        name = self.layer_name(entry, filters)
        sources = []
        for path in files:
            layer = QgsVectorLayer(path, os.path.basename(path), "ogr")
            if not layer.isValid():
                raise LoadError(tr("{path} could not be opened as a layer or table (unknown or damaged format).")
                                .format(path=path))
            sources.append(layer)
        first = sources[0]
        context, feedback = self.context()
        if len(sources) > 1:
            result = processing.run("native:mergevectorlayers", {
                "LAYERS": sources, "CRS": target, "OUTPUT": self.output_path(entry, filters)},
                context=context, feedback=feedback)
            layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
        elif first.isSpatial() and (not first.crs().isValid() or first.crs().isGeographic()):
            result = processing.run("native:reprojectlayer", {
                "INPUT": first, "TARGET_CRS": target, "OUTPUT": self.output_path(entry, filters)},
                context=context, feedback=feedback)
            layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
        else:
            layer = first
            layer.setName(name)
        if not layer.isValid():
            raise LoadError(tr("The layer made from {path} is not valid.").format(path=files[0]))
        return layer

    def context(self):
        context = QgsProcessingContext()
        context.setProject(self.project)
        return context, QgsProcessingFeedback()

    def parameters(self, algorithm, entry, path, filters, target=None, companions=None):
        """Parameters for ``algorithm``: only those it declares, enum values matched to its options.

        ``companions``: other downloaded files by parameter name (``{"SAVOIR_FAIRE": path}``).
        """
        wanted = {
            "INPUT": path,
            "DEPARTEMENTS": ", ".join(filters.departements),
            "BELT_KM": filters.belt_km or None,
            "PROFESSION": filters.profession,
            "SPECIALTIES": filters.specialties,
            "MODES": filters.modes,
            "COMMUNES": filters.communes,
            "COMMUNE_CODE_FIELD": filters.commune_code_field or None,
            "WORKING_CRS": target,
        }
        wanted.update(entry.get("parameters", {}))
        wanted.update(companions or {})
        parameters = {}
        for definition in algorithm.parameterDefinitions():
            name = definition.name()
            if definition.isDestination():
                extension = definition.defaultFileExtension() if hasattr(definition, "defaultFileExtension") else ""
                parameters[name] = self.output_path(entry, filters, name.lower(), extension or "gpkg")
            elif name in wanted and wanted[name] is not None:
                value = _coerce(definition, wanted[name])
                if value is not None:
                    parameters[name] = value
        missing = [d.description() for d in algorithm.parameterDefinitions()
                   if not d.isDestination() and not (d.flags() & d.FlagOptional) and d.name() not in parameters
                   and d.defaultValue() is None]
        if missing:
            if "COMMUNES" in [d.name() for d in algorithm.parameterDefinitions()] and filters.communes is None:
                raise LoadError(tr("Choose the commune layer first (download “Commune boundaries” for the same "
                                   "départements, or load your own)."))
            raise LoadError(tr("The algorithm {id} needs: {names}.").format(id=algorithm.id(),
                                                                            names=", ".join(missing)))
        return parameters


def checked_paths(paths):
    """``paths`` as a list, each of them existing (LoadError otherwise)."""
    paths = [paths] if isinstance(paths, str) else list(paths or [])
    if not paths:
        raise LoadError(tr("No file to load."))
    for path in paths:
        if not os.path.exists(path):
            raise LoadError(tr("The file {path} does not exist.").format(path=path))
    return paths


class ImportFeedback(QgsProcessingFeedback):
    """Feedback of an import that keeps the errors the algorithm reports, for the dock's message."""

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        self.errors.append(error)
        super().reportError(error, fatalError)


class AlgorithmImport:
    """One run of an entry's import algorithm (``medicaldeserts:importrpps``...) on ``path``: parameters prepared in
    the main thread, the work done there (:meth:`run`) or in a background :meth:`task`, and the layers taken from
    its results in the main thread (:meth:`layers`). Raises LoadError when the algorithm cannot run."""

    def __init__(self, loader, entry, path, filters, companions=None):
        self.loader, self.entry, self.path, self.filters = loader, entry, path, filters
        self.target = QgsCoordinateReferenceSystem(metric_crs_for(filters.departements))
        algorithm_id = entry["algorithm"]
        self.algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        if self.algorithm is None:
            raise LoadError(tr("The Processing algorithm {id} is not available: is the Medical deserts provider "
                               "enabled (Processing › Options › Providers)?").format(id=algorithm_id))
        if entry.get("needs_communes") and filters.communes is None and any(
                d.name() == "COMMUNES" and not (d.flags() & d.FlagOptional)
                for d in self.algorithm.parameterDefinitions()):
            raise LoadError(tr("Choose the commune layer first (download “Commune boundaries” for the same "
                               "départements, or load your own)."))
        self.parameters = loader.parameters(self.algorithm, entry, path, filters, self.target, companions)
        self.context = QgsProcessingContext()
        self.context.setProject(loader.project)
        self.feedback = ImportFeedback()

    def can_run_in_background(self):
        return not self.algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagNoThreading

    def run(self):
        """The layers read, the algorithm run in the calling thread."""
        import processing

        try:
            results = processing.run(self.algorithm.id(), self.parameters, context=self.context,
                                     feedback=self.feedback)
        except Exception as error:  # noqa: BLE001 (QgsProcessingException and reader errors, for the user)
            raise LoadError(self.failure(str(error))) from error
        return self.layers(results)

    def task(self):
        """A task running the algorithm in the background (progress, cancel); its ``executed(ok, results)`` comes
        in the main thread. This object must outlive the task (it holds the context and the feedback)."""
        return QgsProcessingAlgRunnerTask(self.algorithm, self.parameters, self.context, self.feedback)

    def failure(self, error=""):
        """The message of a failed run: ``error``, else what the algorithm reported."""
        error = error or "\n".join(self.feedback.errors) or tr("the algorithm stopped without a message")
        return tr("{id} could not read {path}: {error}").format(id=self.algorithm.id(), path=self.path, error=error)

    def layers(self, results):
        """The valid vector layers of ``results``, named after the entry (not yet in the project)."""
        layers = []
        outputs = [d for d in self.algorithm.outputDefinitions() if d.name() in results]
        for output in outputs:
            value = results[output.name()]
            if isinstance(value, QgsVectorLayer):
                layer = value
            elif isinstance(value, str) and value:
                layer = QgsProcessingUtils.mapLayerFromString(value, self.context)
            else:
                continue
            if layer is None or not isinstance(layer, QgsVectorLayer) or not layer.isValid():
                continue
            detail = output.description() if len(outputs) > 1 else ""
            layer.setName(self.loader.layer_name(self.entry, self.filters, detail))
            if self.context.temporaryLayerStore().mapLayer(layer.id()) is not None:
                layer = self.context.temporaryLayerStore().takeMapLayer(layer)
            elif self.loader.project.mapLayer(layer.id()) is not None:
                layer = layer.clone()
            layers.append(layer)
        if not layers:
            raise LoadError(tr("{id} gave no layer for {path}.").format(id=self.algorithm.id(), path=self.path))
        return layers


def _coerce(definition, value):
    """``value`` as ``definition`` expects it: enum codes -> option indices, empty -> None for optional ones."""
    if value is None:
        return None
    if definition.type() == "enum":
        options = [str(option) for option in definition.options()]
        if isinstance(value, int):  # an option index, as the catalogue's fixed parameters give it
            return value if 0 <= value < len(options) else None
        codes = value if isinstance(value, list) else [c for c in re.split(r"[\s,;]+", str(value)) if c]

        def index_of(code):
            for index, option in enumerate(options):
                if option == code or option.startswith(code + " ") or f"({code})" in option or option.startswith(
                        code + "—") or option.split(" ")[0] == code:
                    return index
            return None

        indices = [i for i in (index_of(code) for code in codes) if i is not None]
        if not indices:
            return [] if definition.allowMultiple() and not codes else None
        return indices if definition.allowMultiple() else indices[0]
    if isinstance(value, (list, tuple)):
        return list(value) if definition.type() == "multilayer" else ",".join(value)
    if isinstance(value, str) and not value and definition.type() not in ("string", "file"):
        return None  # an empty text is "all" for text filters only
    return value


# ------------------------------------------------------------------------------------------------ the dock


class DataDock(QDockWidget):
    """Dock listing the French datasets (RPPS, FINESS, INSEE, IGN, ANCT, DREES) and loading them."""

    def __init__(self, parent=None, project=None):
        super().__init__(tr("Medical deserts — data"), parent)
        self.setObjectName("MedicalDesertsDataDock")
        self.language = "fr" if user_language() == "fr" else "en"
        self.project = project or QgsProject.instance()
        self.loader = DatasetLoader(self.project, self.language, cache_folder)
        self.allow_local_http = False  # tests only
        self.task = None  # the running download or import
        self.job = None  # the AlgorithmImport of a running import
        try:
            self.catalogue = load_catalogue()
        except CatalogueError as error:
            self.catalogue = {"datasets": []}
            self.catalogue_error = str(error)
        else:
            self.catalogue_error = ""
        self.build()
        self.fill_datasets()
        if self.catalogue_error:
            self.show_status(self.catalogue_error, error=True)

    # -------------------------------------------------------------------------------------------- widgets

    def build(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.datasets = QTreeWidget()
        self.datasets.setHeaderHidden(True)
        self.datasets.setRootIsDecorated(False)
        self.datasets.setMinimumHeight(120)
        self.datasets.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.datasets.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.datasets.currentItemChanged.connect(self.dataset_changed)
        layout.addWidget(self.datasets, 2)

        self.details = wrapping_label()
        self.details.setOpenExternalLinks(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.details)

        filters = QGroupBox(tr("Filters"))
        form = QFormLayout(filters)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.departements = QLineEdit()
        self.departements.setPlaceholderText(tr("e.g. 23, 87 (empty: all France)"))
        form.addRow(tr("Départements"), self.departements)
        self.belt = QDoubleSpinBox()
        self.belt.setRange(0.0, 200.0)
        self.belt.setDecimals(1)
        self.belt.setSingleStep(5.0)
        self.belt.setSuffix(" km")
        self.belt.setToolTip(tr("Also keep the communes of neighbouring départements within this distance of the "
                                "départements above (flagged in_belt), so that the APL of border communes counts "
                                "the GPs across the border. “Commune boundaries” downloads those neighbours too. "
                                "0: the départements alone."))
        form.addRow(tr("Border belt (km)"), self.belt)
        rpps = self.catalogue.get("rpps_filters", {})
        self.profession = QComboBox()
        self.profession.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profession.setMinimumContentsLength(10)
        for choice in rpps.get("professions", []):
            self.profession.addItem(f"{choice['code']} — {localized(choice['label'], self.language)}", choice["code"])
        form.addRow(tr("Profession"), self.profession)
        self.specialties = QComboBox()
        self.specialties.setEditable(True)
        self.specialties.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.specialties.setMinimumContentsLength(10)
        self.specialties.setToolTip(tr("Savoir-faire codes, comma-separated (SM53, SM54...), or a preset."))
        for preset in rpps.get("specialties", []):
            label = localized(preset["label"], self.language)
            text = f"{label} ({preset['codes']})" if preset["codes"] else label
            self.specialties.addItem(text, preset["codes"])
        self.specialties.lineEdit().setCursorPosition(0)
        self.specialties.currentIndexChanged.connect(lambda _index: self.specialties.lineEdit().setCursorPosition(0))
        form.addRow(tr("Specialties"), self.specialties)
        modes = QHBoxLayout()
        modes.setSpacing(8)
        self.modes = []
        for choice in rpps.get("modes", []):
            box = QCheckBox(localized(choice["label"], self.language))
            box.setChecked(True)
            box.setProperty("code", choice["code"])
            modes.addWidget(box)
            self.modes.append(box)
        modes.addStretch(1)
        form.addRow(tr("Activity modes"), modes)
        self.communes = QgsMapLayerComboBox()
        self.communes.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.communes.setMinimumContentsLength(10)
        self.communes.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.communes.setAllowEmptyLayer(True)
        self.communes.setLayer(None)
        self.communes.setToolTip(tr("Commune polygons used to place practitioners and population."))
        form.addRow(tr("Commune layer"), self.communes)
        self.code_field = QgsFieldComboBox()
        self.code_field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.code_field.setMinimumContentsLength(10)
        self.code_field.setAllowEmptyFieldName(True)
        self.code_field.setToolTip(tr("Field of the commune layer holding the INSEE commune code."))
        self.communes.layerChanged.connect(self.communes_changed)
        form.addRow(tr("Code field"), self.code_field)
        self.filter_rows = {"departements": [self.departements], "belt": [self.belt], "profession": [self.profession],
                            "specialties": [self.specialties], "modes": self.modes,
                            "communes": [self.communes, self.code_field]}
        layout.addWidget(filters)

        buttons = QHBoxLayout()
        self.download_button = QPushButton(tr("Download and load"))
        self.download_button.clicked.connect(self.download_and_load)
        self.local_button = QPushButton(tr("Load a local file…"))
        self.local_button.clicked.connect(self.choose_local_file)
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.local_button)
        layout.addLayout(buttons)

        progress = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(progress)
        progress.setContentsMargins(0, 0, 0, 0)
        self.progress_row.setVisible(False)
        layout.addWidget(self.progress_row)

        self.status = wrapping_label()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        analysis = QgsCollapsibleGroupBox(tr("From the data to the council's report"))
        analysis_layout = QVBoxLayout(analysis)
        self.chain_button = QPushButton(tr("Whole chain to the report…"))
        self.chain_button.setToolTip(tr("APL, underserved zones, new health centres and the report (PDF) in one run, "
                                        "from the commune layer above and the GP practices."))
        self.chain_button.clicked.connect(lambda _=False: self.open_algorithm(CHAIN_ALGORITHM))
        self.report_button = QPushButton(tr("Report from the algorithms' outputs…"))
        self.report_button.setToolTip(tr("The council's report (PDF) from the outputs of the accessibility index, "
                                         "underserved zones and suggested sites."))
        self.report_button.clicked.connect(lambda _=False: self.open_algorithm(REPORT_ALGORITHM))
        analysis_layout.addWidget(self.chain_button)
        analysis_layout.addWidget(self.report_button)
        layout.addWidget(analysis)

        cache = QgsCollapsibleGroupBox(tr("Download cache"))
        cache.setCollapsed(True)
        cache_layout = QVBoxLayout(cache)
        self.cache_widget = QgsFileWidget()
        self.cache_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.cache_widget.setFilePath(cache_folder())
        self.cache_widget.setToolTip(tr("Downloaded files are kept here and reused while recent."))
        self.cache_widget.fileChanged.connect(self.cache_changed)  # after setFilePath: only user changes are saved
        cache_layout.addWidget(self.cache_widget)
        self.force = QCheckBox(tr("Ignore the cache"))
        self.force.setToolTip(tr("Download again even if a recent copy is in the cache"))
        cache_layout.addWidget(self.force)
        layout.addWidget(cache)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)

    def algorithm_parameters(self, algorithm_id):
        """What the dock already knows for ``algorithm_id``'s dialog: the whole chain gets the commune layer and
        its code field chosen above."""
        layer = self.communes.currentLayer()
        if algorithm_id != CHAIN_ALGORITHM or layer is None:
            return {}
        parameters = {"COMMUNES": layer}
        if self.code_field.currentField():
            parameters["CODE_FIELD"] = self.code_field.currentField()
        return parameters

    def open_algorithm(self, algorithm_id):
        """The Processing dialog of ``algorithm_id``, filled with what the dock knows."""
        import processing

        processing.execAlgorithmDialog(algorithm_id, self.algorithm_parameters(algorithm_id))

    def fill_datasets(self):
        self.datasets.clear()
        for entry in self.catalogue["datasets"]:
            item = QTreeWidgetItem([localized(entry["title"], self.language)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry["id"])
            item.setToolTip(0, localized(entry["description"], self.language))
            self.datasets.addTopLevelItem(item)
        count = self.datasets.topLevelItemCount()
        if count:
            self.datasets.setCurrentItem(self.datasets.topLevelItem(0))
            rows = self.datasets.sizeHintForRow(0) * count + 2 * self.datasets.frameWidth() + 4
            self.datasets.setMinimumHeight(min(max(rows, 120), 320))

    def dataset_ids(self):
        return [self.datasets.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.datasets.topLevelItemCount())]

    def select_dataset(self, dataset_id):
        for index, identifier in enumerate(self.dataset_ids()):
            if identifier == dataset_id:
                self.datasets.setCurrentItem(self.datasets.topLevelItem(index))
                return
        raise KeyError(dataset_id)

    def current_entry(self):
        item = self.datasets.currentItem()
        return dataset_by_id(self.catalogue, item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def dataset_changed(self, *_args):
        entry = self.current_entry()
        if entry is None:
            self.details.clear()
            return
        text = html.escape(breakable(localized(entry["description"], self.language)))
        facts = [tr("Producer: {name}").format(name=html.escape(entry["producer"])),
                 tr("Format: {format}").format(format=html.escape(format_description(entry["format"]))),
                 tr("Licence: {licence}").format(licence=html.escape(entry["licence"])),
                 tr("Cached copy reused for {days} days").format(days=int(entry["max_age_days"]))]
        links = [f'<a href="{html.escape(entry["page"])}">{tr("Source page")}</a>']
        if entry.get("documentation"):
            links.append(f'<a href="{html.escape(entry["documentation"])}">{tr("Documentation")}</a>')
        self.details.setText(f"{text}<br><small>{' · '.join(facts)}</small><br>{' · '.join(links)}")
        active = set(entry.get("filters", []))
        if entry.get("needs_communes"):
            active.add("communes")
        for name, widgets in self.filter_rows.items():
            for widget in widgets:
                widget.setEnabled(name in active)

    def communes_changed(self, layer):
        self.code_field.setLayer(layer)
        if layer is None:
            return
        names = {name.lower(): name for name in layer.fields().names()}
        for candidate in self.catalogue.get("commune_code_fields", []):
            if candidate.lower() in names:
                self.code_field.setField(names[candidate.lower()])
                return

    def cache_changed(self, path):
        set_cache_folder(path if path and path != default_cache_folder() else "")

    def filters(self):
        """The filter widgets' values (ValueError for bad départements)."""
        entry = self.current_entry() or {}
        active = set(entry.get("filters", []))
        modes = [box.property("code") for box in self.modes if box.isChecked()]
        specialties = self.specialties.currentText().strip()
        index = self.specialties.findText(specialties)
        if index >= 0:
            specialties = self.specialties.itemData(index) or ""
        return Filters(
            departements=parse_departements(self.departements.text()),
            profession=(self.profession.currentData() or "") if "profession" in active else None,
            specialties=specialties if "specialties" in active else None,
            modes=(modes if len(modes) < len(self.modes) else []) if "modes" in active else None,
            communes=self.communes.currentLayer(),
            commune_code_field=self.code_field.currentField(),
            belt_km=self.belt.value() if "belt" in active else 0.0,
        )

    # -------------------------------------------------------------------------------------------- actions

    def show_status(self, text, error=False):
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(breakable(text))
        if error:
            QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)

    def set_busy(self, busy):
        self.download_button.setEnabled(not busy)
        self.local_button.setEnabled(not busy)
        self.datasets.setEnabled(not busy)
        self.progress_row.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first progress report
        else:
            self.progress.setRange(0, 100)

    def load_local_file(self, dataset_id, path, filters=None, companions=None):
        """Load a file already on disk for the dataset ``dataset_id``, here and now; returns the layers added
        (LoadError)."""
        entry = dataset_by_id(self.catalogue, dataset_id)
        filters = filters if filters is not None else self.filters()
        return self.loaded(entry, self.loader.load(entry, path if isinstance(path, list) else [path], filters,
                                                   companions))

    def loaded(self, entry, layers):
        """After ``layers`` of ``entry`` were added: a commune layer becomes the one the readers use."""
        if entry["id"] == "communes" and layers:
            self.communes.setLayer(layers[0])
        return layers

    def choose_local_file(self):
        entry = self.current_entry()
        if entry is None or self.task is not None:
            return
        pattern = entry.get("local_file_filter") or tr("Data files (*.gpkg *.geojson *.shp *.csv *.txt *.zip)")
        path, _ = QFileDialog.getOpenFileName(self, tr("Load a local file…"), "", f"{pattern};;{tr('All files (*)')}")
        if path:
            self.load_and_report(entry, [path])

    def load_and_report(self, entry, paths, notes=(), filters=None, companions=None):
        """Load ``paths`` for ``entry`` and say how it went in the status line. An import algorithm runs in a
        background task (progress, cancel; its layers are added when it ends, see :meth:`imported`); other files
        are opened at once. Returns the layers added now: [] after a failure or when the import runs on."""
        try:
            filters = filters if filters is not None else self.filters()
            if entry["reader"] == "algorithm":
                job = AlgorithmImport(self.loader, entry, checked_paths(paths)[0], filters, companions)
                if job.can_run_in_background():
                    self.start_import(job, notes)
                    return []
                layers = self.loaded(entry, self.loader.add_all(job.run(), entry, job.target))
            else:
                layers = self.load_local_file(entry["id"], paths, filters, companions)
        except (LoadError, ValueError) as error:
            self.report_failure(str(error), notes)
            return []
        except Exception as error:  # noqa: BLE001 (reported, never raised into QGIS)
            self.report_unexpected(error)
            return []
        self.report_loaded(layers, notes)
        return layers

    def report_failure(self, message, notes=()):
        self.show_status("\n".join([message, *notes]), error=True)

    def report_unexpected(self, error):
        import traceback

        QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.MessageLevel.Critical)
        self.show_status(tr("Unexpected error while loading: {error}").format(error=error), error=True)

    def report_loaded(self, layers, notes=()):
        names = ", ".join(layer.name() for layer in layers)
        counts = ", ".join(str(layer.featureCount()) for layer in layers)
        text = tr("Loaded: {names} ({counts} features).").format(names=names, counts=counts)
        self.show_status("\n".join([text, *notes]))

    def start_import(self, job, notes=()):
        """Run ``job`` (an :class:`AlgorithmImport`) as a background task; QGIS stays usable meanwhile."""
        task = job.task()
        task.progressChanged.connect(self.show_progress)
        task.executed.connect(lambda successful, results: self.imported(job, successful, results, notes))
        self.task, self.job = task, job
        self.set_busy(True)
        self.show_status(tr("Reading {file}…").format(file=os.path.basename(job.path)))
        QgsApplication.taskManager().addTask(task)

    def imported(self, job, successful, results, notes=()):
        """The end of a background import, in the main thread: its layers added, or why not (nothing is added
        after a cancel)."""
        self.task = self.job = None
        self.set_busy(False)
        if job.feedback.isCanceled():
            self.show_status(tr("Import cancelled: no layer was added."))
            return
        if not successful:
            self.report_failure(job.failure(), notes)
            return
        try:
            layers = self.loaded(job.entry, self.loader.add_all(job.layers(results), job.entry, job.target))
        except LoadError as error:
            self.report_failure(str(error), notes)
            return
        except Exception as error:  # noqa: BLE001 (reported, never raised into QGIS)
            self.report_unexpected(error)
            return
        self.report_loaded(layers, notes)

    def download_and_load(self):
        entry = self.current_entry()
        if entry is None or self.task is not None:
            return
        if entry.get("download") is False:
            self.show_status(tr("The panel cannot download this dataset: get it from its source page (see the "
                                "description above) and use “Load a local file…”."), error=True)
            return
        try:
            filters = self.filters()
        except ValueError as error:
            self.show_status(str(error), error=True)
            return
        if entry.get("requires_departements") and not filters.departements:
            self.show_status(tr("Give one or more départements for this dataset (e.g. 23)."), error=True)
            return
        if entry.get("needs_communes") and filters.communes is None:
            self.show_status(tr("Choose the commune layer first (download “Commune boundaries” for the same "
                                "départements, or load your own)."), error=True)
            return
        try:
            filters.neighbours = belt_neighbours(entry, filters)
            requests = file_requests(entry, filters.departements + filters.neighbours)
        except ValueError as error:
            self.show_status(str(error), error=True)
            return
        notes = []
        if filters.neighbours:
            notes.append(tr("Border belt of {km:g} km: the neighbouring départements {codes} are downloaded too.")
                         .format(km=filters.belt_km, codes=", ".join(filters.neighbours)))
            QgsMessageLog.logMessage(notes[0], LOG_TAG, Qgis.MessageLevel.Info)
        title = localized(entry["title"], self.language)
        task = DownloadTask(tr("Downloading {title}").format(title=title), requests, cache_folder(),
                            force=self.force.isChecked(), allow_local_http=self.allow_local_http)
        task.progressChanged.connect(self.show_progress)
        task.done.connect(lambda results: self.downloaded(entry, results, [*notes, *task.notes], filters))
        task.failed.connect(self.download_failed)
        self.task = task
        self.set_busy(True)
        self.show_status(tr("Downloading {title}…").format(title=title))
        QgsApplication.taskManager().addTask(task)

    def show_progress(self, value):
        if value > 0 and self.progress.maximum() == 0:
            self.progress.setRange(0, 100)  # from "busy" to a percentage once the size is known
        self.progress.setValue(int(value))

    def cancel(self):
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def shutdown(self):
        """Before the plugin unloads: a running download or import is cancelled, and its end reaches no part of
        this dock (an import's context stays alive until its task ends)."""
        task, self.task = self.task, None
        job, self.job = self.job, None
        if task is None:
            return
        for name in ("progressChanged", "done", "failed", "executed"):
            signal = getattr(task, name, None)
            try:
                signal.disconnect()
            except (AttributeError, TypeError):  # not this kind of task, or nothing connected any more
                pass
        if job is not None:
            task.executed.connect(lambda *_end, job=job: None)  # the task uses the job's context till its end
        task.cancel()

    def downloaded(self, entry, results, notes, filters=None):
        self.task = None
        self.set_busy(False)
        reused = [r for r in results if r.reused and not r.stale]
        notes = list(notes)
        if reused:
            notes.append(tr("Reused the copy downloaded on {date} (cache).").format(
                date=min(r.downloaded for r in reused).astimezone().strftime("%Y-%m-%d %H:%M")))
        paths, companions = [r.path for r in results], {}
        if entry["reader"] == "algorithm":
            # the first file is INPUT, the other files of a template (one per région...) MORE_INPUTS; others go to
            # the parameter named in the catalogue (savoir-faire...)
            parameters = {spec["name"]: spec.get("parameter") for spec in entry["files"]}
            main = [r.path for r in results if not parameters.get(r.name)]
            companions = {parameters[r.name]: r.path for r in results if parameters.get(r.name)}
            if len(main) > 1:
                companions[MORE_INPUTS] = main[1:]
            paths = main[:1]
        self.load_and_report(entry, paths, notes, filters, companions)

    def download_failed(self, message):
        cancelled = self.task is not None and self.task.isCanceled()
        self.task = None
        self.set_busy(False)
        if cancelled:
            self.show_status(tr("Download cancelled."))
            return
        self.show_status(message + "\n" + tr("You can download the file from the source page and use "
                                             "“Load a local file…”."), error=True)
