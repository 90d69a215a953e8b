"""QGIS plugin "Medical Deserts" (Déserts médicaux)."""


def classFactory(iface):  # noqa: N802 (QGIS entry point name)
    """Load the plugin, or a stand-in that says which libraries to install when some are missing."""
    from .dependencies import missing_dependencies

    missing = missing_dependencies()
    if missing:
        from .plugin import MissingDependenciesPlugin

        return MissingDependenciesPlugin(iface, missing)
    from .plugin import MedicalDesertsPlugin

    return MedicalDesertsPlugin(iface)
