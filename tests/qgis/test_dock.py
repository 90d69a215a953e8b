"""The data dock: builds from the catalogue, loads local files into the group "Medical deserts" in a metric CRS,
passes its filters to an import algorithm run in a background task (progress, cancel, unload), downloads then loads
through its task (local HTTP server), and keeps its width whatever the length of a message."""

import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsProcessingProvider,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDockWidget

from conftest import memory_layer
from test_border_belt import square as belt_square
from medical_deserts_plugin.gui import dock as dock_module
from medical_deserts_plugin.gui.catalogue import dataset_by_id, load_catalogue
from medical_deserts_plugin.gui.dock import (
    ZERO_WIDTH_SPACE,
    DataDock,
    Filters,
    LoadError,
    format_description,
    parse_departements,
)
from medical_deserts_plugin.i18n import tr
from medical_deserts_plugin.processing.qgis_compat import new_field
from tests.zips import damaged


def square(lon, lat, size=0.05):
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]


COMMUNES = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"nom": "Guéret", "code": "23096", "population": 12800},
         "geometry": {"type": "Polygon", "coordinates": square(1.85, 46.15)}},
        {"type": "Feature", "properties": {"nom": "Aubusson", "code": "23008", "population": 3300},
         "geometry": {"type": "Polygon", "coordinates": square(2.15, 45.95)}},
    ],
}


@pytest.fixture
def communes_file(tmp_path):
    path = tmp_path / "communes.geojson"
    path.write_text(json.dumps(COMMUNES), encoding="utf-8")
    return str(path)


@pytest.fixture
def dock(qgis_iface, qgis_processing, qgis_new_project, tmp_path, monkeypatch):
    monkeypatch.setattr(dock_module, "cache_folder", lambda: str(tmp_path / "cache"))
    widget = DataDock(qgis_iface.mainWindow())
    qgis_iface.addDockWidget(2, widget)
    yield widget
    QgsProject.instance().clear()


def status_text(dock):
    """The status line as the user reads it (without the invisible break points of long paths)."""
    return dock.status.text().replace(ZERO_WIDTH_SPACE, "")


def group_layers():
    group = QgsProject.instance().layerTreeRoot().findGroup(tr("Medical deserts"))
    return [] if group is None else [node.layer() for node in group.findLayers()]


def test_dock_builds_and_lists_the_catalogue(dock):
    assert isinstance(dock, QDockWidget) and dock.objectName() == "MedicalDesertsDataDock"
    assert dock.dataset_ids() == [entry["id"] for entry in load_catalogue()["datasets"]]
    assert dock.download_button.text() == "Download and load" and dock.local_button.text() == "Load a local file…"
    dock.select_dataset("rpps")
    assert "annuaire-sante-extractions" in dock.details.text() and "Source page" in dock.details.text()
    assert dock.profession.isEnabled() and dock.communes.isEnabled()
    assert dock.profession.currentData() == "10" and "SM53" in dock.specialties.currentText()
    dock.select_dataset("communes")
    assert not dock.profession.isEnabled() and dock.departements.isEnabled()
    assert not dock.progress_row.isVisible() or dock.progress_row.isHidden()


def test_the_report_buttons_open_the_chain_and_the_report_with_the_commune_layer(dock, communes_file, monkeypatch):
    import processing

    opened = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda algorithm, parameters: opened.append(
        (algorithm, parameters)))
    dock.report_button.click()
    dock.chain_button.click()
    assert opened == [("medicaldeserts:councilreport", {}), ("medicaldeserts:councilchain", {})]
    layer = dock.load_local_file("communes", communes_file)[0]  # it becomes the dock's commune layer
    dock.chain_button.click()
    assert opened[-1] == ("medicaldeserts:councilchain", {"COMMUNES": layer, "CODE_FIELD": "code"})
    assert dock.chain_button.text() == "Whole chain to the report…" and dock.report_button.toolTip()


