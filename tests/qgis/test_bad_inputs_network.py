"""Layers whose CRS is undefined, a working CRS that distorts lengths, and coordinates that are not finite numbers
(or lie where the working CRS is not defined): every algorithm that reads layers refuses them with a clear message,
writes nothing and leaves its input files as they were."""

import processing
import pytest
import shapely
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
)

from bad_input import run_refused
from medical_deserts_plugin.processing.layers import check_coordinates, suggested_crs

X0, Y0 = 700000, 6600000  # Lambert-93 origin, in central France (46.5° N, 3° E)


def ogr_geometry(shape):
    """An OGR geometry from WKT, from an (x, y) point or from a list of (x, y) (a polygon's ring), whatever the
    coordinates (WKT cannot say inf or nan)."""
    if isinstance(shape, str):
        return ogr.CreateGeometryFromWkt(shape)
    if isinstance(shape, tuple):
        geometry = ogr.Geometry(ogr.wkbPoint)
        geometry.AddPoint_2D(*shape)
        return geometry
    ring, geometry = ogr.Geometry(ogr.wkbLinearRing), ogr.Geometry(ogr.wkbPolygon)
    for xy in shape:
        ring.AddPoint_2D(*xy)
    geometry.AddGeometry(ring)
    return geometry


def write_layer(path, geometry_wkts, fields=(), srs="EPSG:2154"):
    """A one-layer GeoPackage or shapefile at ``path``: a feature per shape (see ``ogr_geometry``), ``fields`` as
    (name, [values]).
    ``srs``: an EPSG code, ``0`` or ``-1`` (a GeoPackage's undefined geographic / Cartesian srs_id), or None (no
    CRS at all: a shapefile without .prj)."""
    driver = "GPKG" if str(path).endswith(".gpkg") else "ESRI Shapefile"
    reference = None
    if isinstance(srs, str):
        reference = osr.SpatialReference()
        reference.SetFromUserInput(srs)
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    geometry_type = ogr_geometry(geometry_wkts[0]).GetGeometryType()
    layer = dataset.CreateLayer(path.stem, reference, geometry_type)
    for name, values in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if isinstance(values[0], float) else ogr.OFTString))
    for row, wkt in enumerate(geometry_wkts):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr_geometry(wkt))
        for name, values in fields:
            feature.SetField(name, values[row])
        layer.CreateFeature(feature)
    dataset = None  # GDAL 3.10 warns that it cannot store an infinite extent; the features are written
    if srs in (0, -1):
        dataset = gdal.OpenEx(str(path), gdal.OF_UPDATE)
        for table in ("gpkg_geometry_columns", "gpkg_contents"):
            dataset.ExecuteSQL(f"UPDATE {table} SET srs_id = {srs}")
        dataset = None
    return str(path)


def points(path, offsets_km, srs="EPSG:2154", **fields):
    """Points at (X0 + dx km, Y0 + dy km), with numeric fields given as lists."""
    wkts = [f"POINT({X0 + dx * 1000} {Y0 + dy * 1000})" for dx, dy in offsets_km]
    return write_layer(path, wkts, [("code", [f"p{i}" for i in range(len(wkts))])] + list(fields.items()), srs)


def roads(path, srs="EPSG:2154"):
    """A 3 x 3 km grid of roads around the places."""
    wkts = [f"LINESTRING({X0} {Y0 + y}, {X0 + 3000} {Y0 + y})" for y in (0, 1500, 3000)]
    wkts += [f"LINESTRING({X0 + x} {Y0}, {X0 + x} {Y0 + 3000})" for x in (0, 1500, 3000)]
    return write_layer(path, wkts, srs=srs)


def units(path, srs="EPSG:2154"):
    """Nine 1 km square communes with an index and a population."""
    wkts = [f"POLYGON(({X0 + x} {Y0 + y}, {X0 + x + 1000} {Y0 + y}, {X0 + x + 1000} {Y0 + y + 1000}, "
            f"{X0 + x} {Y0 + y + 1000}, {X0 + x} {Y0 + y}))" for y in (0, 1000, 2000) for x in (0, 1000, 2000)]
    return write_layer(path, wkts, [("code", [f"c{i}" for i in range(9)]),
                                    ("apl", [1.5, 2.0, 6.0, 2.0, 5.0, 2.2, 1.0, 3.0, 5.0]),
                                    ("pop", [100.0 * (i + 1) for i in range(9)])], srs)


DEMAND = [(0.2, 0.1), (1.4, 2.9), (2.8, 1.6)]
SITES = [(0, 0), (3, 3), (1.5, 1.5)]


