"""``medicaldeserts:importpopulation``: INSEE population by commune (and by age) joined to the commune polygons, with
the population standardised by the DREES 2023 age weights."""

import numpy as np
from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink

from ..core.accessibility import standardised_population
from ..core.sources.drees import is_drees_apl, read_drees_apl
from ..core.sources.insee import AGE_GROUPS, read_population
from ..i18n import tr
from .base import check_cancel, core_errors
from .import_rpps import (
    Communes,
    ImportAlgorithm,
    add_communes_parameters,
    add_belt_parameter,
    add_departements_parameter,
    add_working_crs_parameter,
    belt_aliases,
    belt_metres,
    commune_features,
    departements_filter,
    file_parameter,
    input_file,
    listed,
    reader_errors,
    write_features,
)
from .network_parameters import working_crs
from .styles import LABEL_SCALE, GraduatedStyle, place_label, style_on_load

INPUT, OUTPUT = "INPUT", "OUTPUT"
STANDARDISED = "pop_std_2023"
VALUE_COLUMNS = list(AGE_GROUPS) + ["population"]


def population_classes():
    """Classes of the population of a commune, in inhabitants."""
    return ((0, 200, "#fef0d9", tr("< 200 inhabitants")),
            (200, 500, "#fdcc8a", tr("200–500 inhabitants")),
            (500, 1000, "#fc8d59", tr("500–1,000 inhabitants")),
            (1000, 5000, "#e34a33", tr("1,000–5,000 inhabitants")),
            (5000, 1e9, "#b30000", tr("≥ 5,000 inhabitants")))


