"""The five professions of the DREES APL: one preset each (RPPS filter, decay, demand, supply rule, unit, zoning).

DREES publishes the APL for médecins généralistes, infirmiers, masseurs-kinésithérapeutes, sages-femmes and
chirurgiens-dentistes (https://drees.solidarites-sante.gouv.fr/sources-outils-et-enquetes/
lindicateur-daccessibilite-potentielle-localisee-apl; files: https://data.drees.solidarites-sante.gouv.fr/explore/
dataset/530_l-accessibilite-potentielle-localisee-apl/information). What each preset holds and where it comes from
is in ``docs/professions.md``; in short:

============  ======  ==========================  ==============================  ===============================
profession    RPPS    unit of the APL             demand                          supply
============  ======  ==========================  ==============================  ===============================
GPs           10 +    consultations per year per  population, DREES age weights   consultations per GP, capped
              SM53/   standardised inhabitant     2022/2023                       (250 / 3,600 / 6,000; 5,400)
              54/26
nurses        60      FTE per 100,000             population (age weights not     FTE (count or FTE field)
                      standardised inhabitants    published: weight 1)
physios       70      FTE per 100,000             population (idem)               FTE
midwives      50      FTE per 100,000             *female* population (idem)      FTE
dentists      40      FTE per 100,000             population (idem)               FTE
============  ======  ==========================  ==============================  ===============================

Not found in DREES's published pages for the four non-GP professions, hence the documented closest, said here and in
the note: the distance decay (the GPs' 10/15/20-minute bands are used), the conversion of fees (honoraires) into FTE
(the supply is an FTE field, e.g. ``fte`` of "Import RPPS", one practitioner = 1 FTE) and the age weights (weight 1).
Official zonings set an APL threshold only for GPs (2.5, ZIP; 4, vigilance); for the others the ARS rank the
territories by APL (arrêtés of 20 March 2024 for dentists and physiotherapists): no threshold here.
"""

from dataclasses import dataclass

import numpy as np

from . import accessibility
from .sources.rpps import GP_SAVOIR_FAIRE, MEDECIN

DREES_APL_PAGE = ("https://drees.solidarites-sante.gouv.fr/sources-outils-et-enquetes/"
                  "lindicateur-daccessibilite-potentielle-localisee-apl")
DREES_APL_FILES = ("https://data.drees.solidarites-sante.gouv.fr/explore/dataset/"
                   "530_l-accessibilite-potentielle-localisee-apl/information")

GP_CONSULTATIONS, FTE = "gp_consultations", "fte"
POPULATION, WOMEN = "population", "women"


@dataclass(frozen=True)
class Profession:
    """One DREES APL preset.

    ``bounds`` (minutes) and ``band_weights`` (one more than the bounds: the last is beyond the last bound) give the
    decay; ``age_weights`` the 19 DREES weights per year, or None when DREES publishes none (weight 1);
    ``demand`` "population" or "women" (the female population); ``supply`` "gp_consultations" (activity capped by
    :func:`accessibility.apl_supply`) or "fte" (the supply field as is); ``scale`` inhabitants the index is given
    per (1 for GPs, 100,000 for the others); ``underserved`` / ``vigilance`` the official zoning thresholds of the
    index (None where no official zoning sets one).
    """

    id: str
    label_fr: str
    label_en: str
    rpps_profession: str
    rpps_savoir_faire: tuple
    bounds: tuple
    band_weights: tuple
    age_weights: dict
    demand: str
    supply: str
    scale: float
    unit_fr: str
    unit_en: str
    underserved: float = None
    vigilance: float = None

    def weights(self, minutes):
        """Decay weights of road ``minutes``: the band of ``t`` is the first bound above it (t < bound)."""
        return accessibility.apl_weights(minutes, self.bounds, self.band_weights)

    @property
    def cutoff(self):
        """Minutes beyond which the weight is 0 (the search limit)."""
        return self.bounds[-1]


