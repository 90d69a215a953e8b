"""Run by the system Python (``/usr/bin/python3``, no venv) as QGIS would: load the plugin installed in the profile
of ``QGIS_CUSTOM_CONFIG_PATH``, then call its "Install the missing libraries" action and wait for the task.
Prints one JSON line: the plugin class, its message, the task's result and report, the library folder."""

import json
import sys
import time

from qgis.core import QgsApplication

app = QgsApplication([], False)
app.initQgis()
sys.path.insert(0, QgsApplication.qgisSettingsDirPath() + "python/plugins")
import medical_deserts_plugin  # noqa: E402 (from the profile, as QGIS imports it)

plugin = medical_deserts_plugin.classFactory(None)
result = {"plugin": type(plugin).__name__, "plugin_file": medical_deserts_plugin.__file__}
if result["plugin"] == "MissingDependenciesPlugin":
    import shapely

    result.update(message=plugin.message(), shapely_before=getattr(shapely, "__version__", None))
    plugin.initGui()
    plugin.install_libraries()
    deadline = time.monotonic() + 600
    while plugin.result is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    result.update(plugin.result or {"succeeded": False, "report": "timed out"}, folder=str(plugin.library_folder()))
print(json.dumps(result))
app.exitQgis()
