"""The plugin loads as QGIS loads it: classFactory, initGui (menu, toolbar, dock), provider, unload."""

import time

from qgis.core import QgsApplication

import medical_deserts_plugin
from medical_deserts_plugin import dependencies
from medical_deserts_plugin.gui.parameters_dialog import SectionedAlgorithmDialog
from medical_deserts_plugin.processing.base import MedicalDesertsAlgorithm


def test_plugin_loads_registers_provider_and_unloads(qgis_iface):
    registry = QgsApplication.processingRegistry()
    already = registry.providerById("medicaldeserts")  # other tests may have registered one
    plugin = medical_deserts_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert registry.providerById("medicaldeserts") is not None
    ids = {algorithm.id() for algorithm in registry.providerById("medicaldeserts").algorithms()}
    assert {"medicaldeserts:traveltimematrix", "medicaldeserts:nearestfacility"} <= ids
    assert len(plugin.actions) == 1 + len(ids) + 2  # the dock, the algorithms, the Model Designer, the user guide
    assert MedicalDesertsAlgorithm.parameters_dialog is SectionedAlgorithmDialog  # the dialogs with sections
    assert plugin.actions[-1].text() == "User guide"
    plugin.actions[0].setChecked(True)
    assert plugin.dock is not None and not plugin.dock.isHidden()
    plugin.unload()
    assert registry.providerById("medicaldeserts") is already
    assert plugin.dock is None and plugin.actions == []
    assert MedicalDesertsAlgorithm.parameters_dialog is None


def test_missing_library_gives_a_message_not_a_traceback(qgis_iface, monkeypatch):
    real_import = dependencies.import_module

    def without_scipy(name):
        if name == "scipy":
            raise ImportError("No module named 'scipy'")
        return real_import(name)

    monkeypatch.setattr(dependencies, "import_module", without_scipy)
    plugin = medical_deserts_plugin.classFactory(qgis_iface)
    assert type(plugin).__name__ == "MissingDependenciesPlugin"
    assert "scipy" in plugin.message() and "python3-scipy" in plugin.message()
    registry = QgsApplication.processingRegistry()
    already = registry.providerById("medicaldeserts")
    plugin.initProcessing()
    plugin.initGui()
    plugin.unload()
    assert registry.providerById("medicaldeserts") is already


def test_old_versions_are_reported(monkeypatch):
    class OldShapely:
        __version__ = "1.8.5"

    real_import = dependencies.import_module
    monkeypatch.setattr(dependencies, "import_module",
                        lambda name: OldShapely if name == "shapely" else real_import(name))
    missing = dependencies.missing_dependencies()
    assert [(m[0], m[1], m[3]) for m in missing] == [("shapely", "1.8.5", "shapely==2.0.*")]


def without_shapely_2(monkeypatch, qgis_iface, library_folder):
    """The stand-in plugin as it loads where shapely is 1.8, installing into ``library_folder``."""
    class OldShapely:
        __version__ = "1.8.5"

    real_import = dependencies.import_module
    monkeypatch.setattr(dependencies, "import_module",
                        lambda name: OldShapely if name == "shapely" else real_import(name))
    from medical_deserts_plugin.plugin import MissingDependenciesPlugin

    monkeypatch.setattr(MissingDependenciesPlugin, "library_folder", staticmethod(lambda: library_folder))
    return medical_deserts_plugin.classFactory(qgis_iface)


def test_the_message_offers_the_install_action_and_reads_as_html(qgis_iface, monkeypatch, tmp_path):
    plugin = without_shapely_2(monkeypatch, qgis_iface, tmp_path / "libs")
    assert "shapely 1.8.5 found, 2.0 or later needed" in plugin.message()
    assert str(tmp_path / "libs") in plugin.message() and "<" not in plugin.message()
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: logged.append(text))
    plugin.initGui()
    assert plugin.action.text() == "Install the missing libraries"
    assert any("shapely 1.8.5 found" in text for text in logged)
    plugin.unload()
    assert plugin.action is None


def test_a_failed_installation_says_why_and_can_be_tried_again(qgis_iface, monkeypatch, tmp_path):
    empty_index = tmp_path / "no_wheels"
    empty_index.mkdir()
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(empty_index))
    plugin = without_shapely_2(monkeypatch, qgis_iface, tmp_path / "libs")
    plugin.initGui()
    plugin.install_libraries()
    deadline = time.monotonic() + 120
    while plugin.result is None and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    assert plugin.result["succeeded"] is False
    assert plugin.result["report"].startswith("pip could not install shapely==2.0.*:")
    assert "No matching distribution found for shapely==2.0.*" in plugin.result["report"]
    assert plugin.task is None and plugin.action.isEnabled()
    assert not any((tmp_path / "libs").iterdir())
    plugin.unload()


def test_french_interface_from_the_compiled_translation(tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication

    from medical_deserts_plugin import i18n
    from scripts.plugin_tool import build

    plugin_dir = build(tmp_path)
    translator = None
    try:
        original = i18n.PLUGIN_DIR
        i18n.PLUGIN_DIR = plugin_dir
        translator = i18n.install_translator("fr")
        assert translator is not None
        assert i18n.tr("Nearest facility") == "Établissement le plus proche"
        assert i18n.tr("Cutoff (minutes)") == "Limite (minutes)"
    finally:
        i18n.PLUGIN_DIR = original
        if translator is not None:
            QCoreApplication.removeTranslator(translator)


def test_loading_with_the_libraries_present_runs_no_pip(qgis_iface, monkeypatch):
    import subprocess

    def refuse(*args, **kwargs):
        raise AssertionError(f"no process at plugin load: {args}")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert type(medical_deserts_plugin.classFactory(qgis_iface)).__name__ == "MedicalDesertsPlugin"
