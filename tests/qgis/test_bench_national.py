"""The national bench's synthetic instance (bench/bench_national.py) at 1/2000 of France: files, fields, one
connected road network, and the DREES APL run on it through processing.run."""

import numpy as np
import processing
import pytest
import shapely
from osgeo import ogr

from bench.bench_national import AGE_FIELDS, algorithm_runs, read_instance, write_instance

FRACTION = 1 / 2000


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    return write_instance(tmp_path_factory.mktemp("national"), FRACTION)


def columns(path, fields):
    """(shapely geometries, {field: values}) of a GeoPackage's only layer."""
    dataset = ogr.Open(path)  # kept while the layer is read
    layer = dataset.GetLayer(0)
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "2154"
    rows = [(bytes(feature.GetGeometryRef().ExportToWkb()), [feature.GetField(name) for name in fields])
            for feature in layer]
    values = list(zip(*[row for _, row in rows]))
    return shapely.from_wkb([wkb for wkb, _ in rows]), {name: np.array(values[k]) for k, name in enumerate(fields)}


def test_files_counts_and_fields(instance):
    # 34,500 / 2000 = 17.25 communes -> a 4 x 4 grid; 30,000 / 2000 = 15 GP sites; a 16.5 km square of roads
    # every 1.9 km: 9 x 9 junctions, 4 shape vertices on each of the 2 x 9 x 8 junction-to-junction pieces.
    assert (instance["communes"], instance["gp_sites"]) == (16, 15)
    assert instance["road_nodes"] == 9 * 9 + 2 * 9 * 8 * 4
    communes, fields = columns(instance["paths"]["communes"], ["code_insee", "population"] + AGE_FIELDS)
    assert len(communes) == 16 and shapely.is_valid(communes).all()
    assert shapely.area(shapely.union_all(communes)) == pytest.approx(FRACTION * 543_940e6, rel=1e-9)
    codes = fields["code_insee"]
    assert codes.dtype.kind == "U" and all(len(code) == 5 for code in codes) and len(set(codes)) == 16
    ages = np.column_stack([fields[name] for name in AGE_FIELDS])
    assert (ages >= 0).all() and np.array_equal(ages.sum(axis=1), fields["population"])
    sites, site_fields = columns(instance["paths"]["gp_sites"], ["site_id", "n_gp", "code_insee"])
    assert len(sites) == 15 and (site_fields["n_gp"] >= 1).all()
    inside = [codes[shapely.contains(communes, site)][0] for site in sites]
    assert list(site_fields["code_insee"]) == inside
    roads, road_fields = columns(instance["paths"]["roads"], ["highway", "oneway"])
    assert len(roads) == instance["road_lines"] and shapely.get_num_points(roads).min() >= 2
    assert set(road_fields["oneway"]) <= {"no", "yes", "-1"}
    assert set(road_fields["highway"]) <= {"motorway", "primary", "secondary", "tertiary", "unclassified"}


def test_roads_form_one_connected_network(instance):
    network, communes_xy, sites_xy = read_instance(instance)
    assert network.node_count == instance["road_nodes"]  # the shared junctions merged, nothing else
    assert network.component_count() == 1
    assert (len(communes_xy), len(sites_xy)) == (16, 15)


def test_the_apl_runs_on_it(instance, provider, tmp_path):
    algorithm, parameters = algorithm_runs(instance, tmp_path)["accessibilityindex"]
    layer = processing.run(algorithm, dict(parameters, OUTPUT="memory:"))["OUTPUT"]
    rows = [(f["access_index"], f["pop_std"]) for f in layer.getFeatures()]
    assert len(rows) == 16
    apl, pop_std = np.array(rows, dtype=float).T
    # The 2SFCA family hands out all its supply: every site reaches its own commune (0 min by the codes), so
    # sum(APL x standardised population) = all consultations = 5,400 a year (unknown activity) x GPs.
    _, sites = columns(instance["paths"]["gp_sites"], ["n_gp"])
    assert np.nansum(apl * pop_std) == pytest.approx(5400 * sites["n_gp"].sum(), rel=1e-9)
