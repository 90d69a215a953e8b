"""The five DREES professions' presets on 2 communes x 2 sites worked out by hand."""

import numpy as np
import pytest

from medical_deserts_plugin.core import accessibility, professions
from medical_deserts_plugin.core.professions import PROFESSIONS, apl_index, profession, standardised_demand, \
    supply_amount
from medical_deserts_plugin.core.travel_times import TravelTimeTable

# Commune A holds site 1, commune B site 2. A -> site 1: 0 min (weight 1), A -> site 2: 12 min (2/3),
# B -> site 1: 17 min (1/3), B -> site 2: 0 min (1).
TABLE = TravelTimeTable([0, 0, 1, 1], [0, 1, 0, 1], [0.0, 12.0, 17.0, 0.0], (2, 2))


@pytest.mark.parametrize("key", ["nurses", "physiotherapists", "dentists"])
def test_fte_professions_by_hand(key):
    # 1,000 and 500 inhabitants (no published age weights: weight 1); 3 FTE at site 1, 1 FTE at site 2.
    # D1 = 1 x 1000 + 1/3 x 500 = 3500/3, D2 = 2/3 x 1000 + 1 x 500 = 3500/3
    # R1 = 3 / (3500/3) = 9/3500, R2 = 1 / (3500/3) = 3/3500
    # A = R1 + 2/3 R2 = 11/3500 -> x 100,000 = 314.2857 FTE per 100,000; B = 1/3 R1 + R2 = 6/3500 -> 171.4286
    preset = profession(key)
    ages = np.array([[1000.0 / 19] * 19, [500.0 / 19] * 19])
    demand, weighted = standardised_demand(preset, ages, None)
    assert not weighted and demand == pytest.approx([1000.0, 500.0])
    index, result = apl_index(TABLE, demand, supply_amount(preset, [3.0, 1.0]), preset)
    assert index == pytest.approx([1.1e6 / 3500, 6e5 / 3500], rel=1e-12)
    assert index == pytest.approx([314.2857142857, 171.4285714286])
    assert result.demand == pytest.approx([3500 / 3, 3500 / 3])


def test_midwives_on_women_by_hand():
    # Women: 600 in A, 300 in B; 1 FTE at each site.
    # D1 = 600 + 1/3 x 300 = 700, D2 = 2/3 x 600 + 300 = 700, R1 = R2 = 1/700
    # A = (1 + 2/3) / 700 = 1/420 -> 238.0952 FTE per 100,000 women; B = (1/3 + 1) / 700 = 1/525 -> 190.4762
    preset = profession("midwives")
    assert preset.demand == professions.WOMEN and preset.rpps_profession == "50"
    demand, _ = standardised_demand(preset, None, [600.0, 300.0])
    index, _ = apl_index(TABLE, demand, supply_amount(preset, [1.0, 1.0]), preset)
    assert index == pytest.approx([1e5 / 420, 1e5 / 525], rel=1e-12)


def test_gp_preset_is_the_apl_unchanged():
    # 2 GPs at 3,000 consultations (-> 3,600 each) at site 1, 1 GP at 7,000 (-> 6,000) at site 2; D as above.
    # A = (7200 + 2/3 x 6000) / (3500/3) = 11200 x 3/3500 = 9.6; B = (1/3 x 7200 + 6000) x 3/3500 = 7.2
    preset = profession("gp")
    supply = supply_amount(preset, [2.0, 1.0], np.array([3000.0, 7000.0]))
    assert supply == pytest.approx([7200.0, 6000.0])
    index, _ = apl_index(TABLE, [1000.0, 500.0], supply, preset)
    assert index == pytest.approx([9.6, 7.2], rel=1e-12)
    assert np.array_equal(index, accessibility.apl(TABLE, [1000.0, 500.0], supply).index)
    assert (preset.bounds, preset.band_weights) == (accessibility.APL_BOUNDS, accessibility.APL_BAND_WEIGHTS)
    assert (preset.underserved, preset.vigilance, preset.scale) == (2.5, 4.0, 1.0)
    ages = np.tile(np.arange(1.0, 20.0), (2, 1))
    demand, weighted = standardised_demand(preset, ages, None, "2022")
    assert weighted and demand == pytest.approx(ages @ np.array(accessibility.APL_AGE_WEIGHTS["2022"]))
    assert supply_amount(preset, [1.0])[0] == 5400.0  # no activity: 5,400 imputed


def test_registry():
    assert list(PROFESSIONS) == ["gp", "nurses", "physiotherapists", "midwives", "dentists"]
    assert {p.rpps_profession for p in PROFESSIONS.values()} == {"10", "60", "70", "50", "40"}
    assert all(p.underserved is None and p.scale == 1e5 for key, p in PROFESSIONS.items() if key != "gp")
    assert profession("nurses").weights(np.array([0.0, 9.99, 10.0, 14.9, 15.0, 19.9, 20.0])) == pytest.approx(
        [1, 1, 2 / 3, 2 / 3, 1 / 3, 1 / 3, 0])
    with pytest.raises(ValueError, match="unknown profession 'vets'"):
        profession("vets")
    with pytest.raises(ValueError, match="applies to the GPs' APL only, not to nurses"):
        supply_amount(profession("nurses"), [1.0], np.array([4000.0]))
