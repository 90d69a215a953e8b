"""A travel-time table in place of the road network (the output of “Travel-time matrix”, an INSEE Metric export,
another router's matrix): its parameters and its reading, shared by the algorithms that take one."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..core.travel_times import TravelTimeTable
from ..i18n import tr
from .base import advanced, section
from .fields import MINUTE_UNITS, check_unique_ids, read_numbers
from .layers import read_input

TRAVEL_TABLE, TABLE_ORIGIN_FIELD, TABLE_DESTINATION_FIELD, TABLE_MINUTES_FIELD = (
    "TRAVEL_TABLE", "TABLE_ORIGIN_FIELD", "TABLE_DESTINATION_FIELD", "TABLE_MINUTES_FIELD")
SECTION = "Travel-time table (instead of the road network)"


def travel_table_parameter():
    """The table itself, opening the dialog's travel-time table section."""
    return section(tr(SECTION), QgsProcessingParameterFeatureSource(
        TRAVEL_TABLE, tr("Travel-time table (output of “Travel-time matrix”, INSEE Metric export)"),
        [QgsProcessing.SourceType.TypeVector], optional=True))


def add_table_field_parameters(algorithm):
    """The table's origin id, destination id and minutes fields (advanced)."""
    algorithm.addParameter(section(tr(SECTION), advanced(
        QgsProcessingParameterString(TABLE_ORIGIN_FIELD, tr("Table: origin id field"), defaultValue="origin_id"))))
    algorithm.addParameter(advanced(QgsProcessingParameterString(
        TABLE_DESTINATION_FIELD, tr("Table: destination id field"), defaultValue="destination_id")))
    algorithm.addParameter(advanced(QgsProcessingParameterString(
        TABLE_MINUTES_FIELD, tr("Table: minutes field"), defaultValue="minutes")))


def has_travel_table(algorithm, parameters, context):
    return algorithm.parameterAsSource(parameters, TRAVEL_TABLE, context) is not None


def table_rows(algorithm, parameters, context, feedback, crs):
    """(origin ids, destination ids, minutes) of the table's rows: ids as read (Categoricals for bulk text
    columns), minutes as floats (NaN or negative: no time)."""
    fields = [algorithm.parameterAsString(parameters, name, context)
              for name in (TABLE_ORIGIN_FIELD, TABLE_DESTINATION_FIELD, TABLE_MINUTES_FIELD)]
    rows = read_input(algorithm, parameters, TRAVEL_TABLE, context, crs, tr("travel-time table"), fields=fields,
                      keep_features=False, feedback=feedback)
    minutes = read_numbers(rows, fields[2], tr("minutes"), MINUTE_UNITS, negative=True)  # negative: left out
    return rows.categories.get(fields[0], rows.columns[fields[0]]), \
        rows.categories.get(fields[1], rows.columns[fields[1]]), minutes


def read_travel_table(algorithm, parameters, context, feedback, crs, origins, destinations, rows=None,
                      quiet=False):
    """The table's rows matched to the places by text id: a TravelTimeTable origins x destinations (minutes).

    ``origins`` and ``destinations``: (ids, identifier parameter or None, label) each; the ids must be unique.
    ``rows``: the table as :func:`table_rows` read it (read here if None). Rows whose ids match no place or that
    have no time are left out, with a warning unless ``quiet`` (a table that also holds other pairs); no row
    matching at all is an error."""
    why = tr("the rows of the travel-time table cannot tell them apart")
    for ids, parameter, label in (origins, destinations):
        check_unique_ids(ids, algorithm.parameterAsString(parameters, parameter, context) if parameter else "",
                         label, why)
    rows = rows or table_rows(algorithm, parameters, context, feedback, crs)
    table, rejected = TravelTimeTable.from_id_pairs(*rows, origins[0], destinations[0])
    if rejected and not quiet:
        feedback.pushWarning(tr("{count} row(s) of the travel-time table match no {origins} or {destinations} "
                                "identifier, or have no time: left out.").format(
            count=rejected, origins=origins[2], destinations=destinations[2]))
    if len(table) == 0:
        raise QgsProcessingException(tr("No row of the travel-time table matches the {origins} and {destinations} "
                                        "identifiers: check the identifier fields.").format(
            origins=origins[2], destinations=destinations[2]))
    return table
