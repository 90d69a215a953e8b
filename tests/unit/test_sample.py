"""The embedded sample département: deterministic, realistic in magnitudes, and written in the real file layouts."""

import hashlib
import os
import time

import numpy as np
import pandas as pd
import pytest
import shapely
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from medical_deserts_plugin.core.sources.rpps import RPPS_ACTIVITY_HEADER
from medical_deserts_plugin.sample import generate_departement, write_sample
from medical_deserts_plugin.sample.__main__ import main
from medical_deserts_plugin.sample.generator import (
    AGE_FIELDS,
    BOURG,
    FINESS_GEOLOCATION_COLUMNS,
    FINESS_STRUCTURE_COLUMNS,
    PREFECTURE,
    SOUS_PREFECTURE,
    commune_codes,
)

ogr = pytest.importorskip("osgeo.ogr")

GP_SPECIALTIES = {"SM53", "SM54"}


@pytest.fixture(scope="module")
def dep():
    return generate_departement(seed=42, n_communes=300)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return write_sample(tmp_path_factory.mktemp("sample"), seed=42, n_communes=300)


def digest(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def read_rpps(path):
    return pd.read_csv(path, sep="|", dtype=str, keep_default_na=False, encoding="utf-8").iloc[:, :-1]


def road_components(lines, tolerance_m):
    """Number of connected parts of a line set, vertices closer than ``tolerance_m`` joined (1 µm: exact)."""
    coords, part = shapely.get_coordinates(lines, return_index=True)
    along = np.flatnonzero(part[1:] == part[:-1])
    joined = cKDTree(coords).query_pairs(max(tolerance_m, 1e-6), output_type="ndarray")
    rows = np.concatenate([along, joined[:, 0]])
    cols = np.concatenate([along + 1, joined[:, 1]])
    graph = sparse.coo_matrix((np.ones(rows.size), (rows, cols)), shape=(len(coords), len(coords)))
    return connected_components(graph, directed=False)[0]


def test_same_seed_gives_byte_identical_files(tmp_path, files):
    again = write_sample(tmp_path / "again", seed=42, n_communes=300)
    assert set(again) == {"communes", "roads", "rpps", "activity", "finess", "population", "anct", "gp_sites",
                          "facilities"}
    for key, path in files.items():
        assert digest(path) == digest(again[key]), key


def test_another_seed_gives_another_departement(dep):
    other = generate_departement(seed=7, n_communes=300)
    assert not np.array_equal(other.communes["population"], dep.communes["population"])


def test_commune_codes_are_unique_five_character_text(dep, files):
    codes = dep.communes["code_insee"]
    assert len(codes) == 300 and codes.is_unique
    assert all(isinstance(c, str) and len(c) == 5 and c.startswith("00") for c in codes)
    assert codes.iloc[0] == "00001" and dep.communes["nom"].is_unique
    population = pd.read_csv(files["population"], sep=";", dtype={"CODGEO": str})
    assert population["CODGEO"].tolist() == codes.tolist()
    big = commune_codes(30000)
    assert len(set(big)) == 30000 and {len(c) for c in big} == {5} and big[999] == "00A00"
    assert all(c.startswith("00") for c in big)


def test_communes_tile_the_outline(dep):
    polygons = dep.communes["geometry"].to_numpy()
    assert shapely.is_valid(polygons).all()
    assert set(shapely.get_type_id(polygons)) <= {3, 6}
    left, right = shapely.STRtree(polygons).query(polygons, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(polygons[left[pairs]], polygons[right[pairs]]))
    assert overlap.max() < 1.0  # square metres
    outline_area = dep.outline.area
    assert shapely.area(polygons).sum() == pytest.approx(outline_area, rel=1e-9)
    assert shapely.union_all(polygons).area == pytest.approx(outline_area, rel=1e-9)
    xmin, ymin, xmax, ymax = dep.outline.bounds
    assert 80_000 < xmax - xmin < 110_000 and 60_000 < ymax - ymin < 90_000
    assert 560_000 < xmin and xmax < 680_000 and 6_500_000 < ymin and ymax < 6_620_000
    centres = dep.communes[["centre_x", "centre_y"]].to_numpy()
    assert shapely.contains_xy(polygons, centres[:, 0], centres[:, 1]).all()


def test_population_by_age_and_settlement_hierarchy(dep):
    communes = dep.communes
    ages = communes[list(AGE_FIELDS)].to_numpy()
    assert len(AGE_FIELDS) == 19 and AGE_FIELDS[0] == "pop_00_04" and AGE_FIELDS[-1] == "pop_90_plus"
    assert (ages.sum(axis=1) == communes["population"].to_numpy()).all() and (ages >= 0).all()
    assert 100_000 <= communes["population"].sum() <= 150_000
    role = communes["role"].to_numpy()
    population = communes["population"].to_numpy()
    assert (role == PREFECTURE).sum() == 1 and 15_000 <= population[role == PREFECTURE][0] <= 20_000
    assert 2 <= (role == SOUS_PREFECTURE).sum() <= 3
    assert ((population[role == SOUS_PREFECTURE] >= 3000) & (population[role == SOUS_PREFECTURE] <= 6000)).all()
    assert ((population[role == BOURG] >= 800) & (population[role == BOURG] <= 2500)).all()
    villages = population[role == 0]
    assert villages.min() >= 50 and villages.max() <= 600
    share_75_plus = ages[:, -4:].sum(axis=1) / population
    assert share_75_plus[role == 0].mean() > share_75_plus[role == PREFECTURE][0]


def test_roads_reach_every_commune_and_form_one_network_plus_an_island(dep):
    roads = dep.roads
    lines = roads["geometry"].to_numpy()
    assert shapely.is_valid(lines).all() and (shapely.get_num_points(lines) >= 2).all()
    centres = shapely.points(dep.communes[["centre_x", "centre_y"]].to_numpy())
    _, distance = shapely.STRtree(lines).query_nearest(centres, return_distance=True, all_matches=False)
    assert distance.max() <= 1500.0
    assert set(roads["highway"]) <= {"motorway", "motorway_link", "trunk", "primary", "secondary", "tertiary",
                                     "unclassified", "residential"}
    assert {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential"} <= set(
        roads["highway"])
    assert set(roads["oneway"].dropna()) == {"yes", "no", "-1"}
    assert (roads["oneway"] == "-1").sum() == 1
    assert ((roads["part"] == "loop") & (roads["oneway"] == "yes")).sum() >= 2
    assert roads["maxspeed"].isna().mean() > 0.5
    assert (shapely.get_num_points(lines) > 2).mean() > 0.9  # lines bend
    # Main network + the island; the near misses (0.3 m) join only with a tolerance.
    assert road_components(lines, 0.5) == 2
    main_part = lines[(roads["part"] != "island").to_numpy()]
    assert road_components(main_part, 0.5) == 1
    near_miss = (roads["part"] == "near_miss").to_numpy()
    assert near_miss.sum() >= 3
    ends = shapely.get_coordinates(shapely.get_point(lines[near_miss], -1))
    gap = cKDTree(dep.communes[["centre_x", "centre_y"]].to_numpy()).query(ends)[0]
    assert np.allclose(gap, 0.3, atol=0.01)
    assert road_components(main_part, 0.0) == 1  # near misses are on loops: still connected without tolerance


def test_rpps_file_layout(dep, files):
    with open(files["rpps"], encoding="utf-8") as stream:
        lines = stream.read().split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert os.path.basename(files["rpps"]) == "PS_LibreAcces_Personne_activite_202611240000.txt"
    assert lines[0] == "|".join(RPPS_ACTIVITY_HEADER) + "|"
    assert all(line.endswith("|") and line.count("|") == len(RPPS_ACTIVITY_HEADER) for line in lines)
    rpps = read_rpps(files["rpps"])
    assert list(rpps.columns) == list(RPPS_ACTIVITY_HEADER)
    assert len(rpps) == len(dep.rpps)
    assert set(rpps["Code profession"]) == {"10", "21", "40", "50", "60", "70"}
    assert (rpps["Code commune (coord. structure)"] == "").sum() == 1
    gp = rpps[(rpps["Code profession"] == "10") & rpps["Code savoir-faire"].isin(GP_SPECIALTIES)]
    assert set(gp["Code savoir-faire"]) == GP_SPECIALTIES and (gp["Code type savoir-faire"] == "S").all()
    assert set(gp["Code mode exercice"]) == {"L", "S", "B"}
    assert {"SA07", "SA08", "SA05", "SA01"} <= set(gp["Code secteur d'activité"])
    other_doctors = rpps[(rpps["Code profession"] == "10") & ~rpps["Code savoir-faire"].isin(GP_SPECIALTIES)]
    assert "SM42" in set(other_doctors["Code savoir-faire"])
    per_gp = gp.groupby("Identification nationale PP")["Code commune (coord. structure)"].nunique()
    assert (per_gp >= 2).sum() >= 1  # GPs practising on two sites
    ids = rpps["Identification nationale PP"]
    assert ids.str.fullmatch(r"8\d{11}").all()
    assert (ids.str[1:] == rpps["Identifiant PP"]).all()
    known = gp[gp["Code commune (coord. structure)"] != ""]
    assert known["Code commune (coord. structure)"].isin(dep.communes["code_insee"]).all()
    assert known["Code postal (coord. structure)"].str.fullmatch(r"00\d{3}").all()
    in_centre = gp["Code secteur d'activité"].isin(["SA05"])
    assert (gp.loc[in_centre, "Numéro FINESS site"] != "").all()
    residents_per_gp = dep.communes["population"].sum() / gp["Identification nationale PP"].nunique()
    assert 1000 <= residents_per_gp <= 1500
    gp_communes = set(known["Code commune (coord. structure)"])
    assert len(gp_communes) < 0.25 * len(dep.communes)  # many villages have no GP


def test_gp_activity_table(dep, files):
    activity = pd.read_csv(files["activity"], sep=";", dtype={"Identification nationale PP": str})
    assert list(activity.columns) == ["Identification nationale PP", "age", "actes"]
    assert activity["age"].between(30, 72).all()
    assert (activity["actes"] < 250).any() and activity["actes"].between(251, 3600).any()
    assert (activity["actes"] > 6000).any() and activity["actes"].between(3601, 6000).any()
    rpps = dep.rpps
    gp_ids = set(rpps.loc[rpps["Code savoir-faire"].isin(GP_SPECIALTIES), "Identification nationale PP"])
    assert set(activity["Identification nationale PP"]) < gp_ids  # some GPs have no activity data
    assert activity["Identification nationale PP"].is_unique


def test_finess_file_layout(dep, files):
    with open(files["finess"], encoding="utf-8") as stream:
        rows = [line.split(";") for line in stream.read().splitlines()]
    assert rows[0][:2] == ["finess", "etalab"] and rows[0][3] == "2026-11-24"
    structures = [r for r in rows if r[0] == "structureet"]
    geolocation = [r for r in rows if r[0] == "geolocalisation"]
    assert len(rows) == 1 + len(structures) + len(geolocation)
    assert {len(r) for r in structures} == {len(FINESS_STRUCTURE_COLUMNS)} == {32}
    assert {len(r) for r in geolocation} == {len(FINESS_GEOLOCATION_COLUMNS)} == {6}
    first_geolocation = rows.index(geolocation[0])
    assert all(r[0] == "structureet" for r in rows[1:first_geolocation])  # two sections, in that order
    table = pd.DataFrame(structures, columns=FINESS_STRUCTURE_COLUMNS)
    coords = pd.DataFrame(geolocation, columns=FINESS_GEOLOCATION_COLUMNS)
    assert table["nofinesset"].is_unique and set(table["nofinesset"]) == set(coords["nofinesset"])
    assert table["nofinesset"].str.fullmatch(r"00\d{7}").all()
    counts = table["categetab"].value_counts()
    assert counts["355"] == 1 and counts["603"] >= 2 and counts["124"] >= 1 and counts["620"] >= 5
    assert ("00" + table["commune"]).isin(dep.communes["code_insee"]).all()
    assert (table["departement"] == "00").all()
    x, y = coords["coordxet"].astype(float), coords["coordyet"].astype(float)
    assert shapely.contains_xy(dep.outline, x.to_numpy(), y.to_numpy()).all()
    assert coords["sourcecoordet"].str.contains("EPSG:2154").all()
    rpps = dep.rpps
    msp = set(table.loc[table["categetab"].isin(["603", "124"]), "nofinesset"])
    assert msp <= set(rpps["Numéro FINESS site"])


def test_geopackages_open_in_lambert93_with_expected_content(dep, files):
    expected = {"communes": (len(dep.communes), ogr.wkbMultiPolygon), "roads": (len(dep.roads), ogr.wkbLineString),
                "gp_sites": (len(dep.gp_sites), ogr.wkbPoint), "facilities": (len(dep.facilities), ogr.wkbPoint)}
    for key, (count, geometry_type) in expected.items():
        dataset = ogr.Open(files[key])
        assert dataset is not None and os.path.basename(files[key]) == f"{key}.gpkg"
        layer = dataset.GetLayerByName(key)
        assert layer.GetFeatureCount() == count
        assert layer.GetGeomType() == geometry_type
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "2154"
        rtree = dataset.ExecuteSQL(f"SELECT name FROM sqlite_master WHERE name = 'rtree_{key}_geom'")
        assert rtree.GetFeatureCount() == 1
        dataset.ReleaseResultSet(rtree)
    dataset = ogr.Open(files["communes"])
    layer = dataset.GetLayerByName("communes")
    definition = layer.GetLayerDefn()
    code = definition.GetFieldDefn(definition.GetFieldIndex("code_insee"))
    assert code.GetType() == ogr.OFTString and code.GetWidth() == 5
    for field in ("population",) + AGE_FIELDS:
        assert definition.GetFieldDefn(definition.GetFieldIndex(field)).GetType() == ogr.OFTInteger
    first = layer.GetNextFeature()
    assert first.GetField("code_insee") == "00001"
    roads_dataset = ogr.Open(files["roads"])  # keep the dataset alive while its layer is used
    roads = roads_dataset.GetLayerByName("roads")
    names = [roads.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(roads.GetLayerDefn().GetFieldCount())]
    assert names == ["highway", "oneway", "maxspeed", "ref", "name"]
    roads.SetAttributeFilter("maxspeed IS NULL")
    assert roads.GetFeatureCount() == int(dep.roads["maxspeed"].isna().sum())


def test_gp_sites_sit_in_their_commune_near_a_road(dep):
    sites = dep.gp_sites
    assert set(sites["kind"]) == {"cabinet", "msp", "centre_sante"}
    assert sites["site_id"].is_unique and (sites["n_gp"] >= 1).all()
    polygons = dep.communes.set_index("code_insee").loc[sites["code_insee"], "geometry"].to_numpy()
    assert shapely.contains(polygons, sites["geometry"].to_numpy()).all()
    local = ~dep.roads["highway"].isin(["motorway", "motorway_link"]).to_numpy()
    _, distance = shapely.STRtree(dep.roads["geometry"].to_numpy()[local]).query_nearest(
        sites["geometry"].to_numpy(), return_distance=True, all_matches=False)
    assert distance.max() < 60.0
    rpps = dep.rpps
    practice = rpps[rpps["Code savoir-faire"].isin(GP_SPECIALTIES) & (rpps["Code secteur d'activité"] != "SA01")
                    & (rpps["Code commune (coord. structure)"] != "")]
    assert sites["n_gp"].sum() == len(practice)
    finess_sites = sites.dropna(subset=["finess"])
    assert set(finess_sites["kind"]) == {"msp", "centre_sante"}
    facility_points = dep.facilities.set_index("finess").loc[finess_sites["finess"], "geometry"].to_numpy()
    assert shapely.equals(facility_points, finess_sites["geometry"].to_numpy()).all()


def test_population_and_anct_tables(dep, files):
    population = pd.read_csv(files["population"], sep=";", dtype={"CODGEO": str})
    assert list(population.columns) == ["CODGEO", "LIBGEO", *AGE_FIELDS, "P_POP"]
    assert (population[list(AGE_FIELDS)].sum(axis=1) == population["P_POP"]).all()
    anct = pd.read_csv(files["anct"], sep=";", dtype={"CODGEO": str, "ZRR": str})
    assert list(anct.columns) == ["CODGEO", "ZRR", "FRR"]
    assert set(anct["ZRR"]) == {"C", "P", "N"} and set(anct["FRR"]) == {0, 1}
    assert anct["CODGEO"].tolist() == dep.communes["code_insee"].tolist()
    prefecture = dep.communes["role"].to_numpy() == PREFECTURE
    assert anct.loc[prefecture, "ZRR"].item() == "N"


def test_scales_to_thousands_of_communes_quickly():
    start = time.perf_counter()
    big = generate_departement(seed=1, n_communes=3000)
    assert time.perf_counter() - start < 5.0
    assert len(big.communes) == 3000 and big.communes["code_insee"].is_unique
    assert shapely.is_valid(big.communes["geometry"].to_numpy()).all()
    assert big.communes["code_insee"].str.len().eq(5).all()
    residents_per_gp = big.communes["population"].sum() / big.rpps.loc[
        big.rpps["Code savoir-faire"].isin(GP_SPECIALTIES), "Identification nationale PP"].nunique()
    assert 1000 <= residents_per_gp <= 1500


def test_default_sample_is_fast(tmp_path):
    start = time.perf_counter()
    write_sample(tmp_path, seed=3, n_communes=300)
    assert time.perf_counter() - start < 3.0


def test_command_line_writes_and_prints_the_paths(tmp_path, capsys):
    assert main([str(tmp_path / "out"), "--seed", "5", "--communes", "60"]) == 0
    printed = dict(line.split("\t") for line in capsys.readouterr().out.strip().splitlines())
    assert set(printed) == {"communes", "roads", "rpps", "activity", "finess", "population", "anct", "gp_sites",
                            "facilities"}
    assert all(os.path.exists(path) for path in printed.values())
    assert len(pd.read_csv(printed["population"], sep=";", dtype=str)) == 60
