"""The stock-QGIS path: Debian 12's QGIS with the system Python (no venv), whose shapely is Debian's 1.8. The
plugin from the ZIP, in a fresh profile, loads as a stand-in; its "Install the missing libraries" action brings
shapely 2 into the profile's library folder (from a local wheel folder standing in for the registry); after a
restart (new processes) qgis_process lists the provider and runs an algorithm."""

import json
import os
import subprocess
import zipfile

import pytest
from qgis.core import QgsVectorLayer

from scripts.plugin_tool import enable_in_profile, package
from scripts.qgis_runner import QGIS_PROCESS, qgis_process_env, run_algorithm
from test_bad_inputs_values import gpkg

SYSTEM_PYTHON = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="session")
def shapely2_wheels(tmp_path_factory):
    """A folder with the shapely 2.0 wheel for the system Python, fetched once from the configured pip index."""
    folder = tmp_path_factory.mktemp("wheels")
    done = subprocess.run([SYSTEM_PYTHON, "-m", "pip", "download", "shapely==2.0.*", "--no-deps", "--only-binary=:all:",
                           "--disable-pip-version-check", "-d", str(folder)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return folder


def system_python(code):
    return subprocess.run([SYSTEM_PYTHON, "-c", code], capture_output=True, text=True).stdout.strip()


def test_stock_qgis_installs_shapely_2_into_the_profile_then_runs(shapely2_wheels, tmp_path):
    debian_shapely = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-shapely"],
                                    capture_output=True, text=True).stdout
    if debian_shapely.startswith("2"):
        pytest.skip(f"this distribution's QGIS has shapely {debian_shapely} (Debian 13 and later): nothing to install")
    assert not system_python("import shapely; print(shapely.__version__)").startswith("2"), (
        "the system Python must not have shapely 2 for this test, as on a stock Debian 12 (python3-shapely 1.8)")
    stdlib = system_python("import sysconfig; print(sysconfig.get_path('stdlib'))")
    assert os.path.exists(os.path.join(stdlib, "EXTERNALLY-MANAGED"))  # pip refuses installs into the system Python
    config = tmp_path / "qgis_config"
    profile = config / "profiles" / "default"
    with zipfile.ZipFile(package(tmp_path / "dist")) as archive:  # as Plugins › Install from ZIP does
        archive.extractall(profile / "python" / "plugins")
    enable_in_profile(profile)
    stock = qgis_process_env(config, venv_libraries=False)
    assert "PYTHONPATH" not in stock

    index = dict(stock, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(shapely2_wheels))
    done = subprocess.run([SYSTEM_PYTHON, os.path.join(HERE, "stock_qgis_install.py")], env=index,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    first = json.loads(done.stdout.strip().splitlines()[-1])
    assert first["plugin"] == "MissingDependenciesPlugin"
    assert first["plugin_file"].startswith(str(profile))
    assert "shapely" in first["message"] and "<" not in first["message"]
    assert first["succeeded"], first["report"] + first["pip_output"]
    folder = profile / "python" / "medical_deserts_libs" / system_python(
        "import sys; print('py%d.%d' % sys.version_info[:2])")
    assert first["folder"] == str(folder)
    installed = sorted(path.name for path in folder.iterdir())
    assert any(name.startswith("shapely-2.0.") and name.endswith(".dist-info") for name in installed), installed
    assert not [name for name in installed if name.startswith("numpy")]  # QGIS's numpy stays

    listed = subprocess.run([QGIS_PROCESS, "list"], env=stock, capture_output=True, text=True, timeout=300)
    assert "medicaldeserts:nearestfacility" in listed.stdout, listed.stdout[-2000:] + listed.stderr[-2000:]
    # 3 km of road at 60 km/h between the commune and the only facility: 3 minutes.
    roads = gpkg(tmp_path, "roads", "LineString", ["speed:double"], [("LINESTRING(0 0, 1500 0, 3000 0)", [60.0])])
    communes = gpkg(tmp_path, "communes", "Point", ["code:string"], [("POINT(0 0)", ["00001"])])
    facilities = gpkg(tmp_path, "facilities", "Point", ["code:string"], [("POINT(3000 0)", ["F"])])
    output = tmp_path / "nearest.gpkg"
    run_algorithm("medicaldeserts:nearestfacility", dict(
        INPUT=communes, FACILITIES=facilities, FACILITY_ID_FIELD="code", ROADS=roads, SPEED_FIELD="speed",
        OUTPUT=output), stock)
    rows = [(f["code"], f["nearest_min"], f["nearest_id"]) for f in QgsVectorLayer(str(output)).getFeatures()]
    assert rows == [("00001", pytest.approx(3.0), "F")]
