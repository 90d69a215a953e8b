"""``medicaldeserts:councilreport``: the territorial report (A4 PDF) from the outputs of the other algorithms."""

import datetime
import os
import tempfile

import numpy as np
import qgis.utils
import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
)
from qgis.PyQt import sip

from ..core import report
from ..core.zones import CLASS_LABELS, NO_DATA, class_labels
from ..i18n import tr
from . import report_charts
from .base import RunnableAlgorithm, advanced, check_cancel, explained, section
from .fields import INHABITANT_UNITS, MINUTE_UNITS, choose_population_field, field_values, number_field_parameter, \
    population_help, read_numbers
from .layers import is_null, read_layer
from .network_parameters import working_crs
from .run_record import recorded
from .report_layout import (
    ReportContent, ReportLayout, commune_layer, export_pdf, labelled_layer, multipolygon_wkb, set_apl_after,
    unused_layout_name,
)

INPUT, INDEX_FIELD, POPULATION_FIELD, STD_POPULATION_FIELD = "INPUT", "INDEX_FIELD", "POPULATION_FIELD", \
    "STD_POPULATION_FIELD"
NAME_FIELD, CODE_FIELD, TIME_FIELD = "NAME_FIELD", "CODE_FIELD", "TIME_FIELD"
NEAREST, CLASSES, ZONES, SITES, SITES_DEMAND = "NEAREST", "CLASSES", "ZONES", "SITES", "SITES_DEMAND"
RADIUS, TERRITORY, LANGUAGE, OUTPUT = "RADIUS", "TERRITORY", "LANGUAGE", "OUTPUT"

#: Field names looked for when none is given (lower case): commune name, commune code.
NAME_FIELDS = ("nom", "name", "libgeo", "nom_commune", "nom_com", "libelle", "commune")
CODE_FIELDS = ("code_insee", "insee_com", "codgeo", "code_commune", "com", "depcom")
#: Rows of the table of the least served communes.
TABLE_ROWS = 25


def first_field(names, wanted):
    lower = {name.lower(): name for name in names}
    return next((lower[name] for name in wanted if name in lower), None)


def users_project(context):
    """The project open in the QGIS desktop when the run works on it (a dialog, the Python console), else None
    (qgis_process, a run on a project of its own)."""
    project = context.project()
    if project is None or qgis.utils.iface is None:
        return None
    return project if sip.unwrapinstance(project) == sip.unwrapinstance(QgsProject.instance()) else None


