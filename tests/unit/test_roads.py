"""OpenStreetMap ways to the road layer of the network parameters (classes, maxspeed in km/h, oneway), the fields of
IGN road files, and the clip of lines to a polygon: values a hand reading of the tags gives."""

import numpy as np
import pytest
import shapely

from medical_deserts_plugin.core.roads import (
    as_multilines,
    clip_lines,
    drivable_highways,
    ign_fields,
    maxspeed_kmh,
    oneway_values,
    osm_roads,
    tag_values,
)
from medical_deserts_plugin.core.speeds import SPEED_PRESETS


def test_drivable_classes_are_those_a_preset_drives_on():
    drivable = drivable_highways()
    assert {"motorway", "motorway link", "residential", "service", "track", "road", "living street"} <= set(drivable)
    assert not {"footway", "path", "cycleway", "steps", "pedestrian", "bridleway", "construction",
                "proposed"} & set(drivable)
    assert set(drivable) <= set(SPEED_PRESETS["osm_highway"])


def test_other_tags_are_read_by_key():
    tags = tag_values(['"maxspeed"=>"50","oneway"=>"yes"', None, '"name:oc"=>"a \\"b\\"","ref"=>"D 940"',
                       '"oneway"=>"-1","maxspeed:forward"=>"70","maxspeed"=>"30 mph"'])
    assert tags["maxspeed"].tolist()[0] == "50" and tags["maxspeed"].tolist()[3] == "30 mph"
    assert tags["maxspeed"].isna().tolist() == [False, True, True, False]
    assert tags["oneway"].tolist()[::3] == ["yes", "-1"]
    assert tags["ref"].tolist()[2] == "D 940"
    assert tag_values(['"name"=>"la \\"Grande\\" route"'], keys=("name",))["name"].tolist() == ['la "Grande" route']


def test_maxspeed_in_kmh():
    speeds = maxspeed_kmh(["50", "30 mph", "FR:urban", "FR:rural", "fr:zone30", "none", "50;70", "", None, "0",
                           "signals", "90 km/h", "7,5"])
    expected = [50, 30 * 1.609344, 50, 80, 30, np.nan, 50, np.nan, np.nan, np.nan, np.nan, 90, 7.5]
    np.testing.assert_allclose(speeds, expected)


def test_oneway_tags_and_implied_rules():
    got = oneway_values(["yes", "-1", None, None, "no", "true", "reverse", None, "1"],
                        ["primary", "primary", "motorway", "motorway_link", "motorway", "tertiary", "residential",
                         "unclassified", "service"],
                        [None, None, None, None, None, None, None, "roundabout", None])
    assert got.tolist() == ["yes", "-1", "yes", "yes", "no", "yes", "-1", "yes", "yes"]


def test_osm_roads_keeps_the_car_ways_with_their_speed_and_direction():
    kept, table = osm_roads(["primary", "footway", "motorway", "residential", "cycleway", "secondary_link"],
                            ['"maxspeed"=>"80","oneway"=>"yes","ref"=>"N 145"', None, None,
                             '"junction"=>"roundabout","maxspeed"=>"FR:urban"', '"oneway"=>"yes"',
                             '"oneway"=>"no","junction"=>"roundabout"'],
                            ["a", "b", "c", "d", "e", "f"])
    assert kept.tolist() == [True, False, True, True, False, True]
    assert table["highway"].tolist() == ["primary", "motorway", "residential", "secondary_link"]
    np.testing.assert_allclose(table["maxspeed"], [80, np.nan, 50, np.nan])
    assert table["oneway"].tolist() == ["yes", "yes", "yes", "no"]
    assert table["ref"].tolist() == ["N 145", None, None, None]
    assert table["name"].tolist() == ["a", "c", "d", "f"]


def test_ign_fields_under_one_spelling():
    assert ign_fields(["ID", "nature", "sens_de_circulation", "vitesse_moyenne_vl", "importance"], "bdtopo") == {
        "NATURE": "nature", "SENS": "sens_de_circulation", "VIT_MOY_VL": "vitesse_moyenne_vl",
        "IMPORTANCE": "importance"}
    assert ign_fields(["CLASS_ADM", "SENS", "NUM_ROUTE"], "route500") == {
        "CLASS_ADM": "CLASS_ADM", "SENS": "SENS", "NUM_ROUTE": "NUM_ROUTE"}
    with pytest.raises(ValueError, match="not an IGN BD TOPO .* no field NATURE .*its fields: code, nom"):
        ign_fields(["code", "nom"], "bdtopo")
    with pytest.raises(ValueError, match="no field VOCATION or CLASS_ADM"):
        ign_fields(["NATURE"], "route500")


def test_clip_cuts_the_lines_at_the_edge_and_drops_those_outside():
    area = shapely.box(0, 0, 10, 10)
    lines = np.array([shapely.LineString([(1, 1), (5, 5)]), shapely.LineString([(5, 5), (15, 5)]),
                      shapely.LineString([(20, 20), (30, 30)]), None, shapely.LineString([(10, 10), (20, 20)]),
                      shapely.MultiLineString([[(1, 1), (2, 2)], [(20, 1), (30, 1)]])], dtype=object)
    clipped, kept = clip_lines(lines, area)
    assert kept.tolist() == [True, True, False, False, False, True]  # (10 10) only touches the corner
    assert shapely.to_wkt(clipped[kept]).tolist() == [
        "MULTILINESTRING ((1 1, 5 5))", "MULTILINESTRING ((5 5, 10 5))", "MULTILINESTRING ((1 1, 2 2))"]
    assert shapely.length(clipped[1]) == pytest.approx(5.0)


def test_line_parts_of_collections():
    multilines, has_lines = as_multilines([
        shapely.GeometryCollection([shapely.Point(0, 0), shapely.LineString([(2, 2), (3, 3)])]),
        shapely.Point(1, 1), None, shapely.LineString([(0, 0), (0, 4)])])
    assert has_lines.tolist() == [True, False, False, True]
    assert shapely.length(multilines[[0, 3]]).tolist() == pytest.approx([2 ** 0.5, 4.0])
    assert multilines[1] is None and multilines[2] is None
