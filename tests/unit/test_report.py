"""The report's figures (core.report) on hand-made communes."""

import datetime

import numpy as np
import pytest
import shapely

from medical_deserts_plugin.core import report

# five communes: population, APL, standardised population, minutes to the nearest GP (NaN: none reachable)
POPULATION = np.array([100.0, 200.0, 300.0, 400.0, 1000.0])
APL = np.array([1.0, 2.5, 3.9, np.nan, 5.0])
STANDARDISED = np.array([200.0, 200.0, 300.0, 400.0, 500.0])
MINUTES = np.array([25.0, 12.0, np.nan, 3.0, 20.0])


def test_key_figures_by_hand():
    figures = report.key_figures(POPULATION, APL, STANDARDISED, MINUTES)
    assert (figures.communes, figures.population) == (5, 2000.0)
    assert figures.under_low == 100  # 2.5 itself is not under 2.5
    assert figures.vigilance == 200 + 300 and figures.above_high == 1000 and figures.no_index == 400
    assert figures.mean_apl == pytest.approx((1 * 200 + 2.5 * 200 + 3.9 * 300 + 5 * 500) / 1200)
    assert figures.far == 100 and figures.unreachable == 300  # 20 min is not beyond 20
    # by time: 3 (400), 12 (200), 20 (1000), 25 (100): half of 1700 is reached at 20 min
    assert figures.median_minutes == 20.0
    assert figures.share(figures.under_low) == 0.05


def test_classes_and_cumulative_curve():
    assert list(report.population_by_class(POPULATION, APL, report.APL_THRESHOLDS)) == [100, 500, 1000, 400]
    minutes, shares = report.cumulative_population(POPULATION, MINUTES)
    assert list(minutes) == [3, 12, 20, 25]
    assert shares == pytest.approx([400 / 2000, 600 / 2000, 1600 / 2000, 1700 / 2000])


def test_most_underserved_and_before_after():
    table = report.commune_table(list("abcde"), POPULATION, APL, "en", MINUTES)
    assert list(report.most_underserved(table, 3)["name"]) == ["a", "b", "c"]
    assert list(table["label"]) == ["under 2.5 (priority zone)", "2.5 to 4 (vigilance)", "2.5 to 4 (vigilance)",
                                    "no APL", "4 or more"]
    change = report.before_after(POPULATION, index_before=APL, index_after=APL + 2)
    assert (change.measure, change.before, change.after) == ("apl", 100, 0)
    change = report.before_after(POPULATION, minutes_before=MINUTES, minutes_after=np.minimum(MINUTES, 10),
                                 radius=15)
    assert (change.measure, change.before, change.after) == ("minutes", 1100 + 300, 300)


def test_formats_and_names():
    assert report.format_number(12345.6, "fr") == "12\u00a0346"
    assert report.format_number(2.345, "fr", 2) == "2,35" and report.format_number(12345.6, "en") == "12,346"
    assert report.format_share(0.0518, "fr") == "5,2\u00a0%" and report.format_share(0.0518, "en") == "5.2%"
    assert report.format_date(datetime.date(2026, 12, 3), "fr") == "3 décembre 2026"
    squares = [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)]
    assert report.names_at([shapely.Point(1.5, 0.5), shapely.Point(-3, 0.5)], squares, ["A", "B"]) == ["B", "A"]
    with pytest.raises(ValueError, match="Report language"):
        report.texts("de")
    assert report.TEXTS["fr"].keys() == report.TEXTS["en"].keys()


def test_method_lines_say_what_was_run_or_that_it_is_not_recorded():
    e2sfca = {"algorithm": "accessibilityindex", "method": "e2sfca", "bands": "10:1,20:0.68,30:0.22", "scale": "10000",
              "supply_field": "", "age_weights": "", "same_commune": "no", "times": "table"}
    assert report.apl_method_line(e2sfca, "en") == (
        "APL: E2SFCA; weights by travel time: 1 up to 10 min, 0.68 up to 20 min, 0.22 up to 30 min, 0 beyond; "
        "supply: one GP per supply point, index per 10,000 inhabitants; demand: population not standardised; "
        "no same-commune rule; times from a travel-time table.")
    assert report.apl_method_line({}, "fr").startswith("APL : paramètres non enregistrés")
    stopped = {"algorithm": "suggestsites", "model": "p_median", "max_time_min": "120", "solver": "milp",
               "optimal": "no", "mip_gap": "0.0123", "time_limit_s": "60"}
    assert report.sites_method_line(stopped, "en", 2) == (
        "Suggested sites: p-median, 2 sites; longest trip considered 120 min; HiGHS: not proven optimal within "
        "60 s, gap 1.2%.")
    greedy = dict(stopped, solver="greedy+swap", mip_gap="nan")
    assert report.sites_method_line(greedy, "fr", 2).endswith("; heuristique gloutonne avec échanges (optimum non "
                                                              "prouvé).")
    assert report.sites_method_line({}, "en", 2).startswith("Suggested sites: model and solver status not recorded")
    assert report.site_gain({"model": "mclp", "radius_min": "12.5"}, 1234.4, "fr") == "+1\u00a0234 hab. à ≤ 12,5 min"
    assert report.site_gain({}, 1234.4, "en") == "+1,234"
    assert report.site_gain({"model": "p_median"}, float("nan"), "en") == "the only site some inhabitants reach"
