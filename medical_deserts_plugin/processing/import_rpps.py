"""``medicaldeserts:importrpps``: the RPPS extraction (Annuaire santé) as GP points and GP counts per commune.

Also holds what the import algorithms share (file, département and communes parameters, reader errors, writing),
used by ``import_finess`` and ``import_population``.
"""

import csv
import os
import re
import zipfile
from contextlib import contextmanager
from urllib.parse import urlparse

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core.borders import border_belt
from ..core.professions import PROFESSIONS
from ..core.sources.common import clean_codes, departement_of_commune, parse_departements
from ..core.sources.rpps import GP_SAVOIR_FAIRE, MEDECIN, gp_counts_by_commune, read_rpps
from ..gui.catalogue import safe_name
from ..gui.download import DownloadCancelled, DownloadError, download_file, format_bytes
from ..i18n import tr
from .accessibility_index import PROFESSION_IDS, profession_names
from .base import AlgorithmCancelled, RunnableAlgorithm, check_cancel
from .layers import is_null, read_input
from .network_parameters import working_crs, working_crs_parameter
from .qgis_compat import new_field
from .styles import LABEL_SCALE, GraduatedStyle, SymbolStyle, place_label, style_on_load

INPUT, SAVOIR_FAIRE = "INPUT", "SAVOIR_FAIRE"
DEPARTEMENTS, PROFESSION, SPECIALTIES, MODES = "DEPARTEMENTS", "PROFESSION", "SPECIALTIES", "MODES"
PROFESSION_PRESET = "PROFESSION_PRESET"
BELT_KM = "BELT_KM"
COMMUNES, COMMUNE_CODE_FIELD = "COMMUNES", "COMMUNE_CODE_FIELD"
OUTPUT, OUTPUT_COMMUNES = "OUTPUT", "OUTPUT_COMMUNES"

#: Attributes of the practitioner-site points, in this order.
POINT_FIELDS = (("rpps", "string"), ("profession", "string"), ("savoir_faire", "string"),
                ("mode_exercice", "string"), ("code_commune", "string"), ("secteur", "string"),
                ("finess_site", "string"), ("weight", "double"), ("in_belt", "bool"))
#: the field that flags the units kept only because they lie in the border belt
IN_BELT = "in_belt"
LISTED_IDS = 50
BATCH = 1000


def practitioner_classes():
    """Classes of the number of practitioners of a commune (field n_gp)."""
    return ((0, 0.5, "#f7f7f7", tr("No practitioner")),
            (0.5, 1.5, "#c7e9c0", tr("1 practitioner")),
            (1.5, 3.5, "#74c476", tr("2–3 practitioners")),
            (3.5, 9.5, "#31a354", tr("4–9 practitioners")),
            (9.5, 1e9, "#006d2c", tr("≥ 10 practitioners")))


# ----------------------------------------------------------------------------------- shared by the import algorithms


class ImportAlgorithm(RunnableAlgorithm):
    """Base of the data-import algorithms: their own group in the toolbox."""

    def group(self):
        return tr("Data import")

    def groupId(self):  # noqa: N802 (QGIS API)
        return "import"

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """An address (data.gouv.fr's stable ones have no file extension) passes the file parameters' check."""
        as_files = {name: "download.csv" if isinstance(value, str) and is_address(value) else value
                    for name, value in parameters.items()}
        return super().checkParameterValues(as_files, context)


def is_address(text):
    """Whether a file parameter holds an address (``https://...``) rather than a path."""
    return re.match(r"^[a-z][a-z0-9+.-]*://", text or "", re.IGNORECASE) is not None


def file_parameter(name, description, file_filter, optional=False):
    """A file input that also takes an https:// address (downloaded when the algorithm runs)."""
    return QgsProcessingParameterFile(name, f"{description} {tr('(a file, or its https:// address)')}",
                                      QgsProcessingParameterFile.Behavior.File, optional=optional,
                                      fileFilter=file_filter)