def good_inputs(folder):
    """Valid inputs of every algorithm below, as files in ``folder``."""
    return {
        "demand": points(folder / "demand.gpkg", DEMAND, pop=[100.0, 200.0, 300.0]),
        "sites": points(folder / "sites.gpkg", SITES, n=[1.0, 2.0, 1.0]),
        "roads": roads(folder / "roads.gpkg"),
        "units": units(folder / "units.gpkg"),
    }


def parameters(algorithm, files, out):
    """The fewest parameters that run ``algorithm`` on ``files``; outputs under the folder ``out``."""
    network = {"ROADS": files["roads"]}
    return {
        "nearestfacility": dict(INPUT=files["demand"], FACILITIES=files["sites"], OUTPUT=f"{out}/nearest.gpkg",
                                **network),
        "traveltimematrix": dict(ORIGINS=files["demand"], DESTINATIONS=files["sites"], CUTOFF=60,
                                 OUTPUT=f"{out}/matrix.gpkg", **network),
        "accessibilityindex": dict(INPUT=files["demand"], POPULATION_FIELD="pop", SUPPLY=files["sites"],
                                   SUPPLY_FIELD="n", METHOD=0, OUTPUT=f"{out}/index.gpkg", **network),
        "catchmentareas": dict(INPUT=files["sites"], BANDS="10", POPULATION=files["demand"],
                               POPULATION_FIELD="pop", OUTPUT=f"{out}/catchments.gpkg", **network),
        "underservedzones": dict(INPUT=files["units"], INDEX_FIELD="apl", POPULATION_FIELD="pop", RULE=0,
                                 OUTPUT=f"{out}/units_out.gpkg", OUTPUT_ZONES=f"{out}/zones.gpkg",
                                 OUTPUT_SUMMARY=f"{out}/summary.gpkg"),
        "suggestsites": dict(INPUT=files["demand"], POPULATION_FIELD="pop", CANDIDATES=files["sites"], P=1,
                             RADIUS=12, OUTPUT_SITES=f"{out}/sites_out.gpkg", OUTPUT_DEMAND=f"{out}/demand_out.gpkg",
                             OUTPUT_LINES=f"{out}/lines.gpkg", **network),
    }[algorithm]


ALGORITHMS = ["nearestfacility", "traveltimematrix", "accessibilityindex", "catchmentareas", "underservedzones",
              "suggestsites"]


@pytest.fixture
def case(tmp_path):
    """(inputs folder, good input files, outputs folder)."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    out.mkdir()
    return inputs, good_inputs(inputs), out


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_the_good_inputs_run(provider, case, algorithm):
    """The inputs the bad cases start from are fine: each refusal below comes from the one thing changed."""
    _, files, out = case
    results = processing.run(f"medicaldeserts:{algorithm}", parameters(algorithm, files, out))
    assert all(value for key, value in results.items() if key.startswith("OUTPUT"))


def undefined_crs(folder, kind, srs):
    """A good input of ``kind`` written with an undefined CRS: a GeoPackage with srs_id 0 or -1 (``srs``), or a
    shapefile without .prj (``srs`` None)."""
    path = folder / ("undefined.shp" if srs is None else f"undefined_{srs}.gpkg")
    if kind == "roads":
        return roads(path, srs)
    if kind == "units":
        return units(path, srs)
    return points(path, DEMAND if kind == "demand" else SITES, srs, pop=[100.0, 200.0, 300.0],
                  n=[1.0, 2.0, 1.0])


UNDEFINED_CASES = [
    ("nearestfacility", "INPUT", "demand", 0, "demand units"),
    ("nearestfacility", "FACILITIES", "sites", -1, "facilities"),
    ("nearestfacility", "ROADS", "roads", None, "road network"),
    ("traveltimematrix", "DESTINATIONS", "sites", 0, "destinations"),
    ("traveltimematrix", "ROADS", "roads", -1, "road network"),
    ("accessibilityindex", "SUPPLY", "sites", None, "supply"),
    ("accessibilityindex", "INPUT", "demand", -1, "demand"),
    ("catchmentareas", "INPUT", "sites", 0, "facilities"),
    ("catchmentareas", "POPULATION", "demand", None, "population"),
    ("underservedzones", "INPUT", "units", 0, "units"),
    ("underservedzones", "INPUT", "units", None, "units"),
    ("suggestsites", "CANDIDATES", "sites", -1, "candidate"),
    ("suggestsites", "ROADS", "roads", 0, "road network"),
]


@pytest.mark.parametrize("algorithm, parameter, kind, srs, label", UNDEFINED_CASES,
                         ids=[f"{a}-{p}-{'shp' if s is None else f'srs_id {s}'}" for a, p, _, s, _ in UNDEFINED_CASES])
def test_layer_with_an_undefined_crs_is_refused(provider, case, algorithm, parameter, kind, srs, label):
    inputs, files, out = case
    bad = parameters(algorithm, files, out)
    bad[parameter] = undefined_crs(inputs, kind, srs)
    message = run_refused(f"medicaldeserts:{algorithm}", bad, "has no defined CRS: set its CRS", inputs=[inputs])
    assert f"The {label}" in message and "“undefined" in message


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_web_mercator_working_crs_is_refused_with_a_suggestion(provider, case, algorithm):
    """At 46.5° N, EPSG:3857 stretches lengths by 1 / cos(46.5°) - 1 = 45 %."""
    inputs, files, out = case
    bad = dict(parameters(algorithm, files, out), WORKING_CRS="EPSG:3857")
    run_refused(f"medicaldeserts:{algorithm}", bad,
                r"The working CRS EPSG:3857 distorts distances by \+45\.[0-9] % over the .+ layer \(more than 1 %\).*"
                r"such as EPSG:2154 \(RGF93 v1 / Lambert-93\)", inputs=[inputs])


def test_lambert_93_over_france_is_accepted_and_an_overseas_layer_is_pointed_to_its_own_crs(provider, case):
    """Lambert-93's scale error over the data here is 0.1 %: accepted. La Réunion's places in Lambert-93 are
    thousands of km from its cone's true parallels: refused, pointing to RGR92 / UTM zone 40S."""
    inputs, files, out = case
    processing.run("medicaldeserts:nearestfacility", dict(parameters("nearestfacility", files, out),
                                                          WORKING_CRS="EPSG:2154"))
    reunion = write_layer(inputs / "reunion.gpkg", ["POINT(55.45 -20.9)", "POINT(55.5 -21.1)"], srs="EPSG:4326")
    bad = dict(parameters("traveltimematrix", files, out), ORIGINS=reunion, DESTINATIONS=reunion, ROADS=None)
    bad["OUTPUT"] = f"{out}/reunion_matrix.gpkg"
    run_refused("medicaldeserts:traveltimematrix", bad, r"EPSG:2154 distorts distances by .* over the origins layer.*"
                r"EPSG:2975 \(RGR92 / UTM zone 40S\)", inputs=[inputs])


