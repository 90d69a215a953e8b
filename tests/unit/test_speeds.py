"""Road speeds from classes: presets, accents and case, unknown classes, roads cars cannot use."""

import numpy as np

from medical_deserts_plugin.core.speeds import normalise_label, speeds_from_classes


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
