"""The plugin loads as QGIS loads it: classFactory, initGui (menu, toolbar, dock), provider, unload."""

from qgis.core import QgsApplication

import medical_deserts_plugin
from medical_deserts_plugin import dependencies


def test_plugin_loads_registers_provider_and_unloads(qgis_iface):
    registry = QgsApplication.processingRegistry()
    already = registry.providerById("medicaldeserts")  # other tests may have registered one
    plugin = medical_deserts_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert registry.providerById("medicaldeserts") is not None
    ids = {algorithm.id() for algorithm in registry.providerById("medicaldeserts").algorithms()}
    assert {"medicaldeserts:traveltimematrix", "medicaldeserts:nearestfacility"} <= ids
    assert len(plugin.actions) == 1 + len(ids)
    plugin.actions[0].setChecked(True)
    assert plugin.dock is not None and not plugin.dock.isHidden()
    plugin.unload()
    assert registry.providerById("medicaldeserts") is already
    assert plugin.dock is None and plugin.actions == []


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
    assert [(m[0], m[1]) for m in missing] == [("shapely", "1.8.5")]
    assert "shapely>=2.0,<2.1" in missing[0][3]


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