class CouncilReportAlgorithm(RunnableAlgorithm):
    def name(self):
        return "councilreport"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Territorial report for the council (PDF)")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("A printable A4 report for the council: key figures, maps, charts, least served communes, method.")

    def flags(self):
        # Layout export and chart drawing run in the main thread: QGIS layouts are not safe in a worker thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        """The run, then, in the desktop, its print layout added to the user's project for editing: once the PDF
        is in place, so that a run that fails or is cancelled adds nothing to the project."""
        self._report = None  # the ReportLayout built in the user's project
        try:
            results = super().processAlgorithm(parameters, context, feedback)
            if results and self._report is not None:
                name = unused_layout_name(self._report.project, tr("Territorial report – {territory}").format(
                    territory=self.parameterAsString(parameters, TERRITORY, context)))
                self._report.add_to_project(name)
                self._report = None
                feedback.pushInfo(tr("Print layout “{name}” added to the project for editing (Project › Layouts). "
                                     "Its layers, in the unchecked group of the same name, are temporary: make them "
                                     "permanent to keep its maps in the saved project.").format(name=name))
            return results
        finally:
            if self._report is not None:
                self._report.discard()
            self._report = None

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Writes an A4 PDF report, the diagnostic territorial d'accès aux soins, from the outputs of the other "
            "algorithms: a title page with the key figures and the data sources; maps of the APL classes (DREES "
            "thresholds 2.5 and 4), of the minutes to the nearest GP, of the underserved zones with their "
            "population and of the suggested sites labelled with their commune; charts of the population by APL "
            "class, of the cumulative population by minutes and of the situation before and after the suggested "
            "sites; a table of the least served communes; the method and the data licences.\n\n"
            "Only the communes with the APL (output of “Accessibility index”) are needed; each other layer adds "
            "its page. Layers are joined to the communes by the commune code field. The figures are computed from "
            "the layers. French by default, English on request. Without matplotlib the charts become tables.")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(section(tr("Communes"), QgsProcessingParameterFeatureSource(
            INPUT, tr("Communes with the APL (output of “Accessibility index”)"),
            [QgsProcessing.SourceType.TypeVectorPolygon])))
        self.addParameter(number_field_parameter(INDEX_FIELD, tr("APL field (default: access_index)"), INPUT))
        self.addParameter(explained(number_field_parameter(
            POPULATION_FIELD, tr("Population field (inhabitants)"), INPUT), population_help()))
        self.addParameter(number_field_parameter(
            STD_POPULATION_FIELD, tr("Standardised population field (weights the mean APL; default: pop_std)"),
            INPUT))
        self.addParameter(number_field_parameter(
            TIME_FIELD, tr("Minutes to the nearest GP field (default: nearest_min)"), INPUT))
        self.addParameter(number_field_parameter(NAME_FIELD, tr("Commune name field (default: nom, name…)"), INPUT))
        self.addParameter(number_field_parameter(
            CODE_FIELD, tr("Commune code field joining the other layers (default: code_insee…)"), INPUT))
        self.addParameter(section(tr("Outputs of the other algorithms (each adds its page)"),
                                  QgsProcessingParameterFeatureSource(
            NEAREST, tr("Minutes to the nearest GP (output of “Nearest facility”)"),
            [QgsProcessing.SourceType.TypeVectorAnyGeometry], optional=True)))
        self.addParameter(QgsProcessingParameterFeatureSource(
            CLASSES, tr("Communes by class (output of “Underserved zones”)"),
            [QgsProcessing.SourceType.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            ZONES, tr("Underserved zones (output of “Underserved zones”)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            SITES, tr("Suggested sites (output of “Suggest sites for new health centres”)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            SITES_DEMAND, tr("Demand units before and after (output of “Suggest sites for new health centres”)"),
            [QgsProcessing.SourceType.TypeVectorAnyGeometry], optional=True))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            RADIUS, tr("Time counted as far in the before/after of the sites (minutes; empty: the coverage radius "
                       "the suggested sites were computed with, else 20)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0)))
        self.addParameter(section(tr("Report"), QgsProcessingParameterString(
            TERRITORY, tr("Name of the territory"), defaultValue=tr("My territory"))))
        self.addParameter(QgsProcessingParameterEnum(
            LANGUAGE, tr("Report language"), options=["Français", "English"], defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            OUTPUT, tr("Report (PDF)"), fileFilter=tr("PDF files (*.pdf)")))

    # ------------------------------------------------------------------ reading
    def field_or_default(self, parameters, name, context, names, defaults, label, required=True):
        value = self.parameterAsString(parameters, name, context)
        if value:
            return value
        found = first_field(names, defaults)
        if found is None and required:
            raise QgsProcessingException(tr(
                "The communes layer has no field “{field}”; choose the {label} field (its fields: {names}).").format(
                field=defaults[0], label=label, names=", ".join(names)))
        return found

    def joined(self, parameters, name, context, crs, codes, code_field, fields, label, feedback):
        """Columns ``fields`` of the optional layer ``name`` in the order of the communes (NaN / None where a
        commune is absent from it), joined by ``code_field``; None when the layer is not given."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        data = read_layer(source, crs, context, label, fields=(code_field,) + fields, keep_features=False,
                          feedback=feedback, check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        rows = {str(code): row for row, code in enumerate(field_values(data, code_field))}
        position = np.array([rows.get(str(code), -1) for code in codes])
        if (position < 0).all():
            raise QgsProcessingException(tr(
                "No commune code of the {label} layer (field “{field}”) matches the communes layer.").format(
                label=label, field=code_field))
        columns = {}
        for field in fields:
            values = np.asarray([None if is_null(value) else value for value in field_values(data, field)],
                                dtype=object)
            columns[field] = np.where(position >= 0, values[np.maximum(position, 0)], None)
        return columns

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        language = report.LANGUAGES[self.parameterAsEnum(parameters, LANGUAGE, context)]
        t = report.texts(language)
        source = self.parameterAsSource(parameters, INPUT, context)
        if source is None:
            raise QgsProcessingException(tr("The communes layer could not be opened."))
        names = source.fields().names()
        index_field = self.field_or_default(parameters, INDEX_FIELD, context, names, ("access_index", "apl"),
                                            tr("APL"))
        name_field = self.field_or_default(parameters, NAME_FIELD, context, names, NAME_FIELDS, tr("name"), False)
        code_field = self.field_or_default(parameters, CODE_FIELD, context, names, CODE_FIELDS, tr("code"), False)
        time_field = self.field_or_default(parameters, TIME_FIELD, context, names, ("nearest_min",), "", False)
        std_field = self.field_or_default(parameters, STD_POPULATION_FIELD, context, names, ("pop_std",), "", False)
        population_field = choose_population_field(self, parameters, POPULATION_FIELD, context, names,
                                                   tr("communes"), feedback)
        fields = tuple(dict.fromkeys(f for f in (index_field, population_field, std_field, time_field, name_field,
                                                 code_field) if f))
        communes = read_layer(source, crs, context, tr("communes"), fields=fields, keep_features=False,
                              feedback=feedback, check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        apl = read_numbers(communes, index_field, tr("APL"))
        population = read_numbers(communes, population_field, tr("population"), INHABITANT_UNITS)
        standardised = read_numbers(communes, std_field, tr("standardised population")) if std_field else None
        minutes = read_numbers(communes, time_field, tr("minutes"), MINUTE_UNITS) if time_field else None
        codes = [str(code) for code in field_values(communes, code_field)] if code_field else \
            [str(i) for i in range(len(communes))]
        commune_names = [str(name) for name in field_values(communes, name_field)] if name_field else \
            [t["no_name"].format(code=code) for code in codes]
        needs_code = [name for name in (NEAREST, CLASSES, SITES_DEMAND) if parameters.get(name)]
        if needs_code and not code_field:
            raise QgsProcessingException(tr(
                "Choose the commune code field of the communes layer: it joins the layers {names}.").format(
                names=", ".join(needs_code)))
        feedback.setProgress(10)

        nearest = self.joined(parameters, NEAREST, context, crs, codes, code_field, ("nearest_min",),
                              tr("nearest GP"), feedback)
        if nearest is not None:
            minutes = np.array([np.nan if value is None else float(value) for value in nearest["nearest_min"]])
        classes = self.joined(parameters, CLASSES, context, crs, codes, code_field, ("class_code",),
                              tr("communes by class"), feedback)
        class_code = None if classes is None else np.array(
            [NO_DATA if value is None else int(value) for value in classes["class_code"]])
        check_cancel(feedback)

        figures = report.key_figures(population, apl, standardised, minutes)
        feedback.pushInfo(tr("{people:,.0f} inhabitants ({share:.1%}) live where the APL is under 2.5.").format(
            people=figures.under_low, share=figures.share(figures.under_low)))
        users = users_project(context)
        project = QgsProject() if users is None else users
        communes_layer = commune_layer(crs, communes, commune_names, population, apl, minutes, class_code)
        with tempfile.TemporaryDirectory(prefix="medical-deserts-report-") as folder:
            content = ReportContent(
                language=language, territory=self.parameterAsString(parameters, TERRITORY, context),
                date=report.format_date(datetime.date.today(), language), communes=communes_layer,
                key_lines=[], source_lines=self.source_lines(parameters, context, language),
                apl_counts=list(report.population_by_class(population, apl, report.APL_THRESHOLDS)),
                has_minutes=minutes is not None)
            self.add_classes(content, class_code, population, language)
            if minutes is not None:
                content.cumulative = report.cumulative_population(population, minutes)
                content.minute_counts = list(report.population_by_class(population, minutes, report.MINUTE_BOUNDS))
            content.zones = self.zone_layer(parameters, context, crs, language, feedback)
            change = self.add_sites(parameters, context, crs, content, communes, commune_names, codes,
                                    code_field, population_field, feedback)
            site_count = content.sites.featureCount() if content.sites else 0
            content.key_lines = report.key_figure_lines(figures, language, change, site_count)
            content.run_lines = [report.apl_method_line(recorded(self.parameterAsVectorLayer(
                parameters, INPUT, context)), language)]
            if content.sites is not None:
                content.run_lines.append(report.sites_method_line(self.sites_record(parameters, context), language,
                                                                  site_count))
            content.table = report.most_underserved(report.commune_table(
                commune_names, population, apl, language, minutes, content.class_labels, class_code), TABLE_ROWS)
            report_charts.draw_charts(content, folder)
            feedback.setProgress(50)
            check_cancel(feedback)
            builder = ReportLayout(project, content)
            if users is not None:
                self._report = builder  # kept in the project at the end of the run, removed if the run fails
            layout = builder.build()
            path = self.write_pdf(layout)
            check_cancel(feedback)
        feedback.pushInfo(tr("Report of {pages} pages written: {path}").format(
            pages=layout.pageCollection().pageCount(), path=path))
        return {OUTPUT: path}

    # ------------------------------------------------------------------ content

    @staticmethod
    def add_classes(content, class_code, population, language):
        if class_code is None:
            return
        present = [code for code in CLASS_LABELS if (class_code == code).any()]
        labels = class_labels(present, language)
        content.class_labels = dict(zip(present, labels))
        content.class_counts = {label: float(population[class_code == code].sum())
                                for code, label in zip(present, labels)}

    def zone_layer(self, parameters, context, crs, language, feedback):
        """The underserved zones as a memory layer labelled with their population, or None."""
        source = self.parameterAsSource(parameters, ZONES, context)
        if source is None:
            return None
        zones = read_layer(source, crs, context, tr("underserved zones"), fields=("population",),
                           keep_features=False, feedback=feedback, check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        people = read_numbers(zones, "population", tr("population"), INHABITANT_UNITS)
        labels = [report.format_number(value, language) + (" hab." if language == "fr" else " inh.")
                  for value in people]
        return labelled_layer(crs, "MultiPolygon", multipolygon_wkb(zones.geometries), labels)

    def add_sites(self, parameters, context, crs, content, communes, commune_names, codes, code_field,
                  population_field, feedback):
        """The suggested sites (labelled with their commune) and what they change; returns the BeforeAfter."""
        source = self.parameterAsSource(parameters, SITES, context)
        language = content.language
        t = report.texts(language)
        change = None
        demand = self.joined(parameters, SITES_DEMAND, context, crs, codes, code_field,
                             ("index_before", "index_after", "before_min", "after_min"), tr("demand before and after"),
                             feedback)
        if demand is not None:
            values = {name: np.array([np.nan if v is None else float(v) for v in column], dtype=float)
                      for name, column in demand.items()}
            population = read_numbers(communes, population_field, tr("population"), INHABITANT_UNITS)
            change = report.before_after(population, values["index_before"], values["index_after"],
                                         values["before_min"], values["after_min"],
                                         radius=self.far_minutes(parameters, context))
            if change is not None and change.measure == "apl":
                set_apl_after(content.communes, values["index_after"])
                content.has_apl_after = True
            if change is not None:
                content.change = change
                content.change_caption = t["what_apl" if change.measure == "apl" else "what_minutes"].format(
                    limit=report.format_number(change.limit, language, 1 if change.measure == "apl" else 0))
                content.change_caption = (t["chart_apl_axis"] + " " + content.change_caption)
        if source is None:
            return change
        sites = read_layer(source, crs, context, tr("suggested sites"), fields=("rank", "adds", "served_pop"),
                           keep_features=False, feedback=feedback, check=QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        rank = read_numbers(sites, "rank", tr("rank"))
        adds = read_numbers(sites, "adds", tr("gain"))
        served = read_numbers(sites, "served_pop", tr("population"))
        order = np.argsort(rank)
        places = report.names_at(sites.geometries, communes.geometries, commune_names)
        record = self.sites_record(parameters, context)
        gains = [report.site_gain(record, adds[i], language) for i in order]
        labels = [t["site_label"].format(rank=int(rank[i]), name=places[i], gain=gain) for i, gain in zip(order, gains)]
        content.sites = labelled_layer(crs, "Point", shapely.to_wkb(sites.geometries[order]), labels)
        content.site_lines = [t["site_row"].format(rank=int(rank[i]), name=places[i], gain=gain,
                                                   served=report.format_number(served[i], language))
                              for i, gain in zip(order, gains)]
        content.site_gain_note = t["site_gain_known"] if record.get("model") else \
            t["site_gain_apl" if change is None or change.measure == "apl" else "site_gain_minutes"]
        return change

    def far_minutes(self, parameters, context):
        """Minutes beyond which the before/after of the sites counts inhabitants as far: RADIUS, else the coverage
        radius recorded by the run that made the suggested sites (MCLP, LSCP), else 20."""
        if self.parameterAsString(parameters, RADIUS, context):
            return self.parameterAsDouble(parameters, RADIUS, context)
        return float(self.sites_record(parameters, context).get("radius_min", report.FAR_MINUTES))

    def sites_record(self, parameters, context):
        """The record of the run that made the suggested sites (model, settings, solver status), or {}."""
        return recorded(self.parameterAsVectorLayer(parameters, SITES, context))

    def source_lines(self, parameters, context, language):
        """One line per input layer: its name, file and the file's date (the vintage of the data when known)."""
        t = report.texts(language)
        lines = []
        for name in (INPUT, NEAREST, CLASSES, ZONES, SITES, SITES_DEMAND):
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is None:
                continue
            path = layer.source().split("|")[0]
            if not os.path.isfile(path):  # a layer of this run (a step of the chain model), or a database's
                lines.append(t["source_line_computed"].format(layer=t["layers"][name]))
                continue
            date = datetime.date.fromtimestamp(os.path.getmtime(path))
            lines.append(t["source_line"].format(layer=t["layers"][name], file=os.path.basename(path),
                                                 date=report.format_date(date, language)))
        return lines


    def write_pdf(self, layout):
        """Export the report aside; the run's outputs move it into place at the end: never a partial PDF."""
        aside, path = self.output_file(OUTPUT)
        error = export_pdf(layout, aside)
        if error is not None:
            raise QgsProcessingException(tr("The report could not be written to {path} (layout export error "
                                            "{error}).").format(path=path, error=error))
        return path