def lambert_93_points(lon_lat):
    to_lambert = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                        QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance())
    return shapely.points([(p.x(), p.y()) for p in (to_lambert.transform(QgsPointXY(*xy)) for xy in lon_lat)])


def test_lambert_93_passes_over_all_of_metropolitan_france():
    """Dunkerque, Bonifacio, Pointe de Corsen, Lauterbourg and Menton: Lambert-93's worst scale error, 0.3 % at
    Bonifacio, is under the 1 % limit; Web Mercator's is 44 % or more everywhere there."""
    ends = lambert_93_points([(2.38, 51.03), (9.16, 41.39), (-4.79, 48.42), (8.23, 48.97), (7.50, 43.78)])
    check_coordinates(list(range(5)), ends, QgsCoordinateReferenceSystem("EPSG:2154"), QgsProcessingContext(),
                      "test")
    to_mercator = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                         QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    mercator = shapely.points([(p.x(), p.y()) for p in (to_mercator.transform(QgsPointXY(*xy))
                                                         for xy in shapely.get_coordinates(ends))])
    with pytest.raises(QgsProcessingException, match=r"distorts distances by \+(4[4-9]|5[0-9])\.[0-9] %"):
        check_coordinates(list(range(5)), mercator, QgsCoordinateReferenceSystem("EPSG:3857"),
                          QgsProcessingContext(), "test")


@pytest.mark.parametrize("lon_lat, expected", [
    ((2.35, 48.86), "EPSG:2154"), ((9.45, 42.70), "EPSG:2154"), ((-61.07, 14.60), "EPSG:5490"),
    ((-52.33, 4.94), "EPSG:2972"), ((55.45, -20.88), "EPSG:2975"), ((45.23, -12.78), "EPSG:4471"),
    ((-56.17, 46.78), "EPSG:4467"), ((13.40, 52.52), "EPSG:32633"), ((-70.65, -33.45), "EPSG:32719"),
], ids=["Paris", "Bastia", "Fort-de-France", "Cayenne", "Saint-Denis", "Mamoudzou", "Saint-Pierre", "Berlin",
        "Santiago"])
def test_the_suggested_crs_is_the_official_one_in_france_else_the_utm_zone(lon_lat, expected):
    assert suggested_crs(*lon_lat).authid() == expected