def add_departements_parameter(algorithm):
    algorithm.addParameter(QgsProcessingParameterString(
        DEPARTEMENTS, tr("Départements to keep (e.g. 23,53; empty = all)"), defaultValue="", optional=True))


def add_belt_parameter(algorithm):
    parameter = QgsProcessingParameterNumber(
        BELT_KM, tr("Border belt: communes of other départements within (km; 0 = the départements alone)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, optional=True)
    parameter.setHelp(tr("So that one run covers a département with its neighbours: the communes of other "
                         "départements of the communes layer within this distance of the listed départements' "
                         "communes are kept too, flagged in_belt. Needs the départements."))
    algorithm.addParameter(parameter)


def belt_metres(algorithm, parameters, context, departements, feedback):
    """The border belt's width in metres (0 without départements, said in the log); a negative width is refused."""
    km = algorithm.parameterAsDouble(parameters, BELT_KM, context) if parameters.get(BELT_KM) is not None else 0.0
    if not km >= 0:
        raise QgsProcessingException(tr("The border belt must be 0 km or more; got {km:g} km.").format(km=km))
    if km and not departements:
        feedback.pushWarning(tr("A border belt of {km:g} km needs the départements it surrounds: without them every "
                                "commune is kept.").format(km=km))
        return 0.0
    return km * 1000.0


def belt_aliases():
    """The alias of the ``in_belt`` field, for the outputs' styles."""
    return {IN_BELT: tr("In the border belt")}


def add_working_crs_parameter(algorithm):
    algorithm.addParameter(working_crs_parameter())


def add_communes_parameters(algorithm, description, optional=False):
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        COMMUNES, description, [QgsProcessing.SourceType.TypeVectorPolygon], optional=optional))
    algorithm.addParameter(QgsProcessingParameterField(
        COMMUNE_CODE_FIELD, tr("Commune code field (INSEE code)"), defaultValue="code_insee",
        parentLayerParameterName=COMMUNES, optional=True))  # optional: QGIS 3.22 refuses a missing value


def departements_filter(algorithm, parameters, context):
    """The départements asked for, as a list of codes, or None for all; a malformed list is refused."""
    text = algorithm.parameterAsString(parameters, DEPARTEMENTS, context)
    try:
        return parse_departements(text or None)
    except ValueError as error:
        raise QgsProcessingException(tr("The département list “{text}” is not valid: {error}").format(
            text=text, error=str(error))) from error


#: tests serve files on http://127.0.0.1; users get https:// only
ALLOW_LOCAL_HTTP = False


def input_file(algorithm, parameters, name, context, label, feedback=None):
    """Path of a file parameter, checked to exist, or of the file downloaded from an https:// address given
    instead (to the Processing temporary folder); "" for an optional parameter left empty."""
    path = algorithm.parameterAsFile(parameters, name, context)
    if is_address(path):
        return downloaded(path, label, feedback)
    if path and not os.path.isfile(path):
        raise QgsProcessingException(tr("The {label} file “{path}” does not exist.").format(label=label, path=path))
    return path or ""


def downloaded(url, label, feedback):
    """Download ``url`` (atomic write, format check) and return the local path; cancel honoured."""
    name = os.path.basename(urlparse(url).path) or "download"
    target = os.path.join(QgsProcessingUtils.tempFolder(), f"{safe_name(label)}_{safe_name(name)}")
    if feedback is not None:
        feedback.pushInfo(tr("Downloading {url}…").format(url=url))
    try:
        size = download_file(url, target, is_canceled=feedback.isCanceled if feedback is not None else None,
                             allow_local_http=ALLOW_LOCAL_HTTP)
    except DownloadCancelled as error:
        raise AlgorithmCancelled() from error
    except DownloadError as error:
        raise QgsProcessingException(str(error)) from error
    if feedback is not None:
        feedback.pushInfo(tr("Downloaded {size} to {path}.").format(size=format_bytes(size), path=target))
    return target