class ImportPopulationAlgorithm(ImportAlgorithm):
    def name(self):
        return "importpopulation"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Import INSEE population")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("INSEE population by commune and age group joined to the communes, with the DREES "
                  "standardised population.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Joins INSEE population by commune to the commune polygons: population by 5-year age group "
            "(pop_00_04 … pop_85_89, pop_90_plus: INSEE “population par sexe et âge quinquennal”, single-year "
            "ages, or a table with the 19 groups) or the populations légales (totals only).\n\n"
            "Adds the 19 age groups, population, and pop_std_2023: the population standardised by the DREES 2023 "
            "age weights (consumption of care of each age group / national mean), the demand of the APL. Without "
            "age groups every inhabitant weighs 1, and the log says so.\n\n"
            "The DREES APL file (the national spreadsheet, its newest “APL <year>” sheet, or a CSV with its "
            "columns) gives DREES's own standardised population instead: pop_std_<year of the APL> (e.g. "
            "pop_std_2023, in standardised inhabitants) and population (its total population); the age groups "
            "are then empty.\n\n"
            "Commune codes are matched as 5-character text (a code that lost its leading zero is padded); Paris, "
            "Lyon and Marseille arrondissements are summed into the city. With départements given, only the "
            "communes of those départements are kept. Communes without a population row are listed in the log "
            "and get empty values. With a border belt of N km, the communes of other départements within N km of "
            "theirs are kept too, flagged in_belt (true for them). Fields of the communes layer with the same names "
            "are replaced."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(file_parameter(INPUT, tr("INSEE population file (by age group, or populations légales), or the DREES APL file"),
                                         tr("Population table (*.csv *.txt *.zip *.xlsx);;All files (*.*)")))
        add_communes_parameters(self, tr("Communes (polygons)"))
        add_departements_parameter(self)
        add_belt_parameter(self)
        add_working_crs_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Population per commune"), QgsProcessing.SourceType.TypeVectorPolygon))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        departements = departements_filter(self, parameters, context)
        belt_m = belt_metres(self, parameters, context, departements, feedback)
        path = input_file(self, parameters, INPUT, context, tr("population"), feedback)
        communes = Communes(self, parameters, context, feedback, crs, departements, belt_m)
        check_cancel(feedback)
        feedback.setProgress(10)
        with reader_errors(tr("population")):
            drees = is_drees_apl(path)
            frame, report = (read_drees_apl if drees else read_population)(
                path, departements=communes.departements or None)
        frame = frame[~frame["code_commune"].isin(communes.left_out)]
        if drees:
            std_field = f"pop_std_{report.year}" if report.year else "pop_std_drees"
            feedback.pushInfo(tr("{source}: the DREES APL file ({sheet}), {communes} communes, {population:,.0f} "
                                 "inhabitants, {standardised:,.0f} standardised inhabitants (APL {year}, census "
                                 "{census}): written to {field}.").format(
                source=report.source, sheet=report.sheet or tr("table"), communes=report.rows_kept,
                population=report.population, standardised=report.standardised, year=report.year or "?",
                census=report.population_year or "?", field=std_field))
            frame = frame.reindex(columns=["code_commune"] + VALUE_COLUMNS + ["pop_std"])
        else:
            std_field = STANDARDISED
            self.report_reading(feedback, report)
        check_cancel(feedback)
        feedback.setProgress(50)

        table = frame.set_index("code_commune")
        first = communes.first_of_code()
        values = table[VALUE_COLUMNS].reindex(communes.codes).to_numpy(dtype=float)
        values[~first] = np.nan
        found = ~np.isnan(values).all(axis=1)
        if drees:
            standardised = table["pop_std"].reindex(communes.codes).to_numpy(dtype=float)
            standardised[~first] = np.nan
            found |= ~np.isnan(standardised)
            no_age_data, weights = np.zeros(0, dtype=bool), tr("DREES APL {year}").format(year=report.year or "?")
        else:
            standardised, no_age_data = self.standardised(values, found)
            weights = tr("DREES 2023 age weights")
        self.report_join(feedback, communes, frame, found, no_age_data, drees or report.has_age_groups, std_field)
        feedback.pushInfo(tr("{count} commune(s) joined: {population:,.0f} inhabitants, {standardised:,.0f} "
                             "standardised inhabitants ({weights}).").format(
            count=int(found.sum()), population=float(np.nansum(values[:, -1])),
            standardised=float(np.nansum(standardised)), weights=weights))
        check_cancel(feedback)
        feedback.setProgress(60)

        added = [(name, "double") for name in VALUE_COLUMNS + [std_field]]
        replaced = communes.replaced_fields(added)
        if replaced:
            feedback.pushInfo(tr("The communes layer's fields {names} are replaced by the computed ones.").format(
                names=", ".join(replaced)))
        fields, kept = communes.output_fields(added)
        rows = np.column_stack([values, standardised]).astype(object)
        rows[np.isnan(np.column_stack([values, standardised]))] = None
        polygons = commune_features(communes, fields, kept, rows.tolist())
        check_cancel(feedback)
        feedback.setProgress(80)
        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, fields, communes.wkb_type, crs)
        write_features(sink, polygons, feedback, 80, 100, tr("population per commune"))
        style_on_load(context, output_id, GraduatedStyle(
            "population", population_classes(), null_label=tr("No population row"),
            label=place_label(fields.names()), label_scale=LABEL_SCALE, aliases=belt_aliases()))
        feedback.setProgress(100)
        return {OUTPUT: output_id}

    @staticmethod
    def report_reading(feedback, report):
        """What the INSEE population file held."""
        feedback.pushInfo(tr("{source}: {layout}, {communes} communes, {population:,.0f} inhabitants.").format(
            source=report.source, layout=report.layout, communes=report.rows_kept, population=report.population))
        if report.codes_padded:
            feedback.pushInfo(tr("{count} commune code(s) had lost their leading zero: padded.").format(
                count=report.codes_padded))
        if report.arrondissements_merged:
            feedback.pushInfo(tr("{count} arrondissement row(s) summed into Paris, Lyon and Marseille.").format(
                count=report.arrondissements_merged))
        if report.repeated_codes:
            feedback.pushWarning(tr("{count} commune(s) appear on several rows of the population file (communes: "
                                    "{codes}): the first row of each is kept.").format(
                count=len(report.repeated_codes), codes=listed(report.repeated_codes)))
        if report.total_mismatches:
            feedback.pushWarning(tr("{count} commune(s) have a total that differs from the sum of their age "
                                    "groups: the total is kept.").format(count=report.total_mismatches))

    @staticmethod
    def standardised(values, found):
        """The population standardised by the DREES 2023 age weights (inhabitants), and which communes have
        incomplete age groups (each of their inhabitants weighs 1)."""
        standardised = np.full(len(values), np.nan)
        with_population = found & ~np.isnan(values[:, -1])
        ages = values[:, :len(AGE_GROUPS)]
        with core_errors():
            standardised[with_population], no_age_data = standardised_population(
                ages[with_population], values[with_population, -1], "2023")
        return standardised, no_age_data

    @staticmethod
    def report_join(feedback, communes, frame, found, no_age_data, has_age_groups, std_field):
        missing = ~found & (communes.codes != "")
        if missing.any():
            feedback.pushWarning(tr("{count} commune(s) of the layer have no population row: their values are "
                                    "empty (communes: {codes}).").format(
                count=int(missing.sum()), codes=listed(communes.codes[missing])))
        unused = ~frame["code_commune"].isin(communes.codes)
        if unused.any():
            feedback.pushInfo(tr("{count} population row(s) match no commune of the layer (communes: {codes}).")
                              .format(count=int(unused.sum()), codes=listed(frame.loc[unused, "code_commune"])))
        if not has_age_groups:
            feedback.pushWarning(tr("The population file has no age groups: every inhabitant weighs 1 in "
                                    "{field}.").format(field=std_field))
        elif no_age_data.any():
            feedback.pushWarning(tr("{count} commune(s) have incomplete age groups: each of their inhabitants "
                                    "weighs 1 in {field}.").format(count=int(no_age_data.sum()), field=std_field))
