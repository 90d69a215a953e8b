"""importroads on a hand-written .osm file (GDAL's OSM driver reads the XML as it reads .osm.pbf) and on tiny IGN
ROUTE 500 / BD TOPO files: the classes, speeds and directions kept, the clip to the départements' communes plus the
belt, nearestfacility's minutes on the output as it is, and bad input."""

import zipfile

import processing
import pytest
from osgeo import ogr, osr
from qgis.core import QgsVectorLayer

from bad_input import Log, run_refused
from conftest import memory_layer
from medical_deserts_plugin.processing.layers import is_null

Y = 6_552_000  # Lambert-93: the ways run west to east along this line, in central France
#: node: x (m, Lambert-93), on y = Y (H: 1 km north of A)
NODES = {"A": 601_000, "B": 603_000, "C": 605_000, "D": 607_000, "G": 612_000, "E": 630_000, "F": 632_000,
         "H": 601_000}
#: way id: (nodes, tags)
WAYS = {
    1: ("AB", {"highway": "primary", "maxspeed": "60", "ref": "D 940", "name": "Route de Guéret"}),
    2: ("BC", {"highway": "secondary", "oneway": "yes"}),
    3: ("DC", {"highway": "tertiary", "oneway": "-1", "maxspeed": "FR:urban"}),  # drawn D -> C: one-way C -> D
    4: ("AC", {"highway": "footway"}),
    5: ("EF", {"highway": "primary"}),  # 22 km beyond the territory
    6: ("DG", {"highway": "residential", "maxspeed": "30 mph"}),  # crosses the edge of the clip area
    7: ("HA", {"highway": "motorway_link"}),  # one-way without a tag
    8: ("BH", {"waterway": "stream"}),  # not a road
}
#: communes: 23001 and 23002 (x 600 to 608 km), 87001 west of them (not listed: outside unless in the belt)
COMMUNES = [("23001", 600_000), ("23002", 604_000), ("87001", 596_000)]


def lon_lat(x, y):
    transform = osr.CoordinateTransformation(_srs(2154), _srs(4326))
    return transform.TransformPoint(x, y)[:2]


def _srs(code):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(code)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def write_osm(path):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    for number, (name, x) in enumerate(NODES.items(), start=1):
        lon, lat = lon_lat(x, Y + (1000 if name == "H" else 0))
        lines.append(f' <node id="{number}" lat="{lat:.9f}" lon="{lon:.9f}" version="1"/>')
    ids = {name: number for number, name in enumerate(NODES, start=1)}
    for way, (nodes, tags) in WAYS.items():
        refs = "".join(f'<nd ref="{ids[n]}"/>' for n in nodes)
        text = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        lines.append(f' <way id="{way}" version="1">{refs}{text}</way>')
    path.write_text("\n".join(lines + ["</osm>"]) + "\n", encoding="utf-8")
    return str(path)


def square(west, south=6_550_000, side=4_000):
    return f"POLYGON(({west} {south}, {west + side} {south}, {west + side} {south + side}, {west} {south + side}, " \
           f"{west} {south}))"


@pytest.fixture
def communes():
    return memory_layer("Polygon", ["code_insee:string"], [(square(x), [code]) for code, x in COMMUNES],
                        crs="EPSG:2154", name="communes")


@pytest.fixture
def osm(tmp_path):
    return write_osm(tmp_path / "limousin-test.osm")


def import_osm(osm, communes, belt_km=1.0, log=None, **more):
    return processing.run("medicaldeserts:importroads", dict(
        INPUT=osm, KIND=0, COMMUNES=communes, COMMUNE_CODE_FIELD="code_insee", DEPARTEMENTS="23", BELT_KM=belt_km,
        OUTPUT="memory:", **more), feedback=log or Log())["OUTPUT"]


def by_way(layer):
    return {int(f["osm_id"]): f for f in layer.getFeatures()}


def test_osm_ways_become_car_roads_with_speed_and_direction(provider, osm, communes):
    log = Log()
    roads = import_osm(osm, communes, log=log)
    assert roads.fields().names() == ["osm_id", "highway", "maxspeed", "oneway", "ref", "name"]
    assert roads.crs().authid() == "EPSG:2154"
    ways = by_way(roads)
    assert sorted(ways) == [1, 2, 3, 6, 7]  # no footway (4), nothing 22 km away (5), no stream (8)
    assert {w: ways[w]["highway"] for w in ways} == {1: "primary", 2: "secondary", 3: "tertiary", 6: "residential",
                                                     7: "motorway_link"}
    assert {w: ways[w]["oneway"] for w in ways} == {1: "no", 2: "yes", 3: "-1", 6: "no", 7: "yes"}
    speeds = {w: ways[w]["maxspeed"] for w in ways}
    assert speeds[1] == 60 and speeds[3] == 50 and speeds[6] == pytest.approx(48.28032)
    assert is_null(speeds[2]) and is_null(speeds[7])  # untagged
    assert (ways[1]["ref"], ways[1]["name"]) == ("D 940", "Route de Guéret")
    lengths = {w: ways[w].geometry().length() for w in ways}
    assert lengths[1] == pytest.approx(2000, abs=0.05) and lengths[7] == pytest.approx(1000, abs=0.05)
    # D (607 km) to G (612 km), cut at the belt: the communes end at 608 km, the belt 1 km further
    assert lengths[6] == pytest.approx(2000, abs=0.05)
    assert "1 way(s) cars cannot use (footways, paths, cycleways, steps…) left out." in log.info