def code_list(algorithm, parameters, name, context):
    """A comma-separated list of codes, or None when empty (no filter)."""
    text = algorithm.parameterAsString(parameters, name, context)
    return text.strip() or None


@contextmanager
def reader_errors(label):
    """What a reader refuses (not the expected file, required columns missing...) becomes a clear message."""
    try:
        yield
    except (AlgorithmCancelled, QgsProcessingException):
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, csv.Error) as error:
        raise QgsProcessingException(tr("The {label} file could not be read: {error}").format(
            label=label, error=str(error))) from error


def reading_progress(feedback, start, end):
    """Progress callback for a reader: maps 0..1 onto ``start``..``end`` percent, stops on Cancel."""

    def report(fraction):
        feedback.setProgress(start + (end - start) * fraction)
        if feedback.isCanceled():
            raise AlgorithmCancelled()

    return report


def listed(ids, limit=LISTED_IDS):
    """``"a, b, c"``, or the first ``limit`` followed by "… (N more)"."""
    ids = [str(value) for value in ids]
    text = ", ".join(ids[:limit])
    if len(ids) > limit:
        text += " " + tr("… ({count} more)").format(count=len(ids) - limit)
    return text


def commune_code_texts(values):
    """Commune codes of a layer's field as 5-character text: NULL -> "", 1001 or 1001.0 -> "01001"."""
    texts = []
    for value in values:
        if is_null(value):
            texts.append("")
        elif isinstance(value, float) and value.is_integer():
            texts.append(str(int(value)))
        else:
            texts.append(str(value).strip())
    return clean_codes(texts, 5).to_numpy(dtype=object)