def test_departement_filter_is_checked():
    assert parse_departements("23, 87 2a") == ["23", "87", "2A"]
    assert parse_departements("20;1") == ["2A", "2B", "01"]
    assert parse_departements("") == []
    with pytest.raises(ValueError, match="999"):
        parse_departements("23 999")


def test_local_geojson_lands_in_the_group_in_a_metric_crs(dock, communes_file):
    dock.departements.setText("23")
    layers = dock.load_local_file("communes", communes_file)
    assert len(layers) == 1
    layer = layers[0]
    assert layer.isValid() and layer.featureCount() == 2
    assert layer.crs().authid() == "EPSG:2154" and not layer.crs().isGeographic()
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert group_layers() == [layer]
    assert layer.name().startswith("Commune boundaries") and "(23)" in layer.name()
    assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    # the commune layer and its code field are now offered to the RPPS / population readers
    assert dock.communes.currentLayer() is layer and dock.code_field.currentField() == "code"


def test_status_says_what_was_loaded_or_what_went_wrong(dock, communes_file, tmp_path):
    entry = dataset_by_id(dock.catalogue, "communes")
    dock.load_and_report(entry, [communes_file])
    assert "Loaded" in status_text(dock) and "2 features" in status_text(dock)
    bad = tmp_path / "broken.geojson"
    bad.write_text("not a layer", encoding="utf-8")
    assert dock.load_and_report(entry, [str(bad)]) == []
    assert "broken.geojson" in status_text(dock)
    assert dock.load_and_report(entry, [str(tmp_path / "nowhere.gpkg")]) == []
    assert "does not exist" in status_text(dock)


# ------------------------------------------------------------------------------------------------ algorithm path