def test_without_a_belt_the_clip_is_the_departements_communes(provider, osm, communes):
    ways = by_way(import_osm(osm, communes, belt_km=0))
    assert ways[6].geometry().length() == pytest.approx(1000, abs=0.05)
    everything = by_way(processing.run("medicaldeserts:importroads", dict(INPUT=osm, KIND=0, OUTPUT="memory:"),
                                       feedback=Log())["OUTPUT"])
    assert sorted(everything) == [1, 2, 3, 5, 6, 7]  # no clip without communes
    assert everything[6].geometry().length() == pytest.approx(5000, abs=0.05)


def test_nearestfacility_takes_the_osm_roads_as_they_are(provider, osm, communes):
    roads = import_osm(osm, communes)
    # P in the middle of A-B, Q in the middle of D-G (two-way roads both); each is the other's facility
    points = {code: memory_layer("Point", ["code:string"], [(f"POINT({x} {Y})", [code])], crs="EPSG:2154")
              for code, x in (("P", 602_000), ("Q", 608_000))}

    def minutes(place, facility, **network):
        result = processing.run("medicaldeserts:nearestfacility", dict(
            INPUT=points[place], FACILITIES=points[facility], FACILITY_ID_FIELD="code", ROADS=roads,
            ROAD_CLASS_FIELD="highway", DIRECTION_FIELD="oneway", OUTPUT="memory:", **network), feedback=Log())
        return [f["nearest_min"] for f in result["OUTPUT"].getFeatures()][0]

    # preset "OpenStreetMap highway, near legal limits": P -> B 1 km primary at 75 km/h, B -> C 2 km secondary at
    # 65 (oneway=yes, drawn B -> C), C -> D 2 km tertiary at 55 (oneway=-1, drawn D -> C), D -> Q 1 km residential
    # at 30
    assert minutes("P", "Q", SPEED_PRESET=0) == pytest.approx(60 * (1 / 75 + 2 / 65 + 2 / 55 + 1 / 30), abs=1e-4)
    assert is_null(minutes("Q", "P", SPEED_PRESET=0))  # both one-way roads forbid the way back
    # maxspeed where tagged: A-B 60, C-D 50 (FR:urban), D-G 30 mph; B-C untagged: its class's 65
    assert minutes("P", "Q", SPEED_PRESET=0, SPEED_FIELD="maxspeed") == pytest.approx(
        60 * (1 / 60 + 2 / 65 + 2 / 50 + 1 / 48.28032), abs=1e-4)


def write_lines(path, layer_name, fields, rows, driver="ESRI Shapefile"):
    """A Lambert-93 line file: ``fields`` (name, ogr type), ``rows`` (wkt, values)."""
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = dataset.CreateLayer(layer_name, _srs(2154), ogr.wkbLineString)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (name, _kind), value in zip(fields, values):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None
    return str(path)


IGN_ROWS = [(f"LINESTRING({NODES['A']} {Y}, {NODES['B']} {Y})", ["Route à 1 chaussée", "Double sens", 50.0]),
            (f"LINESTRING({NODES['B']} {Y}, {NODES['C']} {Y})", ["Bretelle", "Sens direct", 40.0]),
            (f"LINESTRING({NODES['E']} {Y}, {NODES['F']} {Y})", ["Type autoroutier", "Sens inverse", 120.0])]