class Communes:
    """The communes layer in the working CRS: features, text codes, and the feature that stands for each code.

    With ``departements``, only their communes are kept, and with ``belt_m`` (metres) those of other départements
    within that distance of them too (``in_belt``); ``belt_m`` None: the algorithm has no belt (no in_belt field)."""

    def __init__(self, algorithm, parameters, context, feedback, crs, departements=None, belt_m=None):
        field = algorithm.parameterAsString(parameters, COMMUNE_CODE_FIELD, context)
        if not field:
            raise QgsProcessingException(tr("Choose the commune code field of the communes layer."))
        data = read_input(algorithm, parameters, COMMUNES, context, crs, tr("communes"), fields=[field],
                          feedback=feedback)
        if data.transformed_from:
            feedback.pushInfo(tr("The {label} layer is reprojected from {source} to {target}.").format(
                label=tr("communes"), source=data.transformed_from, target=crs.authid()))
        codes = commune_code_texts(data.columns[field])
        keep, in_belt = np.ones(len(codes), dtype=bool), np.zeros(len(codes), dtype=bool)
        of_commune = departement_of_commune(codes).to_numpy()
        if departements:
            keep, in_belt = border_belt(data.geometries, of_commune, departements, belt_m or 0.0)
            if not (keep & ~in_belt).any():
                raise QgsProcessingException(tr(
                    "No commune of the layer is in the département(s) {departements} (codes in “{field}”).").format(
                    departements=", ".join(departements), field=field))
        self.data = data
        self.field = field
        self.rows = np.flatnonzero(keep)
        self.codes = codes[self.rows]
        self.features = [data.features[row] for row in self.rows]
        self.geometries = data.geometries[self.rows]
        self.belt_m = belt_m
        self.in_belt = in_belt[self.rows]
        #: codes of the layer's communes left out (other départements, beyond the belt)
        self.left_out = np.setdiff1d(codes[~keep], self.codes)
        #: the départements of the kept communes: those asked for, then those of the belt
        self.departements = list(departements or []) + sorted(set(of_commune[in_belt]) - set(departements or []))
        if in_belt.any():
            feedback.pushInfo(tr("Border belt of {km:g} km: {count} commune(s) of {departements} kept besides those "
                                 "of {listed} (field in_belt).").format(
                km=belt_m / 1000.0, count=int(in_belt.sum()), departements=", ".join(self.departements[len(
                    departements):]), listed=", ".join(departements)))
        elif belt_m:
            feedback.pushInfo(tr("Border belt of {km:g} km: no commune of another département of the layer lies "
                                 "within it.").format(km=belt_m / 1000.0))
        self.wkb_type = data.wkb_type
        self.fields = data.features[0].fields()
        blank = int((self.codes == "").sum())
        if blank:
            feedback.pushWarning(tr("{count} commune(s) of the layer have no code in “{field}”: nothing can be "
                                    "joined to them.").format(count=blank, field=field))
        series = pd.Series(np.arange(len(self.codes)), index=self.codes)
        duplicated = series.index.duplicated() & (series.index != "")
        if duplicated.any():
            feedback.pushWarning(tr("{count} commune code(s) of the field “{field}” appear on several features of the "
                                    "communes layer ({codes}): values go to the first feature of each code.").format(
                count=len(set(self.codes[duplicated])), field=field,
                codes=listed(sorted(set(self.codes[duplicated])))))
        #: code -> row (in ``self.features``) of the feature that stands for it
        self.row_of_code = series[~series.index.duplicated() & (series.index != "")]

    def __len__(self):
        return len(self.codes)

    def first_of_code(self):
        """True for the feature that stands for its code (the first one), False for blank and repeated codes."""
        first = np.zeros(len(self.codes), dtype=bool)
        first[self.row_of_code.to_numpy()] = True
        return first

    def points_on_surface(self):
        """(x, y) of a point on the surface of each commune; NaN for a commune without geometry."""
        geometries = self.geometries
        present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
        xy = np.full((len(geometries), 2), np.nan)
        if present.any():
            shapes = geometries[present]
            invalid = ~shapely.is_valid(shapes)
            if invalid.any():
                shapes = shapes.copy()
                shapes[invalid] = shapely.make_valid(shapes[invalid])
            xy[present] = shapely.get_coordinates(shapely.point_on_surface(shapes))
        return xy

    def output_fields(self, added):
        """Fields of the output: the layer's fields (those named like an ``added`` one are replaced), then ``added``
        (``[(name, kind)]``, kinds of :func:`.qgis_compat.new_field`). Returns ``(fields, indices of the layer's
        attributes kept)``."""
        names = {name for name, _ in added} | ({IN_BELT} if self.belt_m is not None else set())
        fields, kept = QgsFields(), []
        for index, field in enumerate(self.fields):
            if field.name() not in names:
                fields.append(field)
                kept.append(index)
        for name, kind in added:
            fields.append(new_field(name, kind))
        if self.belt_m is not None:
            fields.append(new_field(IN_BELT, "bool"))
        return fields, kept

    def replaced_fields(self, added):
        names = {name for name, _ in added} | ({IN_BELT} if self.belt_m is not None else set())
        return [field.name() for field in self.fields if field.name() in names]


def python_values(column):
    """A pandas column as a list of plain Python values, None for missing (what QgsFeature.setAttributes takes)."""
    return column.astype(object).where(column.notna(), None).tolist()


def write_features(sink, features, feedback, start, end, name):
    """Add ``features`` to ``sink`` in batches, with progress from ``start`` to ``end`` and Cancel honoured."""
    total = max(1, len(features))
    for first in range(0, len(features), BATCH):
        check_cancel(feedback)
        if not sink.addFeatures(features[first:first + BATCH], QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("Could not write to the output {name}: {error}").format(
                name=name, error=sink.lastError()))
        feedback.setProgress(start + (end - start) * min(1.0, (first + BATCH) / total))


def point_feature(fields, attributes, x, y):
    feature = QgsFeature(fields)
    feature.setAttributes(attributes)
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    return feature


