"""Road and table files read whole by GDAL (``bulk_layer``) give exactly what reading feature by feature gives."""

import zipfile

import numpy as np
import pandas as pd

import processing
import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsMapLayerStore,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from medical_deserts_plugin.processing.layers import _factorize_bytes, _read_in_bulk, bulk_layer, read_layer

from conftest import memory_layer

LAMBERT = QgsCoordinateReferenceSystem("EPSG:2154")
ROWS = [  # Lambert-93, in central France
    ("LINESTRING(700000 6600000, 701000 6600000)", ["départementale", 50.0, "no"]),
    ("MULTILINESTRING((701000 6600000, 701000 6601000),(701000 6601000, 702000 6601000))", [None, None, None]),
    (None, ["route", 30.0, "yes"]),
    ("LINESTRING(702000 6601000, 702000 6603000, 702500 6603000)", ["", 80.0, "-1"]),
]


def lambert_roads():
    return memory_layer("MultiLineString", ["class:string", "speed:double", "oneway:string"], ROWS, crs="EPSG:2154")


@pytest.fixture
def layer_store():
    """Owns the file layers a test opens, and closes them at its end (a file layer left to Python's garbage
    collection outlives QGIS and crashes the interpreter's exit)."""
    store = QgsMapLayerStore()
    yield store
    store.removeAllMapLayers()


def written(layer, path, driver, store):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return opened(str(path), store)


def opened(source, store):
    layer = QgsVectorLayer(source, "roads", "ogr")
    assert layer.isValid()
    store.addMapLayer(layer)
    return layer


@pytest.fixture(params=[("GPKG", "roads.gpkg"), ("ESRI Shapefile", "roads.shp"), ("GeoJSON", "roads.geojson")])
def road_file(request, tmp_path, layer_store):
    driver, name = request.param
    return written(lambert_roads(),
                   tmp_path / name, driver, layer_store)


def context(check=QgsFeatureRequest.GeometryAbortOnInvalid):
    result = QgsProcessingContext()
    result.setInvalidGeometryCheck(check)
    return result


def algorithm(provider):
    return QgsApplication.processingRegistry().algorithmById("medicaldeserts:nearestfacility")


def test_bulk_read_equals_feature_read(provider, road_file):
    fields = ["class", "speed", "oneway"]
    layer_context = context()
    bulk = bulk_layer(algorithm(provider), {"ROADS": road_file}, "ROADS", layer_context, LAMBERT)
    assert bulk is not None and _read_in_bulk(bulk, fields, None) is not None
    fast = read_layer(road_file, LAMBERT, layer_context, "roads", fields, keep_features=False, bulk=bulk)
    slow = read_layer(road_file, LAMBERT, layer_context, "roads", fields, keep_features=False)
    assert fast.feature_ids == slow.feature_ids
    columns = {name: list(values) for name, values in fast.columns.items()}  # object arrays in bulk, lists else
    assert columns == slow.columns or _same_values(columns, slow.columns)
    assert "départementale" in columns["class"]
    assert sorted(speed for speed in columns["speed"] if speed is not None) == [30.0, 50.0, 80.0]
    assert columns["speed"].count(None) == 1
    for name in ("class", "oneway"):  # the text columns also as Categoricals: the same values, NULL missing
        assert [None if value != value else value for value in fast.categories[name]] == columns[name]
    assert "speed" not in fast.categories and not slow.categories
    assert shapely.is_missing(fast.geometries).sum() == 1
    for read in (fast, slow):  # the same lines (a shapefile's single lines come as multi-lines through QGIS)
        parts, line = shapely.get_parts(read.geometries, return_index=True)
        coordinates, part = shapely.get_coordinates(parts, return_index=True)
        read.lines = (line.tolist(), part.tolist(), coordinates.tolist())
    assert fast.lines == slow.lines


def _same_values(fast, slow):
    """Equal but for NULL: QGIS gives its NULL variant, the bulk read None."""
    return all([None if value in (None, "") or value != value else value for value in fast[name]]
               == [None if value in (None, "") or value != value else value for value in slow[name]]
               for name in fast)


def test_zipped_shapefile_is_read_in_bulk(provider, tmp_path, layer_store):
    (tmp_path / "shp").mkdir()
    road_file = written(lambert_roads(),
                        tmp_path / "shp" / "roads.shp", "ESRI Shapefile", layer_store)
    archive = tmp_path / "roads.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for member in (tmp_path / "shp").glob("roads.*"):
            zipped.write(member, member.name)
    zipped_layer = opened(f"/vsizip/{archive}/roads.shp", layer_store)
    layer_context = context()
    bulk = bulk_layer(algorithm(provider), {"ROADS": zipped_layer}, "ROADS", layer_context, LAMBERT)
    assert _read_in_bulk(bulk, ["class"], None) is not None  # GDAL opened the zip member itself
    fast = read_layer(zipped_layer, LAMBERT, layer_context, "roads", ["class"], keep_features=False, bulk=bulk)
    slow = read_layer(road_file, LAMBERT, layer_context, "roads", ["class"], keep_features=False)
    assert fast.feature_ids == slow.feature_ids and _same_values(fast.columns, slow.columns)