class FakeImport(QgsProcessingAlgorithm):
    """Stands for medicaldeserts:importrpps: one point per line of the input, at the centroid of its commune."""

    received = {}

    def name(self):
        return "importfake"

    def displayName(self):  # noqa: N802
        return "Import fake"

    def createInstance(self):  # noqa: N802
        return FakeImport()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile("INPUT", "File"))
        self.addParameter(QgsProcessingParameterString("DEPARTEMENTS", "Départements", optional=True))
        self.addParameter(QgsProcessingParameterString("PROFESSION", "Profession", optional=True))
        self.addParameter(QgsProcessingParameterEnum("MODES", "Modes", ["L — libéral", "S — salarié", "B — bénévole"],
                                                     allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource("COMMUNES", "Communes",
                                                              [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField("COMMUNE_CODE_FIELD", "Code", parentLayerParameterName="COMMUNES"))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Practitioners"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        FakeImport.received = {
            "DEPARTEMENTS": self.parameterAsString(parameters, "DEPARTEMENTS", context),
            "PROFESSION": self.parameterAsString(parameters, "PROFESSION", context),
            "MODES": self.parameterAsEnums(parameters, "MODES", context),
        }
        communes = self.parameterAsSource(parameters, "COMMUNES", context)
        code_field = self.parameterAsString(parameters, "COMMUNE_CODE_FIELD", context)
        centres = {f[code_field]: f.geometry().centroid() for f in communes.getFeatures()}
        fields = QgsFields()
        fields.append(new_field("code_commune", "string"))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point,
                                          communes.sourceCrs())
        with open(self.parameterAsFile(parameters, "INPUT", context), encoding="utf-8") as lines:
            for code in lines.read().split():
                feature = QgsFeature(fields)
                feature.setAttributes([code])
                feature.setGeometry(QgsGeometry(centres[code]))
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return {"OUTPUT": dest}


class FakeProvider(QgsProcessingProvider):
    def id(self):
        return "docktest"

    def name(self):
        return "Dock test"

    def loadAlgorithms(self):  # noqa: N802
        self.addAlgorithm(FakeImport())


@pytest.fixture
def fake_provider(qgis_processing):
    provider = FakeProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def test_algorithm_reader_gets_the_filters_and_its_output_is_styled(dock, fake_provider, communes_file, tmp_path):
    entry = dict(dataset_by_id(dock.catalogue, "rpps"), id="fake_rpps", algorithm="docktest:importfake")
    dock.catalogue["datasets"].append(entry)
    communes = dock.load_local_file("communes", communes_file, Filters(departements=["23"]))[0]
    rpps = tmp_path / "rpps.txt"
    rpps.write_text("23096\n23096\n23008\n", encoding="utf-8")
    filters = Filters(departements=["23"], profession="10", modes=["L"], communes=communes,
                      commune_code_field="code")
    layers = dock.load_local_file("fake_rpps", str(rpps), filters)
    assert FakeImport.received == {"DEPARTEMENTS": "23", "PROFESSION": "10", "MODES": [0]}
    assert len(layers) == 1 and layers[0].featureCount() == 3
    assert layers[0].geometryType() == QgsWkbTypes.PointGeometry
    assert isinstance(layers[0].renderer(), QgsSingleSymbolRenderer)
    assert group_layers() == [layers[0], communes]  # points above polygons
    with pytest.raises(LoadError, match="commune layer"):
        dock.load_local_file("fake_rpps", str(rpps), Filters(departements=["23"]))


def test_real_import_algorithms_through_the_dock(dock, provider, sample):
    """The sample département (code 00) through medicaldeserts:importrpps / importfiness / importpopulation."""
    communes = dock.load_local_file("communes", sample["communes"], Filters(departements=["00"]))[0]
    dock.communes.setLayer(communes)
    assert dock.code_field.currentField() == "code_insee"
    dock.select_dataset("rpps")
    dock.departements.setText("00")
    filters = dock.filters()
    assert filters.profession == "10" and filters.specialties == "SM53, SM54, SM26" and filters.modes == []
    gps = dock.load_local_file("rpps", sample["rpps"], filters)
    assert [layer.geometryType() for layer in gps] == [QgsWkbTypes.PointGeometry, QgsWkbTypes.PolygonGeometry]
    assert all(layer.crs().authid() == "EPSG:2154" for layer in gps)
    # the style importrpps saved in its GeoPackage, not a random fill: practitioners per commune
    assert gps[1].renderer().type() == "graduatedSymbol" and gps[1].renderer().classAttribute() == "n_gp"
    everyone = dock.load_local_file("rpps", sample["rpps"], Filters(
        departements=["00"], profession="", specialties="", modes=[], communes=communes,
        commune_code_field="code_insee"))
    assert everyone[0].featureCount() > gps[0].featureCount()  # "all specialties" really means all
    dock.select_dataset("finess")
    assert dock.load_local_file("finess", sample["finess"])[0].featureCount() > 0
    dock.select_dataset("finess_pharmacies")  # candidate téléconsultation points: the officines alone
    pharmacies = dock.load_local_file("finess_pharmacies", sample["finess"])[0]
    assert pharmacies.featureCount() > 0 and {f["category"] for f in pharmacies.getFeatures()} == {"620"}
    dock.select_dataset("population")
    population = dock.load_local_file("population", sample["population"])[0]
    assert population.featureCount() == communes.featureCount()
    assert population.renderer().type() == "RuleRenderer"  # population classes and the "no population row" class
    assert len(group_layers()) == 8


def test_anct_entries_load_through_importanct(dock, provider, sample, tmp_path):
    """ZRR and FRR entries: the zoning table joined to the chosen communes (polygons), or a table without them;
    the QPV entry refuses a table; the kind comes from the catalogue."""
    assert {dataset_by_id(dock.catalogue, name)["algorithm"] for name in ("frr", "zrr", "qpv", "france_services")} \
        == {"medicaldeserts:importanct"}
    communes = dock.load_local_file("communes", sample["communes"], Filters(departements=["00"]))[0]
    zrr = dock.load_local_file("zrr", sample["anct"], Filters(departements=["00"], communes=communes,
                                                                 commune_code_field="code_insee"))[0]
    assert zrr.geometryType() == QgsWkbTypes.PolygonGeometry and zrr.featureCount() == communes.featureCount()
    names = zrr.fields().names()
    assert {"zrr", "zrr_code"} <= set(names) and "frr" not in names  # KIND = ZRR only
    frr = dock.load_local_file("frr", sample["anct"], Filters(departements=["00"]))[0]
    assert not frr.isSpatial() and {"frr", "frr_code"} <= set(frr.fields().names()) and "zrr" not in \
        frr.fields().names()
    with pytest.raises(LoadError, match="is a table"):
        dock.load_local_file("qpv", sample["anct"], Filters(departements=["00"]))


def test_damaged_local_zips_are_refused_with_the_member_named(dock, provider, sample, tmp_path):
    """A zipped layer with a bad CRC (extracted by the dock) and an encrypted RPPS zip (read by importrpps)."""
    layer_zip = tmp_path / "communes.zip"
    layer_zip.write_bytes(damaged("bad_crc", "communes.geojson", json.dumps(COMMUNES).encode()))
    entry = dataset_by_id(dock.catalogue, "communes")
    assert dock.load_and_report(entry, [str(layer_zip)], filters=Filters(departements=["23"])) == []
    assert "member “communes.geojson” is damaged (Bad CRC-32" in status_text(dock)
    assert not any((tmp_path / "cache").rglob("*.geojson"))  # nothing half-extracted
    communes = dock.load_local_file("communes", sample["communes"], Filters(departements=["00"]))[0]
    rpps_zip = tmp_path / "rpps.zip"
    rpps_zip.write_bytes(damaged("encrypted", "PS_LibreAcces_Personne_activite_2026.txt",
                                 open(sample["rpps"], "rb").read()))
    with pytest.raises(LoadError, match="member “PS_LibreAcces_Personne_activite_2026.txt” is encrypted"):
        dock.load_local_file("rpps", str(rpps_zip), Filters(departements=["00"], communes=communes,
                                                            commune_code_field="code_insee"))


def test_missing_algorithm_is_said_plainly(dock, tmp_path):
    entry = dict(dataset_by_id(dock.catalogue, "finess"), id="nothing", algorithm="docktest:doesnotexist")
    dock.catalogue["datasets"].append(entry)
    path = tmp_path / "finess.csv"
    path.write_text("finess;etalab;1;2024-01-01\n", encoding="utf-8")
    with pytest.raises(LoadError, match="docktest:doesnotexist is not available"):
        dock.load_local_file("nothing", str(path), Filters())


# ------------------------------------------------------------------------------------------------ download path


class CommunesHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/slow/"):
            time.sleep(1.0)
        if "/departements/23/communes" in self.path:
            body = json.dumps(COMMUNES).encode()
            self.send_response(200)
        else:
            body = b"<html>no</html>"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def communes_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), CommunesHandler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def wait_until_idle(dock, seconds=20):
    deadline = time.monotonic() + seconds
    while dock.task is not None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def choose_communes_from(dock, address):
    """The dock's commune entry, fetched from the local test server at ``address``."""
    spec = dataset_by_id(dock.catalogue, "communes")["files"][0]
    spec["url_template"] = address + "/departements/{departement}/communes?format=geojson"
    dock.allow_local_http = True
    dock.select_dataset("communes")