def test_bd_topo_shapefile_and_geopackage_under_the_same_names(provider, tmp_path, communes):
    shp = write_lines(tmp_path / "TRONCON_DE_ROUTE.shp", "TRONCON_DE_ROUTE", [
        ("ID", ogr.OFTString), ("NATURE", ogr.OFTString), ("SENS", ogr.OFTString), ("VIT_MOY_VL", ogr.OFTReal)],
        [(wkt, [f"T{i}"] + values) for i, (wkt, values) in enumerate(IGN_ROWS)])
    gpkg = write_lines(tmp_path / "bdtopo.gpkg", "troncon_de_route", [
        ("nature", ogr.OFTString), ("sens_de_circulation", ogr.OFTString), ("vitesse_moyenne_vl", ogr.OFTReal)],
        IGN_ROWS, driver="GPKG")
    for path in (shp, gpkg):
        roads = processing.run("medicaldeserts:importroads", dict(
            INPUT=path, KIND=2, COMMUNES=communes, COMMUNE_CODE_FIELD="code_insee", DEPARTEMENTS="23", BELT_KM=1,
            OUTPUT="memory:"), feedback=Log())["OUTPUT"]
        assert roads.fields().names() == ["NATURE", "SENS", "VIT_MOY_VL"]
        assert [f.attributes() for f in roads.getFeatures()] == [row[1] for row in IGN_ROWS[:2]]
    places = memory_layer("Point", ["code:string"], [(f"POINT({NODES['A']} {Y})", ["A"])], crs="EPSG:2154")
    facility = memory_layer("Point", ["code:string"], [(f"POINT({NODES['C']} {Y})", ["C"])], crs="EPSG:2154")
    result = processing.run("medicaldeserts:nearestfacility", dict(
        INPUT=places, FACILITIES=facility, FACILITY_ID_FIELD="code", ROADS=roads, ROAD_CLASS_FIELD="NATURE",
        SPEED_PRESET=1, DIRECTION_FIELD="SENS", OUTPUT="memory:"), feedback=Log())["OUTPUT"]
    # BD TOPO near legal limits: route à 1 chaussée 60, bretelle 50 km/h; Sens direct = along A -> C
    assert [f["nearest_min"] for f in result.getFeatures()] == [pytest.approx(2 + 2.4, abs=1e-4)]


def test_route_500_from_a_zip(provider, tmp_path):
    folder = tmp_path / "R500"
    folder.mkdir()
    write_lines(folder / "TRONCON_ROUTE.shp", "TRONCON_ROUTE", [
        ("VOCATION", ogr.OFTString), ("CLASS_ADM", ogr.OFTString), ("SENS", ogr.OFTString)],
        [(IGN_ROWS[0][0], ["Liaison locale", "Départementale", "Double sens"])])
    archive = tmp_path / "ROUTE500.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for part in folder.iterdir():
            zipped.write(part, f"ROUTE500/RESEAU_ROUTIER/{part.name}")
    roads = processing.run("medicaldeserts:importroads", dict(INPUT=str(archive), KIND=1, OUTPUT="memory:"),
                           feedback=Log())["OUTPUT"]
    assert roads.fields().names() == ["VOCATION", "CLASS_ADM", "SENS"]
    assert [f.attributes() for f in roads.getFeatures()] == [["Liaison locale", "Départementale", "Double sens"]]


def test_bad_road_files_are_refused_and_nothing_is_written(provider, tmp_path, osm, communes, no_file):
    text = tmp_path / "not_roads.csv"
    text.write_text("code;name\n23001;Ajain\n", encoding="utf-8")
    common = dict(COMMUNES=communes, COMMUNE_CODE_FIELD="code_insee", DEPARTEMENTS="23", OUTPUT=no_file)
    run_refused("medicaldeserts:importroads", dict(common, INPUT=str(text), KIND=0),
                "not an OpenStreetMap file", inputs=[str(text)])
    run_refused("medicaldeserts:importroads", dict(common, INPUT=str(text), KIND=2),
                "not a vector file|not an IGN BD TOPO", inputs=[str(text)])
    run_refused("medicaldeserts:importroads", dict(common, INPUT=osm, KIND=0, BELT_KM=-5),
                "The border belt must be 0 km or more; got -5 km", inputs=[osm])
    seven = tmp_path / "BDTOPO_3-3_TOUSTHEMES_SHP_LAMB93_D023.7z"
    seven.write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\x00" * 64)
    run_refused("medicaldeserts:importroads", dict(common, INPUT=str(seven), KIND=2),
                "7-Zip archive, which QGIS cannot read: unpack it", inputs=[str(seven)])
    wrong = write_lines(tmp_path / "TRONCON_DE_ROUTE.shp", "TRONCON_DE_ROUTE", [("TYPE", ogr.OFTString)],
                        [(IGN_ROWS[0][0], ["x"])])
    run_refused("medicaldeserts:importroads", dict(common, INPUT=wrong, KIND=2),
                "not an IGN BD TOPO .*no field NATURE", inputs=[str(tmp_path)])
    run_refused("medicaldeserts:importroads", dict(INPUT=osm, KIND=0, DEPARTEMENTS="23", OUTPUT=no_file),
                "Clipping the roads to départements needs the communes layer", inputs=[osm])
    far = memory_layer("Polygon", ["code_insee:string"], [(square(700_000), ["23001"])], crs="EPSG:2154")
    run_refused("medicaldeserts:importroads", dict(common, COMMUNES=far, INPUT=osm, KIND=0),
                "No road is left", inputs=[osm])
    assert QgsVectorLayer(osm, "osm", "ogr").isValid()
