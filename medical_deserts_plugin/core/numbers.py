"""Numbers from attribute columns as French files hold them, and the population column chosen by its name.

``parse_numbers`` reads numbers stored as text the way a French spreadsheet or INSEE file writes them, in one
vectorised pass over the distinct texts. The rules, in this order:

- Numbers (int, float) are kept as they are; ``None`` and NaN are missing (NaN), and so is a blank text.
- Spaces of any kind (plain, no-break U+00A0, narrow no-break U+202F, thin U+2009) between groups of three digits
  are thousands separators: ``"1 234"``, ``"1 234 567,5"``.
- A single comma or a single dot is the decimal mark: ``"600,5"`` and ``"600.5"`` are 600.5. So ``"1,234"`` is
  1.234 (French reading) and ``"1.234"`` is 1.234 too: a lone separator is never taken for thousands.
- With both a dot and a comma, the last one is the decimal mark and the other one must group digits by three:
  ``"1.234,5"`` and ``"1,234.5"`` are both 1234.5; ``"1,23.4"`` is refused.
- The same mark repeated between groups of three digits separates thousands: ``"1.234.567"``, ``"1,234,567"``.
- A sign may lead (``-``, ``+`` or the minus sign U+2212); an exponent may follow (``"1,5e3"``).
- A trailing unit is dropped when it is one of the ``units`` given (the parameter's own unit: ``"50 km/h"`` for a
  speed), compared case-insensitively; any other trailing text (``"12,5 %"`` for a population) is refused.

Anything else (``"abc"``, ``"12 5"``, ``"1 2345"``, ``"inf"``) is invalid: the caller names the field and features.
"""

import re

import numpy as np
import pandas as pd

_SPACES = "\u0020\u00a0\u202f\u2009"
_SIGN = r"[+\-\u2212]?"
_EXPONENT = r"(?:[eE][+\-]?\d+)?"
#: (pattern of the whole text once the unit is dropped, thousands separator to remove, decimal mark)
_SPELLINGS = (
    (rf"{_SIGN}(?:\d+(?:[.,]\d*)?|[.,]\d+){_EXPONENT}", "", None),  # 600  600,5  600.5  ,5  1,234 (= 1.234)
    (rf"{_SIGN}\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?{_EXPONENT}", f"[{_SPACES}]", None),  # 1 234,5
    (rf"{_SIGN}\d{{1,3}}(?:\.\d{{3}}){{2,}}", r"\.", None),  # 1.234.567
    (rf"{_SIGN}\d{{1,3}}(?:\.\d{{3}})+,\d+{_EXPONENT}", r"\.", ","),  # 1.234,5
    (rf"{_SIGN}\d{{1,3}}(?:,\d{{3}}){{2,}}", ",", None),  # 1,234,567
    (rf"{_SIGN}\d{{1,3}}(?:,\d{{3}})+\.\d+{_EXPONENT}", ",", "."),  # 1,234.5
)


def parse_numbers(values, units=()):
    """(floats, invalid) for a column of ``values``: numbers, texts in French or English spelling, None.

    ``floats`` has NaN where a value is missing or invalid; ``invalid`` (bool) marks the values that are neither
    missing nor readable as a number. ``units``: trailing unit spellings accepted (e.g. ``("km/h",)``).
    See the module docstring for the rules, the ambiguous spellings included.
    """
    values = values if isinstance(values, np.ndarray) and values.dtype == object else _object_array(values)
    kind = pd.api.types.infer_dtype(values, skipna=True)  # one C pass: no Python call per value
    if kind == "string":  # texts and missing values only (a CSV column): each distinct text parsed once
        codes, distinct = pd.factorize(values)
        parsed, bad = _parse_texts(pd.Series(distinct, dtype=object), units)
        return np.append(parsed, np.nan)[codes], np.append(bad, False)[codes]  # code -1 (missing) takes the last
    if kind in ("floating", "integer", "mixed-integer-float", "empty"):  # numbers and missing values only
        return pd.Series(values, dtype=object).astype(float).to_numpy(), np.zeros(len(values), dtype=bool)
    series = pd.Series(values, dtype=object)
    floats = np.full(len(series), np.nan)
    invalid = np.zeros(len(series), dtype=bool)
    if not len(series):
        return floats, invalid
    kinds = series.map(type)
    numeric = kinds.isin((int, float, np.int64, np.float64, np.int32, np.float32)).to_numpy()
    floats[numeric] = series[numeric].to_numpy(dtype=float)
    text = kinds.eq(str).to_numpy()
    invalid[~numeric & ~text & series.notna().to_numpy()] = True  # bools, dates, bytes...
    if text.any():
        codes, distinct = pd.factorize(series[text])
        parsed, bad = _parse_texts(pd.Series(distinct, dtype=object), units)
        floats[text], invalid[text] = parsed[codes], bad[codes]
    return floats, invalid