def test_layers_read_feature_by_feature(provider, road_file, tmp_path, layer_store):
    """Whatever GDAL alone would read differently goes feature by feature through QGIS."""
    alg, layer_context = algorithm(provider), context()
    filtered = opened(road_file.source(), layer_store)
    filtered.setSubsetString('"speed" > 40')
    reprojected = written(memory_layer("LineString", ["class:string"], [("LINESTRING(2 46, 3 47)", ["a"])],
                                       crs="EPSG:4326"), tmp_path / "wgs84.gpkg", "GPKG", layer_store)
    edited = opened(road_file.source(), layer_store)
    edited.startEditing()
    edited.deleteFeature(next(edited.getFeatures()).id())
    selected = QgsVectorLayer(road_file.source(), "selected", "ogr")
    QgsProject.instance().addMapLayer(selected)  # the project owns it
    selected.selectByIds([1])
    layer_context.setProject(QgsProject.instance())
    try:
        for value in (filtered, reprojected, edited, QgsProcessingFeatureSourceDefinition(selected.id(), True),
                      memory_layer("LineString", ["class:string"], ROWS[:1])):
            assert bulk_layer(alg, {"ROADS": value}, "ROADS", layer_context, LAMBERT) is None, value
        assert bulk_layer(alg, {"ROADS": road_file}, "ROADS", layer_context, LAMBERT) is not None
    finally:
        QgsProject.instance().removeMapLayer(selected.id())
        edited.rollBack()


def test_invalid_geometry_is_left_to_qgis(provider, tmp_path, layer_store):
    """A file with an invalid line goes through QGIS, which stops or ignores as the Processing setting says."""
    roads = written(memory_layer("LineString", ["class:string"], [("LINESTRING(0 0, 1000 0)", ["a"]),
                                                                   ("LINESTRING(5 5, 5 5)", ["b"])]),
                    tmp_path / "invalid.gpkg", "GPKG", layer_store)
    places = memory_layer("Point", ["id:string"], [("POINT(0 10)", ["x"]), ("POINT(900 10)", ["y"])])
    parameters = {"INPUT": places, "FACILITIES": places, "ROADS": roads, "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException, match="invalid geometry"):
        processing.run("medicaldeserts:nearestfacility", parameters,
                       context=context(QgsFeatureRequest.GeometryAbortOnInvalid))
    output = processing.run("medicaldeserts:nearestfacility", parameters,
                            context=context(QgsFeatureRequest.GeometryNoCheck))["OUTPUT"]
    assert [f["nearest_min"] for f in output.getFeatures()] == [0.0, 0.0]


def test_nearest_facility_same_from_file_and_memory(provider, sample, layer_store):
    roads_file = opened(sample["roads"], layer_store)
    roads_memory = roads_file.materialize(QgsFeatureRequest())
    results = []
    for roads in (roads_file, roads_memory):
        output = processing.run("medicaldeserts:nearestfacility", {
            "INPUT": sample["communes"], "FACILITIES": sample["gp_sites"], "ROADS": roads,
            "ROAD_CLASS_FIELD": "highway", "DIRECTION_FIELD": "oneway", "OUTPUT": "memory:"})["OUTPUT"]
        results.append([(f["nearest_min"], f["nearest_id"], f["n_within_30"]) for f in output.getFeatures()])
    assert results[0] == results[1]
    assert sum(minutes is not None for minutes, _, _ in results[0]) > 250


@pytest.mark.parametrize("texts", [
    ["d0", "d1", "d0", "d12", "", "d1"],  # shorter than a 64-bit word
    ["commune-00001-abc", "commune-00001-abd", "commune-00001-abc", "x"],  # three words, differing in the last
    ["Sainte-Foy-lès-Lyon", "Saint-Étienne", "Sainte-Foy-lès-Lyon"],  # UTF-8 bytes
    [],
])
def test_byte_texts_factorized_as_pandas_does(texts):
    """Codes and distinct values of ``_factorize_bytes`` equal ``pd.factorize``'s on the same byte strings."""
    values = np.array([text.encode("utf-8") for text in texts], dtype=f"S{max([len(t.encode()) for t in texts] + [1])}")
    codes, distinct = _factorize_bytes(values)
    expected_codes, expected_distinct = pd.factorize(values.astype(object))
    assert codes.tolist() == expected_codes.tolist()
    assert distinct.tolist() == expected_distinct.tolist()
