"""Fixtures for tests that run inside QGIS: the registered provider, the sample département, layer builders,
and a QGIS profile with the built plugin installed, for qgis_process runs."""

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


def memory_layer(geometry_type, fields, rows, crs="EPSG:2154", name="layer"):
    """A memory layer of ``geometry_type`` ("Point", "LineString", "Polygon", "None") with ``fields`` as
    "name:type" strings and ``rows`` of (wkt or None, [attributes])."""
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
