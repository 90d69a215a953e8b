"""Fixtures for tests that run inside QGIS: the registered provider, the sample département, layer builders,
and a QGIS profile with the built plugin installed, for qgis_process runs."""

import csv
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsVectorLayer

from scripts.plugin_tool import install
from scripts.qgis_runner import qgis_process_env


@pytest.fixture(scope="session")
def provider(qgis_app, qgis_processing):
    from medical_deserts_plugin.processing.provider import MedicalDesertsProvider

    provider = MedicalDesertsProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """The embedded sample département, written once for the whole session: dict of name -> path."""
    from medical_deserts_plugin.sample import write_sample

    return {name: str(path) for name, path in write_sample(tmp_path_factory.mktemp("sample")).items()}


# Hand-made layers are drawn in metres around (0, 0): in Lambert-93 that is the South Atlantic, where it stretches
# lengths by 45 % and the plugin refuses it. This is Lambert-93 with its false origin moved to (0, 0), in central
# France: its (x, y) is exactly (x + 700000, y + 6600000) in EPSG:2154 (to 1e-8 m), so lengths and times are the
# same after reprojection to the default working CRS.
LOCAL_CRS = "PROJ:+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"


def memory_layer(geometry_type, fields, rows, crs=LOCAL_CRS, name="layer"):
    """A memory layer of ``geometry_type`` ("Point", "LineString", "Polygon", "None") with ``fields`` as
    "name:type" strings and ``rows`` of (wkt or None, [attributes]); ``crs`` defaults to ``LOCAL_CRS``."""
    uri = f"{geometry_type}?crs={crs}" + "".join(f"&field={field}" for field in fields)
    layer = QgsVectorLayer(uri, name, "memory")
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(attributes))
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def csv_table(path, fields, rows):
    """Write a CSV file of ``fields`` (names) and ``rows`` (lists of values): a table without geometry, as GDAL
    reads it (every column as text); returns its path as a string."""
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(fields)
        writer.writerows(rows)
    return str(path)


@pytest.fixture(scope="session")
def qgis_process_config(tmp_path_factory):
    """Environment in which /usr/bin/qgis_process.bin sees the built plugin, in a throw-away profile."""
    config = tmp_path_factory.mktemp("qgis_config")
    install(config / "profiles" / "default")
    return qgis_process_env(config)


@pytest.fixture
def no_file(tmp_path):
    """A GeoPackage path that must still not exist after a failing run."""
    return str(Path(tmp_path) / "must_not_exist.gpkg")


@pytest.fixture
def outside_desktop(monkeypatch):
    """Runs as qgis_process does, with no QGIS desktop (``qgis.utils.iface`` None; pytest-qgis sets a stand-in):
    then no algorithm adds anything to ``QgsProject.instance()``, the project of ``processing.run``."""
    import qgis.utils

    monkeypatch.setattr(qgis.utils, "iface", None)


@pytest.fixture
def desktop(outside_desktop, qgis_iface, monkeypatch):
    """Runs as in the QGIS desktop (``qgis.utils.iface`` set) on ``QgsProject.instance()``, cleared before and
    after; yields that project."""
    import qgis.utils
    from qgis.core import QgsProject

    monkeypatch.setattr(qgis.utils, "iface", qgis_iface)
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()