_GP_BANDS = dict(bounds=accessibility.APL_BOUNDS, band_weights=accessibility.APL_BAND_WEIGHTS)
_FTE_UNIT = dict(supply=FTE, scale=100_000.0, unit_fr="ETP pour 100 000 habitants standardisés",
                 unit_en="FTE per 100,000 standardised inhabitants")

PROFESSIONS = {
    "gp": Profession(
        "gp", "Médecins généralistes", "General practitioners", MEDECIN, GP_SAVOIR_FAIRE, age_weights=accessibility.APL_AGE_WEIGHTS, demand=POPULATION,
        supply=GP_CONSULTATIONS, scale=1.0, unit_fr="consultations par an et par habitant standardisé",
        unit_en="consultations per year per standardised inhabitant", underserved=2.5, vigilance=4.0, **_GP_BANDS),
    "nurses": Profession("nurses", "Infirmiers", "Nurses", "60", None, age_weights=None, demand=POPULATION,
                         **_GP_BANDS, **_FTE_UNIT),
    "physiotherapists": Profession("physiotherapists", "Masseurs-kinésithérapeutes", "Physiotherapists", "70", None,
                                   age_weights=None, demand=POPULATION, **_GP_BANDS, **_FTE_UNIT),
    "midwives": Profession("midwives", "Sages-femmes", "Midwives", "50", None, age_weights=None, demand=WOMEN,
                           **_GP_BANDS, **_FTE_UNIT),
    "dentists": Profession("dentists", "Chirurgiens-dentistes", "Dentists", "40", None, age_weights=None,
                           demand=POPULATION, **_GP_BANDS, **_FTE_UNIT),
}
"""The presets by id, in the order of the algorithms' choice lists."""


def profession(key):
    """The preset of id ``key`` ("gp", "nurses", "physiotherapists", "midwives", "dentists")."""
    if key not in PROFESSIONS:
        raise ValueError(f"unknown profession {key!r}; expected one of {list(PROFESSIONS)}")
    return PROFESSIONS[key]


def standardised_demand(preset, age_counts, population, year="2023"):
    """(standardised inhabitants, weighted by age) of each unit for ``preset``.

    With ``age_counts`` (n, 19) and published age weights: :func:`accessibility.standardised_population`. Without
    published weights (every profession but GPs), each inhabitant weighs 1: the sum of the age groups, else
    ``population``. For midwives both must count women only (the caller chooses the fields).
    """
    if age_counts is None:
        return np.asarray(population, dtype=np.float64), False
    if preset.age_weights is None:
        counts = np.asarray(age_counts, dtype=np.float64)
        return np.nansum(counts, axis=1), False
    standardised, _ = accessibility.standardised_population(np.nan_to_num(age_counts), weights=year)
    return standardised, True


def supply_amount(preset, count, activity=None):
    """Supply per supply point in the preset's supply unit: GPs, ``count`` × capped consultations per GP
    (``activity``, NaN = 5,400 imputed); others, ``count`` as FTE (``activity`` must be None: DREES's conversion
    of fees into FTE is not published)."""
    count = np.asarray(count, dtype=np.float64)
    if preset.supply == GP_CONSULTATIONS:
        activity = np.full(count.shape, np.nan) if activity is None else activity
        return count * accessibility.apl_supply(activity)
    if activity is not None:
        raise ValueError(f"an activity (consultations per GP) applies to the GPs' APL only, not to "
                         f"{preset.label_en.lower()}: give their FTE as the supply")
    return count


def apl_index(table, standardised, supply, preset):
    """(index in the preset's unit, :class:`accessibility.FcaResult`): the two FCA steps with the preset's decay,
    the ratio scaled to ``preset.scale`` inhabitants (1 for GPs: consultations per standardised inhabitant)."""
    result = accessibility.apl(table, standardised, supply, weights=preset.weights)
    return result.index * preset.scale, result