def test_download_and_load_through_the_task(dock, communes_server):
    choose_communes_from(dock, communes_server)
    dock.departements.setText("")
    dock.download_and_load()
    assert "départements" in status_text(dock) and dock.task is None  # required for communes
    dock.departements.setText("23")
    dock.download_and_load()
    assert dock.progress_row.isVisibleTo(dock) and not dock.download_button.isEnabled()
    wait_until_idle(dock)
    assert "Loaded" in status_text(dock), status_text(dock)
    assert len(group_layers()) == 1 and group_layers()[0].crs().authid() == "EPSG:2154"
    assert dock.download_button.isEnabled() and not dock.progress_row.isVisibleTo(dock)
    dock.departements.setText("87")  # the server has no 87: plain error with the address
    dock.download_and_load()
    wait_until_idle(dock)
    assert "404" in status_text(dock) and "/departements/87/communes" in status_text(dock)
    assert "Load a local file" in status_text(dock)


def unload_and_wait(dock):
    """The plugin's unload of ``dock``, then wait (20 s at most) until no task runs; asserts that none is left."""
    dock.shutdown()
    dock.deleteLater()
    deadline = time.monotonic() + 20
    while QgsApplication.taskManager().countActiveTasks() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert QgsApplication.taskManager().countActiveTasks() == 0