def _object_array(values):
    """``values`` (any iterable) as a 1-D object array, each value kept as it is."""
    values = list(values)
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _parse_texts(texts, units):
    """(floats, invalid) of distinct texts; a blank text is missing, not invalid."""
    cleaned = texts.str.strip(_SPACES + "\t")
    for unit in sorted(units, key=len, reverse=True):
        cleaned = cleaned.str.replace(rf"[{_SPACES}]*{re.escape(unit)}$", "", regex=True, flags=re.IGNORECASE)
    cleaned = cleaned.str.replace("\u2212", "-", regex=False)
    result = pd.Series(np.nan, index=texts.index)
    matched = pd.Series(False, index=texts.index)
    for pattern, thousands, decimal in _SPELLINGS:  # each spelling tried on the texts no earlier one matched
        rest = cleaned[~matched]
        match = rest.str.fullmatch(pattern)
        if not match.any():
            continue
        spelled = rest[match]
        if thousands:
            spelled = spelled.str.replace(thousands, "", regex=True)
        spelled = spelled.str.replace(decimal or ",", ".", regex=False)
        result[spelled.index] = pd.to_numeric(spelled, errors="coerce")
        matched[spelled.index] = True
    blank = texts.str.strip(_SPACES + "\t").eq("")
    invalid = ~blank & (~matched | result.isna())
    return result.to_numpy(dtype=float), invalid.to_numpy()


#: Population field names, most wanted first (compared case-insensitively): the plugin's own output, then INSEE's.
POPULATION_NAMES = ("population", "pop", "pmun", "ptot", "pop_tot", "pop_totale", "population_totale",
                    "pop_mun", "population_municipale", "nb_hab", "habitants", "ind")
#: INSEE census totals by year: P21_POP, P20_POP... (the latest year is preferred).
_CENSUS_POPULATION = re.compile(r"^p(\d{2})_pop$", re.IGNORECASE)
#: Yeared totals: PMUN21, pmun_2021, PTOT2021, pop_2021, population_2021 (latest year, then this order of names).
_YEARED_PREFIXES = ("pmun", "population", "pop", "ptot", "pop_tot", "pop_mun")
_YEARED = re.compile(rf"^({'|'.join(_YEARED_PREFIXES)})[_ ]?(\d{{2}}|\d{{4}})$", re.IGNORECASE)


def population_field_by_name(names):
    """The field of ``names`` that holds a population by its name, or None: one of ``POPULATION_NAMES``
    (case-insensitive, in that order), else the latest ``P21_POP``-like census total, else the latest
    ``PMUN21`` / ``pmun_2021``-like one. Never a standardised population (pop_std) nor an arbitrary field."""
    lowered = {name.lower(): name for name in reversed(list(names))}
    for wanted in POPULATION_NAMES:
        if wanted in lowered:
            return lowered[wanted]
    census = [(_census_year(match.group(1)), name) for name in names if (match := _CENSUS_POPULATION.match(name))]
    if census:
        return max(census)[1]
    yeared = [(_census_year(match.group(2)), -_YEARED_PREFIXES.index(match.group(1).lower()), name)
              for name in names if (match := _YEARED.match(name))]
    return max(yeared)[2] if yeared else None


def _census_year(digits):
    """A census year from its last two digits (99 is 1999, 21 is 2021), to compare years."""
    year = int(digits[-2:])
    return year + (1900 if year >= 50 else 2000)
