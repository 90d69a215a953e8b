"""TravelTimeTable helpers used by the indicators: zero-minute pairs, tables read from id rows, same-code pairs."""

from medical_deserts_plugin.core.travel_times import TravelTimeTable, same_code_pairs


def test_with_zero_pairs_replaces_and_adds():
    table = TravelTimeTable([0, 0, 1], [0, 1, 1], [5.0, 7.0, 3.0], (2, 2))
    zeroed = table.with_zero_pairs([0, 1, 1], [0, 0, 0]).sorted()
    assert list(zip(zeroed.origin, zeroed.destination, zeroed.minutes)) == [
        (0, 0, 0.0), (0, 1, 7.0), (1, 0, 0.0), (1, 1, 3.0)]


def test_from_id_pairs_matches_ids_keeps_shortest_and_counts_rejects():
    table, rejected = TravelTimeTable.from_id_pairs(
        ["a", "a", "b", "b", "zz", "a"], ["X", "X", "Y", "X", "X", "Y"], [4.0, 3.0, 2.5, None, 1.0, -1.0],
        known_origins=["a", "b"], known_destinations=["X", "Y"])
    assert table.shape == (2, 2)
    assert list(zip(table.origin, table.destination, table.minutes)) == [(0, 0, 3.0), (1, 1, 2.5)]
    assert rejected == 3  # missing minutes, unknown origin, negative minutes


def test_same_code_pairs_ignores_empty_codes():
    origin, destination = same_code_pairs(["23001", "23002", ""], ["23002", "", "23002", "23001"])
    assert sorted(zip(origin, destination)) == [(0, 3), (1, 0), (1, 2)]
    assert len(same_code_pairs([], ["1"])[0]) == 0


def test_destinations_keeps_and_renumbers_columns():
    table = TravelTimeTable([0, 0, 1, 1], [0, 2, 1, 2], [1.0, 2.0, 3.0, 4.0], (2, 3))
    kept = table.destinations([2, 0])
    assert kept.shape == (2, 2)
    assert sorted(zip(kept.origin, kept.destination, kept.minutes)) == [(0, 0, 2.0), (0, 1, 1.0), (1, 0, 4.0)]


def test_from_id_pairs_from_categoricals_in_any_order():
    import numpy as np
    import pandas as pd

    origins = pd.Categorical(["01001", "1001", None, "01001", "01001", "2A004"])  # leading zeros stay text
    destinations = pd.Categorical(["s2", "s1", "s1", "s1", "s2", "s1"])
    minutes = np.array([9.5, 1.0, 2.0, 4.25, 8.0, 600.5])
    table, rejected = TravelTimeTable.from_id_pairs(origins, destinations, minutes, ["2A004", "01001"], ["s1", "s2"])
    assert list(zip(table.origin, table.destination, table.minutes)) == [(0, 0, 600.5), (1, 0, 4.25), (1, 1, 8.0)]
    assert rejected == 2  # "1001" is not "01001"; a NULL origin
    same, _ = TravelTimeTable.from_id_pairs(list(origins.astype(object)), list(destinations.astype(object)),
                                            minutes, ["2A004", "01001"], ["s1", "s2"])
    assert (same.origin.tolist(), same.minutes.tolist()) == (table.origin.tolist(), table.minutes.tolist())