def test_unload_during_a_download_cancels_it(dock, communes_server):
    """The plugin unloads while a file is downloading: the task is cancelled, and its end touches no dead dock."""
    choose_communes_from(dock, communes_server + "/slow")
    dock.departements.setText("23")
    dock.download_and_load()
    assert dock.task is not None
    unload_and_wait(dock)
    assert group_layers() == []


# ------------------------------------------------------------------------------------------------ background import


@pytest.fixture
def slow_rpps_reader(monkeypatch):
    """The RPPS reader of medicaldeserts:importrpps made slow: 40 progress steps of 50 ms (Cancel stops it)."""
    from medical_deserts_plugin.processing import import_rpps

    real = import_rpps.read_rpps

    def slow(path, progress=None, **kwargs):
        for step in range(40):
            progress(step / 40)  # raises AlgorithmCancelled after Cancel
            time.sleep(0.05)
        return real(path, progress=progress, **kwargs)

    monkeypatch.setattr(import_rpps, "read_rpps", slow)


def start_rpps_import(dock, sample):
    """The sample's communes loaded, then its RPPS file imported from "Load a local file…"; returns the communes."""
    communes = dock.load_local_file("communes", sample["communes"], Filters(departements=["00"]))[0]
    dock.select_dataset("rpps")
    dock.departements.setText("00")
    started = time.monotonic()
    assert dock.load_and_report(dataset_by_id(dock.catalogue, "rpps"), [sample["rpps"]]) == []
    assert time.monotonic() - started < 1.0, "the import must not block the interface"
    assert dock.task is not None and dock.progress_row.isVisibleTo(dock)
    assert not dock.local_button.isEnabled() and not dock.download_button.isEnabled()
    assert status_text(dock) == "Reading " + os.path.basename(sample["rpps"]) + "…"
    return communes


def wait_for_progress(dock, seconds=20):
    """Progress values seen until the task ends, or until it passes 10 % when ``seconds`` is short."""
    seen = []
    deadline = time.monotonic() + seconds
    while dock.task is not None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        seen.append(dock.progress.value())
        time.sleep(0.02)
    return seen


def rpps_outputs(tmp_path):
    return sorted((tmp_path / "cache" / "layers").glob("rpps*"))


def test_local_import_runs_in_the_background_then_adds_its_layers(dock, provider, sample, slow_rpps_reader):
    communes = start_rpps_import(dock, sample)
    assert group_layers() == [communes]  # nothing yet: the layers come at the end
    seen = wait_for_progress(dock)
    assert dock.task is None and "Loaded" in status_text(dock), status_text(dock)
    assert len({value for value in seen if 0 < value < 100}) >= 5  # the bar moved while the reader read
    points, per_commune = group_layers()[0], group_layers()[-1]
    assert points.geometryType() == QgsWkbTypes.PointGeometry and points.crs().authid() == "EPSG:2154"
    assert per_commune.geometryType() == QgsWkbTypes.PolygonGeometry and len(group_layers()) == 3
    assert dock.local_button.isEnabled() and not dock.progress_row.isVisibleTo(dock)
    # the same counts as the import run in the calling thread
    direct = dock.load_local_file("rpps", sample["rpps"], dock.filters())
    assert [layer.featureCount() for layer in direct] == [points.featureCount(), per_commune.featureCount()]
    assert points.featureCount() > 0


