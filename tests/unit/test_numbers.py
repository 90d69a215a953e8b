"""Numbers stored as text in French and English spellings, and the population field chosen by its name."""

import numpy as np
import pytest

from medical_deserts_plugin.core.numbers import parse_numbers, population_field_by_name

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.mark.parametrize("text, expected", [
    ("1234", 1234.0), ("1 234", 1234.0), (f"1{NBSP}234", 1234.0), (f"1{NNBSP}234", 1234.0),
    (f"1{THIN}234", 1234.0), ("1 234 567", 1234567.0), ("1 234,5", 1234.5), ("1 234.5", 1234.5),
    ("600,5", 600.5), ("600.5", 600.5), (" 600,5 ", 600.5), (",5", 0.5), ("600,", 600.0),
    ("-3,25", -3.25), ("\u22123,25", -3.25), ("+7", 7.0),
    ("1,234", 1.234), ("1.234", 1.234),  # a lone separator is the decimal mark
    ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1.234.567", 1234567.0), ("1,234,567", 1234567.0),
    ("1.234.567,25", 1234567.25), ("1,234,567.25", 1234567.25), ("1,5e3", 1500.0), ("2E-2", 0.02),
])
def test_spellings(text, expected):
    floats, invalid = parse_numbers([text])
    assert not invalid[0]
    assert floats[0] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("text", [
    "abc", "12 5", "1 2345", "12,5 %", "50 km/h", "1,23.4", "1.23,4", "1.234,567.8", "1..2", "1,2,3", "inf", "nan",
    "--1", "1-", "0x10", "1 234 56", "s",
])
def test_invalid_texts(text):
    floats, invalid = parse_numbers([text])
    assert invalid[0] and np.isnan(floats[0])


def test_units_of_the_parameter_only():
    floats, invalid = parse_numbers(["50 km/h", "50km/h", "90 KM/H", f"70{NBSP}km/h", "30 min", "50"], ("km/h",))
    np.testing.assert_array_equal(invalid, [False, False, False, False, True, False])
    np.testing.assert_array_equal(floats[~invalid], [50, 50, 90, 70, 50])
    assert parse_numbers(["km/h"], ("km/h",))[1][0]  # a unit alone is no number


def test_missing_values_stay_missing_and_numbers_pass():
    floats, invalid = parse_numbers([None, float("nan"), "", "  ", 12, 2.5, np.int64(3), True])
    np.testing.assert_array_equal(invalid, [False] * 7 + [True])
    np.testing.assert_array_equal(np.isnan(floats), [True, True, True, True, False, False, False, True])
    np.testing.assert_array_equal(floats[4:7], [12, 2.5, 3])


def test_a_column_mixing_spellings_is_read_once_per_distinct_text():
    values = ["1 234", "600,5", "1 234", None, 7, "x"] * 1000
    floats, invalid = parse_numbers(values)
    assert invalid.sum() == 1000 and np.isnan(floats).sum() == 2000
    np.testing.assert_array_equal(floats[:3], [1234, 600.5, 1234])
    assert len(parse_numbers([])[0]) == 0


@pytest.mark.parametrize("names, expected", [
    (["fid", "code", "population"], "population"),
    (["fid", "POP", "nom"], "POP"),
    (["fid", "PMUN", "Population"], "Population"),
    (["fid", "P20_POP", "P21_POP", "P99_POP"], "P21_POP"),
    (["fid", "PMUN2020", "PMUN21"], "PMUN21"),
    (["fid", "PTOT"], "PTOT"),
    (["fid", "ptot_2021", "pmun_2021", "pmun_2018", "pop_std_2021", "pop_tot_2021_drees"], "pmun_2021"),
    (["fid", "Population_2020", "PTOT2021"], "PTOT2021"),
    (["fid", "Ind", "Men"], "Ind"),
    (["fid", "pop_std", "code"], None),
    (["fid", "id", "n"], None),
    ([], None),
])
def test_population_field_by_name(names, expected):
    assert population_field_by_name(names) == expected



def test_fast_paths_give_the_general_answers():
    texts = np.array(["600,5", "1 234", None, "", "01001", "12.250", "abc", float("nan")], dtype=object)
    floats, invalid = parse_numbers(texts)  # all texts (or missing): each distinct text parsed once
    np.testing.assert_array_equal(invalid, [False, False, False, False, False, False, True, False])
    np.testing.assert_array_equal(floats[[0, 1, 4, 5]], [600.5, 1234, 1001, 12.25])
    assert np.isnan(floats[[2, 3, 6, 7]]).all()
    floats, invalid = parse_numbers(np.array([3, None, 2.5, np.int64(7)], dtype=object))  # all numbers
    assert not invalid.any() and np.isnan(floats[1]) and floats[[0, 2, 3]].tolist() == [3, 2.5, 7]
    floats, invalid = parse_numbers(np.array([1, True, "2"], dtype=object))  # mixed: the general path
    assert invalid.tolist() == [False, True, False] and floats[[0, 2]].tolist() == [1, 2]
    assert parse_numbers(np.array([None, None], dtype=object))[1].tolist() == [False, False]
