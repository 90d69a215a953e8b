"""QGIS plugin "Medical Deserts" (Déserts médicaux)."""


def classFactory(iface):  # noqa: N802 (QGIS entry point name)
    """Load the plugin, or a stand-in that offers to install the missing libraries. The profile's library folder
    (where that installs them) goes first on sys.path before anything imports them; no pip call here."""
    from qgis.core import QgsApplication

    from .dependencies import library_folder, missing_dependencies, use_library_folder

    use_library_folder(library_folder(QgsApplication.qgisSettingsDirPath()))
    missing = missing_dependencies()
    if missing:
        from .plugin import MissingDependenciesPlugin

        return MissingDependenciesPlugin(iface, missing)
    from .plugin import MedicalDesertsPlugin

    return MedicalDesertsPlugin(iface)