def test_cancelling_an_import_leaves_nothing(dock, provider, sample, slow_rpps_reader, tmp_path):
    communes = start_rpps_import(dock, sample)
    deadline = time.monotonic() + 20
    while dock.progress.value() <= 10 and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert dock.task is not None and dock.progress.value() > 10  # cancelled while reading
    dock.cancel()
    wait_for_progress(dock)
    assert dock.task is None and status_text(dock) == "Import cancelled: no layer was added."
    assert group_layers() == [communes] and rpps_outputs(tmp_path) == []
    assert dock.local_button.isEnabled() and not dock.progress_row.isVisibleTo(dock)


def test_unload_during_an_import_cancels_it(dock, provider, sample, slow_rpps_reader, tmp_path):
    communes = start_rpps_import(dock, sample)
    wait_for_progress(dock, seconds=0.3)
    unload_and_wait(dock)
    assert group_layers() == [communes] and rpps_outputs(tmp_path) == []


def test_background_import_failure_names_the_file(dock, provider, sample, tmp_path):
    not_rpps = tmp_path / "not_rpps.txt"
    not_rpps.write_text("nom;prenom\nDupont;Jean\n", encoding="utf-8")
    communes = dock.load_local_file("communes", sample["communes"], Filters(departements=["00"]))[0]
    dock.select_dataset("rpps")
    dock.departements.setText("00")
    assert dock.load_and_report(dataset_by_id(dock.catalogue, "rpps"), [str(not_rpps)]) == []
    wait_for_progress(dock)
    message = status_text(dock)
    assert message.startswith(f"medicaldeserts:importrpps could not read {not_rpps}: "), message
    assert "RPPS" in message and "without a message" not in message  # the algorithm's own words
    assert group_layers() == [communes] and rpps_outputs(tmp_path) == []


# ------------------------------------------------------------------------------------------------ layout, language


def test_a_long_error_wraps_and_keeps_the_dock_narrow(dock):
    dock.resize(360, 800)
    body = dock.widget().widget()
    narrow = body.minimumSizeHint().width()
    path = "/home/cartographe/Téléchargements/" + "PS_LibreAcces_Personne_activite_202601011200" * 10 + ".txt"
    message = (path + " " + "la colonne attendue manque " * 80)[:2000]
    assert len(message) == 2000
    dock.show_status(message, error=True)
    QCoreApplication.processEvents()
    assert status_text(dock) == message
    assert body.minimumSizeHint().width() == narrow < 400
    assert dock.minimumSizeHint().width() < 400
    lines = dock.status.heightForWidth(340) / dock.status.fontMetrics().lineSpacing()
    assert lines > 20  # wrapped, the path too


def test_format_descriptions_are_translated(dock, tmp_path, monkeypatch):
    from medical_deserts_plugin import i18n
    from scripts.plugin_tool import build

    for entry in dock.catalogue["datasets"]:
        assert format_description(entry["format"]) == entry["format"]  # English: the catalogue's text
    dock.select_dataset("rpps")
    assert "Format: Text, | separated (PS_LibreAcces_Personne_activite), or zip" in dock.details.text()
    monkeypatch.setattr(i18n, "PLUGIN_DIR", build(tmp_path))
    translator = i18n.install_translator("fr")
    try:
        assert format_description(dataset_by_id(dock.catalogue, "rpps")["format"]) == \
            "Texte séparé par des | (PS_LibreAcces_Personne_activite), ou zip"
        assert format_description(dataset_by_id(dock.catalogue, "qpv")["format"]) == \
            "GeoJSON, GeoPackage ou Shapefile (zip)"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_border_belt_goes_to_the_imports_that_take_it(dock, provider, tmp_path):
    """The belt spin box is on for RPPS and population (off elsewhere, and then 0); the population of 23 with a belt
    of 5 km keeps the 87 commune whose edge is 4 km away, flagged in_belt, and leaves the one 9 km away."""
    dock.select_dataset("finess")
    dock.belt.setValue(5)
    assert not dock.belt.isEnabled() and dock.filters().belt_km == 0.0
    dock.select_dataset("population")
    assert dock.belt.isEnabled() and dock.belt.toolTip()
    communes = memory_layer("Polygon", ["code_insee:string"], [
        (belt_square(west), [code]) for code, west in (("23001", 0), ("87002", -8), ("87003", -13))], crs="EPSG:2154")
    QgsProject.instance().addMapLayer(communes)
    dock.communes.setLayer(communes)
    dock.departements.setText("23")
    filters = dock.filters()
    assert filters.belt_km == 5.0 and filters.departements == ["23"]
    path = tmp_path / "population.csv"
    path.write_text("CODGEO;P_POP\n23001;100\n87002;200\n87003;300\n", encoding="utf-8")
    layer = dock.load_local_file("population", str(path), filters)[0]
    assert {f["code_insee"]: f["in_belt"] for f in layer.getFeatures()} == {"23001": False, "87002": True}
    assert "(23 + 5 km)" in layer.name()