def commune_features(communes, fields, kept, values):
    """Output commune features: kept attributes of each commune, then its ``values`` (one list per commune), then
    whether it is in the border belt (when the algorithm has one)."""
    belt = [[bool(flag)] for flag in communes.in_belt] if communes.belt_m is not None else [[]] * len(communes)
    features = []
    for feature, extra, flag in zip(communes.features, values, belt):
        attributes = feature.attributes()
        output = QgsFeature(fields)
        output.setAttributes([attributes[i] for i in kept] + extra + flag)
        output.setGeometry(feature.geometry())
        features.append(output)
    return features


# ------------------------------------------------------------------------------------------------------ importrpps


class ImportRppsAlgorithm(ImportAlgorithm):
    def name(self):
        return "importrpps"

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Import RPPS practitioners (Annuaire santé)")

    def shortDescription(self):  # noqa: N802 (QGIS API)
        return tr("GP practices (or other professions) from the RPPS directory file, located by address or commune.")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "Reads the RPPS open extraction (PS_LibreAcces_Personne_activite, the zip as downloaded or the .txt) "
            "and places each practitioner's site at a point on the surface of its commune.\n\n"
            "Filters: a DREES profession (GPs, nurses, physiotherapists, midwives, dentists: its RPPS codes), or "
            "profession codes (10 = médecin), savoir-faire codes (SM53, SM54, SM26 = general practice; "
            "empty keeps every speciality), modes of practice (L libéral, S salarié, B bénévole; empty = all) and "
            "départements. Newer extractions keep the savoir-faire in a separate PS_LibreAcces_SavoirFaire file: "
            "give it, or leave it in the same zip or folder.\n\n"
            "A practitioner with several sites is split across them (weight = 1 / number of sites), so that each "
            "counts once in total. Paris, Lyon and Marseille arrondissements are counted in the city.\n\n"
            "Border belt: with départements and a belt of N km, the practitioners of the communes of other "
            "départements within N km of theirs are kept too (the communes layer must hold them), so that the APL "
            "of the border communes counts the GPs across the border.\n\n"
            "Outputs: one point per practitioner and site (rpps, profession, savoir_faire, mode_exercice, "
            "code_commune, secteur, finess_site, weight, in_belt), and every commune of the layer (of the "
            "départements and their belt, when départements are given) with n_gp (practitioners with a site there), "
            "fte (sum of their weights), 0 where there is none, and in_belt (kept only because it lies in the "
            "belt). Rows without a commune code, or whose commune is not in the layer, are counted and listed in "
            "the log."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(file_parameter(INPUT, tr("RPPS extraction (PS_LibreAcces_Personne_activite, .txt or .zip)"),
                                         tr("RPPS extraction (*.txt *.zip *.csv);;All files (*.*)")))
        self.addParameter(file_parameter(SAVOIR_FAIRE, tr("Separate savoir-faire file (PS_LibreAcces_SavoirFaire)"),
                                         tr("RPPS extraction (*.txt *.zip *.csv);;All files (*.*)"), optional=True))
        add_departements_parameter(self)
        self.addParameter(QgsProcessingParameterEnum(
            PROFESSION_PRESET, tr("DREES profession (sets the profession and savoir-faire codes below)"),
            options=[tr("None: the codes below")] + profession_names(), defaultValue=0))
        add_belt_parameter(self)
        self.addParameter(QgsProcessingParameterString(
            PROFESSION, tr("Profession codes (10 = médecin; empty = all)"), defaultValue=MEDECIN, optional=True))
        self.addParameter(QgsProcessingParameterString(
            SPECIALTIES, tr("Savoir-faire codes (general practice: SM53,SM54,SM26; empty = all)"),
            defaultValue=",".join(GP_SAVOIR_FAIRE), optional=True))
        self.addParameter(QgsProcessingParameterString(
            MODES, tr("Modes of practice (L libéral, S salarié, B bénévole; empty = all)"), defaultValue="",
            optional=True))
        add_communes_parameters(self, tr("Communes (polygons)"))
        add_working_crs_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Practitioner sites"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT_COMMUNES, tr("Practitioners per commune"), QgsProcessing.SourceType.TypeVectorPolygon))

    def run_algorithm(self, parameters, context, feedback):
        crs = working_crs(self, parameters, context)
        departements = departements_filter(self, parameters, context)
        belt_m = belt_metres(self, parameters, context, departements, feedback)
        path = input_file(self, parameters, INPUT, context, tr("RPPS"), feedback)
        savoir_faire_path = input_file(self, parameters, SAVOIR_FAIRE, context, tr("savoir-faire"), feedback)
        communes = Communes(self, parameters, context, feedback, crs, departements, belt_m)
        check_cancel(feedback)
        feedback.setProgress(5)
        with reader_errors(tr("RPPS")):
            frame, report = read_rpps(
                path, departements=communes.departements or None,
                **self.profession_filter(parameters, context, feedback),
                modes=code_list(self, parameters, MODES, context), savoir_faire_path=savoir_faire_path or None,
                progress=reading_progress(feedback, 5, 70))
        self.report_reading(feedback, report)
        beyond = frame["code_commune"].isin(communes.left_out).to_numpy()
        if beyond.any():
            feedback.pushInfo(tr("{count} practitioner-site row(s) of the belt's départements lie beyond the belt: "
                                 "left out.").format(count=int(beyond.sum())))
            frame = frame[~beyond]
        check_cancel(feedback)

        row = frame["code_commune"].map(communes.row_of_code)
        xy = communes.points_on_surface()
        has_code = frame["code_commune"].notna().to_numpy()
        known = row.notna().to_numpy()
        row = row.fillna(-1).to_numpy(dtype=np.int64)
        has_point = known.copy()
        has_point[known] = ~np.isnan(xy[row[known], 0])
        self.report_unplaced(feedback, frame, has_code, known, has_point, departements)
        placed = frame[has_point]
        counts = gp_counts_by_commune(placed).set_index("code_commune")
        n_gp = counts["n_practitioners"].reindex(communes.codes).fillna(0).to_numpy(dtype=np.int64)
        fte = counts["fte"].reindex(communes.codes).fillna(0.0).to_numpy(dtype=float)
        first = communes.first_of_code()
        n_gp, fte = np.where(first, n_gp, 0), np.where(first, fte, 0.0)
        feedback.pushInfo(tr("{placed} practitioner-site rows placed in {communes} commune(s): {n_gp} practitioners, "
                             "{fte:.1f} full-time equivalents.").format(
            placed=len(placed), communes=int((n_gp > 0).sum()), n_gp=int(placed["rpps"].nunique()),
            fte=float(fte.sum())))
        feedback.setProgress(75)

        point_fields = QgsFields()
        for name, kind in POINT_FIELDS:
            point_fields.append(new_field(name, kind))
        placed = placed.assign(**{IN_BELT: communes.in_belt[row[has_point]]})
        columns = [python_values(placed[name]) for name, _ in POINT_FIELDS]
        placed_xy = xy[row[has_point]]
        points = []
        for index, attributes in enumerate(zip(*columns)):
            if index % BATCH == 0:
                check_cancel(feedback)
            points.append(point_feature(point_fields, list(attributes), placed_xy[index, 0], placed_xy[index, 1]))
        added = [("n_gp", "int"), ("fte", "double")]
        replaced = communes.replaced_fields(added)
        if replaced:
            feedback.pushInfo(tr("The communes layer's fields {names} are replaced by the computed ones.").format(
                names=", ".join(replaced)))
        commune_fields, kept = communes.output_fields(added)
        polygons = commune_features(communes, commune_fields, kept,
                                    [[int(n), float(f)] for n, f in zip(n_gp, fte)])
        check_cancel(feedback)
        feedback.setProgress(85)

        sink, output_id = self.parameterAsSink(parameters, OUTPUT, context, point_fields, QgsWkbTypes.Type.Point,
                                               crs)
        commune_sink, communes_id = self.parameterAsSink(parameters, OUTPUT_COMMUNES, context, commune_fields,
                                                         communes.wkb_type, crs)
        write_features(sink, points, feedback, 85, 92, tr("practitioner sites"))
        write_features(commune_sink, polygons, feedback, 92, 100, tr("practitioners per commune"))
        style_on_load(context, output_id, SymbolStyle("#2171b5", size=1.8, aliases=belt_aliases()))
        style_on_load(context, communes_id, GraduatedStyle("n_gp", practitioner_classes(),
                                                           label=place_label(commune_fields.names()),
                                                           label_scale=LABEL_SCALE, aliases=belt_aliases()))
        feedback.setProgress(100)
        return {OUTPUT: output_id, OUTPUT_COMMUNES: communes_id}

    def profession_filter(self, parameters, context, feedback):
        """``professions`` and ``savoir_faire`` codes of read_rpps: the DREES profession's when one is chosen
        (core.professions), else the codes typed."""
        choice = self.parameterAsEnum(parameters, PROFESSION_PRESET, context)
        if not choice:
            return dict(professions=code_list(self, parameters, PROFESSION, context),
                        savoir_faire=code_list(self, parameters, SPECIALTIES, context))
        preset = PROFESSIONS[PROFESSION_IDS[choice - 1]]
        feedback.pushInfo(tr("{name}: profession code {code}, savoir-faire {codes}.").format(
            name=profession_names()[choice - 1], code=preset.rpps_profession,
            codes=",".join(preset.rpps_savoir_faire) if preset.rpps_savoir_faire else tr("all")))
        return dict(professions=preset.rpps_profession, savoir_faire=preset.rpps_savoir_faire)

    @staticmethod
    def report_reading(feedback, report):
        feedback.pushInfo(tr("{source}: {lines} lines read ({encoding}); {rows} practitioner-site rows kept for "
                             "{practitioners} practitioners ({fte:.1f} full-time equivalents).").format(
            source=report.source, lines=report.lines_read, encoding=report.encoding, rows=report.rows_kept,
            practitioners=report.practitioners, fte=report.fte))
        if report.malformed_lines:
            feedback.pushWarning(tr("{count} malformed line(s) of the RPPS file skipped (wrong number of "
                                    "fields).").format(count=report.malformed_lines))
        if report.unlocated_rows:
            feedback.pushWarning(tr("{count} row(s) with neither commune nor postal code left out by the "
                                    "département filter.").format(count=report.unlocated_rows))
        if report.rows_kept == 0:
            feedback.pushWarning(tr("No practitioner matches the filters."))

    @staticmethod
    def report_unplaced(feedback, frame, has_code, known, has_point, departements):
        no_code = ~has_code
        if no_code.any():
            feedback.pushWarning(tr("{count} practitioner-site row(s) have no commune code and are not placed "
                                    "(RPPS ids: {ids}).").format(
                count=int(no_code.sum()), ids=listed(frame.loc[no_code, "rpps"].unique())))
        unknown = has_code & ~known
        if unknown.any():
            pairs = (frame.loc[unknown, "rpps"] + " (" + frame.loc[unknown, "code_commune"] + ")").unique()
            feedback.pushWarning(tr("{count} practitioner-site row(s) have a commune code that is not in the "
                                    "communes layer and are not placed (RPPS ids and communes: {ids}).").format(
                count=int(unknown.sum()), ids=listed(pairs)))
            if not departements:
                feedback.pushWarning(tr("Tip: give the départements of the communes layer to keep only their "
                                        "practitioners."))
        no_geometry = known & ~has_point
        if no_geometry.any():
            pairs = (frame.loc[no_geometry, "rpps"] + " (" + frame.loc[no_geometry, "code_commune"] + ")").unique()
            feedback.pushWarning(tr("{count} practitioner-site row(s) are in a commune without geometry and are not "
                                    "placed (RPPS ids and communes: {ids}).").format(
                count=int(no_geometry.sum()), ids=listed(pairs)))