FAR_CASES = [  # (algorithm, parameter, kind of layer, shape of its second feature, its CRS, message)
    ("nearestfacility", "FACILITIES", "sites", "POINT(1e30 1e30)", "EPSG:2154",
     r"Feature 2 of the facilities layer lies where the working CRS EPSG:2154 is not defined \(1e\+30, 1e\+30\)"),
    ("traveltimematrix", "ORIGINS", "demand", "POINT(1e30 45)", "EPSG:4326",
     r"1 feature\(s\) of the origins layer could not be reprojected from EPSG:4326 to EPSG:2154 \(feature ids 2\)"),
    ("accessibilityindex", "INPUT", "demand", "POINT(2 95)", "EPSG:4326",
     r"1 feature\(s\) of the demand units layer could not be reprojected from EPSG:4326 to EPSG:2154 "
     r"\(feature ids 2\)"),
    ("catchmentareas", "INPUT", "sites", (700000.0, float("inf")), "EPSG:2154",
     r"1 feature\(s\) of the facilities layer have coordinates that are not finite numbers in EPSG:2154 "
     r"\(feature ids 2\)"),
    ("underservedzones", "INPUT", "units", [(X0, Y0 + 2000), (X0 + 1000, Y0 + 2000), (float("nan"), Y0 + 3000),
                                            (X0, Y0 + 2000)], "EPSG:2154",
     r"1 feature\(s\) of the units layer have coordinates that are not finite numbers in EPSG:2154 "
     r"\(feature ids 2\)"),
    ("traveltimematrix", "ROADS", "roads", "LINESTRING(703000 6600000, 1e30 6600000)", "EPSG:2154",  # in bulk
     r"Feature 2 of the road network layer lies where the working CRS EPSG:2154 is not defined \(1e\+30, 6\.6e\+06\)"),
    ("suggestsites", "INPUT", "demand", "POINT(180 0)", "EPSG:4326",  # reprojected to (9.9e6, 2.0e7)
     r"EPSG:2154 distorts distances by \+[0-9.]+ % over the demand units layer"),
]


@pytest.mark.parametrize("algorithm, parameter, kind, wkt, srs, message", FAR_CASES,
                         ids=[f"{a}-{p}" for a, p, *_ in FAR_CASES])
def test_coordinates_that_are_not_finite_or_off_the_crs_are_refused(provider, case, algorithm, parameter, kind, wkt,
                                                                     srs, message):
    inputs, files, out = case
    first = {"units": f"POLYGON(({X0} {Y0}, {X0 + 1000} {Y0}, {X0 + 1000} {Y0 + 1000}, {X0} {Y0}))",
             "roads": f"LINESTRING({X0} {Y0}, {X0 + 3000} {Y0})"}.get(
        kind, "POINT(2.9 46.5)" if srs == "EPSG:4326" else f"POINT({X0} {Y0})")
    bad = dict(parameters(algorithm, files, out))
    fields = [(name, [1.0, 2.0]) for name in ("pop", "n", "apl")]
    bad[parameter] = write_layer(inputs / "far.gpkg", [first, wkt], fields, srs)
    run_refused(f"medicaldeserts:{algorithm}", bad, message, inputs=[inputs])


IMPORT_CASES = [("importrpps", "rpps", 0), ("importrpps", "rpps", None), ("importpopulation", "population", -1),
                ("importpopulation", "population", None)]


@pytest.mark.parametrize("algorithm, sample_file, srs", IMPORT_CASES,
                         ids=[f"{a}-{'shp' if s is None else f'srs_id {s}'}" for a, _, s in IMPORT_CASES])
def test_import_with_a_communes_layer_of_undefined_crs_is_refused(provider, sample, case, algorithm, sample_file,
                                                                    srs):
    inputs, _, out = case
    communes = undefined_crs(inputs, "units", srs)
    bad = dict(INPUT=sample[sample_file], COMMUNES=communes, COMMUNE_CODE_FIELD="code", OUTPUT=f"{out}/points.gpkg")
    if algorithm == "importrpps":
        bad["OUTPUT_COMMUNES"] = f"{out}/communes.gpkg"
    run_refused(f"medicaldeserts:{algorithm}", bad, "The communes layer “undefined[_0-9-]*” has no defined CRS",
                inputs=[inputs, sample[sample_file]])


def test_import_in_web_mercator_is_refused(provider, sample, case):
    inputs, files, out = case
    bad = dict(INPUT=sample["population"], COMMUNES=files["units"], COMMUNE_CODE_FIELD="code",
               WORKING_CRS="EPSG:3857", OUTPUT=f"{out}/population.gpkg")
    run_refused("medicaldeserts:importpopulation", bad, r"EPSG:3857 distorts distances by \+45\.[0-9] % over the "
                r"communes layer", inputs=[inputs, sample["population"]])