class BeltHandler(BaseHTTPRequestHandler):
    """Any département's communes: 23 those of ``COMMUNES``; another one ``XX``, a commune ``XX001`` 0.05° west of
    Guéret (about 4 km) and ``XX002`` 1° west (about 73 km). The départements asked for go to ``server.asked``."""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        code = self.path.split("/departements/")[1].split("/")[0]
        self.server.asked.append(code)
        features = COMMUNES["features"] if code == "23" else [
            {"type": "Feature", "properties": {"nom": f"{code} {n}", "code": f"{code}00{n}", "population": 100 * n},
             "geometry": {"type": "Polygon", "coordinates": square(lon, 46.15)}} for n, lon in ((1, 1.75), (2, 0.80))]
        body = json.dumps({"type": "FeatureCollection", "features": features}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def belt_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BeltHandler)
    httpd.daemon_threads, httpd.asked = True, []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_the_commune_download_with_a_belt_fetches_the_neighbours_within_it(dock, belt_server, provider, tmp_path):
    """Creuse (23) with a belt of 20 km: the communes of the six départements that touch it and of 86 (17.5 km away)
    are downloaded too (23's file reused from the cache), named in the layer and the status, the départements typed
    left as they are; the population
    import with the same belt then keeps the 23 communes and the seven neighbours' ones 4 km away, not those 73 km
    away. Belt 0: Creuse alone."""
    choose_communes_from(dock, f"http://127.0.0.1:{belt_server.server_address[1]}")
    assert dock.belt.isEnabled()
    dock.departements.setText("23")
    dock.belt.setValue(0)
    dock.download_and_load()
    wait_until_idle(dock)
    assert belt_server.asked == ["23"] and group_layers()[0].featureCount() == 2
    assert group_layers()[0].name().endswith("(23)")
    belt_server.asked.clear()
    dock.belt.setValue(20)
    dock.download_and_load()
    wait_until_idle(dock)
    neighbours = ["03", "18", "19", "36", "63", "86", "87"]
    assert belt_server.asked == neighbours  # 23's file comes from the cache
    layer = dock.communes.currentLayer()
    assert layer.featureCount() == 2 + 2 * 7 and layer.name().endswith("(23 + 03, 18, 19, 36, 63, 86, 87 (belt 20 km))")
    assert ("Border belt of 20 km: the neighbouring départements 03, 18, 19, 36, 63, 86, 87 are downloaded too."
            in status_text(dock)) and dock.departements.text() == "23"
    dock.select_dataset("population")
    assert dock.code_field.currentField() == "code"
    path = tmp_path / "population.csv"
    path.write_text("CODGEO;P_POP\n" + "".join(f"{f['code']};10\n" for f in layer.getFeatures()), encoding="utf-8")
    population = dock.load_local_file("population", str(path), dock.filters())[0]
    kept = {f["code"]: f["in_belt"] for f in population.getFeatures()}
    assert kept == {"23096": False, "23008": False, **{f"{code}001": True for code in neighbours}}
    assert "(23 + 20 km)" in population.name()
