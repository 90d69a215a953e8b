"""Road speeds from classes: presets, accents and case, unknown classes, roads cars cannot use."""

import numpy as np

from medical_deserts_plugin.core.speeds import SPEED_PRESETS, normalise_label, speeds_from_classes


def test_labels_are_compared_without_case_or_accents():
    assert normalise_label("Route à 2 chaussées") == "route a 2 chaussees"
    assert normalise_label("motorway_link") == "motorway link"
    assert normalise_label(None) == "" and normalise_label(float("nan")) == ""


def test_route500_classes_with_any_spelling():
    speeds, drivable, unknown = speeds_from_classes(
        ["Départementale", "autoroute", None, "chemin rural"], "route500_class_adm", 40
    )
    np.testing.assert_array_equal(speeds, [70, 115, 40, 40])
    assert drivable.all() and unknown == 2


def test_classes_cars_cannot_use_are_left_out():
    speeds, drivable, unknown = speeds_from_classes(["footway", "primary", "Route à 1 chaussée"], "osm_highway", 50)
    np.testing.assert_array_equal(drivable, [False, True, True])
    assert speeds[1] == 75 and unknown == 1
    _, drivable, _ = speeds_from_classes(["Sentier", "Route à 1 chaussée"], "bdtopo_nature", 50)
    np.testing.assert_array_equal(drivable, [False, True])


def test_legal_limit_presets_keep_their_enum_numbers():
    # SPEED_PRESET=0..3 in users' runs and models: the OSRM presets come after them, never between.
    assert list(SPEED_PRESETS)[:4] == ["osm_highway", "bdtopo_nature", "route500_class_adm", "route500_vocation"]
    assert list(SPEED_PRESETS)[4:] == ["osm_highway_osrm", "bdtopo_nature_osrm", "route500_class_adm_osrm",
                                       "route500_vocation_osrm"]


def test_osm_average_speeds_are_osrm_car_profile():
    # Project-OSRM/osrm-backend profiles/car.lua, speeds.highway: motorway 90, motorway_link 45, trunk 85,
    # primary 65, secondary 55, tertiary 40, unclassified 25, residential 25, living_street 10, service 15.
    classes = ["motorway", "motorway_link", "trunk", "primary", "secondary", "tertiary", "unclassified",
               "residential", "living_street", "service", "track"]
    speeds, drivable, unknown = speeds_from_classes(classes, "osm_highway_osrm", 50)
    np.testing.assert_array_equal(speeds, [90, 45, 85, 65, 55, 40, 25, 25, 10, 15, 0])
    np.testing.assert_array_equal(drivable, [True] * 10 + [False])  # OSRM does not route cars on tracks
    assert unknown == 0


def test_ign_average_speeds_take_the_osrm_speed_of_the_matching_osm_class():
    speeds, drivable, _ = speeds_from_classes(["Autoroute", "Nationale", "Départementale", "Communale"],
                                              "route500_class_adm_osrm", 50)
    np.testing.assert_array_equal(speeds, [90, 85, (55 + 40) / 2, 25])  # départementale: secondary/tertiary
    speeds, _, _ = speeds_from_classes(["Liaison principale", "Liaison régionale", "Liaison locale"],
                                       "route500_vocation_osrm", 50)
    np.testing.assert_array_equal(speeds, [65, 55, 40])  # primary, secondary, tertiary
    speeds, drivable, _ = speeds_from_classes(["Type autoroutier", "Route à 2 chaussées", "Route à 1 chaussée",
                                               "Chemin"], "bdtopo_nature_osrm", 50)
    np.testing.assert_array_equal(speeds, [90, 85, 40, 0])  # motorway, trunk, tertiary, track (not routed)
    np.testing.assert_array_equal(drivable, [True, True, True, False])
