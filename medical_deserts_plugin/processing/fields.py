"""Numeric field parameters and their values: any field type (French files hold numbers as text, "1 234",
"600,5"), read through ``core.numbers``; the population field chosen by its name when none is given; identifiers
that join things checked for duplicates."""

import re

import numpy as np
import pandas as pd
from qgis.core import QgsProcessingException, QgsProcessingParameterField

from ..core.numbers import parse_numbers, population_field_by_name
from ..i18n import tr
from .layers import is_null

SPEED_UNITS = ("km/h",)
MINUTE_UNITS = ("min", "mn", "minutes")
INHABITANT_UNITS = ("hab", "hab.", "habitants")
#: how many feature ids or values a message lists
LISTED = 5


def number_field_parameter(name, description, parent, allow_multiple=False):
    """An optional field parameter for a number: fields of any type, so that numbers stored as text can be chosen;
    optional, so that the dialog never preselects the first field (``fid``) on its own."""
    return QgsProcessingParameterField(name, description, parentLayerParameterName=parent,
                                       type=QgsProcessingParameterField.DataType.Any, allowMultiple=allow_multiple,
                                       optional=True)


def population_help():
    """Help (tooltip) of a population field parameter that may be left empty."""
    return tr("Empty: the field named like a population (population, pop, PMUN, P21_POP…), said in the log; a "
              "layer without one is refused.")


def field_values(data, field):
    """The values of ``field`` for every feature of ``data`` (a ``layers.LayerData``), None where NULL."""
    if field in data.columns:
        return data.columns[field]
    index = data.features[0].fields().indexOf(field)
    return [None if is_null(value) else value for value in (row[index] for row in data.attribute_rows())]


def read_numbers(data, field, label, units=(), negative=False):
    """Floats of ``field`` for every feature of ``data`` (NULL and blank text -> NaN, as missing).

    Numbers stored as text are read as ``core.numbers.parse_numbers`` says ("1 234", "600,5", "50 km/h" when
    "km/h" is one of ``units``); a value that is no number, or a negative one unless ``negative``, is refused
    with the field, the count and the first feature ids named. ``label`` names the value (population, speed...).
    """
    values = field_values(data, field)
    texts = data.categories.get(field)
    if texts is None:
        floats, invalid = parse_numbers(values, units)  # NULL is None already (field_values)
    else:  # a text column read in bulk (a CSV's minutes): each distinct text parsed once, NULL (code -1) the last
        floats, invalid = parse_numbers(texts.categories.to_numpy(dtype=object), units)
        floats, invalid = np.append(floats, np.nan)[texts.codes], np.append(invalid, False)[texts.codes]
    if invalid.any():
        rows = np.flatnonzero(invalid)[:LISTED]
        raise QgsProcessingException(
            tr("The {label} field “{field}” holds {count} value(s) that are not numbers ({examples}): correct or "
               "empty them.").format(label=label, field=field, count=int(invalid.sum()), examples=", ".join(
                tr("feature {id}: “{value}”").format(id=data.feature_ids[row], value=values[row]) for row in rows)))
    if not negative and (floats < 0).any():
        rows = np.flatnonzero(floats < 0)
        raise QgsProcessingException(
            tr("The {label} field “{field}” has {count} negative value(s) (feature ids {ids}).").format(
                label=label, field=field, count=len(rows),
                ids=", ".join(str(data.feature_ids[row]) for row in rows[:LISTED])))
    return floats


def choose_population_field(algorithm, parameters, name, context, field_names, label, feedback, required=True):
    """The population field of parameter ``name``; when none is given, the one of ``field_names`` named like a
    population (``core.numbers.population_field_by_name``). The log says which field is used. Without a field
    so named, a ``required`` one is refused and "" returned otherwise."""
    field = algorithm.parameterAsString(parameters, name, context)
    if field:
        feedback.pushInfo(tr("Population: the field “{field}” of the {label} layer.").format(field=field, label=label))
        return field
    field = population_field_by_name(field_names)
    if field:
        feedback.pushInfo(tr("Population: the field “{field}” of the {label} layer, chosen by its name (choose "
                             "another population field if it is not the right one).").format(field=field, label=label))
        return field
    if required:
        raise QgsProcessingException(
            tr("Choose the population field of the {label} layer: none of its fields is named like a population "
               "(population, pop, PMUN, P21_POP…). Its fields: {names}.").format(
                label=label, names=", ".join(field_names) or "-"))
    return ""


def repeated_ids(ids, field, label):
    """What repeats among identifiers ``ids`` (texts; an empty one counts) of the ``label`` layer's ``field``
    ("" for feature ids), as the start of a sentence; "" when every identifier is unique."""
    series = pd.Series(ids, dtype=object)
    repeated = series[series.duplicated(keep=False)]
    if repeated.empty:
        return ""
    distinct = repeated.unique()
    return tr("The {label} identifier field “{field}” has {count} value(s) found on several features ({values}; "
              "{features} features in all)").format(
        label=label, field=field or "fid", count=len(distinct), features=len(repeated),
        values=", ".join(f"“{value}”" for value in distinct[:LISTED]))


def check_unique_ids(ids, field, label, why):
    """Refuse identifiers that repeat (``repeated_ids``); ``why`` says what they join."""
    repeated = repeated_ids(ids, field, label)
    if repeated:
        raise QgsProcessingException(tr("{repeated}: {why}. Choose a field whose values are unique.").format(
            repeated=repeated, why=why))


def fields_by_prefix(field_names, prefix, count, label):
    """The ``count`` fields of ``field_names`` named ``prefix`` then a number (``pop_00_04``… ``pop_90_plus`` for
    "pop_"; not ``pop_std``), in the order of that number; anything else than ``count`` such fields is refused,
    naming those found. The prefix is compared without regard to case."""
    numbered = [(re.match(r"\d+", name[len(prefix):]), name) for name in field_names
                if name.lower().startswith(prefix.lower())]
    found = [name for _, name in sorted((int(number.group()), name) for number, name in numbered if number)]
    if len(found) != count:
        raise QgsProcessingException(tr(
            "{found} field(s) of the {label} layer start with “{prefix}” and a number, {count} are needed: {names}.")
            .format(found=len(found), label=label, prefix=prefix, count=count, names=", ".join(found) or "-"))
    return found

